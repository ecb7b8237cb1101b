/**
 * A class's zip as Canvas, Moodle and Blackboard make it, graded by student;
 * and the hostile zips refused with one line each.
 */

import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {submissionOf} from '../src/readers/submissions.js'
import {root, run} from './helpers.js'
import {makeZip, type RawEntry} from './zip-helper.js'

/** The real binary, without blocking the test worker's event loop (vitest reports progress through it). */

const documents = path.join(root, 'fixtures/documents')
const doc = (name: string) => readFileSync(path.join(documents, name))
const essay = (name: string) => readFileSync(path.join(root, 'fixtures/essays', name))

function zipIn(entries: RawEntry[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'essaylint-zip-'))
  writeFileSync(path.join(dir, 'class.zip'), makeZip(entries))
  return dir
}

/** Grade a zip: the student column and scores, and the stderr lines. */
async function grade(dir: string) {
  const result = await run(['grade', '-f', 'json', 'class.zip'], {cwd: dir})
  const grades = result.stdout ? (JSON.parse(result.stdout) as {essays: Array<{path: string; score: number}>}).essays : []
  return {code: result.code, grades: grades.map((g) => [g.path, g.score]), errors: result.stderr.split('\n').filter(Boolean)}
}

describe('names of submissions', () => {
  it.each([
    ['doejane_12345_67890_Mali essay.docx', 'doejane', 'canvas'],
    ['smithjohn_LATE_22222_33333_final.pdf', 'smithjohn', 'canvas'],
    ['Jane Doe_12345_assignsubmission_file_/lenses.odt', 'Jane Doe', 'moodle'],
    ['Essay 1_jdoe_attempt_2026-11-30-09-15-00_Mali.docx', 'jdoe', 'blackboard'],
    ['Ann Lee/draft.md', 'Ann Lee', 'folder'],
    ['essay-by-kim.txt', 'essay-by-kim', 'file']
  ])('%s is by %s (%s)', (entry, student, layout) => {
    expect(submissionOf(entry)).toMatchObject({student, layout})
  })

  it('knows a Blackboard receipt from an essay', async () => {
    expect(submissionOf('Essay 1_jdoe_attempt_2026-11-30-09-15-00.txt').receipt).toBe(true)
    expect(submissionOf('Essay 1_jdoe_attempt_2026-11-30-09-15-00_notes.txt').receipt).toBe(false)
  })
})

describe('a class zip is graded by student', () => {
  it('Canvas: one file per student, a late one, an old .doc said in one line', async () => {
    const dir = zipIn([
      {name: 'doejane_12345_67890_Mali essay.docx', data: doc('mali-sovereignty.docx')},
      {name: 'smithjohn_LATE_22222_33333_final.pdf', data: doc('weak-no-theory.pdf')},
      {name: 'leeann_44444_55555_rwanda.txt', data: essay('rwanda-case-study.txt')},
      {name: '__MACOSX/._doejane_12345_67890_Mali essay.docx', data: 'resource fork'},
      {name: 'brownbob_66666_77777_essay.doc', data: 'old Word'}
    ])
    expect(await grade(dir)).toEqual({
      code: 2,
      grades: [
        ['class.zip#doejane.docx', 84.7],
        ['class.zip#leeann.txt', 94.2],
        ['class.zip#smithjohn.pdf', 28.5]
      ],
      errors: ['essaylint: class.zip: skipped 1 file essaylint cannot read: 1 .doc (save them as .docx, .pdf or .txt to include them)']
    })
  })

  it('Moodle: a folder per student', async () => {
    const dir = zipIn([
      {name: 'Jane Doe_12345_assignsubmission_file_/lenses.odt', data: doc('strong-three-lenses.odt')},
      {name: 'Ann Lee_67890_assignsubmission_file_/rwanda.html', data: doc('rwanda-case-study.html')}
    ])
    expect(await grade(dir)).toEqual({code: 0, grades: [['class.zip#Ann Lee.html', 94.2], ['class.zip#Jane Doe.odt', 98.6]], errors: []})
  })

  it('Blackboard: the receipts are not essays', async () => {
    const dir = zipIn([
      {name: 'Essay 1_jdoe_attempt_2026-11-30-09-15-00_Mali.docx', data: doc('mali-sovereignty.docx')},
      {name: 'Essay 1_jdoe_attempt_2026-11-30-09-15-00.txt', data: 'Name: Jane Doe\nAssignment: Essay 1\n'},
      {name: 'Essay 1_bsmith_attempt_2026-11-30-10-00-00_weak.docx', data: doc('weak-no-theory.docx')},
      {name: 'Essay 1_bsmith_attempt_2026-11-30-10-00-00.txt', data: 'Name: B Smith\n'}
    ])
    expect(await grade(dir)).toEqual({code: 0, grades: [['class.zip#bsmith.docx', 28.5], ['class.zip#jdoe.docx', 84.7]], errors: []})
  })

  it('linting a zip names each essay by student in the report', async () => {
    const dir = zipIn([{name: 'Jane Doe_1_assignsubmission_file_/e.md', data: essay('weak-no-theory.md')}])
    const result = await run(['-f', 'json', 'class.zip'], {cwd: dir})
    expect(JSON.parse(result.stdout).map((r: {path: string}) => r.path)).toEqual(['class.zip#Jane Doe.md'])
  })
})

