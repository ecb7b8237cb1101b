/** Many essays are linted in worker processes; the report must be exactly the one a single thread gives. */

import {mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {batchesBySize, inPathOrder, nodeBinary, workerExecArgv, workerSnapshot, workerV8Options} from '../src/cli/parallel.js'
import {root, run, start} from './helpers.js'

/** The CLI's worker processes: its children that run worker.js (not the one-off check of setpriv, src/cli/parallel.ts). */
function workerPids(pid: number): string[] {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)
  return children.filter((child) => {
    try {
      return readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('worker.js')
    } catch {
      return false
    }
  })
}

describe('linting a class in worker processes', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'essaylint-parallel-'))
  const sources = ['weak-no-theory.md', 'mali-sovereignty.md', 'rwanda-case-study.txt', 'strong-three-lenses.md']
  for (let i = 0; i < 32; i++) {
    const source = sources[i % sources.length]
    writeFileSync(path.join(dir, `student-${String(i).padStart(2, '0')}-${source}`), readFileSync(path.join(root, 'fixtures', 'essays', source)))
  }
  writeFileSync(path.join(dir, 'empty.md'), '')

  it.each([['json'], ['stylish'], ['sarif'], ['github']])('--format %s: same report, errors and exit code as one thread', async (format) => {
    const parallel = await run(['-f', format, '.'], {cwd: dir})
    const single = await run(['-f', format, '--concurrency', '1', '.'], {cwd: dir})
    expect(parallel.code).toBe(2)
    expect(parallel.stderr).toBe('essaylint: empty.md: file is empty: there is no essay to check\n')
    expect(parallel).toEqual(single)
    if (format === 'json') expect(JSON.parse(parallel.stdout)).toHaveLength(32)
  })

  it('with a V8 option in NODE_OPTIONS (the workers then start without their snapshot): same report', async () => {
    const options = await run(['-f', 'json', '.'], {cwd: dir, env: {NODE_OPTIONS: '--max-old-space-size=2048'}})
    expect(options.code).toBe(2)
    expect(options).toEqual(await run(['-f', 'json', '--concurrency', '1', '.'], {cwd: dir}))
  })

  it('many essays named one by one (a shell glob): workers start before the listing, same report', async () => {
    const names = readdirSync(dir).filter((name) => name.startsWith('student-'))
    const parallel = await run(['-f', 'json', ...names], {cwd: dir})
    expect(parallel.code).toBe(0)
    expect(JSON.parse(parallel.stdout)).toHaveLength(32)
    expect(parallel).toEqual(await run(['-f', 'json', '--concurrency', '1', ...names], {cwd: dir}))
  })

  it('a folder of many files that are not essays: the two essays in it are linted once', async () => {
    const mixed = mkdtempSync(path.join(tmpdir(), 'essaylint-mixed-'))
    for (let i = 0; i < 30; i++) writeFileSync(path.join(mixed, `scan-${i}.png`), 'not an essay')
    for (const source of sources.slice(0, 2)) writeFileSync(path.join(mixed, source), readFileSync(path.join(root, 'fixtures', 'essays', source)))
    const result = await run(['-f', 'json', '.'], {cwd: mixed})
    expect(JSON.parse(result.stdout).map((r: {path: string}) => r.path)).toEqual(['mali-sovereignty.md', 'weak-no-theory.md'])
    expect(result).toEqual(await run(['-f', 'json', '--concurrency', '1', '.'], {cwd: mixed}))
  })

  // Killed at once (while the essays are still listed) or a moment later (while it lints).
  it.runIf(process.platform === 'linux').each([[0], [300]])('a worker killed after %i ms: one line, exit 2, no stack trace, and the run ends', async (delay) => {
    const {child, done} = start(['-f', 'json', '.'], dir)
    // The workers are the CLI's child processes running worker.js: kill the first one seen.
    let killed = false
    for (let tries = 0; tries < 500 && !killed; tries++) {
      const pids = workerPids(child.pid!)
      if (pids.length > 0) {
        await new Promise((resolve) => setTimeout(resolve, delay))
        process.kill(Number(pids[0]), 'SIGKILL')
        killed = true
      } else await new Promise((resolve) => setTimeout(resolve, 10))
    }
    expect(killed).toBe(true)
    const result = await done
    expect(result).toMatchObject({code: 2, stderr: 'essaylint: internal error: a worker process stopped (SIGKILL)\n'})
    // The report is written as the batches come: what came before the loss may be out, never a whole report.
    expect(result.stdout).toMatch(/^(?:$|\[\n {2}\{)/)
    if (result.stdout) expect(() => JSON.parse(result.stdout)).toThrow()
  })

  it.runIf(process.platform === 'linux')('a worker killed while the report goes to -o: the old report stays whole, and no temporary file is left', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'essaylint-killed-out-'))
    const report = path.join(out, 'report.json')
    writeFileSync(report, 'the report of an earlier run\n')
    const {child, done} = start(['-f', 'json', '-o', report, '.'], dir)
    let killed = false
    for (let tries = 0; tries < 500 && !killed; tries++) {
      const pids = workerPids(child.pid!)
      if (pids.length > 0) {
        // Once the report's temporary file is there (the parent opens it before the workers' first result).
        for (let wait = 0; wait < 500 && readdirSync(out).length < 2; wait++) await new Promise((resolve) => setTimeout(resolve, 10))
        process.kill(Number(pids[0]), 'SIGKILL')
        killed = true
      } else await new Promise((resolve) => setTimeout(resolve, 10))
    }
    expect(killed).toBe(true)
    expect(await done).toEqual({code: 2, stdout: '', stderr: 'essaylint: internal error: a worker process stopped (SIGKILL)\n'})
    expect(readdirSync(out)).toEqual(['report.json'])
    expect(readFileSync(report, 'utf8')).toBe('the report of an earlier run\n')
  })

  it('--concurrency rejects nonsense', async () => {
    expect(await run(['--concurrency', '0', '.'], {cwd: dir})).toMatchObject({code: 2, stderr: 'essaylint: --concurrency expects a whole number of workers or "auto", got "0". Run "essaylint --help" for usage.\n'})
  })
})

