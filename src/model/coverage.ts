/**
 * Named or applied? The coverage of one concept in one essay.
 *
 * - absent: the essay never names the concept (its label, a school of it,
 *   or one of its thinkers beside its vocabulary). Working vocabulary alone
 *   ("national interest") does not name a perspective, nor does a citation
 *   of a scholar on its own.
 * - named: it is named, but no paragraph applies it.
 * - applied: it is named somewhere, and at least one body paragraph uses its
 *   vocabulary in `minSentences` or more sentences, ties it to peacekeeping
 *   (a mission, the Security Council, a mandate, peacekeepers, civilians...)
 *   and reasons with it ("because", "explains", "led to"...).
 *
 * - applied without its name (perspectives only, when the caller asks): the
 *   essay never names the perspective, but one paragraph reasons with its
 *   working vocabulary — at least `unnamedSentences` sentences, `unnamedTerms`
 *   different terms, tied to peacekeeping and with reasoning. Interdependence,
 *   institutions and cooperation are liberalism at work whether or not the
 *   writer says "liberalism"; one stray "national interest" is not realism.
 *
 * The unit of application is a passage: a body paragraph, or up to three
 * consecutive one-sentence paragraphs under the same heading, since a writer
 * who puts each sentence on its own line still builds one argument across a
 * few of them.
 *
 * Headings, reference lists and footnote definitions never count as
 * application; a heading or a reference title does not even name.
 */

import type {Coverage, EssayModel, Mention, Paragraph} from './types.js'

export interface ApplyThresholds {
  /** Sentences of one paragraph that must use the concept's vocabulary. */
  minSentences: number
  /** The paragraph must mention a peacekeeping object. */
  requireAnchor: boolean
  /** The paragraph must contain a marker of explanation or evaluation. */
  requireReasoning: boolean
}

export const defaultThresholds: ApplyThresholds = {minSentences: 2, requireAnchor: true, requireReasoning: true}

/** A perspective applied without its name: how much of its vocabulary one passage must use. */
export const unnamedSentences = 3
export const unnamedTerms = 2
/**
 * One-sentence paragraphs join their one-sentence neighbours under the same
 * heading, three at a time, into one passage. Two-sentence paragraphs do not:
 * in ordinary prose they are separate points.
 */
export const shortParagraph = 1
export const passageParagraphs = 3

const bodyKinds = new Set(['paragraph', 'list-item', 'blockquote'])

/**
 * The passages of an essay, as lists of paragraph indices: every body
 * paragraph on its own, and every `passageParagraphs` consecutive short
 * paragraphs of one section together. A block quote stands alone: it is
 * someone else's words, not part of the writer's run of lines.
 */
export function passagesOf(model: EssayModel): number[][] {
  const cached = passageMemo.get(model)
  if (cached) return cached
  const passages: number[][] = []
  let run: Paragraph[] = []
  const close = () => {
    if (run.length > 1) {
      for (let from = 0; from + passageParagraphs <= Math.max(run.length, passageParagraphs); from++) {
        passages.push(run.slice(from, from + passageParagraphs).map((p) => p.index))
      }
    }
    run = []
  }
  for (const paragraph of model.paragraphs) {
    if (!bodyKinds.has(paragraph.kind)) {
      // A heading, a reference list or a footnote ends the run.
      close()
      continue
    }
    passages.push([paragraph.index])
    const short = paragraph.kind !== 'blockquote' && paragraph.sentences.length <= shortParagraph
    if (!short || (run.length > 0 && run[0].section !== paragraph.section)) close()
    if (short) run.push(paragraph)
  }
  close()
  passageMemo.set(model, passages)
  return passages
}
const passageMemo = new WeakMap<EssayModel, number[][]>()

export function coverageOf(model: EssayModel, concept: string, thresholds: ApplyThresholds = defaultThresholds, unnamed = false): Coverage {
  const counted = (mention: Mention) => {
    const kind = model.paragraphs[mention.paragraph].kind
    return kind !== 'reference' && kind !== 'footnote' && kind !== 'heading'
  }
  const mentions = model.mentions.filter((m) => m.concept === concept && counted(m))
  // A thinker names the perspective only beside its vocabulary: "Waltz (1979)
  // argues that anarchy..." does, "Fortna (2008) found that..." does not.
  const names = (m: Mention) =>
    m.kind === 'name' ||
    (m.kind === 'thinker' && mentions.some((other) => other !== m && other.sentence === m.sentence && other.kind !== 'thinker'))
  const firstNamed = mentions.find(names)
  const lines = [...new Set(mentions.map((m) => m.range.start.line))]
  if (!firstNamed && !unnamed) return {concept, status: 'absent', firstNamed, appliedIn: [], lines}

  const byParagraph = new Map<number, Mention[]>()
  for (const mention of mentions) {
    const list = byParagraph.get(mention.paragraph) ?? []
    list.push(mention)
    byParagraph.set(mention.paragraph, list)
  }
  const applies = (passage: number[]) => {
    const used = passage.flatMap((index) => byParagraph.get(index) ?? [])
    const sentences = new Set(used.map((m) => m.sentence))
    if (firstNamed ? sentences.size < thresholds.minSentences : sentences.size < Math.max(thresholds.minSentences, unnamedSentences)) return false
    if (!firstNamed && new Set(used.map((m) => m.text.toLowerCase())).size < unnamedTerms) return false
    const all = passage.flatMap((index) => model.paragraphs[index].sentences.map((i) => model.sentences[i]))
    if (thresholds.requireAnchor && !all.some((s) => s.anchors.length > 0)) return false
    if (thresholds.requireReasoning && !all.some((s) => s.explanations.length > 0)) return false
    return true
  }
  const appliedIn = new Set<number>()
  for (const passage of passagesOf(model)) {
    // Without its name, a perspective must be at work within one paragraph: a few one-line
    // paragraphs that each mention the Council's veto are not realism.
    if (!firstNamed && passage.length > 1) continue
    if (!passage.some((index) => byParagraph.has(index)) || !applies(passage)) continue
    for (const index of passage) if (byParagraph.has(index)) appliedIn.add(index)
  }
  const applied = [...appliedIn].sort((a, b) => a - b)
  if (!firstNamed) return {concept, status: applied.length > 0 ? 'applied' : 'absent', firstNamed, appliedIn: applied, lines}
  return {concept, status: applied.length > 0 ? 'applied' : 'named', firstNamed, appliedIn: applied, lines}
}
