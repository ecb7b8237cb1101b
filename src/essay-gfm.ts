/**
 * GitHub Flavored Markdown as essays use it: tables, footnotes,
 * strikethrough and task lists — everything `remark-gfm` adds except
 * autolink literals (bare `https://…`, `www.…` and e-mail addresses turned
 * into links while parsing).
 *
 * Why not remark-gfm: its autolink-literal syntax tries an e-mail address at
 * the start of every word, which made parsing 2.5× slower (1.1 s → 3.9 s on
 * the 300 benchmark essays), and bare addresses are rare in essays. The one
 * thing the model took from them, a web address as a citation, is found in
 * the text instead (`bareWebAddresses` in model/blocks.ts); the words the
 * student reads are the same either way.
 */

import type {Processor} from 'unified'
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {gfmTaskListItemFromMarkdown} from 'mdast-util-gfm-task-list-item'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'

export function essayGfm(this: Processor): void {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem())
  ;(data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown())
}
