/**
 * The conventions ESLint, Vale and textlint users expect, through the real
 * binary: line directives, --print-config, --ext, --ignore-path and
 * --ignore-pattern, the compact / unix / junit / checkstyle formats and a
 * formatter module, stylish wrapped to the terminal, what --max-warnings and
 * --min-score say, essaylint:strict, and shareable configs from node_modules.
 */

import {cpSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {convert} from 'xmlbuilder2'
import {root, run, workspace} from './helpers.js'
import {rules} from '../src/rules.js'


const claimsOnly = ['--rule', 'perspective-coverage=off', '--rule', 'sovereignty-coverage=off', '--rule', 'ethics-coverage=off']
// Two unsupported claims, on lines 3 and 5; "Everyone knows" on line 5 is also vague evidence,
// and vague-evidence's finding there stands for unsupported-claim's (src/finding-overlap.ts).
const claims = '# Peacekeeping\n\nThe UN mission in Somalia was a complete disaster.\n\nEveryone knows that every mission since 1990 has failed to protect civilians.\n'
type Message = {ruleId: string; line: number; severity: string; message: string; data?: Record<string, unknown>}
const lint = async (text: string, args: string[] = []) => {
  const ws = workspace({'e.md': text})
  const result = await run([...claimsOnly, '-f', 'json', ...args, 'e.md'], {cwd: ws})
  return {...result, messages: result.stdout ? (JSON.parse(result.stdout)[0].messages as Message[]) : []}
}
const at = (messages: Message[]) => messages.map((m) => `${m.line} ${m.ruleId}`)

describe('line directives', () => {
  it('without a comment, both claims are flagged, the vague appeal once, at the warning unsupported-claim gave it', async () => {
    const {messages} = await lint(claims)
    expect(at(messages)).toEqual(['3 unsupported-claim', '5 vague-evidence'])
    expect(messages[1]).toMatchObject({severity: 'warning', data: {replaces: 'unsupported-claim'}})
    expect(messages[1].message).toContain('"Everyone knows" names no source')
  })

  it('essaylint-disable-next-line silences the next line, for the listed rules only (comma or space separated)', async () => {
    const one = await lint(claims.replace('Everyone', '<!-- essaylint-disable-next-line unsupported-claim -->\nEveryone'))
    expect(at(one.messages)).toEqual(['3 unsupported-claim', '6 vague-evidence'])
    // vague-evidence silenced: unsupported-claim's finding is no longer stood for, and is back.
    const vague = await lint(claims.replace('Everyone', '<!-- essaylint-disable-next-line vague-evidence -->\nEveryone'))
    expect(at(vague.messages)).toEqual(['3 unsupported-claim', '6 unsupported-claim'])
    const both = await lint(claims.replace('Everyone', '<!-- essaylint-disable-next-line unsupported-claim, vague-evidence -->\nEveryone'))
    expect(at(both.messages)).toEqual(['3 unsupported-claim'])
    const all = await lint(claims.replace('Everyone', '<!-- essaylint-disable-next-line -->\nEveryone'))
    expect(at(all.messages)).toEqual(['3 unsupported-claim'])
  })

  it('essaylint-disable-line silences its own line only', async () => {
    const result = await lint(claims.replace('disaster.', 'disaster. <!-- essaylint-disable-line unsupported-claim -->'))
    expect(at(result.messages)).toEqual(['5 vague-evidence'])
  })

  it('an unknown directive, or an unknown rule in one, is a warning naming it, and silences nothing', async () => {
    const typo = await lint(claims.replace('Everyone', '<!-- essaylint-disable-nextline -->\nEveryone'))
    expect(at(typo.messages)).toEqual(['3 unsupported-claim', '5 inline-comment', '6 vague-evidence'])
    const warning = typo.messages.find((m) => m.ruleId === 'inline-comment')!
    expect(warning.severity).toBe('warning')
    expect(warning.message).toContain('"essaylint-disable-nextline"')
    const rule = await lint(claims.replace('Everyone', '<!-- essaylint-disable-next-line unsuported-claim -->\nEveryone'))
    expect(rule.messages.find((m) => m.ruleId === 'inline-comment')!.message).toContain('unknown rule "unsuported-claim"')
    expect(rule.messages.find((m) => m.line === 6)).toMatchObject({ruleId: 'vague-evidence', severity: 'warning'})
  })
})

describe('--print-config', () => {
  it('prints the discovered config with every rule’s options, and the file it came from', async () => {
    const ws = workspace({'.essaylintrc.json': '{"rules": {"ethics-coverage": ["error", {"minSentences": 4}]}}', 'week1/e.md': claims})
    const result = await run(['--print-config', 'week1/e.md'], {cwd: ws})
    expect(result.code).toBe(0)
    const printed = JSON.parse(result.stdout)
    expect(printed.configFile).toBe('.essaylintrc.json')
    expect(printed.rules['ethics-coverage']).toEqual(['error', expect.objectContaining({minSentences: 4})])
    expect(printed.rules['vague-evidence'][0]).toBe('info')
    const overridden = JSON.parse((await run(['--print-config', 'week1/e.md', '--no-config', '--rule', 'vague-evidence=off'], {cwd: ws})).stdout)
    expect(overridden.configFile).toBeNull()
    expect(overridden.rules['ethics-coverage'][0]).toBe('warn')
    expect(overridden.rules['vague-evidence'][0]).toBe('off')
  })

  it('a broken config is one line naming it, exit 2', async () => {
    const ws = workspace({'.essaylintrc.json': '{"rules": {"nope": "warn"}}', 'e.md': claims})
    const result = await run(['--print-config', 'e.md'], {cwd: ws})
    expect(result.code).toBe(2)
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining('.essaylintrc.json:1: unknown rule "nope"')])
  })

  it('essaylint:strict makes every rule an error, as the README says', async () => {
    const ws = workspace({'.essaylintrc.json': '{"extends": "essaylint:strict"}', 'e.md': claims})
    const printed = JSON.parse((await run(['--print-config', 'e.md'], {cwd: ws})).stdout)
    expect(Object.keys(printed.rules).sort()).toEqual(Object.keys(rules).sort())
    expect(Object.values(printed.rules).map((setting) => (setting as string[])[0])).toEqual(Object.keys(rules).map(() => 'error'))
    expect(printed.rules['perspective-coverage'][1].minSentences).toBe(3)
  })
})

