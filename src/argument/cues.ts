/**
 * Stage 2, cues: the phrases of `lexicons/argument.yaml` found in a sentence
 * (stance, hedges, reporting verbs, signposts, definitions…), and vague
 * appeals found by the slot patterns of `lexicons/vague.yaml`.
 */

import {PhraseMatcher, normalizeWord} from '../model/matcher.js'
import {readLexicon} from '../model/lexicon.js'
import type {Sentence, Word} from '../model/types.js'
import {isIn} from './words.js'

export type Cue =
  | 'absolute'
  | 'hedge'
  | 'stance'
  | 'modal'
  | 'causal'
  | 'comparison'
  | 'reporting'
  | 'attribution'
  | 'vague'
  | 'signpost'
  | 'concession'
  | 'example'
  | 'conclusion'
  | 'past'
  | 'definition'
  | 'description'
  | 'thesis'
  | 'exposition'
  | 'views-compared'
  | 'existential'
  | 'aim'
  | 'announcement'
  | 'fragment'
  | 'reasons'
  | 'personal'
  | 'evaluation'
  | 'event'
  | 'idiom'

export interface CueHit {
  kind: Cue
  /** The matched words, normalised, joined by spaces. */
  text: string
  /** Index of the first matched word in the sentence. */
  at: number
  from: number
  to: number
}

let cueMatcher: PhraseMatcher<Cue> | undefined
function phraseCues(): PhraseMatcher<Cue> {
  if (!cueMatcher) {
    const data = readLexicon('argument.yaml') as Record<Cue, string[]>
    cueMatcher = new PhraseMatcher<Cue>()
    for (const [kind, terms] of Object.entries(data) as Array<[Cue, string[]]>) {
      for (const term of terms) cueMatcher.add(term, kind)
    }
  }
  return cueMatcher
}

// A long-lived process (the language server) analyses the same sentences
// again after every edit: it may keep their cues in a bounded LRU, by the
// sentence's words (all that finding them reads). The hits are only read,
// never changed, so sharing them is safe. The CLI leaves this off.
let cueMemo: {capacity: number; hits: Map<string, CueHit[]>} | undefined

/** Keep the cues of up to `capacity` sentences (0: keep none); asked again with the same capacity, it keeps what it has. */
export function memoiseCues(capacity = 2000): void {
  if (cueMemo?.capacity === capacity) return
  cueMemo = capacity > 0 ? {capacity, hits: new Map()} : undefined
}

/** Every cue in a sentence, in order. */
export function cueHits(sentence: Sentence): CueHit[] {
  if (!cueMemo) return findCues(sentence)
  const key = sentence.words.map((w) => w.text).join('\u0000')
  let hits = cueMemo.hits.get(key)
  if (hits) cueMemo.hits.delete(key)
  else hits = findCues(sentence)
  cueMemo.hits.set(key, hits)
  if (cueMemo.hits.size > cueMemo.capacity) cueMemo.hits.delete(cueMemo.hits.keys().next().value!)
  return hits
}

function findCues(sentence: Sentence): CueHit[] {
  const hits: CueHit[] = []
  for (const match of phraseCues().match(sentence.words)) {
    const text = sentence.words.slice(match.from, match.to).map((w) => w.norm).join(' ')
    for (const payload of new Set(match.payloads)) {
      const kind = payload === 'absolute' ? absoluteOrNot(sentence.words, match.from, match.to) : payload
      if (kind) hits.push({kind, text, at: match.from, from: match.from, to: match.to})
    }
  }
  for (const match of vagueAppeals(sentence.words)) {
    // One appeal, one hit: a pattern's match that overlaps a listed phrase ("it is well known that" over "it is well known") is that phrase.
    if (hits.some((h) => h.kind === 'vague' && h.from < match.to && match.from < h.to)) continue
    hits.push({kind: 'vague', text: sentence.words.slice(match.from, match.to).map((w) => w.norm).join(' '), at: match.from, from: match.from, to: match.to})
  }
  return hits
}

/**
 * Whether an absolute word sweeps. Softened ("almost every", "not all",
 * "isn't the only") it hedges; "all" before a set already named ("all these
 * problems", "all my friends") speaks of that set and is no cue at all.
 */
function absoluteOrNot(words: Word[], from: number, to: number): Cue | undefined {
  if (from > 0 && isIn('absolute-softeners', words[from - 1].norm)) return 'hedge'
  if (words[from].norm === 'all' && to === from + 1) {
    const next = words[from + 1]?.norm
    const pair = next === undefined ? '' : `${next} ${words[from + 2]?.norm ?? ''}`
    if (next !== undefined && (isIn('named-sets', next) || isIn('named-sets', pair))) return undefined
  }
  return 'absolute'
}

// ---------------------------------------------------------------------------
// Slot patterns: "{quantifier} {people}? {aux}? {report}" matches "many have
// argued", "some scholars say", "plenty of others claim". A pattern is a
// list of steps; a step is a set of alternatives, each a list of word tests.

