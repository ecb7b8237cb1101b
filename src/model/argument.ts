/**
 * The argument analysis lives in `src/argument/` (a staged module: structure
 * → cues → evidence → roles → support → thesis → priority). This module
 * keeps the import path rules, reporters and tools have always used.
 */
export * from '../argument/index.js'
