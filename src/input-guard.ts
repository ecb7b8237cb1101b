/**
 * Refuses input that is not an essay before any work is done on it: binary
 * files, invalid UTF-8, empty files and files over the size limit. Each gets
 * one plain sentence (a fatal message without a rule id, which the CLI
 * reports as an input error with exit code 2). UTF-16 files with a byte-order
 * mark are decoded, and a UTF-8 byte-order mark is dropped, so positions are
 * counted in the text the student sees.
 *
 * It also bounds the work on hostile Markdown. The parser and the libraries
 * after it are recursive, and parts of the Markdown parser take quadratic
 * time in some markup, so shapes that no essay has are refused with a
 * plain sentence instead of a crash or minutes of work:
 * - lists or quotes nested more than 100 levels deep (checked on the raw
 *   lines before parsing, and on the tree after it);
 * - a paragraph with more than 1,000 emphasis or link markers, or more
 *   than 2,000 lines;
 * - one block (a paragraph, list or quote without a blank line) too long for
 *   the sentence parser.
 *
 * Last, it lines the text of the tree up with the file (`alignText`), so the
 * sentence parser places every word where the file has it.
 */

import iconv from 'iconv-lite'
import type {Nodes, Root} from 'mdast'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'

export interface InputGuardOptions {
  /** Largest essay read, in bytes (default 2 MB). */
  maxBytes?: number
  /**
   * How to get the file's bytes when the value arrived already decoded (the
   * engine reads files as UTF-8, which hides invalid bytes and UTF-16). Shells
   * that read from disk pass this; the core itself never touches the disk.
   */
  rawBytes?: (file: VFile) => Uint8Array | undefined
}

export const defaultMaxBytes = 2 * 1024 * 1024

/** Lists and quotes inside each other: a real essay rarely goes past 4. */
export const maxNesting = 100
/** Emphasis and link markers (`*`, `_`, `~`, `[`, `]`) in one paragraph: parsing them takes quadratic time. */
export const maxMarkers = 1000
/** Lines in one block without a blank line: the Markdown parser takes quadratic time in them. */
export const maxBlockLines = 2000
/**
 * Words, spaces and marks in one top-level block. The sentence parser
 * (mdast-util-to-nlcst) overflows the stack somewhere above 120,000.
 */
export const maxBlockTokens = 80_000
/**
 * Blocks in the whole file: paragraphs, headings, list items and quotes.
 * micromark takes quadratic time in consecutive block quotes and the sentence
 * parser in consecutive headings (20,000 of either took minutes); an essay of
 * 20,000 words has about 150 blocks.
 */
export const maxBlocks = 3000
/** Depth of the syntax tree: a nesting level adds at most two (a list and its item). */
const maxTreeDepth = 2 * maxNesting + 50

