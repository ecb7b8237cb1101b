/** What the build writes next to the compiled code (`npm test` builds first). */

import {spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'

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
