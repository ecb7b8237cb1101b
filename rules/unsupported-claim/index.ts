/**
 * unsupported-claim: a claim in the writer's own voice that nothing around
 * it supports (no citation, named case, figures, attributed quotation or
 * concrete example). The claims the argument rests on are warnings; the
 * rest, and claims argued only with the writer's own reasons, are info. An
 * essay of 600+ words that cites (almost) nothing gets one essay-level
 * finding first. See README.md.
 */

import type {VFile} from 'vfile'
import {argumentOf, isShortLine, type ArgumentModel, type SentenceArgument} from '../../src/model/argument.js'
import {courseTopic} from '../../src/model/topic.js'
import type {EssayModel} from '../../src/model/types.js'
import {defineRule} from '../../src/rule.js'
import {firstWords, messages} from './messages.js'

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
  /** `paragraph` (default): one finding per paragraph, at its main unsupported claim, naming the others; `sentence`: one finding per claim. */
  group: 'paragraph' | 'sentence'
}

export {firstWords} from './messages.js'

/**
 * Figures with no citation in their sentence or the ones beside it ("57% of
 * officers…"), and no source they are reported from ("According to the
 * Secret Service, …"): data an instructor asks "source?" of. At most one per
 * paragraph, at info.
 */
function unsourcedFigures(model: EssayModel, file: VFile, argument: ArgumentModel): void {
  // A count the essay has given with a source once ("15 members (Article 23)") needs none when
  // it comes back ("Expand from 15 to 21…"). Not a share: the same percentage of another group
  // ("57% of attackers (Secret Service)", "57% of officers") is another finding.
  const sourced = new Set<string>()
  const numberOf = (figure: string) => (/%|\bper ?cent/i.test(figure) ? undefined : /\d[\d,.]*/.exec(figure)?.[0].replace(/[,.]+$/, ''))
  for (const paragraph of model.paragraphs) {
    // A citation, or a source the sentence reports from ("According to Sandy Hook Promise, around
    // 12 children…", "According to the booklet, 50%…"), sources the figures beside it too.
    const cited = (at: number) => {
      const index = paragraph.sentences[at]
      if (index === undefined) return false
      const item = argument.sentences[index]
      return item.evidence.some((e) => e.kind === 'citation') || item.signals[0] === 'report'
    }
    for (let at = 0; at < paragraph.sentences.length; at++) {
      const item = argument.sentences[paragraph.sentences[at]]
      // A sentence that reads one of the essay's tables quotes no figure of its own.
      const figure = item.evidence.find((e) => e.kind === 'data' && !e.table)
      if (!figure) continue
      const number = numberOf(figure.text)
      if (cited(at) || cited(at - 1) || cited(at + 1)) {
        if (number) sourced.add(number)
        continue
      }
      if (item.role === 'other' || (number && sourced.has(number))) continue
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
    defaults: {window: 'paragraph', ignoreHedged: false, thesis: false, secondary: true, figures: true, group: 'paragraph'},
    schema: {
      type: 'object',
      properties: {
        window: {enum: ['sentence', 'paragraph']},
        ignoreHedged: {type: 'boolean'},
        thesis: {type: 'boolean'},
        secondary: {type: 'boolean'},
        figures: {type: 'boolean'},
        group: {enum: ['paragraph', 'sentence']}
      },
      additionalProperties: false
    }
  },
  (model, file, options, {concepts}) => {
    const argument = argumentOf(model, {window: options.window})
    const {sourcing} = argument
    if (sourcing.underSourced) {
      const place = model.title?.range ?? {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1, offset: 0}}
      // The kinds of source to suggest: a UN report and a mission on the course topic, a study and a case elsewhere.
      const message = file.message(messages.underSourced(sourcing.citations, sourcing.words, courseTopic(model, concepts).onTopic), {place})
      Object.assign(message, {note: messages.note, data: {kind: 'essay', citations: sourcing.citations, words: sourcing.words}})
    }
    const reported = argument.sentences.filter((item) => {
      if (item.supported) return false
      if (item.role !== 'claim' && !(item.role === 'thesis' && options.thesis)) return false
      if (item.strength === 'hedged' && options.ignoreHedged) return false
      return !(item.role === 'claim' && item.priority !== 'warning' && !options.secondary)
    })
    const {findings, short} = shortLinesApart(model, groups(model, argument, reported, options.group), options.group)
    if (short.length > 0) {
      const [main, ...others] = short
      const sentence = model.sentences[main.sentence]
      const message = file.message(messages.shortLines(short.map((item) => model.sentences[item.sentence].text)), {place: sentence.range})
      Object.assign(message, {
        note: messages.note,
        data: {kind: 'claim', role: main.role, strength: main.strength, priority: 'info', reasoned: main.reasoned === true, short: true, also: others.map(alsoEntry(model))},
        advisory: true,
        demote: false,
        fix: citationPlaceholder(sentence)
      })
    }
    for (const [main, ...others] of findings) {
      const sentence = model.sentences[main.sentence]
      const paragraph = model.paragraphs[sentence.paragraph]
      // "Not backed by the evidence near it" only where the sentence before or after holds real
      // evidence, named in the message: a recommendation needs evidence of its own (support.ts),
      // and evidence before a claim backs that sentence unless the claim points back at it.
      const at = paragraph.sentences.indexOf(main.sentence)
      // A signpost, a question or a heading carries no evidence, whatever it quotes ("not a fantasy about "abolishing the veto"").
      // A bare year ("The year was 1945") dates a sentence; the message does not call it a named case.
      const realEvidence = (i: number | undefined) =>
        i === undefined || argument.sentences[i].role === 'other' ? undefined : argument.sentences[i].evidence.find((e) => !e.weak && e.kind !== 'reasoning' && !(e.kind === 'case' && /^\d{4}s?$/.test(e.text)))
      const after = realEvidence(paragraph.sentences[at + 1])
      const before = realEvidence(paragraph.sentences[at - 1])
      const textOf = (i: number) => model.sentences[i].text
      const beside =
        options.window !== 'paragraph' ? undefined
        : after ? {...after, where: 'after' as const, sentence: textOf(paragraph.sentences[at + 1])}
        : before ? {...before, where: 'before' as const, sentence: textOf(paragraph.sentences[at - 1])}
        : undefined
      const also = others.map((item) => model.sentences[item.sentence])
      const acrossParagraphs = also.some((s) => s.paragraph !== sentence.paragraph)
      const text = messages.claim(main, sentence.text, {window: options.window, beside}) + (also.length > 0 ? ' ' + messages.also(also.map((s) => s.text), acrossParagraphs) : '')
      const message = file.message(text, {place: sentence.range})
      // The finding weighs as its weightiest claim: a warning when any claim it names is one.
      const leading = [main, ...others].filter((item) => item.role === 'thesis' || item.priority === 'warning')
      const secondary = leading.length === 0
      Object.assign(message, {
        note: messages.note,
        data: {
          kind: 'claim',
          role: main.role,
          strength: main.strength,
          priority: main.role === 'thesis' ? 'warning' : main.priority,
          reasoned: main.reasoned === true,
          ...(others.length > 0 ? {also: others.map(alsoEntry(model))} : {})
        },
        advisory: secondary,
        demote: leading.length > 0 && leading.every((item) => item.strength === 'hedged'),
        fix: citationPlaceholder(sentence)
      })
    }
    for (const proposal of argument.proposals) {
      if (proposal.supported) continue
      const section = model.sections[proposal.section]
      const message = file.message(messages.proposal(section.title), {place: section.range})
      Object.assign(message, {note: messages.note, data: {kind: 'proposal', section: section.title}})
    }
    if (options.figures) unsourcedFigures(model, file, argument)
  }
)

