/**
 * The JSON report (docs/internals/architecture.md, "Contracts"): an array with one object per file,
 * `{path, messages, errorCount, warningCount, infoCount}`.
 */

import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

export type SeverityName = 'error' | 'warning' | 'info'

export interface JsonMessage {
  ruleId: string
  severity: SeverityName
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
  /** The rule's id for this kind of message (`meta.messages`), where the rule declares them. */
  messageId?: string
  url?: string
  /** 1-based paragraph (headings not counted) and the sentence of the finding. */
  paragraph?: number
  quote?: string
  suggestion?: string
  note?: string
  data?: Record<string, unknown>
}

export interface JsonResult {
  path: string
  messages: JsonMessage[]
  errorCount: number
  warningCount: number
  infoCount: number
}

export function severityOf(message: VFileMessage): SeverityName {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

export function toJsonMessage(message: VFileMessage): JsonMessage {
  const line = message.line ?? 1
  const column = message.column ?? 1
  const end = message.place && 'end' in message.place ? message.place.end : undefined
  const result: JsonMessage = {
    ruleId: message.ruleId ?? 'essaylint',
    severity: severityOf(message),
    message: message.reason,
    line,
    column,
    endLine: end?.line ?? line,
    endColumn: end?.column ?? column
  }
  const messageId = (message as VFileMessage & {messageId?: string}).messageId
  if (messageId) result.messageId = messageId
  if (message.url) result.url = message.url
  if (message.paragraph !== undefined) result.paragraph = message.paragraph
  if (message.quote !== undefined) result.quote = message.quote
  if (message.expected && message.expected.length > 0) result.suggestion = message.expected[0]
  if (message.note) result.note = message.note
  const data = (message as VFileMessage & {data?: Record<string, unknown>}).data
  if (data) result.data = data
  return result
}

export function toJsonResult(file: VFile, path: string): JsonResult {
  const messages = file.messages.map(toJsonMessage).sort((a, b) => a.line - b.line || a.column - b.column)
  return {
    path,
    messages,
    errorCount: messages.filter((m) => m.severity === 'error').length,
    warningCount: messages.filter((m) => m.severity === 'warning').length,
    infoCount: messages.filter((m) => m.severity === 'info').length
  }
}

/**
 * One element of the report's array, as `JSON.stringify(array, null, 2)`
 * writes it: a class's report can be written element by element
 * (`jsonArrayWriter`) without holding every result as a VFile.
 */
export function jsonElement(result: object, indent = '  '): string {
  return indent + JSON.stringify(result, null, 2).replace(/\n/g, '\n' + indent)
}

/**
 * A report that ends in a JSON array (the JSON report, SARIF's results),
 * written as its elements come: `head`, the elements as
 * `JSON.stringify(…, null, 2)` lays them out (each already indented, see
 * `jsonElement`), the array's closing bracket at `indent`, then `tail`.
 * `write` gets pieces of about 64 kB, never the whole report.
 */
export function jsonArrayWriter(write: (piece: string) => void, {head = '', indent = '', tail = '\n'} = {}) {
  let piece = head
  let first = true
  return {
    add(element: string): void {
      piece += (first ? '[\n' : ',\n') + element
      first = false
      if (piece.length >= 65_536) {
        write(piece)
        piece = ''
      }
    },
    end(): void {
      write(piece + (first ? '[]' : `\n${indent}]`) + tail)
    }
  }
}

/** The whole text a `jsonArrayWriter` writes, for the reports made in one piece. */
export function joined(fill: (write: (piece: string) => void) => void): string {
  const pieces: string[] = []
  fill((piece) => pieces.push(piece))
  return pieces.join('')
}

export function jsonReport(files: Array<{file: VFile; path: string}>): string {
  return JSON.stringify(files.map(({file, path}) => toJsonResult(file, path)), null, 2) + '\n'
}

/** A linted file again, from its JSON report: what the reporters need (worker results, the cache). */
export function fromJson(result: JsonResult, cwd?: string): VFile {
  const file = new VFile({path: result.path, cwd})
  for (const m of result.messages) {
    const message = file.message(m.message, {
      place: {start: {line: m.line, column: m.column}, end: {line: m.endLine, column: m.endColumn}},
      ruleId: m.ruleId,
      source: 'essaylint'
    })
    message.fatal = m.severity === 'error' ? true : m.severity === 'warning' ? false : undefined
    if (m.messageId) Object.assign(message, {messageId: m.messageId})
    if (m.url) message.url = m.url
    if (m.paragraph !== undefined) message.paragraph = m.paragraph
    if (m.quote !== undefined) message.quote = m.quote
    if (m.note) message.note = m.note
    if (m.suggestion) message.expected = [m.suggestion]
    if (m.data) Object.assign(message, {data: m.data})
  }
  return file
}
