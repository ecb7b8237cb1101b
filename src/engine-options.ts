/**
 * What every shell hands to unified-engine so that an essay gets the same
 * config wherever it is checked: the names of the config and ignore files,
 * and the hooks that turn a user's config (`extends`, `rules`, `concepts`)
 * into the pipeline's plugins. The CLI (`src/cli/main.ts`) and the language
 * server (`src/server/`) both call `engineConfig`; neither spells these out.
 */

import path from 'node:path'
import {PassThrough} from 'node:stream'
import {unified, type PluggableList} from 'unified'
import {defaultConfig as recommended, loadConfig, type ResolvedConfig} from './config/resolve.js'
import {configPlugins} from './pipeline.js'
import {guardEngineConfigReads} from './config/read-config-file.js'
import type {Severity} from './rule.js'

/** Files and folders essaylint lints. */
export const extensions = ['md', 'markdown', 'mdx', 'txt']

/** Config discovery: `.essaylintrc*` files, the `essaylint` key of package.json, `.essaylintignore`. */
export const engineNames = {rcName: '.essaylintrc', packageField: 'essaylint', ignoreName: '.essaylintignore'} as const

export interface EngineConfigInput {
  /** Config files are named relative to this folder in error messages. */
  cwd: string
  /** Severity overrides on top of every config (`--rule`, or the editor's `essaylint.rules`). */
  rules?: Record<string, Severity>
  /** A config file named by path (`--config`, `essaylint.config`), read with the same checks as found ones. */
  rcPath?: string
  /** Told each resolved config and the file it came from (undefined: none found, the default). */
  onResolved?: (config: ResolvedConfig, file: string | undefined) => void
}

/** The names unified-engine looks for in each folder (its loaders' extensions), and package.json. */
const configNames = ['', '.json', '.cjs', '.mjs', '.js', '.yaml', '.yml'].map((extension) => engineNames.rcName + extension).concat('package.json')

export interface EngineConfig {
  options: {
    rcName: string
    packageField: string
    ignoreName: string
    configTransform: (raw: unknown, file: string) => {plugins: PluggableList}
    defaultConfig: {plugins: PluggableList}
  }
  /**
   * Set when the overrides make the default config invalid (an unknown rule,
   * say): the default config then falls back to the recommended preset.
   */
  problem?: string
}

/** The engine options for config: names, `configTransform` and `defaultConfig`. */
export function engineConfig(input: EngineConfigInput): EngineConfig {
  // Configs only from regular files of at most 1 MB (src/config/read-config-file.ts).
  guardEngineConfigReads(configNames, input.rcPath && path.resolve(input.cwd, input.rcPath))
  // `extends` stays inside the project folder, or the folder of a config named by path.
  const roots = [input.cwd, ...(input.rcPath ? [path.dirname(path.resolve(input.cwd, input.rcPath))] : [])]
  const configFor = (raw: unknown, file: string | undefined) => {
    const name = file ? path.relative(input.cwd, file) || file : 'config'
    const resolved = loadConfig(raw, name, input.rules, {path: file && path.resolve(input.cwd, file), roots})
    input.onResolved?.(resolved, file)
    return {plugins: configPlugins(resolved)}
  }
  let defaults: {plugins: PluggableList}
  let problem: string | undefined
  try {
    defaults = configFor({}, undefined)
  } catch (error) {
    // Only overrides can make the default config invalid.
    problem = (error as Error).message
    defaults = {plugins: configPlugins(recommended())}
  }
  return {
    options: {
      ...engineNames,
      configTransform: (raw: unknown, file: string) => configFor(raw, file),
      defaultConfig: defaults
    },
    problem
  }
}

/**
 * unified-engine's ignore options: `.essaylintignore` in the folders, or the
 * one file `--ignore-path` names (its patterns relative to the working folder,
 * as in ESLint); `--ignore-pattern`s on top.
 */
export function ignoreOptions(options: {ignorePath?: string; ignorePatterns?: string[]}, cwd: string, extra: string[] = []) {
  return {
    ignoreName: engineNames.ignoreName,
    ...(options.ignorePath ? {ignorePath: path.resolve(cwd, options.ignorePath), ignorePathResolveFrom: 'cwd' as const} : {}),
    ignorePatterns: [...extra, ...(options.ignorePatterns ?? [])]
  }
}

/**
 * What every engine run of essaylint shares: the shells report themselves,
 * so the engine writes no files, prints no report, and its streams go nowhere;
 * ignored files are skipped without a message (the CLI says what it skipped).
 */
export function silentRun() {
  const sink = new PassThrough()
  sink.resume()
  return {streamOut: sink, streamError: sink, out: false, output: false, silentlyIgnore: true, reporter: () => '', color: false} as const
}

/**
 * A processor that reads nothing, for engine runs that only want the
 * engine's file discovery or config search (the class listing,
 * `--print-config`, the cache's config keys), not an analysis.
 */
export function readNothing() {
  return unified().use(function () {
    this.parser = () => ({type: 'root', children: []})
    this.compiler = () => ''
  }) as never
}
