/**
 * Turns what a user wrote in a config file (`extends`, `rules`, `concepts`)
 * into a resolved config: a severity and options for every rule, plus the
 * concept additions. Everything is checked here, before any essay is read,
 * and every problem is a ConfigError naming the file (and line, where it can
 * be found) in plain words.
 */

import {realpathSync} from 'node:fs'
import path from 'node:path'
import {parse as parseYaml} from 'yaml'
import {checkConceptConfig, defaultConcepts, resolveConcepts, type ConceptConfig} from '../model/lexicon.js'
import {checkRuleOptions, type EssayRule, type Severity} from '../rule.js'
import {rules} from '../rules.js'
import {presets} from './presets.js'
import {ConfigFileError, readConfigFile} from './read-config-file.js'
import {parseProblem} from './parse-problem.js'
import {packageNameOf, requireConfig, resolvePackage} from './shareable.js'

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

/** How a config file is named in messages: relative to the working folder. */
const display = (file: string) => (path.isAbsolute(file) ? path.relative(process.cwd(), file) || file : file)

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    problem: string,
    readonly line?: number
  ) {
    super(`${display(file)}${line ? `:${line}` : ''}: ${problem}`)
    this.name = 'ConfigError'
  }
}

const topKeys = ['extends', 'rules', 'concepts']
const severities: Record<string, Severity> = {off: 'off', info: 'info', warn: 'warn', warning: 'warn', error: 'error', 0: 'off', 1: 'warn', 2: 'error'}

/**
 * Whether `key` is one of the record's own names. Config keys are user input:
 * `"toString"` or `"constructor"` must not be found on Object.prototype.
 */
const own = (record: object, key: string) => Object.prototype.hasOwnProperty.call(record, key)

/** Parse a JSON or YAML config; a syntax error names the file and, where the parser knows it, the line. */
export function parseConfigText(text: string, file: string): unknown {
  const yaml = /\.ya?ml$/.test(file)
  try {
    return yaml ? parseYaml(text, {logLevel: 'error'}) : JSON.parse(text)
  } catch (error) {
    // Line and the parser's words only: never the file's content (src/config/parse-problem.ts).
    const {line, problem} = parseProblem(error, text)
    throw new ConfigError(display(file), `cannot parse: ${problem}`, line)
  }
}

/** Best-effort line of a key in the config text, so errors can point at it. */
function lineOf(file: string, key: string): number | undefined {
  try {
    const text = readConfigFile(file)
    const at = text.search(new RegExp(`["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`))
    return at === -1 ? undefined : text.slice(0, at).split('\n').length
  } catch {
    return undefined
  }
}

/**
 * Where a config file lives and what it may extend. Configs found in a
 * student's folder are input: their `extends` is resolved relative to the
 * config file itself, and must stay inside one of `roots` (after following
 * links), so a repository cannot make essaylint read `/etc/shadow` or
 * `~/.ssh/…` as a config. Configs given in code (the API) have no roots.
 */
export interface ConfigSource {
  /** The config file's absolute path (its folder resolves relative `extends`). */
  path?: string
  /** Folders an `extends` may lead into: the project folder, and the folder of a config given on the command line. */
  roots?: string[]
  /**
   * Configs already resolved while resolving this one, by absolute path: a
   * diamond of configs that each extend `[next, next]` is loaded once per
   * file, not once per path through it (2^n).
   */
  resolved?: Map<string, ResolvedConfig>
}

const realOrResolved = (file: string) => {
  try {
    return realpathSync(file)
  } catch {
    return path.resolve(file)
  }
}

