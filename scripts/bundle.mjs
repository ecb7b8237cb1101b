// Bundles the compiled CLI (dist/src/cli/main.js) and its worker thread into
// dist/src/bundle/ with esbuild. Node spends ~0.4 s resolving and compiling the
// few hundred small ES modules of the unified ecosystem on every start; one
// bundle loads in a fraction of that, in the main thread and in each worker.
//
// The bundle sits at the same depth as dist/src/cli/, so the data files the
// code finds through import.meta.url (../lexicons/, ../grade/, the package's
// package.json) resolve the same from both. compromise is loaded on demand
// through createRequire and stays in node_modules.
import {rmSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

// A fresh folder: chunk names carry a hash, and old chunks would pile up.
rmSync(path.join(root, 'dist/src/bundle'), {recursive: true, force: true})
await build({
  entryPoints: {cli: path.join(root, 'dist/src/cli/main.js'), worker: path.join(root, 'dist/src/cli/worker.js')},
  outdir: path.join(root, 'dist/src/bundle'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS dependencies (debug, …) call require: give the bundle one.
  banner: {js: "import {createRequire as __essaylintRequire} from 'node:module'; const require = __essaylintRequire(import.meta.url);"},
  logLevel: 'warning',
  legalComments: 'none'
})
