// The first step of `npm run build`: TypeScript (src/, rules/) to dist/.
//
// In a checkout with devDependencies, tsc compiles, type-checks and writes the
// declarations the API's users import. After `npm ci --omit=dev` there is no
// tsc: esbuild (a runtime dependency for this reason) then strips the types
// file by file into the same layout, so `npx essaylint` works on a clean clone
// installed with runtime dependencies only (as the GitHub Action installs it).
// Installs from a packed tarball never build: the package ships dist/.
import {spawnSync} from 'node:child_process'
import {readdirSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)

function tscPath() {
  try {
    return require.resolve('typescript/bin/tsc')
  } catch {
    return undefined
  }
}

function sources(dir) {
  return readdirSync(path.join(root, dir), {withFileTypes: true}).flatMap((entry) => {
    const rel = path.join(dir, entry.name)
    if (entry.isDirectory()) return sources(rel)
    return /\.ts$/.test(entry.name) && !/\.d\.ts$/.test(entry.name) ? [path.join(root, rel)] : []
  })
}

const tsc = tscPath()
if (tsc) {
  const run = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.json')], {stdio: 'inherit'})
  process.exit(run.status ?? 1)
} else {
  const {build} = await import('esbuild')
  await build({
    entryPoints: [...sources('src'), ...sources('rules')],
    outdir: path.join(root, 'dist'),
    outbase: root,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning'
  })
  console.log('compile: typescript is not installed (npm ci --omit=dev): types stripped with esbuild, no type check, no declarations')
}