const isInside = (file: string, folder: string) => {
  const relative = path.relative(realOrResolved(folder), file)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

function loadExtended(specifier: string, from: string, source: ConfigSource = {}): {config: unknown; file: string} {
  if (own(presets, specifier)) return {config: presets[specifier], file: specifier}
  if (specifier.startsWith('essaylint:')) {
    throw new ConfigError(from, `unknown preset "${specifier}" (expected ${Object.keys(presets).join(' or ')})`, lineOf(from, 'extends'))
  }
  // A package name (not a path): a shareable config from node_modules (./shareable.ts).
  const name = packageNameOf(specifier)
  if (name) return loadShareable(specifier, name, source.path ?? from)
  const file = path.resolve(path.dirname(source.path ?? from), specifier)
  if (source.roots && !source.roots.some((root) => isInside(realOrResolved(file), root))) {
    throw new ConfigError(
      from,
      `"extends" names "${specifier}", which is outside the project folder; extend a config inside it, or give that config with --config`,
      lineOf(source.path ?? from, 'extends')
    )
  }
  let text: string
  try {
    text = readConfigFile(file)
  } catch (error) {
    const why = error instanceof ConfigFileError ? `: ${error.message}` : ''
    throw new ConfigError(from, `cannot read extended config "${specifier}"${why}`, lineOf(from, 'extends'))
  }
  return {config: parseConfigText(text, file), file}
}

function loadShareable(specifier: string, name: string, from: string): {config: unknown; file: string} {
  const file = resolvePackage(name, from)
  if (!file) throw new ConfigError(from, `cannot find the shareable config "${name}" (from "extends": "${specifier}"); install it with npm in the course folder`, lineOf(from, 'extends'))
  if (/\.(?:json|ya?ml)$/.test(file)) {
    try {
      return {config: parseConfigText(readConfigFile(file), file), file}
    } catch (error) {
      if (error instanceof ConfigError) throw error
      const why = error instanceof ConfigFileError ? `: ${error.message}` : ''
      throw new ConfigError(from, `cannot read the shareable config "${name}"${why}`, lineOf(from, 'extends'))
    }
  }
  try {
    return {config: requireConfig(file), file}
  } catch (error) {
    throw new ConfigError(from, `cannot load the shareable config "${name}": ${(error as Error).message.split('\n')[0]} (its entry must be JSON, YAML or CommonJS)`, lineOf(from, 'extends'))
  }
}

function parseSeverity(value: unknown, file: string, id: string): Severity {
  const severity = (typeof value === 'string' || typeof value === 'number') && own(severities, String(value)) ? severities[String(value)] : undefined
  if (severity === undefined) {
    throw new ConfigError(file, `rule "${id}" has an invalid severity ${JSON.stringify(value)} (expected "off", "info", "warn" or "error")`, lineOf(file, id))
  }
  return severity
}

/**
 * Resolve a user config. `file` names where it came from (a path, or a
 * description such as "--rule"); `chain` guards against `extends` loops.
 */
export function resolveConfig(raw: unknown, file: string, chain: string[] = [], source: ConfigSource = {}): ResolvedConfig {
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
    if (typeof specifier !== 'string') throw new ConfigError(file, '"extends" must be a preset name, a path or a package name', lineOf(file, 'extends'))
    const loaded = loadExtended(specifier, file, source)
    const here = source.path ?? file
    if ([...chain, here].some((seen) => path.resolve(seen) === path.resolve(loaded.file))) {
      throw new ConfigError(file, `"extends" loops back to ${display(loaded.file)}`, lineOf(here, 'extends'))
    }
    const resolved = (source.resolved ??= new Map())
    const key = own(presets, specifier) ? `preset ${specifier}` : path.resolve(loaded.file)
    let base = resolved.get(key)
    if (!base) {
      base = resolveConfig(loaded.config, loaded.file, [...chain, here], {...source, resolved, path: own(presets, specifier) ? undefined : loaded.file})
      resolved.set(key, base)
    }
    Object.assign(result.rules, base.rules)
    Object.assign(result.concepts, base.concepts)
  }

  if (config.concepts !== undefined) {
    if (config.concepts === null || typeof config.concepts !== 'object' || Array.isArray(config.concepts)) {
      throw new ConfigError(file, '"concepts" must be an object of concept ids', lineOf(file, 'concepts'))
    }
    const builtin = defaultConcepts()
    for (const [id, value] of Object.entries(config.concepts)) {
      if (id in Object.prototype) throw new ConfigError(file, `concept id "${id}" is reserved; choose another name`, lineOf(file, id))
      const problem = checkConceptConfig(id, value, own(builtin, id) || own(result.concepts, id))
      if (problem) throw new ConfigError(file, problem, lineOf(file, id))
      result.concepts[id] = {...result.concepts[id], ...(value as ConceptConfig)}
    }
  }

  if (config.rules !== undefined) {
    if (config.rules === null || typeof config.rules !== 'object' || Array.isArray(config.rules)) {
      throw new ConfigError(file, '"rules" must be an object of rule ids', lineOf(file, 'rules'))
    }
    for (const [id, setting] of Object.entries(config.rules)) {
      if (!own(rules, id)) {
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
  // Without a prototype, a rule option naming "constructor" is an unknown concept.
  const concepts = Object.assign(Object.create(null) as ReturnType<typeof resolveConcepts>, resolveConcepts(config.concepts))
  for (const [id, setting] of Object.entries(config.rules)) {
    const problem = checkRuleOptions(rules[id] as EssayRule<object>, setting.options, concepts)
    if (problem) throw new ConfigError(file, `rule "${id}": ${problem}`, lineOf(file, id))
  }
}

/** Apply command-line `--rule id=severity` overrides on top of a config. */
export function applyOverrides(config: ResolvedConfig, overrides: Record<string, Severity>): ResolvedConfig {
  const result: ResolvedConfig = {rules: {...config.rules}, concepts: config.concepts}
  for (const [id, severity] of Object.entries(overrides)) {
    if (!own(rules, id)) throw new ConfigError('--rule', `unknown rule "${id}" (known rules: ${Object.keys(rules).join(', ')})`)
    result.rules[id] = {severity: parseSeverity(severity, '--rule', id), options: own(config.rules, id) ? config.rules[id].options : {}}
  }
  return result
}

/** The config used when no file is found: the recommended preset. */
export function defaultConfig(): ResolvedConfig {
  return resolveConfig({extends: 'essaylint:recommended'}, 'default config')
}

/** Resolve a config and check rule options, with `extends: essaylint:recommended` implied. */
export function loadConfig(raw: unknown, file: string, overrides: Record<string, Severity> = {}, source: ConfigSource = {}): ResolvedConfig {
  let resolved = resolveConfig(raw, file, [], source)
  const explicit = raw && typeof raw === 'object' && 'extends' in (raw as object)
  if (!explicit) {
    const base = defaultConfig()
    resolved = {rules: {...base.rules, ...resolved.rules}, concepts: resolved.concepts}
  }
  resolved = applyOverrides(resolved, overrides)
  validateRuleOptions(resolved, file)
  return resolved
}
