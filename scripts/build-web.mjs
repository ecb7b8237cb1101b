// Builds the playground (`npm run build:web`) into dist/web/: index.html at
// its root, the page's script and the lint worker beside it, all static, so
// the folder deploys as it is (GitHub Pages, any file server).
//
// The worker is the very pipeline of the CLI, bundled by esbuild for the
// browser. Three Node modules are replaced by small browser stand-ins:
// node:fs reads only the data files, which are embedded here (the YAML
// lexicons as the JSON the build makes of them, so the browser parses no
// YAML); node:module gives compromise, imported statically; node:path is
// path-browserify. Nothing is fetched after load.
import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'
import {parse as parseYaml} from 'yaml'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const out = path.join(root, 'dist/web')
const src = (...parts) => path.join(root, 'src', ...parts)

// The data files the pipeline reads, by file name, as the CLI's build has them.
const data = {}
for (const name of readdirSync(src('lexicons'))) {
  const text = readFileSync(src('lexicons', name), 'utf8')
  if (name.endsWith('.yaml')) data[`${name}.json`] = JSON.stringify(parseYaml(text))
  else if (name.endsWith('.json')) data[name] = text
}
data['default-rubric.json'] = readFileSync(src('grade/default-rubric.json'), 'utf8')

const shims = {
  name: 'essaylint-browser-shims',
  setup(build) {
    build.onResolve({filter: /^node:(fs|module|path)$/}, (args) => ({path: args.path.slice(5), namespace: 'shim'}))
    build.onLoad({filter: /^fs$/, namespace: 'shim'}, () => ({
      contents: `const files = ${JSON.stringify(data)};
export function readFileSync(url) {
  const name = String(url).split('/').pop();
  if (Object.hasOwn(files, name)) return files[name];
  const error = new Error('ENOENT: no such file in the browser: ' + url);
  error.code = 'ENOENT';
  throw error;
}
// The page reads no config files: file handles exist only to be refused.
function noFiles(name) { const error = new Error('ENOENT: no files in the browser: ' + name); error.code = 'ENOENT'; throw error }
export const constants = {O_RDONLY: 0, O_NOFOLLOW: 0, O_NONBLOCK: 0};
export function openSync(name) { noFiles(name) }
export function fstatSync() { noFiles('fd') }
export function readSync() { noFiles('fd') }
export function closeSync() {}
export function realpathSync(name) { return String(name) }
export default {readFileSync, openSync, fstatSync, readSync, closeSync, realpathSync, constants};`,
      loader: 'js'
    }))
    build.onLoad({filter: /^module$/, namespace: 'shim'}, () => ({
      // The two packages src/ requires at run time: compromise (tagging) and the
      // English country names of i18n-iso-countries (mission-facts and named cases).
      contents: `import nlp from 'compromise/two'; import countries from 'i18n-iso-countries/index.js'; import en from 'i18n-iso-countries/langs/en.json';
const modules = (id) => (id.startsWith('i18n-iso-countries/langs/') ? en : id.startsWith('i18n-iso-countries') ? countries : nlp);
export function createRequire() { return modules } export default {createRequire};`,
      loader: 'js',
      resolveDir: root
    }))
    // The page hands the pipeline text, never bytes: the Windows-1252 fallback
    // for .txt files (iconv-lite, which needs Node's Buffer) has nothing to do here.
    build.onResolve({filter: /^iconv-lite$/}, () => ({path: 'iconv-lite', namespace: 'shim'}))
    build.onLoad({filter: /^iconv-lite$/, namespace: 'shim'}, () => ({
      contents: `export function decode(bytes, encoding) { return new TextDecoder(encoding).decode(bytes) } export default {decode};`,
      loader: 'js'
    }))
    build.onLoad({filter: /^path$/, namespace: 'shim'}, () => ({contents: `export * from 'path-browserify'; export {default} from 'path-browserify';`, loader: 'js', resolveDir: root}))
  }
}

rmSync(out, {recursive: true, force: true})
mkdirSync(out, {recursive: true})
const sample = readFileSync(path.join(root, 'fixtures/essays/mali-sovereignty.md'), 'utf8')
const common = {
  outdir: out,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['chrome110', 'firefox115', 'safari16'],
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [shims],
  define: {ESSAYLINT_SAMPLE: JSON.stringify(sample), 'process.env.NODE_ENV': '"production"'},
  // The config resolver names files relative to the working folder.
  banner: {js: 'globalThis.process ??= {cwd: () => "/", env: {}};'}
}
await build({...common, entryPoints: {playground: src('web/playground/main.ts')}})
// A worker has no DOM: packages with a DOM build for browsers (entity
// decoding through a <textarea>) must give their worker build.
await build({...common, entryPoints: {worker: src('web/playground/worker.ts')}, conditions: ['worker']})

// The stylesheet goes inline in the page: one request fewer, and no flash of an unstyled page.
const css = await build({
  stdin: {contents: "export {styles} from './src/web/render/styles.ts'; export {playgroundStyles} from './src/web/playground/styles.ts'", resolveDir: root, loader: 'ts'},
  bundle: true,
  format: 'esm',
  write: false,
  logLevel: 'warning'
})
const {styles, playgroundStyles} = await import(`data:text/javascript;base64,${Buffer.from(css.outputFiles[0].text).toString('base64')}`)
const page = readFileSync(src('web/playground/index.html'), 'utf8').replace('/*essaylint:styles*/', () => styles + playgroundStyles)
writeFileSync(path.join(out, 'index.html'), page)
const size = (name) => `${Math.round(readFileSync(path.join(out, name)).length / 1024)} kB`
console.log(`build:web: dist/web/index.html (${size('index.html')}), playground.js (${size('playground.js')}), worker.js (${size('worker.js')})`)
