/** The GitHub Action's script, run the way the runner does: inputs in env, summary and outputs in files. */

import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {root} from './helpers.js'

function action(env: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'essaylint-action-'))
  const summary = path.join(dir, 'summary.md')
  const output = path.join(dir, 'output')
  writeFileSync(summary, '')
  writeFileSync(output, '')
  const result = spawnSync('bash', [path.join(root, 'scripts', 'action.sh')], {
    cwd: root,
    encoding: 'utf8',
    env: {...process.env, GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output, ...env}
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr, summary: readFileSync(summary, 'utf8'), output: readFileSync(output, 'utf8')}
}

describe('action.yml', () => {
  it('is a composite Node 22 action that installs runtime dependencies only (npm cached) and runs scripts/action.sh with inputs in env', () => {
    const spec = parse(readFileSync(path.join(root, 'action.yml'), 'utf8'))
    expect(spec.runs.using).toBe('composite')
    expect(spec.runs.steps[0]).toMatchObject({uses: 'actions/setup-node@v4', with: {'node-version': 22, cache: 'npm'}})
    expect(spec.runs.steps[1].run).toMatch(/npm ci --omit=dev/)
    expect(Object.keys(spec.inputs)).toEqual(['files', 'mode', 'min-score', 'rubric', 'config', 'max-warnings'])
    const run = spec.runs.steps.at(-1)
    expect(run.run).toBe('bash "$GITHUB_ACTION_PATH/scripts/action.sh"')
    expect(run.env.ESSAYLINT_FILES).toBe('${{ inputs.files }}')
  })

  it('annotates, writes the grades to the job summary and the lowest score as an output', () => {
    const result = action({ESSAYLINT_FILES: 'fixtures/essays/mali-sovereignty.md fixtures/essays/weak-no-theory.md', ESSAYLINT_MODE: 'both'})
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^::warning file=fixtures\/essays\/mali-sovereignty\.md,line=1,col=1,/m)
    expect(result.summary).toContain('## essaylint grades')
    expect(result.summary).toMatch(/\| fixtures\/essays\/weak-no-theory\.md \| \*\*[\d.]+\*\*\/100 \|/)
    expect(result.output).toMatch(/^lowest-score=[\d.]+\n$/)
  })

  it('fails below min-score with an error annotation', () => {
    const result = action({ESSAYLINT_FILES: 'fixtures/essays/weak-no-theory.md', ESSAYLINT_MODE: 'grade', ESSAYLINT_MIN_SCORE: '60'})
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^::error title=essaylint::An essay scored [\d.]+, below the minimum of 60\.$/m)
  })

  it('passes when every essay reaches min-score, and rejects a bad mode', () => {
    expect(action({ESSAYLINT_FILES: 'fixtures/essays/strong-three-lenses.md', ESSAYLINT_MODE: 'grade', ESSAYLINT_MIN_SCORE: '60'}).code).toBe(0)
    const bad = action({ESSAYLINT_MODE: 'review'})
    expect(bad.code).toBe(2)
    expect(bad.stderr).toBe('essaylint: mode must be lint, grade or both, not "review"\n')
  })
})