const formatSize = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`
const tooLarge = (bytes: number, maxBytes: number) => {
  // Just over the limit, rounding would say "2.0 MB, up to 2.0 MB": give the bytes.
  const [size, limit] = formatSize(bytes) === formatSize(maxBytes) ? [bytes, maxBytes].map((n) => `${n.toLocaleString('en')} bytes`) : [formatSize(bytes), formatSize(maxBytes)]
  return `file is too large (${size}); essaylint reads essays up to ${limit}`
}
const tooDeep = (line: number | undefined) =>
  `${line ? `line ${line}: ` : ''}the Markdown is nested more than ${maxNesting} levels deep (lists, quotes or emphasis inside each other); essaylint does not read structures this deep`
const tooLong = (line: number | undefined, detail: string) =>
  `${line ? `line ${line}: ` : ''}a paragraph, list or quote of ${detail} without a blank line is too long to analyse; separate the paragraphs with blank lines`

/** Bytes the text takes in UTF-8, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      bytes += 4
      index++
    } else bytes += 3 // the rest of the BMP, and a lone surrogate (written as U+FFFD)
  }
  return bytes
}

/** Decode and check the file's bytes; returns the problem, or undefined. */
export function checkInput(file: VFile, maxBytes: number): string | undefined {
  let value = file.value
  if (typeof value !== 'string') {
    const bytes = value
    if (bytes.length > maxBytes) return tooLarge(bytes.length, maxBytes)
    if (bytes[0] === 0xff && bytes[1] === 0xfe) value = new TextDecoder('utf-16le').decode(bytes)
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) value = new TextDecoder('utf-16be').decode(bytes)
    else {
      const head = bytes.subarray(0, 8192)
      if (head.includes(0)) {
        return looksLikeUtf16(head)
          ? 'file looks like UTF-16 text without a byte-order mark; save it as UTF-8 and run essaylint again'
          : 'binary file, not an essay (expected Markdown or plain text)'
      }
      try {
        value = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
      } catch {
        // Notepad and Word on Windows save plain text as "ANSI" (Windows-1252,
        // a superset of Latin-1's letters). Node's own 'windows-1252' decoder
        // reads it as Latin-1 (curly quotes become control characters), so
        // iconv-lite decodes it.
        if (file.extname?.toLowerCase() !== '.txt') return 'file is not valid UTF-8 text; save it as UTF-8 and run essaylint again'
        value = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), 'windows-1252')
        file.data.note = 'not UTF-8: read as Windows-1252 (Western European, what Windows calls "ANSI"); if letters look wrong, save it as UTF-8'
      }
    }
  } else if (value.length * 3 > maxBytes) {
    // A UTF-16 code unit takes one to three bytes in UTF-8: count only when it can matter.
    const bytes = utf8Length(value)
    if (bytes > maxBytes) return tooLarge(bytes, maxBytes)
  }
  // A byte-order mark is not part of the essay: without it, line 1 column 1
  // is the first character the student sees (the parser skips it too).
  if (value.charCodeAt(0) === 0xfeff) value = value.slice(1)
  file.value = value
  if (value.includes('\0')) return 'binary file, not an essay (expected Markdown or plain text)'
  if (value.trim() === '') return 'file is empty: there is no essay to check'
  return checkShape(value)
}

/** Text in UTF-16 has a zero in one byte of most pairs (Latin script) and almost never in the other. */
function looksLikeUtf16(head: Uint8Array): boolean {
  const zeros = [0, 0]
  for (let index = 0; index < head.length; index++) if (head[index] === 0) zeros[index % 2]++
  const pairs = Math.floor(head.length / 2)
  const [many, few] = zeros[0] > zeros[1] ? [zeros[0], zeros[1]] : [zeros[1], zeros[0]]
  return pairs >= 8 && many >= pairs * 0.5 && few <= pairs * 0.02
}

/** The start of a footnote definition (`[^1]: …`) or a link reference definition (`[label]: …`). */
const definition = /^\[\^?[^\]]{1,999}\]:/

const space = 0x20
const tab = 0x09

/**
 * One pass over the lines, before parsing: nesting of lists and quotes (the
 * container markers and indentation at the start of each line bound it), and
 * emphasis and link markers per paragraph (outside fenced code).
 */
export function checkShape(text: string): string | undefined {
  let line = 0
  let markers = 0
  let lines = 0
  let blocks = 0
  const count = {tokens: 0}
  let paragraphLine = 1
  let paragraphStart = 0
  let fence: string | undefined
  let start = 0
  while (start <= text.length) {
    line++
    let end = start
    while (end < text.length) {
      const code = text.charCodeAt(end)
      if (code === 10 || code === 13) break
      end++
    }
    // Container prefix: indentation (two columns can open a nested list) and markers.
    let index = start
    let columns = 0
    let levels = 0
    // The spaces right after a list marker belong to its item's content, not to a deeper level.
    let afterItem = false
    for (;;) {
      const code = index < end ? text.charCodeAt(index) : -1
      if (code === space || code === tab) {
        if (!afterItem) columns += code === tab ? 4 - (columns % 4) : 1
        index++
        continue
      }
      afterItem = false
      if (code === 0x3e /* > */) levels++, index++
      else if ((code === 0x2d || code === 0x2a || code === 0x2b) && isGap(text, index + 1, end)) levels++, index++, (afterItem = true)
      else if (code >= 0x30 && code <= 0x39) {
        let digits = index
        while (digits < end && digits - index < 9 && text.charCodeAt(digits) >= 0x30 && text.charCodeAt(digits) <= 0x39) digits++
        const mark = text.charCodeAt(digits)
        if (digits < end && (mark === 0x2e || mark === 0x29) && isGap(text, digits + 1, end)) levels++, (index = digits + 1), (afterItem = true)
        else break
      } else break
    }
    // Indentation opens a level only under a marker (a list item); spaces alone do not.
    if (levels > 0 && levels + Math.ceil(columns / 2) > maxNesting) return tooDeep(line)

    const content = text.slice(index, end)
    const fenceMark = /^(`{3,}|~{3,})/.exec(content)
    if (fence) {
      if (fenceMark && fenceMark[1][0] === fence[0] && fenceMark[1].length >= fence.length) fence = undefined
    } else if (fenceMark || content.trim() === '') {
      if (fenceMark) fence = fenceMark[1]
      markers = 0
      lines = 0
      count.tokens = 0
      paragraphLine = line + 1
    } else {
      if (lines === 0) paragraphStart = start
      const heading = /^#{1,6}(?:[ \t]|$)/.test(content)
      // Markers cost time within one run of inline content: a list item, a
      // heading, a footnote or link reference definition each start their
      // own, so a reference list of hundreds of short entries is not one
      // dense paragraph (501 footnote definitions were refused).
      if (levels > 0 || heading || definition.test(content)) markers = 0
      // A block starts after a blank line, and at every list item, quote and heading.
      if ((lines === 0 || levels > 0 || heading) && ++blocks > maxBlocks) {
        return `line ${line}: more than ${maxBlocks.toLocaleString('en')} paragraphs, headings, list items and quotes: far more than an essay has, too many to analyse`
      }
      if (++lines > maxBlockLines) return tooLong(paragraphLine, `more than ${maxBlockLines.toLocaleString('en')} lines`)
      // Far too many words for the sentence parser (the tree check below is
      // exact; this one spares parsing a megabyte-long paragraph first). A
      // character is at most one token: short paragraphs need no count.
      if (end - paragraphStart > 2 * maxBlockTokens) countTokens(content, count)
      if (count.tokens > 2 * maxBlockTokens) {
        const rest = text.slice(end).search(/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n|$)/)
        const blockEnd = rest === -1 ? text.length : end + rest
        return tooLong(paragraphLine, `${(blockEnd - paragraphStart).toLocaleString('en')} characters`)
      }
      let previous = 0
      for (let at = start; at < end; at++) {
        const code = text.charCodeAt(at)
        const emphasis = code === 0x2a || code === 0x5f || code === 0x7e // * _ ~
        // A run of one emphasis character is one marker; every bracket is one.
        if ((emphasis && code !== previous) || code === 0x5b || code === 0x5d) markers++
        previous = emphasis ? code : 0
      }
      if (markers > maxMarkers) {
        return `line ${paragraphLine}: a paragraph with more than ${maxMarkers.toLocaleString('en')} Markdown markers (*, _, ~, [ or ]); essaylint does not read markup this dense`
      }
    }
    // A CR LF pair is one line ending.
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1)
  }
  return undefined
}

