/**
 * The essay's text with its findings highlighted in place. Positions come
 * from the messages (1-based line and column into the text as read), so the
 * marks sit exactly where the CLI's report points. Findings may nest (a vague
 * appeal inside an unsupported claim) or cross: the text is cut at every
 * start and end, and each piece is wrapped in the marks of the findings that
 * cover it, outermost first; a finding cut in pieces keeps one tab stop, on
 * its first piece. Blocks are the blank-line paragraphs of the text (a
 * Markdown heading line becomes a heading), so the page reads like the essay.
 */

import type {ElementContent, Element, Properties} from 'hast'
import {h} from 'hastscript'
import {location} from 'vfile-location'
import type {JsonMessage} from '../../reporters/json.js'
import {hueOf} from './rule-style.js'

interface Span {
  /** Index of the finding in the essay's message list. */
  index: number
  start: number
  end: number
}

/** Offsets into the text of each finding, clamped to it; empty ranges widen to one character. */
export function findingSpans(text: string, messages: JsonMessage[]): Span[] {
  const place = location(text)
  const offset = (line: number, column: number) => place.toOffset({line, column}) ?? (line > 1 ? text.length : 0)
  return messages.map((m, index) => {
    const start = offset(m.line, m.column)
    let end = Math.max(start, offset(m.endLine, m.endColumn))
    if (end === start) end = Math.min(text.length, start + 1)
    return {index, start, end}
  })
}

/** Blank-line separated blocks, with their offsets. */
function blocks(text: string): Array<{start: number; end: number}> {
  const list: Array<{start: number; end: number}> = []
  const separator = /\r?\n[ \t]*(?:\r?\n[ \t]*)+/g
  let from = 0
  for (const match of text.matchAll(separator)) {
    if (match.index > from) list.push({start: from, end: match.index})
    from = match.index + match[0].length
  }
  if (from < text.length) list.push({start: from, end: text.length})
  return list
}

export interface EssayTextOptions {
  /** Prefix for element ids, unique per essay on a page with many. */
  idPrefix: string
  /** The level of the section the text sits in: its "#" headings are one below. */
  headingLevel: number
}

/** The id of finding `index`'s mark and of its entry in the findings list. */
export const markId = (prefix: string, index: number) => `${prefix}-m${index}`
export const findingId = (prefix: string, index: number) => `${prefix}-f${index}`

export function essayTextTree(text: string, messages: JsonMessage[], options: EssayTextOptions): Element {
  const spans = findingSpans(text, messages)
  const opened = new Set<number>()
  const children: ElementContent[] = []
  for (const block of blocks(text)) {
    const heading = /^(#{1,6})[ \t]+/.exec(text.slice(block.start, block.end))
    // A heading shows without its Markdown marker ("## ").
    const shown = heading ? {start: block.start + heading[0].length, end: block.end} : block
    const inside = spans.filter((s) => s.start < shown.end && s.end > shown.start)
    const content = pieces(text, shown, inside, messages, options.idPrefix, opened)
    children.push(heading ? h(`h${Math.min(6, heading[1].length + options.headingLevel)}`, {className: ['essay-heading']}, content) : h('p', content))
  }
  return h('div', {className: ['essay-text'], lang: 'en'}, children)
}

/** The block's text cut at every finding boundary, each piece wrapped in its findings' marks. */
function pieces(text: string, block: {start: number; end: number}, spans: Span[], messages: JsonMessage[], prefix: string, opened: Set<number>): ElementContent[] {
  const cuts = new Set([block.start, block.end])
  for (const s of spans) {
    cuts.add(Math.max(block.start, s.start))
    cuts.add(Math.min(block.end, s.end))
  }
  const points = [...cuts].sort((a, b) => a - b)
  // Outermost first: earlier start, then longer, then message order.
  const order = (a: Span, b: Span) => a.start - b.start || b.end - a.end || a.index - b.index
  const root: ElementContent[] = []
  // The open marks, outermost first, with the children list each appends to.
  let stack: Array<{span: Span; children: ElementContent[]}> = []
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]]
    const covering = spans.filter((s) => s.start <= from && s.end >= to).sort(order)
    let keep = 0
    while (keep < stack.length && keep < covering.length && stack[keep].span === covering[keep]) keep++
    stack = stack.slice(0, keep)
    for (const span of covering.slice(keep)) {
      const children: ElementContent[] = []
      const mark = markElement(span, messages[span.index], prefix, !opened.has(span.index), children)
      opened.add(span.index)
      ;(stack.length > 0 ? stack[stack.length - 1].children : root).push(mark)
      stack.push({span, children})
    }
    const target = stack.length > 0 ? stack[stack.length - 1].children : root
    target.push({type: 'text', value: text.slice(from, to)})
    // A finding's number follows its last piece: it ties the text to the list, on paper too.
    // Findings that end together show their numbers in order, in the innermost mark.
    const ending = stack.filter((open) => open.span.end === to).map((open) => open.span.index).sort((a, b) => a - b)
    for (const index of ending) target.push(h('span', {className: ['finding-number'], ariaHidden: 'true'}, String(index + 1)))
  }
  return root
}

function markElement(span: Span, message: JsonMessage, prefix: string, first: boolean, children: ElementContent[]): Element {
  const className = ['finding', `hue-${hueOf(message.ruleId)}`, `severity-${message.severity}`]
  const properties: Properties = {className, dataFinding: String(span.index), dataRule: message.ruleId}
  if (first) {
    properties.id = markId(prefix, span.index)
    properties.tabIndex = 0
    properties.ariaDescribedBy = [findingId(prefix, span.index)]
  } else {
    className.push('finding-continued')
  }
  const mark = h('mark', properties)
  mark.children = children
  return mark
}