describe('shareable configs from node_modules', () => {
  const example = path.join(root, 'examples', 'essaylint-config-pol101')

  it.each([
    ['pol101', 'node_modules/essaylint-config-pol101'],
    ['essaylint-config-pol101', 'node_modules/essaylint-config-pol101'],
    ['@course/pol101', 'node_modules/@course/essaylint-config-pol101'],
    ['@course', 'node_modules/@course/essaylint-config']
  ])('"extends": "%s" finds %s', async (specifier, folder) => {
    const ws = workspace({'.essaylintrc.json': JSON.stringify({extends: specifier}), 'essays/e.md': claims})
    cpSync(example, path.join(ws, folder), {recursive: true})
    const printed = JSON.parse((await run(['--print-config', 'essays/e.md'], {cwd: ws})).stdout)
    expect(printed.rules['unsupported-claim'][0]).toBe('error')
    expect(printed.rules['perspective-coverage'][1].required).toContain('english-school')
    expect(printed.concepts['english-school'].label).toBe('English School')
  })

  it('a CommonJS package works; a package that is not installed is a config error naming it', async () => {
    const ws = workspace({
      'node_modules/essaylint-config-js/package.json': '{"name": "essaylint-config-js", "main": "index.js"}',
      'node_modules/essaylint-config-js/index.js': 'module.exports = {rules: {"vague-evidence": "off"}}\n',
      'a/.essaylintrc.json': '{"extends": "js"}',
      'a/e.md': claims,
      'b/.essaylintrc.json': '{\n  "extends": "pol202"\n}',
      'b/e.md': claims
    })
    expect(JSON.parse((await run(['--print-config', 'a/e.md'], {cwd: ws})).stdout).rules['vague-evidence'][0]).toBe('off')
    const missing = await run(['b/e.md'], {cwd: ws})
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('b/.essaylintrc.json:2: cannot find the shareable config "essaylint-config-pol202"')
  })
})

