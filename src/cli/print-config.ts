/**
 * `essaylint --print-config FILE`: the config essaylint would use for that
 * essay, after discovery (or `--config` / `--no-config`), `extends`, presets
 * and `--rule` overrides, as JSON (ESLint's `--print-config`). The essay is
 * not analysed: unified-engine only finds and loads its config.
 */

import path from 'node:path'
import {engine, type Context} from 'unified-engine'
import type {VFile} from 'vfile'
import type {ResolvedConfig} from '../config/resolve.js'
import {engineConfig, readNothing, silentRun} from '../engine-options.js'
import {rules} from '../rules.js'
import type {CliOptions} from './args.js'

export interface PrintedConfig {
  /** The config file used, relative to the working folder; null for the default (`essaylint:recommended`). */
  configFile: string | null
  rules: Record<string, [string, Record<string, unknown>]>
  concepts: ResolvedConfig['concepts']
}

/** Resolves to the printed config, or throws the one-line problem (a config error, a missing file). */
export function printConfig(options: CliOptions, file: string, cwd: string): Promise<PrintedConfig> {
  let found: {config: ResolvedConfig; file: string | undefined} | undefined
  const config = engineConfig({cwd, rules: options.rules, onResolved: (resolved, from) => (found = {config: resolved, file: from})})
  if (config.problem) return Promise.reject(new Error(config.problem))
  return new Promise((resolve, reject) => {
    engine(
      {
        ...silentRun(),
        processor: readNothing(),
        files: [file],
        cwd,
        ...config.options,
        // The config is recorded above; the plugins themselves are not needed.
        configTransform: (raw: unknown, from: string) => (config.options.configTransform(raw, from), {plugins: []}),
        defaultConfig: {plugins: []},
        detectConfig: !options.noConfig && !options.config,
        rcPath: options.config,
        silentlyIgnore: false
      },
      (error: Error | undefined, _code?: number, context?: Context) => {
        const failed = error ?? (context?.files as VFile[] | undefined)?.flatMap((f) => f.messages).find((m) => m.fatal)
        if (failed) return reject(failed)
        const used = found!
        resolve({
          configFile: used.file ? path.relative(cwd, used.file) || used.file : null,
          // Each rule's options with its defaults filled in: what the rule will use.
          rules: Object.fromEntries(Object.entries(used.config.rules).map(([id, setting]) => [id, [setting.severity, {...rules[id].meta.defaults, ...setting.options}]])),
          concepts: used.config.concepts
        })
      }
    )
  })
}
