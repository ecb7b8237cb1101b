/**
 * thesis: the essay states an arguable position in its introduction, and the
 * conclusion comes back to it. Reuses the judgment module's thesis detection
 * (src/argument/thesis.ts): this rule never picks a thesis of its own. See
 * README.md.
 */

import {argumentOf} from '../../src/model/argument.js'
import {isBody} from '../../src/argument/structure.js'
import {words} from '../../src/argument/words.js'
import {readLexicon} from '../../src/model/lexicon.js'
import {PhraseMatcher} from '../../src/model/matcher.js'
import type {Sentence} from '../../src/model/types.js'
import {defineRule} from '../../src/rule.js'
import {messages} from './messages.js'

export interface Options {
  /** Essays shorter than this (words of body text) are not checked: a paragraph answer has no introduction to look in. */
  minWords: number
}

type Kind = 'announcement' | 'neutral'
let matcher: PhraseMatcher<Kind> | undefined

function thesisWords(): PhraseMatcher<Kind> {
  if (matcher) return matcher
  const data = readLexicon('thesis.yaml') as Record<'announcements' | 'neutral', string[]>
  matcher = new PhraseMatcher<Kind>()
  for (const term of data.announcements) matcher.add(term, 'announcement')
  for (const term of data.neutral) matcher.add(term, 'neutral')
  return matcher
}

const kindsIn = (sentence: Sentence) => new Set(thesisWords().match(sentence.words).flatMap((m) => m.payloads))

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
    const argument = argumentOf(model)
    const report = (sentence: Sentence, text: string, data: Record<string, unknown>, advisory = false) => {
      const message = file.message(text, {place: sentence.range})
      Object.assign(message, {note: messages.note, data, ...(advisory ? {advisory: true} : {})})
    }
    const introduction = argument.introduction.flatMap((p) => model.paragraphs[p].sentences).map((i) => model.sentences[i])
    // The thesis the judgment module chose; failing that, the claims of the
    // introduction: a position stated before a roadmap sentence is still a
    // position ("MINUSMA failed because… This essay first describes…").
    const claims = introduction.filter((s) => argument.sentences[s.index].role === 'claim' || argument.sentences[s.index].role === 'thesis')
    const chosen = argument.thesis.length > 0 ? argument.thesis.map((i) => model.sentences[i]) : claims
    if (chosen.length === 0) {
      const announcement = introduction.find((s) => kindsIn(s).has('announcement'))
      if (announcement) report(announcement, messages.announcement(announcement.text), {check: 'no-position'}, true)
      else if (introduction[0]) report(introduction[0], messages.missing(), {check: 'missing'})
      return
    }
    const thesis = chosen[chosen.length - 1]
    if (argument.thesis.length > 0) {
      const kinds = kindsIn(thesis)
      const stated = argument.sentences[thesis.index].signals.includes('states a thesis')
      if (kinds.has('announcement') || (kinds.has('neutral') && !stated)) {
        report(thesis, messages.neutral(thesis.text), {check: 'no-position'}, true)
        return
      }
    }
    const conclusion = argument.conclusion.flatMap((p) => model.paragraphs[p].sentences).map((i) => model.sentences[i])
    if (conclusion.length === 0 || argument.conclusion.some((p) => argument.introduction.includes(p))) return
    // Coming back to the thesis or to the sentences around it in the
    // introduction counts: a conclusion restates a position in new words,
    // and the introduction's other sentences carry the words it reuses.
    if (!returnsTo([thesis, ...introduction], conclusion)) {
      report(conclusion[0], messages.conclusion(thesis.text), {check: 'conclusion', thesis: thesis.range.start.line})
    }
  }
)

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
