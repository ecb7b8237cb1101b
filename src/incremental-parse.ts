/**
 * Incremental parsing for the language server. An editor sends the whole
 * document after every keystroke; most of it is what the server parsed a
 * moment ago. This parser keeps the last Markdown tree of each document and,
 * on the next version, parses again only the top-level blocks the edit
 * touched (with one unchanged block on each side, so an edit that joins or
 * splits blocks is seen), and shifts the positions of the blocks after it.
 * The tree is the one a full parse gives (tests/incremental-parse.test.ts
 * checks it over random edit sequences).
 *
 * Markdown is block-local except for a few constructs:
 * - definitions (`[id]: url`, `[^1]: note`): whether `[x][id]` or `[^1]` is
 *   a link or a footnote call depends on a definition anywhere in the file.
 *   The re-parsed region is parsed with a stub definition for every label
 *   defined outside it (a reference keeps only the label, never what the
 *   definition says), and when the edit adds or removes a definition the
 *   document is parsed whole;
 * - fenced code and the HTML blocks that may run past a blank line
 *   (`<script>`, `<pre>`, `<?…?>`, an HTML comment left open over a blank
 *   line): a document with any of them is parsed whole;
 * - front matter is read only at the start of the document, so a re-parsed
 *   region that does not start there must not start with a `---` or `+++`
 *   line.
 * As a last check, the unchanged block after the edit must come out of the
 * re-parse the same (type and length); otherwise the document is parsed whole.
 */

import type {Root, RootContent} from 'mdast'
import type {Node, Point} from 'unist'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {movedCopy} from './moved-point.js'

type Parse = (doc: string, file: VFile) => Root

interface Previous {
  doc: string
  /** Never handed out: every parse returns fresh nodes, since later plugins may change the tree. */
  tree: Root
}

/** Documents remembered (an editor has a handful open); the least recently parsed goes first. */
const capacity = 16
const previous = new Map<string, Previous>()
const stats = {full: 0, partial: 0}

/** How many parses were full and how many partial (for tests and the server's stats). */
export function incrementalParseStats(): {full: number; partial: number; documents: number} {
  return {...stats, documents: previous.size}
}

