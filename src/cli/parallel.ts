/**
 * Grading a whole class in parallel: the engine first lists the essays (its
 * own globbing and ignore rules, with a parser that does nothing), then the
 * list is dealt out to worker threads, each of which runs the ordinary
 * `essaylint grade --format json` on its share. The parent merges the grades
 * and the error lines; formats and exit codes stay the CLI's.
 */

import {availableParallelism} from 'node:os'
import path from 'node:path'
import {PassThrough, Writable} from 'node:stream'
import {Worker} from 'node:worker_threads'
import {unified} from 'unified'
import {engine, type Context} from 'unified-engine'
import type {Grade} from '../grade/score.js'
import type {CliOptions} from './args.js'

/** Below this many essays, one thread is faster than starting workers. */
export const parallelThreshold = 24

export function workerCount(files: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(files / 8)))
}

/** The essays the engine would lint for these arguments, without analysing any. */
export function listEssays(options: CliOptions, cwd: string, extensions: string[]): Promise<string[]> {
  const sink = new PassThrough()
  sink.resume()
  const lister = unified().use(function () {
    // A parser that reads nothing: only the engine's file discovery is wanted.
    this.parser = () => ({type: 'root', children: []})
    this.compiler = () => ''
  })
  return new Promise((resolve) => {
    engine(
      {
        processor: lister as never,
        files: options.files,
        extensions,
        cwd,
        ignoreName: '.essaylintignore',
        detectConfig: false,
        out: false,
        output: false,
        streamOut: sink,
        streamError: sink,
        silentlyIgnore: true,
        reporter: () => '',
        color: false
      },
      (_error: Error | undefined, _code?: number, context?: Context) => {
        resolve((context?.files ?? []).map((file) => (path.isAbsolute(file.path) ? path.relative(cwd, file.path) : file.path)))
      }
    )
  })
}

/** The arguments a worker needs to grade its share exactly as the parent would. */
function workerArgs(options: CliOptions, cwd: string, files: string[]): string[] {
  const args = ['grade', '--format', 'json']
  if (options.config) args.push('--config', path.resolve(cwd, options.config))
  if (options.noConfig) args.push('--no-config')
  for (const [id, severity] of Object.entries(options.rules)) args.push('--rule', `${id}=${severity}`)
  if (options.rubric) args.push('--rubric', path.resolve(cwd, options.rubric))
  return [...args, '--', ...files]
}

export interface ParallelResult {
  grades: Grade[]
  /** Lines the workers wrote to stderr (input and config problems). */
  errors: string[]
  code: number
}

export async function gradeInParallel(options: CliOptions, cwd: string, files: string[]): Promise<ParallelResult> {
  const count = workerCount(files.length)
  const shares: string[][] = Array.from({length: count}, () => [])
  files.forEach((file, index) => shares[index % count].push(file))
  const runs = shares.map(
    (share) =>
      new Promise<{stdout: string; stderr: string; code: number}>((resolve, reject) => {
        const worker = new Worker(new URL('./grade-worker.js', import.meta.url), {workerData: {argv: workerArgs(options, cwd, share), cwd}})
        worker.once('message', resolve)
        worker.once('error', reject)
      })
  )
  const results = await Promise.all(runs)
  const grades = results.flatMap((r) => (r.stdout.trim() ? (JSON.parse(r.stdout) as Grade[]) : []))
  grades.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const errors = results.flatMap((r) => r.stderr.split('\n').filter(Boolean))
  return {grades, errors, code: Math.max(...results.map((r) => r.code))}
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
