/**
 * The word tree (src/word-tree.ts) is the one mdast-util-to-nlcst gives, as
 * remark-retext runs it: node for node and point for point, on every sample
 * and corpus essay, on Markdown whose text is not its source (escapes,
 * entities, images, code, breaks, tables), on every kind of line ending,
 * and after random edits.
 */

import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import type {Root} from 'mdast'
import {toNlcst} from 'mdast-util-to-nlcst'
import {ParseLatin} from 'parse-latin'
import retextEnglish from 'retext-english'
import {unified, type Processor} from 'unified'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {baseProcessor} from '../src/pipeline.js'
import {sentenceJoins} from '../src/sentence-joins.js'
import {parserFor, toWordTree} from '../src/word-tree.js'
import {applyEdit, editOf} from './random-edits.js'

if (process.env.FUZZ_SEED !== 'random') fc.configureGlobal({seed: Number(process.env.FUZZ_SEED ?? 20261202)})

const root = path.join(import.meta.dirname, '..', 'fixtures')
const essays = ['essays', 'corpus'].flatMap((dir) =>
  readdirSync(path.join(root, dir))
    .filter((name) => /\.(md|txt)$/.test(name))
    .map((name) => ({name: path.join(dir, name), text: readFileSync(path.join(root, dir, name), 'utf8')}))
)

const parser = baseProcessor()
const retext = unified().use(retextEnglish).use(sentenceJoins).freeze() as unknown as Processor

function bothTrees(text: string, name = 'essay.md') {
  const file = new VFile({path: `/essays/${name}`, value: text})
  const tree = parser.parse(file) as Root
  // The library with parse-latin as it is (remark-retext's parser for a processor with no extensions).
  return {ours: toWordTree(tree, file, parserFor(retext)), library: toNlcst(tree, file, new ParseLatin())}
}

describe('word tree', () => {
  it('is mdast-util-to-nlcst\'s on every sample and corpus essay', () => {
    expect(essays.length).toBeGreaterThan(10)
    for (const {name, text} of essays) {
      const {ours, library} = bothTrees(text, path.basename(name))
      expect(ours, name).toEqual(library)
    }
  })

  it('is mdast-util-to-nlcst\'s where the text is not the source, and with every line ending', () => {
    const docs = [
      'An escaped \\*star\\* and &amp; an entity, &copy; 2024.\n\nA [link](https://example.org "title") and ![an image](a.png) and `code`.\n',
      'A hard  \nbreak and a soft\nbreak.\\\nAnother.\n\n| a | b |\n| --- | --- |\n| c | d |\n\nAfter the table.\n',
      'Windows\r\nline endings.\r\n\r\nA second paragraph\r\nover two lines.\r\n',
      'Old Mac\rline endings.\r\rA second.\r',
      'Mixed\r\nendings\nand\rmore.\n\n> A quote, with *emphasis*[^1].\n\n[^1]: A note.\n',
      '# Title\n\n- a list item\n- another, with **strong** text\n\n    indented code\n\nThe end',
      'Word.',
      'Unicode: café, naïve, e\u0301, ﬁne — “quoted” ‘single’ « guillemets » 👍🏽 👩‍👩‍👧 \u00A0nbsp\u2009thin, 中文。 עברית. \uD800 lone \uDC00 halves.\n',
      // Every code unit of a few blocks, a line each: each unit's class is parse-latin's.
      ...[[0x20, 0x250], [0x2000, 0x2070], [0x2190, 0x2200], [0x3000, 0x3040], [0xfe30, 0xff20]].map(([from, to]) => Array.from({length: to - from}, (_, i) => String.fromCharCode(from + i)).join(' ') + '\n')
    ]
    for (const doc of docs) {
      const {ours, library} = bothTrees(doc)
      expect(ours, JSON.stringify(doc)).toEqual(library)
    }
  })

  it('is mdast-util-to-nlcst\'s after random edits', () => {
    const snippet = fc.constantFrom('the mission ', 'Peacekeeping works. ', '\n\n', '\n', '\r\n', '\r', '&amp;', '\\*', '![alt text](x.png)', '`code`', '  \n', '\n# A heading\n', '| a | b |\n| --- | --- |\n', '[^1]', 'U.S. ', '“quoted.” ', 'café — 👍🏽 ', '\u00A0', '...', '!?', '$5 ', '#hash ', 'a/b ', "don't ")
    fc.assert(
      fc.property(fc.constantFrom(...essays), fc.array(editOf(snippet), {minLength: 1, maxLength: 6}), (essay, edits) => {
        let doc = essay.text
        for (const step of edits) doc = applyEdit(doc, step)
        const {ours, library} = bothTrees(doc, path.basename(essay.name))
        expect(ours).toEqual(library)
      }),
      {numRuns: 40}
    )
  })
})
