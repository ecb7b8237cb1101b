/** A worker thread of `essaylint` and `essaylint grade`: runs the CLI on its share of the essays, in memory. */

import {Readable} from 'node:stream'
import {parentPort, workerData} from 'node:worker_threads'
import {main} from './main.js'
import {collector} from './parallel.js'

const {argv, cwd} = workerData as {argv: string[]; cwd: string}
const stdout = collector()
const stderr = collector()
const stdin = Readable.from([]) as Readable & {isTTY?: boolean}
stdin.isTTY = true
const code = await main(argv, {stdin, stdout, stderr, cwd, worker: true})
parentPort!.postMessage({stdout: stdout.text(), stderr: stderr.text(), code})
