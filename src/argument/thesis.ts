/**
 * Stage 6, thesis: one sentence of the introduction states the essay's
 * position. The sentence that says so ("I argue", "This essay will
 * contend") wins; otherwise the last claim of an introduction paragraph of
 * three or more sentences, unless it tells history ("After the collapse of
 * the Soviet Union, conflicts… became more common"). Never a question, a list lead-in or a heading:
 * those are not claims to begin with. A thesis is backed by the body, not
 * by a citation in its own sentence: it counts as supported when the body
 * holds evidence.
 */

import type {EssayModel, Sentence} from '../model/types.js'
import type {CueHit} from './cues.js'
import type {Structure} from './structure.js'
import type {SentenceArgument} from './types.js'
import {isIn} from './words.js'

/** "After the collapse of the Soviet Union, conflicts within states became more common": history told, not a position. */
export function tellsHistory(sentence: Sentence, hits: CueHit[]): boolean {
  return isIn('narrative-openers', sentence.words[0]?.norm ?? '') && hits.some((h) => h.kind === 'past')
}

export function chooseThesis(model: EssayModel, sentences: SentenceArgument[], structure: Structure, hitsOf: (sentence: number) => CueHit[]): number[] {
  const intro = new Set(structure.introduction)
  const inIntro = sentences.filter((s) => s.role === 'claim' && intro.has(model.sentences[s.sentence].paragraph))
  let chosen = inIntro.find((s) => s.signals.includes('states a thesis'))
  if (!chosen) {
    for (const index of structure.introduction) {
      const paragraph = model.paragraphs[index]
      const last = paragraph.sentences[paragraph.sentences.length - 1]
      // Without a cue, the last claim of the paragraph, unless it only tells what happened.
      if (paragraph.sentences.length >= 3 && sentences[last].role === 'claim' && !tellsHistory(model.sentences[last], hitsOf(last))) chosen = sentences[last]
    }
  }
  if (!chosen) return []
  chosen.role = 'thesis'
  const body = sentences.some((s) => s.role === 'evidence' && !intro.has(model.sentences[s.sentence].paragraph))
  if (!chosen.supported && body) {
    chosen.supported = true
    chosen.reasoned = undefined
    chosen.signals.push('backed by the body')
  }
  return [chosen.sentence]
}
