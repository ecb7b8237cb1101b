/**
 * Whether the essay meets the other side: the sentences that raise or weigh
 * an opposing view, and for each objection the sentence that answers it.
 * The `counterargument` rule reports it and `grade`'s counter-argument
 * criterion scores it. The cue phrases are data
 * (`lexicons/counterargument.yaml`), matched over the model's words.
 *
 * An objection ("Critics argue…", "Admittedly…") counts as answered when a
 * rebuttal ("however", "this overlooks", "I think") follows it in its own
 * sentence, anywhere later in its paragraph, or in the next `window` body
 * sentences; or when its sentence opens with a concessive clause ("Although
 * critics argue X, Y": the main clause answers). The window is generous on
 * purpose: an answer the rule misses costs a student a false alarm, a missed
 * unanswered objection only a finding the marker will still make. For the
 * same reason an objection in the introduction or the conclusion is weighed
 * but never needs an answer of its own: the introduction sets out the debate
 * the whole essay answers, and a conclusion that grants a limit closes the
 * argument rather than leaving it open.
 */

import {readLexicon} from '../model/lexicon.js'
import {PhraseMatcher} from '../model/matcher.js'
import type {EssayModel, Sentence} from '../model/types.js'
import {argumentOf} from './index.js'
import {perModel} from './per-model.js'
import {positionOf} from './position.js'
import {isBody} from './structure.js'

export type CounterCue = 'objection' | 'consideration' | 'rebuttal' | 'opener' | 'turn' | 'question'

export interface Objection {
  /** Sentence index (into `model.sentences`) where the opposing view is raised. */
  sentence: number
  /** The cue, as written. */
  cue: string
  /** The sentence that answers it, or undefined when nothing does. */
  answer: number | undefined
}

export interface CounterArgument {
  /**
   * The position the essay defends (sentence index): the thesis the `thesis`
   * rule reads (`position.ts`), or undefined when the essay takes none — no
   * thesis, a topic announcement, a thesis that weighs both sides. Then
   * there is nothing to defend: the rule says nothing and the grade's
   * criterion is scored as the thesis is.
   */
  position: number | undefined
  /** Sentences that raise or weigh an opposing view (objections and considerations), in order. */
  considered: number[]
  /** Every objection, answered or not; consecutive unanswered ones in one paragraph are one objection. */
  objections: Objection[]
}

/** Body sentences after the objection's paragraph in which an answer still counts. */
export const window = 3

let matcher: PhraseMatcher<CounterCue> | undefined

function cues(): PhraseMatcher<CounterCue> {
  if (matcher) return matcher
  const data = readLexicon('counterargument.yaml') as Record<'objections' | 'considerations' | 'rebuttals' | 'openers' | 'turns' | 'questions', string[]>
  matcher = new PhraseMatcher<CounterCue>()
  const kinds: Array<[keyof typeof data, CounterCue]> = [
    ['objections', 'objection'],
    ['considerations', 'consideration'],
    ['rebuttals', 'rebuttal'],
    ['openers', 'opener'],
    ['turns', 'turn'],
    ['questions', 'question']
  ]
  for (const [list, kind] of kinds) for (const term of data[list]) matcher.add(term, kind)
  return matcher
}

/** Words that may stand before a turn that opens a sentence ("And still…", "But rather…"). */
const linking = new Set(['and', 'but', 'yet', 'so'])

interface Hit {
  kind: CounterCue
  from: number
  to: number
}

/**
 * The cues of a sentence. An objection inside quotation marks is the quoted
 * author's: the writer weighs it by quoting it, and it needs no answer of the
 * writer's own. A turn ("still", "rather") is a rebuttal only where it opens
 * the sentence, and a question cue ("Would it not…") weighs the other side
 * only in a sentence that asks a question.
 */
