/**
 * The input layer (src/readers/): Word, OpenDocument, PDF and web pages read
 * into the text the pipeline lints; Windows-1252 plain text; refusals of the
 * formats no reader reads; the limits on the zips inside documents.
 */

import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {lint} from '../src/index.js'
import {defaultRubric} from '../src/grade/rubric.js'
import {gradeEssay} from '../src/grade/score.js'
import {extractText, ReaderError} from '../src/readers/index.js'
import {root, run} from './helpers.js'
import {makeZip} from './zip-helper.js'

/** The real binary, without blocking the test worker's event loop (vitest reports progress through it). */

const essays = path.join(root, 'fixtures/essays')
const documents = path.join(root, 'fixtures/documents')
const samples = readdirSync(essays).filter((file) => /\.(md|txt)$/.test(file)).sort()
const formats = ['html', 'docx', 'odt', 'pdf']
const rubric = defaultRubric()

/** A finding as the equivalence compares it: rule id and the sentence it quotes. */
const finding = (m: {ruleId?: string | null; quote?: string}) => `${m.ruleId} | ${m.quote ?? ''}`

const scratch = () => mkdtempSync(path.join(os.tmpdir(), 'essaylint-readers-'))

describe('a document made from each sample essay gives the findings of the essay itself', () => {
  it('has a fixture in every format for every sample essay', async () => {
    expect(samples.length).toBeGreaterThanOrEqual(6)
    const made = new Set(readdirSync(documents))
    for (const sample of samples) for (const format of formats) expect(made.has(sample.replace(/\.(md|txt)$/, `.${format}`))).toBe(true)
  })

  for (const sample of samples) {
    for (const format of formats) {
      it(`${sample} as .${format}: same rule ids and quoted sentences, grade within 1 point`, async () => {
        const original = await lint(readFileSync(path.join(essays, sample)), {path: sample})
        const name = sample.replace(/\.(md|txt)$/, `.${format}`)
        const text = await extractText(name, readFileSync(path.join(documents, name)))
        const converted = await lint(text, {path: name})
        expect(converted.messages.map(finding).sort()).toEqual(original.messages.map(finding).sort())
        expect(original.messages.length).toBeGreaterThan(0)
        const [before, after] = [gradeEssay(original, sample, rubric).score, gradeEssay(converted, name, rubric).score]
        expect(Math.abs(before - after)).toBeLessThanOrEqual(1)
      })
    }
  }
})

describe('what the readers keep and drop', () => {
  it('keeps a Word file\'s headings, footnotes and quotes as Markdown', async () => {
    const text = await extractText('mali-sovereignty.docx', readFileSync(path.join(documents, 'mali-sovereignty.docx')))
    expect(text.split('\n')[0]).toBe('# Consent Withdrawn: MINUSMA and the Limits of Sovereignty in UN Peacekeeping')
    expect(text).toContain('\n## Introduction\n')
    // Footnote references stay references, and notes are footnote definitions.
    expect(text).toContain('leave "without delay."[^1] Two weeks later')
    expect(text).toMatch(/\n\[\^1\]: \S/)
  })

  it('rebuilds a PDF\'s paragraphs, lists, footnotes and table, without page numbers', async () => {
    const text = await extractText('protection-of-civilians.pdf', readFileSync(path.join(documents, 'protection-of-civilians.pdf')))
    expect(text).toContain('\n- Force versus consent. Robust action may save lives today but erode the host consent that keeps the mission in the country tomorrow.\n')
    // Rows in columns are a table (cells that PDF.js gives as one piece of text stay one cell).
    expect(text).toMatch(/\n\| UNAMSIL \(Sierra Leone\) +\| 2001 17,500 +\| 1346 +\|\n/)
    expect(text).not.toMatch(/^\d+$/m)
  })

  it('drops a web page\'s scripts and styles, and reads its footnote links as footnotes', async () => {
    const page = '<html><head><style>p{color:red} realism liberalism</style><script>var constructivism = "sovereignty"</script></head><body><h1>Title</h1><p>Peacekeeping changed.<sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup></p><hr><div><p><a href="#ftnt_ref1" id="ftnt1">[1]</a> Smith 2003, 4.</p></div></body></html>'
    const text = await extractText('page.html', Buffer.from(page))
    expect(text).toBe('# Title\n\nPeacekeeping changed.[^1]\n\n[^1]: Smith 2003, 4.\n')
  })

  it('joins a word hyphenated at a line end, but keeps the document\'s own compounds', async () => {
    const text = await extractText('liberal-peace-critique.pdf', readFileSync(path.join(documents, 'liberal-peace-critique.pdf')))
    expect(text).toContain("Paris's reform is problem-solving, because")
    expect(text).not.toMatch(/\p{L}- \p{Ll}/u)
  })
})

