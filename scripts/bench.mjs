// npm run bench — essaylint against alex and write-good on the same essays,
// whole CLI processes, interleaved rounds, in one run. Prints median wall
// time, words per second, peak memory and the ratios; the cold time of one
// 3,000-word essay; how time grows from 1,000 to 20,000 words in one essay;
// and the time to grade the whole class. Writes .bench/results.json.
//
//   node scripts/bench.mjs [--rounds 3] [--essays 300]
import {spawn} from 'node:child_process'
import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {treeRssKb} from './tree-rss.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback)
const rounds = option('rounds', 3)
const essayCount = option('essays', 300)
const bench = path.join(root, '.bench')
const corpus = path.join(bench, 'corpus')

const tools = {
  essaylint: [path.join(root, 'bin', 'essaylint.js')],
  alex: [path.join(root, 'node_modules', 'alex', 'cli.js')],
  'write-good': [path.join(root, 'node_modules', 'write-good', 'bin', 'write-good.js')]
}

const words = (text) => text.split(/\s+/).filter(Boolean).length
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]

// --- The corpus: the sample essays and the annotated corpus, then variants.
function sources() {
  const found = []
  for (const dir of ['fixtures/essays', 'fixtures/corpus']) {
    for (const name of readdirSync(path.join(root, dir)).sort()) {
      if (!/\.(md|txt)$/.test(name)) continue
      const text = readFileSync(path.join(root, dir, name), 'utf8')
      // The body without its title, so essays can be combined into longer ones.
      found.push({name, ext: path.extname(name), text, body: text.replace(/^#?[^\n]*\n+/, '')})
    }
  }
  return found
}

/** An essay of about `target` words, built from the sources starting at `from`. */
function essayOf(list, from, target, title) {
  let text = `# ${title}\n\n`
  let index = from
  while (words(text) < target) {
    const source = list[index++ % list.length]
    const need = target - words(text)
    const paragraphs = source.body.split(/\n\s*\n/)
    for (const paragraph of paragraphs) {
      if (words(paragraph) > need + 80 && words(text) > 200) break
      text += paragraph.trim() + '\n\n'
      if (words(text) >= target) break
    }
  }
  return text
}

function buildCorpus() {
  rmSync(corpus, {recursive: true, force: true})
  mkdirSync(corpus, {recursive: true})
  const list = sources()
  const files = []
  for (const [i, source] of list.entries()) {
    const file = path.join(corpus, `${String(i).padStart(3, '0')}-${source.name}`)
    writeFileSync(file, source.text)
    files.push(file)
  }
  // Variants: longer and shorter essays mixed from the sources, one of 20,000 words.
  const originals = files.length
  for (let i = originals; i < essayCount; i++) {
    const target = i === originals ? 20_000 : 800 + ((i * 337) % 2200)
    const file = path.join(corpus, `${String(i).padStart(3, '0')}-variant.md`)
    writeFileSync(file, essayOf(list, i, target, `Variant essay ${i}`))
    files.push(file)
  }
  return files
}

/**
 * Run a command; wall seconds and peak resident memory in MB. The memory is
 * the larger of /usr/bin/time's peak (the largest single process, exact) and
 * the sum over the whole process tree sampled every 100 ms (essaylint's
 * workers are processes of their own: their memory counts too).
 */
function timed(command, commandArgs, cwd = root) {
  return new Promise((resolve) => {
    const start = performance.now()
    const child = spawn('/usr/bin/time', ['-f', '%M', command, ...commandArgs], {cwd, stdio: ['ignore', 'ignore', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    let treeKb = 0
    const sampler = setInterval(() => (treeKb = Math.max(treeKb, treeRssKb(child.pid))), 100)
    child.on('close', (status) => {
      clearInterval(sampler)
      const seconds = (performance.now() - start) / 1000
      const lines = stderr.trim().split('\n')
      const kb = Math.max(Number(lines[lines.length - 1]) || 0, treeKb)
      resolve({seconds, mb: kb > 0 ? kb / 1024 : NaN, status})
    })
  })
}

/** The median wall time of `times` runs of essaylint with these arguments, one after another. */
async function medianSeconds(times, essaylintArgs) {
  const seconds = []
  for (let k = 0; k < times; k++) seconds.push((await timed(process.execPath, [tools.essaylint[0], ...essaylintArgs])).seconds)
  return median(seconds)
}

const files = buildCorpus()
const relative = files.map((f) => path.relative(root, f))
const totalWords = files.reduce((sum, f) => sum + words(readFileSync(f, 'utf8')), 0)
console.log(`corpus: ${files.length} essays, ${totalWords.toLocaleString('en')} words (longest ${Math.max(...files.map((f) => words(readFileSync(f, 'utf8')))).toLocaleString('en')}); ${os.cpus().length} cores; ${rounds} rounds, interleaved`)

const runs = Object.fromEntries(Object.keys(tools).map((t) => [t, []]))
const names = Object.keys(tools)
for (let round = 0; round < rounds; round++) {
  // Rotate the order each round so no tool always runs on a warm cache.
  for (let k = 0; k < names.length; k++) {
    const name = names[(k + round) % names.length]
    runs[name].push(await timed(process.execPath, [...tools[name], ...relative]))
  }
}
const results = {}
for (const name of names) {
  const seconds = median(runs[name].map((r) => r.seconds))
  results[name] = {medianSeconds: +seconds.toFixed(3), wordsPerSecond: Math.round(totalWords / seconds), peakMb: +Math.max(...runs[name].map((r) => r.mb)).toFixed(1), rounds: runs[name].map((r) => +r.seconds.toFixed(3))}
}
const ratio = (other) => +(results.essaylint.wordsPerSecond / results[other].wordsPerSecond).toFixed(2)
// Each round's own ratio (the tools ran back to back in it): how far this
// machine's minute-to-minute speed moves the medians.
const perRound = (other) => runs.essaylint.map((run, i) => +(runs[other][i].seconds / run.seconds).toFixed(2))

// --- Cold: one 3,000-word essay, a fresh process each time.
const three = path.join(bench, 'essay-3000.md')
writeFileSync(three, essayOf(sources(), 0, 3000, 'A 3,000-word essay'))
const cold = await medianSeconds(5, [three])

// --- Growth: one essay from 1,000 to 20,000 words, whole process and in process.
const sizes = [1000, 2000, 5000, 10000, 20000]
const {lint} = await import(path.join(root, 'dist', 'src', 'index.js'))
const growth = []
for (const size of sizes) {
  const text = essayOf(sources(), 3, size, `Growth ${size}`)
  const file = path.join(bench, `growth-${size}.md`)
  writeFileSync(file, text)
  const process_ = await medianSeconds(3, [file])
  // Warm, then the median of 7: a 1,000-word analysis takes ~20 ms, where
  // one slow run on this machine would move the growth ratio by a third.
  for (let k = 0; k < 2; k++) await lint(text, {path: file})
  const inProcess = []
  for (let k = 0; k < 7; k++) {
    const start = performance.now()
    await lint(text, {path: file})
    inProcess.push((performance.now() - start) / 1000)
  }
  growth.push({words: words(text), processSeconds: +process_.toFixed(3), analysisSeconds: +median(inProcess).toFixed(3)})
}
const first = growth[0]
const last = growth[growth.length - 1]

// --- Grading the whole class (issue 4): essaylint grade on every essay.
const grade = await timed(process.execPath, [tools.essaylint[0], 'grade', '--format', 'csv', ...relative])

const report = {
  date: new Date().toISOString(),
  machine: {cores: os.cpus().length, node: process.version},
  corpus: {essays: files.length, words: totalWords},
  tools: results,
  ratios: {'essaylint/alex': ratio('alex'), 'essaylint/write-good': ratio('write-good')},
  ratiosPerRound: {'essaylint/alex': perRound('alex'), 'essaylint/write-good': perRound('write-good')},
  coldSeconds3000Words: +cold.toFixed(3),
  growth,
  growthRatio: {process: +(last.processSeconds / first.processSeconds).toFixed(2), analysis: +(last.analysisSeconds / first.analysisSeconds).toFixed(2), words: +(last.words / first.words).toFixed(1)},
  gradeSeconds: +grade.seconds.toFixed(2)
}
writeFileSync(path.join(bench, 'results.json'), JSON.stringify(report, null, 2) + '\n')

console.log('\ntool         median s   words/s    peak MB')
for (const name of names) console.log(`${name.padEnd(12)} ${String(results[name].medianSeconds).padEnd(10)} ${String(results[name].wordsPerSecond).padEnd(10)} ${results[name].peakMb}`)
console.log(`\nthroughput essaylint/alex: ${report.ratios['essaylint/alex']}×   essaylint/write-good: ${report.ratios['essaylint/write-good']}×`)
console.log(`  round by round: essaylint/alex ${report.ratiosPerRound['essaylint/alex'].join('× ')}×   essaylint/write-good ${report.ratiosPerRound['essaylint/write-good'].join('× ')}×`)
console.log(`cold, one 3,000-word essay: ${report.coldSeconds3000Words} s`)
console.log('growth in one essay (words: whole process s / analysis s):')
for (const g of growth) console.log(`  ${String(g.words).padStart(6)}: ${g.processSeconds} / ${g.analysisSeconds}`)
console.log(`  ${report.growthRatio.words}× the words took ${report.growthRatio.process}× the process time and ${report.growthRatio.analysis}× the analysis time`)
console.log(`grading all ${files.length} essays: ${report.gradeSeconds} s`)
console.log(`\nwritten: ${path.relative(root, path.join(bench, 'results.json'))}`)
