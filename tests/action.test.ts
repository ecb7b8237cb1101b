/** The GitHub Action's script, run the way the runner does: inputs in env, summary and outputs in files. */

import {spawn, spawnSync} from 'node:child_process'
import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {root} from './helpers.js'

/**
 * Spawned, not spawnSync: in grade mode the script runs the CLI four times,
 * and a worker blocked that long on a loaded machine misses vitest's 60 s RPC.
 */
async function action(env: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'essaylint-action-'))
  const summary = path.join(dir, 'summary.md')
  const output = path.join(dir, 'output')
  writeFileSync(summary, '')
  writeFileSync(output, '')
  const child = spawn('bash', [path.join(root, 'scripts', 'action.sh')], {
    cwd: root,
    env: {...process.env, GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output, RUNNER_TEMP: dir, ...env}
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  return {code, stdout, stderr, summary: readFileSync(summary, 'utf8'), output: readFileSync(output, 'utf8')}
}

describe('action.yml', () => {
  it('is a composite Node 22 action that installs runtime dependencies only (npm cached) and runs scripts/action.sh with inputs in env', () => {
    const spec = parse(readFileSync(path.join(root, 'action.yml'), 'utf8'))
    expect(spec.runs.using).toBe('composite')
    expect(spec.runs.steps[0]).toMatchObject({uses: 'actions/setup-node@v4', with: {'node-version': 22, cache: 'npm'}})
    expect(spec.runs.steps[1].run).toMatch(/npm ci --omit=dev/)
    expect(Object.keys(spec.inputs)).toEqual(['files', 'mode', 'min-score', 'rubric', 'config', 'max-warnings'])
    const run = spec.runs.steps.find((step: {id?: string}) => step.id === 'run')
    expect(run.run).toBe('bash "$GITHUB_ACTION_PATH/scripts/action.sh"')
    expect(run.env.ESSAYLINT_FILES).toBe('${{ inputs.files }}')
    // The HTML class report: uploaded as an artifact, then linked in the job summary.
    const [upload, link] = spec.runs.steps.slice(-2)
    expect(upload).toMatchObject({uses: 'actions/upload-artifact@v4', with: {name: 'essaylint-report', path: '${{ steps.run.outputs.report }}'}})
    expect(link.env.ESSAYLINT_REPORT_URL).toBe('${{ steps.upload.outputs.artifact-url }}')
    expect(link.run).toContain('>> "$GITHUB_STEP_SUMMARY"')
  })

  it('annotates, writes the grades to the job summary and the lowest score as an output', async () => {
    const result = await action({ESSAYLINT_FILES: 'fixtures/essays/mali-sovereignty.md fixtures/essays/weak-no-theory.md', ESSAYLINT_MODE: 'both'})
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^::warning file=fixtures\/essays\/mali-sovereignty\.md,line=1,col=1,/m)
    expect(result.summary).toContain('## essaylint grades')
    expect(result.summary).toMatch(/\| fixtures\/essays\/weak-no-theory\.md \| \*\*[\d.]+\*\*\/100 \|/)
    expect(result.output).toMatch(/^report=(.+essaylint-report\.html)\nlowest-score=[\d.]+\n$/)
    const report = readFileSync(/^report=(.+)$/m.exec(result.output)![1], 'utf8')
    expect(report).toMatch(/^<!doctype html>\n<html lang="en">/)
    expect(report).toContain('fixtures/essays/weak-no-theory.md')
  })

  it('fails below min-score with an error annotation', async () => {
    const result = await action({ESSAYLINT_FILES: 'fixtures/essays/weak-no-theory.md', ESSAYLINT_MODE: 'grade', ESSAYLINT_MIN_SCORE: '60'})
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^::error title=essaylint::An essay scored [\d.]+, below the minimum of 60\.$/m)
  })

  it('passes when every essay reaches min-score, and rejects a bad mode', async () => {
    expect((await action({ESSAYLINT_FILES: 'fixtures/essays/strong-three-lenses.md', ESSAYLINT_MODE: 'grade', ESSAYLINT_MIN_SCORE: '60'})).code).toBe(0)
    const bad = await action({ESSAYLINT_MODE: 'review'})
    expect(bad.code).toBe(2)
    expect(bad.stderr).toBe('essaylint: mode must be lint, grade or both, not "review"\n')
  })
})

