/**
 * Plain-text essays (`.txt`) go through the Markdown parser too, where every
 * blank-line block is a paragraph. Students mark headings in plain text by a
 * short line with no final punctuation on its own, followed by a paragraph:
 * this plugin turns such paragraphs into headings (the first into the title),
 * keeping their positions.
 *
 * Markdown essays get the same reading for a line of plain (or all-bold)
 * text: an essay pasted from a word processor keeps "Conclusion" and
 * "References" as lines of their own, without `#`. Read as sentences they
 * would be fragments, and the reference list after them prose.
 */

import type {Heading, Paragraph, PhrasingContent, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Plugin} from 'unified'
import {isAddressLine} from './text-lines.js'

const maxHeadingLength = 80
const maxHeadingWords = 12

function looksLikeHeading(node: Paragraph): boolean {
  const text = toString(node).trim()
  if (!text || text.length > maxHeadingLength || text.includes('\n')) return false
  if (text.split(/\s+/).length > maxHeadingWords) return false
  // A web address on a line of its own is a reference entry, not a title.
  if (isAddressLine(text)) return false
  // "Sources:" and "References:" open the reference list with a colon too.
  if (/^(?:references?|sources|bibliography|works cited|notes)\s*:$/i.test(text)) return true
  return !/[.!?:;,"”’')\]]$/.test(text)
}

/** Blocks that are never prose. */
const hidden = new Set(['code', 'html', 'table', 'yaml', 'toml'])

/** Text only, or one bold or italic run of text: what a heading typed without `#` looks like. */
function plainLine(children: PhrasingContent[]): boolean {
  if (children.length === 1 && (children[0].type === 'strong' || children[0].type === 'emphasis')) return plainLine(children[0].children)
  return children.every((child) => child.type === 'text')
}

export const textHeadings: Plugin<[], Root> = function () {
  return function (tree, file) {
    const plainText = file.extname === '.txt'
    // In Markdown the title is the first `#` heading, if the essay has one.
    let seenHeading = !plainText && tree.children.some((node) => node.type === 'heading')
    tree.children.forEach((node, index) => {
      // The next block of prose: code, HTML, comments and tables in between are
      // not what the line is the heading of, and never decide it.
      if (node.type !== 'paragraph') return
      let after = index + 1
      while (after < tree.children.length && hidden.has(tree.children[after].type)) after++
      const next = tree.children[after]
      if (!next || (next.type !== 'paragraph' && next.type !== 'list')) return
      if (!plainText && !plainLine(node.children)) return
      if (!looksLikeHeading(node)) return
      const heading: Heading = {type: 'heading', depth: seenHeading ? 2 : 1, children: node.children, position: node.position}
      seenHeading = true
      tree.children[index] = heading
    })
  }
}
