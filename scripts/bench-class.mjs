// npm run bench:class — how a class run grows with the number of essays
// (issue 17): the wall time of `essaylint -f json <folder>` on classes of
// small essays, and the parent process's peak RSS (VmHWM, polled), for
// each size. Linear growth is a ratio of 4 between 2,500 and 10,000. Then
// how soon busy workers end after kill -9 of their parent. Then (issue 18)
// the peak memory over the whole process tree (parent and workers, sampled
// every 100 ms) for classes of 300 and 3,000 essays of benchmark size (the
// sample and corpus essays, over and over): flat means a ratio near 1.
//
//   node scripts/bench-class.mjs [--sizes 2500,10000] [--rounds 1] [--memory-sizes 300,3000] [--memory-rounds 2]
//
// (`--sizes ''` or `--memory-sizes ''` leaves that part out.)
import {spawn, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {treeRssKb} from './tree-rss.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const value = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback)
const sizes = value('sizes', '2500,10000').split(',').filter(Boolean).map(Number)
const rounds = Number(value('rounds', '1'))
const memorySizes = value('memory-sizes', '300,3000').split(',').filter(Boolean).map(Number)
const memoryRounds = Number(value('memory-rounds', '2'))

// A small essay (about 60 words), varied per student so no two files are the same.
const essay = (i) =>
  `# Essay ${i}\n\nThis essay argues that peacekeeping in Mali depends on consent (Karlsrud, 2015). ` +
  `Realism explains why the Security Council acted in ${1990 + (i % 30)}. ` +
  `Student ${i} notes that sovereignty limits the mandate, and that MINUSMA protected civilians in Gao.\n`

function runClass(folder) {
  return new Promise((resolve) => {
    let tree = 0
    const started = performance.now()
    const child = spawn(process.execPath, [path.join(root, 'bin', 'essaylint.js'), '--no-config', '-f', 'json', folder], {cwd: path.dirname(folder), stdio: ['ignore', 'ignore', 'ignore']})
    let peak = 0
    const poll = setInterval(() => {
      try {
        peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0))
        if (poll.ticks++ % 2 === 0) tree = Math.max(tree, treeRssKb(child.pid))
      } catch {
        // Ended between two polls.
      }
    }, 50)
    poll.ticks = 0
    child.on('close', (code) => {
      clearInterval(poll)
      resolve({code, seconds: (performance.now() - started) / 1000, peakMB: peak / 1024, treeMB: tree / 1024})
    })
  })
}

/** Seconds from kill -9 of a class run's parent until both of its (busy) workers are gone (issue 17, item 7). */
async function orphanedWorkers(folder) {
  mkdirSync(folder)
  const strong = readFileSync(path.join(root, 'fixtures', 'essays', 'strong-three-lenses.md'), 'utf8')
  for (let i = 0; i < 300; i++) writeFileSync(path.join(folder, `e${i}.md`), strong)
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
  const running = (pid) => {
    try {
      return !/^\d+ \([^)]*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
    } catch {
      return false
    }
  }
  const child = spawn(process.execPath, [path.join(root, 'bin', 'essaylint.js'), '--concurrency', '2', '-f', 'json', folder], {stdio: 'ignore'})
  let workers = []
  for (let tries = 0; tries < 200 && workers.length < 2; tries++) {
    await sleep(100)
    workers = spawnSync('pgrep', ['-P', String(child.pid)], {encoding: 'utf8'}).stdout.split('\n').filter(Boolean).map(Number)
  }
  if (workers.length === 0) return child.kill('SIGKILL'), undefined
  await sleep(1500)
  child.kill('SIGKILL')
  const start = performance.now()
  while (workers.some(running) && performance.now() - start < 60_000) await sleep(20)
  return (performance.now() - start) / 1000
}

const dir = mkdtempSync(path.join(tmpdir(), 'essaylint-bench-class-'))
try {
  const results = []
  for (const size of sizes) {
    const folder = path.join(dir, `class-${size}`)
    mkdirSync(folder)
    for (let i = 0; i < size; i++) writeFileSync(path.join(folder, `student-${String(i).padStart(5, '0')}.md`), essay(i))
    for (let round = 0; round < rounds; round++) {
      const result = await runClass(folder)
      results.push({size, ...result})
      console.log(`${size} essays: ${result.seconds.toFixed(1)} s, parent peak RSS ${result.peakMB.toFixed(0)} MB (exit ${result.code})`)
    }
  }
  if (sizes.length >= 2) {
    const best = (size) => Math.min(...results.filter((r) => r.size === size).map((r) => r.seconds))
    const [small, large] = [sizes[0], sizes[sizes.length - 1]]
    console.log(`wall time ratio ${large}/${small}: ${(best(large) / best(small)).toFixed(2)} (linear: ${(large / small).toFixed(1)})`)
  }
  if (memorySizes.length > 0) {
    const sources = ['fixtures/essays', 'fixtures/corpus'].flatMap((dir) =>
      readdirSync(path.join(root, dir))
        .filter((name) => /\.(md|txt)$/.test(name))
        .sort()
        .map((name) => ({name, text: readFileSync(path.join(root, dir, name), 'utf8')}))
    )
    const memory = []
    for (const size of memorySizes) {
      const folder = path.join(dir, `memory-${size}`)
      mkdirSync(folder)
      for (let i = 0; i < size; i++) {
        const source = sources[i % sources.length]
        writeFileSync(path.join(folder, `s${String(i).padStart(5, '0')}-${source.name}`), source.text)
      }
      for (let round = 0; round < memoryRounds; round++) {
        const result = await runClass(folder)
        memory.push({size, ...result})
        console.log(`${size} benchmark-size essays: ${result.seconds.toFixed(1)} s, peak RSS over the process tree ${result.treeMB.toFixed(0)} MB, parent ${result.peakMB.toFixed(0)} MB (exit ${result.code})`)
      }
      rmSync(folder, {recursive: true, force: true})
    }
    if (memorySizes.length >= 2) {
      const peak = (size) => Math.max(...memory.filter((r) => r.size === size).map((r) => r.treeMB))
      const [small, large] = [memorySizes[0], memorySizes[memorySizes.length - 1]]
      console.log(`tree peak ratio ${large}/${small}: ${(peak(large) / peak(small)).toFixed(2)} (largest of ${memoryRounds} rounds each; flat: 1)`)
    }
  }
  if (process.platform === 'linux') {
    const seconds = await orphanedWorkers(path.join(dir, 'orphans'))
    console.log(`workers gone ${seconds === undefined ? '(no workers seen)' : `${seconds.toFixed(2)} s`} after kill -9 of their parent (300 essays, --concurrency 2)`)
  }
} finally {
  rmSync(dir, {recursive: true, force: true})
}
