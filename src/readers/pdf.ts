/**
 * PDF essays. A PDF has no paragraphs, only pieces of text placed on pages;
 * PDF.js (pdfjs-dist) gives each piece with its position and size, and this
 * reader rebuilds the essay from them:
 * - lines from the pieces' baselines; paragraphs where the space between
 *   lines grows, where a line is indented, or where the last line stopped
 *   short at a full stop;
 * - headings from font size (larger than the body text), list items from
 *   their bullets or numbers, block quotes from their indentation on the left;
 * - running headers and footers (the same line at the top or bottom of most
 *   pages, page numbers counted alike) and page numbers left out;
 * - a word hyphenated at the end of a line joined again;
 * - footnotes: small raised numbers in the text are references, and the
 *   small lines at the foot of a page that start with a number are notes;
 * - rows of text in columns are a table.
 * A PDF with no text at all is a scan or a photo: it is refused, since
 * essaylint does not read images.
 *
 * PDF.js runs with no evaluation of strings as code, no font loading and no
 * network; the document is only parsed.
 */

import type {BlockContent, FootnoteDefinition, ListItem, PhrasingContent, Root, RootContent, Table, TableRow} from 'mdast'
import {ReaderError} from './errors.js'

interface Piece {
  text: string
  x: number
  y: number
  width: number
  size: number
}

interface Line {
  page: number
  pieces: Piece[]
  x: number
  right: number
  y: number
  /** Font size of most of the line's text. */
  size: number
  /** Gaps wider than a few spaces between pieces: the columns of a table row. */
  cells: string[]
  /** The line's text, footnote numbers marked as `\u0000n\u0000`. */
  text: string
  top: number
  bottom: number
}

interface PageLines {
  lines: Line[]
  height: number
}

export async function readPdf(bytes: Buffer): Promise<Root> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0
  })
  let document
  try {
    document = await task.promise
  } catch (error) {
    const name = (error as Error)?.name
    if (name === 'PasswordException') throw new ReaderError('the PDF is protected by a password: save a copy without one and run essaylint again')
    if (name === 'InvalidPDFException') throw new ReaderError('not a readable PDF (the file is damaged or is not a PDF)')
    throw error
  }
  try {
    const pages: PageLines[] = []
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number)
      const [, y0, , y1] = page.view
      const content = await page.getTextContent()
      const pieces: Piece[] = []
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue
        const [a, b, , , e, f] = item.transform as number[]
        const size = Math.hypot(a, b) || item.height
        pieces.push({text: item.str, x: e, y: f, width: item.width, size})
      }
      pages.push({lines: linesOf(pieces, number), height: y1 - y0})
      page.cleanup()
    }
    if (!pages.some((page) => page.lines.some((line) => /[\p{L}\p{N}]/u.test(line.text)))) {
      throw new ReaderError('no text layer: this PDF is an image (a scan or a photo); export the essay from Word or Google Docs as PDF, or hand in the .docx')
    }
    return essayOf(pages)
  } finally {
    await document.destroy()
  }
}

/** Pieces in reading order grouped into lines by their baselines. */
function linesOf(pieces: Piece[], page: number): Line[] {
  const groups: Piece[][] = []
  for (const piece of pieces) {
    if (piece.text.trim() === '' && groups.length > 0) {
      groups[groups.length - 1].push(piece)
      continue
    }
    const current = groups[groups.length - 1]
    const last = current?.filter((p) => p.text.trim() !== '').pop()
    // Same line: the baseline is close (a raised footnote number is within half a line), and it goes on to the right.
    const sameLine = last && Math.abs(piece.y - last.y) < Math.max(last.size, piece.size) * 0.6 && piece.x >= last.x + last.width - last.size * 0.5
    if (sameLine) current.push(piece)
    else groups.push([piece])
  }
  return groups.map((group) => lineOf(group, page)).filter((line) => line.text.trim() !== '')
}

function lineOf(pieces: Piece[], page: number): Line {
  const visible = pieces.filter((p) => p.text.trim() !== '')
  // The line's own size: the size of most of its characters.
  const bySize = new Map<number, number>()
  for (const piece of visible) bySize.set(round(piece.size), (bySize.get(round(piece.size)) ?? 0) + piece.text.length)
  const size = [...bySize].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10
  const baseline = visible.find((p) => round(p.size) === size)?.y ?? visible[0].y
  let text = ''
  const cells: string[] = ['']
  let end: number | undefined
  for (const piece of pieces) {
    const gap = end === undefined ? 0 : piece.x - end
    if (end !== undefined && gap > size && piece.text.trim() !== '') cells.push('')
    // A small number raised above the line: a footnote reference.
    if (piece.size < size * 0.85 && piece.y > baseline + size * 0.2 && /^\d{1,3}$/.test(piece.text.trim())) {
      text += `\u0000${piece.text.trim()}\u0000`
    } else {
      if (end !== undefined && gap > size * 0.15 && !/\s$/.test(text) && !/^\s/.test(piece.text)) text += ' '
      text += piece.text
      cells[cells.length - 1] += (cells[cells.length - 1] && gap > size * 0.15 ? ' ' : '') + piece.text
    }
    if (piece.text.trim() !== '') end = piece.x + piece.width
  }
  const x = Math.min(...visible.map((p) => p.x))
  const right = Math.max(...visible.map((p) => p.x + p.width))
  return {
    page,
    pieces: visible,
    x,
    right,
    y: baseline,
    size,
    cells: cells.map((cell) => cell.trim()).filter(Boolean),
    text: text.replace(/\s+/g, ' ').trim(),
    top: Math.max(...visible.map((p) => p.y + p.size)),
    bottom: Math.min(...visible.map((p) => p.y))
  }
}

