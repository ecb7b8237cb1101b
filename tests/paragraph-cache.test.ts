/**
 * The paragraph cache (incremental analysis for the language server), with
 * the server's memos of compromise's answers, of cue phrases and of each
 * paragraph's argument, must never change a result: a model and an argument
 * model built from cached paragraphs equal those built from scratch, on
 * every sample essay, after edits that move, change, remove or re-interpret
 * paragraphs, and after every edit of random edit sequences.
 */

import {readdirSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {afterAll, describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {createProcessor, loadConfig} from '../src/index.js'
import {clearParagraphCache, enableParagraphCache, paragraphCacheStats} from '../src/model/paragraph-cache.js'
import {memoiseCues} from '../src/argument/cues.js'
import {memoiseTagging, taggingMemoStats} from '../src/argument/tagging.js'
import {argumentOf} from '../src/argument/index.js'
import {memoiseParagraphArguments, paragraphArgumentStats} from '../src/argument/paragraph-memo.js'
import {compact, fixture, root} from './helpers.js'
import {applyEdit, editOf} from './random-edits.js'

const processor = createProcessor(loadConfig({}, 'config'))

if (process.env.FUZZ_SEED !== 'random') fc.configureGlobal({seed: Number(process.env.FUZZ_SEED ?? 20261202)})

async function run(text: string, name: string): Promise<{model: string; argument: string; messages: string[]}> {
  const file = new VFile({value: text, path: name})
  await processor.run(processor.parse(file), file)
  const model = file.data.essay!
  // Both windows: the rules ask for the paragraph's, the outline for the sentence's.
  const argument = JSON.stringify([argumentOf(model), argumentOf(model, {window: 'sentence'})])
  return {model: JSON.stringify(model), argument, messages: file.messages.map(compact)}
}

function uncached(text: string, name: string) {
  enableParagraphCache(0)
  memoiseCues(0)
  memoiseTagging(0)
  memoiseParagraphArguments(0)
  return run(text, name)
}

function cached(text: string, name: string) {
  enableParagraphCache(2000)
  memoiseCues(2000)
  memoiseParagraphArguments(2000)
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
  }],
  // A lead-in ("Two problems follow.") is one when the next sentence opens with "First": here the next paragraph's.
  ['a lead-in before a paragraph that opens with "First,"', (text) => {
    const blocks = text.split(/\n\n/)
    blocks.splice(Math.min(3, blocks.length), 0, 'Two problems follow from this design.', 'First, the mandate was vague and troops were few.')
    return blocks.join('\n\n')
  }]
]

/** Text a random edit may insert: words, cue phrases, sentence ends, blank lines, citations, footnote calls, quotation marks. */
const snippet = fc.constantFrom(
  'the mission ',
  'clearly ',
  'Peacekeeping works. ',
  'Two problems follow. ',
  'First, ',
  'Many experts agree that ',
  'In conclusion, ',
  'I argue that ',
  ' (Fortna, 2008)',
  '[^1]',
  '\n\n[^1]: United Nations (1999).\n',
  '“',
  '”',
  '. ',
  '\n\n',
  '\n\n# Conclusion\n\n',
  '\n> quoted\n'
)
const edit = editOf(snippet, 60)

