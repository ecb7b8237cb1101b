/**
 * The natural-language tree, block by block, for the language server. What
 * remark-retext does for a whole document (mdast-util-to-nlcst over every
 * text node, then parse-latin's plugins) is done here for each top-level
 * block on its own, with the block's result cached by its source text: after
 * an edit only the blocks whose text changed are tokenised again; the others
 * are copied from the cache and shifted to where they now stand. The blocks'
 * paragraphs are joined with the line-ending white space remark-retext puts
 * between them, so the tree is the one a whole-document conversion gives
 * (tests/incremental-parse.test.ts compares them after random edits).
 *
 * Blocks whose sentences parse-latin would merge across the blank line are
 * converted together (see `blockwiseNlcst`).
 */

import type {Root, RootContent} from 'mdast'
import {toString as mdastToString} from 'mdast-util-to-string'
import type {Root as NlcstRoot, RootContent as NlcstContent} from 'nlcst'
import type {ParseLatin} from 'parse-latin'
import type {Processor} from 'unified'
import type {Point} from 'unist'
import {location} from 'vfile-location'
import type {VFile} from 'vfile'
import {collectDefinitions} from './incremental-parse.js'
import {movedCopy} from './moved-point.js'
import {parserFor, toWordTree} from './word-tree.js'

interface Entry {
  nodes: NlcstContent[]
  line: number
  offset: number
}

/** Blocks remembered: a few documents' worth; the least recently used goes first. */
const capacity = 4000
const cache = new Map<string, Entry>()
const stats = {tokenised: 0, reused: 0, whole: 0}

export function incrementalWordsStats(): {tokenised: number; reused: number; whole: number; blocks: number} {
  return {...stats, blocks: cache.size}
}

/** Like remark-retext's bridge mode (`.use(remarkRetext, destination)`), block by block. */
export function incrementalRetext(this: Processor, destination: Processor): (tree: Root, file: VFile) => Promise<void> {
  const processor = destination.freeze()
  return async function (tree, file) {
    const nlcst = blockwiseNlcst(tree, file, parserFor(processor as unknown as Processor))
    await processor.run(nlcst as never, file)
  }
}

/**
 * The whole document's natural-language tree, from cached groups of blocks
 * where their text is unchanged. remark-retext tokenises a document as one
 * run of text, and parse-latin merges a sentence into the one before it when
 * it starts with a lower-case letter, a digit, a comma or a closing mark, or
 * when the one before ends in an abbreviation ("etc.") — across a blank line
 * too. So blocks are grouped: a block joins the one before it unless it
 * starts with a capital letter after a block that ends in a plain word; a
 * node with no words (raw HTML, a thematic break, a table) joins both its
 * neighbours. Each group is converted as remark-retext converts it.
 */
export function blockwiseNlcst(tree: Root, file: VFile, parser: ParseLatin): NlcstRoot {
  const doc = String(file)
  const children = tree.children
  if (children.length === 0 || children.some((child) => !child.position)) return whole(tree, file, parser)
  // What a reference is depends on the definitions: a block's words are cached per set of them.
  const definitions = definitionLabels(tree)
  const groups: RootContent[][] = []
  // Each block's text, read once: grouping looks at both ends of it.
  const texts = children.map((child) => mdastToString(child))
  for (let index = 0; index < children.length; index++) {
    const group = groups[groups.length - 1]
    const child = children[index]
    if (group && (!wordy(children[index - 1], texts[index - 1]) || !wordy(child, texts[index]) || !separate(texts[index - 1], texts[index]))) group.push(child)
    else groups.push([child])
  }
  const place = location(file)
  const out: NlcstContent[] = []
  let end: Point | undefined
  for (const group of groups) {
    const start = group[0].position!.start
    if (end && start.line !== end.line) {
      const lines = start.line - end.line
      out.push({type: 'WhiteSpaceNode', value: '\n'.repeat(Math.max(2, lines)), position: {start: place.toPoint(end.offset!)!, end: place.toPoint(end.offset! + lines)!}})
    }
    const nodes = groupNodes(group, doc, file, parser, definitions)
    if (nodes.length === 0) return whole(tree, file, parser)
    out.push(...nodes)
    end = group[group.length - 1].position!.end
  }
  return {type: 'RootNode', children: out, position: {start: {...out[0].position!.start}, end: {...out[out.length - 1].position!.end}}}
}

