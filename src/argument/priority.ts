/**
 * Stage 7, priority: what the student reads first. An unsupported claim the
 * argument rests on is a warning: a judgement (stance, modal, cause,
 * comparison) that opens or closes a body paragraph or sweeps, or a claim
 * resting on a vague appeal. A bare assertion with no judging word is info:
 * on real essays it is as often a plain statement an instructor would let
 * pass as a claim that needs a source. Secondary claims, claims in the
 * conclusion or that say they conclude, hedged ones and those the writer
 * argues with reasons of their own are info. However many claims an essay leaves bare, a student meets at most
 * `maxWarningsPer1000` warnings per 1,000 words: the most important ones.
 * An essay of 600 words or more that cites (almost) nothing gets one
 * essay-level finding instead of a warning on every sentence.
 */

import type {EssayModel} from '../model/types.js'
import type {CueHit} from './cues.js'
import {isBody, type Structure} from './structure.js'
import type {SentenceArgument, Sourcing} from './types.js'

export const maxWarningsPer1000 = 8
/** Words a claim may have and still be a short line ("This is a real risk.", "It creates a ratchet."). */
export const maxShortWords = 10

/**
 * An unsupported claim that is a short line at information level: a beat of
 * an argument ("Both outcomes are bad.") that an instructor leaves bare
 * unless it states a fact a reader could doubt. unsupported-claim tells such
 * lines together, and grade does not count them among the essay's claims.
 */
export function isShortLine(model: EssayModel, item: SentenceArgument): boolean {
  return item.role === 'claim' && !item.supported && item.priority !== 'warning' && model.sentences[item.sentence].words.length <= maxShortWords
}
/** Paragraphs an essay needs besides its introduction and conclusion before its introduction's claims are left to the body. */
export const minBodyParagraphs = 2
/** A short draft still shows its few main problems. */
export const minWarnings = 4
/** Words of body text an essay needs before it is expected to cite at all. */
export const minWordsForSources = 600
/** One citation per this many words is the least a sourced essay has. */
export const wordsPerCitation = 600

export function sourcingOf(model: EssayModel): Sourcing {
  let words = 0
  const bodySentences = new Set<number>()
  for (const paragraph of model.paragraphs) {
    if (!isBody(paragraph)) continue
    for (const index of paragraph.sentences) {
      words += model.sentences[index].words.length
      bodySentences.add(index)
    }
  }
  // Footnote calls and links in the body; citations in footnotes count through their calls.
  const citations = model.citations.filter((c) => bodySentences.has(c.sentence)).length
  return {citations, words, underSourced: words >= minWordsForSources && citations < Math.floor(words / wordsPerCitation)}
}

function rank(model: EssayModel, item: SentenceArgument): number {
  const sentence = model.sentences[item.sentence]
  const paragraph = model.paragraphs[sentence.paragraph]
  const at = paragraph.sentences.indexOf(sentence.index)
  let score = 0
  if (item.strength === 'absolute') score += 1
  if (item.vague.length > 0) score += 3
  if (item.signals.some((signal) => signal.startsWith('cues:'))) score += 2
  if (at === 0) score += 1
  if (at === paragraph.sentences.length - 1 && paragraph.sentences.length > 1) score += 1
  return score
}

export function assignPriority(model: EssayModel, sentences: SentenceArgument[], structure: Structure, sourcing: Sourcing, hitsOf: (sentence: number) => CueHit[]): void {
  const unsupported = sentences.filter((s) => s.role === 'claim' && !s.supported)
  const candidates: Array<{item: SentenceArgument; score: number}> = []
  // A conclusion sums up what the body argued: an instructor asks for evidence
  // there only as an aside. So does a sentence that says it concludes ("In
  // conclusion, …"), wherever the writer put it.
  const conclusion = new Set(structure.close)
  const concludes = (item: SentenceArgument) => conclusion.has(model.sentences[item.sentence].paragraph) || hitsOf(item.sentence).some((h) => h.kind === 'conclusion' && h.at <= 1)
  // An introduction sets out what the body will back: an instructor asks for
  // evidence in the body, so an unsupported claim there is info too — when
  // there is a body (two paragraphs or more besides the introduction and the
  // conclusion). A short answer's opening paragraph is its argument.
  const introduction = new Set(structure.introduction)
  const bodyParagraphs = model.paragraphs.filter((p) => isBody(p) && p.kind === 'paragraph' && !introduction.has(p.index) && !conclusion.has(p.index)).length
  const introduces = (item: SentenceArgument) => bodyParagraphs >= minBodyParagraphs && introduction.has(model.sentences[item.sentence].paragraph) && !conclusion.has(model.sentences[item.sentence].paragraph)
  for (const item of unsupported) {
    const score = rank(model, item)
    const primary = score >= 2 && !item.reasoned && !concludes(item) && !introduces(item)
    item.priority = primary ? 'warning' : 'info'
    if (primary) candidates.push({item, score})
  }
  const cap = Math.max(minWarnings, Math.floor((sourcing.words / 1000) * maxWarningsPer1000))
  if (candidates.length <= cap) return
  // Keep the strongest; ties go to the earlier sentence.
  candidates.sort((a, b) => b.score - a.score || a.item.sentence - b.item.sentence)
  for (const {item} of candidates.slice(cap)) item.priority = 'info'
}
