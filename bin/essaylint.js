#!/usr/bin/env node
// Entry point of the `essaylint` command. The exit code is set, not forced, so
// that a large report written to a pipe is flushed whole before Node exits.
import {main} from '../dist/src/bundle/cli.js'

main(process.argv.slice(2), {stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd()}).then(
  (code) => {
    process.exitCode = code
  },
  (error) => {
    process.stderr.write(`essaylint: internal error: ${error && error.message ? error.message : error}\n`)
    process.exitCode = 2
  }
)
