/** The essaylint binary end to end: formats, flags, exit codes, config discovery, inline comments, stdin. */

import {copyFileSync, readFileSync, writeFileSync, existsSync} from 'node:fs'
import {createHash} from 'node:crypto'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {coverageOnly, root, run as runBin, workspace} from './helpers.js'

// These suites are about the CLI and the coverage rules; unsupported-claim has its own tests.
const run = (args: string[], options?: Parameters<typeof runBin>[1]) =>
  args.some((a) => a.startsWith('--list') || a === '--version' || a === '--help' || a === '--bogus') ? runBin(args, options) : runBin([...coverageOnly, ...args], options)

const weak = path.join(root, 'fixtures', 'rules', 'perspective-coverage', 'not-ok-constructivism-absent.md')
const clean = path.join(root, 'fixtures', 'rules', 'perspective-coverage', 'ok-all-applied.md')


describe('essaylint CLI', () => {
  let dir: string
  beforeAll(() => {
    dir = workspace()
    copyFileSync(weak, path.join(dir, 'weak.md'))
    copyFileSync(clean, path.join(dir, 'clean.md'))
  })

  it('prints a stylish report with positions, rule ids and plain messages; warnings exit 0', async () => {
    const result = await run(['weak.md'], {cwd: dir})
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^weak\.md\n/)
    expect(result.stdout).toContain('1:1-1:62')
    expect(result.stdout).toContain('Constructivism is absent: the essay never discusses it.')
    expect(result.stdout).toContain('perspective-coverage')
    expect(result.stdout).toContain('Sovereignty is never discussed.')
    expect(result.stdout).toMatch(/3 warnings/)
    expect(result.stderr).toBe('')
  })

  it('prints nothing and exits 0 for an essay with no findings', async () => {
    const result = await run(['clean.md', '--rule', 'sovereignty-coverage=off', '--rule', 'ethics-coverage=off'], {cwd: dir})
    expect(result).toEqual({code: 0, stdout: '', stderr: ''})
  })

  it('writes the JSON report exactly as docs/internals/architecture.md specifies', async () => {
    const result = await run(['--format', 'json', 'weak.md', 'clean.md'], {cwd: dir})
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout)
    expect(report.map((r: {path: string}) => r.path)).toEqual(['clean.md', 'weak.md'])
    const first = report[1]
    expect(Object.keys(first).sort()).toEqual(['errorCount', 'infoCount', 'messages', 'path', 'warningCount'])
    expect(first.warningCount).toBe(3)
    const constructivism = first.messages.find((m: {message: string}) => m.message.startsWith('Constructivism'))
    expect(constructivism).toMatchObject({
      ruleId: 'perspective-coverage',
      severity: 'warning',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 62,
      url: 'https://github.com/essaylint/essaylint/blob/main/rules/perspective-coverage/README.md',
      data: {concept: 'constructivism', status: 'absent', lines: []}
    })
  })

  it('--rule changes severity: error exits 1, off removes the rule, info is neither', async () => {
    expect((await run(['--rule', 'perspective-coverage=error', 'weak.md'], {cwd: dir})).code).toBe(1)
    const off = JSON.parse((await run(['-f', 'json', '--rule', 'perspective-coverage=off', 'weak.md'], {cwd: dir})).stdout)
    expect(off[0].messages.map((m: {ruleId: string}) => m.ruleId)).toEqual(['sovereignty-coverage', 'ethics-coverage'])
    const info = JSON.parse((await run(['-f', 'json', '--rule', 'ethics-coverage=info', 'weak.md'], {cwd: dir})).stdout)
    expect(info[0]).toMatchObject({errorCount: 0, warningCount: 2, infoCount: 1})
  })

  it('--max-warnings and --quiet', async () => {
    expect((await run(['--max-warnings', '3', 'weak.md'], {cwd: dir})).code).toBe(0)
    expect((await run(['--max-warnings', '2', 'weak.md'], {cwd: dir})).code).toBe(1)
    const quiet = await run(['--quiet', '--rule', 'ethics-coverage=error', 'weak.md'], {cwd: dir})
    expect(quiet.code).toBe(1)
    expect(quiet.stdout).toContain('Ethics is never discussed.')
    expect(quiet.stdout).not.toContain('Constructivism')
  })

  it('rejects bad usage with exit 2 and one line', async () => {
    for (const args of [['--rule', 'no-such-rule=warn', 'weak.md'], ['--rule', 'toString=warn', 'weak.md'], ['--rule', 'ethics-coverage=loud', 'weak.md'], ['--max-warnings', 'x', 'weak.md'], ['--format', 'xml', 'weak.md'], ['--bogus']]) {
      const result = await run(args, {cwd: dir})
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr.trim().split('\n')).toHaveLength(1)
      expect(result.stderr).toMatch(/^essaylint: /)
      // A usage error stops before any essay is read: no report.
      expect(result.stdout, args.join(' ')).toBe('')
    }
    expect((await run(['--rule', 'no-such-rule=warn', 'weak.md'], {cwd: dir})).stderr).toContain('unknown rule "no-such-rule"')
  })

  it('--list-rules, --version, --help', async () => {
    const list = await run(['--list-rules'])
    expect(list.code).toBe(0)
    expect(list.stdout).toMatch(/^perspective-coverage\s+warn\s+Each required IR perspective/m)
    expect(list.stdout).toMatch(/^sovereignty-coverage\s+warn/m)
    expect(JSON.parse((await run(['--list-rules', '-f', 'json'])).stdout).map((r: {id: string}) => r.id)).toEqual([
      'perspective-coverage',
      'sovereignty-coverage',
      'ethics-coverage',
      'unsupported-claim',
      'vague-evidence',
      'mission-facts',
      'citation-reference',
      'thesis',
      'counterargument'
    ])
    expect(list.stdout).toMatch(/^vague-evidence\s+info\s+Vague appeals/m)
    expect(list.stdout).toMatch(/^counterargument\s+warn\s+An argumentative essay states the strongest objection/m)
    expect((await run(['--version'])).stdout.trim()).toBe(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version)
    expect((await run(['--help'])).stdout).toContain('Usage: essaylint')
  })

  it('reads stdin, as Markdown by default and as plain text with --stdin-filename', async () => {
    const text = readFileSync(weak, 'utf8')
    const piped = await run(['-f', 'json'], {cwd: dir, input: text})
    expect(JSON.parse(piped.stdout)[0]).toMatchObject({path: 'stdin.md', warningCount: 3})
    const dash = await run(['-f', 'json', '-', '--stdin-filename', 'draft.txt'], {cwd: dir, input: 'Short title\n\nRealism is named here once.\n'})
    const report = JSON.parse(dash.stdout)[0]
    expect(report.path).toBe('draft.txt')
    // The title line of the plain-text essay is its heading: absent findings point at it.
    expect(report.messages.find((m: {message: string}) => m.message.startsWith('Liberalism'))).toMatchObject({line: 1, column: 1, endLine: 1, endColumn: 12})
  })

  it('walks folders and globs, and honours .essaylintignore', async () => {
    const ws = workspace({
      'essays/a.md': readFileSync(weak, 'utf8'),
      'essays/b.txt': 'Title line\n\nNothing about theory at all here.\n',
      'essays/notes.pdf': 'not an essay',
      'essays/drafts/old.md': readFileSync(weak, 'utf8'),
      '.essaylintignore': 'essays/drafts/\n'
    })
    const folder = JSON.parse((await run(['-f', 'json', 'essays'], {cwd: ws})).stdout)
    expect(folder.map((r: {path: string}) => r.path).sort()).toEqual(['essays/a.md', 'essays/b.txt'])
    const glob = JSON.parse((await run(['-f', 'json', 'essays/**/*.txt'], {cwd: ws})).stdout)
    expect(glob.map((r: {path: string}) => r.path)).toEqual(['essays/b.txt'])
  })

  it('--output writes the report to a file, never over an input', async () => {
    const ws = workspace({'e.md': readFileSync(weak, 'utf8')})
    const result = await run(['-f', 'json', '-o', 'report.json', 'e.md'], {cwd: ws})
    expect(result).toMatchObject({code: 0, stdout: ''})
    expect(JSON.parse(readFileSync(path.join(ws, 'report.json'), 'utf8'))[0].path).toBe('e.md')
    const before = readFileSync(path.join(ws, 'e.md'), 'utf8')
    const refused = await run(['-o', 'e.md', 'e.md'], {cwd: ws})
    expect(refused.code).toBe(2)
    expect(refused.stderr).toBe('essaylint: e.md: refusing to write the report over an essay being linted.\n')
    expect(readFileSync(path.join(ws, 'e.md'), 'utf8')).toBe(before)
  })
})

