/**
 * Coverage of perspectives, sovereignty and ethics as a small chart: one row
 * per concept, three steps (absent, named, applied) filled up to its status.
 * The status is also written in words, so the chart needs no colour to read.
 */

import type {Element} from 'hast'
import {h} from 'hastscript'
import type {Outline} from '../../reporters/outline.js'

const steps = ['absent', 'named', 'applied'] as const

export function coverageTree(concepts: Outline['concepts']): Element {
  const rows = Object.entries(concepts).map(([id, c]) => {
    const level = steps.indexOf(c.status)
    const where = c.lines.length > 0 ? `line${c.lines.length > 1 ? 's' : ''} ${c.lines.slice(0, 5).join(', ')}${c.lines.length > 5 ? ', …' : ''}` : ''
    return h('li', {className: ['coverage-row', `coverage-${c.status}`], dataConcept: id}, [
      h('span', {className: ['coverage-label']}, c.label),
      h(
        'span',
        {className: ['coverage-meter'], ariaHidden: 'true'},
        steps.slice(1).map((_, i) => h('span', {className: ['coverage-step', i < level ? 'filled' : 'empty']}))
      ),
      h('span', {className: ['coverage-status']}, c.status),
      where ? h('span', {className: ['coverage-where']}, where) : ''
    ])
  })
  return h('ul', {className: ['coverage'], ariaLabel: 'Coverage: absent, named in passing, or applied to the case'}, rows)
}
