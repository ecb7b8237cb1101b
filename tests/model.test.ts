/** The essay model: structure, sentences with exact ranges, citations, quotations, concept mentions. */

import {describe, expect, it} from 'vitest'
import {analyze} from '../src/index.js'

const essay = `# Peacekeeping and power

Hultman et al. (2013) show that more troops mean fewer civilian deaths. Peace lasts longer with peacekeepers (Fortna, 2008, p. 45). As Doyle and Sambanis (2006) argue, mandates matter; see also (Howard 2008: 12) and (Hultman et al. 880) [3].

> "Peacekeepers must protect civilians under imminent threat," the mandate said.

- Realists doubt it.[^1]

\`\`\`
Realism always fails. Constructivism is everything.
\`\`\`

Resolution 2098 (2013) created the brigade, per S/RES/2098 and [the UN](https://un.org).

## References

Waltz, K. (1979) Theory of International Politics.

[^1]: Mearsheimer 1994.
`

describe('essay model', () => {
  it('reads sections, the title and the reference list', async () => {
    const model = await analyze(essay, {path: 'essay.md'})
    expect(model.title?.title).toBe('Peacekeeping and power')
    expect(model.sections.map((s) => [s.title, s.depth, s.isReferences])).toEqual([
      ['Peacekeeping and power', 1, false],
      ['References', 2, true]
    ])
    expect(model.paragraphs.map((p) => [p.kind, p.range.start.line])).toEqual([
      ['heading', 1],
      ['paragraph', 3],
      ['blockquote', 5],
      ['list-item', 7],
      ['paragraph', 13],
      ['heading', 15],
      ['reference', 17],
      ['reference', 19]
    ])
  })

  it('splits sentences with exact ranges and never reads code blocks', async () => {
    const model = await analyze(essay, {path: 'essay.md'})
    const second = model.sentences[2]
    expect(second.text).toBe('Peace lasts longer with peacekeepers (Fortna, 2008, p. 45).')
    expect([second.range.start.line, second.range.start.column, second.range.end.line, second.range.end.column]).toEqual([3, 73, 3, 132])
    expect(essay.slice(second.range.start.offset, second.range.end.offset)).toBe(second.text)
    // "et al." does not end a sentence.
    expect(model.sentences[1].text).toBe('Hultman et al. (2013) show that more troops mean fewer civilian deaths.')
    expect(model.sentences.some((s) => s.text.includes('always fails'))).toBe(false)
  })

  it('finds citations in the styles students use', async () => {
    const model = await analyze(essay, {path: 'essay.md'})
    expect(model.citations.map((c) => [c.kind, c.text, c.range.start.line, c.range.start.column])).toEqual([
      ['narrative', 'Hultman et al. (2013)', 3, 1],
      ['author-date', '(Fortna, 2008, p. 45)', 3, 110],
      ['narrative', 'Doyle and Sambanis (2006)', 3, 136],
      ['author-date', '(Howard 2008: 12)', 3, 195],
      ['author-page', '(Hultman et al. 880)', 3, 217],
      ['numbered', '[3]', 3, 238],
      ['document', 'Resolution 2098 (2013)', 13, 1],
      ['document', 'S/RES/2098', 13, 49],
      ['footnote', '[^1]', 7, 21],
      ['link', 'https://un.org', 13, 64]
    ])
  })

  it('takes a web address written out in the text for a link citation, as GitHub would link it', async () => {
    const text =
      'Violence fell in Liberia (https://peacekeeping.un.org/en/mission/unmil). Consent matters, see www.ipinst.org/report. ' +
      'Budgets fell (see https://en.wikipedia.org/wiki/Peace_(disambiguation)). Write to info@un.org or read [the UN](https://un.org). ' +
      'Typing http:// or www. alone cites nothing.\n'
    const model = await analyze(text, {path: 'e.md'})
    expect(model.citations.map((c) => [c.kind, c.text, text.slice(c.range.start.offset, c.range.end.offset), c.sentence])).toEqual([
      ['link', 'https://peacekeeping.un.org/en/mission/unmil', 'https://peacekeeping.un.org/en/mission/unmil', 0],
      ['link', 'http://www.ipinst.org/report', 'www.ipinst.org/report', 1],
      ['link', 'https://en.wikipedia.org/wiki/Peace_(disambiguation)', 'https://en.wikipedia.org/wiki/Peace_(disambiguation)', 2],
      ['link', 'https://un.org', '[the UN](https://un.org)', 3]
    ])
  })

  it('does not take years, dates or asides for citations', async () => {
    const model = await analyze('In 1994 (a terrible year) the genocide began (see below). It ended in July (1994).\n', {path: 'e.md'})
    expect(model.citations).toEqual([])
  })

  it('finds quotations of three words or more, not scare quotes', async () => {
    const model = await analyze('The so-called "peace" was "a ceasefire in name only" (Paris, 2004).\n', {path: 'e.md'})
    expect(model.quotations.map((q) => q.text)).toEqual(['a ceasefire in name only'])
  })

  it('finds concept mentions and leaves out false friends', async () => {
    const model = await analyze(
      'Realists stress the balance of power. A realistic plan, in reality, is different. Socially constructed norms matter to Wendt.\n',
      {path: 'e.md'}
    )
    expect(model.mentions.map((m) => [m.concept, m.kind, m.text])).toEqual([
      ['realism', 'name', 'Realists'],
      ['realism', 'term', 'balance of power'],
      ['constructivism', 'name', 'Socially constructed'],
      ['constructivism', 'term', 'norms'],
      ['constructivism', 'thinker', 'Wendt']
    ])
  })

  it('reads plain text: blank-line paragraphs and short unpunctuated lines as headings', async () => {
    const text = 'Peacekeeping in Rwanda\n\nThe first paragraph is here. It has two sentences.\n\nWhy it failed\n\nRealists say power.\n'
    const model = await analyze(text, {path: 'essay.txt'})
    expect(model.format).toBe('text')
    expect(model.sections.map((s) => [s.depth, s.title, s.range.start.line])).toEqual([
      [1, 'Peacekeeping in Rwanda', 1],
      [2, 'Why it failed', 5]
    ])
    expect(model.paragraphs.map((p) => p.kind)).toEqual(['heading', 'paragraph', 'heading', 'paragraph'])
    expect(model.sentences[2].text).toBe('It has two sentences.')
    expect(model.sentences[2].range.start).toEqual({line: 3, column: 30, offset: 53})
  })

  it('reads Markdown pasted from a word processor: a plain or bold line without final punctuation is a heading, and "References" starts the reference list', async () => {
    const text = [
      '# Peacekeeping in Rwanda',
      '',
      'The mission failed because the Council cut its troops (Dallaire 2003).',
      '',
      '**Why it failed**',
      '',
      'Realists say power decided it.',
      '',
      'Conclusion',
      '',
      'Peacekeeping needs consent and troops.',
      '',
      'References',
      '',
      'Dallaire, R. (2003) Shake Hands with the Devil. Toronto: Random House.',
      '',
      'A line with *emphasis* inside is prose',
      '',
      'Last paragraph.',
      ''
    ].join('\n')
    const model = await analyze(text, {path: 'essay.md'})
    expect(model.sections.map((s) => [s.depth, s.title, s.range.start.line])).toEqual([
      [1, 'Peacekeeping in Rwanda', 1],
      [2, 'Why it failed', 5],
      [2, 'Conclusion', 9],
      [2, 'References', 13]
    ])
    expect(model.paragraphs.map((p) => p.kind)).toEqual(['heading', 'paragraph', 'heading', 'paragraph', 'heading', 'paragraph', 'heading', 'reference', 'reference', 'reference'])
    // Without a "#" title, the first such line is the title.
    const untitled = await analyze('Peacekeeping in Rwanda\n\nThe first paragraph is here.\n', {path: 'essay.md'})
    expect(untitled.sections.map((s) => [s.depth, s.title])).toEqual([[1, 'Peacekeeping in Rwanda']])
  })

  it('keeps positions right with CRLF line endings', async () => {
    const model = await analyze('# Title\r\n\r\nFirst sentence. Second one.\r\n', {path: 'e.md'})
    const second = model.sentences[2]
    expect(second.text).toBe('Second one.')
    expect([second.range.start.line, second.range.start.column]).toEqual([3, 17])
  })

  it('takes course concepts from config', async () => {
    const model = await analyze('Hedley Bull saw an international society of states. The Brahimi Report changed doctrine.\n', {
      path: 'e.md',
      config: {concepts: {'brahimi': {label: 'The Brahimi Report', group: 'perspective', names: ['brahimi report']}}}
    })
    expect(model.mentions.map((m) => [m.concept, m.text])).toEqual([
      ['english-school', 'Hedley Bull'],
      ['english-school', 'international society'],
      ['brahimi', 'Brahimi Report']
    ])
  })
})