/**
 * The findings to make, each a main claim and the claims it speaks for. By
 * paragraph (or passage of short paragraphs, ArgumentModel.passage), an
 * instructor writes one comment where a paragraph makes several unsupported
 * claims: the finding sits on the claim `mainClaims` prefers and names the
 * others. A thesis keeps its own message, and a claim resting on a vague
 * appeal its own finding, which vague-evidence's finding stands for
 * (src/finding-overlap.ts): folded into another, it would be lost with it.
 */
function groups(model: EssayModel, argument: ArgumentModel, items: SentenceArgument[], by: Options['group']): SentenceArgument[][] {
  if (by === 'sentence') return items.map((item) => [item])
  const alone: SentenceArgument[][] = []
  const byPassage = new Map<number, SentenceArgument[]>()
  const {passage} = argument
  for (const item of items) {
    if (item.role === 'thesis' || item.vague.length > 0) {
      alone.push([item])
      continue
    }
    const first = passage[model.sentences[item.sentence].paragraph]
    const list = byPassage.get(first)
    if (list) list.push(item)
    else byPassage.set(first, [item])
  }
  const folded = [...byPassage.values()].map((list) => {
    const main = mainClaims.map((fits) => list.find(fits)).find(Boolean) ?? list[0]
    return [main, ...list.filter((item) => item !== main)]
  })
  return [...alone, ...folded].sort((a, b) => a[0].sentence - b[0].sentence)
}

