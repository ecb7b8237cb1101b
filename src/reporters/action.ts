/**
 * The GitHub Action's lint output (scripts/action.sh): annotations within
 * GitHub's limits, and a class summary for the job summary.
 *
 * GitHub shows at most 10 annotations of each kind (error, warning, notice)
 * per step and drops the rest without a word; a class can have thousands of
 * findings. So: every kind is capped at 10, errors first, and warnings and
 * notices are dealt out round-robin over the essays (each essay's first,
 * then each one's second, …) so that one weak essay does not hide the
 * others. One notice says how many findings were left out, and where they
 * all are (the summary, and the full report when the workflow keeps it).
 */

import {escapeData, escapeProperty} from './github.js'
import type {JsonMessage, JsonResult} from './json.js'

/** Annotations GitHub shows per kind and step. */
export const annotationLimit = 10

const commands = {error: 'error', warning: 'warning', info: 'notice'} as const

function annotation(path: string, m: JsonMessage): string {
  const properties = [
    `file=${escapeProperty(path)}`,
    `line=${m.line}`,
    `col=${m.column}`,
    `endLine=${m.endLine}`,
    `endColumn=${m.endColumn}`,
    `title=${escapeProperty(`essaylint(${m.ruleId})`)}`
  ]
  return `::${commands[m.severity]} ${properties.join(',')}::${escapeData(m.message)}`
}

/** Up to `limit` findings of one severity, round-robin over the essays. */
function dealt(results: JsonResult[], severity: JsonMessage['severity'], limit: number): Array<{path: string; message: JsonMessage}> {
  const queues = results.map((r) => ({path: r.path, messages: r.messages.filter((m) => m.severity === severity)}))
  const chosen: Array<{path: string; message: JsonMessage}> = []
  for (let round = 0; chosen.length < limit; round++) {
    const before = chosen.length
    for (const queue of queues) {
      if (chosen.length >= limit) break
      if (round < queue.messages.length) chosen.push({path: queue.path, message: queue.messages[round]})
    }
    if (chosen.length === before) break
  }
  return chosen
}

export function annotations(results: JsonResult[], limit = annotationLimit): {lines: string[]; left: number} {
  const total = results.reduce((sum, r) => sum + r.messages.length, 0)
  const count = (severity: JsonMessage['severity']) => results.reduce((sum, r) => sum + r.messages.filter((m) => m.severity === severity).length, 0)
  // The notice that counts the rest takes one notice's place when something is left out.
  const errors = dealt(results, 'error', limit)
  const warnings = dealt(results, 'warning', limit)
  let notices = dealt(results, 'info', limit)
  let left = total - errors.length - warnings.length - notices.length
  if (left > 0 && notices.length === limit) {
    notices = notices.slice(0, limit - 1)
    left++
  }
  const lines = [...errors, ...warnings, ...notices].map(({path, message}) => annotation(path, message))
  if (left > 0) {
    const kinds = (['error', 'warning', 'info'] as const)
      .map((severity) => {
        const shown = [...errors, ...warnings, ...notices].filter((a) => a.message.severity === severity).length
        const missing = count(severity) - shown
        return missing > 0 ? `${missing} ${severity === 'info' ? 'info' : severity + (missing === 1 ? '' : 's')}` : ''
      })
      .filter(Boolean)
    lines.push(`::notice title=essaylint::${escapeData(`${left} more finding${left === 1 ? ' is' : 's are'} not shown as annotations (${kinds.join(', ')}): GitHub shows ${limit} of each kind per step. Every finding is in the job summary's table.`)}`)
  }
  return {lines, left}
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ')

/** The class summary (Markdown): findings per essay and per rule. */
export function classSummary(results: JsonResult[]): string {
  const sum = (key: 'errorCount' | 'warningCount' | 'infoCount') => results.reduce((total, r) => total + r[key], 0)
  const lines = [
    '## essaylint findings',
    '',
    `${results.length} essay${results.length === 1 ? '' : 's'}: ${sum('errorCount')} errors, ${sum('warningCount')} warnings, ${sum('infoCount')} info.`,
    '',
    '| essay | errors | warnings | info |',
    '| --- | ---: | ---: | ---: |',
    ...results.map((r) => `| ${cell(r.path)} | ${r.errorCount} | ${r.warningCount} | ${r.infoCount} |`)
  ]
  const byRule = new Map<string, number>()
  for (const r of results) for (const m of r.messages) byRule.set(m.ruleId, (byRule.get(m.ruleId) ?? 0) + 1)
  if (byRule.size > 0) {
    lines.push('', '| rule | findings |', '| --- | ---: |')
    for (const [rule, n] of [...byRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) lines.push(`| ${cell(rule)} | ${n} |`)
  }
  return lines.join('\n') + '\n\n'
}
