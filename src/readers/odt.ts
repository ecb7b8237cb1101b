/**
 * OpenDocument text (.odt: LibreOffice, Google Docs' "OpenDocument" export).
 * Its `content.xml` is read with saxes, a streaming XML parser that expands no
 * entity it was not told of (no DTD, no external entities, no network), into
 * the HTML tree that the HTML reader turns into Markdown: headings, paragraphs
 * (the Title style is the title, Quotations a block quote), lists, tables,
 * bold and italic, links, and footnotes and endnotes. Tracked changes are
 * read as accepted: deleted text lives apart, in `text:tracked-changes`,
 * which is left out with comments (`office:annotation`), frames and indexes.
 */

import type {Element, ElementContent, Root as HastRoot} from 'hast'
import type {Root} from 'mdast'
import {SaxesParser, type SaxesTagNS} from 'saxes'
import {ReaderError} from './errors.js'
import {hastToMdast} from './html.js'
import {documentZipLimits} from './limits.js'
import {readZip} from './zip.js'

const ns = {
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
  table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  style: 'urn:oasis:names:tc:opendocument:xmlns:style:1.0',
  fo: 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0',
  xlink: 'http://www.w3.org/1999/xlink'
}

/** Parts of the document that are not its text. */
const skipped = new Set([
  `${ns.text} tracked-changes`,
  `${ns.office} annotation`,
  `${ns.text} note-citation`,
  `${ns.text} sequence-decls`,
  `${ns.text} table-of-content`,
  `${ns.text} alphabetical-index`,
  `${ns.text} bibliography`,
  `${ns.office} forms`,
  `${ns.table} table-column`,
  `${ns.table} covered-table-cell`
])

interface StyleInfo {
  parent?: string
  bold?: boolean
  italic?: boolean
}

export async function readOdt(bytes: Buffer): Promise<Root> {
  const parts = await readZip(bytes, documentZipLimits, (name) => name === 'content.xml')
  const content = parts.find((part) => part.name === 'content.xml')
  if (!content) throw new ReaderError('not an OpenDocument text: it has no content.xml (is it another format renamed to .odt?)')
  if (!content.data) throw new ReaderError(`the document's content.xml ${content.refused?.replace(/: skipped$/, '') ?? 'cannot be read'}`)
  return hastToMdast(odfToHast(content.data.toString('utf8')))
}

