/**
 * unsupported-claim: a claim in the student's own voice that nothing in its
 * paragraph supports (no citation, named case with a date, figures,
 * attributed quotation or concrete example). See README.md.
 */

import {argumentOf} from '../../src/model/argument.js'
import {checkKeys, defineRule} from '../../src/rule.js'

export interface Options {
  /** Where evidence may sit: `paragraph` (default) or the claim's own `sentence`. */
  window: 'sentence' | 'paragraph'
  /** Leave out hedged claims ("may", "arguably"); by default they are reported one level lower. */
  ignoreHedged: boolean
  /** Check the thesis too (it needs a preview of its evidence in the introduction). */
  thesis: boolean
}

/** The claim's first words, for the message. */
export function firstWords(text: string, count = 6): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ')
  const head = words.slice(0, count).join(' ').replace(/[.,;:!?]+$/, '')
  return words.length > count ? `${head}…` : head
}

export default defineRule<Options>(
  {
    id: 'unsupported-claim',
    description: 'A claim in the student\'s own voice has a citation, a named case, data or an attributed quotation in its paragraph.',
    defaults: {window: 'paragraph', ignoreHedged: false, thesis: true},
    validate: (options) =>
      checkKeys(options, ['window', 'ignoreHedged', 'thesis']) ??
      (options.window !== undefined && options.window !== 'sentence' && options.window !== 'paragraph'
        ? '"window" must be "sentence" or "paragraph"'
        : options.ignoreHedged !== undefined && typeof options.ignoreHedged !== 'boolean'
          ? '"ignoreHedged" must be true or false'
          : options.thesis !== undefined && typeof options.thesis !== 'boolean'
            ? '"thesis" must be true or false'
            : undefined)
  },
  (model, file, options) => {
    const argument = argumentOf(model, {window: options.window})
    for (const item of argument.sentences) {
      if (item.supported) continue
      if (item.role !== 'claim' && !(item.role === 'thesis' && options.thesis)) continue
      if (item.strength === 'hedged' && options.ignoreHedged) continue
      const sentence = model.sentences[item.sentence]
      const quote = `"${firstWords(sentence.text)}"`
      const paragraph = model.paragraphs[sentence.paragraph]
      const besideEvidence = options.window === 'paragraph' && paragraph.sentences.some((i) => i !== item.sentence && argument.sentences[i].evidence.length > 0)
      const missing = besideEvidence
        ? 'is not backed by the evidence in this paragraph (it is about something else). Add a citation, a named case or data for this claim, in the same sentence or right after it.'
        : options.window === 'sentence'
          ? 'has no citation, named case or data in the same sentence. Add one to the sentence.'
          : 'has no citation, named case or data in this paragraph. Add one that backs it, right after the claim.'
      let reason: string
      if (item.role === 'thesis') {
        reason = `The thesis ${quote} is stated without evidence: preview the main case or source it rests on in the introduction (a mission and year, or an author and year).`
      } else if (item.vague.length > 0) {
        reason = `Unsupported claim: ${quote} rests on "${item.vague[0].text}", which names no source. Name the study or author (and year), or give a case or figures.`
      } else if (item.strength === 'absolute') {
        reason = `Sweeping claim without support: ${quote} ${missing.replace(/\.$/, '')}, or narrow the claim to what you can show.`
      } else if (item.strength === 'hedged') {
        reason = `Unsupported claim (hedged): ${quote} ${missing}`
      } else {
        reason = `Unsupported claim: ${quote} ${missing}`
      }
      const message = file.message(reason, {place: sentence.range})
      Object.assign(message, {
        note: 'A claim persuades only when the reader can check what it rests on: a source (author and year), a named mission with a date, figures, or a quotation with its speaker.',
        data: {role: item.role, strength: item.strength},
        demote: item.strength === 'hedged'
      })
    }
  }
)
