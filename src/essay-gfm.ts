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
 *
 * Tables: the table syntax reads the first line of every paragraph as a
 * possible header row, cell by cell, before it can see that no delimiter row
 * (`| --- | :-: |`) follows; on the benchmark essays, none of which has a
 * table, that was 7 % of all memory allocated and about 20 % of the parsing
 * time. A document with no line that could be a delimiter row has no table,
 * so it is parsed without the table syntax (same tree: a test compares).
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

// A delimiter row, after any quote and list markers: cells of hyphens with
// optional colons, separated by pipes (at the ends too, optionally). Loose on
// purpose: a thematic break ("---") passes too and only costs the table check.
const delimiterRow = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+[ \t>]*)*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/m

/** Whether a document may hold a GFM table (it has a line that could be a delimiter row). */
export function mayHoldTable(doc: string): boolean {
  return doc.includes('-') && delimiterRow.test(doc)
}

export function essayGfm(this: Processor): void {
  const data = this.data()
  const table = gfmTable()
  ;(data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), table, gfmTaskListItem())
  ;(data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown())
  const parse = this.parser
  if (!parse) throw new Error('essayGfm must come after remark-parse')
  // remark-parse reads the syntax extensions at every parse: give it the
  // list with or without the table syntax (both made once every plugin has
  // added its own, at the first parse).
  let lists: {all: NonNullable<typeof data.micromarkExtensions>; withoutTable: NonNullable<typeof data.micromarkExtensions>} | undefined
  this.parser = function (doc, file) {
    const all = lists?.all ?? data.micromarkExtensions ?? []
    lists ??= {all, withoutTable: all.filter((extension) => extension !== table)}
    data.micromarkExtensions = mayHoldTable(doc) ? lists.all : lists.withoutTable
    return parse(doc, file)
  }
}
