/**
 * mission-facts: names, places and years of UN peace operations checked
 * against the bundled data (src/lexicons/operations.json). See README.md.
 *
 * Precision first: a fact is checked only where the sentence ties it to the
 * mission by its syntax — the acronym and a full name side by side in
 * brackets, "in"/"to" + a place right after the mission, a year right after
 * it or after a verb of founding or ending. A year anywhere else in the
 * sentence may be about something else.
 */

import {isBody} from '../../src/argument/structure.js'
import type {Operation} from '../../src/model/lexicon.js'
import {factWords, operationFactsOf, type Item} from '../../src/model/operations.js'
import type {Sentence} from '../../src/model/types.js'
// The text between two words of a sentence.
import {textBetweenWords as gap} from '../../src/model/sentence-text.js'
import {defineRule} from '../../src/rule.js'
import {messages} from './messages.js'

export interface Options {
  /** Years a founding or ending year may be off by (the vote and the deployment often fall in different years). */
  tolerance: number
}

type OperationItem = Extract<Item, {kind: 'operation'}>

const yearWord = /^(?:1[89]\d\d|20\d\d)$/

export default defineRule<Options>(
  {
    id: 'mission-facts',
    description: 'Names, places and years of UN peace operations that contradict the bundled mission data ("UNAMIR in Bosnia", "UNOMIL was set up in 2003").',
    defaults: {tolerance: 1},
    schema: {
      type: 'object',
      properties: {tolerance: {type: 'integer', minimum: 0, maximum: 5, description: 'a whole number of years from 0 to 5'}},
      additionalProperties: false
    }
  },
  (model, file, options) => {
    const report = (sentence: Sentence, from: number, to: number, text: string, data: Record<string, unknown>) => {
      const first = sentence.words[from]
      const last = sentence.words[to - 1]
      const message = file.message(text, {
        place: {start: {line: first.line, column: first.column, offset: first.start}, end: {line: last.endLine, column: last.endColumn, offset: last.end}}
      })
      Object.assign(message, {note: messages.note, data})
    }
    for (const facts of operationFactsOf(model)) {
      const sentence = model.sentences[facts.sentence]
      if (!isBody(model.paragraphs[sentence.paragraph])) continue
      const items = facts.items
      items.forEach((item, at) => {
        // Only missions the UN's list covers, named unambiguously ("UNEF" is two missions).
        if (item.kind !== 'operation' || item.operations.length !== 1 || !item.operations[0].source) return
        const op = item.operations[0]
        const next = items[at + 1]
        if (next?.kind === 'operation' && next.from === item.to && gap(sentence, item.to - 1, next.from).trim() === '(') {
          const other = next.operations
          if (next.form !== item.form && !other.includes(op)) {
            const [acronym, name] = item.form === 'acronym' ? [op, other[0]] : [other[0], op]
            report(sentence, item.from, next.to, messages.name(acronym, name), {check: 'name', acronym: acronym.acronym, wrote: name.name})
          }
          return
        }
        const place = placeAfter(sentence, item, next)
        if (place && !place.codes.some((code) => op.countries.includes(code))) {
          report(sentence, item.from, place.to, messages.place(op, place.text, place.codes), {check: 'place', acronym: op.acronym, place: place.text, countries: op.countries})
          return
        }
        const year = yearAfter(sentence, item) ?? yearBefore(sentence, item, at === 0 || items[at - 1].to <= item.from - 3)
        if (!year) return
        const problem = wrongYear(op, year, options.tolerance)
        if (problem) {
          const from = Math.min(item.from, year.at)
          const to = Math.max(item.to, (year.end ?? year.at) + 1)
          report(sentence, from, to, messages.year(op, year, problem), {check: 'year', acronym: op.acronym, year: year.value, start: op.start, end: op.end})
        }
      })
    }
  }
)


/** "UNAMIR (was deployed) in Rwanda": the place a mission is put in by the words right after it. */
function placeAfter(sentence: Sentence, item: OperationItem, next: Item | undefined): Extract<Item, {kind: 'place'}> | undefined {
  if (next?.kind !== 'place') return undefined
  const words = factWords()
  let index = item.to
  let skipped = 0
  while (index < next.from && words.between.has(sentence.words[index].norm) && skipped < 3) {
    index++
    skipped++
  }
  if (index >= next.from || !words.toPlace.has(sentence.words[index].norm)) return undefined
  index++
  if (index < next.from && sentence.words[index].norm === 'the') index++
  if (index !== next.from) return undefined
  // Punctuation between the words breaks the tie ("UNAMIR, in Rwanda's case, …" is fine; "UNAMIR. In Bosnia" is not one sentence anyway).
  if (/[,;:()–—]/.test(gap(sentence, item.to - 1, next.from))) return undefined
  return next
}

