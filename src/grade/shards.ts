/**
 * Grading a class in parts (`essaylint grade --shard i/n`, one CI job each)
 * and putting the parts back together (`essaylint grade --merge a.json …`).
 *
 * A shard is a round-robin share of the listed essays in path order (the
 * order of every report): essay k of the sorted list goes to shard k mod n
 * + 1. Every job lists the same essays from the same checkout, so the shards
 * are disjoint and together hold the class, whatever the machines; their
 * sizes differ by at most one essay. (A zip of submissions is one listed
 * file: all its essays go to one shard.)
 *
 * A shard's JSON report is the ordinary `{summary, essays}` with a `shard`
 * field that says which part it is (`{index, count, essays}`: essays listed
 * in the whole class), so a merge can tell a missing or repeated shard.
 * The merge takes the essays of every report, sorts them by path and
 * recomputes the class summary: the merged report is the one a single run
 * would have written.
 */

import type {Grade} from './score.js'

export interface Shard {
  /** 1-based. */
  index: number
  count: number
}

/** What a shard's report says of itself. */
export interface ShardInfo extends Shard {
  /** Essays listed in the whole class (before sharding). */
  essays: number
}

/** Parse `i/n` (1 ≤ i ≤ n); a usage problem in words otherwise. */
export function parseShard(text: string): Shard | string {
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(text.trim())
  const index = match ? Number(match[1]) : NaN
  const count = match ? Number(match[2]) : NaN
  if (!match || count < 1 || index < 1 || index > count) return `--shard expects i/n with 1 ≤ i ≤ n, such as 2/4, got "${text}"`
  return {index, count}
}

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** This shard's share of the listed essays: every n-th of them in path order. */
export function shardOf(listed: string[], shard: Shard): string[] {
  return [...listed].sort(byPath).filter((_, k) => k % shard.count === shard.index - 1)
}

export class MergeError extends Error {}

interface Report {
  name: string
  essays: Grade[]
  shard?: ShardInfo
}

const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value)
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

function isGrade(value: unknown): value is Grade {
  if (!isObject(value) || typeof value.path !== 'string' || !isNumber(value.score) || !isNumber(value.max) || !Array.isArray(value.criteria)) return false
  return value.criteria.every((c: unknown) => isObject(c) && typeof c.id === 'string' && typeof c.label === 'string' && isNumber(c.score) && isNumber(c.max) && Array.isArray(c.evidence))
}

/** One grade report (`essaylint grade --format json`), checked; a MergeError names the file and what is wrong. */
export function readGradeReport(name: string, text: string): Report {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new MergeError(`${name}: not a grade report (not valid JSON); merge the output of "essaylint grade --format json"`)
  }
  if (!isObject(data) || !isObject(data.summary) || !Array.isArray(data.essays)) throw new MergeError(`${name}: not a grade report (no "summary" and "essays"); merge the output of "essaylint grade --format json"`)
  const bad = data.essays.findIndex((essay) => !isGrade(essay))
  if (bad !== -1) throw new MergeError(`${name}: not a grade report (essay ${bad + 1} has no path, score, max and criteria)`)
  if (data.summary.count !== data.essays.length) throw new MergeError(`${name}: inconsistent: its summary counts ${String(data.summary.count)} essays but it lists ${data.essays.length}; was it edited or cut short?`)
  let shard: ShardInfo | undefined
  if (data.shard !== undefined) {
    const s = data.shard
    if (!isObject(s) || !Number.isInteger(s.index) || !Number.isInteger(s.count) || !Number.isInteger(s.essays) || (s.index as number) < 1 || (s.index as number) > (s.count as number)) {
      throw new MergeError(`${name}: not a grade report (its "shard" is not {index, count, essays})`)
    }
    shard = {index: s.index as number, count: s.count as number, essays: s.essays as number}
  }
  return {name, essays: data.essays as Grade[], shard}
}

/** The rubric a grade was scored with, as far as a report shows it: criteria, their points, the total. */
const rubricOf = (grade: Grade) => JSON.stringify([grade.max, grade.criteria.map((c) => [c.id, c.label, c.max])])

/**
 * The essays of several reports as one class, sorted by path. Refused (a
 * MergeError, one line): reports scored with different rubrics, an essay in
 * two reports, shards of different splits, and a split with a shard missing
 * or given twice.
 */
export function mergeGradeReports(reports: Report[]): Grade[] {
  const sharded = reports.filter((report) => report.shard)
  if (sharded.length > 0) {
    if (sharded.length < reports.length) {
      const plain = reports.find((report) => !report.shard)!
      throw new MergeError(`${plain.name}: not a shard (no "shard" field), unlike ${sharded[0].name}: merge the reports of one --shard split`)
    }
    const first = sharded[0].shard!
    const seen = new Map<number, string>()
    for (const {name, shard} of sharded) {
      if (shard!.count !== first.count || shard!.essays !== first.essays) {
        throw new MergeError(`${name}: shard ${shard!.index}/${shard!.count} of ${shard!.essays} essays does not belong with ${sharded[0].name} (shard ${first.index}/${first.count} of ${first.essays} essays)`)
      }
      const other = seen.get(shard!.index)
      if (other) throw new MergeError(`${name}: shard ${shard!.index}/${shard!.count} is given twice (also ${other})`)
      seen.set(shard!.index, name)
    }
    const missing = Array.from({length: first.count}, (_, i) => i + 1).filter((index) => !seen.has(index))
    if (missing.length > 0) throw new MergeError(`--merge: shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${first.count}`).join(', ')} missing: merge all ${first.count} shards`)
  }
  const where = new Map<string, string>()
  let rubric: {name: string; key: string} | undefined
  const grades: Grade[] = []
  for (const {name, essays} of reports) {
    for (const grade of essays) {
      const other = where.get(grade.path)
      if (other !== undefined) throw new MergeError(`${name}: ${grade.path} is also in ${other}: the reports overlap`)
      where.set(grade.path, name)
      const key = rubricOf(grade)
      rubric ??= {name, key}
      if (key !== rubric.key) throw new MergeError(`${name}: graded with another rubric than ${rubric.name} (criteria or points differ)`)
      grades.push(grade)
    }
  }
  return grades.sort((a, b) => byPath(a.path, b.path))
}
