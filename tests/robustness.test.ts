/**
 * Hostile files and hostile configs, through the real binary: each bad input
 * has its exact exit code and its exact line on stderr. File system: missing
 * files, folders, symlink loops, unreadable files, invalid UTF-8, UTF-16 with
 * and without a byte-order mark, CRLF and CR (positions still right), a file
 * that changes while it is read, files too large to be essays, and `--output`
 * (atomic, never over an essay). Configs: bad JSON and YAML, wrong types,
 * unknown keys, rule options of the wrong shape, `extends` loops, and
 * `.js`/`.mjs` configs that throw.
 */

import {execFileSync, spawn} from 'node:child_process'
import {chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {bin, root, run as runBin, start, type Run} from './helpers.js'

const essay = readFileSync(path.join(root, 'fixtures', 'rules', 'perspective-coverage', 'not-ok-constructivism-absent.md'), 'utf8')
const sample = readFileSync(path.join(root, 'fixtures', 'essays', 'mali-sovereignty.md'), 'utf8')

/** A fresh folder with these files (text, or bytes). */
function workspace(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'essaylint-robust-'))
  for (const [name, value] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), value)
  }
  return dir
}

const run = (args: string[], cwd: string, input?: string | Buffer): Promise<Run> => runBin(args, {cwd, input})

/** Exit code 2, nothing on stdout, and exactly these lines on stderr. */
function expectInputErrors(result: Run, lines: string[]): void {
  expect(result.stderr.split('\n').filter(Boolean).sort()).toEqual([...lines].sort())
  expect(result.code).toBe(2)
  expect(result.stderr).not.toMatch(/internal error|\n\s+at .*:\d+:\d+/)
}

