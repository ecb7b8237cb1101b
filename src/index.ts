/**
 * The public API. Everything here runs the same pipeline as the CLI.
 *
 *   import {lint} from 'essaylint'
 *   const file = await lint(text, {path: 'essay.md'})
 *   for (const message of file.messages) console.log(message.line, message.ruleId, message.reason)
 */

import {VFile} from 'vfile'
import {loadConfig, type ResolvedConfig, type UserConfig} from './config/resolve.js'
import type {Severity} from './rule.js'
import {baseProcessor, configPlugins} from './pipeline.js'
import type {EssayModel} from './model/types.js'
import './data-map.js'

export interface LintOptions {
  /** The essay's path: decides Markdown or plain text (`.txt`) and appears in reports. */
  path?: string
  /** A config in the same shape as `.essaylintrc` (default: `essaylint:recommended`). */
  config?: UserConfig
  /** Per-rule severity overrides, as `--rule` gives them. */
  rules?: Record<string, Severity>
  /** Largest essay read, in bytes (default 2 MB). */
  maxBytes?: number
}

/** Build a processor for a config (the one the CLI's engine also builds). */
export function createProcessor(config: ResolvedConfig, options: {maxBytes?: number} = {}) {
  return baseProcessor({maxBytes: options.maxBytes}).use(configPlugins(config))
}

/** Lint one essay; resolves to the VFile with its messages and `data.essay`. Throws ConfigError on a bad config. */
export async function lint(value: string | Uint8Array, options: LintOptions = {}): Promise<VFile> {
  const config = loadConfig(options.config ?? {}, options.path ? `config for ${options.path}` : 'config', options.rules)
  const file = new VFile({value, path: options.path ?? 'essay.md'})
  const processor = createProcessor(config, options)
  await processor.run(processor.parse(file), file)
  return file
}

/** Analyse one essay and return its model (sentences, citations, concept mentions...). */
export async function analyze(value: string, options: LintOptions = {}): Promise<EssayModel> {
  const file = await lint(value, {...options, rules: {}, config: {rules: {}, ...options.config}})
  return file.data.essay!
}

export {ConfigError, loadConfig, resolveConfig, type ResolvedConfig, type UserConfig} from './config/resolve.js'
export {presets} from './config/presets.js'
export {coverageOf, type ApplyThresholds} from './model/coverage.js'
export type {Concept, ConceptConfig} from './model/lexicon.js'
export type * from './model/types.js'
export {rules} from './rules.js'
export type {EssayRule, Severity} from './rule.js'
