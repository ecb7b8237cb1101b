/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the
 * pull request (`::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`).
 * Escaping follows @actions/core: in the message `%`, `\r` and `\n`; in
 * properties also `:` and `,`. Other control characters (a file name or an
 * essay with ESC sequences) are written as visible escapes (src/escape.ts).
 */

import type {ReportInput} from './index.js'
import {severityOf} from './json.js'
import {visibleKeepingLineBreaks} from '../escape.js'

const commands = {error: 'error', warning: 'warning', info: 'notice'} as const

export function escapeData(text: string): string {
  return visibleKeepingLineBreaks(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

export function githubReport({files}: ReportInput): string {
  const lines: string[] = []
  for (const {file, path} of files) {
    for (const m of file.messages) {
      const end = m.place && 'end' in m.place ? m.place.end : undefined
      const line = m.line ?? 1
      const col = m.column ?? 1
      const properties = [
        `file=${escapeProperty(path)}`,
        `line=${line}`,
        `col=${col}`,
        `endLine=${end?.line ?? line}`,
        `endColumn=${end?.column ?? col}`,
        `title=${escapeProperty(`essaylint(${m.ruleId ?? 'essaylint'})`)}`
      ]
      lines.push(`::${commands[severityOf(m)]} ${properties.join(',')}::${escapeData(m.reason)}`)
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : ''
}