describe('config discovery', () => {
  const essay = readFileSync(weak, 'utf8')

  it.each([
    ['.essaylintrc', '{"rules": {"perspective-coverage": "error"}}'],
    ['.essaylintrc.json', '{"rules": {"perspective-coverage": "error"}}'],
    ['.essaylintrc.yaml', 'rules:\n  perspective-coverage: error\n'],
    ['.essaylintrc.yml', 'rules:\n  perspective-coverage: error\n'],
    ['.essaylintrc.mjs', 'export default {rules: {"perspective-coverage": "error"}}\n'],
    ['package.json', '{"name": "course", "essaylint": {"rules": {"perspective-coverage": "error"}}}']
  ])('finds %s upward from the essay', async (name, text) => {
    const ws = workspace({[name]: text, 'week1/essay.md': essay})
    const result = await run(['-f', 'json', 'week1/essay.md'], {cwd: ws})
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout)[0]).toMatchObject({errorCount: 1, warningCount: 2})
  })

  it('applies options and presets: strict makes every gap an error', async () => {
    const ws = workspace({'.essaylintrc.json': '{"extends": "essaylint:strict"}', 'e.md': essay})
    const report = JSON.parse((await run(['-f', 'json', 'e.md'], {cwd: ws})).stdout)[0]
    // Strict: absent constructivism, sovereignty, ethics, and realism only in two-sentence paragraphs.
    expect(report).toMatchObject({errorCount: 4, warningCount: 0})
  })

  it('rule options: a course can require only some perspectives', async () => {
    const ws = workspace({'.essaylintrc.json': '{"rules": {"perspective-coverage": ["warn", {"required": ["realism", "liberalism"]}]}}', 'e.md': essay})
    const report = JSON.parse((await run(['-f', 'json', 'e.md'], {cwd: ws})).stdout)[0]
    expect(report.messages.map((m: {ruleId: string}) => m.ruleId)).toEqual(['sovereignty-coverage', 'ethics-coverage'])
  })

  it('--config uses the given file; --no-config ignores the found one', async () => {
    const ws = workspace({'.essaylintrc.json': '{"rules": {"perspective-coverage": "off"}}', 'strict.json': '{"extends": "essaylint:strict"}', 'e.md': essay})
    expect(JSON.parse((await run(['-f', 'json', 'e.md'], {cwd: ws})).stdout)[0].warningCount).toBe(2)
    expect(JSON.parse((await run(['-f', 'json', '-c', 'strict.json', 'e.md'], {cwd: ws})).stdout)[0].errorCount).toBe(4)
    expect(JSON.parse((await run(['-f', 'json', '--no-config', 'e.md'], {cwd: ws})).stdout)[0].warningCount).toBe(3)
  })

  it('inline comments disable, enable and ignore-next', async () => {
    const disabled = '<!-- essaylint-disable perspective-coverage -->\n\n' + essay
    const ws = workspace({'a.md': disabled, 'b.md': essay.replace(/^# /, '<!-- essaylint-ignore-next -->\n# ')})
    const [a, b] = JSON.parse((await run(['-f', 'json', 'a.md', 'b.md'], {cwd: ws})).stdout)
    expect(a.messages.map((m: {ruleId: string}) => m.ruleId)).toEqual(['sovereignty-coverage', 'ethics-coverage'])
    // The three findings all point at the title, which the comment precedes.
    expect(b.messages).toEqual([])
  })

  it.each([
    ['.essaylintrc.json', '{"rules": {"nope": "warn"}}', '.essaylintrc.json:1: unknown rule "nope"'],
    ['.essaylintrc.json', '{"rules": {"ethics-coverage": "loud"}}', '.essaylintrc.json:1: rule "ethics-coverage" has an invalid severity "loud"'],
    ['.essaylintrc.json', '{\n  "rules": {\n    "perspective-coverage": ["warn", {"required": ["marxismo"]}]\n  }\n}', '.essaylintrc.json:3: rule "perspective-coverage": "required" names an unknown concept "marxismo"'],
    ['.essaylintrc.json', '{"rules": {"ethics-coverage": ["warn", {"minSentences": 0}]}}', '"minSentences" must be a whole number of at least 1'],
    ['.essaylintrc.json', '{"rulez": {}}', '.essaylintrc.json:1: unknown key "rulez"'],
    ['.essaylintrc.json', '{"extends": "essaylint:lenient"}', 'unknown preset "essaylint:lenient"'],
    ['.essaylintrc.json', '{"extends": "./.essaylintrc.json"}', '"extends" loops back'],
    ['.essaylintrc.json', '{"concepts": {"Bad Id": {}}}', 'concept id "Bad Id" must be kebab-case'],
    ['.essaylintrc.json', '{broken', '.essaylintrc.json: invalid config'],
    ['.essaylintrc.yaml', 'rules: [unclosed', '.essaylintrc.yaml: invalid config']
  ])('a broken %s is exit 2 with one line naming it: %s', async (name, text, expected) => {
    const ws = workspace({[name]: text, 'e.md': essay})
    const result = await run(['e.md'], {cwd: ws})
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(expected)
    expect(lines[0]).toContain('(config used for e.md)')
  })
})

describe('bad input', () => {
  it('reports each bad file on one line, exits 2, and still reports the good ones', async () => {
    const ws = workspace({'good.md': readFileSync(weak, 'utf8'), 'empty.md': '', 'blank.txt': '\n  \n', 'emptydir/readme.png': 'x'})
    writeFileSync(path.join(ws, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))
    writeFileSync(path.join(ws, 'latin1.md'), Buffer.from('Caf\xe9 au lait: peacekeeping essay\n', 'latin1'))
    writeFileSync(path.join(ws, 'huge.md'), 'The peacekeepers stayed. '.repeat(220_000))
    const inputs = ['missing.md', 'emptydir', 'binary.md', 'latin1.md', 'empty.md', 'blank.txt', 'huge.md', 'good.md']
    const snapshot = () => inputs.filter((f) => existsSync(path.join(ws, f)) && f !== 'emptydir').map((f) => createHash('sha256').update(readFileSync(path.join(ws, f))).digest('hex'))
    const before = snapshot()
    const result = await run(['-f', 'json', ...inputs], {cwd: ws})
    expect(result.code).toBe(2)
    expect(JSON.parse(result.stdout).map((r: {path: string}) => r.path)).toEqual(['good.md'])
    expect(result.stderr.split('\n').filter(Boolean).sort()).toEqual([
      'essaylint: binary.md: binary file, not an essay (expected Markdown or plain text)',
      'essaylint: blank.txt: file is empty: there is no essay to check',
      'essaylint: empty.md: file is empty: there is no essay to check',
      'essaylint: emptydir: no essays found in this folder (looked for .md, .markdown, .mdx, .txt, .docx, .odt, .pdf, .html, .htm)',
      'essaylint: huge.md: file is too large (5.2 MB); essaylint reads essays up to 2.0 MB',
      'essaylint: latin1.md: file is not valid UTF-8 text; save it as UTF-8 and run essaylint again',
      'essaylint: missing.md: file not found'
    ])
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/)
    expect(snapshot()).toEqual(before)
  })

  it('delivers a large JSON report through a pipe whole', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 250; i++) files[`class/essay-${i}.md`] = readFileSync(weak, 'utf8')
    const ws = workspace(files)
    const result = await run(['-f', 'json', 'class'], {cwd: ws})
    expect(result.stdout.length).toBeGreaterThan(500_000)
    const report = JSON.parse(result.stdout)
    expect(report).toHaveLength(250)
    expect(report.every((r: {warningCount: number}) => r.warningCount === 3)).toBe(true)
  })
})
