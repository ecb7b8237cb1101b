/**
 * Stage 1, structure: where each sentence stands. Body text (paragraphs and
 * list items) is argued; headings, reference lists, footnotes and block
 * quotes never are. The introduction, the conclusion, the block quotes that
 * follow a paragraph and the sentences inside a multi-sentence quotation are
 * found here, once per essay.
 */

import type {EssayModel, Paragraph, Sentence} from '../model/types.js'
import type {CueHit} from './cues.js'
import {isIn, words} from './words.js'

export function isBody(paragraph: Paragraph): boolean {
  return paragraph.kind === 'paragraph' || paragraph.kind === 'list-item'
}

export interface Structure {
  introduction: number[]
  conclusion: number[]
  /** The conclusion, or the last paragraph read as one without a cue (see `closeOf`). */
  close: number[]
  /** Paragraph index → the block quote right after it (the quote it introduces). */
  quoteAfter: Map<number, number>
  /** Paragraph index → the block quote right before it (the quote it may go on to interpret). */
  quoteBefore: Map<number, number>
  /** Sentences that begin inside a quotation opened in an earlier sentence: the quoted author's words. */
  insideQuotation: Set<number>
  /** Paragraph index → the first paragraph of its passage (itself, unless it is one of a run of short paragraphs). */
  passage: number[]
  /** The sections that set out the writer's own proposal, with their body paragraphs (subsections included). */
  proposals: Proposal[]
}

export interface Proposal {
  /** Index into `model.sections` of its heading. */
  section: number
  paragraphs: number[]
}

function titled(model: EssayModel, paragraph: Paragraph, list: Set<string>): boolean {
  if (paragraph.section < 0) return false
  const title = model.sections[paragraph.section].title.toLowerCase()
  for (const word of list) if (title.includes(word)) return true
  return false
}

/**
 * The introduction: the body paragraphs before the first heading after the
 * title, when there are at most three of them; otherwise the first body
 * paragraph (and the second, when the first has fewer than three sentences).
 */
function introductionOf(model: EssayModel, body: Paragraph[]): number[] {
  if (body.length === 0) return []
  const firstSection = body[0].section
  const before = body.filter((p) => p.section === firstSection)
  const titleOnly = firstSection < 0 || model.sections[firstSection] === model.title || /intro/i.test(model.sections[firstSection].title)
  if (titleOnly && before.length <= 3 && before.length < body.length) return before.map((p) => p.index)
  if (body[0].sentences.length < 3 && body.length > 2) return [body[0].index, body[1].index]
  return [body[0].index]
}

/** Paragraphs at the end that may still follow a conclusion: a byline, a sign-off, a link. */
const trailingParagraphs = 2

/** Paragraphs of several sentences an essay needs, besides its last one, before that last one is read as its close without a cue. */
const minParagraphsBeforeClose = 3

/**
 * The conclusion: a "Conclusion" section, or a paragraph near the end that
 * opens like one ("In conclusion", "All in all") — the last, or one followed
 * only by one-line paragraphs (a byline, a sign-off, a bare link).
 */
function conclusionOf(model: EssayModel, body: Paragraph[], hitsOf: (sentence: number) => CueHit[]): number[] {
  const inSection = body.filter((p) => titled(model, p, words('conclusion-titles')))
  if (inSection.length > 0) return inSection.map((p) => p.index)
  const opensLikeOne = (p: Paragraph) => p.sentences.length > 0 && hitsOf(p.sentences[0]).some((h) => h.kind === 'conclusion' && h.at === 0)
  for (let at = body.length - 1; at >= 0 && at >= body.length - 1 - trailingParagraphs; at--) {
    if (opensLikeOne(body[at])) return [body[at].index]
    if (body[at].sentences.length > 1) break
  }
  return []
}

/**
 * The essay's close: its conclusion, or else, as an instructor reads an essay
 * whose paragraphs of several sentences stand in one section, with an
 * introduction and a body (three such paragraphs before it), its last
 * paragraph of several sentences (the reference list, a byline or a sign-off
 * after it are not body text), unless it opens by adding a point ("Another
 * problem is…", "Third, …": `point-openers`). Without a cue the close is
 * only probably a conclusion: its claims are asides (priority), but echoing
 * a body claim does not back them (support).
 */
function closeOf(model: EssayModel, body: Paragraph[], conclusion: number[]): number[] {
  if (conclusion.length > 0) return conclusion
  const argued = body.filter((p) => p.sentences.length > 1)
  if (new Set(argued.map((p) => p.section)).size > 1) return []
  const last = argued.at(-1)
  if (last === undefined || body.indexOf(last) < body.length - 1 - trailingParagraphs) return []
  const before = argued.slice(0, -1).filter((p) => p.kind === 'paragraph')
  // "Another problem is that…", "Third, …", "In addition, …": one more point.
  const openingWords = model.sentences[last.sentences[0]].words.slice(0, 2)
  if (openingWords.some((w) => isIn('point-openers', w.norm))) return []
  return last.kind === 'paragraph' && before.length >= minParagraphsBeforeClose ? [last.index] : []
}