/** Paragraph findings of short lines an essay needs before they are told as one. */
const minShortFindings = 2

/**
 * The paragraph findings at information level whose claims are all short
 * lines, taken out to be told as one finding: a blog or a memo that argues in
 * short beats ("Both outcomes are bad.", "This does not guarantee success.")
 * gets one comment on them, not one per paragraph. An instructor writes none
 * beside such a line unless it states a fact a reader could doubt; a line
 * that is a warning keeps its own finding.
 */
function shortLinesApart(model: EssayModel, found: SentenceArgument[][], by: Options['group']): {findings: SentenceArgument[][]; short: SentenceArgument[]} {
  if (by === 'sentence') return {findings: found, short: []}
  const short: SentenceArgument[][] = []
  const findings: SentenceArgument[][] = []
  for (const group of found) (group.every((item) => isShortLine(model, item)) ? short : findings).push(group)
  if (short.length < minShortFindings) return {findings: found, short: []}
  return {findings, short: short.flat().sort((a, b) => a.sentence - b.sentence)}
}

/**
 * Which claim a paragraph's finding sits on, in order of preference: one
 * that would be a warning alone, stated plainly, that makes the paragraph's
 * point rather than summing it up ("Therefore, …") or recommending what
 * follows from it (an instructor comments on the point; the wrap-up and the
 * recommendation drawn from it stand or fall with it); then any warning stated plainly;
 * then the first that does not sum up or recommend.
 */
const mainClaims: Array<(item: SentenceArgument) => boolean> = [
  (item) => item.priority === 'warning' && item.strength !== 'hedged' && !item.sumsUp && !item.urges,
  (item) => item.priority === 'warning' && item.strength !== 'hedged',
  (item) => !item.sumsUp && !item.urges
]

/** Where a claim a paragraph's finding names stands, its first words, its own priority and strength (`data.also`). */
const alsoEntry = (model: EssayModel) => (item: SentenceArgument) => {
  const {range, text} = model.sentences[item.sentence]
  return {line: range.start.line, column: range.start.column, offset: range.start.offset, endLine: range.end.line, endColumn: range.end.column, words: firstWords(text, 4), priority: item.priority, strength: item.strength}
}

/**
 * The editor's quick fix for an unsupported claim (src/server/actions.ts): a
 * citation placeholder, "(Author Year)", inserted before the sentence's final
 * punctuation, for the student to fill in.
 */
function citationPlaceholder(sentence: {text: string; range: {end: {line: number; column: number}}}): {title: string; text: string; line: number; column: number} {
  const trailing = /[.!?…]*["'”’)\]]*\s*$/.exec(sentence.text)?.[0].length ?? 0
  return {title: 'Add a citation placeholder “(Author Year)”', text: ' (Author Year)', line: sentence.range.end.line, column: sentence.range.end.column - trailing}
}