function hitsIn(model: EssayModel, sentence: Sentence): Hit[] {
  const quoted = sentence.quotations.map((q) => model.quotations[q].range)
  const inQuotation = (from: number, to: number) => quoted.some((r) => r.start.offset <= sentence.words[from].start && sentence.words[to - 1].end <= r.end.offset)
  const asks = sentence.text.trimEnd().replace(/["'”’)\]]+$/, '').endsWith('?')
  return cues()
    .match(sentence.words)
    .flatMap((m) => [...new Set(m.payloads)].map((kind) => ({kind, from: m.from, to: m.to})))
    .flatMap((hit): Hit[] => {
      if (hit.kind === 'objection' && inQuotation(hit.from, hit.to)) return [{...hit, kind: 'consideration'}]
      if (hit.kind === 'turn') return hit.from === 0 || (hit.from === 1 && linking.has(sentence.words[0].norm)) ? [{...hit, kind: 'rebuttal'}] : []
      if (hit.kind === 'question') return asks ? [{...hit, kind: 'consideration'}] : []
      return [hit]
    })
}

/** A concessive opener at the start of a sentence (after at most one word: "And although…"). */
const opensWithConcession = (hits: Hit[]) => hits.some((h) => h.kind === 'opener' && h.from <= 1)

/** Whether a sentence after an objection answers it: a rebuttal not spent on an objection of its own, or a concessive opener. */
function answers(hits: Hit[]): boolean {
  if (opensWithConcession(hits)) return true
  const objection = hits.find((h) => h.kind === 'objection')
  return hits.some((h) => h.kind === 'rebuttal' && (!objection || h.from >= objection.to))
}

export const counterargumentOf = perModel(function judge(model: EssayModel): CounterArgument {
  // Body text only: headings are not argument, block quotes are someone
  // else's words, reference lists and notes are sources.
  const order = model.paragraphs.filter(isBody).flatMap((p) => p.sentences)
  const argument = argumentOf(model)
  const framing = new Set([...argument.introduction, ...argument.conclusion])
  const hits = new Map<number, Hit[]>()
  const hitsOf = (index: number) => {
    let found = hits.get(index)
    if (!found) hits.set(index, (found = hitsIn(model, model.sentences[index])))
    return found
  }
  const considered: number[] = []
  const objections: Objection[] = []
  order.forEach((index, at) => {
    const own = hitsOf(index)
    if (!own.some((h) => h.kind === 'objection' || h.kind === 'consideration')) return
    considered.push(index)
    const objection = own.find((h) => h.kind === 'objection')
    const sentence = model.sentences[index]
    if (!objection || framing.has(sentence.paragraph)) return
    const cue = sentence.words.slice(objection.from, objection.to).map((w) => w.text).join(' ')
    // Answered in its own sentence: a rebuttal after the cue, or a concessive
    // opener before it ("Although critics argue X, Y").
    const inSentence = own.some((h) => h.kind === 'rebuttal' && h.from >= objection.to) || (opensWithConcession(own) && own.some((h) => h.kind === 'opener' && h.from < objection.from))
    if (inSentence) {
      objections.push({sentence: index, cue, answer: index})
      return
    }
    // The rest of its paragraph, then the next few body sentences.
    const paragraph = model.paragraphs[sentence.paragraph].sentences
    const rest = paragraph.slice(paragraph.indexOf(index) + 1)
    const after = order.slice(at + 1 + rest.length, at + 1 + rest.length + window)
    const answer = [...rest, ...after].find((next) => answers(hitsOf(next)))
    const previous = objections[objections.length - 1]
    // A second unanswered objection right after the first is the same passage.
    if (answer === undefined && previous && previous.answer === undefined && model.sentences[previous.sentence].paragraph === sentence.paragraph) return
    objections.push({sentence: index, cue, answer})
  })
  // A section headed "Criticisms", "Objections" or "The case against…" is
  // where the essay meets the other side, whatever its sentences say. Not the
  // title, nor a heading before the essay's first paragraph: there "the case
  // against" names the essay's own position.
  const firstBody = order[0] ?? Infinity
  for (const paragraph of model.paragraphs) {
    if (paragraph.kind !== 'heading' || paragraph.sentences.length === 0 || paragraph.sentences[0] < firstBody) continue
    const heading = paragraph.sentences[0]
    if (hitsOf(heading).some((h) => h.kind === 'objection' || h.kind === 'consideration')) considered.push(heading)
  }
  considered.sort((a, b) => a - b)
  const stated = positionOf(model)
  return {position: stated.status === 'position' ? stated.sentence?.index : undefined, considered, objections}
})
