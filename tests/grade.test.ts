/** The grading assistant: rubric scores on the sample essays, formats, --min-score, rubric files. */

import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {checkRubric, defaultRubric} from '../src/grade/rubric.js'
import {lintText, only, root, run} from './helpers.js'

interface Grade {
  path: string
  score: number
  max: number
  criteria: Array<{id: string; label: string; score: number; max: number; evidence: string[]}>
}

const essays = 'fixtures/essays'
const grade = async (args: string[]) => await run(['grade', ...args])
const json = async (args: string[]) => (JSON.parse((await grade(['-f', 'json', ...args])).stdout) as {essays: Grade[]}).essays

describe('essaylint grade', async () => {
  const grades = await json([essays])
  const manifest = JSON.parse(readFileSync(path.join(root, essays, 'manifest.json'), 'utf8')) as Array<{file: string; quality: string}>
  const scoreOf = (file: string) => grades.find((g) => g.path === `${essays}/${file}`)!.score

  it('scores every essay out of 100 with the default criteria, each explained', () => {
    expect(grades).toHaveLength(6)
    for (const g of grades) {
      expect(g.max).toBe(100)
      expect(g.criteria.map((c) => c.id)).toEqual(['thesis', 'counterargument', 'claims-supported', 'perspectives', 'sovereignty', 'ethics', 'evidence-quality', 'references'])
      expect(g.score).toBeCloseTo(g.criteria.reduce((sum, c) => sum + c.score, 0), 5)
      for (const c of g.criteria) {
        expect(c.score).toBeGreaterThanOrEqual(0)
        expect(c.score).toBeLessThanOrEqual(c.max)
        expect(c.evidence.length).toBeGreaterThan(0)
      }
    }
  })

  it('ranks the essays by their evident quality: strong above good above weak', () => {
    const tiers = ['strong', 'good', 'weak'].map((quality) => manifest.filter((e) => e.quality === quality).map((e) => scoreOf(e.file)))
    expect(Math.min(...tiers[0])).toBeGreaterThan(Math.max(...tiers[1]))
    expect(Math.min(...tiers[1])).toBeGreaterThan(Math.max(...tiers[2]) + 30)
  })

  it('explains the points with lines and findings', () => {
    const mali = grades.find((g) => g.path.endsWith('mali-sovereignty.md'))!
    const perspectives = mali.criteria.find((c) => c.id === 'perspectives')!
    expect(perspectives.evidence).toEqual([expect.stringMatching(/^realism applied \(lines? [\d, ]+\)$/), expect.stringMatching(/^liberalism applied/), 'constructivism absent'])
    expect(perspectives.score).toBe(16.7)
    expect(mali.criteria.find((c) => c.id === 'ethics')).toMatchObject({score: 3, evidence: ['ethics named (only in passing, line 39)']})
    const weak = grades.find((g) => g.path.endsWith('weak-no-theory.md'))!
    expect(weak.criteria.find((c) => c.id === 'evidence-quality')!.evidence.at(-1)).toMatch(/^14 vague appeals \(−14\): lines 3, 5/)
    // References: an entry, but nothing in the text cites it; a strong essay's author citations all have entries.
    expect(weak.criteria.find((c) => c.id === 'references')).toMatchObject({score: 0, max: 5, evidence: ['1 reference entry, but no citation in the text']})
    expect(grades.find((g) => g.path.endsWith('strong-three-lenses.md'))!.criteria.find((c) => c.id === 'references')).toMatchObject({score: 5, evidence: ['20 of 20 citations by author have an entry']})
  })

  it('scores the thesis and the counter-argument as the thesis and counterargument rules judge them', async () => {
    const thesis = async (file: string) => (await json([file]))[0].criteria.find((c) => c.id === 'thesis')!
    const counter = async (file: string) => (await json([file]))[0].criteria.find((c) => c.id === 'counterargument')!
    // A position taken, a topic announced (the rule's info finding), a conclusion that drops the position.
    expect(await thesis('fixtures/rules/thesis/ok-thesis-returned-to.md')).toMatchObject({score: 10, evidence: [expect.stringMatching(/^position line 3: "This essay argues that/)]})
    expect(await thesis('fixtures/rules/thesis/not-ok-topic-announcement.md')).toMatchObject({score: 4, evidence: [expect.stringMatching(/^line 3: "This essay will discuss peacekeeping in Africa and…" announces a topic, takes no position$/)]})
    expect(await thesis('fixtures/rules/thesis/not-ok-conclusion-elsewhere.md')).toMatchObject({score: 7, evidence: [expect.stringMatching(/^position line/), 'the conclusion (line 19) never comes back to it']})
    // Answered, unanswered, never met: the three examples of the counterargument rule.
    expect(await counter('fixtures/rules/counterargument/ok-objection-answered.md')).toMatchObject({score: 10, evidence: ['opposing view considered (line 19)', 'answered: line 19']})
    expect(await counter('fixtures/rules/counterargument/not-ok-objection-unanswered.md')).toMatchObject({score: 5, evidence: ['opposing view considered (line 19)', 'objection never answered: line 19']})
    expect(await counter('fixtures/rules/counterargument/not-ok-no-counterargument.md')).toMatchObject({score: 0, evidence: ['no opposing view considered']})
  })

  it('scores the counter-argument as the thesis when the essay takes no position, as the counterargument rule is silent then', async () => {
    const announced = path.join(root, 'fixtures/rules/thesis/not-ok-topic-announcement.md')
    // An answer that restates the question and reports: no thesis at all.
    const untold = path.join(mkdtempSync(path.join(tmpdir(), 'essaylint-grade-')), 'report.md')
    const report = ['# The UN in Liberia', 'What did the UN do in Liberia after 2003?', '## The mission', 'The UN Mission in Liberia deployed 15,000 troops in 2003 (United Nations, 2003). It disarmed more than 100,000 fighters by 2004 (Paes, 2005).', '## The elections', 'Elections were held in 2005, and Ellen Johnson Sirleaf won the presidency (Harris, 2006).']
    writeFileSync(untold, report.join('\n\n') + '\n')
    const graded = await json([announced, untold])
    const criterion = (file: string, id: string) => graded.find((g) => g.path.endsWith(path.basename(file)))!.criteria.find((c) => c.id === id)!
    // A topic announced: the thesis's part credit (4 of 10), on both lines.
    expect(criterion(announced, 'thesis')).toMatchObject({score: 4, max: 10})
    expect(criterion(announced, 'counterargument')).toMatchObject({score: 4, max: 10, evidence: [expect.stringMatching(/^not applicable: no position to defend \(line 3: "This essay will discuss peacekeeping in Africa and…" announces a topic, takes no position\); scored as the thesis$/)]})
    // No thesis: 0 on both.
    expect(criterion(untold, 'thesis')).toMatchObject({score: 0})
    expect(criterion(untold, 'counterargument')).toMatchObject({score: 0, evidence: ['not applicable: no position to defend (no thesis found in the introduction); scored as the thesis']})
    expect(graded.map((g) => g.max)).toEqual([100, 100])
    for (const file of [announced, untold]) expect(await lintText(readFileSync(file, 'utf8'), {path: 'essay.md', config: only('counterargument')})).toEqual([])
  })

  it('is deterministic', async () => {
    expect(await json([essays])).toEqual(grades)
  })

  it('text, markdown and csv formats', async () => {
    const text = (await grade([essays])).stdout
    expect(text.split('\n')[0]).toMatch(/^essay\s+score\s+Thesis\s+Counter-argument\s+Claims supported\s+Theoretical perspectives\s+Sovereignty\s+Ethics\s+Evidence quality\s+References$/)
    expect(text).toContain('fixtures/essays/weak-no-theory.md: ')
    const markdown = (await grade(['-f', 'markdown', essays])).stdout
    expect(markdown.startsWith('## essaylint grades\n\n| Essay | Score | Thesis | Counter-argument | Claims supported |')).toBe(true)
    expect(markdown).toContain('<details><summary>fixtures/essays/weak-no-theory.md: ')
    const csv = (await grade(['-f', 'csv', essays])).stdout.trimEnd().split('\r\n')
    expect(csv[0]).toBe('path,score,max,thesis,counterargument,claims-supported,perspectives,sovereignty,ethics,evidence-quality,references')
    expect(csv).toHaveLength(7)
    for (const row of csv.slice(1)) expect(row.split(',')).toHaveLength(11)
  })

  it('--min-score exits 1 when any essay scores below it, 0 otherwise', async () => {
    expect((await grade(['--min-score', '50', essays])).code).toBe(1)
    expect((await grade(['--min-score', '10', essays])).code).toBe(0)
    expect(await grade(['--min-score', 'x', essays])).toMatchObject({code: 2, stderr: 'essaylint: --min-score expects a number, got "x". Run "essaylint --help" for usage.\n'})
  })
})

describe('rubrics', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'essaylint-rubric-'))
  const write = (name: string, text: string) => {
    writeFileSync(path.join(dir, name), text)
    return path.join(dir, name)
  }
  const essay = path.join(essays, 'mali-sovereignty.md')

  it('changing weights changes scores as documented', async () => {
    const base = (await json([essay]))[0]
    const file = write('weights.json', '{"weights": {"ethics": 25, "perspectives": 10}}')
    const changed = (await json(['--rubric', file, essay]))[0]
    expect(changed.max).toBe(100)
    // Ethics named: 0.3 of 25 points; perspectives: two of three applied, 2/3 of 10 (of 25 before).
    expect(changed.criteria.find((c) => c.id === 'ethics')!.score).toBe(7.5)
    expect(changed.criteria.find((c) => c.id === 'perspectives')!.score).toBe(6.7)
    expect(changed.score).toBeCloseTo(base.score - 3 + 7.5 - 16.7 + 6.7, 5)
  })

  it('a course can add a concept criterion (YAML) or replace the rubric', async () => {
    const added = write('add.yaml', 'add:\n  - id: english-school\n    label: English School\n    type: concept\n    max: 10\n    options: {concept: english-school}\nremove: [evidence-quality]\n')
    const g = (await json(['--rubric', added, essay]))[0]
    expect(g.criteria.map((c) => c.id)).toEqual(['thesis', 'counterargument', 'claims-supported', 'perspectives', 'sovereignty', 'ethics', 'references', 'english-school'])
    expect(g.criteria.at(-1)).toMatchObject({score: 0, max: 10, evidence: ['english school absent']})
    const replaced = write('own.json', JSON.stringify({criteria: [{id: 'sov', label: 'Sovereignty only', type: 'concept', max: 50, options: {concept: 'sovereignty'}}]}))
    expect((await json(['--rubric', replaced, essay]))[0]).toMatchObject({score: 50, max: 50})
  })

  it.each([
    ['missing.json', null, 'rubric file not found'],
    ['broken.json', '{"criteria": [', 'cannot parse'],
    ['unknown.json', '{"criterias": []}', 'unknown key "criterias"'],
    ['type.json', '{"criteria": [{"id": "x", "label": "X", "type": "vibes", "max": 10}]}', 'criterion "x": "type" must be one of thesis, counterargument, claims-supported, perspectives, concept, evidence-quality'],
    ['weights.json', '{"weights": {"style": 5}}', '"weights": no criterion "style"'],
    ['negative.json', '{"weights": {"thesis": -5}}', '"weights": points for "thesis" must be a number from 0 to 1000'],
    ['option.json', '{"add": [{"id": "c", "label": "C", "type": "concept", "max": 5}]}', 'criterion "c": a "concept" criterion needs the option "concept"'],
    ['dup.json', '{"add": [{"id": "thesis", "label": "Again", "type": "thesis", "max": 5}]}', 'two criteria have the id "thesis"']
  ])('a bad rubric (%s) is exit 2 with one line naming it', async (name, text, expected) => {
    const file = text === null ? path.join(dir, name) : write(name, text)
    const result = await grade(['--rubric', file, essay])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(`essaylint: ${file}: ${result.stderr.slice(`essaylint: ${file}: `.length)}`)
    expect(result.stderr).toContain(expected)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('the default rubric is valid and adds up to 100', () => {
    expect(defaultRubric().criteria.reduce((sum, c) => sum + c.max, 0)).toBe(100)
    expect(() => checkRubric({criteria: []}, 'r.json')).toThrow('r.json: "criteria" must be a non-empty list')
  })
})

describe('a whole class in parallel', () => {
  it('grades a folder of many essays across worker processes with the same scores as one by one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'essaylint-class-'))
    const sources = ['weak-no-theory.md', 'mali-sovereignty.md', 'rwanda-case-study.txt']
    for (let i = 0; i < 30; i++) {
      const source = sources[i % sources.length]
      writeFileSync(path.join(dir, `student-${String(i).padStart(2, '0')}-${source}`), readFileSync(path.join(root, essays, source)))
    }
    writeFileSync(path.join(dir, 'broken.md'), Buffer.from([0, 1, 2, 3]))
    const result = await run(['grade', '-f', 'json', '.'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('essaylint: broken.md: binary file, not an essay (expected Markdown or plain text)\n')
    const grades = (JSON.parse(result.stdout) as {essays: Grade[]}).essays
    expect(grades).toHaveLength(30)
    expect(grades.map((g) => g.path)).toEqual([...grades.map((g) => g.path)].sort())
    const single = Object.fromEntries(await Promise.all(sources.map(async (s) => [s, (await json([`${essays}/${s}`]))[0].score])))
    for (const g of grades) expect(g.score).toBe(single[g.path.replace(/^student-\d+-/, '')])
  })
})
