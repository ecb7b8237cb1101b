/**
 * The human report: vfile-reporter, with files that have nothing to say left
 * out, and each reason wrapped (wrap-ansi) so that a line fits the terminal.
 * vfile-reporter lays out one table (place, severity, reason, rule, source),
 * each column as wide as its widest cell, and prints the lines after the first
 * line of a reason as they are: so the reason is wrapped to what the other
 * columns leave, and its next lines are indented to the reason's column.
 * A wrapped report leaves out the source column (always "essaylint") to give
 * the reason ten more columns.
 */

import {stringifyPosition} from 'unist-util-stringify-position'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {reporter} from 'vfile-reporter'
import wrapAnsi from 'wrap-ansi'

/** Reasons are never wrapped narrower than this, however narrow the terminal. */
const narrowest = 30

export interface StylishOptions {
  color: boolean
  /** The terminal's width in columns; undefined: do not wrap. */
  width?: number
}

const label = (m: VFileMessage) => (m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info')

export function stylishReport(files: VFile[], options: StylishOptions): string {
  const withMessages = files.filter((file) => file.messages.length > 0)
  if (withMessages.length === 0) return ''
  const messages = withMessages.flatMap((file) => file.messages)
  const restore = options.width ? wrapReasons(messages, options.width) : () => {}
  try {
    const text = reporter(withMessages, {color: options.color, quiet: true})
    return text ? text + '\n' : ''
  } finally {
    restore()
  }
}

/** Wrap every reason to the room left by the other columns; returns a function that puts them back. */
function wrapReasons(messages: VFileMessage[], width: number): () => void {
  const widest = (cells: string[]) => Math.max(0, ...cells.map((cell) => cell.length)) + 1
  const indent = widest(messages.map((m) => stringifyPosition(m.place))) + widest(messages.map(label))
  const after = widest(messages.map((m) => m.ruleId ?? ''))
  const room = Math.max(narrowest, width - indent - after)
  const saved = messages.map((m) => ({message: m.message, source: m.source}))
  for (const m of messages) {
    m.source = undefined
    const lines = wrapAnsi(m.message, room, {hard: false, trim: true}).split('\n')
    m.message = [lines[0], ...lines.slice(1).map((line) => ' '.repeat(indent) + line)].join('\n')
  }
  return () => messages.forEach((m, index) => Object.assign(m, saved[index]))
}
