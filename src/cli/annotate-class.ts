/**
 * `essaylint grade --annotate DIR [files, folders or class zips]`: for each
 * Word essay of the class, the copy `essaylint annotate --grade` makes (its
 * findings as comments on their sentences, the essay-level findings and the
 * score on the title), written into DIR by the same code
 * (`writeAnnotatedCopy` in src/cli/annotate.ts).
 *
 * Names: an essay from a class zip is named by student (`doejane.essaylint.docx`,
 * as src/readers/submissions.ts names it); an essay found in a folder keeps
 * its path inside that folder (`section-a/essay.essaylint.docx`); a file named
 * on the command line its own name. Two essays that would get one name are
 * told apart with " (2)".
 *
 * Safety: DIR must be a folder (it is made if missing) outside every folder
 * being graded, however the path is spelled (links are followed), so the
 * copies never mix with the essays; no copy is written over an essay read in
 * the run (compared by identity, src/cli/safe-output.ts), over anything but a
 * regular file, or outside DIR (a linked folder inside DIR that leads out).
 */

import {lstatSync, mkdirSync, readFileSync, realpathSync, statSync} from 'node:fs'
import path from 'node:path'
import type {Grade} from '../grade/score.js'
import {extensionOf} from '../readers/formats.js'
import type {JsonMessage} from '../reporters/json.js'
import {annotateProblem, writeAnnotatedCopy, type Written} from './annotate.js'
import {isOneOf} from './safe-output.js'

export interface ClassEssay {
  /** The essay's name in the report (a path, or `class.zip#student.docx`). */
  path: string
  grade: Grade
  messages: JsonMessage[]
  /** For an essay from a class zip: the zip and the entry (src/cli/documents.ts). */
  submission?: {zip: string; entry: string}
}

export interface ClassAnnotation {
  /** Lines that inform: what was written, and what is not annotated (a note). */
  lines: string[]
  /** One line per Word essay that could not be annotated. */
  problems: string[]
}

/** The way a path is spelled, resolved as far as it exists (links followed), the rest appended. */
function realOrPlanned(file: string): string {
  const missing: string[] = []
  let current = file
  for (;;) {
    try {
      return path.join(realpathSync(current), ...missing.reverse())
    } catch {
      const parent = path.dirname(current)
      if (parent === current) return file
      missing.push(path.basename(current))
      current = parent
    }
  }
}

const isInside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep)

/**
 * Why DIR cannot take the copies (checked before grading), or undefined: it
 * is a file, or it is (or is inside) a folder being graded.
 */
export function annotateDirProblem(dir: string, named: string[], cwd: string): string | undefined {
  const full = path.resolve(cwd, dir)
  try {
    if (!statSync(full).isDirectory()) return `${dir}: --annotate needs a folder for the annotated copies, and this is a file`
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOTDIR') return `${dir}: --annotate needs a folder, and a part of this path is a file`
    if (code !== 'ENOENT') return `${dir}: cannot use this folder for the annotated copies (${code})`
  }
  const real = realOrPlanned(full)
  for (const given of named) {
    const folder = path.resolve(cwd, given)
    let isFolder = false
    try {
      isFolder = statSync(folder).isDirectory()
    } catch {
      continue
    }
    const graded = isFolder ? realpathSync(folder) : undefined
    if (graded && isInside(real, graded)) {
      const where = real === graded ? `is ${given}` : `is inside ${given}`
      return `${dir}: the folder for annotated copies ${where}, a folder being graded: choose a folder outside it, so the copies do not mix with the essays`
    }
  }
  return undefined
}

/** Control characters are no part of a file name the instructor can open. */
const safeName = (name: string) => name.replace(/[\u0000-\u001f\u007f]/g, '-')

