// Builds the VS Code extension (editors/vscode/) and packages it with vsce:
//   dist/extension.js                   the extension and vscode-languageclient, one CommonJS bundle
//   server/dist/src/bundle/server.mjs   essaylint's language server and compromise, one ES module bundle,
//   server/dist/src/{lexicons,grade}/   with the data files it reads next to it, at the depth the
//   server/package.json                 code expects them (as in the package's own dist/)
// then `vsce package --no-dependencies` (everything it needs is bundled) into
// essaylint-vscode-<version>.vsix. Run after `npm run build`. vsce's output
// is printed; a warning fails the build.
import {spawnSync} from 'node:child_process'
import {cpSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'
import {nodeModuleBundle} from './esbuild-node.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const extension = path.join(root, 'editors', 'vscode')
const out = process.argv[2] ? path.resolve(process.argv[2]) : undefined

rmSync(path.join(extension, 'dist'), {recursive: true, force: true})
rmSync(path.join(extension, 'server'), {recursive: true, force: true})
await build({
  entryPoints: [path.join(extension, 'src', 'extension.js')],
  outfile: path.join(extension, 'dist', 'extension.js'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode'],
  logLevel: 'warning',
  legalComments: 'none'
})
const server = path.join(extension, 'server')
await build({
  entryPoints: [path.join(extension, 'src', 'server.mjs')],
  outfile: path.join(server, 'dist', 'src', 'bundle', 'server.mjs'),
  ...nodeModuleBundle
})
for (const folder of ['lexicons', 'grade']) {
  cpSync(path.join(root, 'dist', 'src', folder), path.join(server, 'dist', 'src', folder), {recursive: true, filter: (file) => !/\.(?:js|d\.ts)$/.test(file)})
}
const {name, version, license} = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
writeFileSync(path.join(server, 'package.json'), JSON.stringify({name, version, license, private: true}, null, 2) + '\n')
cpSync(path.join(root, 'LICENSE'), path.join(extension, 'LICENSE'))

const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce')
if (out) mkdirSync(path.dirname(out), {recursive: true})
const packed = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', ...(out ? ['--out', out] : [])], {cwd: extension, encoding: 'utf8'})
process.stdout.write(packed.stdout)
process.stderr.write(packed.stderr)
if (packed.status !== 0) process.exit(packed.status ?? 1)
if (/WARNING/i.test(packed.stdout + packed.stderr)) {
  console.error('build-vscode: vsce warned; the package must build without warnings')
  process.exit(1)
}
