/** Shared test helpers: lint through the public API, format messages compactly. */

import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {spawn, spawnSync, type ChildProcess} from 'node:child_process'
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

/** Run the real binary. */
export function run(args: string[], options: {cwd?: string; input?: string | Buffer; env?: Record<string, string>} = {}): Run {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    input: options.input,
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env},
    maxBuffer: 64 * 1024 * 1024,
    // A hang is a failure (code null), not a stuck test run.
    timeout: 60_000
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** Start the real binary without waiting for it: the process, and its result once it ends. */
export function start(args: string[], cwd: string): {child: ChildProcess; done: Promise<Run>} {
  const child = spawn(process.execPath, [bin, ...args], {cwd, env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0'}})
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const done = new Promise<Run>((resolve) => child.on('close', (code) => resolve({code, stdout, stderr})))
  return {child, done}
}

/** A fresh folder in the system's temporary folder, holding these files (paths relative to it). */
export function workspace(files: Record<string, string> = {}, prefix = 'essaylint-cli-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), text)
  }
  return dir
}
