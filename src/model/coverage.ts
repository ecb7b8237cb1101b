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
 * Headings, reference lists and footnote definitions never count as
 * application; a heading or a reference title does not even name.
 */

import type {Coverage, EssayModel, Mention} from './types.js'

export interface ApplyThresholds {
  /** Sentences of one paragraph that must use the concept's vocabulary. */
  minSentences: number
  /** The paragraph must mention a peacekeeping object. */
  requireAnchor: boolean
  /** The paragraph must contain a marker of explanation or evaluation. */
  requireReasoning: boolean
}

export const defaultThresholds: ApplyThresholds = {minSentences: 2, requireAnchor: true, requireReasoning: true}

export function coverageOf(model: EssayModel, concept: string, thresholds: ApplyThresholds = defaultThresholds): Coverage {
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
  if (!firstNamed) return {concept, status: 'absent', firstNamed, appliedIn: [], lines}

  const sentencesByParagraph = new Map<number, Set<number>>()
  for (const mention of mentions) {
    const set = sentencesByParagraph.get(mention.paragraph) ?? new Set<number>()
    set.add(mention.sentence)
    sentencesByParagraph.set(mention.paragraph, set)
  }
  const appliedIn: number[] = []
  for (const [index, sentences] of sentencesByParagraph) {
    if (sentences.size < thresholds.minSentences) continue
    const paragraph = model.paragraphs[index]
    const all = paragraph.sentences.map((i) => model.sentences[i])
    if (thresholds.requireAnchor && !all.some((s) => s.anchors.length > 0)) continue
    if (thresholds.requireReasoning && !all.some((s) => s.explanations.length > 0)) continue
    appliedIn.push(index)
  }
  appliedIn.sort((a, b) => a - b)
  return {concept, status: appliedIn.length > 0 ? 'applied' : 'named', firstNamed, appliedIn, lines}
}
