/**
 * counterargument: an argumentative essay considers an opposing view and
 * answers it. Reports the judgment of src/argument/counterargument.ts (which
 * `grade`'s counter-argument criterion scores too); off for an essay that
 * takes no position (no thesis, or one that announces a topic or weighs both
 * sides: src/argument/position.ts, the thesis rule's judgment) and for short
 * ones. See README.md.
 */

import {counterargumentOf} from '../../src/argument/counterargument.js'
import {isBody} from '../../src/argument/structure.js'
import {defineRule} from '../../src/rule.js'

export interface Options {
  /** Essays shorter than this (words) are not checked: a short answer has room for one argument, not for the other side. */
  minWords: number
}

const first = (text: string, count = 8) => {
  const words = text.replace(/\s+/g, ' ').trim().split(' ')
  return words.length > count ? `${words.slice(0, count).join(' ')}…` : words.join(' ')
}

const note = 'An argument is only as strong as its answer to the best case against it: a marker reads an essay that never meets the other side, or raises an objection and walks away from it, as one that has not tested its own thesis.'

export default defineRule<Options>(
  {
    id: 'counterargument',
    description: 'An argumentative essay states the strongest objection to its thesis and answers it; an objection it raises is not left unanswered.',
    defaults: {minWords: 600},
    schema: {type: 'object', properties: {minWords: {type: 'integer', minimum: 0, description: 'a whole number of words'}}, additionalProperties: false},
    messages: {
      none: 'The essay never considers the case against its thesis ("{{thesis}}"): add a paragraph that states the strongest objection and answers it, e.g. "Critics argue that…; however, this overlooks…".',
      unanswered: '"{{opening}}" raises an objection that the essay never answers. Say in the next sentence why it does not defeat your thesis ("However, this overlooks…"), or grant it and narrow your claim.'
    }
  },
  (model, _file, options, {report}) => {
    if (model.wordCount < options.minWords || model.paragraphs.filter(isBody).length < 3) return
    // No position to defend (no thesis, a topic announcement, a thesis that
    // weighs both sides: the thesis rule's judgment): nothing to answer the
    // other side for. The grade's criterion reads the same judgment.
    const found = counterargumentOf(model)
    if (found.position === undefined) return
    const thesis = model.sentences[found.position]
    if (found.considered.length === 0) {
      const message = report('none', {check: 'no-counterargument', thesis: first(thesis.text)}, thesis.range)
      Object.assign(message, {note})
      return
    }
    for (const objection of found.objections) {
      if (objection.answer !== undefined) continue
      const sentence = model.sentences[objection.sentence]
      const message = report('unanswered', {check: 'unanswered', opening: first(sentence.text), cue: objection.cue}, sentence.range)
      Object.assign(message, {note})
    }
  }
)
