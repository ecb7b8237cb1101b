/**
 * Class statistics over a set of grades: count, mean, median, range and
 * standard deviation of the scores, the same per criterion, and a histogram
 * of the scores in bins of a tenth of the maximum. The class is the whole
 * population, so the standard deviation divides by n.
 */

import type {Grade} from './score.js'

export interface Summary {
  count: number
  mean: number
  median: number
  min: number
  max: number
  standardDeviation: number
}

export interface ClassStats extends Summary {
  /** The points an essay can score (the rubric's total). */
  outOf: number
  criteria: Array<Summary & {id: string; label: string; outOf: number}>
  /** Ten bins from 0 to `outOf`: [from, to) each, the last one closed. */
  histogram: Array<{from: number; to: number; count: number}>
}

const round = (n: number) => Math.round(n * 10) / 10

export function summarize(values: number[]): Summary {
  const count = values.length
  if (count === 0) return {count: 0, mean: 0, median: 0, min: 0, max: 0, standardDeviation: 0}
  const sorted = [...values].sort((a, b) => a - b)
  const mean = values.reduce((sum, v) => sum + v, 0) / count
  const middle = Math.floor(count / 2)
  const median = count % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / count
  return {count, mean: round(mean), median: round(median), min: sorted[0], max: sorted[count - 1], standardDeviation: round(Math.sqrt(variance))}
}

export function classStats(grades: Grade[]): ClassStats {
  const outOf = grades[0]?.max ?? 100
  const bins = 10
  const histogram = Array.from({length: bins}, (_, i) => ({from: round((outOf * i) / bins), to: round((outOf * (i + 1)) / bins), count: 0}))
  for (const g of grades) histogram[Math.min(bins - 1, Math.max(0, Math.floor((g.score / (outOf || 1)) * bins)))].count++
  const criteria = (grades[0]?.criteria ?? []).map((c, i) => ({id: c.id, label: c.label, outOf: c.max, ...summarize(grades.map((g) => g.criteria[i]?.score ?? 0))}))
  return {...summarize(grades.map((g) => g.score)), outOf, criteria, histogram}
}
