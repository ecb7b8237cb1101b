/**
 * The list of findings under the essay: each with its rule, severity, line,
 * the message (what to fix) and the note (why it matters). The marks in the
 * text point here (aria-describedby), and the tooltip shows the same entry.
 */

import type {Element} from 'hast'
import {h} from 'hastscript'
import type {JsonMessage} from '../../reporters/json.js'
import {findingId, markId} from './essay-text.js'
import {hueOf, ruleLabel, severityLabel} from './rule-style.js'

export function findingsTree(messages: JsonMessage[], idPrefix: string): Element {
  if (messages.length === 0) {
    return h('p', {className: ['no-findings']}, 'No findings: every claim essaylint found is supported, and the perspectives, sovereignty and ethics are covered.')
  }
  return h(
    'ol',
    {className: ['findings']},
    messages.map((m, index) =>
      h('li', {id: findingId(idPrefix, index), className: ['finding-item', `hue-${hueOf(m.ruleId)}`, `severity-${m.severity}`], dataRule: m.ruleId}, [
        h('p', {className: ['finding-head']}, [
          h('a', {href: `#${markId(idPrefix, index)}`, className: ['finding-link']}, [h('span', {className: ['finding-badge']}, String(index + 1)), ` ${severityLabel[m.severity]} · ${ruleLabel(m.ruleId)}`]),
          h('span', {className: ['finding-line']}, ` line ${m.line}`)
        ]),
        h('p', {className: ['finding-message']}, m.message),
        ...(m.note ? [h('p', {className: ['finding-note']}, m.note)] : [])
      ])
    )
  )
}
