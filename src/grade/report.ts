/**
 * Grade reports: a readable table, JSON, Markdown (for a GitHub job summary)
 * and CSV (the class sheet). File names, labels and evidence (which quotes
 * the essay) are shown with control characters escaped (src/escape.ts); the
 * CSV is written by csv-stringify, which also neutralises cells a
 * spreadsheet would run as formulas (`=`, `+`, `-`, `@`, tab, CR first).
 */

import {stringify} from 'csv-stringify/sync'
import {visible} from '../escape.js'
import type {Grade} from './score.js'
import {classStats} from './stats.js'
import type {ShardInfo} from './shards.js'

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...text].length))
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1))

export function gradeText(grades: Grade[]): string {
  if (grades.length === 0) return ''
  const criteria = grades[0].criteria
  const head = ['essay', 'score', ...criteria.map((c) => visible(c.label))]
  const rows = grades.map((g) => [visible(g.path), `${fmt(g.score)}/${fmt(g.max)}`, ...g.criteria.map((c) => `${fmt(c.score)}/${fmt(c.max)}`)])
  const widths = head.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)))
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i])).join('  ').trimEnd()
  const out = [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '']
  for (const grade of grades) {
    out.push(`${visible(grade.path)}: ${fmt(grade.score)}/${fmt(grade.max)}`)
    for (const c of grade.criteria) out.push(`  ${pad(visible(c.label), 26)} ${pad(`${fmt(c.score)}/${fmt(c.max)}`, 9)} ${visible(c.evidence.join('; '))}`)
    out.push('')
  }
  out.push(classLine(grades), '')
  return out.join('\n')
}

/** The class summary in one line: count, mean, median, range, standard deviation. */
function classLine(grades: Grade[]): string {
  const s = classStats(grades)
  return `class: ${s.count} essay${s.count === 1 ? '' : 's'}, mean ${fmt(s.mean)}, median ${fmt(s.median)}, range ${fmt(s.min)}–${fmt(s.max)}, standard deviation ${fmt(s.standardDeviation)} (out of ${fmt(s.outOf)})`
}

/** With `--shard`, the report says which part of the class it is (src/grade/shards.ts). */
export function gradeJson(grades: Grade[], shard?: ShardInfo): string {
  return JSON.stringify({summary: classStats(grades), essays: grades, ...(shard ? {shard} : {})}, null, 2) + '\n'
}

const mdCell = (text: string) => visible(text.replace(/\r?\n/g, ' ')).replace(/\|/g, '\\|')

export function gradeMarkdown(grades: Grade[]): string {
  if (grades.length === 0) return '## essaylint grades\n\nNo essays graded.\n'
  const criteria = grades[0].criteria
  const out = ['## essaylint grades', '', `| Essay | Score | ${criteria.map((c) => mdCell(c.label)).join(' | ')} |`, `| --- | ---: | ${criteria.map(() => '---:').join(' | ')} |`]
  for (const g of grades) out.push(`| ${mdCell(g.path)} | **${fmt(g.score)}**/${fmt(g.max)} | ${g.criteria.map((c) => `${fmt(c.score)}/${fmt(c.max)}`).join(' | ')} |`)
  out.push('', ...classMarkdown(grades), '')
  for (const g of grades) {
    out.push(`<details><summary>${mdCell(g.path)}: ${fmt(g.score)}/${fmt(g.max)}</summary>`, '')
    for (const c of g.criteria) out.push(`- **${mdCell(c.label)}** ${fmt(c.score)}/${fmt(c.max)}: ${mdCell(c.evidence.join('; '))}`)
    out.push('', '</details>', '')
  }
  return out.join('\n')
}

/** The class summary: the score's statistics, then each criterion's mean and range. */
function classMarkdown(grades: Grade[]): string[] {
  const s = classStats(grades)
  const out = [
    '### Class',
    '',
    '| | Essays | Mean | Median | Range | Std. dev. |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    `| **Score** (of ${fmt(s.outOf)}) | ${s.count} | ${fmt(s.mean)} | ${fmt(s.median)} | ${fmt(s.min)}–${fmt(s.max)} | ${fmt(s.standardDeviation)} |`
  ]
  for (const c of s.criteria) out.push(`| ${mdCell(c.label)} (of ${fmt(c.outOf)}) | ${c.count} | ${fmt(c.mean)} | ${fmt(c.median)} | ${fmt(c.min)}–${fmt(c.max)} | ${fmt(c.standardDeviation)} |`)
  return out
}

export function gradeCsv(grades: Grade[]): string {
  const ids = grades[0]?.criteria.map((c) => c.id) ?? []
  const rows = [['path', 'score', 'max', ...ids], ...grades.map((g) => [visible(g.path), fmt(g.score), fmt(g.max), ...g.criteria.map((c) => fmt(c.score))])]
  // RFC 4180 (CRLF, fields quoted where needed), formulas neutralised.
  return stringify(rows, {record_delimiter: 'windows', escape_formulas: true})
}

export const gradeFormats: Record<string, (grades: Grade[], shard?: ShardInfo) => string> = {
  text: gradeText,
  stylish: gradeText,
  json: gradeJson,
  markdown: gradeMarkdown,
  csv: gradeCsv
}
