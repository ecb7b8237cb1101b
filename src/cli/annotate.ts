/**
 * `essaylint annotate essay.docx [-o out.docx] [--grade] [lint options]`:
 * writes `essay.essaylint.docx`, a copy of the student's Word file with each
 * finding as a comment on its sentence (the message, then the rule id and
 * its docs link) and one comment on the title with the essay-level findings
 * and, with `--grade`, the rubric score and its explanation. The findings
 * are the ones `essaylint -f json` reports for the file (same config, same
 * options): this command runs the CLI itself for them. The original is never
 * written to.
 */

import {readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import type {Grade} from '../grade/score.js'
import type {JsonResult} from '../reporters/json.js'
import {collector} from './parallel.js'
import type {Io} from './main.js'

export async function annotate(argv: string[], io: Io, main: (argv: string[], io: Io) => Promise<number>): Promise<number> {
  const withGrade = argv.includes('--grade')
  const rest = argv.filter((arg) => arg !== '--grade')
  // -o / --output name the annotated copy; everything else is the linter's.
  let output: string | undefined
  const lintArgs: string[] = []
  for (let index = 0; index < rest.length; index++) {
    const arg = rest[index]
    if (arg === '-o' || arg === '--output') output = rest[++index]
    else if (arg.startsWith('--output=')) output = arg.slice('--output='.length)
    else lintArgs.push(arg)
  }
  const files = lintArgs.filter((arg) => /\.docx$/i.test(arg))
  if (files.length !== 1 || (output !== undefined && !/\.docx$/i.test(output))) {
    io.stderr.write('essaylint: annotate: give one Word file (essaylint annotate essay.docx [-o annotated.docx] [--grade])\n')
    return 2
  }
  const [file] = files
  const target = path.resolve(io.cwd, output ?? file.replace(/\.docx$/i, '.essaylint.docx'))
  if (target === path.resolve(io.cwd, file)) {
    io.stderr.write(`essaylint: ${output}: refusing to write over the essay itself; name another file with -o\n`)
    return 2
  }
  const run = async (args: string[]) => {
    const stdout = collector()
    const stderr = collector()
    const code = await main(args, {...io, stdout, stderr})
    return {code, stdout: stdout.text(), stderr: stderr.text()}
  }
  const lint = await run(['-f', 'json', ...lintArgs])
  if (lint.code === 2 || !lint.stdout.trim()) {
    io.stderr.write(lint.stderr)
    return 2
  }
  const [report] = JSON.parse(lint.stdout) as JsonResult[]
  let grade: Grade | undefined
  if (withGrade) {
    const graded = await run(['grade', '-f', 'json', ...lintArgs])
    if (graded.code === 2) return io.stderr.write(graded.stderr), 2
    grade = (JSON.parse(graded.stdout) as {essays: Grade[]}).essays[0]
  }
  const text = (m: JsonResult['messages'][number]) => [m.message, m.url ? `${m.ruleId}: ${m.url}` : m.ruleId]
  // Findings on a sentence of the essay get their own comment; those on the title are about the whole essay.
  const sentences = report.messages.filter((m) => m.paragraph !== undefined && m.quote)
  const essay = report.messages.filter((m) => !(m.paragraph !== undefined && m.quote))
  const titleText = essay.flatMap(text)
  if (grade) {
    titleText.push(`Grade: ${grade.score}/${grade.max}`)
    for (const criterion of grade.criteria) titleText.push(`${criterion.label}: ${criterion.score}/${criterion.max}${criterion.evidence.length > 0 ? ` (${criterion.evidence.join('; ')})` : ''}`)
  }
  const {annotateDocx} = await import('../annotate/docx-comments.js')
  const {ReaderError} = await import('../readers/errors.js')
  try {
    const result = await annotateDocx(
      readFileSync(path.resolve(io.cwd, file)),
      sentences.map((m) => ({text: text(m), quote: m.quote})),
      titleText.length > 0 ? {text: titleText} : undefined
    )
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`)
    try {
      writeFileSync(temp, result.docx)
      renameSync(temp, target)
    } catch (error) {
      rmSync(temp, {force: true})
      throw error
    }
    const shown = path.relative(io.cwd, target) || target
    const comments = result.anchored + (titleText.length > 0 || result.unanchored.length > 0 ? 1 : 0)
    io.stderr.write(`essaylint: wrote ${shown}: ${comments} comment${comments === 1 ? '' : 's'} (${result.anchored} on sentences${comments > result.anchored ? ', 1 on the title' : ''})\n`)
    return lint.code
  } catch (error) {
    if (error instanceof ReaderError) return io.stderr.write(`essaylint: ${file}: ${error.message}\n`), 2
    const code = (error as NodeJS.ErrnoException).code
    if (code) return io.stderr.write(`essaylint: ${path.relative(io.cwd, target)}: cannot write the annotated copy (${code})\n`), 2
    throw error
  }
}
