#!/usr/bin/env node
// Entry point of `essaylint-language-server`: the Language Server Protocol
// over stdio (`--stdio`, what editors use), Node IPC (`--node-ipc`) or a
// socket (`--socket=<port>`). See "Editor integration" in the README.
import {readFileSync} from 'node:fs'

const args = process.argv.slice(2)
const usage = 'Usage: essaylint-language-server --stdio (or --node-ipc, --socket=<port>, --pipe=<name>)\n'

if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(usage)
} else if (args.includes('--version') || args.includes('-v')) {
  const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  process.stdout.write(version + '\n')
} else if (!args.some((arg) => /^--(?:stdio|node-ipc|socket(?:=|$)|pipe(?:=|$)|clientProcessId)/.test(arg))) {
  process.stderr.write('essaylint-language-server: no transport given. ' + usage)
  process.exitCode = 2
} else {
  const {startServer} = await import('../dist/src/server/index.js')
  // An editor should keep its linter through one bad essay: report the
  // failure on stderr (the editor's log) and keep serving.
  const report = (error) => process.stderr.write(`essaylint-language-server: internal error: ${error && error.stack ? error.stack : error}\n`)
  process.on('uncaughtException', report)
  process.on('unhandledRejection', report)
  startServer()
}