type JsonReport = Array<{path: string; messages: Array<{line: number; column: number; endLine: number; endColumn: number; ruleId: string; message: string}>}>
const positions = (result: Run) => (JSON.parse(result.stdout) as JsonReport).map((r) => r.messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId} ${m.message}`))

const utf16 = (text: string, order: 'le' | 'be', bom = true): Buffer => {
  const body = Buffer.from(text, 'utf16le')
  if (order === 'be') body.swap16()
  return Buffer.concat([bom ? Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : Buffer.alloc(0), body])
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0

describe('file system', () => {
  it('missing files, folders, paths through a file, dangling links and symlink loops: exit 2, one line each', async () => {
    const dir = workspace({'good.md': essay, 'notes/readme.png': 'x', 'folder.md/readme.png': 'x'})
    symlinkSync('loop-b.md', path.join(dir, 'loop-a.md'))
    symlinkSync('loop-a.md', path.join(dir, 'loop-b.md'))
    symlinkSync('nowhere.md', path.join(dir, 'dangling.md'))
    const result = await run(['--no-config', '-f', 'json', 'missing.md', 'notes', 'folder.md', 'good.md/inside.md', 'dangling.md', 'loop-a.md', 'good.md'], dir)
    expectInputErrors(result, [
      'essaylint: missing.md: file not found',
      'essaylint: notes: no essays found in this folder (looked for .md, .markdown, .mdx, .txt, .docx, .odt, .pdf, .html, .htm)',
      'essaylint: folder.md: no essays found in this folder (looked for .md, .markdown, .mdx, .txt, .docx, .odt, .pdf, .html, .htm)',
      'essaylint: good.md/inside.md: file not found (a part of the path is a file, not a folder)',
      'essaylint: dangling.md: file not found',
      'essaylint: loop-a.md: symbolic link loop: the path never reaches a file'
    ])
    // The other files are still linted and reported.
    expect((JSON.parse(result.stdout) as JsonReport).map((r) => r.path)).toEqual(['good.md'])
    // A path through a file once took the essay of the folder above down with it, in either order.
    for (const args of [['good.md/inside.md', 'good.md'], ['good.md', 'good.md/inside.md']]) {
      const again = await run(['--no-config', '-f', 'json', ...args], dir)
      expectInputErrors(again, ['essaylint: good.md/inside.md: file not found (a part of the path is a file, not a folder)'])
      expect((JSON.parse(again.stdout) as JsonReport).map((r) => r.path)).toEqual(['good.md'])
    }
  })

  it('an essay reached again through a folder that links back to itself is linted once, under its shortest path', async () => {
    const dir = workspace({'class/a.md': essay, 'class/b.md': essay})
    symlinkSync('..', path.join(dir, 'class', 'again'))
    symlinkSync('a.md', path.join(dir, 'class', 'same-as-a.md'))
    for (const args of [['class'], ['class', 'class/a.md'], ['class/**/*.md']]) {
      const result = await run(['--no-config', '-f', 'json', ...args], dir)
      expect(result.code).toBe(0)
      expect(result.stderr).toBe('')
      expect((JSON.parse(result.stdout) as JsonReport).map((r) => r.path)).toEqual(['class/a.md', 'class/b.md'])
    }
  })

  it('a named pipe in a folder or matched by a glob is skipped with one line, not waited on; the other essays are linted', async () => {
    const dir = workspace({'class/a.md': essay})
    execFileSync('mkfifo', [path.join(dir, 'class', 'pipe.md'), path.join(dir, 'class', 'odd [1].md')])
    for (const args of [['class'], ['class/*.md']]) {
      const result = await run(['--no-config', '-f', 'json', ...args], dir)
      expectInputErrors(result, ['essaylint: class/odd [1].md: a named pipe, not an essay file: skipped', 'essaylint: class/pipe.md: a named pipe, not an essay file: skipped'])
      expect((JSON.parse(result.stdout) as JsonReport).map((r) => r.path)).toEqual(['class/a.md'])
    }
  })

  it.skipIf(isRoot)('an unreadable file: exit 2, "permission denied" (skipped when running as root: chmod 000 does not stop root from reading)', async () => {
    const dir = workspace({'locked.md': essay, 'good.md': essay})
    chmodSync(path.join(dir, 'locked.md'), 0o000)
    try {
      const result = await run(['--no-config', '-f', 'json', 'locked.md', 'good.md'], dir)
      expectInputErrors(result, ['essaylint: locked.md: permission denied: the file cannot be read'])
      expect((JSON.parse(result.stdout) as JsonReport).map((r) => r.path)).toEqual(['good.md'])
    } finally {
      chmodSync(path.join(dir, 'locked.md'), 0o644)
    }
  })

  it('invalid UTF-8, UTF-16 without a byte-order mark, NUL bytes: exit 2, one line each', async () => {
    const dir = workspace({
      'latin1.md': Buffer.from('Peacekeeping in C\xf4te d\u2019Ivoire was not neutral.\n', 'latin1'),
      'truncated.md': Buffer.concat([Buffer.from('Peacekeeping works. Caf'), Buffer.from([0xc3])]),
      'utf16-no-bom.md': utf16(essay, 'le', false),
      'nul.txt': 'Peacekeeping works.\0\n'
    })
    const result = await run(['--no-config', 'latin1.md', 'truncated.md', 'utf16-no-bom.md', 'nul.txt'], dir)
    expectInputErrors(result, [
      'essaylint: latin1.md: file is not valid UTF-8 text; save it as UTF-8 and run essaylint again',
      'essaylint: truncated.md: file is not valid UTF-8 text; save it as UTF-8 and run essaylint again',
      'essaylint: utf16-no-bom.md: file looks like UTF-16 text without a byte-order mark; save it as UTF-8 and run essaylint again',
      'essaylint: nul.txt: binary file, not an essay (expected Markdown or plain text)'
    ])
  })

  it('UTF-16 (LE and BE) with a byte-order mark, a UTF-8 byte-order mark, CRLF and CR: the same findings at the same positions', async () => {
    const dir = workspace({
      'lf.md': sample,
      'utf16le.md': utf16(sample, 'le'),
      'utf16be.md': utf16(sample, 'be'),
      'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample)]),
      'crlf.md': sample.replace(/\n/g, '\r\n'),
      'cr.md': sample.replace(/\n/g, '\r'),
      'crlf-utf16.md': utf16(sample.replace(/\n/g, '\r\n'), 'le')
    })
    const names = ['lf.md', 'utf16le.md', 'utf16be.md', 'bom.md', 'crlf.md', 'cr.md', 'crlf-utf16.md']
    const results = await Promise.all(names.map((name) => run(['--no-config', '-f', 'json', name], dir)))
    for (const result of results) expect(result.stderr).toBe('')
    const [expected, ...others] = results.map((result) => positions(result)[0])
    expect(expected.length).toBeGreaterThan(5)
    for (const [i, found] of others.entries()) expect(found, names[i + 1]).toEqual(expected)
    // A position points at the text: the title is on line 1 from column 1, BOM or not.
    expect(expected.some((m) => m.startsWith('1:1-1:'))).toBe(true)
  })

  it('files too large to be essays: exit 2 with the size, before reading them whole', async () => {
    const dir = workspace({'over.md': 'The peacekeepers stayed. \n\n'.repeat(80_000), 'just-over.md': 'a'.repeat(2 * 1024 * 1024 + 1), 'good.md': essay})
    const lines = [
      'essaylint: over.md: file is too large (2.1 MB); essaylint reads essays up to 2.0 MB',
      'essaylint: just-over.md: file is too large (2,097,153 bytes); essaylint reads essays up to 2,097,152 bytes'
    ]
    const args = ['--no-config', '-f', 'json', 'over.md', 'just-over.md', 'good.md']
    // 3 GB on paper and nothing on disk, where the file system has sparse files.
    try {
      closeSync(openSync(path.join(dir, 'huge.md'), 'w'))
      truncateSync(path.join(dir, 'huge.md'), 3 * 1024 ** 3)
      args.push('huge.md')
      lines.push('essaylint: huge.md: file is too large (3.0 GB) to be an essay; essaylint reads essays up to 2.0 MB')
    } catch {
      // No sparse files here: that case is left out.
    }
    try {
      const result = await run(args, dir)
      expectInputErrors(result, lines)
      expect((JSON.parse(result.stdout) as JsonReport).map((r) => r.path)).toEqual(['good.md'])
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })

  it('--max-file-size sets the limit: smaller refuses an ordinary essay, larger admits a 2.2 MB one; bad sizes are usage errors', async () => {
    const bytes = Buffer.byteLength(essay)
    // 2.2 MB, most of it a log pasted in a code block (never linted), so the test stays quick.
    const dir = workspace({'essay.md': essay, 'long.md': essay + '\n```\n' + 'the peacekeepers stayed, said the log\n'.repeat(60_000) + '```\n'})
    expectInputErrors(await run(['--no-config', '-f', 'json', '--max-file-size', '1kB', 'essay.md'], dir), [
      `essaylint: essay.md: file is too large (${(bytes / 1024).toFixed(1)} KB); essaylint reads essays up to 1.0 KB`
    ])
    const admitted = await run(['--no-config', '-f', 'json', '--max-file-size', '3MB', 'long.md', 'essay.md'], dir)
    expect(admitted.stderr).toBe('')
    expect((JSON.parse(admitted.stdout) as JsonReport).map((r) => r.path)).toEqual(['essay.md', 'long.md'])
    for (const size of ['2XB', '0', 'big']) {
      expectInputErrors(await run(['--max-file-size', size, 'essay.md'], dir), [
        `essaylint: --max-file-size expects a size such as 5MB, 800kB or 100000, got "${size}". Run "essaylint --help" for usage.`
      ])
    }
  })

  it('Markdown that no essay has (deep nesting, dense markup, a paragraph of thousands of lines, thousands of quotes or headings): exit 2, one line each', async () => {
    const dir = workspace({
      'quotes.md': '# Title\n\n' + '> '.repeat(500) + 'Peacekeeping is bad.\n',
      'lists.md': Array.from({length: 300}, (_, i) => '  '.repeat(i) + '- item ' + i).join('\n'),
      'emphasis.md': '# Title\n\nIntro.\n\n' + '*a _b '.repeat(400) + 'c_ d* '.repeat(400) + '\n',
      'lines.txt': 'Title\n\n' + 'Peacekeeping is clearly bad\n'.repeat(2500),
      'one-line.md': 'The peacekeepers stayed because the mandate required it. '.repeat(15_000),
      // Once minutes of work each: micromark is quadratic in consecutive quotes, the sentence parser in headings.
      'many-quotes.md': '> Peacekeeping is bad.\n\n'.repeat(20_000),
      'many-headings.md': '# Title\n\n' + '## A heading\n'.repeat(1_000) + '\n' + '- item\n'.repeat(2_000),
      'good.md': essay
    })
    const result = await run(['--no-config', '-f', 'json', 'quotes.md', 'lists.md', 'emphasis.md', 'lines.txt', 'one-line.md', 'many-quotes.md', 'many-headings.md', 'good.md'], dir)
    expectInputErrors(result, [
      'essaylint: quotes.md: line 3: the Markdown is nested more than 100 levels deep (lists, quotes or emphasis inside each other); essaylint does not read structures this deep',
      'essaylint: lists.md: line 101: the Markdown is nested more than 100 levels deep (lists, quotes or emphasis inside each other); essaylint does not read structures this deep',
      'essaylint: emphasis.md: line 5: a paragraph with more than 1,000 Markdown markers (*, _, ~, [ or ]); essaylint does not read markup this dense',
      'essaylint: lines.txt: line 3: a paragraph, list or quote of more than 2,000 lines without a blank line is too long to analyse; separate the paragraphs with blank lines',
      'essaylint: one-line.md: line 1: a paragraph, list or quote of 855,000 characters without a blank line is too long to analyse; separate the paragraphs with blank lines',
      'essaylint: many-quotes.md: line 6001: more than 3,000 paragraphs, headings, list items and quotes: far more than an essay has, too many to analyse',
      'essaylint: many-headings.md: line 3003: more than 3,000 paragraphs, headings, list items and quotes: far more than an essay has, too many to analyse'
    ])
    expect((JSON.parse(result.stdout) as JsonReport).map((r) => r.path)).toEqual(['good.md'])
  })

  it('text piped in under the name of a file on disk is linted as piped, not replaced by the file', async () => {
    const dir = workspace({'essay.md': '# The file on disk\n\nRealism is named here once.\n'})
    // A replacement character makes essaylint look at the raw bytes; they must be the piped ones.
    const result = await run(['--no-config', '-f', 'json', '--stdin-filename', 'essay.md'], dir, '# Piped \ufffd draft\n\nPeacekeeping clearly fails everywhere.\n')
    expect(result.code).toBe(0)
    const [report] = JSON.parse(result.stdout) as JsonReport
    expect(report.path).toBe('essay.md')
    expect(report.messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn}`)).toContain('3:1-3:39')
    expect(report.messages.some((m) => m.message.startsWith('Realism is only named'))).toBe(false)
  })

  it('a file that changes while it is read: a report of one version or one clear line, never a crash (best effort)', async () => {
    const versions = [sample, essay, '', sample.replace(/\n/g, '\r\n')]
    const dir = workspace({'e.md': sample})
    const target = path.join(dir, 'e.md')
    const outcomes: Array<{code: number | null; stdout: string; stderr: string}> = []
    for (let round = 0; round < 4; round++) {
      const {done} = start(['--no-config', '-f', 'json', 'e.md'], dir)
      let finished = false
      void done.then(() => (finished = true))
      // Rewrite the file, between versions, for as long as the process runs.
      for (let i = 0; !finished; i++) {
        writeFileSync(target, versions[(i + round) % versions.length])
        await new Promise((resolve) => setTimeout(resolve, 1))
      }
      outcomes.push(await done)
    }
    const longest = Math.max(...versions.map((v) => v.split(/\r\n|\r|\n/).length))
    for (const {code, stdout, stderr} of outcomes) {
      expect([0, 2]).toContain(code)
      expect(stderr).not.toMatch(/internal error|\n\s+at .*:\d+:\d+/)
      if (code === 2) {
        expect(stderr).toMatch(/^essaylint: e\.md: [^\n]+\n$/)
        continue
      }
      const report = JSON.parse(stdout) as JsonReport
      for (const m of report[0].messages) {
        expect(m.line).toBeGreaterThanOrEqual(1)
        expect(m.endLine).toBeLessThanOrEqual(longest)
        expect(m.line < m.endLine || (m.line === m.endLine && m.column <= m.endColumn)).toBe(true)
      }
    }
  })
})

