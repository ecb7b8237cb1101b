// npm run bench:server — the language server, driven over stdio like an
// editor drives it. Opens a ~3,000-word essay (the Markdown sample essays,
// concatenated and cut at a paragraph), then:
//   1. one-paragraph edits, one at a time: time from didChange to the
//      publishDiagnostics of that version (includes the debounce), p50/p95;
//   2. 1,000 rapid edits with malformed messages among them: the server must
//      stay up and publish the last version;
//   3. resident memory (from the server, and /proc/<pid>/status) before and after.
// Target (issue 18): p95 <= 50 ms on a quiet machine, <= 80 ms while
// `npm run bench` runs beside it; the load averages before and after are
// printed so that a figure says which machine it came from. Build first
// (`npm run build`; the npm script does).
// Edits are sent one at a time, each after the previous one's diagnostics and
// at least the server's debounce (30 ms) after the previous edit, so each is
// "an edit after a pause", checked at once: an edit sent sooner than that
// waits out the debounce, and the time measured would be the server's delay
// on purpose, not its work. The rapid phase exercises the debounce.
//
//   node scripts/bench-server.mjs [--edits 50] [--rapid 1000] [--words 3000]
import {spawn} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {createProtocolConnection, StreamMessageReader, StreamMessageWriter} from 'vscode-languageserver-protocol/node'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const {defaultSettings} = await import(pathToFileURL(path.join(root, 'dist', 'src', 'server', 'settings.js')).href)
const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback)
const editCount = option('edits', 50)
const rapidCount = option('rapid', 1000)
const targetWords = option('words', 3000)

const countWords = (text) => text.split(/\s+/).filter(Boolean).length
const percentile = (list, p) => {
  const sorted = [...list].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const ms = (value) => `${value.toFixed(1)} ms`

// The essay: sample essays, paragraph by paragraph, until ~3,000 words.
const essays = path.join(root, 'fixtures', 'essays')
const paragraphs = readdirSync(essays)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .flatMap((name) => readFileSync(path.join(essays, name), 'utf8').replace(/\r\n?/g, '\n').trim().split(/\n{2,}/))
const kept = []
for (const paragraph of paragraphs) {
  if (countWords(kept.join('\n\n')) >= targetWords) break
  kept.push(paragraph)
}
const text = kept.join('\n\n') + '\n'

const loadAtStart = os.loadavg().map((value) => value.toFixed(2)).join(' ')
const dir = mkdtempSync(path.join(os.tmpdir(), 'essaylint-bench-server-'))
const file = path.join(dir, 'essay.md')
writeFileSync(file, text)
const uri = pathToFileURL(file).href

// --expose-gc lets the stats request collect garbage first, so memory figures show what is kept, not what awaits collection.
const child = spawn(process.execPath, ['--expose-gc', path.join(root, 'bin', 'essaylint-language-server.js'), '--stdio'], {cwd: dir, stdio: 'pipe'})
let stderr = ''
child.stderr.on('data', (chunk) => (stderr += chunk))
let exited = false
child.on('exit', () => (exited = true))
const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
const waiting = new Map()
let lastCount = 0
connection.onNotification('textDocument/publishDiagnostics', (params) => {
  if (params.uri !== uri) return
  lastCount = params.diagnostics.length
  const resolve = waiting.get(params.version)
  if (resolve) {
    waiting.delete(params.version)
    resolve(performance.now())
  }
})
connection.onNotification('window/logMessage', () => {})
connection.onNotification('window/showMessage', () => {})
connection.listen()

const published = (version, timeout = 30000) =>
  new Promise((resolve, reject) => {
    waiting.set(version, resolve)
    setTimeout(() => waiting.has(version) && reject(new Error(`no diagnostics for version ${version} within ${timeout} ms`)), timeout).unref()
  })

function vmRss() {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) * 1024
  } catch {
    return undefined
  }
}

async function memory(label) {
  const stats = await connection.sendRequest('essaylint/stats', {gc: true})
  const proc = vmRss()
  console.log(`  ${label.padEnd(28)} rss ${mb(stats.rss)}${proc ? ` (/proc: ${mb(proc)})` : ''}, heap ${mb(stats.heapUsed)} (after GC), paragraph cache ${stats.paragraphCache.size}, tagger cache ${stats.taggerCache.size}`)
  return stats
}