/** A child process, waited for without blocking (a long spawnSync stalls vitest's worker). */
function exec(command: string, args: string[], options: {cwd: string; env?: NodeJS.ProcessEnv}): Promise<{status: number | null; stdout: string; stderr: string}> {
  return new Promise((resolve) => {
    const child = spawn(command, args, options)
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('close', (status) => resolve({status, stdout, stderr}))
  })
}

describe('the workflow in docs/examples/essays.yml', () => {
  // The workflow's inputs, passed as action.yml passes them (ESSAYLINT_* variables),
  // to scripts/action.sh in a course repository with a class of 30 essays.
  const workflow = parse(readFileSync(path.join(root, 'docs', 'examples', 'essays.yml'), 'utf8'))
  const spec = parse(readFileSync(path.join(root, 'action.yml'), 'utf8'))
  const step = workflow.jobs.essaylint.steps.find((s: {uses?: string}) => s.uses?.startsWith('essaylint/essaylint@'))

  it('annotates within GitHub’s limits, counts what it left out, and writes the class summary and grades', async () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'essaylint-course-'))
    const essays = readdirSync(path.join(root, 'fixtures', 'essays')).filter((name) => /\.(md|txt)$/.test(name))
    mkdirSync(path.join(repo, 'essays'))
    for (let copy = 0; copy < 5; copy++) for (const name of essays) copyFileSync(path.join(root, 'fixtures', 'essays', name), path.join(repo, 'essays', `${copy}-${name}`))
    const env: Record<string, string> = {}
    for (const [name, value] of Object.entries(spec.runs.steps.find((s: {id?: string}) => s.id === 'run').env as Record<string, string>)) {
      const input = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(value)![1]
      env[name] = String(step.with[input] ?? spec.inputs[input].default)
    }
    const summary = path.join(repo, 'summary.md')
    const output = path.join(repo, 'output')
    writeFileSync(summary, '')
    writeFileSync(output, '')
    const result = await exec('bash', [path.join(root, 'scripts', 'action.sh')], {
      cwd: repo,
      env: {...process.env, ...env, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: repo, GITHUB_ACTION_PATH: root, GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output, RUNNER_TEMP: repo}
    })
    // weak-no-theory.md scores below the workflow's min-score of 60.
    expect(result.status).toBe(1)
    const lines = result.stdout.trim().split('\n')
    const kinds = (kind: string) => lines.filter((line) => line.startsWith(`::${kind} file=`)).length
    expect(kinds('error')).toBe(0)
    expect(kinds('warning')).toBe(10)
    expect(kinds('notice')).toBe(9)
    // Warnings are dealt out over the essays: ten different essays, not ten findings of one.
    expect(new Set(lines.filter((l) => l.startsWith('::warning file=')).map((l) => /file=([^,]+)/.exec(l)![1])).size).toBe(10)
    const report = JSON.parse((await exec(process.execPath, [path.join(root, 'bin', 'essaylint.js'), '-f', 'json', 'essays'], {cwd: repo})).stdout)
    const total = report.reduce((sum: number, r: {messages: unknown[]}) => sum + r.messages.length, 0)
    const left = lines.find((l) => l.startsWith('::notice title=essaylint::'))!
    expect(left).toContain(`${total - 19} more findings are not shown as annotations`)
    expect(lines.filter((l) => l.startsWith('::error title=essaylint::'))).toEqual([expect.stringMatching(/An essay scored [\d.]+, below the minimum of 60\./)])
    const text = readFileSync(summary, 'utf8')
    expect(text).toContain('## essaylint findings')
    expect(text).toContain(`| essays/0-weak-no-theory.md | 0 | ${report.find((r: {path: string}) => r.path === 'essays/0-weak-no-theory.md').warningCount} |`)
    expect(text).toContain('## essaylint grades')
    expect(readFileSync(output, 'utf8').split('\n')).toEqual([`report=${path.join(repo, 'essaylint-report.html')}`, expect.stringMatching(/^lowest-score=[\d.]+$/), ''])
  })
})
