/**
 * Web pages (Google Docs "Web page", LMS text-box exports) and the HTML that
 * the Word reader makes: parsed by rehype-parse, turned into the Markdown tree
 * by rehype-remark (hast-util-to-mdast), which drops scripts, styles, forms
 * and other parts of a page that are not its text.
 *
 * Footnotes have no element in HTML: each tool writes them as a pair of links,
 * a reference in the text that points at the note and a link in the note that
 * points back (Word through mammoth, Google Docs, LibreOffice and GFM all do).
 * Such pairs become Markdown footnotes, so a footnote citation is one wherever
 * the essay was written.
 */

import type {Element, ElementContent, Nodes, Parents, Root as HastRoot} from 'hast'
import type {FootnoteDefinition, FootnoteReference, Root} from 'mdast'
import rehypeParse from 'rehype-parse'
import rehypeRemark from 'rehype-remark'
import {unified} from 'unified'

export function htmlToMdast(html: string): Root {
  const hast = unified().use(rehypeParse).parse(html)
  markFootnotes(hast)
  return hastToMdast(hast)
}

/**
 * The Markdown tree of an HTML tree. Footnotes are `essaylint-fnref` elements
 * (a reference, `data-id` its number) and `essaylint-fndef` elements (a note).
 */
export function hastToMdast(hast: HastRoot): Root {
  const processor = unified()
    .use(rehypeRemark, {
      handlers: {
        'essaylint-fnref'(_state, node: Element): FootnoteReference {
          const id = String(node.properties.dataId)
          return {type: 'footnoteReference', identifier: id, label: id}
        },
        'essaylint-fndef'(state, node: Element): FootnoteDefinition {
          const id = String(node.properties.dataId)
          return {type: 'footnoteDefinition', identifier: id, label: id, children: state.toFlow(state.all(node)) as FootnoteDefinition['children']}
        }
      }
    })
  return processor.runSync(hast) as Root
}

const blockNames = new Set(['p', 'li', 'div'])

/**
 * Replace footnote reference links by `essaylint-fnref` elements and move
 * each note to an `essaylint-fndef` element at the end of the body.
 */
function markFootnotes(tree: HastRoot): void {
  const anchors = new Map<string, Element>()
  const parents = new Map<Element, Parents>()
  const links: Element[] = []
  const walk = (node: Parents) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue
      parents.set(child, node)
      for (const key of ['id', 'name'] as const) {
        const value = child.properties[key]
        if (typeof value === 'string' && value) anchors.set(value, child)
      }
      if (child.tagName === 'a' && typeof child.properties.href === 'string' && child.properties.href.startsWith('#')) links.push(child)
      walk(child)
    }
  }
  walk(tree)
  const names = (element: Element | undefined) => [element?.properties.id, element?.properties.name].filter((v): v is string => typeof v === 'string' && v !== '')
  const notes: Array<{reference: Element; block: Element; back: Element}> = []
  const used = new Set<Element>()
  // Links in document order: a reference comes before its note, whose back link is then taken.
  const taken = new Set<Element>()
  for (const link of links) {
    if (taken.has(link)) continue
    const target = anchors.get(decodeURIComponent(String(link.properties.href).slice(1)))
    if (!target || target === link) continue
    // The reference's own names: the link's, or its <sup>'s.
    const parent = parents.get(link)
    const own = new Set([...names(link), ...(parent?.type === 'element' && parent.tagName === 'sup' ? names(parent) : [])])
    if (own.size === 0) continue
    const block = target.tagName === 'a' ? closest(target, parents, blockNames) : target
    if (!block || used.has(block)) continue
    const back = target.tagName === 'a' && own.has(String(target.properties.href).slice(1)) ? target : findLink(block, own)
    if (!back) continue
    used.add(block)
    taken.add(back)
    notes.push({reference: link, block, back})
  }
  if (notes.length === 0) return
  const body = (findElement(tree, 'body') ?? tree) as Parents
  notes.forEach(({reference, block, back}, index) => {
    const id = String(index + 1)
    // The reference, with the <sup> around it when it is all the <sup> holds.
    const parent = parents.get(reference)!
    const holder = parent.type === 'element' && parent.tagName === 'sup' && parent.children.filter((c) => c.type === 'element' || (c.type === 'text' && c.value.trim())).length === 1 ? parent : reference
    replace(holder, {type: 'element', tagName: 'essaylint-fnref', properties: {dataId: id}, children: []}, parents)
    remove(back, parents)
    // Mammoth and LibreOffice put the note's number or arrow in the back link; Google Docs a space after it.
    remove(block, parents)
    const content: ElementContent[] = block.tagName === 'li' || block.tagName === 'div' ? block.children : [{...block, tagName: 'p'}]
    trimStart(content)
    body.children.push({type: 'element', tagName: 'essaylint-fndef', properties: {dataId: id}, children: content})
  })
  // The lists, sections and rules that held the notes, now empty.
  pruneEmpty(body)
}

function closest(node: Element, parents: Map<Element, Parents>, wanted: Set<string>): Element | undefined {
  let current: Parents | undefined = parents.get(node)
  while (current && current.type === 'element') {
    if (wanted.has(current.tagName)) return current
    current = parents.get(current)
  }
  return undefined
}

function findLink(node: Element, targets: Set<string>): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (child.tagName === 'a' && typeof child.properties.href === 'string' && targets.has(child.properties.href.slice(1))) return child
    const found = findLink(child, targets)
    if (found) return found
  }
  return undefined
}

function findElement(node: Nodes, tagName: string): Element | undefined {
  if (node.type === 'element' && node.tagName === tagName) return node
  if (!('children' in node)) return undefined
  for (const child of node.children) {
    const found = findElement(child, tagName)
    if (found) return found
  }
  return undefined
}

function replace(node: Element, by: Element, parents: Map<Element, Parents>): void {
  const parent = parents.get(node)
  if (!parent) return
  const index = parent.children.indexOf(node)
  if (index !== -1) parent.children[index] = by
}

function remove(node: Element, parents: Map<Element, Parents>): void {
  const parent = parents.get(node)
  if (!parent) return
  const index = parent.children.indexOf(node)
  if (index !== -1) parent.children.splice(index, 1)
}

function trimStart(content: ElementContent[]): void {
  const first = content[0]
  if (!first) return
  if (first.type === 'text') first.value = first.value.replace(/^[\s\u00a0]+/, '')
  else if (first.type === 'element') trimStart(first.children)
}

const containerNames = new Set(['ol', 'ul', 'section', 'div'])

/** Remove note containers left without text, with the heading or rule that introduced them. */
function pruneEmpty(node: Parents): void {
  for (let index = node.children.length - 1; index >= 0; index--) {
    const child = node.children[index]
    if (child.type !== 'element') continue
    if (child.tagName.startsWith('essaylint-')) continue
    pruneEmpty(child)
    const footnoteSection = child.tagName === 'section' && child.properties.dataFootnotes !== undefined
    if (footnoteSection || (containerNames.has(child.tagName) && !hasText(child))) {
      node.children.splice(index, 1)
      // A rule right before the notes only separated them from the text.
      const before = node.children[index - 1]
      if (before?.type === 'element' && before.tagName === 'hr') node.children.splice(index - 1, 1)
    }
  }
}

function hasText(node: Nodes): boolean {
  if (node.type === 'text') return node.value.trim() !== ''
  if (node.type === 'element' && node.tagName === 'img') return true
  return 'children' in node && node.children.some(hasText)
}
