/**
 * `--cache`: after one essay of a class of 300 changes, a run lints that one
 * essay and reports the others from the cache, with the same report as a run
 * without it; a config change or another essaylint version lints them all
 * again. Lints are counted (ESSAYLINT_DEBUG=cache), never timed.
 */

import {appendFileSync, existsSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {spawn} from 'node:child_process'
import {bin, workspace} from './helpers.js'

const essay = (i: number) => `# Essay ${i}\n\nThe UN mission in Somalia was a complete disaster in year ${i}.\n\nRealism explains why states send few troops to missions (Waltz 1979).\n`
const counted = /^essaylint: cache: (\d+) of (\d+) essays linted, (\d+) from the cache$/m

/** The binary, waited for without blocking: a class run takes seconds, and a chain of spawnSync calls stalls vitest's worker past its RPC timeout. */
function run(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{code: number | null; stdout: string; stderr: string}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {cwd, env: {...process.env, NO_COLOR: '1', ...env}})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('close', (code) => resolve({code, stdout, stderr}))
  })
}

const classOf = (size: number) => workspace(Object.fromEntries(Array.from({length: size}, (_, i) => [`class/e${String(i).padStart(3, '0')}.md`, essay(i)])), 'essaylint-cache-')

describe('--cache', () => {
  let ws: string
  let small: string
  const lint = async (extra: string[] = [], cwd = ws) => {
    const result = await run(['--cache', '-f', 'json', ...extra, 'class'], cwd, {ESSAYLINT_DEBUG: 'cache'})
    const match = counted.exec(result.stderr)
    return {...result, linted: match ? Number(match[1]) : undefined, reused: match ? Number(match[3]) : undefined}
  }

  beforeAll(() => {
    ws = classOf(300)
    // Invalidation lints the whole class each time: a smaller one shows it as well.
    small = classOf(20)
  })

  it('lints all 300 essays once, then only the one that changed; the report is the one an uncached run gives', async () => {
    const first = await lint()
    expect(first).toMatchObject({code: 0, linted: 300, reused: 0})
    expect(existsSync(path.join(ws, '.essaylintcache'))).toBe(true)
    expect(await lint()).toMatchObject({linted: 0, reused: 300, stdout: first.stdout})

    appendFileSync(path.join(ws, 'class/e042.md'), '\nEveryone knows that every mission has failed.\n')
    const second = await lint()
    expect(second).toMatchObject({code: 0, linted: 1, reused: 299})
    const uncached = await run(['-f', 'json', 'class'], ws)
    expect(second.stdout).toBe(uncached.stdout)
    const changed = JSON.parse(second.stdout).find((r: {path: string}) => r.path === 'class/e042.md')
    expect(changed.messages.map((m: {ruleId: string; line: number}) => `${m.line} ${m.ruleId}`)).toContain('7 vague-evidence')
    // Five runs over a class: a guard against a hang on a loaded machine, not a time bound.
  }, 180_000)

  it('a config change, a --rule, or another essaylint version lints every essay again', async () => {
    await lint([], small)
    writeFileSync(path.join(small, '.essaylintrc.json'), '{"rules": {"vague-evidence": "off"}}')
    const configured = await lint([], small)
    expect(configured).toMatchObject({linted: 20, reused: 0})
    expect(configured.stdout).not.toContain('vague-evidence')
    expect(await lint([], small)).toMatchObject({linted: 0})
    expect(await lint(['--rule', 'ethics-coverage=off'], small)).toMatchObject({linted: 20})

    const file = path.join(small, '.essaylintcache')
    const saved = JSON.parse(readFileSync(file, 'utf8'))
    writeFileSync(file, JSON.stringify({...saved, version: '0.0.0-older'}))
    expect(await lint(['--rule', 'ethics-coverage=off'], small)).toMatchObject({linted: 20})
    writeFileSync(file, '{not json')
    expect(await lint(['--rule', 'ethics-coverage=off'], small)).toMatchObject({code: 0, linted: 20})
  })

  it('--cache-location puts the cache elsewhere', async () => {
    expect(await lint(['--cache-location', 'build/lint-cache.json'], small)).toMatchObject({code: 2, stderr: expect.stringContaining('build/lint-cache.json: cannot write the cache (ENOENT)')})
    expect(await lint(['--cache-location', 'lint-cache.json'], small)).toMatchObject({code: 0, linted: 20})
    expect(await lint(['--cache-location', 'lint-cache.json'], small)).toMatchObject({code: 0, linted: 0})
  })
})
