/** CI formats: SARIF 2.1.0 (validated by Microsoft's SARIF multitool) and GitHub workflow commands. */

import {execFile} from 'node:child_process'
import {promisify} from 'node:util'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {escapeData, escapeProperty} from '../src/reporters/github.js'
import {root, run} from './helpers.js'

const essays = ['fixtures/essays/weak-no-theory.md', 'fixtures/essays/mali-sovereignty.md']

describe('--format sarif', async () => {
  const result = await run(['-f', 'sarif', ...essays])
  const sarif = JSON.parse(result.stdout)

  it('has the tool, every rule with help and a URL, and results with regions', () => {
    expect(result.code).toBe(0)
    expect(sarif.version).toBe('2.1.0')
    const run0 = sarif.runs[0]
    expect(run0.tool.driver.name).toBe('essaylint')
    expect(run0.tool.driver.rules.map((r: {id: string}) => r.id)).toEqual(['perspective-coverage', 'sovereignty-coverage', 'ethics-coverage', 'unsupported-claim', 'vague-evidence', 'mission-facts', 'citation-reference', 'thesis', 'counterargument'])
    for (const rule of run0.tool.driver.rules) {
      expect(rule.helpUri).toMatch(/^https:\/\/github\.com\/essaylint\/essaylint\/blob\/main\/rules\/[a-z-]+\/README\.md$/)
      expect(rule.help.text.length).toBeGreaterThan(20)
    }
    const constructivism = run0.results.find((r: {message: {text: string}}) => r.message.text.startsWith('Constructivism is absent'))
    expect(constructivism).toMatchObject({
      ruleId: 'perspective-coverage',
      ruleIndex: 0,
      level: 'warning',
      locations: [{physicalLocation: {artifactLocation: {uri: 'fixtures/essays/mali-sovereignty.md', uriBaseId: 'SRCROOT'}, region: {startLine: 1, startColumn: 1, endLine: 1, endColumn: 78}}}]
    })
    expect(run0.results.some((r: {level: string}) => r.level === 'note')).toBe(true)
  })

  it('passes the SARIF multitool validator with no errors', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'essaylint-sarif-'))
    const input = path.join(dir, 'report.sarif')
    const output = path.join(dir, 'validation.sarif')
    writeFileSync(input, result.stdout)
    // Waited for without blocking the worker: the .NET tool takes seconds to start.
    const validator = await promisify(execFile)(path.join(root, 'node_modules', '.bin', 'sarif-multitool'), ['validate', input, '-o', output, '--level', 'Error', 'Warning'], {timeout: 120_000}).then(
      () => ({status: 0, output: ''}),
      (error: {code?: number; stdout?: string; stderr?: string}) => ({status: error.code ?? 1, output: `${error.stdout ?? ''}${error.stderr ?? ''}`})
    )
    expect(validator.status, validator.output).toBe(0)
    const findings = JSON.parse(readFileSync(output, 'utf8')).runs[0].results ?? []
    expect(findings.filter((f: {level?: string}) => f.level === 'error')).toEqual([])
  })
})

describe('--format github', () => {
  it('prints one workflow command per finding', async () => {
    const result = await run(['-f', 'github', 'fixtures/essays/mali-sovereignty.md'])
    const lines = result.stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^::warning file=fixtures\/essays\/mali-sovereignty\.md,line=1,col=1,endLine=1,endColumn=78,title=essaylint\(perspective-coverage\)::Constructivism is absent: /)
    expect(lines.some((l) => l.startsWith('::notice file='))).toBe(true)
    expect(lines.every((l) => /^::(warning|error|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,:]+::/.test(l))).toBe(true)
  })

  it('escapes %, \\r, \\n in messages and also : and , in properties', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b')
    expect(escapeProperty('dir,name:1%\n.md')).toBe('dir%2Cname%3A1%25%0A.md')
  })

  it('errors are ::error', async () => {
    const result = await run(['-f', 'github', '--rule', 'perspective-coverage=error', 'fixtures/essays/mali-sovereignty.md'])
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^::error file=fixtures\/essays\/mali-sovereignty\.md,line=1,col=1,/m)
  })
})
