/**
 * Whether an essay is on the course topic (peacekeeping, intervention, the
 * Security Council, IR theory). The coverage rules ask for realism or
 * sovereignty only of essays on that topic: an essay on school uniforms or
 * nuclear power is not told to "apply realism to a peacekeeping case".
 *
 * Two signals, both from the model: the words that tie a sentence to
 * peacekeeping (`anchors` of lexicons/cues.yaml, mission acronyms included),
 * per 1,000 words; and the IR perspectives the essay names (a label or a
 * thinker, not a loose term). Either is enough. The thresholds separate the
 * 34 essays of the project's corpus and the real-essay split (every on-topic
 * essay has 4 anchors per 1,000 words or names a perspective;
 * every other essay has under 2 and none).
 */

import type {Concept} from './lexicon.js'
import type {EssayModel} from './types.js'

export const minAnchorsPer1000 = 3
export const minPerspectiveMentions = 1

export interface Topic {
  onTopic: boolean
  anchorsPer1000: number
  perspectiveMentions: number
}

const memo = new WeakMap<EssayModel, Topic>()

export function courseTopic(model: EssayModel, concepts: Record<string, Concept>): Topic {
  let topic = memo.get(model)
  if (!topic) {
    const anchors = model.sentences.reduce((sum, sentence) => sum + sentence.anchors.length, 0)
    const anchorsPer1000 = (anchors / Math.max(model.wordCount, 1)) * 1000
    const perspectiveMentions = model.mentions.filter((m) => m.kind !== 'term' && concepts[m.concept]?.group === 'perspective').length
    topic = {onTopic: anchorsPer1000 >= minAnchorsPer1000 || perspectiveMentions >= minPerspectiveMentions, anchorsPer1000, perspectiveMentions}
    memo.set(model, topic)
  }
  return topic
}

/**
 * The perspectives the essay's title names ("Realism or Liberalism: Which
 * Theory Explains Cooperation?"), when it names two or more: the question
 * the essay answers is a comparison of those, and a perspective it does not
 * name is outside it. Empty when the title names fewer than two (a title
 * that names one, "A Realist Reading of UNAMIR", still leaves the others
 * to the course's list).
 */
export function titleScope(model: EssayModel, concepts: Record<string, Concept>): string[] {
  // Asked by three rules and the grader for each essay.
  let scope = scopes.get(model)
  if (!scope) scopes.set(model, (scope = perspectivesInTitle(model, concepts)))
  return scope
}
const scopes = new WeakMap<EssayModel, string[]>()

function perspectivesInTitle(model: EssayModel, concepts: Record<string, Concept>): string[] {
  const title = model.title
  if (!title) return []
  const named = new Set<string>()
  for (const mention of model.mentions) {
    const at = mention.range.start.offset
    if (mention.kind === 'term' || at < title.range.start.offset || at >= title.range.end.offset) continue
    if (concepts[mention.concept]?.group === 'perspective') named.add(mention.concept)
  }
  return named.size >= 2 ? [...named] : []
}