describe('documents that cannot be read', () => {
  const refused = async (name: string, bytes: Buffer) => {
    try {
      await extractText(name, bytes)
    } catch (error) {
      expect(error).toBeInstanceOf(ReaderError)
      return (error as Error).message
    }
    throw new Error('read')
  }

  it('refuses a PDF without a text layer', async () => {
    const pdf = '%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R>> endobj\n4 0 obj <</Length 27>> stream\n0 0 1 rg 10 10 100 100 re f\nendstream endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n'
    expect(await refused('scan.pdf', Buffer.from(pdf))).toMatch(/^no text layer: this PDF is an image/)
  })

  it('refuses a damaged Word file, a docx that is not Word, and a zip bomb inside a docx', async () => {
    expect(await refused('essay.docx', Buffer.from('not a zip at all'))).toMatch(/^not a readable zip archive \(End of central directory record signature not found/)
    expect(await refused('essay.docx', makeZip([{name: 'hello.txt', data: 'hi'}]))).toMatch(/^not a Word document: it has no word\/document\.xml/)
    // 30 MB of zeros deflate to about 30 kB: refused from the archive's directory, never inflated.
    const bomb = makeZip([{name: '[Content_Types].xml', data: '<Types/>'}, {name: 'word/document.xml', data: Buffer.alloc(30 * 1024 * 1024)}])
    expect(bomb.length).toBeLessThan(100_000)
    expect(await refused('bomb.docx', bomb)).toBe("the Word document's word/document.xml decompresses to 30 MB; essaylint reads entries up to 20 MB")
    // A part that claims 10 bytes and inflates to 1 MB is cut off at the lie.
    const liar = makeZip([{name: 'word/document.xml', data: Buffer.alloc(1024 * 1024), declaredSize: 10}])
    expect(await refused('liar.docx', liar)).toMatch(/^the archive is damaged \(too many bytes in the stream/)
  })

  it('refuses an odt whose XML declares its own entities, without expanding them', async () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY lol "lollollollol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>&lol2;</text:p></office:text></office:body></office:document-content>'
    expect(await refused('laughs.odt', makeZip([{name: 'content.xml', data: xml}]))).toMatch(/^the document's XML is damaged/)
  })
})

describe('the command line', () => {
  it('names each refused format on the command line with what to do, exit 2, and still lints the rest', async () => {
    const dir = scratch()
    for (const name of ['essay.doc', 'essay.rtf', 'essay.pages', 'essay.tex', 'essay']) writeFileSync(path.join(dir, name), 'x')
    copyFileSync(path.join(essays, 'weak-no-theory.md'), path.join(dir, 'weak.md'))
    const result = await run(['-f', 'json', 'essay.doc', 'essay.rtf', 'essay.pages', 'essay.tex', 'essay', 'weak.md'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      'essaylint: essay.doc: old Word format: save it as .docx and run essaylint again',
      'essaylint: essay.rtf: Rich Text Format is not read: save it as .docx (or export it as PDF) and run essaylint again',
      'essaylint: essay.pages: Apple Pages format is not read: export it as Word (.docx) or PDF and run essaylint again',
      'essaylint: essay.tex: LaTeX source is not read: lint the PDF it makes (essay.pdf), or convert it with "pandoc essay.tex -o essay.md"',
      'essaylint: essay: a file without an extension: rename it to .md or .txt (or .docx, .odt, .pdf, .html for those formats) and run essaylint again'
    ])
    expect(JSON.parse(result.stdout).map((r: {path: string}) => r.path)).toEqual(['weak.md'])
  })

  it('lints the documents in a folder and says in one line which files it skipped', async () => {
    const dir = scratch()
    const klass = path.join(dir, 'class')
    const files = {'a.docx': 'mali-sovereignty.docx', 'b.pdf': 'weak-no-theory.pdf', 'c.html': 'rwanda-case-study.html', 'd.odt': 'strong-three-lenses.odt'}
    mkdirSync(klass)
    for (const [name, from] of Object.entries(files)) copyFileSync(path.join(documents, from), path.join(klass, name))
    for (const name of ['e.pages', 'f.pages', 'g.doc']) writeFileSync(path.join(klass, name), 'x')
    writeFileSync(path.join(klass, 'LICENSE'), 'not an essay')
    const result = await run(['-f', 'json', 'class'], {cwd: dir})
    expect(result.stderr).toBe('essaylint: class: skipped 3 files essaylint cannot read: 2 .pages, 1 .doc (save them as .docx, .pdf or .txt to include them)\n')
    expect(result.code).toBe(2)
    const report = JSON.parse(result.stdout) as Array<{path: string; messages: Array<{ruleId: string; paragraph?: number; quote?: string; line: number}>}>
    expect(report.map((r) => r.path)).toEqual(['class/a.docx', 'class/b.pdf', 'class/c.html', 'class/d.odt'])
    // The same findings as the essays themselves, with their paragraph and sentence.
    const mali = await run(['-f', 'json', path.join(essays, 'mali-sovereignty.md')])
    const expected = (JSON.parse(mali.stdout)[0].messages as Array<{ruleId: string; paragraph?: number; quote?: string}>).map(({ruleId, paragraph, quote}) => ({ruleId, paragraph, quote}))
    expect(report[0].messages.map(({ruleId, paragraph, quote}) => ({ruleId, paragraph, quote}))).toEqual(expected)
    expect(expected.some((m) => m.paragraph === 10 && m.quote?.startsWith('While the signatories valued the agreement'))).toBe(true)
  })

  it('prints the extracted text, to which line and column refer', async () => {
    const dir = scratch()
    copyFileSync(path.join(documents, 'mali-sovereignty.pdf'), path.join(dir, 'mali.pdf'))
    const text = await run(['--print-text', 'mali.pdf'], {cwd: dir})
    expect(text.code).toBe(0)
    const lines = text.stdout.split('\n')
    const report = JSON.parse((await run(['-f', 'json', 'mali.pdf'], {cwd: dir})).stdout)[0]
    expect(report.messages.length).toBe(8)
    for (const m of report.messages) {
      // The finding's words are in its quoted sentence, on the line the report gives.
      expect(lines[m.line - 1]).toContain(m.quote)
      expect(m.quote).toContain(lines[m.line - 1].slice(m.column - 1, m.endColumn - 1).replace(/^#+ /, ''))
    }
  })

  it('reads a Windows-1252 .txt with one line saying so', async () => {
    const dir = scratch()
    const essay = readFileSync(path.join(essays, 'rwanda-case-study.txt'), 'utf8').replace(/'/g, '\u2019')
    const bytes = Buffer.from(essay.replace(/\u2019/g, '\u0092'), 'latin1')
    writeFileSync(path.join(dir, 'ansi.txt'), bytes)
    writeFileSync(path.join(dir, 'utf8.txt'), essay)
    const ansi = await run(['-f', 'json', 'ansi.txt'], {cwd: dir})
    expect(ansi.stderr).toBe('essaylint: note: ansi.txt: not UTF-8: read as Windows-1252 (Western European, what Windows calls "ANSI"); if letters look wrong, save it as UTF-8\n')
    expect(ansi.code).toBe(0)
    const utf8 = await run(['-f', 'json', 'utf8.txt'], {cwd: dir})
    expect(JSON.parse(ansi.stdout)[0].messages).toEqual(JSON.parse(utf8.stdout)[0].messages)
    expect((await run(['--print-text', 'ansi.txt'], {cwd: dir})).stdout).toBe(essay)
  })

  it('says a damaged Word file is damaged in one line, exit 2', async () => {
    const dir = scratch()
    writeFileSync(path.join(dir, 'broken.docx'), 'PK\u0003\u0004 not really')
    const result = await run(['broken.docx'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^essaylint: broken\.docx: not a readable zip archive \([^\n]+\)\n$/)
  })
})
