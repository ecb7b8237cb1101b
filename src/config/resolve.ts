/**
 * Turns what a user wrote in a config file (`extends`, `rules`, `concepts`)
 * into a resolved config: a severity and options for every rule, plus the
 * concept additions. Everything is checked here, before any essay is read,
 * and every problem is a ConfigError naming the file (and line, where it can
 * be found) in plain words.
 */

import {readFileSync} from 'node:fs'
import path from 'node:path'
import {parse as parseYaml} from 'yaml'
import {checkConceptConfig, defaultConcepts, resolveConcepts, type ConceptConfig} from '../model/lexicon.js'
import type {Severity} from '../rule.js'
import {rules} from '../rules.js'
import {presets} from './presets.js'

export type RuleSetting = Severity | number | [Severity | number, Record<string, unknown>?]

export interface UserConfig {
  extends?: string | string[]
  rules?: Record<string, RuleSetting>
  concepts?: Record<string, ConceptConfig>
}

export interface ResolvedConfig {
  rules: Record<string, {severity: Severity; options: Record<string, unknown>}>
  concepts: Record<string, ConceptConfig>
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    problem: string,
    readonly line?: number
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${problem}`)
    this.name = 'ConfigError'
  }
}

const topKeys = ['extends', 'rules', 'concepts']
const severities: Record<string, Severity> = {off: 'off', info: 'info', warn: 'warn', warning: 'warn', error: 'error', 0: 'off', 1: 'warn', 2: 'error'}

/** Best-effort line of a key in the config text, so errors can point at it. */
function lineOf(file: string, key: string): number | undefined {
  try {
    const text = readFileSync(file, 'utf8')
    const at = text.search(new RegExp(`["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`))
    return at === -1 ? undefined : text.slice(0, at).split('\n').length
  } catch {
    return undefined
  }
}

function loadExtended(specifier: string, from: string): {config: unknown; file: string} {
  if (specifier in presets) return {config: presets[specifier], file: specifier}
  if (specifier.startsWith('essaylint:')) {
    throw new ConfigError(from, `unknown preset "${specifier}" (expected ${Object.keys(presets).join(' or ')})`, lineOf(from, 'extends'))
  }
  const file = path.resolve(path.dirname(from), specifier)
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    throw new ConfigError(from, `cannot read extended config "${specifier}"`, lineOf(from, 'extends'))
  }
  try {
    return {config: /\.ya?ml$/.test(file) ? parseYaml(text) : JSON.parse(text), file}
  } catch (error) {
    throw new ConfigError(file, `cannot parse: ${(error as Error).message.split('\n')[0]}`)
  }
}

function parseSeverity(value: unknown, file: string, id: string): Severity {
  const severity = severities[String(value)]
  if (severity === undefined || typeof value === 'boolean') {
    throw new ConfigError(file, `rule "${id}" has an invalid severity ${JSON.stringify(value)} (expected "off", "info", "warn" or "error")`, lineOf(file, id))
  }
  return severity
}

/**
 * Resolve a user config. `file` names where it came from (a path, or a
 * description such as "--rule"); `chain` guards against `extends` loops.
 */
export function resolveConfig(raw: unknown, file: string, chain: string[] = []): ResolvedConfig {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(file, 'a config must be an object with "extends", "rules" or "concepts"')
  }
  const config = raw as Record<string, unknown>
  for (const key of Object.keys(config)) {
    if (!topKeys.includes(key)) {
      throw new ConfigError(file, `unknown key "${key}" (expected ${topKeys.map((k) => `"${k}"`).join(', ')})`, lineOf(file, key))
    }
  }
  const result: ResolvedConfig = {rules: {}, concepts: {}}
  const extended = config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends]
  for (const specifier of extended) {
    if (typeof specifier !== 'string') throw new ConfigError(file, '"extends" must be a preset name or a path', lineOf(file, 'extends'))
    const loaded = loadExtended(specifier, file)
    if (chain.includes(loaded.file) || loaded.file === file) {
      throw new ConfigError(file, `"extends" loops back to ${path.relative(process.cwd(), loaded.file) || loaded.file}`, lineOf(file, 'extends'))
    }
    const base = resolveConfig(loaded.config, loaded.file, [...chain, file])
    Object.assign(result.rules, base.rules)
    Object.assign(result.concepts, base.concepts)
  }

  if (config.concepts !== undefined) {
    if (config.concepts === null || typeof config.concepts !== 'object' || Array.isArray(config.concepts)) {
      throw new ConfigError(file, '"concepts" must be an object of concept ids', lineOf(file, 'concepts'))
    }
    const builtin = defaultConcepts()
    for (const [id, value] of Object.entries(config.concepts)) {
      const problem = checkConceptConfig(id, value, id in builtin || id in result.concepts)
      if (problem) throw new ConfigError(file, problem, lineOf(file, id))
      result.concepts[id] = {...result.concepts[id], ...(value as ConceptConfig)}
    }
  }

  if (config.rules !== undefined) {
    if (config.rules === null || typeof config.rules !== 'object' || Array.isArray(config.rules)) {
      throw new ConfigError(file, '"rules" must be an object of rule ids', lineOf(file, 'rules'))
    }
    for (const [id, setting] of Object.entries(config.rules)) {
      if (!(id in rules)) {
        throw new ConfigError(file, `unknown rule "${id}" (known rules: ${Object.keys(rules).join(', ')})`, lineOf(file, id))
      }
      const [severityValue, options] = Array.isArray(setting) ? setting : [setting, undefined]
      const severity = parseSeverity(severityValue, file, id)
      if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
        throw new ConfigError(file, `rule "${id}": options must be an object`, lineOf(file, id))
      }
      const previous = result.rules[id]
      result.rules[id] = {severity, options: options ? (options as Record<string, unknown>) : (previous?.options ?? {})}
    }
  }
  return result
}

/** Check every rule's options against the concepts in force (after merging). */
export function validateRuleOptions(config: ResolvedConfig, file: string): void {
  const concepts = resolveConcepts(config.concepts)
  for (const [id, setting] of Object.entries(config.rules)) {
    const problem = rules[id].meta.validate(setting.options, concepts)
    if (problem) throw new ConfigError(file, `rule "${id}": ${problem}`, lineOf(file, id))
  }
}

/** Apply command-line `--rule id=severity` overrides on top of a config. */
export function applyOverrides(config: ResolvedConfig, overrides: Record<string, Severity>): ResolvedConfig {
  const result: ResolvedConfig = {rules: {...config.rules}, concepts: config.concepts}
  for (const [id, severity] of Object.entries(overrides)) {
    result.rules[id] = {severity, options: config.rules[id]?.options ?? {}}
  }
  return result
}

/** The config used when no file is found: the recommended preset. */
export function defaultConfig(): ResolvedConfig {
  return resolveConfig({extends: 'essaylint:recommended'}, 'default config')
}

/** Resolve a config and check rule options, with `extends: essaylint:recommended` implied. */
export function loadConfig(raw: unknown, file: string, overrides: Record<string, Severity> = {}): ResolvedConfig {
  let resolved = resolveConfig(raw, file)
  const explicit = raw && typeof raw === 'object' && 'extends' in (raw as object)
  if (!explicit) {
    const base = defaultConfig()
    resolved = {rules: {...base.rules, ...resolved.rules}, concepts: resolved.concepts}
  }
  resolved = applyOverrides(resolved, overrides)
  validateRuleOptions(resolved, file)
  return resolved
}