describe('a reader that stops early (`essaylint -f json class | head`)', () => {
  it('ends the run quietly: no stack trace on a closed pipe', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 30; i++) files[`class/essay-${i}.md`] = sample
    const {child, done} = start(['--no-config', '-f', 'json', 'class'], workspace(files))
    // The reader is gone before the report is written: every write fails.
    child.stdout!.destroy()
    const result = await done
    expect(result.stderr).toBe('')
    // The run's own exit code (warnings only: 0), not a crash's.
    expect(result.code).toBe(0)
  })
})

describe('--output', () => {
  it('replaces the report in one step: a reader sees the old report or the new one, never half of one', async () => {
    const files: Record<string, string> = {'report.json': 'OLD REPORT'}
    for (let i = 0; i < 12; i++) files[`class/essay-${i}.md`] = sample
    const dir = workspace(files)
    const report = path.join(dir, 'report.json')
    const child = spawn(process.execPath, [bin, '--no-config', '-f', 'json', '-o', 'report.json', 'class'], {cwd: dir})
    const done = new Promise<number | null>((resolve) => child.on('close', resolve))
    let finished = false
    void done.then(() => (finished = true))
    const seen = new Set<string>()
    while (!finished) {
      seen.add(readFileSync(report, 'utf8'))
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect(await done).toBe(0)
    const final = readFileSync(report, 'utf8')
    expect(JSON.parse(final)).toHaveLength(12)
    for (const content of seen) expect(['OLD REPORT', final]).toContain(content)
    // No temporary file is left behind.
    expect(readdirSync(dir).sort()).toEqual(['class', 'report.json'])
  })

  it('never writes over an essay named on the command line, however the path is spelled', async () => {
    const dir = workspace({'e.md': essay, 'sub/f.md': essay})
    for (const [output, inputs] of [
      ['e.md', ['e.md']],
      ['./e.md', ['e.md']],
      [path.join(dir, 'e.md'), ['e.md']],
      ['sub/../e.md', ['sub/f.md', 'e.md']],
      ['sub/f.md', ['./sub/f.md']]
    ] as Array<[string, string[]]>) {
      const result = await run(['--no-config', '-o', output, ...inputs], dir)
      expect(result.code, output).toBe(2)
      expect(result.stderr).toBe(`essaylint: ${output}: refusing to write the report over an essay being linted.\n`)
    }
    expect(readFileSync(path.join(dir, 'e.md'), 'utf8')).toBe(essay)
    expect(readFileSync(path.join(dir, 'sub', 'f.md'), 'utf8')).toBe(essay)
  })

  it('never writes over an essay found by walking a folder or expanding a glob', async () => {
    const dir = workspace({'class/a.md': essay, 'class/b.md': essay})
    for (const args of [['class', '-o', 'class/a.md'], ['class/*.md', '-o', 'class/b.md']]) {
      const result = await run(['--no-config', ...args], dir)
      expect(result.code).toBe(2)
      expect(result.stderr).toBe(`essaylint: ${args[2]}: refusing to write the report over an essay being linted.\n`)
    }
    expect(readFileSync(path.join(dir, 'class', 'a.md'), 'utf8')).toBe(essay)
    expect(readFileSync(path.join(dir, 'class', 'b.md'), 'utf8')).toBe(essay)
  })

  it('a report that cannot be written: exit 2, one line, the essays untouched', async () => {
    const dir = workspace({'e.md': essay, 'out/.keep': ''})
    const missing = await run(['--no-config', '-o', 'no-such-folder/report.txt', 'e.md'], dir)
    expect(missing).toEqual({code: 2, stdout: '', stderr: 'essaylint: no-such-folder/report.txt: cannot write the report (ENOENT)\n'})
    const folder = await run(['--no-config', '-o', 'out', 'e.md'], dir)
    expect(folder.code).toBe(2)
    expect(folder.stderr).toBe('essaylint: out: cannot write the report (EISDIR)\n')
    expect(readFileSync(path.join(dir, 'e.md'), 'utf8')).toBe(essay)
  })

  it('a failed --output leaves no temporary file behind', async () => {
    const dir = workspace({'e.md': essay, 'out/.keep': ''})
    expect((await run(['--no-config', '-o', 'out', 'e.md'], dir)).code).toBe(2)
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })
})

describe('config hardening: exit 2 and one line naming the config file (and the line, where known)', () => {
  const cases: Array<[string, string, string]> = [
    // Syntax.
    ['.essaylintrc.json', '{\n  "rules": {\n    "ethics-coverage": "warn",\n  }\n}', '.essaylintrc.json: invalid config at line 4: Expected double-quoted property name in JSON'],
    ['.essaylintrc.json', '', '.essaylintrc.json: invalid config: Unexpected end of JSON input'],
    ['.essaylintrc.yaml', 'rules:\n  ethics-coverage: [warn\n', '.essaylintrc.yaml: invalid config at line 3: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['.essaylintrc.yml', 'rules:\n  ethics-coverage: warn\n  ethics-coverage: off\n', '.essaylintrc.yml: invalid config at line 3: Map keys must be unique'],
    ['package.json', '{"name": "course", "essaylint": {', 'package.json: invalid config at line 1: Expected property name or \'}\' in JSON'],
    // Wrong types.
    ['.essaylintrc.json', '[1]', '.essaylintrc.json: a config must be an object with "extends", "rules" or "concepts"'],
    ['.essaylintrc.yaml', 'rules: 5\n', '.essaylintrc.yaml:1: "rules" must be an object of rule ids'],
    ['.essaylintrc.json', '{"extends": 5}', '.essaylintrc.json:1: "extends" must be a preset name, a path or a package name'],
    ['.essaylintrc.json', '{\n  "concepts": {"x-y": {"label": "X", "terms": "peace"}}\n}', '.essaylintrc.json:2: concept "x-y": "terms" must be a list of words or phrases'],
    ['.essaylintrc.json', '{"rules": {"ethics-coverage": true}}', '.essaylintrc.json:1: rule "ethics-coverage" has an invalid severity true (expected "off", "info", "warn" or "error")'],
    ['.essaylintrc.json', '{"rules": {"ethics-coverage": [["warn"]]}}', '.essaylintrc.json:1: rule "ethics-coverage" has an invalid severity ["warn"] (expected "off", "info", "warn" or "error")'],
    ['package.json', '{"name": "course", "essaylint": "strict"}', 'package.json: a config must be an object with "extends", "rules" or "concepts"'],
    // Unknown keys, and names that only Object.prototype knows.
    ['.essaylintrc.json', '{"concepts": {"x-y": {"label": "X", "terms": ["peace"], "colour": "red"}}}', '.essaylintrc.json:1: concept "x-y" has an unknown key "colour" (expected one of label, group, optional, names, thinkers, terms, exclude, hint, replace)'],
    ['.essaylintrc.json', '{"rules": {"toString": "warn"}}', '.essaylintrc.json:1: unknown rule "toString" (known rules: perspective-coverage, sovereignty-coverage, ethics-coverage, unsupported-claim, vague-evidence, mission-facts, citation-reference, thesis, counterargument)'],
    ['.essaylintrc.json', '{"rules": {"__proto__": "warn"}}', '.essaylintrc.json:1: unknown rule "__proto__" (known rules: perspective-coverage, sovereignty-coverage, ethics-coverage, unsupported-claim, vague-evidence, mission-facts, citation-reference, thesis, counterargument)'],
    ['.essaylintrc.json', '{"rules": {"ethics-coverage": "constructor"}}', '.essaylintrc.json:1: rule "ethics-coverage" has an invalid severity "constructor"'],
    ['.essaylintrc.json', '{"concepts": {"constructor": {"label": "X", "terms": ["peace"]}}}', '.essaylintrc.json:1: concept id "constructor" is reserved; choose another name'],
    ['.essaylintrc.json', '{"rules": {"sovereignty-coverage": ["warn", {"concept": "constructor"}]}}', '.essaylintrc.json:1: rule "sovereignty-coverage": "concept" names an unknown concept "constructor"'],
    // Rule options of the wrong shape.
    ['.essaylintrc.json', '{"rules": {"unsupported-claim": ["warn", "sentence"]}}', '.essaylintrc.json:1: rule "unsupported-claim": options must be an object'],
    ['.essaylintrc.json', '{"rules": {"unsupported-claim": ["warn", {"windw": "sentence"}]}}', '.essaylintrc.json:1: rule "unsupported-claim": unknown option "windw" (expected "window", "ignoreHedged", "thesis", "secondary", "figures", "group")'],
    ['.essaylintrc.json', '{"rules": {"unsupported-claim": ["warn", {"window": 3}]}}', '.essaylintrc.json:1: rule "unsupported-claim": "window" must be "sentence" or "paragraph"'],
    ['.essaylintrc.json', '{\n  "rules": {\n    "perspective-coverage": ["warn", {"required": [1]}]\n  }\n}', '.essaylintrc.json:3: rule "perspective-coverage": "required" must be a list of concept ids'],
    // Code that throws, or does not compile, or exports no object.
    ['.essaylintrc.mjs', 'const config = {}\nthrow new Error("boom from config")\n', '.essaylintrc.mjs: invalid config at line 2: loading it failed: boom from config'],
    ['.essaylintrc.js', '// a course config\n\nthrow new TypeError("bad js")\n', '.essaylintrc.js: invalid config at line 3: loading it failed: TypeError: bad js'],
    ['.essaylintrc.mjs', 'export default {\n  rules: {\n', '.essaylintrc.mjs: invalid config: loading it failed: SyntaxError: Unexpected end of input'],
    ['.essaylintrc.mjs', 'export default "strict"\n', '.essaylintrc.mjs: a config must be an object with "extends", "rules" or "concepts"']
  ]

  it.each(cases)('%s containing %j', async (name, text, expected) => {
    const dir = workspace({[name]: text, 'week1/e.md': essay})
    const result = await run(['week1/e.md'], dir)
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    const lines = result.stderr.split('\n').filter(Boolean)
    expect(lines).toHaveLength(1)
    // The whole line where it is short; its start where it goes on to list the known names.
    expect(lines[0].startsWith(`essaylint: ${expected}`), lines[0]).toBe(true)
    expect(lines[0].endsWith(' (config used for week1/e.md)'), lines[0]).toBe(true)
    if (!/unknown concept|invalid severity "constructor"/.test(expected)) expect(lines[0]).toBe(`essaylint: ${expected} (config used for week1/e.md)`)
  })

  it('an "extends" loop across files, a missing or broken extended config, a missing --config', async () => {
    const dir = workspace({
      'a.json': '{"extends": "./b.json"}',
      'b.json': '{\n  "extends": "./a.json"\n}',
      'c.json': '{"extends": "./missing.json"}',
      'd.json': '{"extends": "./broken.yaml"}',
      'broken.yaml': 'rules:\n  x: [\n',
      'e.md': essay
    })
    const lines = async (config: string) => await run(['-c', config, 'e.md'], dir)
    expectInputErrors(await lines('a.json'), ['essaylint: b.json:2: "extends" loops back to a.json (config used for e.md)'])
    expectInputErrors(await lines('c.json'), ['essaylint: c.json:1: cannot read extended config "./missing.json" (config used for e.md)'])
    expectInputErrors(await lines('d.json'), ['essaylint: broken.yaml:3: cannot parse: Flow sequence in block collection must be sufficiently indented and end with a ] (config used for e.md)'])
    expectInputErrors(await lines('nope.json'), ['essaylint: nope.json: cannot read the config: file not found (config used for e.md)'])
  })

  it('a broken config fails only the essays under it: the others are linted', async () => {
    const dir = workspace({'course/.essaylintrc.json': '{"rules": {"nope": "warn"}}', 'course/e.md': essay, 'other/e.md': essay})
    const result = await run(['-f', 'json', 'course/e.md', 'other/e.md'], dir)
    expectInputErrors(result, [
      'essaylint: course/.essaylintrc.json:1: unknown rule "nope" (known rules: perspective-coverage, sovereignty-coverage, ethics-coverage, unsupported-claim, vague-evidence, mission-facts, citation-reference, thesis, counterargument) (config used for course/e.md)'
    ])
    expect((JSON.parse(result.stdout) as JsonReport).map((r) => r.path)).toEqual(['other/e.md'])
  })

  it('a JavaScript config is code: it runs when found above an essay (the trust model in the README)', async () => {
    const dir = workspace({'downloaded/.essaylintrc.mjs': 'console.error("config code ran")\nexport default {}\n', 'downloaded/e.md': essay})
    expect((await run(['downloaded/e.md'], dir)).stderr).toBe('config code ran\n')
    // --no-config (or --config) runs none.
    expect((await run(['--no-config', 'downloaded/e.md'], dir)).stderr).toBe('')
  })
})
