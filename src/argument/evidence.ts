/**
 * Stage 3, citations and evidence: what a sentence carries itself. A
 * citation in any style the model found; a named case (a peace operation
 * from the lexicon, a named place with an event, a dated event, a named war,
 * treaty or resolution); figures (not page numbers or citation years); an
 * attributed quotation; a concrete example ("for instance", "such as" with a
 * named thing). A bare capitalised word is never a case.
 */

import {allMatches} from '../all-matches.js'
import {splitWords, withoutPossessive, type PhraseMatcher} from '../model/matcher.js'
import type {Operation} from '../model/lexicon.js'
import {placeNamesIn} from '../model/operations.js'
import type {DataTable, EssayModel, Sentence, Word} from '../model/types.js'
import type {CueHit} from './cues.js'
import {wordClass} from './tagging.js'
import type {Support} from './types.js'
import {alternation, isIn, lazyPattern} from './words.js'

const year = /\b(?:1[89]\d\d|20\d\d)s?\b/
const month = lazyPattern(() => new RegExp(`\\b${alternation('months')}\\b`))
const monthBefore = lazyPattern(() => new RegExp(`\\b${alternation('months')}\\s+$`))
const monthAfter = lazyPattern(() => new RegExp(`^\\s+(?:of\\s+)?${alternation('months')}\\b`))
// Figures: thousands with separators, percentages, numbers of two or more
// digits that are not years, and counts of people or things.
const figure = lazyPattern(() => new RegExp(`\\b\\d{1,3}(?:,\\d{3})+\\b|\\b\\d+(?:\\.\\d+)?\\s?(?:%|per\\s?cent|percent)|\\b(?!(?:1[89]|20)\\d\\d\\b)\\d{2,}\\b|\\b\\d+(?:\\.\\d+)?\\s${alternation('counted-nouns')}\\b`, 'gi'))
// A named war, treaty, accord, convention or resolution: "the Korean War", "Resolution 1973", "the Dayton Accords".
const namedInstrument = lazyPattern(() => new RegExp(`\\b(?:\\p{Lu}[\\p{L}-]+\\s+){1,3}${alternation('instrument-nouns')}\\b|\\b${alternation('instrument-heads')}\\s+(?:of\\s+)?(?:\\p{Lu}[\\p{L}-]+|\\d{2,4})`, 'u'))

/**
 * The places and names of a sentence, in order: the countries and places of
 * the place lexicon (whole names: "the Central African Republic"), and
 * beside them the words compromise's lexicon knows as names.
 */
function placesOf(sentence: Sentence): Array<{text: string}> {
  const named = placeNamesIn(sentence)
  const inNamed = (i: number) => named.some((place) => place.from <= i && i < place.to)
  const words = sentence.words.flatMap((w, i) => (!inNamed(i) && isPlaceOrName(w) ? [{from: i, text: w.text}] : []))
  return [...named, ...words].sort((a, b) => a.from - b.from)
}

/**
 * "Consider Sierra Leone: …", "Take Rwanda, where…": an imperative that
 * brings in an example at the sentence's start, with the name right after it
 * (within three words), as a cue hit. Only there: "It will take years to
 * rebuild Liberia" names no example.
 */
function exampleOpening(sentence: Sentence): CueHit | undefined {
  const first = sentence.words[0]
  if (!first || !isIn('example-openers', first.norm)) return undefined
  const named = sentence.words.slice(1, 4).some((w) => /^\p{Lu}/u.test(w.text) && !isIn('not-names', w.norm))
  return named ? {kind: 'example', text: first.norm, at: 0, from: 0, to: 1} : undefined
}

/** A named place, organisation or person: a word compromise's lexicon knows as a name, and not a generic capitalised word. */
export function isPlaceOrName(word: Word): boolean {
  if (!/^\p{Lu}/u.test(word.text) || isIn('not-names', word.norm)) return false
  // "Rwanda's", "Kabila’s": the possessive of a name is the name.
  return wordClass(withoutPossessive(word.norm)) === 'name'
}

export interface EvidenceContext {
  model: EssayModel
  operations: PhraseMatcher<Operation>
}

/**
 * The sentence reads a table of the essay's: it names one of the table's rows
 * ("Ghana") and every word of one of its headers ("high scores on good
 * governance and political accountability" under "Governance" or "Political
 * Accountability"; not "regional efforts" under "Regional Leadership"),
 * after the table begins or in its section. The figures are in
 * the table, not in the sentence: "the table's figures for Ghana".
 */
