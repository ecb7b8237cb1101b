// Bundles the compiled CLI (dist/src/cli/start.js, which loads main.js) and its worker process
// into dist/src/bundle/ with esbuild: the worker as an ES module, the CLI as
// one CommonJS script with a V8 code cache (below); then makes the workers'
// startup snapshot. Node spends ~0.4 s resolving and compiling the few hundred small
// ES modules of the unified ecosystem on every start; one bundle loads in a
// fraction of that, in the main process and in each worker.
//
// The bundle sits at the same depth as dist/src/cli/, so the data files the
// code finds through import.meta.url (../lexicons/, ../grade/, the package's
// package.json) resolve the same from both. compromise is not bundled: it is
// loaded on demand through createRequire from node_modules, or found in the
// heap of a worker started from the snapshot.
import {spawnSync} from 'node:child_process'
import {createRequire} from 'node:module'
import {rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'
import {nodeModuleBundle, nodeScriptBundle} from './esbuild-node.mjs'
import {importThroughLoader} from './esbuild-script.mjs'
import {lazyPackages} from './esbuild-lazy.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bundle = path.join(root, 'dist/src/bundle')

// A fresh folder: chunk names carry a hash, and old chunks would pile up.
rmSync(bundle, {recursive: true, force: true})
await build({
  entryPoints: {worker: path.join(root, 'dist/src/cli/worker.js')},
  outdir: bundle,
  ...nodeModuleBundle,
  splitting: true,
  plugins: [lazyPackages],
  // The document readers' libraries load from node_modules when a document
  // needs them (src/readers/): PDF.js starts its own worker module from its
  // package folder, and neither belongs in the bundle every Markdown run loads.
  // iconv-lite is required on first decode (scripts/esbuild-lazy.mjs), which
  // only a .txt that is not UTF-8 needs; bundled, its code tables (half a
  // megabyte) would load every time.
  external: ['pdfjs-dist', 'mammoth']
})

// The CLI's own process runs one classic script, compiled from the V8 code
// cache that scripts/code-cache.mjs writes after linting the sample essay
// (src/cli/cached-script.ts): Node 20 caches no compiled ES modules, and
// compiling was a good part of a cold run. Without a cache (a Node that cannot
// run the sample), the script compiles at each start, as the ES bundle did.
const {scriptFile} = await import('../dist/src/cli/cached-script.js')
await build({
  entryPoints: [path.join(root, 'dist/src/cli/start.js')],
  outfile: scriptFile,
  ...nodeScriptBundle,
  plugins: [lazyPackages, importThroughLoader],
  external: ['pdfjs-dist', 'mammoth']
})
const cached = spawnSync(process.execPath, [path.join(root, 'scripts/code-cache.mjs'), path.join(root, 'fixtures/essays/mali-sovereignty.md')], {encoding: 'utf8', env: {...process.env, NODE_OPTIONS: ''}})
if (cached.status !== 0) console.warn(`bundle: no code cache for the CLI (${(cached.stderr || cached.stdout || '').trim().split('\n')[0]}); it will compile at each start`)

// The workers' startup snapshot (scripts/worker-snapshot.cjs): a heap with
// compromise loaded, for this Node and the workers' V8 options, which a
// snapshot must be started with exactly. `worker.blob.json` says which; a
// parent whose Node or options differ starts its workers without it. A Node
// that cannot build or start one is told once, and the workers load
// compromise themselves.
const {nodeBinary, workerV8Options} = await import('../dist/src/cli/parallel.js')
const blob = path.join(bundle, 'worker.blob')
const compromise = createRequire(import.meta.url).resolve('compromise/two')
const made = spawnSync(process.execPath, [...workerV8Options, '--snapshot-blob', blob, '--build-snapshot', path.join(root, 'scripts/worker-snapshot.cjs'), compromise], {encoding: 'utf8'})
// A started snapshot must find compromise and import the worker's module.
const probe = path.join(bundle, 'snapshot-probe.mjs')
writeFileSync(probe, "console.log(typeof globalThis[Symbol.for('essaylint.compromise')])\n")
const tried = made.status === 0 ? spawnSync(process.execPath, [...workerV8Options, '--snapshot-blob', blob, probe], {encoding: 'utf8'}) : made
rmSync(probe, {force: true})
if (tried.status === 0 && tried.stdout.trim() === 'function') {
  writeFileSync(`${blob}.json`, JSON.stringify({node: process.version, binary: nodeBinary(), arch: process.arch, platform: process.platform, v8Options: workerV8Options}, null, 2) + '\n')
} else {
  rmSync(blob, {force: true})
  console.warn(`bundle: no startup snapshot for the workers on Node ${process.version} (${(tried.stderr || tried.stdout || '').trim().split('\n')[0]}); they will load compromise themselves`)
}
