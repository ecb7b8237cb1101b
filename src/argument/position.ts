/**
 * Whether the essay takes a position: the judgment the `thesis` rule reports
 * and the thesis criterion of `grade` scores, so the two never disagree. It
 * reads the thesis the argument analysis chose (stage 6, `thesis.ts`) and,
 * when that chose none, the claims of the introduction; the wordings of a
 * topic announcement and of a both-sides thesis are in `lexicons/thesis.yaml`.
 */

import {readLexicon} from '../model/lexicon.js'
import {PhraseMatcher} from '../model/matcher.js'
import type {EssayModel, Sentence} from '../model/types.js'
import {argumentOf} from './index.js'
import {cueHits} from './cues.js'
import {perModel} from './per-model.js'
import {tellsHistory} from './thesis.js'
import {words} from './words.js'

export type PositionStatus = 'position' | 'no-position' | 'missing'

export interface Position {
  status: PositionStatus
  /** The thesis (a position), the sentence that takes none, or the introduction's first sentence (missing; undefined without one). */
  sentence: Sentence | undefined
  /** For `no-position`: a topic announcement in an introduction without a thesis, or a chosen thesis that weighs both sides (or announces). */
  kind?: 'announcement' | 'neutral'
  /** The introduction's sentences: the thesis and the words around it. */
  introduction: Sentence[]
  /** For a position: the conclusion's sentences, when the essay has a conclusion apart from its introduction. */
  conclusion?: Sentence[]
  /** For a position with a conclusion: whether the conclusion comes back to it. */
  returns?: boolean
}

type Kind = 'announcement' | 'neutral'
let matcher: PhraseMatcher<Kind> | undefined
// Its own matcher: "discuss whether" overlaps "this essay will discuss", and a matcher returns the longest match only.
let openMatcher: PhraseMatcher<true> | undefined

function thesisWords(): PhraseMatcher<Kind> {
  if (matcher) return matcher
  const data = readLexicon('thesis.yaml') as Record<'announcements' | 'neutral', string[]>
  matcher = new PhraseMatcher<Kind>()
  for (const term of data.announcements) matcher.add(term, 'announcement')
  for (const term of data.neutral) matcher.add(term, 'neutral')
  return matcher
}

function openQuestions(): PhraseMatcher<true> {
  if (openMatcher) return openMatcher
  openMatcher = new PhraseMatcher<true>()
  for (const term of (readLexicon('thesis.yaml') as Record<'open-questions', string[]>)['open-questions']) openMatcher.add(term, true)
  return openMatcher
}

const kindsIn = (sentence: Sentence) => new Set(thesisWords().match(sentence.words).flatMap((m) => m.payloads))

export const positionOf = perModel(function judge(model: EssayModel): Position {
  const argument = argumentOf(model)
  const introduction = argument.introduction.flatMap((p) => model.paragraphs[p].sentences).map((i) => model.sentences[i])
  // The thesis the judgment module chose; failing that, the claims of the
  // introduction: a position stated before a roadmap sentence is still a
  // position ("MINUSMA failed because… This essay first describes…").
  // History told in the introduction ("After the collapse of the Soviet Union, …") is not a position (thesis.ts).
  const claims = introduction.filter((s) => (argument.sentences[s.index].role === 'claim' || argument.sentences[s.index].role === 'thesis') && !tellsHistory(s, cueHits(s)))
  const chosen = argument.thesis.length > 0 ? argument.thesis.map((i) => model.sentences[i]) : claims
  if (chosen.length === 0) {
    const announcement = introduction.find((s) => kindsIn(s).has('announcement'))
    if (announcement) return {status: 'no-position', kind: 'announcement', sentence: announcement, introduction}
    return {status: 'missing', sentence: introduction[0], introduction}
  }
  const thesis = chosen[chosen.length - 1]
  // No thesis chosen, and the introduction ends by weighing both sides
  // ("…finds strong arguments on both sides"): its earlier claims are
  // background, and the essay sets out to take no side. A roadmap after a
  // position is still a position; a both-sides verdict after it is not.
  // The same for an introduction that ends by announcing an open question
  // ("This essay will discuss whether…") after bare assertions, with no word
  // that argues ("Peacekeeping is one of the ways the UN keeps the peace"):
  // they set the scene. A claim that argues ("This is a failure of political
  // will") stays the position, whatever question the essay then asks.
  const after = argument.thesis.length === 0 ? introduction.filter((s) => s.index > thesis.index) : []
  const weighed = after.find((s) => kindsIn(s).has('neutral'))
  if (weighed) return {status: 'no-position', kind: 'neutral', sentence: weighed, introduction}
  const bare = claims.every((s) => argument.sentences[s.index].signals.includes('assertion'))
  const announced = bare ? after.find((s) => openQuestions().match(s.words).length > 0) : undefined
  if (announced) return {status: 'no-position', kind: 'announcement', sentence: announced, introduction}
  if (argument.thesis.length > 0) {
    const kinds = kindsIn(thesis)
    const stated = argument.sentences[thesis.index].signals.includes('states a thesis')
    if (kinds.has('announcement') || (kinds.has('neutral') && !stated)) return {status: 'no-position', kind: 'neutral', sentence: thesis, introduction}
  }
  const conclusion = argument.conclusion.flatMap((p) => model.paragraphs[p].sentences).map((i) => model.sentences[i])
  if (conclusion.length === 0 || argument.conclusion.some((p) => argument.introduction.includes(p))) return {status: 'position', sentence: thesis, introduction}
  // Coming back to the thesis or to the sentences around it in the
  // introduction counts: a conclusion restates a position in new words,
  // and the introduction's other sentences carry the words it reuses.
  return {status: 'position', sentence: thesis, introduction, conclusion, returns: returnsTo([thesis, ...introduction], conclusion)}
})

/** Word stems of a sentence's content words: "peacekeepers" and "peacekeeping" share "peacek". */
function stems(sentence: Sentence): Set<string> {
  const stop = words('stop-words')
  const found = new Set<string>()
  for (const word of sentence.words) {
    if (word.norm.length < 4 || stop.has(word.norm) || /^\d+$/.test(word.norm)) continue
    found.add(word.norm.slice(0, 6))
  }
  return found
}

/**
 * The conclusion comes back to the position when it shares at least two
 * content words with the thesis and the rest of the introduction. A
 * conclusion that restates the thesis in other words entirely is missed: the
 * rule stays silent then, never the other way round.
 */
export function returnsTo(position: Sentence[], conclusion: Sentence[]): boolean {
  const wanted = new Set(position.flatMap((s) => [...stems(s)]))
  if (wanted.size === 0) return true
  const seen = new Set<string>()
  for (const sentence of conclusion) for (const stem of stems(sentence)) if (wanted.has(stem)) seen.add(stem)
  return seen.size >= Math.min(2, wanted.size)
}