function tableRead(model: EssayModel, sentence: Sentence): string | undefined {
  if (model.tables.length === 0) return undefined
  const words = sentence.words.map((w) => withoutPossessive(w.norm))
  const present = new Set(words)
  for (const table of model.tables) {
    if (sentence.range.start.offset < table.range.start.offset && model.paragraphs[sentence.paragraph].section !== table.section) continue
    const {columns, rows} = tableWords(table)
    if (!columns.some((column) => column.every((w) => present.has(w)))) continue
    const row = rows.find((row) => includesRun(words, row.words))
    if (row) return `the table's figures for ${row.label}`
  }
  return undefined
}

/** A table's headers as the content words a sentence must hold to read that column, and its row labels as words; once per table. */
function tableWords(table: DataTable): {columns: string[][]; rows: Array<{label: string; words: string[]}>} {
  let found = tableWordsMemo.get(table)
  if (!found) {
    const columns = table.headers.map((header) => splitWords(header).filter((w) => w.length >= 4 && !isIn('stop-words', w))).filter((column) => column.length > 0)
    found = {columns, rows: table.rows.map((label) => ({label, words: splitWords(label)})).filter((row) => row.words.length > 0)}
    tableWordsMemo.set(table, found)
  }
  return found
}
const tableWordsMemo = new WeakMap<DataTable, ReturnType<typeof tableWords>>()

/** `words` holds `run` as consecutive words ("South Africa", not "Africa" alone, nor "Ghanaian" for "Ghana"). */
function includesRun(words: string[], run: string[]): boolean {
  for (let at = words.indexOf(run[0]); at !== -1; at = words.indexOf(run[0], at + 1)) {
    if (run.every((w, i) => words[at + i] === w)) return true
  }
  return false
}

/** The sentence's text with its citations blanked out, so their years and pages are not read as data. */
function withoutCitations(model: EssayModel, sentence: Sentence): string {
  let text = sentence.text
  const base = sentence.range.start.offset
  for (const index of sentence.citations) {
    const {range} = model.citations[index]
    const from = range.start.offset - base
    const to = range.end.offset - base
    if (from >= 0 && to <= text.length) text = text.slice(0, from) + ' '.repeat(to - from) + text.slice(to)
  }
  return text
}

