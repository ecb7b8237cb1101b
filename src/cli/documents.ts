/**
 * The CLI's side of the input layer (src/readers/): before the engine runs,
 * each Word file, OpenDocument text, PDF and web page among the essays is read
 * into the Markdown text the pipeline lints, and handed to the engine as a
 * file that already has its text; formats no reader handles are refused with
 * one line that says what to do. Named on the command line, each refused file
 * is one line; found in a folder, they are one summary line per folder
 * ("skipped 3 files essaylint cannot read: 2 .pages, 1 .doc").
 *
 * Notes are lines that inform without failing the run (a .txt read as
 * Windows-1252): they start with "note: " wherever they are written, so the
 * parent of worker processes tells them from problems.
 */

import {readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {documentExtensions, extensionOf, isDocument, refusal, refusedFormats, skippedSummary, textExtensions} from '../readers/formats.js'

/** Extensions the engine looks for in folders: essays, documents, and the refused formats (to say so). */
export const listedExtensions = [...textExtensions, ...documentExtensions, ...Object.keys(refusedFormats).filter(Boolean)]

export const notePrefix = 'note: '

export interface Prepared {
  /** What the engine lints: paths of text essays, files with the extracted text of documents. */
  inputs: Array<string | VFile>
  problems: string[]
}

/**
 * Split what the run lints: documents are read (`read: false` leaves them as
 * paths, for the workers to read), refused formats become problems.
 * `named` are the arguments on the command line.
 */
export async function prepareInputs(paths: string[], named: string[], cwd: string, read = true): Promise<Prepared> {
  const inputs: Array<string | VFile> = []
  const problems: string[] = []
  const skipped = new Map<string, string[]>()
  for (const file of paths) {
    const full = path.resolve(cwd, file)
    if (extensionOf(file) === 'zip' && isPlainFile(full)) {
      const zip = await readSubmissions(full, file)
      inputs.push(...zip.inputs)
      problems.push(...zip.problems)
      continue
    }
    const reason = refusal(file)
    if (reason !== undefined) {
      // A pipe (`essaylint <(pandoc essay.docx -t markdown)`) has no extension and is read.
      if (!isPlainFile(full)) {
        inputs.push(file)
        continue
      }
      if (named.some((given) => path.resolve(cwd, given) === full)) {
        problems.push(`${file}: ${reason}`)
        continue
      }
      const folder = named.find((given) => full.startsWith(path.resolve(cwd, given) + path.sep)) ?? path.dirname(file)
      skipped.set(folder, [...(skipped.get(folder) ?? []), file])
      continue
    }
    // The copies `essaylint annotate` wrote beside the essays are feedback, not more essays.
    if (/\.essaylint\.docx$/i.test(file) && !named.some((given) => path.resolve(cwd, given) === full)) continue
    if (!isDocument(file) || !read) {
      inputs.push(file)
      continue
    }
    const document = await readDocument(full, file)
    if (typeof document === 'string') problems.push(document)
    else inputs.push(document)
  }
  for (const [folder, files] of skipped) problems.push(skippedSummary(folder, files)!)
  return {inputs, problems}
}

/**
 * The essays in a class's zip (src/readers/submissions.ts), each named
 * `class.zip#<student>.<ext>` so that every report names the student, read
 * one entry at a time; refused entries are one line each, and files of
 * formats no reader reads one summary line.
 */
export async function readSubmissions(full: string, shown: string): Promise<Prepared> {
  const {readZip, ZipError} = await import('../readers/zip.js')
  const {submissionLimits, submissionOf} = await import('../readers/submissions.js')
  const inputs: VFile[] = []
  const problems: string[] = []
  const skipped: string[] = []
  const names = new Map<string, number>()
  const wanted = (name: string) => {
    const extension = extensionOf(name)
    return (textExtensions.includes(extension) || documentExtensions.includes(extension)) && !submissionOf(name).receipt && !isSystemFile(name)
  }
  try {
    const entries = await readZip(full, submissionLimits, wanted, async (entry) => {
      const {student} = submissionOf(entry.name)
      const extension = extensionOf(entry.name)
      // Two essays by one student keep their file names apart.
      const key = `${student}.${extension}`.toLowerCase()
      const count = (names.get(key) ?? 0) + 1
      names.set(key, count)
      const name = `${shown}#${student.replace(/[/\\]/g, '-')}${count > 1 ? ` (${count})` : ''}.${extension}`
      if (textExtensions.includes(extension)) return void inputs.push(new VFile({path: name, value: entry.data}))
      const {extractText, ReaderError} = await import('../readers/index.js')
      try {
        // Where it came from, for `grade --annotate` to read the Word file again (never kept in memory).
        inputs.push(new VFile({path: name, value: await extractText(entry.name, entry.data!), data: {document: extension, submission: {zip: full, entry: entry.name}}}))
      } catch (error) {
        if (!(error instanceof ReaderError)) throw error
        problems.push(`${shown}: ${entry.name}: ${error.message}`)
      }
    })
    for (const entry of entries) {
      if (entry.refused) problems.push(`${shown}: ${entry.name}: ${entry.refused}`)
      else if (!wanted(entry.name) && refusal(entry.name) !== undefined && extensionOf(entry.name) !== '' && !isSystemFile(entry.name)) skipped.push(entry.name)
    }
  } catch (error) {
    if (!(error instanceof ZipError)) throw error
    return {inputs: [], problems: [`${shown}: ${error.message}`]}
  }
  if (skipped.length > 0) problems.push(skippedSummary(shown, skipped)!)
  if (inputs.length === 0 && problems.length === 0) problems.push(`${shown}: no essays found in this zip (looked for ${[...textExtensions, ...documentExtensions].map((e) => '.' + e).join(', ')})`)
  return {inputs, problems}
}

/** What macOS and Windows add to zips they make: never a student's file. */
function isSystemFile(name: string): boolean {
  return /(?:^|\/)(?:__MACOSX\/|\._|\.DS_Store$|Thumbs\.db$|desktop\.ini$)/i.test(name)
}

/** A document as a file with its extracted text, or the line that says why it cannot be read. */
export async function readDocument(full: string, shown: string): Promise<VFile | string> {
  const {extractText, ReaderError} = await import('../readers/index.js')
  try {
    const bytes = readFileSync(full)
    return new VFile({path: shown, value: await extractText(shown, bytes), data: {document: extensionOf(shown)}})
  } catch (error) {
    if (error instanceof ReaderError) return `${shown}: ${error.message}`
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return `${shown}: file not found`
    if (code === 'EACCES' || code === 'EPERM') return `${shown}: permission denied: the file cannot be read`
    if (code === 'EISDIR') return `${shown}: is a folder, not an essay`
    return `${shown}: ${(error as Error).message.split('\n')[0]}`
  }
}

function isPlainFile(file: string): boolean {
  try {
    return statSync(file).isFile()
  } catch {
    return false
  }
}

/** Take the notes out of a run's problem lines (workers write both to stderr). */
export function takeNotes(problems: string[]): string[] {
  const notes = problems.filter((line) => line.startsWith(notePrefix))
  const rest = problems.filter((line) => !line.startsWith(notePrefix))
  problems.splice(0, problems.length, ...rest)
  return notes
}

/** The notes the pipeline left on the files (`file.data.note`), as lines. */
export function notesOf(files: VFile[], name: (file: VFile) => string): string[] {
  return files.flatMap((file) => (typeof file.data.note === 'string' ? [`${notePrefix}${name(file)}: ${file.data.note}`] : []))
}
