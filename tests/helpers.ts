/** Shared test helpers: lint through the public API, format messages compactly. */

import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {spawn, type ChildProcess} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import type {VFileMessage} from 'vfile-message'
import {lint, rules, type LintOptions} from '../src/index.js'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const bin = path.join(root, 'bin', 'essaylint.js')

export function fixture(...parts: string[]): string {
  return readFileSync(path.join(root, 'fixtures', ...parts), 'utf8')
}

/** `line:col-line:col ruleId reason`, the compact form the examples use. */
export function compact(message: VFileMessage): string {
  const place = message.place && 'start' in message.place ? message.place : undefined
  const range = place ? `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}` : `${message.line}:${message.column}`
  return `${range} ${message.ruleId} ${message.reason}`
}

export async function lintText(text: string, options: LintOptions = {}): Promise<VFileMessage[]> {
  const file = await lint(text, options)
  return file.messages
}

/** Only the given rules on, at warn. */
export function only(...ids: string[]): LintOptions['config'] {
  const all = Object.keys(rules)
  return {rules: Object.fromEntries(all.map((id) => [id, ids.includes(id) ? 'warn' : 'off']))}
}

/** Coverage rules only: for tests about perspectives, sovereignty and ethics. */
export const coverageOnly = ['--rule', 'unsupported-claim=off', '--rule', 'vague-evidence=off']

export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Run the real binary and wait for it without blocking: a test that runs it several
 * times in a row with spawnSync stalls vitest's worker past its 60 s RPC timeout on a
 * loaded machine ("Timeout calling onTaskUpdate"), which fails the run with every test green.
 */
export function run(args: string[], options: {cwd?: string; input?: string | Buffer; env?: Record<string, string>; bin?: string} = {}): Promise<Run> {
  const child = spawn(process.execPath, [options.bin ?? bin, ...args], {
    cwd: options.cwd ?? root,
    env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env}
  })
  return collect(child, options.input)
}

/** Stdout and stderr of a child as text, once it has ended; a hang is a failure (code null), not a stuck test run. */
function collect(child: ChildProcess, input?: string | Buffer): Promise<Run> {
  let stdout = ''
  let stderr = ''
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  // The child may exit before reading all its input (a refused file): that is its answer, not an error here.
  child.stdin!.on('error', () => {})
  child.stdin!.end(input)
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000)
  return new Promise<Run>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({code, stdout, stderr})
    })
  })
}

/** Start the real binary without waiting for it: the process, and its result once it ends. */
export function start(args: string[], cwd: string): {child: ChildProcess; done: Promise<Run>} {
  const child = spawn(process.execPath, [bin, ...args], {cwd, env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0'}})
  return {child, done: collect(child)}
}

/** A fresh temporary folder holding these files (text or bytes, by relative path). */
export function workspace(files: Record<string, string | Uint8Array> = {}, prefix = 'essaylint-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  for (const [name, value] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), value)
  }
  return dir
}