describe('a class report written as the results come, in path order', () => {
  // Many small essays (batches that are runs of the class in path order), a
  // few long ones (they go first, and wait for their turn in the report),
  // folders, names whose order is not the order of their lengths, and a bad
  // file halfway.
  const dir = mkdtempSync(path.join(tmpdir(), 'essaylint-streamed-'))
  const long = ['strong-three-lenses.md', 'mali-sovereignty.md', 'rwanda-case-study.txt']
  for (const [i, source] of long.entries()) writeFileSync(path.join(dir, `${['m', 'b', 'z'][i]}-long-${source}`), readFileSync(path.join(root, 'fixtures', 'essays', source)))
  for (const folder of ['group-a', 'group-a-late', 'Group-B']) mkdirSync(path.join(dir, folder))
  for (let i = 0; i < 150; i++) {
    const folder = ['', 'group-a', 'group-a-late', 'Group-B'][i % 4]
    const text =
      `# Essay ${i}\n\nThis essay argues that peacekeeping in Mali depends on consent (Karlsrud, 2015). ` +
      `Realism obviously explains why the Security Council acted in ${1990 + (i % 30)}. ` +
      (i % 3 === 0 ? 'Everyone knows that sovereignty always limits the mandate.\n' : `Student ${i} notes that MINUSMA protected civilians in Gao.\n`)
    writeFileSync(path.join(dir, folder, `${i % 7}-student-${i}.md`), text)
  }
  writeFileSync(path.join(dir, 'group-a', '5-student-empty.md'), '')

  it.each([[['-f', 'json']], [['-f', 'sarif']], [['-f', 'json', '--quiet']], [['-f', 'sarif', '--quiet']]])('%j: the report, errors and exit code of one process', async (format) => {
    const single = await run([...format, '--concurrency', '1', '.'], {cwd: dir})
    expect(single.code).toBe(2)
    expect(single.stderr).toBe('essaylint: group-a/5-student-empty.md: file is empty: there is no essay to check\n')
    expect(await run([...format, '--concurrency', '2', '.'], {cwd: dir})).toEqual(single)
  })

  it('to -o: the same report, through its temporary file', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'essaylint-streamed-out-'))
    const report = path.join(out, 'report.sarif')
    const result = await run(['-f', 'sarif', '--concurrency', '2', '-o', report, '.'], {cwd: dir})
    expect(result).toEqual({code: 2, stdout: '', stderr: 'essaylint: group-a/5-student-empty.md: file is empty: there is no essay to check\n'})
    expect(readdirSync(out)).toEqual(['report.sarif'])
    expect(readFileSync(report, 'utf8')).toBe((await run(['-f', 'sarif', '--concurrency', '1', '.'], {cwd: dir})).stdout)
  })

  it('puts the results of batches back in path order, writing each once those before it are in', () => {
    const emitted: string[] = []
    const order = inPathOrder<string>(['b.md', 'a.md', 'd.md', 'c.md', 'e.md'], (item) => emitted.push(item))
    order.add(['c.md', 'd.md'], [{path: 'c.md', item: 'C'}, {path: 'd.md', item: 'D'}])
    expect(emitted).toEqual([])
    // b.md failed (a problem line, no result): it holds nothing up.
    order.add(['a.md', 'b.md'], [{path: 'a.md', item: 'A'}])
    expect(emitted).toEqual(['A', 'C', 'D'])
    order.add(['e.md'], [{path: 'e.md', item: 'E1'}, {path: 'e.md', item: 'E2'}])
    expect(emitted).toEqual(['A', 'C', 'D', 'E1', 'E2'])
  })
})

