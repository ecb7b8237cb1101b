/**
 * Which vague appeals stand in for evidence. "Many experts agree that…"
 * offered for the writer's point names no source; the same words are not
 * an appeal to evidence when the sentence names the sources right after
 * them ("Many experts, including Dallaire, warned…") or when they present
 * the other side that the writer then answers ("Some people believe X,
 * but…", "While some believe X, Y", "Many critics argue X. However, …").
 */

import {textEndOfWord} from '../model/sentence-text.js'
import type {EssayModel, Sentence} from '../model/types.js'
import type {CueHit} from './cues.js'
import {answersThePrevious, pivotIn} from './roles.js'
import {isIn} from './words.js'

/** Words after an appeal within which its named sources may start ("Many experts, including Romeo Dallaire"). */
const maxNamingGap = 3

/** The appeal is followed by its named sources: a naming link, then a name or a citation. */
function namesItsSources(model: EssayModel, sentence: Sentence, hit: CueHit): boolean {
  const words = sentence.words
  for (let index = hit.to; index < Math.min(words.length - 1, hit.to + maxNamingGap); index++) {
    if (!isIn('naming-links', words[index].norm)) continue
    // "such as" takes one more word.
    let next = words[index].norm === 'such' && words[index + 1]?.norm === 'as' ? index + 2 : index + 1
    // "including the Brahimi Panel": the name after its article.
    if (words[next]?.norm === 'the' && /^\p{Lu}/u.test(words[next + 1]?.text ?? '')) next++
    const source = words[next]
    if (!source) return false
    if (/^\p{Lu}/u.test(source.text)) return true
    return sentence.citations.some((i) => model.citations[i].range.start.offset >= words[index].end && model.citations[i].range.start.offset <= source.end + 1)
  }
  return false
}

/** The writer answers the view the appeal introduces: a pivot after it in the sentence, or the next sentence of the paragraph opening with a rebuttal. */
function answered(sentence: Sentence, hit: CueHit, hits: CueHit[], next: Sentence | undefined): boolean {
  // "Some say the veto should go, others say it keeps the powers in": two views set side by side
  // are the debate the essay takes up, not evidence for either.
  // The first view is followed by "others…"; the second opens with it after an appeal ("…, others say…").
  const otherSide = (w: {norm: string}) => isIn('other-side', w.norm)
  if (sentence.words.slice(hit.to).some(otherSide)) return true
  if (otherSide(sentence.words[hit.from]) && hits.some((h) => h.kind === 'vague' && h.to <= hit.from)) return true
  // "While some people believe X, the genocide shows otherwise": conceded in a clause the main clause answers.
  if (hit.from > 0 && hit.from <= 2 && isIn('concessives', sentence.words[0].norm) && sentence.text.slice(textEndOfWord(sentence, hit.to - 1)).includes(',')) return true
  // "…, while others believe it should stay voluntary", "…, although some experts disagree": a view
  // set against the main clause's in a clause of its own is the other side, not the writer's evidence.
  if (hit.from > 2 && sentence.words.slice(Math.max(0, hit.from - 2), hit.from).some((w) => isIn('concessives', w.norm))) return true
  const pivot = pivotIn(sentence, hits)
  if (pivot !== -1 && pivot >= textEndOfWord(sentence, hit.to - 1)) return true
  return answersThePrevious(next)
}

/** Whether the appeal `hit` of the sentence is offered as evidence: it names no source and is not the other side's view the writer answers. */
export function standsInForEvidence(model: EssayModel, sentence: Sentence, hit: CueHit, hits: CueHit[], next: Sentence | undefined): boolean {
  return !namesItsSources(model, sentence, hit) && !answered(sentence, hit, hits, next)
}
