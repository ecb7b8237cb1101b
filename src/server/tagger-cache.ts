/**
 * A memo for compromise, for the language server only.
 *
 * The argument model (`src/model/argument.ts`) tags a few sentences per essay
 * with compromise, about 1.7 ms each, and that is most of the time a re-lint
 * takes after a one-paragraph edit. Tagging is a pure function of the text, so
 * in a long-lived server the documents it returns can be reused for every
 * sentence that did not change. argument.ts loads compromise lazily through
 * `require('compromise/two')`; this module puts a caching stand-in into
 * Node's module cache under the same resolved path, so that load returns it.
 * The stand-in is a Proxy: every property of compromise is the real one, and
 * only calls with a text and no extra lexicon are memoised (a bounded LRU).
 * argument.ts only reads the documents (`has`, `match(...).out(...)`), never
 * changes them, so sharing one per text is safe.
 *
 * The CLI never installs it: it sees each sentence once. If argument.ts
 * memoises its tagger itself one day, this module can go.
 */

import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)

let installed = false
let capacity = 0
const documents = new Map<string, unknown>()
let hits = 0
let misses = 0

/**
 * Load compromise now and route later loads through the memo. Loading takes
 * a few hundred milliseconds, which a server pays once at start rather than
 * on the first keystroke. Returns false when compromise cannot be found.
 */
export function installTaggerCache(size = 1000): boolean {
  capacity = size
  if (installed) return true
  let id: string
  try {
    id = require.resolve('compromise/two')
  } catch {
    return false
  }
  const real = require(id) as (text: string, lexicon?: unknown) => unknown
  const cached = require.cache[id]
  if (!cached) return false
  cached.exports = new Proxy(real, {
    apply(target, thisArg, args: unknown[]) {
      const [text, lexicon] = args
      if (typeof text !== 'string' || lexicon !== undefined || capacity === 0) return Reflect.apply(target, thisArg, args)
      const found = documents.get(text)
      if (found !== undefined) {
        hits++
        documents.delete(text)
        documents.set(text, found)
        return found
      }
      misses++
      const document = Reflect.apply(target, thisArg, args)
      documents.set(text, document)
      for (const key of documents.keys()) {
        if (documents.size <= capacity) break
        documents.delete(key)
      }
      return document
    }
  })
  installed = true
  return true
}

export function taggerCacheStats(): {installed: boolean; size: number; capacity: number; hits: number; misses: number} {
  return {installed, size: documents.size, capacity, hits, misses}
}
