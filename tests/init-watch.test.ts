/** `--init` (questions, or `--yes` for the defaults) and `--watch`, through the real binary. */

import {spawn} from 'node:child_process'
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {bin, run, workspace} from './helpers.js'

const claims = '# Peacekeeping\n\nThe UN mission in Somalia was a complete disaster.\n'
const quiet = ['--rule', 'perspective-coverage=off', '--rule', 'sovereignty-coverage=off', '--rule', 'ethics-coverage=off']

describe('--init', () => {
  it('--yes writes the recommended config with the three default perspectives, which the essays then get', async () => {
    const ws = workspace({'e.md': claims})
    expect(await run(['--init', '--yes'], {cwd: ws})).toEqual({code: 0, stdout: 'Wrote .essaylintrc.yaml: perspectives realism, liberalism, constructivism.\n', stderr: ''})
    const text = readFileSync(path.join(ws, '.essaylintrc.yaml'), 'utf8')
    expect(text).toMatch(/^# essaylint config for this course/)
    expect(parse(text)).toEqual({extends: 'essaylint:recommended', rules: {'perspective-coverage': ['warn', {required: ['realism', 'liberalism', 'constructivism']}]}})
    expect(JSON.parse((await run(['--print-config', 'e.md'], {cwd: ws})).stdout).configFile).toBe('.essaylintrc.yaml')
    // Never over a config that is there.
    expect(await run(['--init', '--yes'], {cwd: ws})).toMatchObject({code: 2, stderr: expect.stringContaining('.essaylintrc.yaml: a config is already here')})
  })

  it('asks which perspectives and drafts or graded; an unknown perspective is asked again', async () => {
    const ws = workspace()
    const result = await run(['--init'], {cwd: ws, input: 'realism, marxismo\nrealism english-school\ngraded\n'})
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Unknown perspective: marxismo.')
    const config = parse(readFileSync(path.join(ws, '.essaylintrc.yaml'), 'utf8'))
    expect(config).toEqual({extends: 'essaylint:strict', rules: {'perspective-coverage': ['error', {required: ['realism', 'english-school'], minSentences: 3}]}})
  })
})

describe('--watch', () => {
  it('lints, then lints again when the essay changes, until stopped', async () => {
    const ws = workspace({'drafts/e.md': claims})
    const child = spawn(process.execPath, [bin, '--watch', ...quiet, '-f', 'unix', 'drafts'], {cwd: ws, env: {...process.env, NO_COLOR: '1'}})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    // Resolves once stderr has said "watching" this many times (each run ends with it).
    const watching = (times: number) =>
      new Promise<void>((resolve, reject) => {
        const check = () => (stderr.split('watching for changes').length - 1 >= times ? resolve() : undefined)
        child.stderr.on('data', (chunk) => ((stderr += chunk), check()))
        child.on('exit', (code) => reject(new Error(`essaylint --watch exited (${code}): ${stderr}`)))
        check()
      })
    try {
      await watching(1)
      expect(stdout).toMatch(/^drafts\/e\.md:3:1: .+ \[Warning\/unsupported-claim\]\n\n1 problem\n$/)
      writeFileSync(path.join(ws, 'drafts/e.md'), claims + '\nEveryone knows that every mission has failed.\n')
      await watching(2)
      expect(stderr).toContain('essaylint: drafts/e.md changed: linting again')
      const second = stdout.split('1 problem\n')[1]
      expect(second).toContain('drafts/e.md:5:1: ')
      // The appeal is reported once, by vague-evidence, at the warning unsupported-claim gave the claim.
      expect(second).toMatch(/drafts\/e\.md:5:1: "Everyone knows" names no source.+ \[Warning\/vague-evidence\]/)
      expect(second).not.toContain('5:1: Unsupported claim')
    } finally {
      child.kill()
    }
  })
})