export interface TiedYear {
  value: number
  /** Word index of the year, and of a second year of a span ("1993–1997"). */
  at: number
  end?: number
  second?: number
  verb?: 'founded' | 'ended'
}

/** A year tied to the mission by the words right after it: "(1993–1997)", "was set up in 2003", "in 2003". */
function yearAfter(sentence: Sentence, item: OperationItem): TiedYear | undefined {
  const words = factWords()
  const list = sentence.words
  let index = item.to
  if (index >= list.length) return undefined
  // "UNOMIL (1993–1997)"
  if (yearWord.test(list[index].text) && gap(sentence, item.to - 1, index).trim() === '(') {
    const value = Number(list[index].text)
    const second = list[index + 1] && yearWord.test(list[index + 1].text) && /^\s*(?:[-–—]|to)\s*$/.test(gap(sentence, index, index + 1)) ? index + 1 : undefined
    return {value, at: index, end: second, second: second === undefined ? undefined : Number(list[second].text)}
  }
  if (/[,;:()–—]/.test(gap(sentence, item.to - 1, index))) return undefined
  const verbs = words.founded.match(list.slice(index, index + 9))
  let verb: TiedYear['verb']
  let steps = 0
  while (index < list.length && steps < 8) {
    const norm = list[index].norm
    if (words.plans.has(norm)) return undefined
    if (words.toYear.has(norm) && index + 1 < list.length && yearWord.test(list[index + 1].text)) break
    const hit = verbs.find((v) => v.from === index - item.to)
    if (hit) {
      verb = hit.payloads[0]
      index += hit.to - hit.from
    } else if (words.between.has(norm)) index++
    else break
    steps++
    if (index < list.length && /[,;:()–—]/.test(gap(sentence, index - 1, index))) return undefined
  }
  if (index + 1 >= list.length || !words.toYear.has(list[index].norm) || !yearWord.test(list[index + 1].text)) return undefined
  // "in 2003" must end the tie: "in 2003 elections" is fine to read, "in 1994 dollars" is not a date of the mission either way.
  return {value: Number(list[index + 1].text), at: index + 1, verb}
}

/** "In 2003, UNOMIL was set up": a year opening the sentence, just before the mission. */
function yearBefore(sentence: Sentence, item: OperationItem, alone: boolean): TiedYear | undefined {
  const list = sentence.words
  if (!alone || list.length < 3 || list[0].norm !== 'in' || !yearWord.test(list[1].text)) return undefined
  const start = list[2]?.norm === 'the' ? 3 : 2
  if (item.from !== start) return undefined
  // A verb after the mission says what happened that year.
  const words = factWords()
  const verbs = words.founded.match(list.slice(item.to, item.to + 4))
  if (list.slice(item.to, item.to + 4).some((w) => words.plans.has(w.norm))) return undefined
  return {value: Number(list[1].text), at: 1, verb: verbs[0]?.payloads[0]}
}

export type YearProblem = 'before' | 'after' | 'founded' | 'ended' | 'span'

function wrongYear(op: Operation, year: TiedYear, tolerance: number): YearProblem | undefined {
  const {start, end} = op
  if (start === null) return undefined
  if (year.second !== undefined) {
    const ends = end === null ? true : Math.abs(year.second - end) <= tolerance
    return Math.abs(year.value - start) <= tolerance && ends ? undefined : 'span'
  }
  if (year.verb === 'founded') return Math.abs(year.value - start) > tolerance ? 'founded' : undefined
  if (year.verb === 'ended') {
    if (year.value < start) return 'before'
    // A mission the data lists as running may have closed since: only a year that contradicts a known end is wrong.
    return end !== null && Math.abs(year.value - end) > tolerance ? 'ended' : undefined
  }
  if (year.value < start - tolerance) return 'before'
  if (end !== null && year.value > end + tolerance) return 'after'
  return undefined
}
