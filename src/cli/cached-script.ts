/**
 * Loads the CLI's bundle (dist/src/bundle/cli.cjs, made by scripts/bundle.mjs)
 * as one classic script with the V8 code cache that `npm run build` wrote
 * beside it after a run on a sample essay (scripts/code-cache.mjs): V8 then
 * skips compiling the bundle and the functions a lint run calls, which took a
 * good part of a cold run. Node 20 caches no compiled ES modules. A cache that
 * is missing, damaged, or that this Node's V8 or its flags reject, is passed
 * over and the script compiles as usual. Nothing is written at run time.
 *
 * V8 checks a cache's version, flags and source length, but not its contents:
 * a damaged cache that passes those checks crashes the process. So the file
 * starts with the SHA-256 of the V8 data that follows, checked before V8 sees it.
 */

import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import vm from 'node:vm'
import type {main as Main} from './start.js'

export const scriptFile = fileURLToPath(new URL('../bundle/cli.cjs', import.meta.url))
export const cacheFile = `${scriptFile}.cache`

export interface LoadedScript {
  main: typeof Main
  script: vm.Script
}

const digestLength = 32

const digest = (data: Uint8Array) => createHash('sha256').update(data).digest()

/** The cache file's bytes for V8's code cache `data`. */
export function cacheFileContents(data: Uint8Array): Buffer {
  return Buffer.concat([digest(data), data])
}

/** V8's data from the cache file, if the file is there and whole. */
export function readCache(file = cacheFile): Buffer | undefined {
  let contents: Buffer
  try {
    contents = readFileSync(file)
  } catch {
    return undefined
  }
  const data = contents.subarray(digestLength)
  return contents.length > digestLength && digest(data).equals(contents.subarray(0, digestLength)) ? data : undefined
}

/** Compile (from the cache when it fits) and run the CLI's script. */
export function loadCliScript(options: {cache?: boolean} = {}): LoadedScript {
  const cachedData = options.cache === false ? undefined : readCache()
  const script = new vm.Script(readFileSync(scriptFile, 'utf8'), {filename: scriptFile, cachedData})
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void
  const module = {exports: {} as {main: typeof Main}}
  // The bundle's `import()` of the ES-only readers' packages and of custom
  // reporters comes here, to this ES module's import.
  const importer = (specifier: string) => import(specifier)
  wrapper(module.exports, createRequire(scriptFile), module, scriptFile, path.dirname(scriptFile), pathToFileURL(scriptFile).href, importer)
  return {main: module.exports.main, script}
}
