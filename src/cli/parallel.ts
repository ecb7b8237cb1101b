/**
 * Linting or grading a whole class in parallel: the essays are listed first
 * (src/cli/list-essays.ts), then worker processes take it batch by batch, each running the
 * ordinary CLI with `--format json` on a batch. The parent merges the
 * results and the error lines; formats and exit codes stay the CLI's.
 */

import {fork, spawnSync, type ChildProcess} from 'node:child_process'
import {readFileSync, statSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {Writable} from 'node:stream'
import type {VFile} from 'vfile'
import type {Grade} from '../grade/score.js'
import {fromJson, type JsonResult} from '../reporters/json.js'
import {withoutStackTraces} from '../rule.js'
import type {CliOptions} from './args.js'

/** Below this many essays, one thread is faster than starting workers. */
export const parallelThreshold = 24

export function workerCount(files: number, concurrency?: number): number {
  return Math.max(1, Math.min(concurrency ?? availableParallelism(), Math.floor(files / 8)))
}

/** The arguments a worker needs to lint or grade its share exactly as the parent would. */
function workerArgs(options: CliOptions, cwd: string, files: string[], grade: boolean): string[] {
  const args = grade ? ['grade', '--format', 'json'] : ['--format', 'json']
  if (options.config) args.push('--config', path.resolve(cwd, options.config))
  if (options.noConfig) args.push('--no-config')
  for (const [id, severity] of Object.entries(options.rules)) args.push('--rule', `${id}=${severity}`)
  if (options.rubric) args.push('--rubric', path.resolve(cwd, options.rubric))
  if (options.maxFileSize !== undefined) args.push('--max-file-size', String(options.maxFileSize))
  // A worker writes no copy: with --annotate it sends the Word essays' findings back (src/cli/main.ts).
  if (grade && options.annotate !== undefined) args.push('--annotate', path.resolve(cwd, options.annotate))
  return [...args, '--', ...files]
}

export interface ParallelResult {
  grades: Grade[]
  /** With `--annotate`: the findings of the Word essays, for their annotated copies. */
  findings: JsonResult[]
  /** Lines the workers wrote to stderr (input and config problems). */
  errors: string[]
  code: number
}

export interface WorkerResult {
  stdout: string
  /**
   * A lint batch's results, one essay's JSON (`JsonResult`) each, in place of
   * one report on `stdout`: no text of the whole batch is built on either
   * side. That text is a few MB, a large object, which V8 frees only at a
   * full collection; an essay's text is an ordinary one.
   */
  results?: string[]
  stderr: string
  code: number
}

/** The JSON results of a lint batch, however the worker sent them. */
export function jsonResultsOf(result: WorkerResult): JsonResult[] {
  if (result.results) return result.results.map((text) => JSON.parse(text) as JsonResult)
  return result.stdout.trim() ? (JSON.parse(result.stdout) as JsonResult[]) : []
}

function fileSize(file: string): number {
  try {
    return statSync(file).size
  } catch {
    return 0
  }
}

/** The most one batch holds: essays, and bytes of text (about 80,000 words). */
export const batchLimits = {files: 200, bytes: 512 * 1024}

/**
 * Batches for the workers to take one at a time, each a share of what is
 * left (guided scheduling): large batches first, small ones at the end. A
 * worker that finishes early takes the next batch, so the workers end
 * together however the machine schedules them; with batches of equal size,
 * one worker sat idle for half a second while the other did the last batch.
 *
 * `files` come in the order of the report (by path), and the batches keep
 * it, so that the parent can write each result once those before it have
 * come (src/cli/class-report.ts) and holds only the few that came early.
 * Only the essays longer than the smallest batch go first, longest first:
 * one of them in the last batch would keep one worker busy alone. Their
 * results are held until the report reaches them (at most a hundred).
 */
export function batchesBySize(files: string[], workers: number, sizeOf: (file: string) => number): string[][] {
  const all = files.map((file) => ({file, bytes: sizeOf(file)}))
  let left = all.reduce((sum, {bytes}) => sum + bytes, 0)
  // No batch smaller than a hundredth of the work: each costs a few milliseconds to start.
  const smallest = left / 100
  const sized = [...all.filter(({bytes}) => bytes > smallest).sort((a, b) => b.bytes - a.bytes), ...all.filter(({bytes}) => bytes <= smallest)]
  const result: string[][] = []
  let current: string[] = []
  let bytes = 0
  // A large class is cut into more batches than a share of it: a worker holds
  // a whole batch's trees until its last essay is done (unified-engine's
  // queue), and that queue's time grows with the square of a batch's files.
  const target = () => Math.min(batchLimits.bytes, Math.max(smallest, left / (2 * Math.max(1, workers))))
  let close = target()
  for (const entry of sized) {
    current.push(entry.file)
    bytes += entry.bytes
    if (bytes >= close || current.length >= batchLimits.files) {
      result.push(current)
      left -= bytes
      current = []
      bytes = 0
      close = target()
    }
  }
  if (current.length > 0) result.push(current)
  return result
}

/**
 * V8 options for the worker processes; only a process takes V8 options, not
 * a worker thread, which is why the workers are processes.
 *
 * - `--single-threaded-gc`: on a machine with as many workers as cores,
 *   V8's parallel garbage-collection helper threads only take time from the
 *   other workers; collecting on the worker's own thread made the benchmark
 *   corpus about 13 % faster and cost 15 % less CPU (paired runs).
 * - `--max-semi-space-size=32`: a larger young generation means fewer
 *   collections (an essay's trees live for the whole file).
 * - `--interrupt-budget=1000000` (V8's default is 67,584): how much a
 *   function must run before V8 optimises it. A worker lives a few seconds;
 *   with the default, V8 optimised the parsers' and the analysis's large
 *   functions early, on thin type feedback, and optimised many of them again
 *   after throwing the code away: its compiler thread, which runs on the
 *   other worker's core, used about 0.45 s of CPU per second of linting.
 *   With more feedback first, it optimises less and better: three
 *   interleaved pairs on the benchmark corpus took 0.79–0.84× the wall time
 *   and 0.77–0.83× the CPU. Budgets from 0.5 to 8 million measured alike;
 *   16 million was slower again.
 */
export const workerV8Options = ['--single-threaded-gc', '--max-semi-space-size=32', '--interrupt-budget=1000000']

/**
 * A worker's Node options: ours first, then the parent's own (as `fork`
 * passes them, so `node --cpu-prof` profiles the workers too, and an option
 * the user gives Node wins over ours), but not the inspector's: a second
 * process cannot listen on the parent's debugging port.
 */
export function workerExecArgv(parent: string[]): string[] {
  return [...workerV8Options, ...parent.filter((option) => !/^--(?:inspect|debug)/.test(option))]
}

/**
 * Worker processes, started before they have work: a Node process takes
 * about 0.2 s to start and load the bundle, which it does while the parent
 * lists the essays. `close` ends the ones a run does not use.
 */
export interface WorkerPool {
  /** Run the CLI on batches, each worker taking the next batch when it is free; `take` sees each result as it comes, with the batch's files. */
  run(options: CliOptions, cwd: string, files: string[], grade: boolean, take: (result: WorkerResult, batch: string[]) => void): Promise<number>
  /** End every worker not running a batch (all of them, after `run`). */
  close(): void
}

/**
 * The workers' startup snapshot (built by scripts/bundle.mjs, see
 * scripts/worker-snapshot.cjs), when it was made by this Node binary (same
 * version, and the same file: a rebuilt or reinstalled Node of the same
 * version may differ) with exactly the V8 options the workers will run
 * with: V8 refuses to start from it otherwise. Any Node option given to the
 * parent, on its command line or in NODE_OPTIONS, passes to the workers and
 * may be a V8 option: then none.
 */
export function workerSnapshot(
  about: URL = new URL('./worker.blob.json', import.meta.url),
  parent: {execArgv: string[]; nodeOptions?: string} = {execArgv: process.execArgv, nodeOptions: process.env.NODE_OPTIONS}
): string | undefined {
  if (parent.execArgv.length > 0 || parent.nodeOptions?.trim()) return undefined
  try {
    const made = JSON.parse(readFileSync(about, 'utf8')) as {node?: string; binary?: string; arch?: string; platform?: string; v8Options?: string[]}
    const fits =
      made.node === process.version &&
      made.binary === nodeBinary() &&
      made.arch === process.arch &&
      made.platform === process.platform &&
      made.v8Options?.join(' ') === workerV8Options.join(' ')
    return fits ? fileURLToPath(about).replace(/\.json$/, '') : undefined
  } catch {
    return undefined
  }
}

/** Which Node binary this is, as the snapshot's maker wrote it: its size and time of last change. */
export function nodeBinary(): string {
  const {size, mtimeMs} = statSync(process.execPath)
  return `${size} ${Math.round(mtimeMs)}`
}

/**
 * A worker must end as soon as its parent does, even after `kill -9` of the
 * parent, when no 'disconnect' can reach it while it lints. On Linux the
 * kernel does that for a process that asks (PR_SET_PDEATHSIG), which
 * util-linux's `setpriv --pdeathsig KILL` does before it runs Node: then the
 * worker needs no watchdog thread of its own (10 MB of memory a worker, and
 * it took 0.2–0.5 s to notice). `setpriv` is tried once; where it is missing
 * or too old, the workers keep the watchdog (src/cli/worker.ts).
 */
let deathSignal: string | false | undefined
export function parentDeathSignal(): string | false {
  if (deathSignal !== undefined) return deathSignal
  deathSignal = false
  if (process.platform !== 'linux') return deathSignal
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter((dir) => path.isAbsolute(dir))) {
    const setpriv = path.join(dir, 'setpriv')
    try {
      statSync(setpriv)
    } catch {
      continue
    }
    const tried = spawnSync(setpriv, ['--pdeathsig', 'KILL', process.execPath, '--version'], {stdio: 'ignore', timeout: 5000})
    if (tried.status === 0) deathSignal = setpriv
    break
  }
  return deathSignal
}

