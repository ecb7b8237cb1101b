/**
 * `--cache`: lint only the essays that changed since the last run, as ESLint's
 * cache does with `--cache-strategy content`. Each essay is keyed by a SHA-256
 * of essaylint's version, the config it gets (resolved: presets, `extends`
 * and `--rule` included, so editing any config file it rests on changes the
 * key), the options that change findings, and the essay's bytes. The cache
 * file (default `.essaylintcache` in the working folder) keeps each essay's
 * key and findings; an essay whose key matches is reported from it without
 * being read by the pipeline. A cache that cannot be read is ignored (and
 * rewritten); essays that could not be linted are never cached.
 */

import {createHash} from 'node:crypto'
import {readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import type {Plugin} from 'unified'
import {engine, type Context} from 'unified-engine'
import type {VFile} from 'vfile'
import {engineConfig, readNothing, silentRun} from '../engine-options.js'
import {fromJson, toJsonMessage, type JsonMessage} from '../reporters/json.js'
import type {CliOptions} from './args.js'

export const defaultCacheLocation = '.essaylintcache'

declare module 'vfile' {
  interface DataMap {
    /** The key of the config the engine found for this essay (cache pass only). */
    configKey: string
  }
}

interface Entry {
  key: string
  messages: JsonMessage[]
}

interface CacheFile {
  version: string
  entries: Record<string, Entry>
}

export interface LintCache {
  /** Essays to lint: new, changed, or under a changed config. */
  stale: string[]
  /** Essays reported from the cache, as files with their findings. */
  reused: VFile[]
  /** Keep the findings of the essays just linted (and of the reused ones) and write the cache. */
  save(linted: VFile[]): string | undefined
}

const sha256 = (...parts: Array<string | Uint8Array>) => {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part).update('\0')
  return hash.digest('hex')
}

/** Tags each essay with the key of the config the engine found for it. */
const tagConfig: Plugin<[string]> = function (key) {
  return function (_tree, file) {
    file.data.configKey = key
  }
}

/** The key of each essay's resolved config, from one engine pass that reads no essay. */
function configKeys(options: CliOptions, cwd: string, essays: string[]): Promise<Map<string, string>> {
  // engineConfig tells each config it resolves: the default one now, each file's when the engine loads it.
  let resolved = ''
  const config = engineConfig({cwd, rules: options.rules, onResolved: (found) => (resolved = sha256(JSON.stringify(found)))})
  const defaultKey = resolved
  const keyed = (raw: unknown, file: string) => {
    config.options.configTransform(raw, file)
    return {plugins: [[tagConfig, resolved]] as never}
  }
  return new Promise((resolve) => {
    engine(
      {
        ...silentRun(),
        processor: readNothing(),
        files: essays,
        cwd,
        ...config.options,
        configTransform: (raw: unknown, file: string) => keyed(raw, file),
        defaultConfig: {plugins: [[tagConfig, defaultKey]] as never},
        detectConfig: !options.noConfig && !options.config,
        rcPath: options.config
      },
      (_error: Error | undefined, _code?: number, context?: Context) => {
        const keys = new Map<string, string>()
        for (const file of (context?.files ?? []) as VFile[]) {
          // A config that cannot be loaded: no key, so the essay is linted and the engine says why.
          if (file.data.configKey && !file.messages.some((m) => m.fatal)) keys.set(path.resolve(cwd, file.path), file.data.configKey)
        }
        resolve(keys)
      }
    )
  })
}

function read(location: string, version: string): CacheFile {
  try {
    const parsed = JSON.parse(readFileSync(location, 'utf8')) as CacheFile
    if (parsed && parsed.version === version && parsed.entries && typeof parsed.entries === 'object') return parsed
  } catch {
    // Missing or unreadable: start again.
  }
  return {version, entries: {}}
}

export async function openCache(options: CliOptions, cwd: string, essays: string[], version: string): Promise<LintCache> {
  const location = path.resolve(cwd, options.cacheLocation ?? defaultCacheLocation)
  const cache = read(location, version)
  const keys = await configKeys(options, cwd, essays)
  const fileKeys = new Map<string, string>()
  const stale: string[] = []
  const reused: VFile[] = []
  for (const name of essays) {
    const full = path.resolve(cwd, name)
    const configKey = keys.get(full)
    let bytes: Uint8Array | undefined
    try {
      bytes = readFileSync(full)
    } catch {
      bytes = undefined
    }
    if (!configKey || !bytes) {
      stale.push(name)
      continue
    }
    const key = sha256(version, configKey, String(options.maxFileSize ?? ''), bytes)
    fileKeys.set(full, key)
    const entry = Object.hasOwn(cache.entries, full) ? cache.entries[full] : undefined
    if (entry && entry.key === key) reused.push(fromJson({path: name, messages: entry.messages, errorCount: 0, warningCount: 0, infoCount: 0}, cwd))
    else stale.push(name)
  }
  return {
    stale,
    reused,
    save(linted) {
      const entries: Record<string, Entry> = {}
      for (const file of reused) entries[path.resolve(cwd, file.path)] = cache.entries[path.resolve(cwd, file.path)]
      for (const file of linted) {
        const full = path.resolve(cwd, file.path)
        const key = fileKeys.get(full)
        // Input problems (not an essay, unreadable) are said again on every run.
        if (!key || file.messages.some((m) => m.fatal === true && !m.ruleId)) continue
        entries[full] = {
          key,
          messages: file.messages.map(toJsonMessage)
        }
      }
      const temp = `${location}.${process.pid}.tmp`
      try {
        writeFileSync(temp, JSON.stringify({version, entries} satisfies CacheFile))
        renameSync(temp, location)
        return undefined
      } catch (error) {
        rmSync(temp, {force: true})
        return `${path.relative(cwd, location) || location}: cannot write the cache (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`
      }
    }
  }
}