describe('which files', () => {
  const tree = {'class/a.md': claims, 'class/b.txt': claims.replace('# ', ''), 'class/c.rst': claims.replace('# ', ''), 'class/drafts/d.md': claims}
  const linted = async (args: string[], files: Record<string, string> = {}) => {
    const ws = workspace({...tree, ...files})
    const result = await run([...claimsOnly, '-f', 'json', ...args], {cwd: ws})
    return {code: result.code, stderr: result.stderr, paths: result.stdout ? JSON.parse(result.stdout).map((r: {path: string}) => r.path) : []}
  }

  it('--ext chooses the extensions linted in folders (with or without dots, repeatable)', async () => {
    expect((await linted(['class'])).paths).toEqual(['class/a.md', 'class/b.txt', 'class/drafts/d.md'])
    expect((await linted(['--ext', '.rst,txt', 'class'])).paths).toEqual(['class/b.txt', 'class/c.rst'])
    expect((await linted(['--ext', 'md', '--ext', 'rst', 'class'])).paths).toEqual(['class/a.md', 'class/c.rst', 'class/drafts/d.md'])
    expect(await linted(['--ext', '*', 'class'])).toMatchObject({code: 2, stderr: expect.stringContaining('--ext expects extensions such as .md,.txt')})
  })

  it('--ignore-pattern skips matching files; --ignore-path replaces .essaylintignore', async () => {
    expect((await linted(['--ignore-pattern', 'drafts/', '--ignore-pattern', '*.txt', 'class'])).paths).toEqual(['class/a.md'])
    const ignoreFile = {'class/.essaylintignore': 'a.md\n', 'course.ignore': 'class/drafts/\n'}
    expect((await linted(['class'], ignoreFile)).paths).toEqual(['class/b.txt', 'class/drafts/d.md'])
    expect((await linted(['--ignore-path', 'course.ignore', 'class'], ignoreFile)).paths).toEqual(['class/a.md', 'class/b.txt'])
  })
})

