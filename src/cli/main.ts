/**
 * The `essaylint` command: a thin shell over unified-engine (files, globs,
 * folders, ignore files, config discovery) and the shared pipeline. It never
 * writes to the files it reads; input and config problems become one line on
 * stderr each and exit code 2, while the other files are still reported.
 */

import {readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import type {Readable, Writable} from 'node:stream'
import {engine, type Context} from 'unified-engine'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {defaultConfig as recommended} from '../config/resolve.js'
import {baseProcessor} from '../pipeline.js'
import {formats} from '../reporters/index.js'
import {outlineOf, outlineText} from '../reporters/outline.js'
import {gradeFormats} from '../grade/report.js'
import {gradeHtml} from '../grade/html-report.js'
import {essayView} from '../web/view.js'
import {defaultRubric, loadRubric, RubricError, unknownConceptProblem, type Rubric} from '../grade/rubric.js'
import {gradeEssay, type Grade} from '../grade/score.js'
import {MergeError, mergeGradeReports, readGradeReport, shardOf} from '../grade/shards.js'
import {gradeInParallel, lintInParallel, parallelThreshold, startWorkers, workerCount, type WorkerPool} from './parallel.js'
import {lintClassStreamed, streamedFormats} from './class-report.js'
import {rules} from '../rules.js'
import {engineChunk, listEssays} from './list-essays.js'
import {findSpecialFiles, ignorePatternsFor} from './special-files.js'
import {isOneOf, openReport, type ReportFile} from './safe-output.js'
import {readConfigFile} from '../config/read-config-file.js'
import {parseProblem, withoutContent} from '../config/parse-problem.js'
// File names and option values are input: shown with control characters escaped.
import {visible} from '../escape.js'
import {helpText, readArgs, UsageError, type CliOptions} from './args.js'
import {listedExtensions, notesOf, prepareInputs, readDocument, takeNotes} from './documents.js'
import {documentExtensions, extensionOf, isDocument, textExtensions} from '../readers/formats.js'
import {toJsonResult, type JsonMessage} from '../reporters/json.js'
import {annotateClass, annotateDirProblem, type ClassEssay} from './annotate-class.js'
import {FormatterError, isFormatterPath, loadFormatter} from '../reporters/custom.js'
import {belowMinScore, exceeded, exceededCounts, lintReport, terminalWidth} from './conventions.js'
// Config names and the engine options every shell shares.
import {engineConfig, ignoreOptions, silentRun} from '../engine-options.js'
import {printConfig} from './print-config.js'
import {defaultCacheLocation, openCache} from './cache.js'
import {init} from './init.js'

/** Essays in folders: Markdown, plain text, and the documents the readers read (src/readers/). */
export const extensions = [...textExtensions, ...documentExtensions]

export interface Io {
  stdin: Readable & {isTTY?: boolean}
  stdout: Writable & {isTTY?: boolean}
  stderr: Writable
  cwd: string
  /** Set inside a worker process: never start more workers. */
  worker?: boolean
  /** A worker's lint report in `--format json`: each essay's result as its own JSON text, in report order (src/cli/parallel.ts). */
  results?: (texts: string[]) => void
}

const packageJson = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {version: string}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  let options: CliOptions
  // `essaylint annotate essay.docx`: the findings as comments in a copy of the Word file.
  if (argv[0] === 'annotate') return (await import('./annotate.js')).annotate(argv.slice(1), io, main)
  // `essaylint outline <files>` and `essaylint grade <files>`: the same
  // pipeline, a different report.
  const outline = argv[0] === 'outline'
  const grade = argv[0] === 'grade'
  try {
    options = readArgs(outline || grade ? argv.slice(1) : argv)
    if (!grade && (options.rubric !== undefined || options.minScore !== undefined)) throw new UsageError('--rubric and --min-score belong to "essaylint grade"')
    if (!grade && options.annotate !== undefined) throw new UsageError('--annotate belongs to "essaylint grade" (for one essay: essaylint annotate essay.docx)')
    if (!grade && (options.shard || options.merge)) throw new UsageError('--shard and --merge belong to "essaylint grade"')
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    io.stderr.write(`essaylint: ${visible(error.message)}. Run "essaylint --help" for usage.\n`)
    return 2
  }
  if (options.help) return write(io.stdout, helpText), 0
  if (options.version) return write(io.stdout, packageJson.version + '\n'), 0
  if (options.listRules) return write(io.stdout, listRules(options.format)), 0
  if (options.printText !== undefined) return printText(options.printText, options, io)
  // ESLint's conventions that are commands of their own.
  if (options.printConfig !== undefined) return printConfigCommand(options, io)
  if (options.init) return init(io, options.yes)
  if (options.watch) {
    if (options.files.length === 0 || options.files.includes('-')) return io.stderr.write('essaylint: --watch needs files or folders to watch, not stdin.\n'), 2
    const ignored = [options.output, options.cacheLocation ?? (options.cache ? defaultCacheLocation : undefined)].filter((file): file is string => Boolean(file))
    // chokidar loads only for --watch.
    const {watchAndLint} = await import('./watch.js')
    return watchAndLint(argv, options.files, io, (args) => main(args, io), ignored)
  }
  if (outline && !['stylish', 'text', 'json'].includes(options.format)) {
    io.stderr.write(`essaylint: outline: unknown format "${visible(options.format)}" (expected text or json).\n`)
    return 2
  }
  let rubric: Rubric | undefined
  if (grade) {
    if (!(options.format in gradeFormats) && options.format !== 'html') {
      io.stderr.write(`essaylint: grade: unknown format "${visible(options.format)}" (expected text, json, markdown, csv or html).\n`)
      return 2
    }
    if (options.merge) return mergeCommand(options, io)
    try {
      rubric = options.rubric ? {...loadRubric(path.resolve(io.cwd, options.rubric)), file: path.relative(io.cwd, path.resolve(io.cwd, options.rubric)) || options.rubric} : defaultRubric()
    } catch (error) {
      if (!(error instanceof RubricError)) throw error
      io.stderr.write(`essaylint: ${visible(options.rubric!)}: ${visible(error.message.slice(error.file.length + 2))}\n`)
      return 2
    }
    // The folder for the annotated copies is checked before any essay is read (a worker writes none).
    const unfit = options.annotate !== undefined && !io.worker ? annotateDirProblem(options.annotate, options.files, io.cwd) : undefined
    if (unfit) return io.stderr.write(`essaylint: ${visible(unfit)}\n`), 2
  }
  // `-f ./formatter.mjs`: the user's formatter module (src/reporters/custom.ts).
  let custom: Awaited<ReturnType<typeof loadFormatter>> | undefined
  if (!outline && !grade && !(options.format in formats)) {
    if (!isFormatterPath(options.format)) {
      io.stderr.write(`essaylint: unknown format "${visible(options.format)}" (expected ${Object.keys(formats).join(', ')}, or a formatter module such as ./formatter.mjs).\n`)
      return 2
    }
    try {
      custom = await loadFormatter(options.format, io.cwd)
    } catch (error) {
      if (!(error instanceof FormatterError)) throw error
      io.stderr.write(`essaylint: ${visible(error.message)}\n`)
      return 2
    }
  }
  // `--ext` replaces the extensions linted in folders.
  const essayExtensions = options.extensions ?? extensions

  const useStdin = options.files.length === 0 || (options.files.length === 1 && options.files[0] === '-')
  if (useStdin && io.stdin.isTTY) {
    io.stderr.write('essaylint: no files given and nothing piped in. Run "essaylint --help" for usage.\n')
    return 2
  }
  if (options.output && !useStdin) {
    if (isOneOf(path.resolve(io.cwd, options.output), options.files.map((file) => path.resolve(io.cwd, file)))) {
      io.stderr.write(`essaylint: ${visible(options.output)}: refusing to write the report over an essay being linted.\n`)
      return 2
    }
  }

  // Listing first costs an extra pass over the files: only worth it when the
  // arguments can name many essays (a folder, a glob, or many files). The list
  // has each essay once, even where a folder links back to itself.
  const mayBeMany = options.files.length >= parallelThreshold || options.files.some((file) => /[*?[{]/.test(file) || isDirectory(path.resolve(io.cwd, file)))
  const problems: string[] = []
  // unified-engine looks for `.essaylintignore` in the folder of each path it
  // is given; when part of a path is a file (`draft.md/notes.md`), that failed
  // lookup is shared with the other files of the folder above, and they are
  // lost. Such a path names no file: say so here, and keep it from the engine.
  if (!useStdin) {
    const through = options.files.filter((file) => errorCode(path.resolve(io.cwd, file)) === 'ENOTDIR')
    for (const file of through) problems.push(`${file}: ${explain('ENOTDIR')}`)
    options = {...options, files: options.files.filter((file) => !through.includes(file))}
  }
  // Pipes and devices in a folder would hang the engine's read: left out, and said.
  const special = !useStdin && !io.worker && mayBeMany ? findSpecialFiles(options.files, io.cwd, essayExtensions) : []
  for (const file of special) problems.push(`${file.path}: ${file.kind}, not an essay file: skipped`)
  const ignorePatterns = ignorePatternsFor(special)
  // Where the arguments surely name a class, the workers start now and
  // load while the essays are listed.
  // (An outline reads each essay's model: it is always made here.)
  // The HTML report shows each essay's text and outline, which only this process has.
  const htmlReport = grade && options.format === 'html'
  let pool = !useStdin && !io.worker && !outline && !htmlReport ? startEarly(options, io.cwd, essayExtensions) : undefined
  // `--cache` (src/cli/cache.ts) lists the essays to know which changed.
  const caching = options.cache && !grade && !outline && !useStdin && !io.worker
  // `grade --shard i/n` grades its share of the listed class (src/grade/shards.ts).
  const listed = !useStdin && !io.worker && (mayBeMany || caching || options.shard) ? await listEssays(options, io.cwd, options.extensions ?? listedExtensions, ignorePatterns) : []
  const cache = caching ? await openCache(options, io.cwd, listed, packageJson.version) : undefined
  const shard = options.shard && {...options.shard, essays: listed.length}
  const toLint = cache ? cache.stale : shard ? shardOf(listed, shard) : listed
  if (cache && process.env.ESSAYLINT_DEBUG === 'cache') io.stderr.write(`essaylint: cache: ${toLint.length} of ${listed.length} essays linted, ${cache.reused.length} from the cache\n`)
  const parallel = !outline && !htmlReport && toLint.length >= parallelThreshold && workerCount(toLint.length, options.concurrency) > 1
  if (!parallel) pool?.close()
  else pool ??= startWorkers(workerCount(toLint.length, options.concurrency), io.cwd)
  // Documents are read into text here (or by the workers); refused formats are one line each.
  const prepared = useStdin ? {inputs: [], problems: []} : await prepareInputs(toLint.length > 0 || cache || shard ? toLint : options.files, options.files, io.cwd, !parallel)
  problems.push(...prepared.problems)
  const essays = toLint.length > 0 ? (prepared.inputs as string[]) : []

  if (grade && parallel) {
    // A whole class: deal the essays out to worker processes.
    const result = await gradeInParallel(pool!, options, io.cwd, essays)
    problems.push(...result.errors.map((line) => line.replace(/^essaylint: /, '')))
    deliver(gradeFormats[options.format](result.grades, shard), options, essays, io, problems)
    if (options.annotate !== undefined) {
      // The workers sent back the findings of the Word essays; the copies are written here, where the whole class is known.
      const findings = new Map(result.findings.map((found) => [found.path, found.messages]))
      const quiet = (messages: JsonMessage[]) => (options.quiet ? messages.filter((m) => m.severity === 'error') : messages)
      const classEssays = result.grades.map((grade) => ({path: grade.path, grade, messages: quiet(findings.get(grade.path) ?? [])}))
      await annotateEssays(classEssays, options, essays, io, problems)
    }
    for (const note of [...new Set(takeNotes(problems))]) io.stderr.write(`essaylint: ${visible(note)}\n`)
    for (const problem of [...new Set(problems)]) io.stderr.write(`essaylint: ${visible(problem)}\n`)
    if (result.code === 2 || problems.length > 0) return 2
    return belowMinScore(result.grades, options, io)
  }

  if (parallel && streamedFormats.has(options.format) && !custom && !cache) {
    // A class's JSON or SARIF report: written as the workers' results come (src/cli/class-report.ts).
    const output: string[] = []
    const sink = reportSink(options, essays, io, output)
    let result: Awaited<ReturnType<typeof lintClassStreamed>>
    try {
      result = await lintClassStreamed(pool!, options, io.cwd, essays, sink.write)
    } catch (error) {
      sink.abort()
      throw error
    }
    sink.end()
    problems.push(...result.problems)
    if (!useStdin) problems.push(...emptyFolders(options.files, result.reported.map((essay) => essay.path), io.cwd, essayExtensions))
    problems.push(...output)
    for (const problem of [...new Set([...takeNotes(problems), ...problems])]) io.stderr.write(`essaylint: ${visible(problem)}\n`)
    return problems.length > 0 ? 2 : exceededCounts(result.reported, options, io)
  }

  let files: VFile[]
  if (parallel) {
    // Many essays: lint them in worker processes; report them here.
    const result = await lintInParallel(pool!, options, io.cwd, essays)
    files = result.files
    problems.push(...result.problems)
  } else {
    const run = await runEngine({...options, keepModel: outline || grade}, prepared.inputs, ignorePatterns, io, useStdin, problems)
    if (run.error) problems.push(run.error)
    files = run.files
  }
  if (cache) {
    const unsaved = cache.save(files)
    if (unsaved) problems.push(unsaved)
    files = [...files, ...cache.reused]
  }
  const reported: Array<{file: VFile; path: string}> = []
  for (const file of files) {
    const name = displayPath(file, io.cwd)
    const fatal = file.messages.filter((m) => m.fatal === true && !m.ruleId)
    if (fatal.length > 0) {
      for (const message of fatal) problems.push(describe(message, name))
      continue
    }
    if (options.quiet) file.messages = file.messages.filter((m) => m.fatal === true)
    // Every format lists findings in reading order (a stable sort keeps rule order on ties).
    file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    reported.push({file, path: name})
  }
  // A folder given on the command line that held no essays is an input error.
  // (A shard may hold none of a folder's essays: the class had some.)
  if (!useStdin) problems.push(...emptyFolders(options.files, shard ? listed : files.map((file) => file.path), io.cwd, essayExtensions))

  // The engine finishes files in any order; reports list them by path.
  reported.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const color = options.color ?? (Boolean(io.stdout.isTTY) && !options.output && !process.env.NO_COLOR)
  // A rubric naming a concept the essay's config does not know fails that essay with one line.
  const graded = grade ? reported.filter(({file}) => !noteProblem(unknownConceptProblem(rubric!, file.data.concepts ?? {}), problems)) : []
  const grades = graded.map(({file, path}) => gradeEssay(file, path, rubric!))
  // A worker of `grade --annotate` sends the Word essays' findings back with the grades (src/cli/parallel.ts).
  const findings = () => graded.filter(({path}) => extensionOf(path) === 'docx').map(({file, path}) => toJsonResult(file, path))
  const report = grade
    ? io.worker && options.annotate !== undefined
      ? JSON.stringify({essays: grades, findings: findings()}) + '\n'
      : htmlReport
      ? gradeHtml(reported.map(({file, path}, i) => essayView(file, path, grades[i])))
      : gradeFormats[options.format](grades, shard)
    : outline
    ? options.format === 'json'
      ? JSON.stringify(reported.map(({file, path}) => outlineOf(file, path)), null, 2) + '\n'
      : outlineText(reported.map(({file, path}) => outlineOf(file, path)))
    : io.results && options.format === 'json' && !custom
    ? (io.results(reported.map(({file, path}) => JSON.stringify(toJsonResult(file, path)))), '')
    : await lintReport(custom, {files: reported, color, width: terminalWidth(io, options)}, options.format, problems)
  deliver(report, options, files.map((file) => file.path), io, problems)
  if (grade && options.annotate !== undefined && !io.worker) {
    const classEssays = graded.map(({file, path}, index) => ({path, grade: grades[index], messages: toJsonResult(file, path).messages, submission: file.data.submission}))
    await annotateEssays(classEssays, options, files.flatMap((file) => (file.data.submission ? [] : [file.path])), io, problems)
  }
  const notes = [...takeNotes(problems), ...notesOf(files, (file) => displayPath(file, io.cwd))]
  for (const note of [...new Set(notes)]) io.stderr.write(`essaylint: ${visible(note)}\n`)
  for (const problem of [...new Set(problems)]) io.stderr.write(`essaylint: ${visible(problem)}\n`)

  if (problems.length > 0) return 2
  if (outline) return 0
  if (grade) return belowMinScore(grades, options, io)
  return exceeded(reported, options, io)
}

/** The folders given on the command line that hold none of the essays read: input errors. */
function emptyFolders(given: string[], read: string[], cwd: string, extensions: string[]): string[] {
  const problems: string[] = []
  const folders = given.filter((folder) => isDirectory(path.resolve(cwd, folder)))
  if (folders.length === 0) return problems
  const full = read.map((file) => path.resolve(cwd, file))
  for (const folder of folders) {
    const inside = path.resolve(cwd, folder) + path.sep
    if (!full.some((file) => file.startsWith(inside))) problems.push(`${folder}: no essays found in this folder (looked for ${extensions.map((e) => '.' + e).join(', ')})`)
  }
  return problems
}

/**
 * `essaylint grade --merge a.json b.json …`: the shards' JSON reports as one
 * class report (src/grade/shards.ts); a report that does not fit is one line
 * and exit 2, and nothing is written.
 */
function mergeCommand(options: CliOptions, io: Io): number {
  if (options.format === 'html') return io.stderr.write('essaylint: grade --merge: the html report needs the essays themselves; merge to text, json, markdown or csv\n'), 2
  if (options.files.length === 0) return io.stderr.write('essaylint: grade --merge: name the shards\' reports (essaylint grade --merge shard-1.json shard-2.json)\n'), 2
  let grades: Grade[]
  try {
    grades = mergeGradeReports(options.files.map((name) => readGradeReport(name, readReportFile(path.resolve(io.cwd, name), name))))
  } catch (error) {
    if (!(error instanceof MergeError)) throw error
    return io.stderr.write(`essaylint: ${visible(error.message)}\n`), 2
  }
  const problems: string[] = []
  deliver(gradeFormats[options.format](grades), options, options.files, io, problems)
  for (const problem of problems) io.stderr.write(`essaylint: ${visible(problem)}\n`)
  return problems.length > 0 ? 2 : belowMinScore(grades, options, io)
}

/** A shard's report: a regular file only (never a device or a pipe that would hang the run). */
function readReportFile(full: string, name: string): string {
  try {
    if (!statSync(full).isFile()) throw new MergeError(`${name}: not a regular file; merge the JSON reports the shards wrote`)
    return readFileSync(full, 'utf8')
  } catch (error) {
    if (error instanceof MergeError) throw error
    throw new MergeError(`${name}: ${explain((error as Error).message)}`)
  }
}

function runEngine(options: CliOptions & {keepModel: boolean}, given: Array<string | VFile>, ignorePatterns: string[], io: Io, useStdin: boolean, problems: string[]): Promise<{files: VFile[]; error?: string}> {
  // Config names and hooks are shared with the language server (src/engine-options.ts).
  const config = engineConfig({cwd: io.cwd, rules: options.rules, rcPath: options.config})
  if (config.problem) problems.push(config.problem)
  if (!useStdin && given.length === 0) return Promise.resolve({files: []})
  // unified-engine's queue costs time quadratic in the files of one run, and
  // holds every tree of the run until its last file is done: a class goes
  // through it in parts (src/cli/list-essays.ts).
  if (!useStdin && given.length > engineChunk) return runInParts(options, given, ignorePatterns, io, problems)
  return new Promise((resolve) => {
    engine(
      {
        ...silentRun(),
        processor: baseProcessor({rawBytes: (file) => readBytes(file, io.cwd), maxBytes: options.maxFileSize}),
        files: useStdin ? [] : given,
        ...ignoreOptions(options, io.cwd, ignorePatterns),
        // Documents arrive already read (src/cli/documents.ts): never as text from a folder.
        extensions: textExtensions,
        cwd: io.cwd,
        streamIn: useStdin ? io.stdin : undefined,
        filePath: options.stdinFilename ?? (useStdin ? 'stdin.md' : undefined),
        ...config.options,
        // Linting reports messages only: let each essay's model go once its
        // rules have run, so a class run keeps hundreds of them out of the heap
        // (outline and grade read it afterwards).
        plugins: options.keepModel ? [] : [dropModel],
        detectConfig: !options.noConfig && !options.config,
        rcPath: options.config
      },
      (error: Error | undefined, _code?: number, context?: Context) => {
        const files = (context?.files ?? []) as VFile[]
        resolve({files, error: error ? explain(error.message) : undefined})
      }
    )
  })
}

async function runInParts(options: CliOptions & {keepModel: boolean}, given: Array<string | VFile>, ignorePatterns: string[], io: Io, problems: string[]): Promise<{files: VFile[]; error?: string}> {
  const files: VFile[] = []
  let error: string | undefined
  for (let start = 0; start < given.length; start += engineChunk) {
    // The config problem, if any, is the same for every part: said once.
    const run = await runEngine(options, given.slice(start, start + engineChunk), ignorePatterns, io, false, start === 0 ? problems : [])
    files.push(...run.files)
    error ??= run.error
  }
  return {files, error}
}

/**
 * `essaylint --print-text FILE`: the text essaylint lints for this file, to
 * which every line and column of its report refers — for a document, the
 * Markdown extracted from it.
 */
async function printText(file: string, options: CliOptions, io: Io): Promise<number> {
  const full = path.resolve(io.cwd, file)
  if (isDocument(file)) {
    const document = await readDocument(full, file)
    if (typeof document === 'string') return io.stderr.write(`essaylint: ${document}\n`), 2
    return write(io.stdout, String(document.value)), 0
  }
  const {checkInput, defaultMaxBytes} = await import('../input-guard.js')
  const {VFile} = await import('vfile')
  let bytes: Uint8Array
  try {
    bytes = readFileSync(full)
  } catch (error) {
    return io.stderr.write(`essaylint: ${file}: ${explain((error as Error).message)}\n`), 2
  }
  const text = new VFile({path: file, value: bytes})
  const problem = checkInput(text, options.maxFileSize ?? defaultMaxBytes)
  if (problem) return io.stderr.write(`essaylint: ${file}: ${problem}\n`), 2
  if (text.data.note) io.stderr.write(`essaylint: note: ${file}: ${text.data.note}\n`)
  return write(io.stdout, String(text.value)), 0
}

/**
 * One line for a fatal message without a rule: an input or config problem.
 * The engine wraps the real error ("Cannot process file", cause: ...), so the
 * innermost cause is what the student needs to read. A config that cannot be
 * loaded is named with the line of the problem where the parser (JSON, YAML)
 * or the stack of a `.js`/`.mjs` config that threw tells it.
 */
function describe(message: VFileMessage, name: string): string {
  const chain: Array<{reason: string; error: object}> = []
  let error: unknown = message
  while (error && typeof error === 'object' && chain.length < 32) {
    const reason = (error as {reason?: string}).reason ?? (error as Error).message
    if (reason && String(reason) !== 'Cannot process file') chain.push({reason: String(reason), error})
    error = (error as {cause?: unknown}).cause
  }
  const configError = chain.find(
    ({reason, error}) => (error as Error).name === 'ConfigError' || (/^\S+(?::\d+)?: /.test(reason) && /config|rule|concept|preset|extends|key/i.test(reason))
  )
  if (configError) return `${configError.reason.split('\n')[0].trim()} (config used for ${name})`
  const failure = chain.findIndex(({reason}) => /Cannot (?:parse|import|load|read) (?:given )?file `/.test(reason))
  if (failure !== -1) {
    const config = /`([^`]+)`/.exec(chain[failure].reason)![1]
    const causes = chain.slice(failure + 1).filter(({reason}) => !/^Cannot import `/.test(reason))
    const cause = causes[causes.length - 1]
    const shown = path.relative(process.cwd(), config) || config
    if (/^Cannot read/.test(chain[failure].reason)) return `${shown}: cannot read the config: ${explain(cause?.reason ?? '')} (config used for ${name})`
    if (!cause) return `${shown}: invalid config (config used for ${name})`
    const {line, problem} = configProblem(config, cause.error as Error)
    return `${shown}: invalid config${line ? ` at line ${line}` : ''}: ${problem} (config used for ${name})`
  }
  return `${name}: ${explain(chain[chain.length - 1]?.reason ?? message.reason)}`
}

/** What went wrong in a config file that could not be loaded, and on which line if known. */
function configProblem(config: string, error: Error): {line?: number; problem: string} {
  const first = String(error.message ?? error).split('\n')[0].trim()
  // JSON (parse-json) and YAML: the line and the parser's words, never the
  // config's content (src/config/parse-problem.ts).
  if (/\.ya?ml$/.test(config) || (error as {linePos?: unknown}).linePos || /at position \d+|JSON/.test(first)) {
    let text: string | undefined
    try {
      text = readConfigFile(path.resolve(config))
    } catch {
      text = undefined
    }
    return parseProblem(error, text)
  }
  // A `.js`/`.mjs` config that threw: its own frame in the stack has the line.
  const base = path.basename(config).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const frame = new RegExp(`${base}:(\\d+)(?::\\d+)?\\)?$`, 'm').exec(String(error.stack ?? ''))
  const kind = error.name && error.name !== 'Error' ? `${error.name}: ` : ''
  return {line: frame ? Number(frame[1]) : undefined, problem: `loading it failed: ${kind}${withoutContent(first)}`}
}

/** Engine and Node wording, rephrased for students. */
function explain(reason: string): string {
  const first = reason.split('\n')[0]
  if (/no such file|ENOENT/i.test(first)) return 'file not found'
  if (/EACCES|EPERM|permission denied|operation not permitted/i.test(first)) return 'permission denied: the file cannot be read'
  if (/EISDIR/.test(first)) return 'is a folder, not an essay'
  if (/ELOOP|too many (?:levels of )?symbolic links/i.test(first)) return 'symbolic link loop: the path never reaches a file'
  if (/ENOTDIR|not a directory/i.test(first)) return 'file not found (a part of the path is a file, not a folder)'
  if (/ENAMETOOLONG|name too long/i.test(first)) return 'file name too long'
  const huge = /File size \((\d+)\) is greater than/.exec(first)
  if (huge || /ERR_FS_FILE_TOO_LARGE|Cannot create a string longer than/.test(first)) {
    return `file is too large${huge ? ` (${(Number(huge[1]) / 2 ** 30).toFixed(1)} GB)` : ''} to be an essay; essaylint reads essays up to 2.0 MB`
  }
  if (/^No input$/.test(first)) return 'no essays found (looked for .md, .markdown, .mdx, .txt)'
  return first
}

function readBytes(file: VFile, cwd: string): Uint8Array | undefined {
  if (!file.path) return undefined
  try {
    return readFileSync(path.resolve(cwd, file.path))
  } catch {
    return undefined
  }
}

function displayPath(file: VFile, cwd: string): string {
  if (!file.path) return '<stdin>'
  return path.isAbsolute(file.path) ? path.relative(cwd, file.path) : file.path
}

/** The system's error code for `stat` on this path, if any. */
function errorCode(file: string): string | undefined {
  try {
    statSync(file)
    return undefined
  } catch (error) {
    return (error as NodeJS.ErrnoException).code
  }
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory()
  } catch {
    return false
  }
}

/**
 * The report to `--output` or stdout. A folder, a glob or a linked folder
 * can lead to the very file named by `--output`: never write a report over
 * an essay that was read in this run (src/cli/safe-output.ts).
 */
function deliver(report: string, options: CliOptions, read: Array<string | undefined>, io: Io, problems: string[]): void {
  const sink = reportSink(options, read, io, problems)
  sink.write(report)
  sink.end()
}

/**
 * Where the report goes, piece by piece: stdout, or `--output` through its
 * temporary file (renamed over the target by `end`; `abort` leaves the
 * target as it was). A target that cannot be written is a problem line, and
 * the report is dropped.
 */
function reportSink(options: CliOptions, read: Array<string | undefined>, io: Io, problems: string[]): {write: (piece: string) => void; end: () => void; abort: () => void} {
  if (!options.output) return {write: (piece) => void (piece && write(io.stdout, piece)), end: () => {}, abort: () => {}}
  const target = path.resolve(io.cwd, options.output)
  let file: ReportFile | undefined
  const failed = (error: unknown) => {
    file = undefined
    problems.push(`${options.output}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
  }
  if (isOneOf(target, read.flatMap((essay) => (essay ? [path.resolve(io.cwd, essay)] : [])))) {
    problems.push(`${options.output}: refusing to write the report over an essay being linted.`)
  } else {
    try {
      file = openReport(target)
    } catch (error) {
      failed(error)
    }
  }
  return {
    write: (piece) => {
      try {
        file?.write(piece)
      } catch (error) {
        failed(error)
      }
    },
    end: () => {
      try {
        file?.close()
      } catch (error) {
        failed(error)
      }
    },
    abort: () => file?.abort()
  }
}

/**
 * Workers for a run whose arguments surely name a class: many essay files
 * (a shell glob), or folders holding many entries. Otherwise none yet: the
 * listing decides, and a student's single essay never waits for a worker.
 */
function startEarly(options: CliOptions, cwd: string, extensions: string[]): WorkerPool | undefined {
  let named = 0
  for (const file of options.files) {
    const full = path.resolve(cwd, file)
    named += isDirectory(full) ? likelyEssays(full, extensions) : 1
    if (named >= parallelThreshold) break
  }
  const count = workerCount(named, options.concurrency)
  return named >= parallelThreshold && count > 1 ? startWorkers(count, cwd) : undefined
}

/** Essay files and sub-folders (a folder per student) at the top of a folder. */
function likelyEssays(folder: string, extensions: string[]): number {
  try {
    return readdirSync(folder, {withFileTypes: true}).filter((entry) => entry.isDirectory() || extensions.includes(path.extname(entry.name).slice(1))).length
  } catch {
    return 0
  }
}

/** The last plugin of a lint run: forget the essay model (it is most of a file's memory). */
function dropModel() {
  return (_tree: unknown, file: VFile) => {
    delete file.data.essay
  }
}

/** `grade --annotate DIR`: the annotated copies (src/cli/annotate-class.ts); its lines on stderr, its problems with the run's. */
async function annotateEssays(classEssays: ClassEssay[], options: CliOptions, read: string[], io: Io, problems: string[]): Promise<void> {
  const result = await annotateClass(classEssays, {dir: options.annotate!, named: options.files, cwd: io.cwd, read})
  for (const line of result.lines) io.stderr.write(`essaylint: ${visible(line)}\n`)
  problems.push(...result.problems)
}

/** Add a problem, if any; whether there was one. */
function noteProblem(problem: string | undefined, problems: string[]): boolean {
  if (problem) problems.push(problem)
  return problem !== undefined
}

function write(stream: Writable, text: string): void {
  stream.write(text)
}

function listRules(format: string): string {
  const defaults = recommended().rules
  const list = Object.values(rules).map((rule) => ({
    id: rule.meta.id,
    severity: defaults[rule.meta.id]?.severity ?? 'off',
    description: rule.meta.description,
    url: rule.meta.url
  }))
  if (format === 'json') return JSON.stringify(list, null, 2) + '\n'
  const width = Math.max(...list.map((r) => r.id.length))
  return list.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(5)}  ${r.description}`).join('\n') + '\n'
}

/** `--print-config FILE`: the config for that essay as JSON, or the config problem in one line (exit 2). */
async function printConfigCommand(options: CliOptions, io: Io): Promise<number> {
  try {
    write(io.stdout, JSON.stringify(await printConfig(options, options.printConfig!, io.cwd), null, 2) + '\n')
    return 0
  } catch (error) {
    const message = error as VFileMessage
    io.stderr.write(`essaylint: ${message.reason ? describe(message, options.printConfig!) : message.message}\n`)
    return 2
  }
}
