/**
 * Plain-text essays (`.txt`) go through the Markdown parser too, where every
 * blank-line block is a paragraph. Students mark headings in plain text by a
 * short line with no final punctuation on its own, followed by a paragraph:
 * this plugin turns such paragraphs into headings (the first into the title),
 * keeping their positions.
 */

import type {Heading, Paragraph, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Plugin} from 'unified'

const maxHeadingLength = 80
const maxHeadingWords = 12

function looksLikeHeading(node: Paragraph): boolean {
  const text = toString(node).trim()
  if (!text || text.length > maxHeadingLength || text.includes('\n')) return false
  if (text.split(/\s+/).length > maxHeadingWords) return false
  return !/[.!?:;,"”’')\]]$/.test(text)
}

export const textHeadings: Plugin<[], Root> = function () {
  return function (tree, file) {
    if (file.extname !== '.txt') return
    let seenHeading = false
    tree.children.forEach((node, index) => {
      const next = tree.children[index + 1]
      if (node.type !== 'paragraph' || !next || (next.type !== 'paragraph' && next.type !== 'list')) return
      if (!looksLikeHeading(node)) return
      const heading: Heading = {type: 'heading', depth: seenHeading ? 2 : 1, children: node.children, position: node.position}
      seenHeading = true
      tree.children[index] = heading
    })
  }
}
