/**
 * essaylint messages as LSP diagnostics. unist positions are 1-based lines
 * and columns counted in UTF-16 code units; LSP positions are 0-based and
 * count UTF-16 code units by default, so converting is subtracting one.
 */

import {DiagnosticSeverity, type Diagnostic, type Range} from 'vscode-languageserver'
import type {VFileMessage} from 'vfile-message'
import {describeFailure} from './lint.js'

export const source = 'essaylint'

/** What a diagnostic carries for its code actions. */
export interface DiagnosticData {
  ruleId: string
  expected?: string[]
  /** Text to insert at a 1-based line and column, with the quick fix's title. */
  fix?: {title: string; text: string; line: number; column: number}
}

const zero: Range = {start: {line: 0, character: 0}, end: {line: 0, character: 0}}

function toRange(message: VFileMessage): Range {
  const place = message.place
  if (!place) return message.line ? pointRange(message.line, message.column ?? 1) : zero
  if ('start' in place) {
    const start = {line: Math.max(0, place.start.line - 1), character: Math.max(0, place.start.column - 1)}
    const end = place.end ? {line: Math.max(0, place.end.line - 1), character: Math.max(0, place.end.column - 1)} : start
    return {start, end}
  }
  return pointRange(place.line, place.column)
}

function pointRange(line: number, column: number): Range {
  const point = {line: Math.max(0, line - 1), character: Math.max(0, column - 1)}
  return {start: point, end: point}
}

/** Error → Error, warning → Warning, info → Information (the severities of docs/internals/architecture.md). */
export function severityOf(message: VFileMessage): DiagnosticSeverity {
  return message.fatal === true ? DiagnosticSeverity.Error : message.fatal === false ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information
}

/** One diagnostic per message, in reading order; input and config problems become one error at the top. */
export function toDiagnostics(messages: VFileMessage[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  for (const message of messages) {
    if (!message.ruleId) {
      if (message.fatal !== true) continue
      const text = describeFailure(message)
      if (text) diagnostics.push({range: zero, severity: DiagnosticSeverity.Error, source, message: text})
      continue
    }
    const note = (message as {note?: unknown}).note
    const expected = Array.isArray(message.expected) ? message.expected.filter((e): e is string => typeof e === 'string') : undefined
    const data: DiagnosticData = {ruleId: message.ruleId}
    if (expected && expected.length > 0) data.expected = expected
    // An insertion the rule knows (a citation placeholder): a quick fix of its own.
    const fix = (message as {fix?: DiagnosticData['fix']}).fix
    if (fix) data.fix = fix
    const diagnostic: Diagnostic = {
      range: toRange(message),
      severity: severityOf(message),
      source,
      code: message.ruleId,
      message: typeof note === 'string' && note ? `${message.reason}\n${note}` : message.reason,
      data
    }
    if (message.url) diagnostic.codeDescription = {href: message.url}
    diagnostics.push(diagnostic)
  }
  // In reading order, as the CLI's reports list them (stable for equal starts).
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
}