describe('hostile zips are refused with one line each, and the rest is graded', () => {
  const good = {name: 'doejane_1_2_essay.docx', data: doc('mali-sovereignty.docx')}

  it('unsafe paths, a zip inside the zip, an entry over 20 MB', async () => {
    const dir = zipIn([
      {name: '../../escape.md', data: 'x'},
      {name: '/etc/absolute.md', data: 'x'},
      {name: 'C:\\Users\\evil.md', data: 'x'},
      {name: 'inner.zip', data: makeZip([good])},
      // 30 MB of zeros: 30 kB in the zip, refused from its directory, never inflated.
      {name: 'bomb_3_4_essay.docx', data: Buffer.alloc(30 * 1024 * 1024)},
      good
    ])
    const result = await grade(dir)
    expect(result.grades).toEqual([['class.zip#doejane.docx', 84.7]])
    expect(result.errors).toEqual([
      'essaylint: class.zip: ../../escape.md: unsafe path inside the archive (relative path: ../../escape.md): skipped',
      'essaylint: class.zip: /etc/absolute.md: unsafe path inside the archive (absolute path: /etc/absolute.md): skipped',
      'essaylint: class.zip: C:/Users/evil.md: unsafe path inside the archive (absolute path: C:/Users/evil.md): skipped',
      'essaylint: class.zip: inner.zip: a zip inside the zip: skipped (unzip it and run essaylint on its folder)',
      'essaylint: class.zip: bomb_3_4_essay.docx: decompresses to 30 MB; essaylint reads entries up to 20 MB: skipped'
    ])
    expect(result.code).toBe(2)
  })

  it('more than 5,000 entries, more than 500 MB in all, sizes that lie', async () => {
    const many = zipIn([...Array.from({length: 5001}, (_, i) => ({name: `f${i}.png`, data: ''})), good])
    expect(await grade(many)).toEqual({code: 2, grades: [], errors: ['essaylint: class.zip: the archive has 5,002 entries; essaylint reads at most 5,000']})
    // Each entry claims 19 MB: the 27th passes 500 MB, before any is inflated.
    const huge = zipIn([good, ...Array.from({length: 30}, (_, i) => ({name: `scan${i}.png`, data: 'x', declaredSize: 19 * 1024 * 1024}))])
    expect(await grade(huge)).toEqual({code: 2, grades: [], errors: ['essaylint: class.zip: the archive decompresses to more than 500 MB; essaylint reads at most 500 MB']})
    const liar = zipIn([{name: 'liar_1_2_essay.md', data: Buffer.alloc(5 * 1024 * 1024, 'a'), declaredSize: 100}])
    const lied = await grade(liar)
    expect(lied.errors).toHaveLength(1)
    expect(lied.errors[0]).toMatch(/^essaylint: class\.zip: the archive is damaged \(too many bytes in the stream/)
  })
})
