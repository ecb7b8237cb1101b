/**
 * A retext plugin: joins the sentences that the sentence parser splits after
 * an abbreviation ("… under Art. 27(3) of the Charter …" became two
 * sentences, "… under Art." and "27(3) of the Charter …"). A full stop after
 * an abbreviation of `lexicons/abbreviations.yaml`, followed by a number or a
 * lower-case word, continues the sentence. Positions are kept: the joined
 * sentence spans both.
 */

import type {Paragraph as NlcstParagraph, Root, Sentence} from 'nlcst'
import {toString as text} from 'nlcst-to-string'
import type {Plugin} from 'unified'
import {readLexicon} from './model/lexicon.js'

let abbreviations: Set<string> | undefined
function known(word: string): boolean {
  abbreviations ??= new Set((readLexicon('abbreviations.yaml') as {abbreviations: string[]}).abbreviations.map(String))
  return abbreviations.has(word.toLowerCase())
}

/** Whether a sentence ends in "<abbreviation>." */
function endsInAbbreviation(sentence: Sentence): boolean {
  const children = sentence.children
  const last = children[children.length - 1]
  const before = children[children.length - 2]
  if (!last || !before || text(last) !== '.' || before.type !== 'WordNode') return false
  return known(text(before))
}

/** Whether a sentence opens with a number or a lower-case word. */
function continues(sentence: Sentence): boolean {
  const first = sentence.children.find((child) => child.type !== 'WhiteSpaceNode')
  return first !== undefined && /^[\p{Ll}\p{N}]/u.test(text(first))
}

function join(paragraph: NlcstParagraph): void {
  const children = paragraph.children
  for (let index = 0; index < children.length; index++) {
    const sentence = children[index]
    if (sentence.type !== 'SentenceNode') continue
    while (endsInAbbreviation(sentence)) {
      const gap = children[index + 1]
      const next = gap?.type === 'WhiteSpaceNode' ? children[index + 2] : gap
      if (!next || next.type !== 'SentenceNode' || !continues(next)) break
      const taken = gap === next ? 1 : 2
      if (gap !== next && gap) sentence.children.push(gap as never)
      sentence.children.push(...next.children)
      if (sentence.position && next.position) sentence.position = {start: sentence.position.start, end: next.position.end}
      children.splice(index + 1, taken)
    }
  }
}

export const sentenceJoins: Plugin<[], Root> = function () {
  return function (tree) {
    for (const paragraph of tree.children) if (paragraph.type === 'ParagraphNode') join(paragraph)
  }
}
