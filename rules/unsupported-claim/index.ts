/**
 * unsupported-claim: a claim in the writer's own voice that nothing around
 * it supports (no citation, named case, figures, attributed quotation or
 * concrete example). The claims the argument rests on are warnings; the
 * rest, and claims argued only with the writer's own reasons, are info. An
 * essay of 600+ words that cites (almost) nothing gets one essay-level
 * finding first. See README.md.
 */

import type {VFile} from 'vfile'
import {argumentOf, type ArgumentModel} from '../../src/model/argument.js'
import type {EssayModel} from '../../src/model/types.js'
import {defineRule} from '../../src/rule.js'
import {messages} from './messages.js'

export interface Options {
  /** Where evidence may sit: `paragraph` (default: the sentence, its neighbours, the whole paragraph for its topic sentence) or the claim's own `sentence`. */
  window: 'sentence' | 'paragraph'
  /** Leave out hedged claims ("may", "arguably"); by default they are reported at info. */
  ignoreHedged: boolean
  /** Check the thesis too: report it when the body gives no evidence for it. */
  thesis: boolean
  /** Report secondary claims and claims backed only by the writer's reasons, at info (default true). */
  secondary: boolean
  /** Ask, at info, where a figure with no citation beside it comes from (default true). */
  figures: boolean
}

export {firstWords} from './messages.js'

/**
 * Figures with no citation in their sentence or the ones beside it ("57% of
 * officers…"): data an instructor asks "source?" of. At most one per
 * paragraph, at info.
 */
function unsourcedFigures(model: EssayModel, file: VFile, argument: ArgumentModel): void {
  for (const paragraph of model.paragraphs) {
    const cited = (at: number) => {
      const index = paragraph.sentences[at]
      return index !== undefined && argument.sentences[index].evidence.some((e) => e.kind === 'citation')
    }
    for (let at = 0; at < paragraph.sentences.length; at++) {
      const item = argument.sentences[paragraph.sentences[at]]
      const figure = item.evidence.find((e) => e.kind === 'data')
      if (!figure || item.role === 'other' || cited(at) || cited(at - 1) || cited(at + 1)) continue
      const message = file.message(messages.unsourcedFigure(figure.text), {place: model.sentences[item.sentence].range})
      Object.assign(message, {note: messages.note, data: {kind: 'figure', figure: figure.text}, advisory: true})
      break
    }
  }
}

export default defineRule<Options>(
  {
    id: 'unsupported-claim',
    description: "A claim in the writer's own voice has a citation, a named case, data or an attributed quotation beside it.",
    defaults: {window: 'paragraph', ignoreHedged: false, thesis: false, secondary: true, figures: true},
    schema: {
      type: 'object',
      properties: {
        window: {enum: ['sentence', 'paragraph']},
        ignoreHedged: {type: 'boolean'},
        thesis: {type: 'boolean'},
        secondary: {type: 'boolean'},
        figures: {type: 'boolean'}
      },
      additionalProperties: false
    }
  },
  (model, file, options) => {
    const argument = argumentOf(model, {window: options.window})
    const {sourcing} = argument
    if (sourcing.underSourced) {
      const place = model.title?.range ?? {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1, offset: 0}}
      const message = file.message(messages.underSourced(sourcing.citations, sourcing.words), {place})
      Object.assign(message, {note: messages.note, data: {kind: 'essay', citations: sourcing.citations, words: sourcing.words}})
    }
    for (const item of argument.sentences) {
      if (item.supported) continue
      if (item.role !== 'claim' && !(item.role === 'thesis' && options.thesis)) continue
      if (item.strength === 'hedged' && options.ignoreHedged) continue
      const secondary = item.role === 'claim' && item.priority !== 'warning'
      if (secondary && !options.secondary) continue
      const sentence = model.sentences[item.sentence]
      const paragraph = model.paragraphs[sentence.paragraph]
      // "Not backed by the evidence near it" only where the sentence before or after holds real evidence.
      const at = paragraph.sentences.indexOf(item.sentence)
      const besideEvidence =
        options.window === 'paragraph' &&
        [paragraph.sentences[at - 1], paragraph.sentences[at + 1]].some((i) => i !== undefined && argument.sentences[i].evidence.some((e) => !e.weak && e.kind !== 'reasoning'))
      const message = file.message(messages.claim(item, sentence.text, {window: options.window, besideEvidence}), {place: sentence.range})
      Object.assign(message, {
        note: messages.note,
        data: {kind: 'claim', role: item.role, strength: item.strength, priority: item.role === 'thesis' ? 'warning' : item.priority, reasoned: item.reasoned === true},
        advisory: secondary,
        demote: item.strength === 'hedged',
        fix: citationPlaceholder(sentence)
      })
    }
    if (options.figures) unsourcedFigures(model, file, argument)
  }
)

/**
 * The editor's quick fix for an unsupported claim (src/server/actions.ts): a
 * citation placeholder, "(Author Year)", inserted before the sentence's final
 * punctuation, for the student to fill in.
 */
function citationPlaceholder(sentence: {text: string; range: {end: {line: number; column: number}}}): {title: string; text: string; line: number; column: number} {
  const trailing = /[.!?…]*["'”’)\]]*\s*$/.exec(sentence.text)?.[0].length ?? 0
  return {title: 'Add a citation placeholder “(Author Year)”', text: ' (Author Year)', line: sentence.range.end.line, column: sentence.range.end.column - trailing}
}
