// npm run profile — where a CLI run spends its time: one serial run
// (--concurrency 1, so the whole run is in one profiled process, from the
// modules tsc wrote rather than the bundle, with the V8 options of the
// workers that lint a class) over the
// benchmark class (.bench/corpus, written by `npm run bench`; the sample
// essays when it is absent), under V8's sampling profiler. Prints the share
// of CPU time per stage, by the module each sample was in:
//   parse       Markdown to mdast (micromark, mdast-util-from-markdown, GFM)
//   words       mdast to the natural-language tree (src/word-tree.ts,
//               parse-latin / parse-english, nlcst utilities, sentence joins)
//   model       the essay model (src/model)
//   argument    the argument analysis (src/argument, compromise's tagger)
//   rules       the rules (rules/, src/coverage-rule)
//   engine      unified-engine: finding files, configs, reporting
//   files       reading essays and configs
//   startup     module loading and compiling
//   gc          garbage collection
// Shares, not seconds: they hold on a busy machine too.
//
// With --server it profiles the language server's work instead: the
// processor it uses (incremental parse, word tree and analysis caches, the
// memos), in process, over 150 one-paragraph edits of the 3,000-word essay
// `npm run bench:server` edits, after 10 edits of warm-up; it prints the
// median and p95 CPU time of an edit (all of the process's threads) and its
// wall time as well.
//
//   node scripts/profile.mjs [folder]
//   node scripts/profile.mjs --server
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// A class run lints in worker processes with these V8 options (garbage collection, tiering): so does the profiled run.
const {workerV8Options} = await import(pathToFileURL(path.join(root, 'dist', 'src', 'cli', 'parallel.js')).href)
const benchCorpus = path.join(root, '.bench', 'corpus')
const server = process.argv[2] === '--server'
const target = server ? path.join(root, 'fixtures', 'essays') : (process.argv[2] ?? (existsSync(benchCorpus) ? benchCorpus : path.join(root, 'fixtures', 'essays')))
const out = mkdtempSync(path.join(os.tmpdir(), 'essaylint-profile-'))
const dist = (file) => JSON.stringify(pathToFileURL(path.join(root, 'dist', 'src', file)).href)

// The CLI's modules as tsc wrote them (not the esbuild bundle bin/ runs), so each sample names its package.
const driver = `import {main} from ${JSON.stringify(pathToFileURL(path.join(root, 'dist', 'src', 'cli', 'main.js')).href)}
const io = {stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd()}
process.exitCode = await main(['--concurrency', '1', '-f', 'json', '-o', ${JSON.stringify(path.join(out, 'report.json'))}, ${JSON.stringify(target)}], io)`
// The server's processor on the essay bench:server edits, profiled only once warm.
const serverDriver = `import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {Session} from 'node:inspector/promises'
import {pathToFileURL} from 'node:url'
const {lintDocument} = await import(${dist('server/lint.js')})
const {defaultSettings} = await import(${dist('server/settings.js')})
const {enableParagraphCache} = await import(${dist('model/paragraph-cache.js')})
const {memoiseTagging} = await import(${dist('argument/tagging.js')})
const {memoiseCues} = await import(${dist('argument/cues.js')})
const {memoiseParagraphArguments} = await import(${dist('argument/paragraph-memo.js')})
memoiseTagging(); memoiseCues(); enableParagraphCache(); memoiseParagraphArguments()
const words = (text) => text.split(/\\s+/).filter(Boolean).length
const paragraphs = readdirSync(${JSON.stringify(target)}).filter((name) => name.endsWith('.md')).sort().flatMap((name) => readFileSync(path.join(${JSON.stringify(target)}, name), 'utf8').replace(/\\r\\n?/g, '\\n').trim().split(/\\n{2,}/))
const kept = []
for (const paragraph of paragraphs) { if (words(kept.join('\\n\\n')) >= 3000) break; kept.push(paragraph) }
let text = kept.join('\\n\\n') + '\\n'
const file = path.join(${JSON.stringify(out)}, 'essay.md')
writeFileSync(file, text)
const body = text.split('\\n').map((line, index) => ({line, index})).filter(({line}) => line.length > 200 && !/^[#>\\-*|]/.test(line))
const session = new Session()
session.connect()
const cpu = []
const wall = []
for (let version = 0; version < 160; version++) {
  if (version === 10) { await session.post('Profiler.enable'); await session.post('Profiler.start') }
  const lines = text.split('\\n')
  const line = body[version % body.length].index
  const at = lines[line].indexOf(' ', 20) + 1
  lines[line] = lines[line].slice(0, at) + (version % 2 ? 'clearly ' : 'often ') + lines[line].slice(at)
  text = lines.join('\\n')
  const before = process.cpuUsage()
  const started = performance.now()
  await lintDocument({uri: pathToFileURL(file).href, languageId: 'markdown', text, folders: [${JSON.stringify(out)}], settings: defaultSettings})
  const used = process.cpuUsage(before)
  if (version >= 10) cpu.push((used.user + used.system) / 1000)
  if (version >= 10) wall.push(performance.now() - started)
}
const {profile} = await session.post('Profiler.stop')
writeFileSync(path.join(${JSON.stringify(out)}, 'server.cpuprofile'), JSON.stringify(profile))
const median = (list) => list.sort((a, b) => a - b)[list.length >> 1].toFixed(1)
const p95 = (list) => list.sort((a, b) => a - b)[Math.floor(list.length * 0.95)].toFixed(1)
// The process's CPU time counts V8's compiler threads too, which optimise the code again and again over the first hundred edits: wall time is the main thread's.
console.log('median CPU time of an edit ' + median(cpu) + ' ms, p95 ' + p95(cpu) + ' ms (all threads); wall time median ' + median(wall) + ' ms, p95 ' + p95(wall) + ' ms')`
const run = server
  ? spawnSync(process.execPath, ['--input-type=module', '-e', serverDriver], {encoding: 'utf8', cwd: root})
  : spawnSync(process.execPath, [...workerV8Options, '--cpu-prof', `--cpu-prof-dir=${out}`, '--input-type=module', '-e', driver], {encoding: 'utf8', cwd: root})
