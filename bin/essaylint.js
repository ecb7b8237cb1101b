#!/usr/bin/env node
// Entry point of the `essaylint` command. The exit code is set, not forced, so
// that a large report written to a pipe is flushed whole before Node exits.
import {answerEarly} from '../dist/src/cli/start.js'

let settled = false
// A reader that stops early (`essaylint . | head`) closes the pipe: the rest
// of the report is dropped, quietly, as Unix tools do (not a stack trace),
// and the run ends with its own exit code.
let reportLost = false
process.stdout.on('error', (error) => {
  if (reportLost) return
  reportLost = true
  if (error.code === 'EPIPE') return
  process.stderr.write(`essaylint: cannot write the report (${error.code ?? error.message})\n`)
  process.exitCode = 2
})
const argv = process.argv.slice(2)
const io = {stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd()}
// Anything but --version and --help runs the bundle (src/cli/cached-script.ts).
const early = answerEarly(argv, io)
const run = early === undefined ? import('../dist/src/cli/cached-script.js').then(({loadCliScript}) => loadCliScript().main(argv, io)) : Promise.resolve(early)
run.then(
  (code) => {
    settled = true
    process.exitCode = Math.max(code, process.exitCode ?? 0)
  },
  (error) => {
    settled = true
    process.stderr.write(`essaylint: internal error: ${error && error.message ? error.message : error}\n`)
    process.exitCode = 2
  }
)
// Node exits when nothing is left to wait for, even with the run unfinished:
// that must never look like a clean run.
process.on('exit', () => {
  if (settled) return
  process.stderr.write('essaylint: internal error: the run stopped before it had a result\n')
  process.exitCode = 2
})