function isGap(text: string, index: number, end: number): boolean {
  if (index >= end) return true
  const code = text.charCodeAt(index)
  return code === space || code === tab
}

/**
 * After parsing: the depth of the tree (inline nesting counts too) and the
 * size of each top-level block as the sentence parser will see it.
 */
export function checkTree(tree: Root): string | undefined {
  for (const block of tree.children) {
    const count = {tokens: 0}
    // Every token is at least one character of the block: a block shorter
    // than the limit needs no count (the depth is still checked).
    const span = (block.position?.end.offset ?? Infinity) - (block.position?.start.offset ?? 0)
    const counting = !(span <= maxBlockTokens)
    const stack: Array<{node: Nodes; depth: number}> = [{node: block, depth: 2}]
    while (stack.length > 0) {
      const {node, depth} = stack.pop()!
      if (depth > maxTreeDepth) return tooDeep(node.position?.start.line)
      if (counting) {
        if (node.type === 'text') countTokens(node.value, count)
        else if (node.type === 'image' || node.type === 'imageReference') countTokens(node.alt ?? '', count)
        else if (node.type === 'inlineCode' || node.type === 'break') count.tokens++
      }
      // Tables are left out of the sentence tree.
      if ('children' in node && node.type !== 'table') {
        for (const child of node.children) stack.push({node: child as Nodes, depth: depth + 1})
      }
    }
    if (count.tokens > maxBlockTokens) {
      const {start, end} = block.position ?? {}
      const size = start?.offset !== undefined && end?.offset !== undefined ? `${(end.offset - start.offset).toLocaleString('en')} characters` : 'this size'
      return tooLong(start?.line, size)
    }
  }
  return undefined
}

