/** The renderer both pages use: highlights at the findings' positions, outline, coverage, score; all text escaped. */

import type {Element, ElementContent, Root} from 'hast'
import {toString} from 'hast-util-to-string'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {lint} from '../src/index.js'
import type {JsonMessage} from '../src/reporters/json.js'
import type {Outline} from '../src/reporters/outline.js'
import {coverageTree} from '../src/web/render/coverage.js'
import {renderEssay} from '../src/web/render/essay.js'
import {essayTextTree} from '../src/web/render/essay-text.js'
import {outlineTree} from '../src/web/render/outline.js'
import {scoreTree} from '../src/web/render/score.js'
import {essayView} from '../src/web/view.js'
import {fixture} from './helpers.js'

const message = (ruleId: string, line: number, column: number, endLine: number, endColumn: number, severity: JsonMessage['severity'] = 'warning'): JsonMessage => ({
  ruleId,
  severity,
  message: `${ruleId} here`,
  line,
  column,
  endLine,
  endColumn
})

/** Every <mark> of a tree: its finding index, whether it is the first piece, its own text, and 1 when inside another mark. */
function marks(tree: Element | Root): Array<{finding: number; first: boolean; text: string; depth: number}> {
  const found: Array<{finding: number; first: boolean; text: string; depth: number}> = []
  visit(tree, 'element', (node: Element, _index, parent) => {
    if (node.tagName !== 'mark') return
    const depth = parent?.type === 'element' && parent.tagName === 'mark' ? 1 : 0
    const own = {...node, children: node.children.filter((c: ElementContent) => !(c.type === 'element' && (c.properties.className as string[] | undefined)?.includes('finding-number')))}
    found.push({finding: Number(node.properties.dataFinding), first: node.properties.tabIndex === 0, text: toString(own), depth})
  })
  return found
}

