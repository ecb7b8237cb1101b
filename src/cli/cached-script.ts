/**
 * Loads the CLI's bundle (dist/src/bundle/cli.cjs, made by scripts/bundle.mjs)
 * as one classic script with the V8 code cache that `npm run build` wrote
 * beside it after a run on a sample essay (scripts/code-cache.mjs): V8 then
 * skips compiling the bundle and the functions a lint run calls, which took a
 * good part of a cold run. Node 20 caches no compiled ES modules. A cache that
 * is missing, or that this Node's V8 or its flags reject, is passed over and
 * the script compiles as usual. Nothing is written at run time.
 */

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

function readCache(): Buffer | undefined {
  try {
    return readFileSync(cacheFile)
  } catch {
    return undefined
  }
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
