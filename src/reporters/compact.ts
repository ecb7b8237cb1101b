/**
 * One line per finding, in the two plain-text forms ESLint users already pipe
 * into other tools:
 *   compact  `essay.md: line 5, col 1, Warning - reason (unsupported-claim)`
 *   unix     `essay.md:5:1: reason [Warning/unsupported-claim]` (what editors' error parsers read)
 * followed by a count of the findings.
 */

import {visible} from '../escape.js'
import type {ReportInput} from './index.js'
import {toJsonResult, type JsonMessage} from './json.js'

const label = (m: JsonMessage) => m.severity[0].toUpperCase() + m.severity.slice(1)
/**
 * A report line is one line: a reason never spans several, and file names and
 * quoted essay text reach the terminal with their control characters escaped.
 */
const oneLine = (text: string) => visible(text.replace(/\s*[\r\n]+\s*/g, ' '))

function lines(input: ReportInput, line: (path: string, m: JsonMessage) => string): string {
  const out: string[] = []
  for (const {file, path} of input.files) {
    for (const m of toJsonResult(file, path).messages) out.push(line(visible(path), m))
  }
  if (out.length === 0) return ''
  return `${out.join('\n')}\n\n${out.length} problem${out.length === 1 ? '' : 's'}\n`
}

export const compactReport = (input: ReportInput) => lines(input, (path, m) => `${path}: line ${m.line}, col ${m.column}, ${label(m)} - ${oneLine(m.message)} (${m.ruleId})`)

export const unixReport = (input: ReportInput) => lines(input, (path, m) => `${path}:${m.line}:${m.column}: ${oneLine(m.message)} [${label(m)}/${m.ruleId}]`)
