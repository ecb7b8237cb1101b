/**
 * The rubric score: the total, then each criterion with its points as a bar
 * and the evidence the grader gave for them.
 */

import type {Element} from 'hast'
import {h} from 'hastscript'
import type {Grade} from '../../grade/score.js'

export const points = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1))

/** 0–4: how full a criterion is, for its colour (the same steps as the heatmap). */
export const band = (score: number, max: number) => (max <= 0 ? 4 : Math.min(4, Math.floor((score / max) * 4.999)))

export function scoreTree(grade: Grade): Element {
  return h('div', {className: ['score']}, [
    h('p', {className: ['score-total']}, [h('span', {className: ['score-value']}, points(grade.score)), h('span', {className: ['score-max']}, ` / ${points(grade.max)}`)]),
    h(
      'ul',
      {className: ['criteria']},
      grade.criteria.map((c) =>
        h('li', {className: ['criterion'], dataCriterion: c.id}, [
          h('p', {className: ['criterion-head']}, [h('span', {className: ['criterion-label']}, c.label), h('span', {className: ['criterion-points']}, `${points(c.score)} / ${points(c.max)}`)]),
          h('span', {className: ['criterion-bar'], ariaHidden: 'true'}, [h('span', {className: ['criterion-fill', `band-${band(c.score, c.max)}`], style: `width:${c.max > 0 ? Math.round((c.score / c.max) * 100) : 100}%`})]),
          h('ul', {className: ['criterion-evidence']}, c.evidence.map((e) => h('li', e)))
        ])
      )
    )
  ])
}
