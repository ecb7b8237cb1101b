/**
 * The word lists of `lexicons/argument-words.yaml`, as sets: every list of
 * words the argument analysis looks a word up in is data, not code.
 */

import {readLexicon} from '../model/lexicon.js'

export type WordList =
  | 'conclusion-titles'
  | 'point-openers'
  | 'example-announcers'
  | 'example-nouns'
  | 'others'
  | 'own-voice'
  | 'subject-fillers'
  | 'opinion-verbs'
  | 'school-modals'
  | 'not-names'
  | 'case-verbs'
  | 'anaphora'
  | 'intensifiers'
  | 'recommending'
  | 'perfect-auxiliaries'
  | 'stop-words'
  | 'not-data'
  | 'age-words'
  | 'time-spans'
  | 'schools'
  | 'determiners'
  | 'imperatives'
  | 'proposal-verbs'
  | 'proposal-objects'
  | 'sequencers'
  | 'carry-on'
  | 'carry-on-reporting'
  | 'carry-on-openers'
  | 'first-person'
  | 'clause-openers'
  | 'subject-breaks'
  | 'negators'
  | 'theory-names'
  | 'urging'
  | 'conditions'
  | 'cardinals'
  | 'number-words'
  | 'narrator'
  | 'past-markers'
  | 'concessives'
  | 'rebuttal-openers'
  | 'other-side'
  | 'procedural-passives'
  | 'procedural-passive-links'
  | 'school-frame-prepositions'
  | 'school-frame-determiners'
  | 'school-frame-nouns'
  | 'narrative-openers'
  | 'hook-verbs'
  | 'hook-objects'
  | 'rule-instrument-verbs'
  | 'rule-instrument-nouns'
  | 'flourish-words'
  | 'answered-concessions'
  | 'frequency-hedges'
  | 'proposal-headings'
  | 'habitual-openers'
  | 'naming-links'
  | 'months'
  | 'counted-nouns'
  | 'instrument-nouns'
  | 'instrument-heads'
  | 'inference-subjects'
  | 'inference-verbs'
  | 'inference-markers'
  | 'pivot-words'
  | 'own-after-openers'
  | 'own-after-judgements'
  | 'essay-nouns'
  | 'essay-subjects'
  | 'plan-steps'
  | 'plan-verbs'
  | 'defining-verbs'
  | 'example-openers'
  | 'defining-own'
  | 'not-defining'
  | 'not-defined'
  | 'absolute-softeners'
  | 'named-sets'
  | 'elliptical-participles'
  | 'elliptical-openers'
  | 'rule-modals'
  | 'institution-nouns'
  | 'procedural-verbs'
  | 'noun-markers'
  | 'mission-nouns'
  | 'mission-tasks'

let lists: Map<WordList, Set<string>> | undefined

export function words(name: WordList): Set<string> {
  if (!lists) {
    const data = readLexicon('argument-words.yaml') as Record<WordList, string[]>
    lists = new Map(Object.entries(data).map(([key, list]) => [key as WordList, new Set(list.map(String))]))
  }
  const list = lists.get(name)
  if (!list) throw new Error(`argument-words.yaml has no list "${name}"`)
  return list
}

/** Whether a word (lower case) is in a list. */
export function isIn(name: WordList, word: string): boolean {
  return words(name).has(word)
}

/**
 * A list as a regular-expression alternation, `(?:a|b c)`: for the patterns
 * whose shape (punctuation before a word, a word at the sentence's start) is
 * code but whose words are data. Words are matched literally; a space
 * between the words of an entry matches any white space.
 */
export function alternation(name: WordList): string {
  const entries = [...words(name)].sort((a, b) => b.length - a.length)
  return `(?:${entries.map((entry) => entry.split(' ').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+')).join('|')})`
}

/** A regular expression built once, on first use, from word lists (so that loading a module compiles nothing). */
export function lazyPattern(build: () => RegExp): () => RegExp {
  let pattern: RegExp | undefined
  return () => (pattern ??= build())
}
