/**
 * A sentence's `text` is its words without Markdown markup ("This has never
 * been done" for `This has *never* been done`), while its words carry their
 * offsets in the source file. Slicing the text by source offsets is off by
 * the markup before the point: these map a word to where it is in `text`.
 */

import type {Sentence} from './types.js'

const starts = new WeakMap<Sentence, number[]>()

/** Where each word starts in `sentence.text`, found in order (a word not found keeps its source distance). */
export function wordStartsInText(sentence: Sentence): number[] {
  let found = starts.get(sentence)
  if (found) return found
  found = []
  let cursor = 0
  for (const word of sentence.words) {
    const at = sentence.text.indexOf(word.text, cursor)
    const start = at === -1 ? word.start - sentence.range.start.offset : at
    found.push(start)
    if (at !== -1) cursor = at + word.text.length
  }
  starts.set(sentence, found)
  return found
}

/** The index in `sentence.text` just after word `index`. */
export function textEndOfWord(sentence: Sentence, index: number): number {
  return wordStartsInText(sentence)[index] + sentence.words[index].text.length
}

/** The text from the start of word `from` to the end of word `to - 1`. */
export function textOfWords(sentence: Sentence, from: number, to: number): string {
  return sentence.text.slice(wordStartsInText(sentence)[from], textEndOfWord(sentence, to - 1))
}

/** The text between the end of word `before` and the start of word `after`. */
export function textBetweenWords(sentence: Sentence, before: number, after: number): string {
  return sentence.text.slice(textEndOfWord(sentence, before), wordStartsInText(sentence)[after])
}
