/**
 * thesis: the essay states an arguable position in its introduction, and the
 * conclusion comes back to it. Reports the judgment of
 * src/argument/position.ts (which reads the thesis detection of
 * src/argument/thesis.ts): this rule never picks a thesis of its own, and
 * `grade`'s thesis criterion scores the same judgment. See README.md.
 */

import {positionOf} from '../../src/argument/position.js'
import {isBody} from '../../src/argument/structure.js'
import type {Sentence} from '../../src/model/types.js'
import {defineRule} from '../../src/rule.js'
import {messages} from './messages.js'

export interface Options {
  /** Essays shorter than this (words of body text) are not checked: a paragraph answer has no introduction to look in. */
  minWords: number
}

export default defineRule<Options>(
  {
    id: 'thesis',
    description: 'The introduction states an arguable position (not a topic announcement), and the conclusion comes back to it.',
    defaults: {minWords: 200},
    schema: {type: 'object', properties: {minWords: {type: 'integer', minimum: 0, description: 'a whole number of words'}}, additionalProperties: false}
  },
  (model, file, options) => {
    const body = model.paragraphs.filter(isBody)
    if (body.length < 3 || model.wordCount < options.minWords) return
    const report = (sentence: Sentence, text: string, data: Record<string, unknown>, advisory = false) => {
      const message = file.message(text, {place: sentence.range})
      Object.assign(message, {note: messages.note, data, ...(advisory ? {advisory: true} : {})})
    }
    const position = positionOf(model)
    const sentence = position.sentence
    if (!sentence) return
    if (position.status === 'missing') report(sentence, messages.missing(), {check: 'missing'})
    else if (position.status === 'no-position') {
      report(sentence, position.kind === 'announcement' ? messages.announcement(sentence.text) : messages.neutral(sentence.text), {check: 'no-position'}, true)
    } else if (position.returns === false && position.conclusion) {
      report(position.conclusion[0], messages.conclusion(sentence.text), {check: 'conclusion', thesis: sentence.range.start.line})
    }
  }
)
