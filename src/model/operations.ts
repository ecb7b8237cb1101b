/**
 * Peace operations, places and years as the essay names them, read off the
 * words of the essay model (never the raw text): which operation each
 * mention is and whether it is written as the acronym or the full name,
 * which country a place name stands for (ISO 3166-1 alpha-2 codes), and
 * which words are years. Computed on demand and memoised per model, so a
 * run without the mission-facts rule never pays for it.
 */

import {createRequire} from 'node:module'
import type {EssayModel, Sentence} from './types.js'
import {operations, readLexicon, type Operation} from './lexicon.js'
import {PhraseMatcher} from './matcher.js'

export type OperationForm = 'acronym' | 'name'

export type Item =
  | {kind: 'operation'; from: number; to: number; operations: Operation[]; form: OperationForm}
  | {kind: 'place'; from: number; to: number; codes: string[]; text: string}

export interface SentenceFacts {
  sentence: number
  /** Operations and places, in word order, without overlaps. */
  items: Item[]
}

export interface FactWords {
  founded: PhraseMatcher<'founded' | 'ended'>
  between: Set<string>
  toPlace: Set<string>
  toYear: Set<string>
  plans: Set<string>
}

interface Payload {
  kind: 'operation' | 'place'
  operation?: Operation
  form?: OperationForm
  codes?: string[]
}

let matcher: PhraseMatcher<Payload> | undefined
let words: FactWords | undefined
let countryNames: Record<string, string> | undefined

/** ISO country names in English (first name of each code), and every name of each code. */
function isoNames(): {first: Record<string, string>; all: Record<string, string[]>} {
  const require = createRequire(import.meta.url)
  // The library itself, not its Node entry (`main`), which registers all 78 locales: only English is used.
  const countries = require('i18n-iso-countries/index.js') as {
    registerLocale(data: unknown): void
    getNames(lang: string, options?: {select: 'all' | 'official'}): Record<string, string | string[]>
  }
  countries.registerLocale(require('i18n-iso-countries/langs/en.json'))
  const all = countries.getNames('en', {select: 'all'}) as Record<string, string[]>
  const first: Record<string, string> = {}
  for (const [code, names] of Object.entries(all)) first[code] = names[names.length > 1 && names[0].includes(',') ? 1 : 0]
  return {first, all}
}

/** The English name of a country code, for messages. */
export function countryName(code: string): string {
  countryNames ??= isoNames().first
  return countryNames[code] ?? code
}

function operationMatcher(): PhraseMatcher<Payload> {
  if (matcher) return matcher
  const made = new PhraseMatcher<Payload>({possessive: true})
  // Places first: a mission's full name ("United Nations Mission in
  // Liberia") is longer than the place inside it and wins.
  const {all} = isoNames()
  const places = new Map<string, Set<string>>()
  const addPlace = (name: string, code: string) => {
    const set = places.get(name) ?? new Set<string>()
    set.add(code)
    places.set(name, set)
  }
  for (const [code, names] of Object.entries(all)) for (const name of names) if (!name.includes(',')) addPlace(name, code)
  for (const [name, codes] of Object.entries(readLexicon('places.yaml') as Record<string, string[]>)) for (const code of codes) addPlace(name, code)
  for (const [name, codes] of places) made.add(name, {kind: 'place', codes: [...codes]}, true)
  for (const op of operations()) {
    made.add(op.acronym, {kind: 'operation', operation: op, form: 'acronym'}, true)
    made.add(op.name, {kind: 'operation', operation: op, form: 'name'})
    for (const alias of op.aliases) {
      const isAcronym = /^[A-Z0-9 -]+$/.test(alias)
      made.add(alias, {kind: 'operation', operation: op, form: isAcronym ? 'acronym' : 'name'}, isAcronym)
    }
  }
  matcher = made
  return made
}

/** The words of lexicons/mission-facts.yaml, compiled once. */
export function factWords(): FactWords {
  if (words) return words
  const data = readLexicon('mission-facts.yaml') as Record<'founded' | 'ended' | 'between' | 'toPlace' | 'toYear' | 'plans', string[]>
  const verbs = new PhraseMatcher<'founded' | 'ended'>()
  for (const term of data.founded) verbs.add(term, 'founded')
  for (const term of data.ended) verbs.add(term, 'ended')
  words = {founded: verbs, between: new Set(data.between), toPlace: new Set(data.toPlace), toYear: new Set(data.toYear), plans: new Set(data.plans)}
  return words
}

function factsOf(sentence: Sentence): SentenceFacts {
  const items: Item[] = []
  for (const match of operationMatcher().match(sentence.words)) {
    const ops = [...new Set(match.payloads.filter((p) => p.kind === 'operation').map((p) => p.operation!))]
    if (ops.length > 0) {
      const form = match.payloads.find((p) => p.kind === 'operation')!.form!
      items.push({kind: 'operation', from: match.from, to: match.to, operations: ops, form})
      continue
    }
    const codes = [...new Set(match.payloads.flatMap((p) => p.codes ?? []))]
    const text = sentence.words.slice(match.from, match.to).map((w) => w.text).join(' ')
    items.push({kind: 'place', from: match.from, to: match.to, codes, text})
  }
  return {sentence: sentence.index, items}
}

/**
 * The countries and places a sentence names, by the place names of
 * operations.ts (ISO 3166's English names and places.yaml: "the Central
 * African Republic", "the DRC", "Darfur"), as written, with the words
 * each one spans (from, to).
 */
export function placeNamesIn(sentence: Sentence): Array<{from: number; to: number; text: string}> {
  return operationMatcher()
    .match(sentence.words)
    .filter((match) => match.payloads.some((p) => p.kind === 'place'))
    // "Rwanda's genocide": the place is Rwanda.
    .map(({from, to}) => ({from, to, text: sentence.words.slice(from, to).map((w) => w.text).join(' ').replace(/['’]s$/, '')}))
}

const memo = new WeakMap<EssayModel, SentenceFacts[]>()
let acronymSet: Set<string> | undefined
const operationAcronyms = () => (acronymSet ??= new Set(operations().map((op) => op.acronym)))

/** Operations and places of every sentence that names an operation (others are left out). */
export function operationFactsOf(model: EssayModel): SentenceFacts[] {
  let found = memo.get(model)
  if (!found) {
    found = []
    const acronyms = operationAcronyms()
    for (const sentence of model.sentences) {
      // Most sentences name no operation: the model builder already put the
      // acronym of each operation a sentence names among its anchors.
      if (!sentence.anchors.some((anchor) => acronyms.has(anchor))) continue
      const facts = factsOf(sentence)
      if (facts.items.some((item) => item.kind === 'operation')) found.push(facts)
    }
    memo.set(model, found)
  }
  return found
}