const quoteMarks = /["“”«»]/
const opening = /[“«]/g
const closing = /[”»]/g

/** The quotation mark comes before the sentence's second word (after at most a connective: "Moreover, “…"). */
function quotationOpensSentence(sentence: Sentence): boolean {
  const mark = sentence.text.search(/["“«]/)
  const second = sentence.words[1]
  return mark !== -1 && second !== undefined && mark < sentence.text.indexOf(second.text, sentence.words[0].text.length)
}

function quotationRuns(model: EssayModel, paragraph: Paragraph, inside: Set<number>): void {
  let open = false
  for (const index of paragraph.sentences) {
    const text = model.sentences[index].text
    if (open) inside.add(index)
    if (!quoteMarks.test(text)) continue
    const curly = (text.match(opening)?.length ?? 0) - (text.match(closing)?.length ?? 0)
    const straight = (text.match(/"/g)?.length ?? 0) % 2
    const opens = curly > 0 || (curly === 0 && straight === 1 && !open)
    // A quotation that opens the sentence and runs on past it ("Moreover,
    // “In the past, …"): the sentence is already the quoted author's words.
    if (opens && quotationOpensSentence(model.sentences[index])) inside.add(index)
    if (curly > 0) open = true
    else if (curly < 0) open = false
    else if (straight === 1) open = !open
  }
}

export function readStructure(model: EssayModel, hitsOf: (sentence: number) => CueHit[]): Structure {
  const body = model.paragraphs.filter(isBody)
  const quoteAfter = new Map<number, number>()
  const quoteBefore = new Map<number, number>()
  model.paragraphs.forEach((paragraph, index) => {
    const next = model.paragraphs[index + 1]
    if (isBody(paragraph) && next?.kind === 'blockquote') quoteAfter.set(index, index + 1)
    if (paragraph.kind === 'blockquote' && next && isBody(next)) quoteBefore.set(index + 1, index)
  })
  const insideQuotation = new Set<number>()
  for (const paragraph of body) quotationRuns(model, paragraph, insideQuotation)
  const introduction = introductionOf(model, body)
  const conclusion = conclusionOf(model, body, hitsOf)
  return {introduction, conclusion, close: closeOf(model, body, conclusion), quoteAfter, quoteBefore, insideQuotation, passage: passagesOf(model, introduction, conclusion), proposals: proposalsOf(model, body)}
}

/**
 * Sections headed as the writer's proposal ("What I propose", "The proposal"),
 * each with the subsections under it. What such a section
 * says is how the writer's plan would work: an instructor asks once whether
 * anything shows it would, not for a source behind each step.
 */
function proposalsOf(model: EssayModel, body: Paragraph[]): Proposal[] {
  const headings = words('proposal-headings')
  const proposes = (title: string) => {
    const text = ` ${title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `
    for (const phrase of headings) if (text.includes(` ${phrase} `)) return true
    return false
  }
  // Each section's proposal heading: its own, or that of the section it sits under.
  const under: number[] = []
  const open: number[] = []
  for (const section of model.sections) {
    while (open.length > 0 && model.sections[open[open.length - 1]].depth >= section.depth) open.pop()
    const parent = open.length > 0 ? under[open[open.length - 1]] : -1
    under[section.index] = parent !== -1 ? parent : !section.isReferences && section !== model.title && proposes(section.title) ? section.index : -1
    open.push(section.index)
  }
  const proposals = new Map<number, Proposal>()
  for (const paragraph of body) {
    const head = paragraph.section >= 0 ? under[paragraph.section] : -1
    if (head === undefined || head === -1) continue
    let proposal = proposals.get(head)
    if (!proposal) proposals.set(head, (proposal = {section: head, paragraphs: []}))
    proposal.paragraphs.push(paragraph.index)
  }
  return [...proposals.values()]
}

/** Paragraphs of at most this many sentences are short: a run of them is read as one passage. */
const shortParagraph = 2
/** The most short paragraphs one passage joins. */
const maxPassage = 4

/**
 * For each paragraph, the first paragraph of its passage. A writer who puts
 * each sentence in a paragraph of its own (a blog post, a policy memo) makes
 * one point over several of them: consecutive short paragraphs of the same
 * kind in the same section, within the introduction, the body or the
 * conclusion, are one passage of up to `maxPassage` paragraphs, for which
 * unsupported-claim makes one finding. (Support still stops at the
 * paragraph: the labelling guidelines read evidence by paragraph.)
 */
function passagesOf(model: EssayModel, introduction: number[], conclusion: number[]): number[] {
  const part = (index: number) => (introduction.includes(index) ? 0 : conclusion.includes(index) ? 2 : 1)
  const first: number[] = []
  let size = 0
  for (const paragraph of model.paragraphs) {
    const previous = model.paragraphs[paragraph.index - 1]
    const joins =
      previous !== undefined &&
      part(previous.index) === part(paragraph.index) &&
      (paragraph.kind === 'paragraph' || paragraph.kind === 'list-item') &&
      previous.kind === paragraph.kind &&
      previous.section === paragraph.section &&
      paragraph.sentences.length <= shortParagraph &&
      previous.sentences.length <= shortParagraph &&
      size < maxPassage
    size = joins ? size + 1 : 1
    first.push(joins ? first[previous.index] : paragraph.index)
  }
  return first
}
