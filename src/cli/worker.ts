/** A worker process of `essaylint` and `essaylint grade`: runs the CLI on batches of essays, in memory. */

import {Readable} from 'node:stream'
import {Worker} from 'node:worker_threads'
import {main} from './main.js'
import {collector} from './parallel.js'

// One batch of essays per message, one at a time: the parent sends the next
// batch when this one's report arrives, and disconnects when none is left.
process.on('message', async ({argv}: {argv: string[]}) => {
  const stdout = collector()
  const stderr = collector()
  const stdin = Readable.from([]) as Readable & {isTTY?: boolean}
  stdin.isTTY = true
  const results: string[] = []
  const code = await main(argv, {stdin, stdout, stderr, cwd: process.cwd(), worker: true, results: (texts) => results.push(...texts)})
  process.send!({stdout: stdout.text(), ...(results.length > 0 ? {results} : {}), stderr: stderr.text(), code})
})
// The parent went away (done, or killed): so does the worker.
process.on('disconnect', () => process.exit(0))

// While a batch is linted, the event loop rarely reaches the IPC channel, so
// 'disconnect' comes only when the batch is done: after a `kill -9` of the
// parent, the workers went on for many seconds at hundreds of MB each. Where
// the parent started this process through `setpriv --pdeathsig KILL`
// (src/cli/parallel.ts), the kernel ends it with its parent. Otherwise a
// watchdog thread, which runs whatever the main thread is doing, ends the
// process within a fraction of a second once its parent is gone (it is then
// the child of another process).
if (process.env.ESSAYLINT_PARENT_DEATH_SIGNAL !== '1') {
  const watchdog = new Worker(
    `const {workerData} = require('node:worker_threads')
    setInterval(() => { if (process.ppid !== workerData) process.kill(process.pid, 'SIGKILL') }, 200)`,
    {eval: true, workerData: process.ppid}
  )
  // A watchdog that cannot start leaves the 'disconnect' handler above; never a crash.
  watchdog.on('error', () => {})
  watchdog.unref()
}
