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

import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Comment} from '../annotate/docx-comments.js'
import type {Grade} from '../grade/score.js'
import type {JsonMessage, JsonResult} from '../reporters/json.js'
import {collector} from './parallel.js'
import type {Io} from './main.js'
import {writeReport} from './safe-output.js'

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
  try {
    const written = await writeAnnotatedCopy(readFileSync(path.resolve(io.cwd, file)), report.messages, grade, target)
    const shown = path.relative(io.cwd, target) || target
    io.stderr.write(`essaylint: wrote ${shown}: ${commentCount(written)}\n`)
    return lint.code
  } catch (error) {
    const problem = await annotateProblem(error, file, path.relative(io.cwd, target))
    return io.stderr.write(`essaylint: ${problem}\n`), 2
  }
}

/** The comments of an essay's annotated copy: each finding on a sentence on its sentence; the rest, and the grade, on the title. */
export function feedbackComments(messages: JsonMessage[], grade?: Grade): {sentences: Comment[]; title?: Comment} {
  const text = (m: JsonMessage) => [m.message, m.url ? `${m.ruleId}: ${m.url}` : m.ruleId]
  const onSentence = (m: JsonMessage) => m.paragraph !== undefined && Boolean(m.quote)
  const titleText = messages.filter((m) => !onSentence(m)).flatMap(text)
  if (grade) {
    titleText.push(`Grade: ${grade.score}/${grade.max}`)
    for (const criterion of grade.criteria) titleText.push(`${criterion.label}: ${criterion.score}/${criterion.max}${criterion.evidence.length > 0 ? ` (${criterion.evidence.join('; ')})` : ''}`)
  }
  return {
    sentences: messages.filter(onSentence).map((m) => ({text: text(m), quote: m.quote})),
    title: titleText.length > 0 ? {text: titleText} : undefined
  }
}

export interface Written {
  /** Comments on sentences, and whether there is one on the title. */
  anchored: number
  onTitle: boolean
}

/**
 * Write the annotated copy of a Word file (its bytes) to `target`, through
 * an exclusive temporary file and a rename (src/cli/safe-output.ts): the one
 * step that `essaylint annotate` and `essaylint grade --annotate` share.
 */
export async function writeAnnotatedCopy(docx: Buffer, messages: JsonMessage[], grade: Grade | undefined, target: string): Promise<Written> {
  const {annotateDocx} = await import('../annotate/docx-comments.js')
  const {sentences, title} = feedbackComments(messages, grade)
  const result = await annotateDocx(docx, sentences, title)
  writeReport(target, result.docx)
  return {anchored: result.anchored, onTitle: title !== undefined || result.unanchored.length > 0}
}

/** "12 comments (11 on sentences, 1 on the title)". */
export function commentCount({anchored, onTitle}: Written): string {
  const comments = anchored + (onTitle ? 1 : 0)
  return `${comments} comment${comments === 1 ? '' : 's'} (${anchored} on sentences${onTitle ? ', 1 on the title' : ''})`
}

/** One line for a copy that could not be made: the document is damaged, or the copy cannot be written. */
export async function annotateProblem(error: unknown, file: string, target: string): Promise<string> {
  const {ReaderError} = await import('../readers/errors.js')
  if (error instanceof ReaderError) return `${file}: ${error.message}`
  const code = (error as NodeJS.ErrnoException).code
  if (code) return `${target}: cannot write the annotated copy (${code})`
  throw error
}
