/**
 * `essaylint grade --annotate DIR`: each Word essay of a class gets the copy
 * `essaylint annotate --grade` makes, in DIR, named by student for a class
 * zip; in the parallel path too; never over an essay, never outside DIR.
 */

import {execFile as execFileCallback} from 'node:child_process'
import {copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {promisify} from 'node:util'
import {describe, expect, it} from 'vitest'
import {extractText} from '../src/readers/index.js'
import {commentsOf, soffice} from './docx-helper.js'
import {root, run, workspace} from './helpers.js'
import {makeZip} from './zip-helper.js'

/** The real binary, without blocking the test worker's event loop (vitest reports progress through it). */
const execFile = promisify(execFileCallback)

const doc = (name: string) => readFileSync(path.join(root, 'fixtures/documents', name))

/** Every file under a folder, as sorted relative paths. */
const filesIn = (dir: string): string[] =>
  readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .filter((name) => lstatSync(path.join(dir, name)).isFile())
    .sort()

interface Message {
  ruleId: string
  message: string
  url: string
  paragraph?: number
  quote?: string
}

/** The comments an essay's copy must hold: one per finding on its sentence, then the title's (essay-level findings, the grade). */
async function expectedComments(cwd: string, essay: string) {
  const [{messages}] = JSON.parse((await run(['-f', 'json', essay], {cwd: cwd})).stdout) as Array<{messages: Message[]}>
  const [grade] = (JSON.parse((await run(['grade', '-f', 'json', essay], {cwd: cwd})).stdout) as {essays: Array<{score: number; max: number}>}).essays
  const onSentence = (m: Message) => m.paragraph !== undefined && Boolean(m.quote)
  const text = (m: Message) => [m.message, `${m.ruleId}: ${m.url}`]
  return {
    sentences: messages.filter(onSentence).map((m) => ({author: 'essaylint', text: text(m), anchor: m.quote})),
    title: messages.filter((m) => !onSentence(m)).flatMap(text),
    grade: `Grade: ${grade.score}/${grade.max}`
  }
}

/** A class folder: three Word essays (one in a sub-folder), a PDF and a Markdown essay. */
function classFolder(): string {
  return workspace({
    'class/mali-sovereignty.docx': doc('mali-sovereignty.docx'),
    'class/weak-no-theory.docx': doc('weak-no-theory.docx'),
    'class/section-b/rwanda-case-study.docx': doc('rwanda-case-study.docx'),
    'class/strong-three-lenses.pdf': doc('strong-three-lenses.pdf'),
    'class/protection-of-civilians.md': readFileSync(path.join(root, 'fixtures/essays/protection-of-civilians.md'))
  })
}

describe('essaylint grade --annotate DIR', () => {
  it('a folder: one copy per Word essay, by its path in the folder; each holds one comment per finding and the title comment; the text is unchanged', async () => {
    const dir = classFolder()
    const before = new Map(filesIn(path.join(dir, 'class')).map((name) => [name, readFileSync(path.join(dir, 'class', name))]))
    const result = await run(['grade', '-f', 'csv', '--annotate', 'feedback', 'class'], {cwd: dir})
    expect(result.code).toBe(0)
    expect(filesIn(path.join(dir, 'feedback'))).toEqual(['mali-sovereignty.essaylint.docx', 'section-b/rwanda-case-study.essaylint.docx', 'weak-no-theory.essaylint.docx'])
    let total = 0
    for (const [essay, copy] of [
      ['class/mali-sovereignty.docx', 'feedback/mali-sovereignty.essaylint.docx'],
      ['class/section-b/rwanda-case-study.docx', 'feedback/section-b/rwanda-case-study.essaylint.docx'],
      ['class/weak-no-theory.docx', 'feedback/weak-no-theory.essaylint.docx']
    ]) {
      const expected = await expectedComments(dir, essay)
      const found = await commentsOf(path.join(dir, copy))
      expect(expected.sentences.length).toBeGreaterThan(3)
      expect(found.slice(0, -1)).toEqual(expected.sentences)
      expect(found.at(-1)!.text.slice(0, expected.title.length)).toEqual(expected.title)
      expect(found.at(-1)!.text).toContain(expected.grade)
      // Read back by essaylint's own reader: the student's text, unchanged.
      expect(await extractText(copy, readFileSync(path.join(dir, copy)))).toBe(await extractText(essay, readFileSync(path.join(dir, essay))))
      total += found.length
    }
    expect(result.stderr).toBe(
      `essaylint: wrote 3 annotated copies to feedback/ (${total} comments)\n` +
        'essaylint: note: not annotated: 2 essays not in Word format (1 .md, 1 .pdf): only .docx files get comments; their grades are in the report\n'
    )
    // The class folder is as it was: no copy beside the essays, no essay changed.
    expect(new Map(filesIn(path.join(dir, 'class')).map((name) => [name, readFileSync(path.join(dir, 'class', name))]))).toEqual(before)
  }, 120_000)

  it('a class zip: each copy named by student, with the comments essaylint annotate --grade writes', async () => {
    const dir = workspace({
      'submissions.zip': makeZip([
        {name: 'doejane_12345_67890_Mali essay.docx', data: doc('mali-sovereignty.docx')},
        {name: 'Ann Lee_67890_assignsubmission_file_/essay.docx', data: doc('weak-no-theory.docx')},
        {name: 'Essay 1_jdoe_attempt_2026-11-30-09-15-00_Rwanda.docx', data: doc('rwanda-case-study.docx')},
        {name: 'Essay 1_jdoe_attempt_2026-11-30-09-15-00.txt', data: 'Submission receipt'},
        {name: 'smithjohn_LATE_22222_33333_final.pdf', data: doc('weak-no-theory.pdf')}
      ]),
      'mali-sovereignty.docx': doc('mali-sovereignty.docx')
    })
    const zip = readFileSync(path.join(dir, 'submissions.zip'))
    const result = await run(['grade', '-f', 'json', '--annotate', 'back', 'submissions.zip'], {cwd: dir})
    expect(result.code).toBe(0)
    expect(filesIn(path.join(dir, 'back'))).toEqual(['Ann Lee.essaylint.docx', 'doejane.essaylint.docx', 'jdoe.essaylint.docx'])
    expect(result.stderr).toMatch(/^essaylint: wrote 3 annotated copies to back\/ \(\d+ comments\)\nessaylint: note: not annotated: 1 essay not in Word format \(1 \.pdf\)/)
    // The same comments as `essaylint annotate --grade` on the student's file.
    expect((await run(['annotate', '--grade', 'mali-sovereignty.docx'], {cwd: dir})).code).toBe(0)
    expect(await commentsOf(path.join(dir, 'back/doejane.essaylint.docx'))).toEqual(await commentsOf(path.join(dir, 'mali-sovereignty.essaylint.docx')))
    expect(readFileSync(path.join(dir, 'submissions.zip'))).toEqual(zip)
  }, 120_000)

  it('the parallel path (workers) writes the same copies as one process', async () => {
    const names = ['liberal-peace-critique', 'mali-sovereignty', 'protection-of-civilians', 'rwanda-case-study', 'strong-three-lenses', 'weak-no-theory']
    // 24 essays and two workers: above the parallel threshold (src/cli/parallel.ts).
    const dir = workspace(Object.fromEntries(names.flatMap((name) => [1, 2, 3, 4].map((n) => [`class/s${n}-${name}.docx`, doc(`${name}.docx`)]))))
    const parallel = await run(['grade', '-f', 'csv', '--concurrency', '2', '--annotate', 'out', 'class'], {cwd: dir})
    renameSync(path.join(dir, 'out'), path.join(dir, 'parallel'))
    const single = await run(['grade', '-f', 'csv', '--concurrency', '1', '--annotate', 'out', 'class'], {cwd: dir})
    expect(parallel).toEqual(single)
    expect(parallel.code).toBe(0)
    expect(parallel.stderr).toMatch(/^essaylint: wrote 24 annotated copies to out\/ \(\d+ comments\)\n$/)
    expect(filesIn(path.join(dir, 'parallel'))).toEqual(filesIn(path.join(dir, 'out')))
    expect(filesIn(path.join(dir, 'out'))).toHaveLength(24)
    for (const name of filesIn(path.join(dir, 'out'))) expect(await commentsOf(path.join(dir, 'parallel', name))).toEqual(await commentsOf(path.join(dir, 'out', name)))
  }, 240_000)

  // LibreOffice is installed by .ci/run; without it (a developer's machine) this part is skipped, never in CI.
  it.skipIf(!soffice && !process.env.CI)('LibreOffice converts a copy without error, to the same text as the original', async () => {
    const dir = classFolder()
    expect((await run(['grade', '-f', 'csv', '--annotate', 'feedback', 'class'], {cwd: dir})).code).toBe(0)
    const profile = `-env:UserInstallation=file://${dir}/profile`
    const text = async (file: string, outdir: string) => {
      await execFile('soffice', ['--headless', profile, '--convert-to', 'txt:Text', '--outdir', path.join(dir, outdir), path.join(dir, file)], {timeout: 120_000})
      return readFileSync(path.join(dir, outdir, path.basename(file).replace(/\.docx$/, '.txt')), 'utf8')
    }
    const copy = await text('feedback/weak-no-theory.essaylint.docx', 'copy')
    expect(copy.length).toBeGreaterThan(1000)
    expect(copy).toBe(await text('class/weak-no-theory.docx', 'original'))
  }, 240_000)
})

describe('grade --annotate refuses what could harm a file', () => {
  it('DIR is a file: one line, exit 2, nothing graded or written', async () => {
    const dir = classFolder()
    writeFileSync(path.join(dir, 'notes.txt'), 'my notes')
    expect(await run(['grade', '--annotate', 'notes.txt', 'class'], {cwd: dir})).toEqual({code: 2, stdout: '', stderr: 'essaylint: notes.txt: --annotate needs a folder for the annotated copies, and this is a file\n'})
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('my notes')
  })

  it('DIR through a link that leads into the class folder: refused, the class folder unchanged', async () => {
    const dir = classFolder()
    symlinkSync('class', path.join(dir, 'link'))
    const listing = filesIn(path.join(dir, 'class'))
    expect(await run(['grade', '--annotate', 'link/feedback', 'class'], {cwd: dir})).toEqual({
      code: 2,
      stdout: '',
      stderr: 'essaylint: link/feedback: the folder for annotated copies is inside class, a folder being graded: choose a folder outside it, so the copies do not mix with the essays\n'
    })
    expect((await run(['grade', '--annotate', 'link', 'class'], {cwd: dir})).stderr).toBe(
      'essaylint: link: the folder for annotated copies is class, a folder being graded: choose a folder outside it, so the copies do not mix with the essays\n'
    )
    expect(filesIn(path.join(dir, 'class'))).toEqual(listing)
    expect(existsSync(path.join(dir, 'class/feedback'))).toBe(false)
  })

  it('an essay named like a copy is never written over; the other copies are still written', async () => {
    const dir = workspace({'mali.docx': doc('mali-sovereignty.docx'), 'mali.essaylint.docx': doc('weak-no-theory.docx')})
    const result = await run(['grade', '-f', 'csv', '--annotate', '.', 'mali.docx', 'mali.essaylint.docx'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^essaylint: wrote 1 annotated copy to \.\/ \(\d+ comments\)\nessaylint: mali\.essaylint\.docx: refusing to write the annotated copy of mali\.docx over an essay being graded\n$/)
    expect(readFileSync(path.join(dir, 'mali.essaylint.docx'))).toEqual(doc('weak-no-theory.docx'))
    expect(existsSync(path.join(dir, 'mali.essaylint.essaylint.docx'))).toBe(true)
  })

  it('a link planted in DIR under a copy\'s name, or a linked sub-folder leading out: not followed', async () => {
    const dir = classFolder()
    mkdirSync(path.join(dir, 'feedback'))
    mkdirSync(path.join(dir, 'elsewhere'))
    symlinkSync(path.join(dir, 'class/mali-sovereignty.docx'), path.join(dir, 'feedback/mali-sovereignty.essaylint.docx'))
    symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, 'feedback/section-b'))
    const result = await run(['grade', '-f', 'csv', '--annotate', 'feedback', 'class'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr.split('\n').filter((line) => !line.includes('note: '))).toEqual([
      expect.stringMatching(/^essaylint: wrote 1 annotated copy to feedback\/ \(\d+ comments\)$/),
      'essaylint: feedback/mali-sovereignty.essaylint.docx: is not a regular file, so it is not replaced: class/mali-sovereignty.docx not annotated',
      'essaylint: feedback/section-b/rwanda-case-study.essaylint.docx: the folder leads outside feedback/ (a link): class/section-b/rwanda-case-study.docx not annotated',
      ''
    ])
    expect(readFileSync(path.join(dir, 'class/mali-sovereignty.docx'))).toEqual(doc('mali-sovereignty.docx'))
    expect(readdirSync(path.join(dir, 'elsewhere'))).toEqual([])
  }, 120_000)

  it('belongs to essaylint grade, and --help says so', async () => {
    const dir = classFolder()
    expect((await run(['--help'], {cwd: dir})).stdout).toContain('[--annotate <folder>] [--shard i/n] [files, folders or class zips ...]')
    expect(await run(['--annotate', 'feedback', 'class'], {cwd: dir})).toEqual({
      code: 2,
      stdout: '',
      stderr: 'essaylint: --annotate belongs to "essaylint grade" (for one essay: essaylint annotate essay.docx). Run "essaylint --help" for usage.\n'
    })
  })
})
