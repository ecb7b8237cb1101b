/**
 * The instructor's marks of the real essays on the course topic
 * (fixtures/real/instructor-ranking.json), which `npm run eval` ranks `grade`
 * against. The marks cover exactly the essays labelled "peacekeeping", and
 * their reasons never copy the essays' words (checked where the essays are).
 */

import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
// @ts-expect-error: a plain ES module without types (the eval script itself)
import {gradeRanking, instructorRanking, spearman} from '../scripts/eval.mjs'
// @ts-expect-error: a plain ES module without types
import {realCorpusAvailable, realDir, realLabels} from '../scripts/real-corpus.mjs'

type Mark = {essay: string; mark: number; why: string}
const ranking = instructorRanking() as {grader: string; date: string; method: string; essays: Mark[]}
const onTopic = (realLabels() as {essay: string; topic: string}[]).filter((d) => d.topic === 'peacekeeping').map((d) => d.essay)

describe('the instructor ranking', () => {
  it('marks every real essay labelled on the course topic, once each, and no other', () => {
    expect(ranking.essays.map((e) => e.essay).sort()).toEqual([...onTopic].sort())
  })

  it('gives each essay a whole mark out of 100 and a reason', () => {
    for (const e of ranking.essays) {
      expect(Number.isInteger(e.mark) && e.mark >= 0 && e.mark <= 100, e.essay).toBe(true)
      expect(e.why.length, e.essay).toBeGreaterThan(40)
    }
  })

  // The hard rule on the real essays: no sentence or phrase of them in the project.
  it.skipIf(!realCorpusAvailable())('never shares a run of six words with the essay it marks', () => {
    const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []
    const runs = (list: string[]) => new Set(list.slice(0, Math.max(list.length - 5, 0)).map((_, i) => list.slice(i, i + 6).join(' ')))
    for (const e of ranking.essays) {
      const essay = runs(words(readFileSync(path.join(realDir, e.essay), 'utf8')))
      const shared = [...runs(words(e.why))].filter((run) => essay.has(run))
      expect(shared, e.essay).toEqual([])
    }
  })
})

describe('Spearman ρ of npm run eval', () => {
  it('is 1 for the same order, -1 for the reverse, and averages the ranks of ties', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBe(1)
    expect(spearman([1, 2, 3, 4], [40, 30, 20, 10])).toBe(-1)
    // ranks x: 1 2 3 4, y: 1.5 1.5 3 4 → ρ = 0.949
    expect(spearman([1, 2, 3, 4], [5, 5, 6, 7])).toBe(0.949)
  })

  it.skipIf(!realCorpusAvailable())('ranks grade against the instructor on all the marked essays', async () => {
    const result = await gradeRanking()
    expect(result.instructor.essays).toBe(ranking.essays.length)
    expect(result.instructor.unmarked).toEqual([])
    expect(result.proxy.essays).toBe(onTopic.length)
    expect(Math.abs(result.instructor.rho)).toBeLessThanOrEqual(1)
  }, 120_000)
})