function whole(tree: Root, file: VFile, parser: ParseLatin): NlcstRoot {
  stats.whole++
  return toWordTree(tree, file, parser)
}

/**
 * A node that gives words and nothing that gives none: one with children
 * (a table's cells are skipped by remark-retext) and no HTML in it (an inline
 * comment gives no words, and parse-latin then places the white space around
 * it in ways a block-wise join does not copy).
 */
function wordy(node: RootContent, text: string): boolean {
  return 'children' in node && node.type !== 'table' && !holdsHtml(node) && text.trim() !== ''
}

function holdsHtml(node: {type: string; children?: unknown[]}): boolean {
  return node.type === 'html' || (node.children ?? []).some((child) => holdsHtml(child as typeof node))
}

// parse-latin's abbreviations after which a full stop does not end a sentence (merge-prefix-exceptions).
const abbreviation = /(?:^|[^\p{L}\d])(?:\d{1,3}|\p{L}|al|ca|cap|cca|cent|cf|cit|con|cp|cwt|ead|etc|ff|fl|ibid|id|nem|op|pro|seq|sic|stat|tem|viz)\.$/iu

/** Whether parse-latin keeps the last sentence of a block whose text is `end` and the first of the next, whose text is `start`, apart. */
function separate(end: string, start: string): boolean {
  // White space at a block's edge (a line ending before a footnote call) stays in the sentence in a whole conversion.
  // Both patterns read at most the last six characters; a regular expression anchored at the end still scans from the start, so it is given only the tail.
  const tail = end.length > 16 ? end.slice(-16) : end
  return /^\p{Lu}/u.test(start) && /(?:\p{L}[.!?…]?|(?:\p{L}|\d{4,}|[)\]"”’])[.!?…])$/u.test(tail) && !abbreviation.test(tail)
}

function groupNodes(group: RootContent[], doc: string, file: VFile, parser: ParseLatin, definitions: string): NlcstContent[] {
  const start = group[0].position!.start
  const end = group[group.length - 1].position!.end
  const key = `${group.map((node) => node.type).join(' ')}\u0000${start.column}\u0000${definitions}\u0000${doc.slice(start.offset, end.offset)}`
  const cached = cache.get(key)
  if (cached) {
    cache.delete(key)
    cache.set(key, cached)
    stats.reused++
    // The entry moves with its text: the copy made for this edit is the one kept.
    const lines = start.line - cached.line
    const offset = start.offset! - cached.offset
    if (lines !== 0 || offset !== 0) {
      cached.nodes = cached.nodes.map((node) => movedCopy(node, lines, offset))
      cached.line = start.line
      cached.offset = start.offset!
    }
    return cached.nodes.map(containers)
  }
  stats.tokenised++
  const nodes = toWordTree({type: 'root', children: group, position: {start, end}}, file, parser).children
  cache.set(key, {nodes, line: start.line, offset: start.offset!})
  if (cache.size > capacity) cache.delete(cache.keys().next().value!)
  return nodes.map(containers)
}

/**
 * What is handed out of the cache: fresh paragraph and sentence nodes around
 * the cached words, punctuation and white space, which are shared. Later
 * steps change only those two kinds of node (retext's sentence joins splice a
 * paragraph's sentences and add to a sentence's children; the model builder
 * trims a sentence's white space and gives it a new position), never what is
 * in a sentence; copying only them spares an edit a copy of every word.
 */
function containers(node: NlcstContent): NlcstContent {
  if (node.type !== 'ParagraphNode' && node.type !== 'SentenceNode') return node
  const copy = {...node, children: node.children.map(containers)} as typeof node
  if (node.position) copy.position = {start: {...node.position.start}, end: {...node.position.end}}
  return copy
}

function definitionLabels(tree: Root): string {
  const labels = new Set<string>()
  collectDefinitions(tree, labels)
  return [...labels].sort().join('\u0001')
}
