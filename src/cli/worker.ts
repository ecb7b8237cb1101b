/** A worker thread of `essaylint` and `essaylint grade`: runs the CLI on batches of essays, in memory. */

import {Readable} from 'node:stream'
import {parentPort, workerData} from 'node:worker_threads'
import {main} from './main.js'
import {collector} from './parallel.js'

const {cwd} = workerData as {cwd: string}

// One batch of essays per message, one at a time: the parent sends the next
// batch when this one's report arrives, and ends the thread when none is left.
parentPort!.on('message', async ({argv}: {argv: string[]}) => {
  const stdout = collector()
  const stderr = collector()
  const stdin = Readable.from([]) as Readable & {isTTY?: boolean}
  stdin.isTTY = true
  const code = await main(argv, {stdin, stdout, stderr, cwd, worker: true})
  parentPort!.postMessage({stdout: stdout.text(), stderr: stderr.text(), code})
})