// Lines of the body paragraphs (not headings), where edits go.
const lines = text.split('\n')
const bodyLines = lines.map((line, index) => ({line, index})).filter(({line}) => line.length > 200 && !/^[#>\-*|]/.test(line))

let version = 1
let document = text
function applyInsert(line, character, inserted) {
  const all = document.split('\n')
  all[line] = all[line].slice(0, character) + inserted + all[line].slice(character)
  document = all.join('\n')
}

try {
  const started = performance.now()
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    workspaceFolders: [{uri: pathToFileURL(dir).href, name: 'bench'}],
    capabilities: {textDocument: {publishDiagnostics: {versionSupport: true}}}
  })
  await connection.sendNotification('initialized', {})
  const initialized = performance.now()
  const opened = published(1)
  await connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version: 1, text}})
  const first = await opened
  console.log(`essaylint language server: ${countWords(text)}-word essay, ${kept.length} paragraphs, ${bodyLines.length} body paragraphs edited in turn`)
  console.log(`  start + initialize          ${ms(initialized - started)}`)
  console.log(`  first diagnostics (cold)    ${ms(first - initialized)} (${lastCount} diagnostics)`)

  // Warm up: a few edits, so that the measured ones are in the steady state.
  // The server's default `essaylint.debounce`, and a margin for the timers' slack.
  const pause = defaultSettings.debounce + 5
  let lastSent = 0
  const edit = async (wait) => {
    if (wait) {
      const since = performance.now() - lastSent
      if (since < pause) await new Promise((resolve) => setTimeout(resolve, pause - since))
    }
    const target = bodyLines[version % bodyLines.length]
    const all = document.split('\n')
    const at = all[target.index].indexOf(' ', 20) + 1
    const inserted = version % 2 ? 'clearly ' : 'often '
    version++
    applyInsert(target.index, at, inserted)
    const done = wait ? published(version) : undefined
    const sent = performance.now()
    lastSent = sent
    await connection.sendNotification('textDocument/didChange', {
      textDocument: {uri, version},
      contentChanges: [{range: {start: {line: target.index, character: at}, end: {line: target.index, character: at}}, text: inserted}]
    })
    return done ? (await done) - sent : 0
  }
  for (let i = 0; i < 5; i++) await edit(true)
  const before = await memory('memory before edits')

  const times = []
  for (let i = 0; i < editCount; i++) times.push(await edit(true))
  console.log(`\n  ${editCount} one-paragraph edits, didChange → publishDiagnostics, each after a pause:`)
  console.log(`  p50 ${ms(percentile(times, 50))}   p95 ${ms(percentile(times, 95))}   min ${ms(Math.min(...times))}   max ${ms(Math.max(...times))}`)
  const afterEdits = await memory('memory after edits')

  // 1,000 rapid edits, with malformed messages mixed in.
  const rapidStart = performance.now()
  let malformed = 0
  for (let i = 0; i < rapidCount; i++) {
    await edit(false)
    if (i % 100 === 50) {
      const garbage = '{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {'
      child.stdin.write(`Content-Length: ${Buffer.byteLength(garbage)}\r\n\r\n${garbage}`)
      connection.sendNotification('textDocument/didChange', {textDocument: {uri: 'file:///nowhere.md', version: 3}, contentChanges: [{text: 'x'}]})
      connection.sendNotification('textDocument/didOpen', {})
      connection.sendRequest('textDocument/codeAction', {textDocument: null}).catch(() => {})
      connection.sendRequest('essaylint/unknown', [1, 2, 3]).catch(() => {})
      malformed += 5
    }
    // Let the server read now and then, as keystrokes arrive in an editor.
    if (i % 20 === 19) await new Promise((resolve) => setImmediate(resolve))
  }
  const last = await published(version)
  console.log(`\n  ${rapidCount} rapid edits + ${malformed} malformed messages: last version published ${ms(last - rapidStart)} after the first edit; server ${exited ? 'EXITED' : 'alive'}`)
  // Let the server settle, then one more measured edit.
  await new Promise((resolve) => setTimeout(resolve, 1000))
  const settle = await edit(true)
  console.log(`  one more edit afterwards     ${ms(settle)}`)
  const after = await memory('memory after rapid edits')

  const p95 = percentile(times, 95)
  const load = os.loadavg().map((value) => value.toFixed(2)).join(' ')
  console.log(`\nsummary: p50 ${ms(percentile(times, 50))}, p95 ${ms(p95)}; RSS ${mb(before.rss)} → ${mb(afterEdits.rss)} → ${mb(after.rss)}; load average ${loadAtStart} at the start, ${load} now (${os.cpus().length} cores)`)
  console.log(`target p95 <= 50 ms (quiet machine) / <= 80 ms (beside npm run bench): ${p95 <= 50 ? 'within 50 ms' : p95 <= 80 ? 'within 80 ms, not 50' : 'NOT within 80 ms'}`)

  await connection.sendRequest('shutdown')
  await connection.sendNotification('exit')
  await new Promise((resolve) => (exited ? resolve() : child.once('exit', resolve)))
  if (/internal error/.test(stderr)) console.log(`server stderr:\n${stderr}`)
} catch (error) {
  console.error(`bench:server failed: ${error.message}\n${stderr}`)
  process.exitCode = 1
  child.kill()
} finally {
  connection.dispose()
  rmSync(dir, {recursive: true, force: true})
}
