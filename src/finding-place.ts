/**
 * Where a finding is, in words a student can use in any format: the
 * paragraph it is in (1-based, counting the essay's paragraphs, list items,
 * quotes and notes but not its headings) and the sentence it quotes. For a
 * Word file or a PDF, line and column refer to the text essaylint extracted;
 * "paragraph 4" and the quoted sentence are how the student finds the spot
 * in the document itself. The JSON report carries them as `paragraph` and
 * `quote`; findings on a heading (the title, for essay-level findings) have
 * no paragraph.
 */

import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import type {VFileMessage} from 'vfile-message'
import type {EssayModel} from './model/types.js'

export interface FindingPlace {
  paragraph?: number
  quote?: string
}

declare module 'vfile-message' {
  interface VFileMessage {
    /** 1-based paragraph of the finding (headings not counted). */
    paragraph?: number
    /** The sentence the finding is in. */
    quote?: string
  }
}

/** The sentence that holds a line and column of the essay, if any. */
export function sentenceAt(model: EssayModel, line: number, column: number): EssayModel['sentences'][number] | undefined {
  const before = (a: {line: number; column: number}) => a.line < line || (a.line === line && a.column <= column)
  let found: EssayModel['sentences'][number] | undefined
  // Sentences are in reading order: the last one that starts at or before the point.
  let low = 0
  let high = model.sentences.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (before(model.sentences[middle].range.start)) {
      found = model.sentences[middle]
      low = middle + 1
    } else high = middle - 1
  }
  return found && !before(found.range.end) ? found : undefined
}

/** The paragraph and sentence at a line and column of the essay. */
export function placeOf(model: EssayModel, line: number, column: number): FindingPlace {
  const before = (a: {line: number; column: number}) => a.line < line || (a.line === line && a.column <= column)
  const inside = sentenceAt(model, line, column)
  const paragraphAt = inside ? model.paragraphs[inside.paragraph] : model.paragraphs.find((p) => before(p.range.start) && !before(p.range.end))
  const result: FindingPlace = {}
  if (paragraphAt && paragraphAt.kind !== 'heading') result.paragraph = model.paragraphs.filter((p) => p.kind !== 'heading' && p.index <= paragraphAt.index).length
  // A finding on a heading's marker (`# `, at column 1) quotes the heading.
  const sentence = inside ?? (paragraphAt && paragraphAt.sentences.length > 0 ? model.sentences[paragraphAt.sentences[0]] : undefined)
  if (sentence) result.quote = sentence.text
  return result
}

/** Put `paragraph` and `quote` on each finding of a rule (after the rules and inline comments). */
export const findingPlaces: Plugin<[], Root> = function () {
  return function (_tree, file) {
    const model = file.data.essay
    if (!model) return
    for (const message of file.messages as VFileMessage[]) {
      if (!message.ruleId || !message.line) continue
      const {paragraph, quote} = placeOf(model, message.line, message.column ?? 1)
      if (paragraph !== undefined) message.paragraph = paragraph
      if (quote !== undefined) message.quote = quote
    }
  }
}
