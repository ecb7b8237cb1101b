/**
 * citation-reference: the essay's in-text citations against its own
 * reference list and footnotes. See README.md.
 *
 * Matching is lenient on purpose: an entry matches a citation when one of
 * the words that head it (the authors or the body) is one of the citation's
 * author words, and an entry counts as cited when its first name word
 * appears anywhere in the essay. A student is told only about mismatches
 * that no reading of the two can explain.
 */

import type {CitedSource} from '../../src/model/references.js'
import {citedSources, sameName, sameYear} from '../../src/model/references.js'
import type {EssayModel, Range, ReferenceEntry} from '../../src/model/types.js'
import {defineRule} from '../../src/rule.js'
import {messages} from './messages.js'

export interface Options {
  /** Report reference entries that no citation and no mention in the text points at (info). */
  uncited: boolean
}

/** Words from which an essay that cites sources by author is expected to have a reference list. */
const minListWords = 400

export default defineRule<Options>(
  {
    id: 'citation-reference',
    description: 'In-text citations against the essay’s reference list and footnotes: citations with no entry, years that differ, entries never cited, "et al." for two authors, "ibid." with nothing before it, footnotes out of order or missing.',
    defaults: {uncited: true},
    schema: {type: 'object', properties: {uncited: {type: 'boolean'}}, additionalProperties: false}
  },
  (model, file, options) => {
    const report = (range: Range, text: string, data: Record<string, unknown>, advisory = false) => {
      const message = file.message(text, {place: range})
      Object.assign(message, {note: messages.note, data, ...(advisory ? {advisory: true} : {})})
    }
    const body = (sentence: number) => {
      const kind = model.paragraphs[model.sentences[sentence].paragraph].kind
      return kind !== 'reference' && kind !== 'heading' && kind !== 'footnote'
    }
    const sources = citedSources(model).filter((s) => body(model.citations[s.citation].sentence))
    const entries = model.references
    const hasList = entries.length > 0
    const listed = entries.filter((e) => e.note === undefined)

    // "ibid." before any other source.
    const firstSource = sources[0]
    const firstNote = model.notes[0]
    if (firstSource?.same && !(firstNote && firstNote.range.start.offset < model.citations[firstSource.citation].range.start.offset)) {
      report(model.citations[firstSource.citation].range, messages.ibid(firstSource.text), {check: 'ibid'})
    } else if (firstNote && /^\s*ibid\b/i.test(firstNote.text) && !(firstSource && model.citations[firstSource.citation].range.start.offset < firstNote.range.start.offset)) {
      report(firstNote.range, messages.ibid('Ibid.'), {check: 'ibid'})
    }

    checkFootnotes(model, report)

    const named = sources.filter((s) => !s.same)
    if (!hasList) {
      // Notes may hold the sources themselves (Chicago notes): then there is no list to check against.
      // A short answer or an excerpt is not expected to carry a list.
      if (model.notes.length === 0 && named.length >= 2 && model.wordCount >= minListWords) {
        const first = model.citations[named[0].citation]
        report(first.range, messages.noList(named.length), {check: 'no-list'})
      }
      return
    }
    if (listed.length > 0 && listed.every((e) => e.bare)) {
      report(listed[0].range, messages.bareList(listed.length), {check: 'bare-list'})
      return
    }

    const cited = new Set<ReferenceEntry>()
    for (const source of named) {
      const citation = model.citations[source.citation]
      const matches = entries.filter((entry) => sameName(entry, source))
      if (matches.length === 0) {
        report(citation.range, messages.noEntry(source), {check: 'no-entry', names: source.names, year: source.year})
        continue
      }
      const dated = source.year ? matches.filter((entry) => entry.years.some((y) => sameYear(y, source.year!))) : matches
      for (const entry of dated.length > 0 ? dated : matches) cited.add(entry)
      if (source.year && dated.length === 0 && matches.every((e) => e.years.length > 0)) {
        report(citation.range, messages.year(source, matches[0]), {check: 'year', year: source.year, listed: matches[0].years})
        continue
      }
      if (source.etAl && (dated.length > 0 ? dated : matches).every((e) => e.authors === 2)) {
        report(citation.range, messages.etAl(source, matches[0]), {check: 'et-al'}, true)
      }
    }

    // Numbered citations against a numbered list: "[7]" needs entry 7.
    const labels = new Set(entries.map((e) => e.label).filter((l): l is string => l !== undefined))
    if (labels.size > 0) {
      for (const citation of model.citations) {
        if (citation.kind !== 'numbered' || !body(citation.sentence)) continue
        for (const number of numbersOf(citation.text)) {
          const entry = entries.find((e) => e.label === String(number))
          if (entry) cited.add(entry)
          else report(citation.range, messages.noNumber(number, labels.size), {check: 'no-entry', number})
        }
      }
    }

    if (!options.uncited) return
    const text = bodyText(model).toLowerCase()
    for (const entry of listed) {
      if (cited.has(entry) || entry.bare || entry.names.length === 0) continue
      // Named in the text ("Paris argues…") or in a note: cited, if not in form.
      if (entry.names.some((name) => name.length >= 3 && wordIn(text, name))) continue
      report(entry.range, messages.uncited(entry), {check: 'uncited'}, true)
    }
  }
)