afterAll(() => {
  enableParagraphCache(0)
  memoiseCues(0)
  memoiseTagging(0)
  memoiseParagraphArguments(0)
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
    const argued = paragraphArgumentStats()
    const again = await cached(text, name)
    expect(paragraphCacheStats().hits).toBeGreaterThan(before.hits)
    expect(paragraphArgumentStats().hits).toBeGreaterThan(argued.hits)
    expect(again).toEqual(fresh)

    for (const [edit, apply] of edits) {
      const changed = apply(text)
      const expected = await uncached(changed, name)
      await cached(text, name) // the cache holds the text before the edit
      expect(await cached(changed, name), `${name}: ${edit}`).toEqual(expected)
    }
  })

  it('reads a paragraph again as the proposal\'s when the heading above it becomes "What I propose", and back', async () => {
    const text = (heading: string) => `# Title\n\nThe Council failed Syria in 2011 (UN, 2011).\n\n## ${heading}\n\nThe Council was doomed from the start. Its members never trusted each other.\n`
    for (const [from, to] of [['The problem', 'What I propose'], ['What I propose', 'The problem']]) {
      clearParagraphCache()
      const expected = await uncached(text(to), 'e.md')
      await cached(text(from), 'e.md')
      expect(await cached(text(to), 'e.md'), `${from} -> ${to}`).toEqual(expected)
    }
  })

  it('reads a footnote reference again when its definition appears', async () => {
    const text = '# Title\n\nThe mission failed in 1995 because of its mandate.[^1] Peacekeepers were few.\n\nA second paragraph about Srebrenica in July 1995.\n'
    const defined = text + '\n[^1]: United Nations (1999).\n'
    clearParagraphCache()
    await cached(text, 'note.md')
    expect(await cached(defined, 'note.md')).toEqual(await uncached(defined, 'note.md'))
  })

  it('gives the same model, argument and messages as a fresh analysis after every edit of a random sequence', async () => {
    const markdown = essays.filter((name) => name.endsWith('.md'))
    const before = paragraphArgumentStats()
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...markdown), fc.array(edit, {minLength: 1, maxLength: 5}), async (name, edits) => {
        let text = fixture('essays', name)
        await cached(text, name)
        for (const step of edits) {
          text = applyEdit(text, step)
          const expected = await uncached(text, name)
          expect(await cached(text, name)).toEqual(expected)
        }
      }),
      {numRuns: 12}
    )
    const after = paragraphArgumentStats()
    // Most paragraphs come from the memo.
    expect(after.hits - before.hits).toBeGreaterThan(after.misses - before.misses)
  }, 240_000)

  it('argues a paragraph again when the first word of the next one changes what it announces', async () => {
    const text = '# Title\n\nPeacekeeping has a design. Two problems follow.\n\nThe mandate was vague and troops were few in 1994.\n'
    const changed = text.replace('The mandate', 'First, the mandate')
    memoiseParagraphArguments(0)
    memoiseParagraphArguments(2000)
    await cached(text, 'lead-in.md')
    const again = await cached(changed, 'lead-in.md')
    expect(again).toEqual(await uncached(changed, 'lead-in.md'))
    const model = JSON.parse(again.argument)[0] as {sentences: Array<{signals: string[]}>}
    expect(model.sentences[2].signals).toEqual(['lead-in'])
  })

  it('argues a paragraph again when a table it reads changes', async () => {
    const table = (row: string) => `| Country | Governance |\n| :--- | ---: |\n| ${row} | 66.4 |\n| Niger | 49.4 |\n`
    const text = (row: string) => `# Title\n\nThe regional powers matter most.\n\n${table(row)}\nGhana achieves high scores on good governance.\n`
    await cached(text('Ghana'), 'table.md')
    const again = await cached(text('Benin'), 'table.md')
    expect(again).toEqual(await uncached(text('Benin'), 'table.md'))
    const model = JSON.parse(again.argument)[0] as {sentences: Array<{evidence: Array<{text: string}>}>}
    expect(model.sentences.at(-1)!.evidence).toEqual([])
  })

  it('argues a paragraph again when a link after it, which its last sentence cites, changes', async () => {
    // A link with no words of its own is a citation of the sentence before it, in the paragraph before.
    const text = '# Title\n\nThe mission failed in 1995. Peacekeepers were few.\n\n[](https://example.org/first)\n'
    const changed = text.replace('first', 'second')
    await cached(text, 'link.md')
    const again = await cached(changed, 'link.md')
    expect(again).toEqual(await uncached(changed, 'link.md'))
    const model = JSON.parse(again.argument)[0] as {sentences: Array<{evidence: Array<{text: string}>}>}
    expect(model.sentences[2].evidence.map((e) => e.text)).toEqual(['https://example.org/second'])
  })

  it('keeps at most the paragraphs it was asked to', async () => {
    clearParagraphCache()
    enableParagraphCache(5)
    await run(fixture('essays', 'mali-sovereignty.md'), 'mali.md')
    expect(paragraphCacheStats().size).toBe(5)
  })
})
