/**
 * The block structure of an essay, read off the Markdown syntax tree:
 * which spans of the file are headings, body paragraphs, list items, block
 * quotes, footnote definitions or reference-list entries, and which section
 * each belongs to. Code, tables, HTML and front matter are not blocks: they
 * are never analysed as text (a table's row labels and headers are kept, for
 * the sentences that read its figures).
 */

import type {Nodes, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {readLexicon} from './lexicon.js'
import type {BlockKind} from './types.js'

export interface Block {
  kind: BlockKind
  start: number
  end: number
  section: number
}

export interface SectionHead {
  title: string
  depth: number
  start: number
  end: number
  isReferences: boolean
}

export interface InlineMark {
  kind: 'footnote' | 'link'
  text: string
  start: number
  end: number
}

export interface NoteDefinition {
  label: string
  start: number
  end: number
}

/** A table of figures: its header cells, and the label of each row that holds a figure. */
export interface TableBlock {
  start: number
  end: number
  section: number
  headers: string[]
  rows: string[]
}

export interface Structure {
  blocks: Block[]
  sections: SectionHead[]
  marks: InlineMark[]
  notes: NoteDefinition[]
  tables: TableBlock[]
}

/** The header cells of a table and the labels of its rows with a figure (a row's first cell with letters and no digits). */
function tableOf(node: Extract<Nodes, {type: 'table'}>, section: number): TableBlock | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined || node.children.length < 2) return undefined
  const cells = node.children.map((row) => row.children.map((cell) => toString(cell).trim()))
  const rows = cells.slice(1).flatMap((row) => {
    const label = row.find((cell) => /\p{L}/u.test(cell) && !/\d/.test(cell))
    return label !== undefined && row.some((cell) => /\d/.test(cell)) ? [label] : []
  })
  return rows.length > 0 ? {start, end, section, headers: cells[0].filter((cell) => cell !== ''), rows} : undefined
}

// The headings that open a reference list are data (lexicons/references.yaml).
let referenceHeadings: {headings: Set<string>; endings: string[]} | undefined
export function isReferencesTitle(title: string): boolean {
  if (!referenceHeadings) {
    const data = readLexicon('references.yaml') as {headings: string[]; endings: string[]}
    referenceHeadings = {headings: new Set(data.headings), endings: data.endings.map((e) => ' ' + e)}
  }
  const plain = title.replace(/[:.]$/, '').trim().toLowerCase().replace(/\s+/g, ' ')
  return referenceHeadings.headings.has(plain) || referenceHeadings.endings.some((ending) => plain.endsWith(ending))
}

// A web address written out in the text ("https://…", "www.…"), as GitHub
// would link it: up to white space or "<", without the punctuation that ends
// the sentence around it, and without a closing bracket it did not open.
const bareAddress = /(?<![\p{L}\p{N}])(?:https?:\/\/|www\.)[^\s<]+/giu
const trailing = /[.,:;!?"'*_~]+$/

/** Bare web addresses in a text, with offsets into it. */
export function bareWebAddresses(text: string): Array<{url: string; start: number; end: number}> {
  const found: Array<{url: string; start: number; end: number}> = []
  if (!/http|www\./i.test(text)) return found
  for (const match of text.matchAll(bareAddress)) {
    let url = match[0].replace(trailing, '')
    while (url.endsWith(')') && count(url, ')') > count(url, '(')) url = url.slice(0, -1).replace(trailing, '')
    if (!/[\w-]\.[\w-]/.test(url.replace(/^(?:https?:\/\/)/i, ''))) continue // "http://" alone, "www." alone
    found.push({url: /^www\./i.test(url) ? `http://${url}` : url, start: match.index!, end: match.index! + url.length})
  }
  return found
}

function count(text: string, char: string): number {
  let n = 0
  for (const c of text) if (c === char) n++
  return n
}

export function readStructure(tree: Root, source?: string): Structure {
  const blocks: Block[] = []
  const sections: SectionHead[] = []
  const marks: InlineMark[] = []
  const notes: NoteDefinition[] = []
  const tables: TableBlock[] = []
  // Depth of the references heading while inside its section, else 0.
  let referencesDepth = 0

  function add(node: Nodes, kind: BlockKind): void {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    blocks.push({kind: referencesDepth && kind !== 'heading' ? 'reference' : kind, start, end, section: sections.length - 1})
  }

  function walk(node: Nodes, context: BlockKind): void {
    switch (node.type) {
      case 'heading': {
        const title = toString(node).trim()
        const start = node.position?.start.offset ?? 0
        const end = node.position?.end.offset ?? 0
        if (referencesDepth && node.depth <= referencesDepth) referencesDepth = 0
        const isReferences = isReferencesTitle(title)
        if (isReferences) referencesDepth = node.depth
        sections.push({title, depth: node.depth, start, end, isReferences})
        add(node, 'heading')
        collectMarks(node)
        return
      }
      case 'paragraph': {
        add(node, context)
        collectMarks(node)
        return
      }
      case 'blockquote':
        for (const child of node.children) walk(child, 'blockquote')
        return
      case 'listItem':
        for (const child of node.children) walk(child, context === 'paragraph' ? 'list-item' : context)
        return
      case 'footnoteDefinition':
        if (node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
          notes.push({label: node.label ?? node.identifier, start: node.position.start.offset, end: node.position.end.offset})
        }
        for (const child of node.children) walk(child, 'footnote')
        return
      case 'table': {
        // Not body text, but its figures back the sentences that read them (src/argument/support.ts).
        const table = tableOf(node, sections.length - 1)
        if (table) tables.push(table)
        return
      }
      case 'code':
      case 'html':
      case 'yaml':
      case 'definition':
      case 'thematicBreak':
        return
      default:
        if ('children' in node) for (const child of node.children) walk(child as Nodes, context)
    }
  }

  function collectMarks(node: Nodes): void {
    if (node.type === 'footnoteReference' || node.type === 'link') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start !== undefined && end !== undefined) {
        const isWeb = node.type === 'link' && /^(?:https?:|www\.)/i.test(node.url)
        if (node.type === 'footnoteReference') marks.push({kind: 'footnote', text: `[^${node.identifier}]`, start, end})
        else if (isWeb) marks.push({kind: 'link', text: node.url, start, end})
      }
    }
    if (node.type === 'link') return
    if (node.type === 'text' && source !== undefined) {
      // Scan the source the text spans, so offsets stay exact after escapes.
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start !== undefined && end !== undefined) {
        const written = source.slice(start, end)
        for (const address of bareWebAddresses(written)) marks.push({kind: 'link', text: address.url, start: start + address.start, end: start + address.end})
      }
    }
    if ('children' in node) for (const child of node.children) collectMarks(child as Nodes)
  }

  walk(tree, 'paragraph')
  return {blocks, sections, marks, notes, tables}
}
