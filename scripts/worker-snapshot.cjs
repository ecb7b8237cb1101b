// The entry of the worker processes' V8 startup snapshot, built by
// scripts/bundle.mjs into dist/src/bundle/worker.blob:
//
//   node <worker V8 options> --snapshot-blob worker.blob --build-snapshot worker-snapshot.cjs <compromise-two.cjs>
//
// Loading compromise costs each worker about 0.3 s of CPU, nearly all of it
// spent building its lexicon, the same every time. The snapshot holds a heap
// in which that is already done: a worker started from it finds compromise
// under a global symbol (see `tagger` in src/model/argument.ts) and loads the
// worker module as usual. A snapshot's script may only require Node's own
// modules, so compromise's CommonJS build is read and run here by hand.
'use strict'

const {readFileSync} = require('node:fs')
const v8 = require('node:v8')

const compromise = {exports: {}}
new Function('module', 'exports', 'require', readFileSync(process.argv[2], 'utf8'))(compromise, compromise.exports, require)
globalThis[Symbol.for('essaylint.compromise')] = compromise.exports

v8.startupSnapshot.setDeserializeMainFunction(() => {
  // Started as `node --snapshot-blob worker.blob <worker module>`: the module
  // is an ES module, which only the main context's loader can import.
  // (As a file URL: a path may hold "#" or "%".)
  const vm = require('node:vm')
  const {pathToFileURL} = require('node:url')
  const url = pathToFileURL(process.argv[1]).href
  const load = new vm.Script(`import(${JSON.stringify(url)})`, {importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER})
  load.runInThisContext()
})