describe('formats', () => {
  const ws = workspace({'e.md': claims, 'clean.md': '# Title\n\nA short note without claims.\n'})
  const report = async (format: string, extra: string[] = []) => await run([...claimsOnly, '--rule', 'vague-evidence=off', '-f', format, ...extra, 'e.md'], {cwd: ws})

  it('compact and unix: one line per finding, then the count', async () => {
    const compact = (await report('compact')).stdout.split('\n')
    expect(compact[0]).toMatch(/^e\.md: line 3, col 1, Warning - Unsupported claim: .+ \(unsupported-claim\)$/)
    expect(compact.at(-2)).toBe('2 problems')
    const unix = (await report('unix')).stdout.split('\n')
    expect(unix[1]).toMatch(/^e\.md:5:1: .+ \[Warning\/unsupported-claim\]$/)
  })

  it('junit and checkstyle: XML with one entry per finding', async () => {
    // xmlbuilder2 reads them back: attributes are "@name".
    const parse = (xml: string) => convert(xml, {format: 'object'}) as Record<string, any>
    const junit = parse((await report('junit', ['--rule', 'unsupported-claim=error'])).stdout)
    const suite = junit.testsuites.testsuite
    expect(suite).toMatchObject({'@name': 'e.md', '@tests': '2', '@errors': '2'})
    expect(suite.testcase.map((t: Record<string, string>) => t['@name'])).toEqual(['essaylint.unsupported-claim', 'essaylint.unsupported-claim'])
    expect(suite.testcase[0].error['@message']).toMatch(/^Unsupported claim: /)
    const checkstyle = parse((await report('checkstyle')).stdout)
    const errors = checkstyle.checkstyle.file.error
    expect(errors.map((e: Record<string, string>) => [e['@line'], e['@severity'], e['@source']])).toEqual([
      ['3', 'warning', 'essaylint.rules.unsupported-claim'],
      ['5', 'warning', 'essaylint.rules.unsupported-claim']
    ])
  })

  it('-f ./formatter.mjs runs a module that exports a function of the results, as in ESLint', async () => {
    writeFileSync(path.join(ws, 'count.mjs'), 'export default (results, context) => results.map((r) => `${r.path} ${r.warningCount} ${Object.keys(context.rules).length}`).join("\\n")\n')
    expect(await report('./count.mjs')).toEqual({code: 0, stdout: `e.md 2 ${Object.keys(rules).length}\n`, stderr: ''})
    writeFileSync(path.join(ws, 'bad.mjs'), 'export default 42\n')
    expect(await report('./bad.mjs')).toMatchObject({code: 2, stdout: '', stderr: expect.stringContaining('./bad.mjs: a formatter module must export a function')})
    expect(await report('./none.mjs')).toMatchObject({code: 2, stderr: 'essaylint: ./none.mjs: formatter not found\n'})
    expect(await report('nope')).toMatchObject({code: 2, stderr: expect.stringContaining('unknown format "nope"')})
  })

  it('stylish wraps each reason to the terminal width (COLUMNS), indented under its column', async () => {
    const wide = (await report('stylish')).stdout.split('\n')
    expect(Math.max(...wide.map((line) => line.length))).toBeGreaterThan(120)
    const wrapped = (await run([...claimsOnly, '--rule', 'vague-evidence=off', 'e.md'], {cwd: ws, env: {COLUMNS: '80'}})).stdout.split('\n')
    expect(Math.max(...wrapped.map((line) => line.length))).toBeLessThanOrEqual(80)
    const first = wrapped.findIndex((line) => line.startsWith('3:1'))
    const column = wrapped[first].indexOf('Unsupported claim')
    expect(wrapped[first + 1].slice(0, column).trim()).toBe('')
    expect(wrapped[first + 1].slice(column)).toMatch(/^\S/)
    // Nothing is lost by wrapping: the words are the same.
    const words = (lines: string[]) => lines.join(' ').split(/\s+/).filter((w) => w && w !== 'essaylint').sort()
    expect(words(wrapped)).toEqual(words(wide))
  })
})

describe('what a failed run says', () => {
  it('--max-warnings names the count, the limit and the essays with the most warnings', async () => {
    const ws = workspace({'a.md': claims, 'b.md': claims.replace('Everyone knows that e', 'E')})
    const result = await run([...claimsOnly, '--max-warnings', '2', 'a.md', 'b.md'], {cwd: ws})
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('essaylint: 4 warnings, more than --max-warnings 2 allows: a.md (2), b.md (2)\n')
    expect(await run([...claimsOnly, '--max-warnings', '4', 'a.md', 'b.md'], {cwd: ws})).toMatchObject({code: 0, stderr: ''})
  })

  it('--min-score names the essays below it, lowest first, with their scores', async () => {
    const essays = path.join(root, 'fixtures', 'essays')
    const result = await run(['grade', '--min-score', '50', '-f', 'json', 'weak-no-theory.md', 'mali-sovereignty.md'], {cwd: essays})
    expect(result.code).toBe(1)
    const grades = (JSON.parse(result.stdout) as {essays: Array<{path: string; score: number}>}).essays
    const weak = grades.find((g) => g.path === 'weak-no-theory.md')!
    expect(weak.score).toBeLessThan(50)
    expect(result.stderr).toBe(`essaylint: 1 essay scored below --min-score 50: weak-no-theory.md (${weak.score}/100)\n`)
  })
})
