/**
 * The block structure of an essay, read off the Markdown syntax tree:
 * which spans of the file are headings, body paragraphs, list items, block
 * quotes, footnote definitions or reference-list entries, and which section
 * each belongs to. Code, tables, HTML and front matter are not blocks: they
 * are never analysed.
 */

import type {Nodes, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
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

export interface Structure {
  blocks: Block[]
  sections: SectionHead[]
  marks: InlineMark[]
}

const referenceTitles = /^(?:references?|reference list|bibliography|works cited|works consulted|sources|notes|endnotes|literature|literature cited)$/i

export function readStructure(tree: Root): Structure {
  const blocks: Block[] = []
  const sections: SectionHead[] = []
  const marks: InlineMark[] = []
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
        const isReferences = referenceTitles.test(title.replace(/[:.]$/, ''))
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
        for (const child of node.children) walk(child, 'footnote')
        return
      case 'code':
      case 'html':
      case 'table':
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
    if ('children' in node) for (const child of node.children) collectMarks(child as Nodes)
  }

  walk(tree, 'paragraph')
  return {blocks, sections, marks}
}
