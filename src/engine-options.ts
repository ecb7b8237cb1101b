/**
 * What every shell hands to unified-engine so that an essay gets the same
 * config wherever it is checked: the names of the config and ignore files,
 * and the hooks that turn a user's config (`extends`, `rules`, `concepts`)
 * into the pipeline's plugins. The CLI (`src/cli/main.ts`) and the language
 * server (`src/server/`) both call `engineConfig`; neither spells these out.
 */

import path from 'node:path'
import type {PluggableList} from 'unified'
import {defaultConfig as recommended, loadConfig} from './config/resolve.js'
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
    return {plugins: configPlugins(loadConfig(raw, name, input.rules, {path: file && path.resolve(input.cwd, file), roots}))}
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