describe('batches for the workers', () => {
  it('keep the order they are given (the report\'s), but essays longer than a hundredth of the work go first, longest first', () => {
    const files = Array.from({length: 200}, (_, i) => `e${String(i).padStart(3, '0')}.md`)
    const sizes = (file: string) => (file === 'e050.md' ? 5000 : file === 'e150.md' ? 6000 : 100)
    const batches = batchesBySize(files, 2, sizes)
    expect(batches.flat()).toEqual(['e150.md', 'e050.md', ...files.filter((file) => file !== 'e050.md' && file !== 'e150.md')])
  })


  it('hold every essay once, longest first, each batch a share of what is left, so the last ones are small', () => {
    const sizes: Record<string, number> = {a: 100, b: 900, c: 300, d: 300, e: 200, f: 100, g: 50, h: 50}
    const batches = batchesBySize(Object.keys(sizes), 2, (file) => sizes[file])
    // 2,000 bytes for 2 workers: a batch closes at a quarter of what is left (500, then 275, 200, ...).
    expect(batches).toEqual([['b'], ['c'], ['d'], ['e'], ['a'], ['f'], ['g'], ['h']])
    expect(batches.flat().sort()).toEqual(Object.keys(sizes).sort())
  })

  it('never cut a class into batches of less than a hundredth of the work', () => {
    const files = Array.from({length: 1000}, (_, i) => `essay-${i}.md`)
    const batches = batchesBySize(files, 2, () => 1000)
    expect(batches.flat()).toHaveLength(1000)
    expect(Math.min(...batches.slice(0, -1).map((batch) => batch.length))).toBe(10)
    expect(batches[0]).toHaveLength(200)
  })

  it('hold at most 200 essays or 512 kB each, however large the class (a worker keeps a batch whole)', () => {
    const small = batchesBySize(Array.from({length: 10_000}, (_, i) => `e${i}.md`), 2, () => 300)
    expect(small.flat()).toHaveLength(10_000)
    expect(Math.max(...small.map((batch) => batch.length))).toBe(200)
    const large = batchesBySize(Array.from({length: 300}, (_, i) => `e${i}.md`), 2, () => 100_000)
    // 30 MB: a quarter would be 7.5 MB; a batch closes once it reaches 512 kB (6 essays).
    expect(large[0]).toHaveLength(6)
    expect(large.flat()).toHaveLength(300)
  })
})

describe("the workers' Node options", () => {
  it('collect garbage on their own thread and optimise late; the options given to Node come after, so they win', () => {
    expect(workerExecArgv([])).toEqual(['--single-threaded-gc', '--max-semi-space-size=32', '--interrupt-budget=1000000'])
    const argv = workerExecArgv(['--max-semi-space-size=64', '--cpu-prof'])
    expect(argv.slice(3)).toEqual(['--max-semi-space-size=64', '--cpu-prof'])
    // V8 takes the last of two values of an option.
    expect(argv.lastIndexOf('--max-semi-space-size=64')).toBeGreaterThan(argv.indexOf('--max-semi-space-size=32'))
  })

  it("leave out the parent's debugger options: a second process cannot listen on its port", () => {
    expect(workerExecArgv(['--inspect=9229', '--inspect-brk', '--debug-port=1', '--enable-source-maps'])).toEqual([
      '--single-threaded-gc',
      '--max-semi-space-size=32',
      '--interrupt-budget=1000000',
      '--enable-source-maps'
    ])
  })
})

describe("the workers' startup snapshot", () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'essaylint-snapshot-'))
  const about = (made: object) => {
    const file = path.join(dir, `${Object.keys(made).length}-${Math.random().toString(36).slice(2)}.blob.json`)
    writeFileSync(file, JSON.stringify(made))
    return pathToFileURL(file)
  }
  const fits = {node: process.version, binary: nodeBinary(), arch: process.arch, platform: process.platform, v8Options: workerV8Options}
  const none = {execArgv: [], nodeOptions: undefined}

  it('is used when this Node made it with the workers’ options, and nothing is passed to Node', () => {
    const url = about(fits)
    expect(workerSnapshot(url, none)).toBe(fileURLToPath(url).replace(/\.json$/, ''))
    expect(workerSnapshot(url, {execArgv: [], nodeOptions: '  '})).toBeDefined()
  })

  it('is not used when another Node or other options made it, or when Node is given options V8 could see', () => {
    expect(workerSnapshot(about({...fits, node: 'v20.0.0'}), none)).toBeUndefined()
    expect(workerSnapshot(about({...fits, arch: 'riscv64'}), none)).toBeUndefined()
    // Another build of the same version (a reinstalled Node): another file.
    expect(workerSnapshot(about({...fits, binary: '1 2'}), none)).toBeUndefined()
    expect(workerSnapshot(about({...fits, binary: undefined}), none)).toBeUndefined()
    expect(workerSnapshot(about({...fits, v8Options: ['--single-threaded-gc']}), none)).toBeUndefined()
    expect(workerSnapshot(about(fits), {execArgv: ['--max-semi-space-size=64'], nodeOptions: undefined})).toBeUndefined()
    expect(workerSnapshot(about(fits), {execArgv: [], nodeOptions: '--max-old-space-size=4096'})).toBeUndefined()
    expect(workerSnapshot(pathToFileURL(path.join(dir, 'missing.blob.json')), none)).toBeUndefined()
    writeFileSync(path.join(dir, 'broken.blob.json'), '{')
    expect(workerSnapshot(pathToFileURL(path.join(dir, 'broken.blob.json')), none)).toBeUndefined()
  })
})
