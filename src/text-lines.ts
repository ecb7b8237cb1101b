/**
 * Plain text as Word and Google Docs save or paste it: one paragraph per
 * line, no blank lines between them. The Markdown parser would read such a
 * file as one paragraph (lines without a blank line between them continue
 * each other), so a 3,000-word essay became a handful of "paragraphs" and
 * its title the first words of its first sentence.
 *
 * Whether lines are paragraphs is decided per file: they are when the long
 * lines (over 120 characters, longer than any hard wrap) end, nearly all, in
 * final punctuation. Hard-wrapped text with blank lines never has such
 * lines, and is parsed as before. In line mode every line is parsed on its
 * own, with positions shifted to where the line sits in the file, and the
 * short lines after a lead-in ending in ":" become the items of a list.
 */

import type {List, ListItem, Paragraph, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Processor} from 'unified'
import {visit} from 'unist-util-visit'

/** Longer than any hard wrap (70–80 characters, 100 at most). */
const longLine = 120
const finalPunctuation = /[.!?:;"”’)\]]\s*$/
/** A list item after a lead-in is short: a topic, a phrase, one sentence. */
const maxItemWords = 25

/** Whether a plain-text document has one paragraph per line. */
export function oneParagraphPerLine(doc: string): boolean {
  const lines = doc.split(/\r?\n/)
  let adjacent = false
  let long = 0
  let ended = 0
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].trim()
    if (!line) continue
    if (index > 0 && lines[index - 1].trim()) adjacent = true
    // A web address on a line of its own (a reference list) is neither prose nor a wrap.
    if (line.length > longLine && !isAddressLine(line)) {
      long++
      if (finalPunctuation.test(line)) ended++
    }
  }
  return adjacent && long > 0 && ended / long >= 0.8
}

type Parse = (doc: string, file: never) => Root

/** Parse each line on its own, as if blank lines separated them. */
function parseLines(doc: string, file: unknown, parse: Parse): Root {
  const tree: Root = {type: 'root', children: []}
  let offset = 0
  let line = 0
  for (const raw of doc.split('\n')) {
    const text = raw.replace(/\r$/, '')
    if (text.trim()) {
      const part = parse(text, file as never)
      for (const child of part.children) {
        shift(child, line, offset)
        tree.children.push(child)
      }
    }
    offset += raw.length + 1
    line++
  }
  tree.position = {start: {line: 1, column: 1, offset: 0}, end: {line: Math.max(line, 1), column: 1, offset: doc.length}}
  return groupLeadInLists(tree)
}

function shift(node: RootContent, lines: number, offset: number): void {
  visit(node, (child) => {
    const {position} = child
    if (!position) return
    position.start = {...position.start, line: position.start.line + lines, offset: (position.start.offset ?? 0) + offset}
    position.end = {...position.end, line: position.end.line + lines, offset: (position.end.offset ?? 0) + offset}
  })
}

/** A web address on a line of its own: a reference entry, neither prose nor a heading. */
export function isAddressLine(line: string): boolean {
  return /^(?:https?:\/\/|www\.)\S+$/i.test(line)
}

/** "Key ethical dilemmas include:" and the short lines after it: a list, as the student meant it. */
function groupLeadInLists(tree: Root): Root {
  const out: RootContent[] = []
  const children = tree.children
  for (let index = 0; index < children.length; index++) {
    const node = children[index]
    out.push(node)
    if (node.type !== 'paragraph' || !toString(node).trim().endsWith(':')) continue
    const items: ListItem[] = []
    while (index + 1 < children.length && isItem(children[index + 1]) && !isHeadingBefore(children[index + 1], children[index + 2])) {
      const item = children[++index] as Paragraph
      items.push({type: 'listItem', spread: false, children: [item], position: item.position})
    }
    if (items.length === 0) continue
    const list: List = {type: 'list', ordered: false, spread: false, children: items, position: {start: items[0].position!.start, end: items[items.length - 1].position!.end}}
    out.push(list)
  }
  tree.children = out
  return tree
}

/**
 * A short line without final punctuation before a line of prose ends the
 * list: it is the next heading ("Conclusion"), not an item.
 */
function isHeadingBefore(node: RootContent, next: RootContent | undefined): boolean {
  if (!next || next.type !== 'paragraph' || node.type !== 'paragraph') return false
  const text = toString(next).trim()
  return !finalPunctuation.test(toString(node).trim()) && finalPunctuation.test(text) && text.split(/\s+/).length >= 12
}

function isItem(node: RootContent): boolean {
  return node.type === 'paragraph' && toString(node).trim().split(/\s+/).length <= maxItemWords
}

/** Wraps the parser: plain text with one paragraph per line is parsed line by line. */
export function textLines(this: Processor): void {
  const parse = this.parser as unknown as Parse | undefined
  if (!parse) throw new Error('textLines must come after remark-parse')
  this.parser = function (doc, file) {
    if (file.extname === '.txt' && oneParagraphPerLine(doc)) return parseLines(doc, file, parse)
    return parse(doc, file as never)
  } as typeof this.parser
}
