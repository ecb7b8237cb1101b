/**
 * `essaylint --watch`: lint once, then again whenever an essay, a config or
 * an ignore file under the given paths changes — for a student writing a
 * draft in an editor without the language server. chokidar watches (it
 * follows editors' save-by-rename and coalesces the events of one save,
 * which fs.watch reports raw and differently on each system); changes that
 * come together are linted once. The report goes where it would without
 * --watch; the run ends with Ctrl-C.
 */

import path from 'node:path'
import {watch as chokidar} from 'chokidar'

/** Changes closer together than this are linted once, when they stop. */
const settle = 150

export interface WatchIo {
  stderr: {write(text: string): unknown}
  cwd: string
}

export function watchAndLint(argv: string[], files: string[], io: WatchIo, lint: (argv: string[]) => Promise<number>, ignored: string[] = []): Promise<number> {
  const args = argv.filter((arg) => arg !== '--watch')
  const skip = new Set(ignored.map((file) => path.resolve(io.cwd, file)))
  const watcher = chokidar(files.length > 0 ? files : ['.'], {
    cwd: io.cwd,
    ignoreInitial: true,
    // The run's own outputs (report, cache) must not start another run.
    ignored: (file: string) => /(?:^|[\\/])(?:node_modules|\.git)(?:[\\/]|$)/.test(file) || skip.has(path.resolve(io.cwd, file)),
    awaitWriteFinish: {stabilityThreshold: 50, pollInterval: 20}
  })
  let running: Promise<unknown> = Promise.resolve()
  let timer: NodeJS.Timeout | undefined
  const changed = new Set<string>()
  const again = () => {
    const names = [...changed].sort()
    changed.clear()
    running = running.then(async () => {
      io.stderr.write(`essaylint: ${names.join(', ')} changed: linting again\n`)
      await lint(args)
      io.stderr.write('essaylint: watching for changes (Ctrl-C to stop)\n')
    })
  }
  watcher.on('all', (_event, file) => {
    changed.add(file)
    clearTimeout(timer)
    timer = setTimeout(again, settle)
  })
  return new Promise((resolve) => {
    watcher.on('ready', () => {
      running = running.then(async () => {
        await lint(args)
        io.stderr.write('essaylint: watching for changes (Ctrl-C to stop)\n')
      })
    })
    watcher.on('error', (error) => {
      io.stderr.write(`essaylint: --watch: ${(error as Error).message}\n`)
      void watcher.close().then(() => resolve(2))
    })
  })
}