/** Figures in a text that are data: not page or article numbers ("p. 45", "Art. 27"). */
function dataIn(text: string): string | undefined {
  for (const match of allMatches(figure(), text)) {
    const preceding = text.slice(Math.max(0, match.index! - 24), match.index!)
    const before = preceding.slice(-12).toLowerCase()
    const word = /([a-z]+)\.?\s*$/.exec(before)?.[1]
    if (word && isIn('not-data', word)) continue
    // An age limit ("a minimum age limit at 13", "the age of 16") is a rule, not a count.
    if ((preceding.toLowerCase().match(/[a-z]+/g) ?? []).slice(-3).some((w) => isIn('age-words', w))) continue
    // A decade ("the mid-90's", "the 1990s") or a span of time ("100 days",
    // "for 28 years") dates or measures the story; it is not data that needs a source.
    const after = text.slice(match.index! + match[0].length)
    if (/^['’]?s\b/.test(after)) continue
    // A day of a date ("April 16, 2007", "16 April") or a name made of one ("the March 23 Movement").
    if (monthBefore().test(preceding) || monthAfter().test(after)) continue
    // A document number ("resolution 76/262", "A/RES/60/1") names a text; it counts nothing.
    if (/^\/\d/.test(after) || /\d\/$/.test(before)) continue
    const next = /^\s+([\p{L}]+)/u.exec(after)?.[1]?.toLowerCase()
    if (/^\d+$/.test(match[0]) && next && isIn('time-spans', next)) continue
    // A bare number is quoted with the word it counts ("100 days"), so a message can name it.
    const counted = /^\d+$/.test(match[0]) ? /^\s+[\p{L}-]+/u.exec(after)?.[0] ?? '' : ''
    // …but not a word such as "was" or "of": "25" alone says more than "25 was".
    const unit = counted && !isIn('stop-words', counted.trim().toLowerCase()) ? counted : ''
    return match[0] + unit.replace(/\s+/, ' ')
  }
  return undefined
}

export function evidenceIn(context: EvidenceContext, sentence: Sentence, hits: CueHit[]): Support[] {
  const {model} = context
  const found: Support[] = []
  const at = sentence.index
  for (const index of sentence.citations) found.push({kind: 'citation', text: model.citations[index].text, sentence: at})
  const text = withoutCitations(model, sentence)
  const dated = year.exec(text)
  const missions = context.operations.match(sentence.words)
  const event = hits.some((h) => h.kind === 'event')
  // The first place or name and a named instrument are read only by the
  // branches below that need them (most sentences reach none of them).
  let place: Word | null | undefined
  const firstPlace = () => (place === undefined ? (place = sentence.words.find(isPlaceOrName) ?? null) : place)
  let instrumentFound: RegExpExecArray | null | undefined
  const instrument = () => (instrumentFound === undefined ? (instrumentFound = namedInstrument().exec(text)) : instrumentFound)
  if (missions.length > 0) {
    // A mission named: a case when it is dated or an event of it is told.
    found.push({kind: 'case', text: `${missions[0].payloads[0].acronym}${dated ? ` ${dated[0]}` : ''}`, sentence: at, weak: !dated && !event})
  } else if (dated && (firstPlace() || instrument())) {
    found.push({kind: 'case', text: `${firstPlace()?.text ?? instrument()?.[0] ?? ''} ${dated[0]}`.trim(), sentence: at})
  } else if (dated && event) {
    // "every mission since 1990": a year and an event, but no named case.
    found.push({kind: 'case', text: dated[0], sentence: at, weak: true})
  } else if (dated && sentence.words.some((w, i) => i > 0 && /^\p{Lu}\p{Ll}/u.test(w.text) && !isIn('not-names', w.norm))) {
    // A year beside some other name: it dates a statement, it does not back a judgement.
    found.push({kind: 'case', text: dated[0], sentence: at, weak: !month().test(text)})
  } else if (instrument()) {
    found.push({kind: 'case', text: instrument()![0], sentence: at, weak: true})
  } else if (event && (firstPlace() || placeNamesIn(sentence).length > 1)) {
    // "the withdrawal from Somalia", "missions in South Sudan, the CAR and the DRC":
    // here whole place names count, the DRC and the Central African Republic too,
    // and two places of the place lexicon that compromise does not know as names
    // ("the U.S.S.R. and the U.S.'s 20 years of state building").
    const named = placesOf(sentence)
    found.push({kind: 'case', text: named.map((w) => w.text).join(', '), sentence: at, weak: named.length < 2, placesOnly: true})
  }
  const data = dataIn(text)
  const read = data === undefined ? tableRead(model, sentence) : undefined
  if (data) found.push({kind: 'data', text: data, sentence: at})
  else if (read) found.push({kind: 'data', text: read, sentence: at, table: true})
  if (sentence.quotations.length > 0) {
    const attributed = sentence.citations.length > 0 || hits.some((h) => h.kind === 'reporting' || h.kind === 'attribution')
    if (attributed) found.push({kind: 'quotation', text: model.quotations[sentence.quotations[0]].text, sentence: at})
  }
  // "According to Cho's psychiatrist, …": a named source for what follows.
  const attribution = hits.find((h) => h.kind === 'attribution' && h.at <= 1)
  const source = attribution && sentence.words.slice(attribution.to, attribution.to + 3).find((w) => /^\p{Lu}/u.test(w.text) && !isIn('not-names', w.norm))
  if (source && !found.some((e) => e.kind === 'citation' || e.kind === 'quotation')) found.push({kind: 'citation', text: `${attribution.text} ${source.text}`, sentence: at})
  const example = hits.find((h) => h.kind === 'example') ?? exampleOpening(sentence)
  if (example) {
    const after = sentence.words.slice(example.to)
    const before = sentence.words.slice(0, example.from)
    // "Take the Olympic Games, for instance": the named thing may come before the cue.
    const named = after.find((w) => /^\p{Lu}/u.test(w.text) && !isIn('not-names', w.norm)) ?? before.find((w, i) => i > 0 && /^\p{Lu}/u.test(w.text) && !isIn('not-names', w.norm))
    if (named) found.push({kind: 'example', text: `${example.text} ${named.text}`, sentence: at})
    else found.push({kind: 'reasoning', text: example.text, sentence: at, weak: true})
  }
  return found
}
