/**
 * A class's lint report in `--format json` or `sarif`, written as the
 * workers' batches come rather than built at the end: each essay's part of
 * the report goes out once every essay before it (in path order, the order
 * of every report) has come, to stdout or to the temporary file of `-o`
 * (src/cli/safe-output.ts). The parent holds only the parts that came
 * early, so its memory does not grow with the class; the text is the one a
 * single process writes (tests/parallel.test.ts compares them).
 *
 * The other formats are built at the end: stylish (vfile-reporter) lays out
 * one table whose columns are as wide as their widest cell in any file, and
 * the grade reports open with the class's statistics.
 */

import type {VFile} from 'vfile'
import {fromJson, jsonArrayWriter, jsonElement, toJsonResult, type JsonResult} from '../reporters/json.js'
import {sarifElements, sarifResults, sarifWriter} from '../reporters/sarif.js'
import {withoutStackTraces} from '../rule.js'
import type {CliOptions} from './args.js'
import {inPathOrder, jsonResultsOf, problemsOf, type WorkerPool} from './parallel.js'

/** The formats a class run writes as its results come. */
export const streamedFormats = new Set(['json', 'sarif'])

/** What the exit code and the empty-folder check need of each reported essay. */
export interface Reported {
  path: string
  errors: number
  warnings: number
}

/**
 * Lint a class in the workers and write its report through `write` as it
 * comes. Resolves to every reported essay's counts, and the workers' problem
 * lines.
 */
export async function lintClassStreamed(pool: WorkerPool, options: CliOptions, cwd: string, files: string[], write: (piece: string) => void): Promise<{reported: Reported[]; problems: string[]}> {
  const sarif = options.format === 'sarif'
  const report = sarif ? sarifWriter(write) : jsonArrayWriter(write)
  const ordered = inPathOrder<string>(files, (element) => report.add(element))
  const reported: Reported[] = []
  const problems: string[] = []
  const partOf = (json: JsonResult): string[] => {
    if (!sarif && !options.quiet) {
      reported.push({path: json.path, errors: json.errorCount, warnings: json.warningCount})
      return [jsonElement(json)]
    }
    // As a single process reports it: the file's messages (in reading order
    // already), errors only with --quiet.
    const file: VFile = withoutStackTraces(() => fromJson(json))
    if (options.quiet) file.messages = file.messages.filter((message) => message.fatal === true)
    reported.push({path: json.path, errors: file.messages.filter((m) => m.fatal === true).length, warnings: file.messages.filter((m) => m.fatal === false).length})
    return sarif ? sarifElements(sarifResults(file, json.path)) : [jsonElement(toJsonResult(file, json.path))]
  }
  await pool.run(options, cwd, files, false, (result, batch) => {
    const results = jsonResultsOf(result)
    ordered.add(
      batch,
      results.flatMap((json) => partOf(json).map((item) => ({path: json.path, item})))
    )
    problems.push(...problemsOf([result]))
  })
  ordered.end()
  report.end()
  return {reported, problems}
}
