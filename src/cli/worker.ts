/** A worker process of `essaylint` and `essaylint grade`: runs the CLI on batches of essays, in memory. */

import {Readable} from 'node:stream'
import {main} from './main.js'
import {collector} from './parallel.js'

// One batch of essays per message, one at a time: the parent sends the next
// batch when this one's report arrives, and disconnects when none is left.
process.on('message', async ({argv}: {argv: string[]}) => {
  const stdout = collector()
  const stderr = collector()
  const stdin = Readable.from([]) as Readable & {isTTY?: boolean}
  stdin.isTTY = true
  const code = await main(argv, {stdin, stdout, stderr, cwd: process.cwd(), worker: true})
  process.send!({stdout: stdout.text(), stderr: stderr.text(), code})
})
// The parent went away (done, or killed): so does the worker.
process.on('disconnect', () => process.exit(0))
