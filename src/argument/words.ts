/**
 * The word lists of `lexicons/argument-words.yaml`, as sets: every list of
 * words the argument analysis looks a word up in is data, not code.
 */

import {readLexicon} from '../model/lexicon.js'

export type WordList =
  | 'conclusion-titles'
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
  | 'stop-words'
  | 'not-data'
  | 'time-spans'
  | 'schools'
  | 'determiners'
  | 'imperatives'
  | 'proposal-verbs'
  | 'proposal-objects'
  | 'sequencers'
  | 'carry-on'
  | 'carry-on-reporting'
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
  | 'naming-links'

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
