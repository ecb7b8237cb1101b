/**
 * The language server's incremental parser gives exactly the tree a full
 * parse gives, over random edit sequences on the sample essays, and really
 * parses only part of the document for an edit inside one paragraph.
 */

import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {incrementalParseStats} from '../src/incremental-parse.js'
import {incrementalWordsStats} from '../src/incremental-words.js'
import {baseProcessor} from '../src/pipeline.js'
import {applyEdit, editOf} from './random-edits.js'

if (process.env.FUZZ_SEED !== 'random') fc.configureGlobal({seed: Number(process.env.FUZZ_SEED ?? 20261201)})

const essays = path.join(import.meta.dirname, '..', 'fixtures', 'essays')
const samples = readdirSync(essays)
  .filter((name) => name.endsWith('.md'))
  .map((name) => readFileSync(path.join(essays, name), 'utf8'))

const full = baseProcessor()
const incremental = baseProcessor({}, {incremental: true})
const parseWith = (processor: typeof full, doc: string, name: string) => processor.parse(new VFile({path: name, value: doc}))

/** The natural-language tree the pipeline keeps for the model (`file.data.nlcst`). */
async function wordsWith(processor: typeof full, doc: string, name: string) {
  const file = new VFile({path: name, value: doc})
  await processor.run(processor.parse(file), file)
  return file.data.nlcst
}

/** Text an edit may insert: words, sentence ends, blank lines, and the Markdown that is not block-local. */
const snippet = fc.constantFrom(
  'the mission ',
  'Peacekeeping works. ',
  '\n\n',
  '\n',
  '\n\n- a list item\n',
  '\n# A heading\n',
  '\n> quoted\n',
  '\n---\n',
  '\n```\ncode\n',
  '[x]: https://example.org\n',
  '[^1]',
  '\n[^1]: A note.\n',
  '<!-- essaylint-disable -->',
  '<!-- open',
  '-->',
  '| a | b |\n| --- | --- |\n',
  '    indented\n',
  '=\n',
  '*',
  '1. '
)

const edit = editOf(snippet)

describe('incremental parsing (language server)', () => {
  it('gives the tree a full parse gives, after every edit of a random sequence', () => {
    let run = 0
    const before = incrementalParseStats()
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.array(edit, {minLength: 1, maxLength: 8}), (sample, edits) => {
        const name = `/essays/doc-${run++}.md`
        let doc = sample
        parseWith(incremental, doc, name)
        for (const step of edits) {
          doc = applyEdit(doc, step)
          expect(parseWith(incremental, doc, name)).toEqual(parseWith(full, doc, name))
        }
      }),
      {numRuns: 25}
    )
    // The sequences exercise the partial path, not only the fallbacks.
    const after = incrementalParseStats()
    expect(after.partial - before.partial).toBeGreaterThan((after.full - before.full) / 2)
  }, 180_000)

  it('re-parses only part of the document for a word typed in one paragraph', () => {
    const name = '/essays/one-word.md'
    const doc = samples[0]
    parseWith(incremental, doc, name)
    const before = incrementalParseStats()
    const at = doc.indexOf('. ', Math.floor(doc.length / 2)) + 1
    const edited = doc.slice(0, at) + ' Indeed' + doc.slice(at)
    expect(parseWith(incremental, edited, name)).toEqual(parseWith(full, edited, name))
    const after = incrementalParseStats()
    expect(after.partial - before.partial).toBe(1)
    expect(after.full - before.full).toBe(0)
  })

  it('keeps footnote calls and references resolved by definitions outside the re-parsed blocks', () => {
    const name = '/essays/definitions.md'
    const doc = `# Essay\n\nFirst paragraph.\n\nThe mission failed.[^1] See [the report][ref].\n\nThird paragraph.\n\nFourth paragraph.\n\n[^1]: Dallaire 2003.\n\n[ref]: https://example.org\n`
    parseWith(incremental, doc, name)
    const before = incrementalParseStats()
    const edited = doc.replace('The mission failed.', 'The mission failed badly.')
    expect(parseWith(incremental, edited, name)).toEqual(parseWith(full, edited, name))
    expect(incrementalParseStats().partial - before.partial).toBe(1)
    // Removing a definition changes what the call is: the document is parsed whole.
    const removed = edited.replace('[ref]: https://example.org\n', '')
    expect(parseWith(incremental, removed, name)).toEqual(parseWith(full, removed, name))
  })

  it('parses a document with fenced code whole (a fence runs past blank lines)', () => {
    const name = '/essays/fence.md'
    const doc = `${samples[1]}\n\n\`\`\`\ncode\n\`\`\`\n`
    parseWith(incremental, doc, name)
    const before = incrementalParseStats()
    parseWith(incremental, doc.replace('the', 'a'), name)
    expect(incrementalParseStats().full - before.full).toBe(1)
  })

  it('gives the natural-language tree a whole-document conversion gives, after every edit of a random sequence', async () => {
    let run = 0
    const before = incrementalWordsStats()
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...samples), fc.array(edit, {minLength: 1, maxLength: 6}), async (sample, edits) => {
        const name = `/essays/words-${run++}.md`
        let doc = sample
        await wordsWith(incremental, doc, name)
        for (const step of edits) {
          doc = applyEdit(doc, step)
          expect(await wordsWith(incremental, doc, name)).toEqual(await wordsWith(full, doc, name))
        }
      }),
      {numRuns: 15}
    )
    const after = incrementalWordsStats()
    // Most blocks come from the cache.
    expect(after.reused - before.reused).toBeGreaterThan(after.tokenised - before.tokenised)
  }, 180_000)

  it('leaves plain text alone: it is parsed line by line', () => {
    const before = incrementalParseStats()
    parseWith(incremental, 'Title\nOne line. Another.\n', '/essays/a.txt')
    parseWith(incremental, 'Title\nOne line. Another one.\n', '/essays/a.txt')
    expect(incrementalParseStats().partial).toBe(before.partial)
  })
})