export function startWorkers(count: number, cwd: string): WorkerPool {
  const snapshot = workerSnapshot()
  const execArgv = workerExecArgv(process.execArgv)
  // Started from the snapshot, a worker has compromise loaded (0.3 s of CPU less each).
  const nodeArgs = snapshot ? [...execArgv, '--snapshot-blob', snapshot] : execArgv
  const setpriv = parentDeathSignal()
  const env = {...process.env}
  delete env.ESSAYLINT_PARENT_DEATH_SIGNAL
  const workers = Array.from({length: count}, () =>
    fork(fileURLToPath(new URL('./worker.js', import.meta.url)), [], {
      cwd,
      ...(setpriv
        ? {execPath: setpriv, execArgv: ['--pdeathsig', 'KILL', process.execPath, ...nodeArgs], env: {...env, ESSAYLINT_PARENT_DEATH_SIGNAL: '1'}}
        : {execArgv: nodeArgs, env}),
      // The report and the error lines come back as messages; a worker
      // that fails is one line from the parent, never its stack trace.
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      serialization: 'advanced'
    })
  )
  const close = (worker: ChildProcess) => {
    if (worker.connected) worker.disconnect()
  }
  return {
    close: () => workers.forEach(close),
    run(options, cwd, files, grade, take) {
      const used = workers.slice(0, workerCount(files.length, options.concurrency))
      workers.slice(used.length).forEach(close)
      const batches = batchesBySize([...files].sort(byPath), used.length, (file) => fileSize(path.resolve(cwd, file)))
      let next = 0
      let running = used.length
      let code = 0
      return new Promise((resolve, reject) => {
        let failed = false
        // One worker lost: the run cannot be whole. Say so, and end the
        // others now rather than let them lint batches nobody will report.
        const fail = (error: Error) => {
          if (failed) return
          failed = true
          workers.forEach(close)
          reject(error)
        }
        for (const worker of used) {
          let finished = false
          let batch: string[] = []
          const give = () => {
            // A worker that is gone is reported by its 'exit' below.
            if (failed || !worker.connected) return
            if (next < batches.length) {
              batch = batches[next++]
              worker.send({argv: workerArgs(options, cwd, batch, grade)})
              return
            }
            finished = true
            close(worker)
            if (--running === 0) resolve(code)
          }
          worker.on('message', (result: WorkerResult) => {
            code = Math.max(code, result.code)
            take(result, batch)
            give()
          })
          // An error (the process could not start, or a message could not be
          // sent to it) usually comes with an exit that says more: wait a
          // moment for it.
          worker.once('error', (error) => setTimeout(() => fail(new Error(`a worker process failed (${error.message})`)), 100))
          const lost = (how: string) => {
            if (!finished) fail(new Error(`a worker process stopped (${how})`))
          }
          // A worker can stop before it is given work (killed while the
          // essays are listed): its exit is then already known.
          if (worker.exitCode !== null || worker.signalCode !== null) lost(worker.signalCode ?? `exit code ${worker.exitCode}`)
          else worker.once('exit', (exit, signal) => lost(signal ?? `exit code ${exit}`))
          give()
        }
      })
    }
  }
}