const wordCharacter = /[\p{L}\p{N}\p{M}]/u

/**
 * Count words, runs of white space, and every other character (each half of
 * a surrogate pair too): at least as many tokens as the sentence parser makes.
 */
function countTokens(text: string, count: {tokens: number}): void {
  let previous = 0 // 1 word, 2 space, 3 other
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    const kind =
      (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0x80 && wordCharacter.test(text[index]))
        ? 1
        : code === space || code === tab || code === 10 || code === 13
          ? 2
          : 3
    if (kind === 3 || kind !== previous) count.tokens++
    previous = kind
  }
}

/**
 * Make each text node's value exactly as long as its place in the file. The
 * Markdown parser drops what is markup inside a paragraph — the `>` and the
 * indentation that continue a quote or a list item on the next line, a space
 * at the end of a line, the backslash of an escape — and decodes character
 * references; the sentence parser then counts positions through the value as
 * if it were the file, so every word after such a spot was placed too early
 * (one column per dropped character, for the rest of the paragraph). Here the
 * dropped characters come back as white space (a reference keeps its decoded
 * character, then spaces), which changes no word and puts every word where it
 * is in the file. A value that cannot be lined up is left as it was.
 */
export function alignText(tree: Root, source: string): void {
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'text') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined) continue
      const raw = source.slice(start, end)
      if (raw !== node.value) node.value = lineUp(node.value, raw) ?? node.value
    } else if ('children' in node) {
      for (const child of node.children) stack.push(child as Nodes)
    }
  }
}

const characterReference = /&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/y

function lineUp(value: string, raw: string): string | undefined {
  const out: string[] = []
  let at = 0
  for (let index = 0; index < raw.length; ) {
    const char = raw[index]
    if (at < value.length && char === value[at]) {
      out.push(char)
      index++
      at++
      continue
    }
    if (char === '&' && at < value.length) {
      characterReference.lastIndex = index
      if (characterReference.test(raw)) {
        const length = characterReference.lastIndex - index
        const width = (value.codePointAt(at) ?? 0) > 0xffff ? 2 : 1
        if (width <= length) {
          out.push(value.slice(at, at + width), ' '.repeat(length - width))
          index += length
          at += width
          continue
        }
      }
    }
    // Markup the value leaves out: kept if it is white space on the line, else a space.
    out.push(char === ' ' || char === '\t' ? char : ' ')
    index++
  }
  return at === value.length ? out.join('') : undefined
}

/** Wraps the parser so that the checks run on the raw bytes first. */
export const inputGuard: Plugin<[InputGuardOptions?], Root> = function (options) {
  const maxBytes = options?.maxBytes ?? defaultMaxBytes
  const rawBytes = options?.rawBytes
  const parse = this.parser
  if (!parse) throw new Error('inputGuard must come after remark-parse')
  this.parser = function (_doc, file) {
    // A replacement character or a NUL means decoding lost information:
    // look at the real bytes to tell binary, UTF-16 and broken UTF-8 apart.
    if (rawBytes && typeof file.value === 'string' && /[\uFFFD\0]/.test(file.value)) {
      const bytes = rawBytes(file)
      // Only if they are the bytes that were read: text piped in under the
      // name of a file on disk, or a file changed since, keeps its own text.
      if (bytes && new TextDecoder('utf-8', {ignoreBOM: true}).decode(bytes) === file.value) file.value = bytes
    }
    const problem = checkInput(file, maxBytes)
    if (problem) file.fail(problem, {source: 'essaylint'})
    let tree: Root
    try {
      tree = parse(String(file.value), file) as Root
    } catch (error) {
      // The parser's own recursion: the shape checks above keep essays far from it.
      if (error instanceof RangeError) file.fail(tooDeep(undefined), {source: 'essaylint'})
      throw error
    }
    alignText(tree, String(file.value))
    const shape = checkTree(tree)
    if (shape) file.fail(shape, {source: 'essaylint'})
    return tree
  }
}
