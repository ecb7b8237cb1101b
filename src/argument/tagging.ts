/**
 * compromise, where the analysis needs it: whether a short sentence has a
 * verb, and the class of a word in compromise's lexicon. Loading compromise
 * costs a few hundred milliseconds, so it is loaded only when a sentence
 * needs tagging; word classes are a lookup in a data file extracted from it
 * (`scripts/compromise-words.mjs`), which costs nothing.
 */

import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import type {Sentence} from '../model/types.js'
import {isIn} from './words.js'

type Term = {text: string; pre: string; post: string; tags: string[]}
type Document = {has(match: string): boolean; compute(steps: string[]): void; json(): Array<{terms: Term[]}>}
type Compromise = ((text: string) => Document) & {tokenize(text: string): Document}
type Nlp = (text: string) => Document
let nlp: Compromise | undefined

function tagger(): Nlp {
  // A worker process started from its startup snapshot has it loaded
  // already (scripts/worker-snapshot.cjs).
  nlp ??= ((globalThis as Record<symbol, unknown>)[Symbol.for('essaylint.compromise')] ?? createRequire(import.meta.url)('compromise/two')) as Compromise
  return taggable
}

// compromise's own steps up to its pre-tagger: the lexicon, then the
// suffix and neighbour rules that tell "patrol" the verb from "patrol" the
// noun. Its post-tagger (about 0.8 of the 1 ms a sentence costs) corrects
// phrases such as dates and titles, and more often wrongly than rightly
// changed whether a short sentence has a verb.
const tagSteps = ['contractions', 'alias', 'machine', 'index', 'lexicon', 'preTagger']
function tag(input: string): Document {
  const document = nlp!.tokenize(input)
  document.compute(tagSteps)
  return document
}

// compromise's sentence splitter is quadratic in runs of punctuation and in
// long texts: tag at most the first 400 characters, with runs of one mark
// cut to three ("!!!!!!…" → "!!!"), so a pathological sentence costs
// milliseconds, never minutes.
const taggable: Nlp = (text) => tag(text.slice(0, 400).replace(/([^\p{L}\p{N}\s])\1{3,}/gu, '$1$1$1'))

// A long-lived process (the language server) sees the same sentences again
// after every edit, so it may keep the tagger's answers in a bounded LRU, by
// sentence text: the answer is all the analysis reads, and a yes or no is
// far smaller to keep than the tagged document.
// The CLI sees each sentence once and leaves this off.
let tagMemo: {capacity: number; answers: Map<string, boolean>; hits: number; misses: number} | undefined

/** Keep up to `capacity` tagged sentences, and load compromise now rather than on the first keystroke. */
export function memoiseTagging(capacity = 1000): void {
  tagMemo = {capacity, answers: new Map(), hits: 0, misses: 0}
  tagger()
}

export function taggingMemoStats(): {installed: boolean; size: number; capacity: number; hits: number; misses: number} {
  return {installed: Boolean(tagMemo), size: tagMemo?.answers.size ?? 0, capacity: tagMemo?.capacity ?? 0, hits: tagMemo?.hits ?? 0, misses: tagMemo?.misses ?? 0}
}

/**
 * Whether a short sentence has a verb. Most do, and say so with a word that
 * is a verb wherever it stands ("is", "can", "stayed"): a lookup decides.
 * Only when no such word is there does compromise tag the sentence, to find
 * verbs that need their context ("Troops patrol the border").
 */
export function hasVerb(sentence: Sentence): boolean {
  return sentence.words.some((w) => wordClass(w.norm) === 'verb') || taggedVerb(sentence.text)
}

function taggedVerb(text: string): boolean {
  if (!tagMemo) return finiteVerbIn(tagger()(text))
  const found = tagMemo.answers.get(text)
  if (found !== undefined) {
    tagMemo.hits++
    tagMemo.answers.delete(text)
    tagMemo.answers.set(text, found)
    return found
  }
  tagMemo.misses++
  const answer = finiteVerbIn(tagger()(text))
  tagMemo.answers.set(text, answer)
  if (tagMemo.answers.size > tagMemo.capacity) tagMemo.answers.delete(tagMemo.answers.keys().next().value!)
  return answer
}

/**
 * Whether a tagged sentence has a verb that makes it a clause, not a
 * fragment: not a participle used as an adjective ("Just structured
 * daylight.", "Clear rules, fixed deadlines."), nor the participle of an
 * elliptical "No X required." — compromise tags both as verbs.
 */
function finiteVerbIn(document: Document): boolean {
  const terms = document.json().flatMap((sentence) => sentence.terms)
  const first = terms[0]?.text.toLowerCase() ?? ''
  return terms.some((term, i) => {
    if (!term.tags.includes('Verb')) return false
    if (!term.tags.includes('PastTense') && !term.tags.includes('Participle')) return true
    const before = terms[i - 1]
    const after = terms[i + 1]
    const opensPhrase = !before || /[,;:]/.test(before.post) || before.tags.some((tag) => attributiveAfter.has(tag))
    if (opensPhrase && after && (after.tags.includes('Noun') || after.tags.includes('Adjective'))) return false
    if (!after && isIn('elliptical-openers', first) && isIn('elliptical-participles', term.text.toLowerCase())) return false
    return true
  })
}
/** Tags of the word before a participle that make it describe the noun after it ("a written reason", "just structured daylight"). */
const attributiveAfter = new Set(['Determiner', 'Adverb', 'Adjective', 'Preposition', 'Conjunction', 'Expression'])

export type WordClass = 'name' | 'verb' | 'other'
let wordClasses: Map<string, WordClass> | undefined

/**
 * The class of a word in compromise's lexicon (`name`, `verb` or `other`), or
 * undefined for a word it does not know. A test checks that the data file
 * matches the installed compromise.
 */
export function wordClass(word: string): WordClass | undefined {
  if (!wordClasses) {
    const data = JSON.parse(readFileSync(new URL('../lexicons/compromise-words.json', import.meta.url), 'utf8')) as Record<WordClass, string[]>
    wordClasses = new Map()
    for (const kind of ['name', 'verb', 'other'] as const) for (const w of data[kind]) wordClasses.set(w, kind)
  }
  return wordClasses.get(word)
}

/** A capitalised first word that compromise's lexicon takes for a person, place or organisation (or does not know, and is not a plural: most likely a surname). */
export function isName(word: string): boolean {
  const kind = wordClass(word.toLowerCase())
  if (kind === undefined) return !/s$/.test(word)
  return kind === 'name'
}