/** The order of every report: by path, as JavaScript compares strings. */
export const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Results put back in path order as batches come: `emit` gets each essay's
 * items once every essay before it has its own. A batch marks all of its
 * essays as come, so one that failed (its problem is a line on stderr) holds
 * nothing up.
 */
export function inPathOrder<T>(files: string[], emit: (item: T) => void) {
  const position = new Map([...files].sort(byPath).map((file, index) => [file, index]))
  const waiting = new Map<number, T[]>()
  let next = 0
  const flush = () => {
    for (let items = waiting.get(next); items; items = waiting.get(++next)) {
      waiting.delete(next)
      for (const item of items) emit(item)
    }
  }
  return {
    /** A batch's results, each under the path the worker reported it with. */
    add(batch: string[], results: Array<{path: string; item: T}>): void {
      const mine = new Set(batch.map((file) => position.get(file)!))
      for (const at of mine) waiting.set(at, [])
      // A worker reports each essay under the path it was given; should one
      // ever differ, its result still goes out, at its batch's first place.
      const first = Math.min(...mine)
      for (const {path, item} of results) {
        const at = position.get(path)
        waiting.get(at !== undefined && mine.has(at) ? at : first)!.push(item)
      }
      flush()
    },
    /** What is still held (only if a file was listed twice): in order. */
    end(): void {
      for (const at of [...waiting.keys()].sort((a, b) => a - b)) for (const item of waiting.get(at)!) emit(item)
      waiting.clear()
    }
  }
}