/** Where an essay's copy goes inside DIR (a relative path), before telling duplicates apart. */
function copyName(essay: ClassEssay, named: string[], cwd: string): string {
  let name: string
  const inZip = essay.submission ? essay.path.search(/\.zip#/i) : -1
  if (inZip !== -1) name = essay.path.slice(inZip + '.zip#'.length)
  else {
    const full = path.resolve(cwd, essay.path)
    const folder = named.map((given) => path.resolve(cwd, given)).find((given) => full.startsWith(given + path.sep))
    name = folder ? path.relative(folder, full) : path.basename(full)
  }
  return name.split(/[\\/]/).map(safeName).join(path.sep).replace(/\.docx$/i, '.essaylint.docx')
}

/** Each Word essay's target in DIR, told apart with " (2)" where two would share one (case folded, for Windows and macOS disks). */
function plan(essays: ClassEssay[], dir: string, named: string[], cwd: string): Map<ClassEssay, string> {
  const taken = new Set<string>()
  const targets = new Map<ClassEssay, string>()
  for (const essay of essays) {
    const base = copyName(essay, named, cwd)
    let name = base
    for (let count = 2; taken.has(name.toLowerCase()); count++) name = base.replace(/\.essaylint\.docx$/, ` (${count}).essaylint.docx`)
    taken.add(name.toLowerCase())
    targets.set(essay, path.join(dir, name))
  }
  return targets
}

/** Write the annotated copy of each Word essay into DIR; other essays are said in one note. */
export async function annotateClass(essays: ClassEssay[], options: {dir: string; named: string[]; cwd: string; read: string[]}): Promise<ClassAnnotation> {
  const {named, cwd} = options
  const dir = path.resolve(cwd, options.dir)
  const shownDir = options.dir.replace(/[\\/]*$/, '') + '/'
  const words = essays.filter((essay) => extensionOf(essay.path) === 'docx')
  const others = essays.filter((essay) => extensionOf(essay.path) !== 'docx')
  const lines: string[] = []
  const problems: string[] = []
  const read = [...options.read, ...named].map((file) => path.resolve(cwd, file))
  const targets = plan(words, dir, named, cwd)
  let written = 0
  let comments = 0
  let realDir: string | undefined

  const write = async (essay: ClassEssay, docx: () => Buffer) => {
    const target = targets.get(essay)!
    const shown = path.relative(cwd, target) || target
    try {
      mkdirSync(path.dirname(target), {recursive: true})
      realDir ??= realpathSync(dir)
      if (!isInside(realpathSync(path.dirname(target)), realDir)) return void problems.push(`${shown}: the folder leads outside ${shownDir} (a link): ${essay.path} not annotated`)
      const existing = lstatOrUndefined(target)
      if (existing && !existing.isFile()) return void problems.push(`${shown}: is not a regular file, so it is not replaced: ${essay.path} not annotated`)
      if (isOneOf(target, read)) return void problems.push(`${shown}: refusing to write the annotated copy of ${essay.path} over an essay being graded`)
      const done: Written = await writeAnnotatedCopy(docx(), essay.messages, essay.grade, target)
      written++
      comments += done.anchored + (done.onTitle ? 1 : 0)
    } catch (error) {
      problems.push(await annotateProblem(error, essay.path, shown))
    }
  }

  for (const essay of words) if (!essay.submission) await write(essay, () => readFileSync(path.resolve(cwd, essay.path)))
  // Essays from a zip: the zip is read again, one Word file in memory at a time.
  const byZip = new Map<string, ClassEssay[]>()
  for (const essay of words) if (essay.submission) byZip.set(essay.submission.zip, [...(byZip.get(essay.submission.zip) ?? []), essay])
  if (byZip.size > 0) {
    const {readZip} = await import('../readers/zip.js')
    const {submissionLimits} = await import('../readers/submissions.js')
    for (const [zip, inZip] of byZip) {
      const byEntry = new Map(inZip.map((essay) => [essay.submission!.entry, essay]))
      const done = new Set<ClassEssay>()
      try {
        await readZip(zip, submissionLimits, (name) => byEntry.has(name), async (entry) => {
          const essay = byEntry.get(entry.name)!
          done.add(essay)
          await write(essay, () => entry.data!)
        })
      } catch (error) {
        for (const essay of inZip) if (!done.has(essay)) problems.push(await annotateProblem(error, essay.path, path.relative(cwd, targets.get(essay)!)))
      }
    }
  }

  if (written > 0) lines.push(`wrote ${written} annotated cop${written === 1 ? 'y' : 'ies'} to ${shownDir} (${comments} comment${comments === 1 ? '' : 's'})`)
  if (others.length > 0) {
    const counts = new Map<string, number>()
    for (const essay of others) counts.set(extensionOf(essay.path), (counts.get(extensionOf(essay.path)) ?? 0) + 1)
    const kinds = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([extension, count]) => `${count} ${extension ? '.' + extension : 'without an extension'}`)
    lines.push(`note: not annotated: ${others.length} essay${others.length === 1 ? '' : 's'} not in Word format (${kinds.join(', ')}): only .docx files get comments; their grades are in the report`)
  }
  return {lines, problems}
}

function lstatOrUndefined(file: string) {
  try {
    return lstatSync(file)
  } catch {
    return undefined
  }
}
