/**
 * mdast to nlcst, as `mdast-util-to-nlcst` (7.0) converts it and
 * remark-retext's bridge mode runs it, with one step done differently:
 * giving every word, punctuation mark and white space its place in the file.
 *
 * The library tokenises each text node with parse-latin, whose tokens carry
 * points relative to that text, then walks the tokens again and gives each
 * a new position object with two new points (from a binary search over the
 * lines) and reads each one's text again (`nlcst-to-string`, an array and a
 * join per word) to know where it ends. That walk was a twentieth of a
 * class run's CPU and a twelfth of what it allocated. Here it writes the
 * file's line, column and offset into the points the tokeniser made (no
 * two tokens share one, and a word shares its start only with its own
 * text), knows where a token ends from the lengths of its values, and
 * finds lines with a cursor that moves forward through the file. The tree
 * is the library's, node for node and point for point: the word tree of
 * the language server (`src/incremental-words.ts`) is compared with
 * remark-retext's after random edits, and the CLI's findings with those of
 * remark-retext's tree.
 */

import type {Nodes as MdastNodes, Parents as MdastParents} from 'mdast'
import type {Paragraph, Root, RootContent, Sentence, SentenceContent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {ParseLatin} from 'parse-latin'
import type {Processor} from 'unified'
import type {Point, Position} from 'unist'
import {pointEnd, pointStart} from 'unist-util-position'
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

  /** The point at `offset`, written into `into` when there is one to reuse; undefined outside the document. */
  point(offset: number | undefined, into: Point | undefined): Point | undefined {
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
    const column = offset - (line > 0 ? ends[line - 1] : 0) + 1
    if (!into) return {line: line + 1, column, offset}
    into.line = line + 1
    into.column = column
    into.offset = offset
    return into
  }
}

/** The parser remark-retext uses in bridge mode: parse-latin with the destination's extensions. */
export function parserFor(processor: Processor): ParseLatin {
  const parser = new ParseLatin()
  const add = (list: unknown[], values: unknown) => {
    if (Array.isArray(values)) list.unshift(...values)
  }
  add(parser.tokenizeParagraphPlugins, processor.data('nlcstParagraphExtensions' as never))
  add(parser.tokenizeRootPlugins, processor.data('nlcstRootExtensions' as never))
  add(parser.tokenizeSentencePlugins, processor.data('nlcstSentenceExtensions' as never))
  return parser
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
    if (node.alt) {
      results = state.parser.tokenize(node.alt)
      if (typeof start === 'number') start += 2
    }
  } else if (node.type === 'break') {
    results = [{type: 'WhiteSpaceNode', value: '\n'}]
  } else if (node.type === 'text') {
    results = state.parser.tokenize(node.value)
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

/**
 * Give each node of a run of content, which starts at `offset` in the file,
 * its position there; returns the offset where the run ends. A node's text
 * is as long as its value or its children's together.
 */
function patch(state: State, nodes: Array<RootContent | SentenceContent | {type: string; value?: string; children?: unknown[]; position?: Position}>, offset: number | undefined): number | undefined {
  let start = offset
  for (const node of nodes as Array<{value?: string; children?: typeof nodes; position?: Position}>) {
    const end = node.children ? patch(state, node.children, start) : start === undefined ? undefined : start + node.value!.length
    const position = node.position
    const startPoint = state.lines.point(start, position?.start)
    const endPoint = state.lines.point(end, position?.end)
    if (startPoint && endPoint) {
      if (position) {
        position.start = startPoint
        position.end = endPoint
      } else node.position = {start: startPoint, end: endPoint}
    } else node.position = undefined
    start = end
  }
  return start
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
