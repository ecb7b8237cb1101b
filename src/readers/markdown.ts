/**
 * The text essaylint extracts from a document: its Markdown tree written out
 * as Markdown (mdast-util-to-markdown with the GFM parts essays use). The
 * pipeline parses this text like any Markdown essay, so rules never know the
 * format, and line and column in every report point into it
 * (`essaylint --print-text FILE` prints it).
 */

import type {Root} from 'mdast'
import {gfmFootnoteToMarkdown} from 'mdast-util-gfm-footnote'
import {gfmStrikethroughToMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfmTableToMarkdown} from 'mdast-util-gfm-table'
import {toMarkdown} from 'mdast-util-to-markdown'

export function markdownOf(tree: Root): string {
  return toMarkdown(tree, {
    extensions: [gfmTableToMarkdown(), gfmFootnoteToMarkdown(), gfmStrikethroughToMarkdown()],
    bullet: '-',
    emphasis: '*',
    strong: '*',
    rule: '-',
    // One Markdown line per paragraph: the text keeps the document's paragraphs.
    join: []
  })
}
