/**
 * Stage 6, thesis: one sentence of the introduction states the essay's
 * position. The sentence that says so ("I argue", "This essay will
 * contend") wins; otherwise the last claim of an introduction paragraph of
 * three or more sentences. Never a question, a list lead-in or a heading:
 * those are not claims to begin with. A thesis is backed by the body, not
 * by a citation in its own sentence: it counts as supported when the body
 * holds evidence.
 */

import type {EssayModel} from '../model/types.js'
import type {Structure} from './structure.js'
import type {SentenceArgument} from './types.js'

export function chooseThesis(model: EssayModel, sentences: SentenceArgument[], structure: Structure): number[] {
  const intro = new Set(structure.introduction)
  const inIntro = sentences.filter((s) => s.role === 'claim' && intro.has(model.sentences[s.sentence].paragraph))
  let chosen = inIntro.find((s) => s.signals.includes('states a thesis'))
  if (!chosen) {
    for (const index of structure.introduction) {
      const paragraph = model.paragraphs[index]
      const last = paragraph.sentences[paragraph.sentences.length - 1]
      if (paragraph.sentences.length >= 3 && sentences[last].role === 'claim') chosen = sentences[last]
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