const round = (value: number) => Math.round(value * 2) / 2

/** Page numbers as they are printed: "7", "- 7 -", "Page 7", "7 of 12", "vii". */
const pageNumber = /^(?:page\s+)?[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i

/** Lines at the top or bottom of a page that repeat on most pages, and page numbers. */
function dropRunningLines(pages: PageLines[]): void {
  const edge = (page: PageLines) => {
    const sorted = [...page.lines].sort((a, b) => b.y - a.y)
    return [...sorted.slice(0, 2), ...sorted.slice(-2)]
  }
  const shape = (line: Line) => line.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase()
  const counts = new Map<string, number>()
  for (const page of pages) for (const key of new Set(edge(page).map(shape))) counts.set(key, (counts.get(key) ?? 0) + 1)
  for (const page of pages) {
    const edges = new Set(edge(page))
    page.lines = page.lines.filter((line) => {
      if (!edges.has(line)) return true
      if (pageNumber.test(line.text)) return false
      return !(pages.length >= 3 && (counts.get(shape(line)) ?? 0) >= Math.ceil(pages.length / 2))
    })
  }
}

/** The most common value, weighted. */
function mode(values: Array<[number, number]>): number {
  const counts = new Map<number, number>()
  for (const [value, weight] of values) counts.set(value, (counts.get(value) ?? 0) + weight)
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0
}

const bullet = /^(?:[•◦▪▫‣∙●○■□–-]|\d{1,2}[.)])\s+/

type Kind = 'heading' | 'paragraph' | 'item' | 'quote' | 'row'

interface Block {
  kind: Kind
  lines: Line[]
  depth?: number
  ordered?: boolean
}

