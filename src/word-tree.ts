/**
 * mdast to nlcst, as `mdast-util-to-nlcst` (7.0) converts it and
 * remark-retext's bridge mode runs it, with one step done differently:
 * cutting each text node into words, punctuation and white space, and
 * placing them in the file.
 *
 * The library has parse-latin tokenise each text node (three regular
 * expressions per character; every token gets points relative to that
 * text), then walks the tokens again and gives each a new position object
 * with two new points (from a binary search over the lines), reading each
 * one's text again (`nlcst-to-string`, an array and a join per word) to
 * know where it ends. That walk alone was a twentieth of a class run's CPU
 * and a twelfth of what it allocated. Here the tokens are cut as
 * parse-latin cuts them (the class of each UTF-16 unit is the one its
 * tokeniser gives that unit, asked once per unit) and made with their
 * places in the file, found with a cursor that moves forward through the
 * lines. parse-latin's sentence, paragraph and root plugins then run as
 * the library runs them. The tree is the library's, node for node and
 * point for point (tests/word-tree.test.ts compares them on every sample
 * and corpus essay, on other scripts and symbols, and after random edits).
 */

import type {Nodes as MdastNodes, Parents as MdastParents} from 'mdast'
import type {Paragraph, Root, RootContent, Sentence, SentenceContent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {ParseLatin} from 'parse-latin'
import type {Processor} from 'unified'
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'

const ignore = new Set(['table', 'tableRow', 'tableCell'])
const source = new Set(['inlineCode'])

// As mdast-util-to-nlcst (ported there from parse-latin).
const newLine = /^[ \t]*((\r?\n|\r)[\t ]*)+$/
const terminalMarker = /^([!.?\u2026\u203D]+)$/

interface State {
  doc: string
  lines: Lines
  parser: ParseLatin
}

/**
 * Where each line of a document ends, as vfile-location counts them (`\r\n`,
 * `\r` and `\n` each end a line): `ends[i]` is the offset just after line
 * `i`'s line ending, the last one the document's length plus one. Lookups
 * mostly move forward, so the last line found is where the next search starts.
 */
class Lines {
  private readonly ends: number[] = []
  private last = 0

  constructor(private readonly value: string) {
    let from = 0
    while (true) {
      const cr = value.indexOf('\r', from)
      const lf = value.indexOf('\n', from)
      const eol = cr === -1 ? lf : lf === -1 ? cr : cr + 1 === lf ? lf : Math.min(cr, lf)
      if (eol === -1) {
        this.ends.push(value.length + 1)
        break
      }
      this.ends.push(eol + 1)
      from = eol + 1
    }
  }

  /** The point at `offset`; undefined outside the document. */
  point(offset: number | undefined): Point | undefined {
    if (offset === undefined || offset < 0 || offset > this.value.length) return undefined
    const ends = this.ends
    let line = this.last
    if (line > 0 && ends[line - 1] > offset) {
      // Backwards (rare): search from the start.
      let low = 0
      let high = line
      while (low < high) {
        const middle = (low + high) >> 1
        if (ends[middle] > offset) high = middle
        else low = middle + 1
      }
      line = low
    } else {
      while (ends[line] <= offset) line++
    }
    this.last = line
    return {line: line + 1, column: offset - (line > 0 ? ends[line - 1] : 0) + 1, offset}
  }
}

/** A node's start or end, as unist-util-position reads it: a copy, when it has a line and a column. */
function pointOf(node: {position?: Position} | undefined, side: 'start' | 'end'): Point | undefined {
  const point = node?.position?.[side]
  if (!point || typeof point.line !== 'number' || !(point.line > 0) || typeof point.column !== 'number' || !(point.column > 0)) return undefined
  return {line: point.line, column: point.column, offset: typeof point.offset === 'number' && point.offset > -1 ? point.offset : undefined}
}
const pointStart = (node: {position?: Position} | undefined) => pointOf(node, 'start')
const pointEnd = (node: {position?: Position} | undefined) => pointOf(node, 'end')

/** The parser remark-retext uses in bridge mode: parse-latin with the destination's extensions. */
export function parserFor(processor: Processor): ParseLatin {
  const parser = new ParseLatin()
  // parse-latin 7's twelve paragraph plugins; the tenth breaks a sentence
  // at white space holding two line endings, which it counts by splitting
  // the text of every white space node of the document (an array each: a
  // twenty-fifth of what a class run allocated). The same rule, counted.
  if (parser.tokenizeParagraphPlugins.length === 12) parser.tokenizeParagraphPlugins[9] = breakImplicitSentences
  const add = (list: unknown[], values: unknown) => {
    if (Array.isArray(values)) list.unshift(...values)
  }
  add(parser.tokenizeParagraphPlugins, processor.data('nlcstParagraphExtensions' as never))
  add(parser.tokenizeRootPlugins, processor.data('nlcstRootExtensions' as never))
  add(parser.tokenizeSentencePlugins, processor.data('nlcstSentenceExtensions' as never))
  return parser
}

/** Line endings in a text (`\r\n` is one), counted up to two. */
function lineEndings(text: string): number {
  let count = 0
  for (let index = 0; index < text.length && count < 2; index++) {
    const code = text.charCodeAt(index)
    if (code === 10) count++
    else if (code === 13) {
      count++
      if (text.charCodeAt(index + 1) === 10) index++
    }
  }
  return count
}

/**
 * parse-latin's breakImplicitSentences: a sentence holding white space with
 * two line endings or more (not its first or last child) ends before it;
 * the white space and a new sentence of what follows come after it, and
 * that new sentence is looked at in turn.
 */
function breakImplicitSentences(paragraph: Paragraph): void {
  const siblings = paragraph.children
  for (let index = 0; index < siblings.length; index++) {
    const child = siblings[index]
    if (child.type !== 'SentenceNode') continue
    const children = child.children
    for (let position = 1; position < children.length - 1; position++) {
      const node = children[position]
      if (node.type !== 'WhiteSpaceNode' || lineEndings(node.value) < 2) continue
      child.children = children.slice(0, position)
      const insertion: Sentence = {type: 'SentenceNode', children: children.slice(position + 1)}
      const tail = children[position - 1]
      const head = children[position + 1]
      siblings.splice(index + 1, 0, node, insertion)
      if (child.position && tail.position && head.position) {
        const end = child.position.end
        child.position.end = tail.position.end
        insertion.position = {start: head.position.start, end}
      }
      break
    }
  }
}

/** remark-retext's bridge mode (`.use(remarkRetext, destination)`) with this conversion. */
export function wordTree(this: Processor, destination: Processor): (tree: MdastNodes, file: VFile) => Promise<void> {
  const processor = destination.freeze()
  return async function (tree, file) {
    await processor.run(toWordTree(tree, file, parserFor(processor as unknown as Processor)) as never, file)
  }
}

/** `toNlcst(tree, file, parser)` of mdast-util-to-nlcst, without options. */
export function toWordTree(tree: MdastNodes, file: VFile, parser: ParseLatin): Root {
  if (!pointStart(tree)) throw new Error('mdast-util-to-nlcst expected position on nodes')
  const doc = String(file)
  const state: State = {doc, lines: new Lines(doc), parser}
  return sentenceContentToRoot(state, one(state, tree) ?? [])
}

function sentenceContentToRoot(state: State, nodes: SentenceContent[]): Root {
  if (nodes.length === 0) return {type: 'RootNode', children: []}
  const start = pointStart(nodes[0])
  const end = pointEnd(nodes[nodes.length - 1])
  const placed = start && start.line && end && end.line

  const sentence: Sentence = {type: 'SentenceNode', children: nodes}
  if (placed) sentence.position = {start, end}
  for (const plugin of state.parser.tokenizeSentencePlugins) plugin(sentence)

  const paragraph: Paragraph = {type: 'ParagraphNode', children: splitNode(sentence, 'PunctuationNode', terminalMarker)}
  if (placed) paragraph.position = {start: {...start}, end: {...end}}
  for (const plugin of state.parser.tokenizeParagraphPlugins) plugin(paragraph)

  const root: Root = {type: 'RootNode', children: splitNode(paragraph, 'WhiteSpaceNode', newLine)}
  if (placed) root.position = {start: {...start}, end: {...end}}
  for (const plugin of state.parser.tokenizeRootPlugins) plugin(root)
  return root
}

function one(state: State, node: MdastNodes): SentenceContent[] | undefined {
  if (ignore.has(node.type)) return undefined
  let start = node.position ? node.position.start.offset : undefined
  const end = node.position ? node.position.end.offset : undefined
  let results: SentenceContent[] | undefined
  if (source.has(node.type)) {
    if (start !== undefined && end !== undefined) results = [{type: 'SourceNode', value: state.doc.slice(start, end)}]
  } else if ('children' in node) {
    return all(state, node)
  } else if (node.type === 'image' || node.type === 'imageReference') {
    if (node.alt) return tokens(state, node.alt, typeof start === 'number' ? start + 2 : undefined)
  } else if (node.type === 'break') {
    results = [{type: 'WhiteSpaceNode', value: '\n'}]
  } else if (node.type === 'text') {
    return tokens(state, node.value, start)
  }
  if (results) {
    patch(state, results, start)
    return results
  }
  return undefined
}

function all(state: State, parent: MdastParents): SentenceContent[] {
  const results: SentenceContent[] = []
  let end: Point | undefined
  for (const child of parent.children as MdastNodes[]) {
    const start = pointStart(child)
    if (end && typeof end.line === 'number' && start && start.line !== end.line) {
      const lineEnding: SentenceContent = {type: 'WhiteSpaceNode', value: '\n'.repeat(start.line - end.line)}
      patch(state, [lineEnding], end.offset)
      // Make sure it'll be seen as a break between paragraphs.
      if (lineEnding.value.length < 2) lineEnding.value = '\n\n'
      results.push(lineEnding)
    }
    const result = one(state, child)
    if (result) for (const node of result) results.push(node)
    end = pointEnd(child)
  }
  return results
}

type TokenType = 'WordNode' | 'WhiteSpaceNode' | 'PunctuationNode' | 'SymbolNode'
const tokenTypes: TokenType[] = ['WordNode', 'WhiteSpaceNode', 'PunctuationNode', 'SymbolNode']

/**
 * The class parse-latin's tokeniser gives each UTF-16 code unit (one of
 * `tokenTypes`, plus one; 0 until asked): it tests a character against its
 * white-space, punctuation and word expressions, in that order, one
 * character at a time, so a unit's class is the type of the one node it
 * makes of that unit alone.
 */
const unitClass = new Uint8Array(0x10000)

function classOf(parser: ParseLatin, unit: number): number {
  let known = unitClass[unit]
  if (known === 0) {
    const type = ParseLatin.prototype.tokenize.call(parser, String.fromCharCode(unit))[0].type as TokenType
    known = unitClass[unit] = tokenTypes.indexOf(type) + 1
  }
  return known
}

const word = tokenTypes.indexOf('WordNode') + 1
const whiteSpace = tokenTypes.indexOf('WhiteSpaceNode') + 1
const isSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdfff

/**
 * `parser.tokenize(value)`, then `patch` with `offset`: the same tokens
 * (runs of one class; a word or white space goes on, punctuation and
 * symbols go on with the same character or a surrogate) made with their
 * places in the file at once.
 */
function tokens(state: State, value: string, offset: number | undefined): SentenceContent[] {
  const children: SentenceContent[] = []
  let from = 0
  let previousType = 0
  let previous = -1
  for (let index = 0; index < value.length; index++) {
    const current = value.charCodeAt(index)
    const currentType = classOf(state.parser, current)
    if (from < index && previousType !== 0 && !(previousType === currentType && (previousType === word || previousType === whiteSpace || current === previous || isSurrogate(current)))) {
      children.push(token(state, previousType, value.slice(from, index), offset === undefined ? undefined : offset + from))
      from = index
    }
    previousType = currentType
    previous = current
  }
  if (previousType !== 0 && from < value.length) children.push(token(state, previousType, value.slice(from), offset === undefined ? undefined : offset + from))
  return children
}

function token(state: State, type: number, value: string, start: number | undefined): SentenceContent {
  const end = start === undefined ? undefined : start + value.length
  const from = state.lines.point(start)
  const to = state.lines.point(end)
  // A word and its text share their points (nothing changes a point in place; parse-latin's plugins move whole points between nodes).
  const placed = from !== undefined && to !== undefined
  if (type === word) return {type: 'WordNode', children: [{type: 'TextNode', value, position: placed ? {start: from, end: to} : undefined}], position: placed ? {start: from, end: to} : undefined}
  return {type: tokenTypes[type - 1] as 'SymbolNode', value, position: placed ? {start: from, end: to} : undefined}
}

/** Give each node of a run of content (a source, a line break, the white space between blocks) its position, the run starting at `offset` in the file. */
function patch(state: State, nodes: SentenceContent[], offset: number | undefined): void {
  let start = offset
  for (const node of nodes) {
    const end = start === undefined ? undefined : start + (node as {value: string}).value.length
    const from = state.lines.point(start)
    const to = state.lines.point(end)
    node.position = from && to ? {start: from, end: to} : undefined
    start = end
  }
}

/** Split a node into several, after each child of `childType` whose text matches `expression` (as mdast-util-to-nlcst). */
function splitNode<T extends Sentence | Paragraph>(node: T, childType: string, expression: RegExp): T[] {
  const result: T[] = []
  let start = 0
  const children = node.children as RootContent[]
  for (let index = 0; index < children.length; index++) {
    const token = children[index]
    if (index === children.length - 1 || (token.type === childType && expression.test(toString(token)))) {
      const parent = {type: node.type, children: children.slice(start, index + 1)} as T
      const first = children[start]
      if (first.position && token.position) parent.position = {start: first.position.start, end: token.position.end}
      result.push(parent)
      start = index + 1
    }
  }
  return result
}