if (run.status === 2 || run.error) {
  console.error(run.stderr || run.error?.message)
  process.exit(2)
}
const file = readdirSync(out).find((name) => name.endsWith('.cpuprofile'))
const profile = JSON.parse(readFileSync(path.join(out, file), 'utf8'))
rmSync(out, {recursive: true, force: true})

const stages = [
  ['gc', (url, name) => !url && /garbage/.test(name)],
  ['parse', (url) => /node_modules\/(micromark|mdast-util-from-markdown|mdast-util-gfm|decode-named-character|character-entities|remark-parse|remark-frontmatter)/.test(url) || /dist\/src\/(essay-gfm|input-guard|text-lines|text-headings|incremental-parse)\.js/.test(url)],
  ['words', (url) => /dist\/src\/(incremental-words|word-tree|moved-point)\.js/.test(url) || /node_modules\/(mdast-util-to-nlcst|parse-latin|parse-english|retext-english|remark-retext|nlcst-|unist-util-modify-children|unist-util-visit-children|vfile-location|array-iterate)/.test(url) || /dist\/src\/sentence-joins\.js/.test(url)],
  ['model', (url) => /dist\/src\/model\//.test(url)],
  ['argument', (url) => /dist\/src\/argument\//.test(url) || /node_modules\/compromise/.test(url)],
  ['rules', (url) => /dist\/rules\//.test(url) || /dist\/src\/(coverage-rule|rule|message-control)\.js/.test(url)],
  ['engine', (url) => /node_modules\/(unified-engine|unified|vfile|vfile-reporter|vfile-message|trough|bail|devlop|load-plugin|ignore|glob|minimatch|parse-json|yaml)/.test(url) || /dist\/src\/(cli|config|reporters|engine-options|pipeline)\//.test(url) || /dist\/src\/pipeline\.js/.test(url)],
  ['files', (url, name) => !url && /^(openFileHandle|read|readFileUtf8|close|fstat|stat|lstat|open|readdir|realpath|writeFileUtf8|write)$/.test(name)],
  ['startup', (url, name) => /^node:(internal\/(modules|vm|url|deps|bootstrap)|path|fs)/.test(url) || (!url && /(compile|program|\(root\)|internalModuleStat)/i.test(name))]
]

const self = new Map()
for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0))
const totals = new Map(stages.map(([name]) => [name, 0]))
totals.set('other', 0)
let total = 0
for (const node of profile.nodes) {
  const time = self.get(node.id) ?? 0
  if (time === 0) continue
  const {url, functionName} = node.callFrame
  if (!url && functionName === '(idle)') continue
  total += time
  const stage = stages.find(([, test]) => test(url, functionName))?.[0] ?? 'other'
  totals.set(stage, totals.get(stage) + time)
}

const essays = readdirSync(target).filter((name) => /\.(md|txt)$/.test(name)).length
if (server) console.log(`essaylint profile: the language server's processor, 150 one-paragraph edits of a 3,000-word essay, ${(total / 1e6).toFixed(2)} s of CPU sampled; ${run.stdout.trim()}`)
else console.log(`essaylint profile: ${essays} essays in ${path.relative(root, target) || target}, one serial run, ${(total / 1e6).toFixed(2)} s of CPU sampled`)
// PROFILE_STAGE=parse (or other) lists the functions that take most of a stage.
const detail = process.env.PROFILE_STAGE
if (detail) {
  const other = new Map()
  for (const node of profile.nodes) {
    const {url, functionName} = node.callFrame
    if ((!url && functionName === '(idle)') || (stages.find(([, test]) => test(url, functionName))?.[0] ?? 'other') !== detail) continue
    const key = `${url.replace(/^.*(node_modules|dist)\//, '')} ${functionName}`
    other.set(key, (other.get(key) ?? 0) + (self.get(node.id) ?? 0))
  }
  for (const [key, time] of [...other].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`    ${detail}:`, key, ((time / total) * 100).toFixed(1), '%')
}
for (const [name, time] of [...totals].sort((a, b) => b[1] - a[1])) console.log(`  ${name.padEnd(9)} ${((time / total) * 100).toFixed(1).padStart(5)} %`)