function essayOf(pages: PageLines[]): Root {
  dropRunningLines(pages)
  const all = pages.flatMap((page) => page.lines)
  const body = mode(all.map((line) => [line.size, line.text.length]))
  const margin = mode(all.filter((line) => line.size === body).map((line) => [Math.round(line.x), line.text.length]))
  const width = mode(all.filter((line) => line.size === body).map((line) => [Math.round(line.right), line.text.length])) - margin
  // Spacing between lines of one paragraph: the commonest step from one body line to the next.
  const steps: Array<[number, number]> = []
  for (let index = 1; index < all.length; index++) {
    const [a, b] = [all[index - 1], all[index]]
    if (a.page === b.page && a.size === body && b.size === body) steps.push([round(a.y - b.y), 1])
  }
  const step = mode(steps) || body * 1.2

  // Notes: small lines at the foot of a page; the body: everything else.
  const notes: Line[][] = []
  const text: Line[] = []
  for (const page of pages) {
    const lines = page.lines
    let first = lines.length
    for (let index = lines.length - 1; index >= 0; index--) {
      if (lines[index].size < body * 0.92) first = index
      else break
    }
    text.push(...lines.slice(0, first))
    for (const line of lines.slice(first)) {
      const starts = /^\u0000?(\d{1,3})\u0000?\s*/.exec(line.text)
      if (starts || notes.length === 0) notes.push([line])
      else notes[notes.length - 1].push(line)
    }
  }
  const headingSizes = [...new Set(text.filter((line) => line.size >= body * 1.12).map((line) => line.size))].sort((a, b) => b - a)

  const blocks: Block[] = []
  for (const line of text) {
    const previous = blocks[blocks.length - 1]
    const last = previous?.lines[previous.lines.length - 1]
    if (line.size >= body * 1.12 && line.text.length < 200) {
      const depth = Math.min(6, headingSizes.indexOf(line.size) + 1)
      // A heading wrapped on two lines stays one heading.
      if (previous?.kind === 'heading' && previous.depth === depth && last && last.page === line.page && last.y - line.y < line.size * 1.6) previous.lines.push(line)
      else blocks.push({kind: 'heading', lines: [line], depth})
      continue
    }
    if (line.cells.length >= 3) {
      blocks.push({kind: 'row', lines: [line]})
      continue
    }
    const item = bullet.exec(line.text)
    if (item && line.size === body) {
      blocks.push({kind: 'item', lines: [line], ordered: /\d/.test(item[0])})
      continue
    }
    const indented = line.x > margin + body * 1.5
    const continues =
      previous &&
      last &&
      previous.kind !== 'heading' &&
      previous.kind !== 'row' &&
      (last.page === line.page
        ? last.y - line.y < step * 1.3 && (line.x <= last.x + body * 0.8 || (previous.kind === 'item' && line.x > previous.lines[0].x))
        : !/[.!?:]["”’)]?$/.test(last.text) || last.right > margin + width * 0.9) &&
      // The last line stopped short after a full stop: the paragraph ended there.
      !(last.right < margin + width * 0.8 && /[.!?:]["”’)]?$/.test(last.text)) &&
      !(previous.kind === 'quote' && !indented) &&
      // A list item's lines hang under its text.
      !(previous.kind === 'item' && line.x <= previous.lines[0].x + body * 0.3 && previous.lines.length > 0 && line !== last) &&
      !(previous.kind === 'paragraph' && indented && line.x > last.x + body)
    if (continues) previous.lines.push(line)
    else blocks.push({kind: indented ? 'quote' : 'paragraph', lines: [line]})
  }

  const words = compounds(all)
  const root: Root = {type: 'root', children: []}
  let list: {ordered: boolean; children: ListItem[]} | undefined
  let table: Table | undefined
  for (const block of blocks) {
    if (block.kind !== 'item') list = undefined
    if (block.kind !== 'row') table = undefined
    switch (block.kind) {
      case 'heading':
        root.children.push({type: 'heading', depth: block.depth as 1, children: phrasing(joinLines(block.lines, words))})
        break
      case 'item': {
        const [first, ...rest] = block.lines
        const content = joinLines([{...first, text: first.text.replace(bullet, '')}, ...rest], words)
        if (!list || list.ordered !== block.ordered) {
          list = {ordered: Boolean(block.ordered), children: []}
          root.children.push({type: 'list', ordered: list.ordered, spread: false, children: list.children})
        }
        list.children.push({type: 'listItem', spread: false, children: [{type: 'paragraph', children: phrasing(content)}]})
        break
      }
      case 'row': {
        const row: TableRow = {type: 'tableRow', children: block.lines[0].cells.map((cell) => ({type: 'tableCell', children: phrasing(cell)}))}
        if (!table) {
          table = {type: 'table', children: []}
          root.children.push(table)
        }
        table.children.push(row)
        break
      }
      case 'quote':
        root.children.push({type: 'blockquote', children: [{type: 'paragraph', children: phrasing(joinLines(block.lines, words))}]})
        break
      default:
        root.children.push({type: 'paragraph', children: phrasing(joinLines(block.lines, words))})
    }
  }
  // A lone line in columns is not a table; nor is a table whose rows differ in width.
  root.children = root.children.flatMap((node): RootContent[] => {
    if (node.type !== 'table') return [node]
    const columns = node.children[0].children.length
    if (node.children.length >= 2 && node.children.every((row) => row.children.length === columns)) return [node]
    return node.children.map((row) => ({type: 'paragraph', children: phrasing(row.children.map((cell) => cell.children.map((c) => ('value' in c ? c.value : '')).join('')).join(' '))}))
  })
  for (const note of notes) {
    const joined = joinLines(note, words)
    const number = /^\u0000?(\d{1,3})\u0000?\s*/.exec(joined)
    if (!number) {
      root.children.push({type: 'paragraph', children: phrasing(joined)})
      continue
    }
    const definition: FootnoteDefinition = {type: 'footnoteDefinition', identifier: number[1], label: number[1], children: [{type: 'paragraph', children: phrasing(joined.slice(number[0].length))}] as BlockContent[]}
    root.children.push(definition)
  }
  return root
}

/**
 * A block's lines as one text. A word broken by a hyphen at the end of a line
 * is joined again ("peace-" + "keeping"), unless the document writes it with
 * its hyphen elsewhere ("problem-solving"): a compound can fall at a line end too.
 */
function joinLines(lines: Line[], words: Set<string> = new Set()): string {
  let text = ''
  for (const line of lines) {
    if (text === '') {
      text = line.text
      continue
    }
    const broken = /(\p{L}+)[-\u00ad]$/u.exec(text)
    const next = /^\p{Ll}+/u.exec(line.text)
    if (broken && next) text = text.endsWith('-') && words.has(`${broken[1]}-${next[0]}`.toLowerCase()) ? text + line.text : text.slice(0, -1) + line.text
    else text += ' ' + line.text
  }
  return text
}

/** Hyphenated words written within a line: the document's own compounds. */
function compounds(lines: Line[]): Set<string> {
  const found = new Set<string>()
  for (const line of lines) for (const match of line.text.matchAll(/\p{L}+-\p{L}+/gu)) found.add(match[0].toLowerCase())
  return found
}

/** Text with footnote references marked `\u0000n\u0000`, as phrasing content. */
function phrasing(text: string): PhrasingContent[] {
  const result: PhrasingContent[] = []
  const parts = text.split('\u0000')
  parts.forEach((part, index) => {
    if (index % 2 === 1) result.push({type: 'footnoteReference', identifier: part, label: part})
    else if (part) result.push({type: 'text', value: part})
  })
  return result
}