type WordTest = {word: string; open: boolean}
/** `ahead`: the step must match within the next `lookahead` words, and is not part of the appeal ("~{report}"). */
type Step = {alternatives: WordTest[][]; optional: boolean; ahead?: boolean}

/** How far on a "~" step may match: "Many experts, including some at the UN, warned…". */
const lookahead = 8

let patterns: Step[][] | undefined
/** Patterns by the words that can start them, so a word tries only the patterns it can start. */
let byFirst: {exact: Map<string, Step[][]>; prefixes: Array<{prefix: string; patterns: Step[][]}>} | undefined

function parseWords(value: string): WordTest[] {
  return value
    .trim()
    .split(/\s+/)
    .map((piece) => {
      const open = piece.endsWith('*')
      return {word: normalizeWord(open ? piece.slice(0, -1) : piece), open}
    })
}

function compile(): NonNullable<typeof byFirst> {
  if (!byFirst) {
    const data = readLexicon('vague.yaml') as {slots: Record<string, string[]>; patterns: string[]}
    const slots = new Map(Object.entries(data.slots).map(([name, values]) => [name, values.map(String).map(parseWords)]))
    patterns = data.patterns.map((pattern) =>
      pattern
        .trim()
        .split(/\s+/)
        .map((token) => {
          const ahead = token.startsWith('~')
          if (ahead) token = token.slice(1)
          const optional = token.endsWith('?')
          const bare = optional ? token.slice(0, -1) : token
          const slot = /^\{([\w-]+)\}$/.exec(bare)
          if (slot) {
            const values = slots.get(slot[1])
            if (!values) throw new Error(`vague.yaml: pattern "${pattern}" names an unknown slot {${slot[1]}}`)
            return {alternatives: values, optional, ahead}
          }
          return {alternatives: [parseWords(bare)], optional, ahead}
        })
    )
    const exact = new Map<string, Step[][]>()
    const prefixes: Array<{prefix: string; patterns: Step[][]}> = []
    const addFirst = (steps: Step[], at: number): void => {
      const step = steps[at]
      if (!step) return
      for (const alternative of step.alternatives) {
        const {word, open} = alternative[0]
        if (open) {
          let entry = prefixes.find((p) => p.prefix === word)
          if (!entry) prefixes.push((entry = {prefix: word, patterns: []}))
          if (!entry.patterns.includes(steps)) entry.patterns.push(steps)
        } else {
          const list = exact.get(word) ?? []
          if (!list.includes(steps)) list.push(steps)
          exact.set(word, list)
        }
      }
      if (step.optional) addFirst(steps, at + 1)
    }
    for (const steps of patterns) addFirst(steps, 0)
    byFirst = {exact, prefixes}
  }
  return byFirst
}

function test(word: Word | undefined, check: WordTest): boolean {
  if (!word) return false
  return check.open ? word.norm.startsWith(check.word) : word.norm === check.word
}

/** The word index after `steps[at…]` matched from `index`, longest first; -1 when they do not match. */
function matchSteps(words: Word[], steps: Step[], at: number, index: number): number {
  if (at === steps.length) return index
  const step = steps[at]
  if (step.ahead) {
    // Only looked for: the appeal ends where this step's search starts.
    for (let from = index; from < Math.min(words.length, index + lookahead); from++) if (matchSteps(words, steps.slice(at).map((s) => ({...s, ahead: false})), 0, from) !== -1) return index
    return -1
  }
  let best = -1
  for (const alternative of step.alternatives) {
    if (!alternative.every((check, offset) => test(words[index + offset], check))) continue
    best = Math.max(best, matchSteps(words, steps, at + 1, index + alternative.length))
  }
  if (step.optional) best = Math.max(best, matchSteps(words, steps, at + 1, index))
  return best
}


/** Vague appeals in a run of words: longest, non-overlapping. */
export function vagueAppeals(words: Word[]): Array<{from: number; to: number}> {
  const {exact, prefixes} = compile()
  const found: Array<{from: number; to: number}> = []
  for (let index = 0; index < words.length; index++) {
    const norm = words[index].norm
    const candidates = exact.get(norm)
    let open = false
    for (const entry of prefixes) if (norm.startsWith(entry.prefix)) open = true
    if (!candidates && !open) continue
    // After a determiner, "scholars" or "studies" are the ones just named.
    if (index > 0 && isIn('determiners', words[index - 1].norm)) continue
    let end = -1
    if (candidates) for (const steps of candidates) end = Math.max(end, matchSteps(words, steps, 0, index))
    if (open) for (const entry of prefixes) if (norm.startsWith(entry.prefix)) for (const steps of entry.patterns) end = Math.max(end, matchSteps(words, steps, 0, index))
    if (end > index) {
      found.push({from: index, to: end})
      index = end - 1
    }
  }
  return found
}
