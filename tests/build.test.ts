/** What the build writes next to the compiled code (`npm test` builds first). */

import {spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import vm from 'node:vm'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {root, run} from './helpers.js'

const lexicons = new URL('../src/lexicons/', import.meta.url)
const built = new URL('../dist/src/lexicons/', import.meta.url)

describe('build', () => {
  it('writes the JSON of every YAML lexicon, equal to the YAML it comes from', () => {
    const names = readdirSync(lexicons).filter((name) => name.endsWith('.yaml'))
    expect(names.length).toBeGreaterThanOrEqual(3)
    for (const name of names) {
      const json = JSON.parse(readFileSync(new URL(`${name}.json`, built), 'utf8'))
      expect(json, name).toEqual(parse(readFileSync(new URL(name, lexicons), 'utf8')))
    }
  })
})

describe("the workers' startup snapshot", () => {
  it('is made for this Node and the workers’ options, and a process started from it has compromise loaded and runs its module', async () => {
    const {nodeBinary, workerV8Options} = await import('../src/cli/parallel.js')
    const about = JSON.parse(readFileSync(new URL('../dist/src/bundle/worker.blob.json', import.meta.url), 'utf8'))
    expect(about).toEqual({node: process.version, binary: nodeBinary(), arch: process.arch, platform: process.platform, v8Options: workerV8Options})
    // In a folder whose name a URL would misread.
    const probe = path.join(mkdtempSync(path.join(tmpdir(), 'essaylint probe #1 %20-')), 'probe.mjs')
    writeFileSync(probe, "const nlp = globalThis[Symbol.for('essaylint.compromise')]\nconsole.log(nlp('Troops patrol the border.').has('#Verb'))\n")
    const blob = fileURLToPath(new URL('../dist/src/bundle/worker.blob', import.meta.url))
    const started = spawnSync(process.execPath, [...workerV8Options, '--snapshot-blob', blob, probe], {encoding: 'utf8', env: {...process.env, NODE_OPTIONS: ''}})
    expect(started.stdout).toBe('true\n')
    expect(started.status).toBe(0)
  })
})

describe("the CLI's code cache", () => {
  const essay = 'fixtures/essays/weak-no-theory.md'
  // Where V8 stands on the cache, seen from a fresh Node without flags, as `essaylint` starts.
  const probe = (packageRoot: string) =>
    spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `import {loadCliScript} from ${JSON.stringify(pathToFileURL(path.join(packageRoot, 'dist/src/cli/cached-script.js')).href)}; const {script} = loadCliScript(); console.log(String(script.cachedDataRejected))`],
      {encoding: 'utf8', env: {...process.env, NODE_OPTIONS: ''}}
    ).stdout

  it('is built into the package, and V8 takes it', () => {
    expect(existsSync(new URL('../dist/src/bundle/cli.cjs.cache', import.meta.url))).toBe(true)
    expect(probe(root)).toBe('false\n')
  })

  it('damaged, truncated, for another script, empty or missing: the CLI compiles its script and prints the same report, and nothing more', async () => {
    // A copy of the package, so that the real cache stays whole for the tests beside this one.
    const copy = mkdtempSync(path.join(tmpdir(), 'essaylint-code-cache-'))
    cpSync(path.join(root, 'bin'), path.join(copy, 'bin'), {recursive: true})
    cpSync(path.join(root, 'dist/src'), path.join(copy, 'dist/src'), {recursive: true, filter: (file) => !file.endsWith('worker.blob')})
    cpSync(path.join(root, 'package.json'), path.join(copy, 'package.json'))
    symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'))
    const cache = path.join(copy, 'dist/src/bundle/cli.cjs.cache')
    const whole = readFileSync(cache)
    const expected = await run(['--no-config', essay])
    expect(expected.stdout).toContain('perspective-coverage')

    const damaged = Buffer.from(whole)
    for (let index = whole.length >> 1; index < (whole.length >> 1) + 64; index++) damaged[index] ^= 0x5a
    const {cacheFileContents} = (await import(pathToFileURL(path.join(copy, 'dist/src/cli/cached-script.js')).href)) as {cacheFileContents: (data: Uint8Array) => Buffer}
    const foreign = cacheFileContents(new vm.Script('1 + 1').createCachedData())
    const variants: Array<[string, Buffer | undefined, string]> = [
      ['damaged', damaged, 'undefined\n'],
      ['truncated', whole.subarray(0, whole.length >> 1), 'undefined\n'],
      ['another script', foreign, 'true\n'],
      ['empty', Buffer.alloc(0), 'undefined\n'],
      ['missing', undefined, 'undefined\n']
    ]
    try {
      for (const [name, contents, seen] of variants) {
        if (contents) writeFileSync(cache, contents)
        else rmSync(cache)
        expect(probe(copy), name).toBe(seen)
        const got = await run(['--no-config', essay], {bin: path.join(copy, 'bin/essaylint.js')})
        expect({name, ...got}).toEqual({name, ...expected})
      }
    } finally {
      rmSync(copy, {recursive: true, force: true})
    }
  })
})
