/**
 * The paragraph cache (incremental analysis for the language server), with
 * the server's memos of compromise's answers and of cue phrases, must never
 * change a result: a model built from cached paragraphs equals the model
 * built from scratch, on every sample essay and after edits that move, change,
 * remove or re-interpret paragraphs.
 */

import {readdirSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {createProcessor, loadConfig} from '../src/index.js'
import {clearParagraphCache, enableParagraphCache, paragraphCacheStats} from '../src/model/paragraph-cache.js'
import {memoiseCues} from '../src/argument/cues.js'
import {memoiseTagging, taggingMemoStats} from '../src/argument/tagging.js'
import {compact, fixture, root} from './helpers.js'

const processor = createProcessor(loadConfig({}, 'config'))

async function run(text: string, name: string): Promise<{model: string; messages: string[]}> {
  const file = new VFile({value: text, path: name})
  await processor.run(processor.parse(file), file)
  return {model: JSON.stringify(file.data.essay), messages: file.messages.map(compact)}
}

function uncached(text: string, name: string) {
  enableParagraphCache(0)
  memoiseCues(0)
  memoiseTagging(0)
  return run(text, name)
}

function cached(text: string, name: string) {
  enableParagraphCache(2000)
  memoiseCues(2000)
  // Kept across the cached runs, so that later runs answer from it.
  if (taggingMemoStats().capacity !== 1000) memoiseTagging(1000)
  return run(text, name)
}

const essays = readdirSync(path.join(root, 'fixtures', 'essays')).filter((name) => /\.(md|txt)$/.test(name))

/** Edits an editor makes: each keeps most paragraphs as they were, somewhere else or not. */
const edits: Array<[string, (text: string) => string]> = [
  ['two lines lower', (text) => '\n\n' + text],
  ['a new first paragraph', (text) => 'A short note before the essay, written in 2024.\n\n' + text],
  ['one word changed in the middle', (text) => {
    const at = text.indexOf(' the ', Math.floor(text.length / 2))
    return text.slice(0, at) + ' this ' + text.slice(at + 5)
  }],
  ['the second paragraph removed', (text) => {
    const blocks = text.split(/\n\n/)
    return [...blocks.slice(0, 2), ...blocks.slice(3)].join('\n\n')
  }],
  ['a footnote defined at the end', (text) => text + '\n\n[^1]: United Nations (1999), S/1999/1257.\n'],
  ['paragraphs swapped', (text) => {
    const blocks = text.split(/\n\n/)
    if (blocks.length > 4) [blocks[2], blocks[3]] = [blocks[3], blocks[2]]
    return blocks.join('\n\n')
  }]
]

afterAll(() => {
  enableParagraphCache(0)
  memoiseCues(0)
  memoiseTagging(0)
  clearParagraphCache()
})

describe('paragraph cache', () => {
  it('is off unless turned on', () => {
    expect(paragraphCacheStats().enabled).toBe(false)
  })

  it.each(essays)('gives the same model and messages as a fresh analysis: %s', async (name) => {
    const text = fixture('essays', name)
    clearParagraphCache()
    const fresh = await uncached(text, name)
    await cached(text, name)
    const before = paragraphCacheStats()
    const again = await cached(text, name)
    expect(paragraphCacheStats().hits).toBeGreaterThan(before.hits)
    expect(again).toEqual(fresh)

    for (const [edit, apply] of edits) {
      const changed = apply(text)
      const expected = await uncached(changed, name)
      await cached(text, name) // the cache holds the text before the edit
      expect(await cached(changed, name), `${name}: ${edit}`).toEqual(expected)
    }
  })

  it('reads a footnote reference again when its definition appears', async () => {
    const text = '# Title\n\nThe mission failed in 1995 because of its mandate.[^1] Peacekeepers were few.\n\nA second paragraph about Srebrenica in July 1995.\n'
    const defined = text + '\n[^1]: United Nations (1999).\n'
    clearParagraphCache()
    await cached(text, 'note.md')
    expect(await cached(defined, 'note.md')).toEqual(await uncached(defined, 'note.md'))
  })

  it('keeps at most the paragraphs it was asked to', async () => {
    clearParagraphCache()
    enableParagraphCache(5)
    await run(fixture('essays', 'mali-sovereignty.md'), 'mali.md')
    expect(paragraphCacheStats().size).toBe(5)
  })
})