const wholeOnly = /^ {0,3}(?:`{3,}|~{3,})|^ {0,3}<(?:script|pre|style|textarea|\?|![a-zA-Z]|!\[CDATA\[)/im
/** An HTML comment that is still open after a blank line, or never closed. */
const openComment = /<!--(?:(?!-->)[\s\S])*?(?:\n[ \t]*\n|$(?![\s\S]))/
const frontMatterStart = /^(?:---|\+\+\+)[ \t]*(?:\r?\n|$)/

/** Wraps the Markdown parser (put it right after the syntax extensions, before any other parser wrapper). */
export function incrementalParse(this: Processor): void {
  const parse = this.parser as unknown as Parse | undefined
  if (!parse) throw new Error('incrementalParse must come after remark-parse')
  this.parser = function (doc: string, file: VFile) {
    // Plain text is parsed line by line (text-lines.ts): nothing to gain, and its lines are not documents.
    const key = file.path && !/\.txt$/i.test(file.path) ? file.path : undefined
    const known = key ? previous.get(key) : undefined
    const partial = known && !wholeOnly.test(doc) && !openComment.test(doc) ? reparse(known, doc, file, parse) : undefined
    if (partial) stats.partial++
    else stats.full++
    const tree = partial?.tree ?? parse(doc, file)
    if (key) {
      previous.delete(key)
      previous.set(key, {doc, tree: partial?.kept ?? movedCopy(tree)})
      if (previous.size > capacity) previous.delete(previous.keys().next().value!)
    }
    return tree
  } as typeof this.parser
}

/** Forget a document (closed in the editor). */
export function forgetParse(path: string): void {
  previous.delete(path)
}

/** The tree to hand out, and the one to remember (which shares the unchanged blocks before the edit with the last one remembered). */
function reparse(known: Previous, doc: string, file: VFile, parse: Parse): {tree: Root; kept: Root} | undefined {
  const old = known.doc
  const children = known.tree.children
  if (children.length === 0) return undefined
  if (old === doc) return {tree: movedCopy(known.tree), kept: known.tree}
  // The edit: what lies between the common prefix and the common suffix.
  let prefix = 0
  const shorter = Math.min(old.length, doc.length)
  while (prefix < shorter && old.charCodeAt(prefix) === doc.charCodeAt(prefix)) prefix++
  let suffix = 0
  while (suffix < shorter - prefix && old.charCodeAt(old.length - 1 - suffix) === doc.charCodeAt(doc.length - 1 - suffix)) suffix++
  const editEnd = old.length - suffix

  // The blocks it touches, and one unchanged block on each side.
  let first = children.findIndex((node) => node.position!.end.offset! >= prefix)
  if (first === -1) first = children.length - 1
  let last = first
  while (last + 1 < children.length && children[last + 1].position!.start.offset! <= editEnd) last++
  first = Math.max(0, first - 1)
  last = Math.min(children.length - 1, last + 1)
  if (first === 0 && last === children.length - 1) return undefined

  const start = first === 0 ? 0 : lineStart(children[first].position!.start)
  const oldEnd = last === children.length - 1 ? old.length : children[last].position!.end.offset!
  const delta = doc.length - old.length
  const end = oldEnd + delta
  if (start > prefix || end < start || oldEnd < editEnd) return undefined
  const slice = doc.slice(start, end)
  if (start > 0 && frontMatterStart.test(slice)) return undefined
  // An HTML comment opened in the slice but not closed there would run on.
  if (slice.split('<!--').length !== slice.split('-->').length) return undefined

  const startLine = first === 0 ? 1 : children[first].position!.start.line
  // Definitions outside the region still make its references links and footnote calls.
  const outside = new Set<string>()
  const inside = new Set<string>()
  for (const node of children) collectDefinitions(node, node.position!.start.offset! >= start && node.position!.end.offset! <= oldEnd ? inside : outside)
  const stubs = [...outside].filter((label) => !inside.has(label))
  const parsedAll = parse(stubs.length > 0 ? `${slice}\n\n${stubs.map((label) => `[${label}]: #`).join('\n')}\n` : slice, file).children
  const parsed = parsedAll.filter((node) => node.position!.start.offset! < slice.length)
  if (parsed.length === 0 || parsed.some((node) => node.position!.end.offset! > slice.length)) return undefined
  // An edit that adds or removes a definition changes references anywhere.
  const again = new Set<string>()
  for (const node of parsed) collectDefinitions(node, again)
  if (again.size !== inside.size || [...again].some((label) => !inside.has(label))) return undefined
  // The unchanged block after the edit must come out the same.
  if (last < children.length - 1) {
    const kept = children[last]
    const again = parsed[parsed.length - 1]
    if (again.type !== kept.type || slice.length - again.position!.start.offset! !== oldEnd - kept.position!.start.offset!) return undefined
  }
  if (first > 0) {
    const kept = children[first]
    const again = parsed[0]
    if (again.type !== kept.type || again.position!.end.offset! !== kept.position!.end.offset! - start) return undefined
  }
  const moved = parsed.map((node) => movedCopy(node, startLine - 1, start))

  const lineDelta = newlines(slice) - newlines(old.slice(start, oldEnd))
  const after = children.slice(last + 1).map((node) => movedCopy(node, lineDelta, delta))
  const before = children.slice(0, first)
  const position = {start: {line: 1, column: 1, offset: 0}, end: endPoint(doc)}
  // Every node handed out is a fresh copy, since later plugins may change the tree.
  const kept: Root = {type: 'root', children: [...before, ...moved, ...after] as RootContent[], position}
  return {tree: {type: 'root', children: [...before, ...moved, ...after].map((node) => movedCopy(node)) as RootContent[], position: {start: {...position.start}, end: {...position.end}}}, kept}
}

/** The labels of the definitions and footnote definitions in a node, as written (`^1` for a footnote). */
export function collectDefinitions(node: Node, into: Set<string>): void {
  if (node.type === 'definition') into.add((node as unknown as {label: string}).label)
  else if (node.type === 'footnoteDefinition') into.add(`^${(node as unknown as {label: string}).label}`)
  const children = (node as {children?: Node[]}).children
  if (children) for (const child of children) collectDefinitions(child, into)
}

function lineStart(point: Point): number {
  return point.offset! - (point.column - 1)
}

function newlines(text: string): number {
  let count = 0
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++
  return count
}

function endPoint(doc: string): Point {
  const lastBreak = doc.lastIndexOf('\n')
  return {line: newlines(doc) + 1, column: doc.length - lastBreak, offset: doc.length}
}
