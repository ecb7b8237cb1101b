/**
 * The human report: vfile-reporter, with files that have nothing to say left
 * out, and each reason wrapped (wrap-ansi) so that a line fits the terminal.
 * File names and messages (which quote the essay) are shown with their
 * control characters escaped (src/escape.ts): the report goes to a terminal.
 *
 * vfile-reporter lays out one table (place, severity, reason, rule, source),
 * each column as wide as its widest cell, and prints the lines after the first
 * line of a reason as they are: so the reason is wrapped to what the other
 * columns leave, and its next lines are indented to the reason's column.
 * A wrapped report leaves out the source column (always "essaylint") to give
 * the reason ten more columns.
 */

import {stringifyPosition} from 'unist-util-stringify-position'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {reporter} from 'vfile-reporter'
import wrapAnsi from 'wrap-ansi'
import {visible, visibleKeepingLineBreaks} from '../escape.js'

/** Reasons are never wrapped narrower than this, however narrow the terminal. */
const narrowest = 30

export interface StylishOptions {
  color: boolean
  /** The terminal's width in columns; undefined: do not wrap. */
  width?: number
}

const label = (m: VFileMessage) => (m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info')

/** A copy of a message whose texts are safe to print. */
function visibleMessage(message: VFileMessage): VFileMessage {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(message) as object) as VFileMessage, message)
  copy.message = visible(message.message)
  copy.reason = visible(message.reason)
  if (message.stack) copy.stack = visibleKeepingLineBreaks(message.stack)
  if (message.cause instanceof Error) copy.cause = visibleMessage(message.cause as VFileMessage)
  return copy
}

export function stylishReport(files: Array<{file: VFile; path: string}>, options: StylishOptions): string {
  const withMessages = files
    .filter(({file}) => file.messages.length > 0)
    .map(({file, path}) => {
      const shown = new VFile({path: visible(path)})
      shown.messages = file.messages.map(visibleMessage)
      return shown
    })
  if (withMessages.length === 0) return ''
  // The messages are copies: wrapping them leaves the linted files as they were.
  if (options.width) wrapReasons(withMessages.flatMap((file) => file.messages), options.width)
  const text = reporter(withMessages, {color: options.color, quiet: true})
  return text ? text + '\n' : ''
}

/** Wrap every reason to the room left by the other columns. */
function wrapReasons(messages: VFileMessage[], width: number): void {
  const widest = (cells: string[]) => Math.max(0, ...cells.map((cell) => cell.length)) + 1
  const indent = widest(messages.map((m) => stringifyPosition(m.place))) + widest(messages.map(label))
  const after = widest(messages.map((m) => m.ruleId ?? ''))
  const room = Math.max(narrowest, width - indent - after)
  for (const m of messages) {
    m.source = undefined
    const lines = wrapAnsi(m.message, room, {hard: false, trim: true}).split('\n')
    m.message = [lines[0], ...lines.slice(1).map((line) => ' '.repeat(indent) + line)].join('\n')
  }
}
