/** GFM as essays use it (src/essay-gfm.ts): the table syntax is left out only where no table can be. */

import {readdirSync, readFileSync} from 'node:fs'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {gfmTable} from 'micromark-extension-gfm-table'
import {describe, expect, it} from 'vitest'
import {mayHoldTable} from '../src/essay-gfm.js'
import {root} from './helpers.js'

const withTables = (doc: string) => fromMarkdown(doc, {extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()]})
const hasTable = (doc: string) => JSON.stringify(withTables(doc)).includes('"type":"table"')

const tables = [
  '| Mission | Troops |\n| --- | --- |\n| UNAMIR | 2,548 |\n',
  'Mission | Troops\n--- | ---\nUNAMIR | 2,548\n',
  '| Mission | Troops |\n|:---|---:|\n| UNAMIR | 2,548 |',
  '| One column |\n| :-: |\n| cell |\n',
  '> | In | a quote |\n> | -- | -- |\n> | x | y |\n',
  '- a list\n\n  | In | a list |\n  |----|----|\n  | x  | y  |\n',
  '1. item\n   > | deep | table |\n   > | ---- | ----- |\n',
  '| Windows | line endings |\r\n| --- | --- |\r\n| a | b |\r\n',
  'Text before.\n\n|a|b|\n|-|-|\n\nText after.\n',
  '| escaped \\| pipe | b |\n|\t---\t|\t---\t|\n'
]

describe('GFM tables', () => {
  it.each(tables.map((doc) => [JSON.stringify(doc.slice(0, 30)), doc]))('a table is seen: %s', (_name, doc) => {
    expect(hasTable(doc)).toBe(true)
    expect(mayHoldTable(doc)).toBe(true)
  })

  it('a document without a possible delimiter row parses to the same tree without the table syntax', () => {
    const docs: string[] = []
    for (const dir of ['fixtures/essays', 'fixtures/corpus']) {
      for (const name of readdirSync(`${root}/${dir}`)) if (/\.(md|txt)$/.test(name)) docs.push(readFileSync(`${root}/${dir}/${name}`, 'utf8'))
    }
    docs.push('Troops | civilians: a pipe in prose.\n\nA - dash, and - more.\n', '| not | a table |\n| no delimiter |\n')
    let checked = 0
    for (const doc of docs) {
      if (mayHoldTable(doc)) continue
      checked++
      expect(fromMarkdown(doc)).toEqual(withTables(doc))
    }
    expect(checked).toBeGreaterThan(15)
  })

  it('an essay with a table still leaves the table out of the analysis', async () => {
    const {analyze} = await import('../src/index.js')
    const model = await analyze('# Essay\n\nPeacekeeping works (Fortna, 2008).\n\n| Realism always fails | x |\n| --- | --- |\n| Sovereignty is dead | y |\n', {path: 'e.md'})
    expect(model.sentences.map((s) => s.text)).toEqual(['Essay', 'Peacekeeping works (Fortna, 2008).'])
  })
})