describe('essay text with highlights', () => {
  const text = '# Title\n\nRealism wins. Some argue it always does.\nSecond line here.\n\nLast paragraph.'

  it('marks exactly the characters a finding points at, in the right block', () => {
    const tree = essayTextTree(text, [message('unsupported-claim', 3, 15, 3, 41), message('thesis', 1, 1, 1, 8)], {idPrefix: 'e', headingLevel: 2})
    const found = marks(tree)
    expect(found.map((m) => [m.finding, m.text])).toEqual([
      [1, 'Title'],
      [0, 'Some argue it always does.']
    ])
    const blocks = (tree.children as Element[]).map((b) => [b.tagName, toString(b).replace(/\d/g, '')])
    expect(blocks).toEqual([
      ['h3', 'Title'],
      ['p', 'Realism wins. Some argue it always does.\nSecond line here.'],
      ['p', 'Last paragraph.']
    ])
  })

  it('nests a finding inside another, and splits one that crosses it, keeping one tab stop each', () => {
    // 0: the whole sentence; 1: "Some argue" inside it; 2: crosses the end of 0 into the next line.
    const tree = essayTextTree(text, [message('unsupported-claim', 3, 15, 3, 41), message('vague-evidence', 3, 15, 3, 25, 'info'), message('x-rule', 3, 29, 4, 7)], {idPrefix: 'e', headingLevel: 2})
    const found = marks(tree)
    expect(found.filter((m) => m.first).map((m) => m.finding).sort()).toEqual([0, 1, 2])
    expect(found.filter((m) => m.finding === 1)).toEqual([{finding: 1, first: true, text: 'Some argue', depth: 1}])
    // Finding 2 is cut where finding 0 ends: one piece inside it, one after it.
    expect(found.filter((m) => m.finding === 2).map((m) => [m.text, m.first, m.depth])).toEqual([
      ['always does.', true, 1],
      ['\nSecond', false, 0]
    ])
    const html = renderEssay({path: 'e.md', text, messages: [message('unsupported-claim', 3, 15, 3, 41)], outline: {path: 'e.md', thesis: null, paragraphs: [], concepts: {}}})
    expect(html).toContain('id="essay-m0" tabindex="0" aria-describedby="essay-f0"')
    expect(html).toContain('<li id="essay-f0"')
  })

  it('escapes the essay text, the messages and the path', () => {
    const evil = 'A <script>alert(1)</script> & "quotes" <img src=x onerror=alert(2)>.'
    const html = renderEssay({
      path: '<b>x</b>.md',
      text: evil,
      messages: [{...message('unsupported-claim', 1, 3, 1, 11), message: '<i>bad</i>', note: '"><script>'}],
      outline: {path: '<b>x</b>.md', thesis: {text: evil, line: 1, column: 1, endLine: 1, endColumn: 5, role: 'thesis'}, paragraphs: [], concepts: {'x"y': {label: '<u>L</u>', status: 'named', lines: [1]}}}
    })
    expect(html).not.toMatch(/<script|<img|<i>|<u>|<b>/)
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>')
    expect(html).toContain('&#x3C;i>bad&#x3C;/i>')
  })

  it('puts the findings of a real essay on their sentences', async () => {
    const source = fixture('essays', 'mali-sovereignty.md')
    const file = await lint(source, {path: 'mali-sovereignty.md'})
    const view = essayView(file, 'mali-sovereignty.md')
    const found = marks(essayTextTree(view.text, view.messages, {idPrefix: 'e', headingLevel: 2}))
    const lines = source.split('\n')
    for (const [index, m] of view.messages.entries()) {
      const pieces = found.filter((f) => f.finding === index)
      expect(pieces.filter((p) => p.first)).toHaveLength(1)
      // A heading's marker ("# ") is not shown: the mark starts at its words.
      const expected = m.line === m.endLine ? lines[m.line - 1].slice(m.column - 1, m.endColumn - 1).replace(/^#+ /, '') : undefined
      if (expected !== undefined) expect(pieces.map((p) => p.text).join('')).toBe(expected)
    }
    const claim = view.messages.findIndex((m) => m.ruleId === 'unsupported-claim')
    expect(found.find((f) => f.finding === claim)!.text).toMatch(/^Realism explains why no great power/)
    // The outline's unsupported claim links to its highlight in the text; a supported one links nowhere.
    const html = renderEssay(view, {idPrefix: 'e'})
    expect(html).toContain(`<a href="#e-m${claim}" class="claim-link"><q>Realism explains why no great power would defend the mission against Bamako, while liberalism…</q></a>`)
    expect(html).toMatch(/<span class="claim-mark">✔<\/span><span class="visually-hidden">Supported claim: <\/span><q>/)
  })
})

describe('outline, coverage and score', () => {
  const outline: Outline = {
    path: 'e.md',
    thesis: null,
    paragraphs: [
      {
        line: 3,
        sentences: [
          {text: 'Peacekeeping works when consent holds.', line: 3, column: 1, endLine: 3, endColumn: 40, role: 'claim', supported: true, support: [{kind: 'citation', text: '(Fortna 2008)'}]},
          {text: 'It fails elsewhere.', line: 3, column: 41, endLine: 3, endColumn: 60, role: 'claim', supported: false, support: []},
          {text: 'Background.', line: 3, column: 61, endLine: 3, endColumn: 72, role: 'other' as never}
        ]
      }
    ],
    concepts: {realism: {label: 'Realism', status: 'applied', lines: [3, 5]}, ethics: {label: 'Ethics', status: 'named', lines: [9]}, constructivism: {label: 'Constructivism', status: 'absent', lines: []}}
  }

  it('outlines claims with their support, and says when there is no thesis', () => {
    const tree = outlineTree(outline)
    const text = toString(tree)
    expect(text).toMatch(/^No thesis found\. State your position/)
    expect(text).toContain('Paragraph 1 (line 3) — 1 of 2 claims supported')
    expect(text).toContain('✔Supported claim: Peacekeeping works when consent holds.citation (Fortna 2008)')
    expect(text).toContain('✘Unsupported claim: It fails elsewhere.nothing supports it yet')
    expect(text).not.toContain('Background')
  })

  it('charts coverage in three steps, with the status in words', () => {
    const tree = coverageTree(outline.concepts)
    const rows = (tree.children as Element[]).map((row) => {
      let filled = 0
      visit(row, 'element', (n: Element) => {
        if ((n.properties.className as string[] | undefined)?.includes('filled')) filled++
      })
      return [row.properties.dataConcept, filled, toString(row)]
    })
    expect(rows).toEqual([
      ['realism', 2, 'Realismappliedlines 3, 5'],
      ['ethics', 1, 'Ethicsnamedline 9'],
      ['constructivism', 0, 'Constructivismabsent']
    ])
  })

  it('shows the score and each criterion with its bar and evidence', () => {
    const tree = scoreTree({path: 'e.md', score: 72.5, max: 100, criteria: [{id: 'thesis', label: 'Thesis', score: 10, max: 10, evidence: ['line 2: "This essay argues…"']}, {id: 'ethics', label: 'Ethics', score: 3, max: 10, evidence: ['ethics named']}]})
    const html = renderEssay({path: 'e.md', text: 'x', messages: [], outline, grade: {path: 'e.md', score: 72.5, max: 100, criteria: []}})
    expect(html).toContain('Rubric score')
    expect(toString(tree)).toBe('72.5 / 100Thesis10 / 10line 2: "This essay argues…"Ethics3 / 10ethics named')
    const widths: string[] = []
    visit(tree, 'element', (n: Element) => {
      if (n.properties.style) widths.push(String(n.properties.style))
    })
    expect(widths).toEqual(['width:100%', 'width:30%'])
  })
})
