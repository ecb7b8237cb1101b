/**
 * `essaylint annotate essay.docx`: a copy with one Word comment per finding,
 * anchored on its sentence, the text and the original file unchanged; and
 * LibreOffice opens it (converts it) with the same text and every comment.
 */

import {execFile as execFileCallback} from 'node:child_process'
import {promisify} from 'node:util'
import {copyFileSync, existsSync, mkdtempSync, readFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {extractText} from '../src/readers/index.js'
import {comments, parts, soffice} from './docx-helper.js'
import {root, run} from './helpers.js'

/** The real binary, without blocking the test worker's event loop (vitest reports progress through it). */

const execFile = promisify(execFileCallback)

async function annotated(essay: string, args: string[] = []) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'essaylint-annotate-'))
  copyFileSync(path.join(root, 'fixtures/documents', essay), path.join(dir, essay))
  const before = readFileSync(path.join(dir, essay))
  const result = await run(['annotate', ...args, essay], {cwd: dir})
  const report = JSON.parse((await run(['-f', 'json', essay], {cwd: dir})).stdout)[0] as {messages: Array<{ruleId: string; message: string; url: string; paragraph?: number; quote?: string}>}
  return {dir, before, result, report, original: path.join(dir, essay), copy: path.join(dir, essay.replace(/\.docx$/, '.essaylint.docx'))}
}

describe('essaylint annotate', () => {
  for (const essay of ['mali-sovereignty.docx', 'weak-no-theory.docx']) {
    it(`${essay}: one comment per finding on its sentence, one on the title, the text and the original unchanged`, async () => {
      const {before, result, report, original, copy} = await annotated(essay)
      expect(readFileSync(original)).toEqual(before)
      const onSentences = report.messages.filter((m) => m.paragraph !== undefined && m.quote)
      const onTitle = report.messages.filter((m) => !(m.paragraph !== undefined && m.quote))
      expect(onSentences.length).toBeGreaterThan(5)
      expect(onTitle.length).toBeGreaterThan(0)
      expect(result.stderr).toBe(`essaylint: wrote ${path.basename(copy)}: ${onSentences.length + 1} comments (${onSentences.length} on sentences, 1 on the title)\n`)
      const xml = await parts(copy)
      const found = comments(xml.get('word/document.xml')!, xml.get('word/comments.xml')!)
      expect(found.map((c) => c.author)).toEqual(Array(onSentences.length + 1).fill('essaylint'))
      expect(found.slice(0, onSentences.length)).toEqual(onSentences.map((m) => ({author: 'essaylint', text: [m.message, `${m.ruleId}: ${m.url}`], anchor: m.quote})))
      expect(found[onSentences.length].text).toEqual(onTitle.flatMap((m) => [m.message, `${m.ruleId}: ${m.url}`]))
      expect(found[onSentences.length].anchor).toBe(report.messages.find((m) => !m.paragraph)?.quote)
      // Read back by essaylint's own reader: the same text.
      expect(await extractText(copy, readFileSync(copy))).toBe(await extractText(original, before))
    })
  }

  it('puts the grade and its explanation on the title with --grade', async () => {
    const {copy} = await annotated('mali-sovereignty.docx', ['--grade'])
    const xml = await parts(copy)
    const title = comments(xml.get('word/document.xml')!, xml.get('word/comments.xml')!).pop()!
    expect(title.text).toContain('Grade: 84.7/100')
    expect(title.text.some((line) => /^Theoretical perspectives: 16.7\/25 \(.*constructivism absent/.test(line ?? ''))).toBe(true)
  })

  it('a folder run after annotate lints the essay, not its annotated copy too', async () => {
    const {dir} = await annotated('mali-sovereignty.docx')
    const report = JSON.parse((await run(['-f', 'json', '.'], {cwd: dir})).stdout) as Array<{path: string}>
    expect(report.map((r) => r.path)).toEqual(['mali-sovereignty.docx'])
    expect(JSON.parse((await run(['-f', 'json', 'mali-sovereignty.essaylint.docx'], {cwd: dir})).stdout)[0].path).toBe('mali-sovereignty.essaylint.docx')
  })

  it('never writes over the essay, and takes only a Word file', async () => {
    const {dir, before, original} = await annotated('mali-sovereignty.docx')
    const over = await run(['annotate', '-o', 'mali-sovereignty.docx', 'mali-sovereignty.docx'], {cwd: dir})
    expect(over).toMatchObject({code: 2, stderr: 'essaylint: mali-sovereignty.docx: refusing to write over the essay itself; name another file with -o\n'})
    expect(readFileSync(original)).toEqual(before)
    expect(await run(['annotate', 'essay.md'], {cwd: dir})).toMatchObject({code: 2, stderr: 'essaylint: annotate: give one Word file (essaylint annotate essay.docx [-o annotated.docx] [--grade])\n'})
  })

  // LibreOffice is installed by .ci/run; without it (a developer's machine) this part is skipped, never in CI.
  it.skipIf(!soffice && !process.env.CI)('LibreOffice converts the copy: the same text, and every comment is there', async () => {
    const {dir, report, original, copy} = await annotated('mali-sovereignty.docx')
    const profile = `-env:UserInstallation=file://${dir}/profile`
    for (const [filter, file] of [['txt:Text', original], ['txt:Text', copy], ['odt', copy]]) {
      await execFile('soffice', ['--headless', profile, '--convert-to', filter, '--outdir', path.join(dir, filter.slice(0, 3) + path.basename(file)), file], {timeout: 120_000})
    }
    const text = (file: string) => readFileSync(path.join(dir, 'txt' + path.basename(file), path.basename(file).replace(/\.docx$/, '.txt')), 'utf8')
    expect(text(copy)).toBe(text(original))
    const odt = path.join(dir, 'odt' + path.basename(copy), path.basename(copy).replace(/\.docx$/, '.odt'))
    expect(existsSync(odt)).toBe(true)
    const content = (await parts(odt)).get('content.xml')!
    const authors = [...content.matchAll(/<office:annotation\b[^>]*>.*?<dc:creator>([^<]*)<\/dc:creator>/g)].map((m) => m[1])
    expect(authors).toEqual(Array(report.messages.filter((m) => m.paragraph !== undefined && m.quote).length + 1).fill('essaylint'))
  }, 240_000)
})