const letter = /\p{L}/u

/** Whether `word` stands as a word of its own (no letter on either side) in `lower`, a lower-cased text: a plain search, where a RegExp per name scanned the whole essay each time. */
function wordIn(lower: string, word: string): boolean {
  const needle = word.toLowerCase()
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) {
    const before = lower[at - 1]
    const after = lower[at + needle.length]
    if ((before === undefined || !letter.test(before)) && (after === undefined || !letter.test(after))) return true
  }
  return false
}

function numbersOf(text: string): number[] {
  const numbers: number[] = []
  for (const part of text.replace(/[[\]]/g, '').split(',')) {
    const [from, to] = part.split(/[-–]/).map((n) => Number(n.trim()))
    if (to === undefined) numbers.push(from)
    else for (let n = from; n <= to && n - from < 50; n++) numbers.push(n)
  }
  return numbers
}

/** The essay's words outside its reference list: where a source may be named without a formal citation. */
function bodyText(model: EssayModel): string {
  return model.sentences
    .filter((s) => model.paragraphs[s.paragraph].kind !== 'reference')
    .map((s) => s.text)
    .concat(model.notes.map((n) => n.text))
    .join('\n')
}

/** Footnote markers "[^n]": each needs its note, and numbered notes come in order. */
function checkFootnotes(model: EssayModel, report: (range: Range, text: string, data: Record<string, unknown>) => void): void {
  const defined = new Set(model.notes.map((n) => n.label))
  const seen = new Set<string>()
  const order: Array<{label: string; range: Range}> = []
  // Markers found in the text and in the syntax tree are both citations: take them in document order.
  const markers = model.citations.filter((c) => c.kind === 'footnote' && c.text.startsWith('[^')).sort((a, b) => a.range.start.offset - b.range.start.offset)
  for (const citation of markers) {
    const label = citation.text.slice(2, -1)
    const kind = model.paragraphs[model.sentences[citation.sentence].paragraph].kind
    if (kind === 'footnote' || kind === 'reference') continue
    if (seen.has(label)) continue
    seen.add(label)
    if (!defined.has(label)) {
      report(citation.range, messages.noteMissing(label), {check: 'note-missing', label})
      continue
    }
    order.push({label, range: citation.range})
  }
  // Numbered notes in order of first use: 1, 2, 3… The first break is reported once.
  const numbered = order.filter((o) => /^\d+$/.test(o.label))
  if (numbered.length !== order.length) return
  for (let i = 0; i < numbered.length; i++) {
    if (Number(numbered[i].label) !== i + 1) {
      report(numbered[i].range, messages.noteOrder(numbered[i].label, i + 1), {check: 'note-order', label: numbered[i].label, expected: i + 1})
      return
    }
  }
}