/** The HTML tree of an ODF `content.xml`. */
export function odfToHast(xml: string): HastRoot {
  const root: HastRoot = {type: 'root', children: []}
  const body: Element = element('body')
  root.children.push(body)
  const styles = new Map<string, StyleInfo>()
  const orderedLists = new Set<string>()
  const notes: Element[] = []
  // The open elements of the document; undefined where an ODF element adds nothing.
  const stack: Array<Element | undefined> = []
  let skipDepth = 0
  let inBody = false
  let currentStyle: StyleInfo | undefined
  let currentListStyle: string | undefined

  const parser = new SaxesParser({xmlns: true})
  const open = () => {
    for (let index = stack.length - 1; index >= 0; index--) if (stack[index]) return stack[index]!
    return body
  }
  const push = (node: Element | undefined) => {
    if (node) open().children.push(node)
    stack.push(node)
  }
  const attribute = (tag: SaxesTagNS, uri: string, local: string) => {
    for (const value of Object.values(tag.attributes)) if (value.uri === uri && value.local === local) return value.value
    return undefined
  }
  const styleChain = (name: string | undefined): string[] => {
    const chain: string[] = []
    while (name && chain.length < 20 && !chain.includes(name)) {
      chain.push(name)
      name = styles.get(name)?.parent
    }
    return chain
  }

  parser.on('opentag', (tag) => {
    const key = `${tag.uri} ${tag.local}`
    if (skipDepth > 0 || skipped.has(key)) {
      skipDepth++
      return
    }
    if (!inBody) {
      if (tag.uri === ns.style && tag.local === 'style') {
        const name = attribute(tag, ns.style, 'name')
        currentStyle = {parent: attribute(tag, ns.style, 'parent-style-name')}
        if (name) styles.set(name, currentStyle)
      } else if (tag.uri === ns.style && tag.local === 'text-properties' && currentStyle) {
        if (attribute(tag, ns.fo, 'font-weight') === 'bold') currentStyle.bold = true
        if (attribute(tag, ns.fo, 'font-style') === 'italic') currentStyle.italic = true
      } else if (tag.uri === ns.text && tag.local === 'list-style') {
        currentListStyle = attribute(tag, ns.style, 'name')
      } else if (tag.uri === ns.text && /^list-level-style-/.test(tag.local) && currentListStyle && attribute(tag, ns.text, 'level') === '1') {
        if (tag.local === 'list-level-style-number' && attribute(tag, ns.style, 'num-format')) orderedLists.add(currentListStyle)
      } else if (tag.uri === ns.office && tag.local === 'text') {
        inBody = true
      }
      stack.push(undefined)
      return
    }
    const styleName = attribute(tag, ns.text, 'style-name')
    const chain = styleChain(styleName)
    if (tag.uri === ns.text) {
      switch (tag.local) {
        case 'h': {
          const level = Math.min(6, Math.max(1, Number(attribute(tag, ns.text, 'outline-level') ?? 1) || 1))
          return push(element(`h${level}`))
        }
        case 'p': {
          if (chain.includes('Title')) return push(element('h1'))
          if (chain.some((name) => /^Quotations$|^Quote$/.test(name))) {
            const quote = element('blockquote')
            open().children.push(quote)
            const paragraph = element('p')
            quote.children.push(paragraph)
            return stack.push(paragraph)
          }
          return push(element('p'))
        }
        case 'list': {
          const listStyle = chain.find((name) => orderedLists.has(name))
          return push(element(listStyle ? 'ol' : 'ul'))
        }
        case 'list-item':
        case 'list-header':
          return push(element('li'))
        case 'span': {
          const style = chain.map((name) => styles.get(name)).filter(Boolean) as StyleInfo[]
          let node: Element | undefined
          if (style.some((s) => s.bold)) node = element('strong')
          if (style.some((s) => s.italic)) {
            const em = element('em')
            if (node) node.children.push(em)
            else node = em
          }
          if (!node) return stack.push(undefined)
          open().children.push(node)
          // The innermost element takes the span's text.
          return stack.push((node.children[0] as Element | undefined) ?? node)
        }
        case 'a':
          return push(element('a', {href: attribute(tag, ns.xlink, 'href') ?? ''}))
        case 's': {
          const count = Math.min(1000, Number(attribute(tag, ns.text, 'c') ?? 1) || 1)
          open().children.push({type: 'text', value: ' '.repeat(count)})
          return stack.push(undefined)
        }
        case 'tab':
          open().children.push({type: 'text', value: '\t'})
          return stack.push(undefined)
        case 'line-break':
          open().children.push(element('br'))
          return stack.push(undefined)
        case 'note': {
          const id = String(notes.length + 1)
          open().children.push(element('essaylint-fnref', {dataId: id}))
          const note = element('essaylint-fndef', {dataId: id})
          notes.push(note)
          // The note's body is read into the note, not into the paragraph.
          return stack.push(note)
        }
        default:
          return stack.push(undefined)
      }
    }
    if (tag.uri === ns.table) {
      if (tag.local === 'table') return push(element('table'))
      if (tag.local === 'table-row') return push(element('tr'))
      if (tag.local === 'table-cell') return push(element('td'))
    }
    stack.push(undefined)
  })
  parser.on('closetag', (tag) => {
    if (skipDepth > 0) {
      skipDepth--
      return
    }
    stack.pop()
    if (tag.uri === ns.office && tag.local === 'text') inBody = false
    if (tag.uri === ns.style && tag.local === 'style') currentStyle = undefined
    if (tag.uri === ns.text && tag.local === 'list-style') currentListStyle = undefined
  })
  parser.on('text', (text) => {
    if (skipDepth > 0 || !inBody || stack.length === 0) return
    const parent = open()
    // Only text inside a paragraph or heading is the document's.
    if (parent === body || ['ul', 'ol', 'li', 'table', 'tr', 'blockquote'].includes(parent.tagName) || parent.tagName === 'essaylint-fndef') return
    parent.children.push({type: 'text', value: text})
  })
  try {
    parser.write(xml).close()
  } catch (error) {
    throw new ReaderError(`the document's XML is damaged (${(error as Error).message.split('\n')[0]})`)
  }
  body.children.push(...notes)
  return root
}

function element(tagName: string, properties: Element['properties'] = {}, children: ElementContent[] = []): Element {
  return {type: 'element', tagName, properties, children}
}
