/** The GitHub Action's script, run the way the runner does: inputs in env, summary and outputs in files. */

import {spawn} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
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
  it('is a composite Node 20 action whose step runs scripts/action.sh with inputs in env', () => {
    const spec = parse(readFileSync(path.join(root, 'action.yml'), 'utf8'))
    expect(spec.runs.using).toBe('composite')
    expect(spec.runs.steps[0]).toMatchObject({uses: 'actions/setup-node@v4', with: {'node-version': 20}})
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
