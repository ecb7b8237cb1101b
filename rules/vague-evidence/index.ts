/**
 * vague-evidence: appeals such as "studies show" or "experts agree" that
 * stand in for evidence without naming any. See README.md.
 */

import {argumentOf} from '../../src/model/argument.js'
import {defineRule} from '../../src/rule.js'

export type Options = Record<string, never>

export default defineRule<Options>(
  {
    id: 'vague-evidence',
    description: 'Vague appeals ("studies show", "experts agree", "it is well known") that stand in for a named source.',
    defaults: {},
    // "Unsupported claim: …rests on 'studies show'…" on the same sentence says the same thing.
    replaces: ['unsupported-claim'],
    schema: {type: 'object', properties: {}, additionalProperties: false},
    messages: {
      vague: '"{{appeal}}" names no source: say which study, expert or report you mean (author and year), or give its figures.'
    }
  },
  (model, _file, _options, {report}) => {
    for (const item of argumentOf(model).sentences) {
      // An appeal next to a real citation in the same sentence is not standing in for it.
      if (item.vague.length === 0 || item.evidence.some((e) => e.kind === 'citation' || e.kind === 'data')) continue
      for (const appeal of item.vague) {
        const message = report('vague', {appeal: appeal.text}, appeal.range)
        Object.assign(message, {note: 'A reader cannot check "studies" or "experts" that have no name; a marker will read it as an unsupported claim.'})
      }
    }
  }
)