/** Worker stderr lines, without the "essaylint: " each starts with. */
export const problemsOf = (results: WorkerResult[]) => results.flatMap((r) => r.stderr.split('\n').filter(Boolean)).map((line) => line.replace(/^essaylint: /, ''))

export async function lintInParallel(pool: WorkerPool, options: CliOptions, cwd: string, files: string[]): Promise<{files: VFile[]; problems: string[]}> {
  const linted: VFile[] = []
  const problems: string[] = []
  // Each batch's report is read as it comes, while the workers go on.
  await pool.run(options, cwd, files, false, (result) => {
    linted.push(...withoutStackTraces(() => jsonResultsOf(result).map((json) => fromJson(json))))
    problems.push(...problemsOf([result]))
  })
  return {files: linted, problems}
}

export async function gradeInParallel(pool: WorkerPool, options: CliOptions, cwd: string, files: string[]): Promise<ParallelResult> {
  const grades: Grade[] = []
  const findings: JsonResult[] = []
  const results: WorkerResult[] = []
  const code = await pool.run(options, cwd, files, true, (result) => {
    if (result.stdout.trim()) {
      const report = JSON.parse(result.stdout) as {essays: Grade[]; findings?: JsonResult[]}
      grades.push(...report.essays)
      findings.push(...(report.findings ?? []))
    }
    results.push(result)
  })
  grades.sort((a, b) => byPath(a.path, b.path))
  const errors = problemsOf(results).map((line) => `essaylint: ${line}`)
  return {grades, findings, errors, code}
}

/** A Writable that keeps what is written, for a worker's stdout and stderr. */
export function collector(): Writable & {text: () => string} {
  const chunks: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk))
      done()
    }
  }) as Writable & {text: () => string}
  stream.text = () => chunks.join('')
  return stream
}
