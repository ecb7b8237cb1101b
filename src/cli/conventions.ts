/**
 * The CLI conventions essaylint shares with ESLint, kept out of main.ts:
 * what `--max-warnings` and `--min-score` say when a run fails on them, the
 * report (a built-in format or the user's formatter module), and the terminal
 * width stylish wraps to. (`--ignore-path` and `--ignore-pattern` are engine
 * options: src/engine-options.ts.)
 */

import type {VFile} from 'vfile'
import type {Grade} from '../grade/score.js'
import {FormatterError} from '../reporters/custom.js'
import {formats, type ReportInput} from '../reporters/index.js'
import type {CliOptions} from './args.js'

interface Streams {
  stdout: {isTTY?: boolean; columns?: number}
  stderr: {write(text: string): unknown}
}

/** At most this many essays are named in a failure line; the rest are counted. */
const named = 10

function list(items: string[]): string {
  const shown = items.slice(0, named).join(', ')
  return items.length > named ? `${shown} and ${items.length - named} more` : shown
}

/**
 * The exit code of a lint run: 1 on an error finding, or on more warnings
 * than `--max-warnings` allows, which is then said on stderr with the essays
 * that have the most warnings (the report itself stays as the format has it).
 */
export function exceeded(reported: Array<{file: VFile; path: string}>, options: CliOptions, io: Streams): number {
  return exceededCounts(
    reported.map(({file, path}) => ({
      path,
      errors: file.messages.filter((message) => message.fatal === true).length,
      warnings: file.messages.filter((message) => message.fatal === false).length
    })),
    options,
    io
  )
}

/** `exceeded` from each essay's counts of errors and warnings. */
export function exceededCounts(counts: Array<{path: string; errors: number; warnings: number}>, options: CliOptions, io: Streams): number {
  let errors = 0
  const warnings: Array<{path: string; count: number}> = []
  for (const {path, errors: errorCount, warnings: count} of counts) {
    errors += errorCount
    if (count > 0) warnings.push({path, count})
  }
  const total = warnings.reduce((sum, w) => sum + w.count, 0)
  if (total > options.maxWarnings) {
    warnings.sort((a, b) => b.count - a.count || (a.path < b.path ? -1 : 1))
    io.stderr.write(
      `essaylint: ${total} warning${total === 1 ? '' : 's'}, more than --max-warnings ${options.maxWarnings} allows: ${list(warnings.map((w) => `${w.path} (${w.count})`))}\n`
    )
  }
  return errors > 0 || total > options.maxWarnings ? 1 : 0
}

/** The exit code of a grade run: 1 when an essay scores below `--min-score`, said on stderr with those essays, lowest first. */
export function belowMinScore(grades: Grade[], options: CliOptions, io: Streams): number {
  if (options.minScore === undefined) return 0
  const below = grades.filter((g) => g.score < options.minScore!).sort((a, b) => a.score - b.score || (a.path < b.path ? -1 : 1))
  if (below.length === 0) return 0
  io.stderr.write(
    `essaylint: ${below.length} essay${below.length === 1 ? '' : 's'} scored below --min-score ${options.minScore}: ${list(below.map((g) => `${g.path} (${g.score}/${g.max})`))}\n`
  )
  return 1
}

/** The lint report in the chosen format; a formatter module that fails is a problem line (exit 2). */
export async function lintReport(custom: ((input: ReportInput) => Promise<string>) | undefined, input: ReportInput, format: string, problems: string[]): Promise<string> {
  if (!custom) return formats[format](input)
  try {
    return await custom(input)
  } catch (error) {
    if (!(error instanceof FormatterError)) throw error
    problems.push(error.message)
    return ''
  }
}

/**
 * The width stylish wraps to: the terminal's, else `COLUMNS` when set (a
 * pager, or a CI log of known width); a report to a file or a pipe without
 * `COLUMNS` is not wrapped, so tools reading it get one line per finding.
 */
export function terminalWidth(io: Streams, options: Pick<CliOptions, 'output' | 'format'>): number | undefined {
  if (options.format !== 'stylish' || options.output) return undefined
  if (io.stdout.isTTY && io.stdout.columns) return io.stdout.columns
  const columns = Number(process.env.COLUMNS)
  return Number.isInteger(columns) && columns > 0 ? columns : undefined
}
