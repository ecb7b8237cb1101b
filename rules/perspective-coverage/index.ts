/**
 * perspective-coverage: each required theoretical perspective must be
 * explained and applied to peacekeeping, not only named. See README.md.
 */

import {checkConceptList, checksEssay, conceptList, coverageSchema, defaultCoverageOptions, reportAbsentPerspectives, reportCoverage, reportOffTopic, type AbsentPerspective, type CoverageOptions} from '../../src/coverage-rule.js'
import {defineRule} from '../../src/rule.js'

export interface Options extends CoverageOptions {
  /** Concept ids of the perspectives the essay must apply. */
  required: string[]
}

export default defineRule<Options>(
  {
    id: 'perspective-coverage',
    description: 'Each required IR perspective (realism, liberalism, constructivism by default) is explained and applied to peacekeeping, not only named.',
    defaults: {...defaultCoverageOptions, required: ['realism', 'liberalism', 'constructivism']},
    schema: coverageSchema({required: conceptList}),
    validate: (options, concepts) => (options.required === undefined ? undefined : checkConceptList(options.required, 'required', concepts, 'perspective'))
  },
  (model, file, options, {concepts}) => {
    if (!checksEssay(model, options, concepts)) {
      reportOffTopic(model, file)
      return
    }
    const required = typeof options.required === 'string' ? [options.required] : options.required
    // Absent perspectives are said once, together; named-only ones each on the line that names it.
    const absent: AbsentPerspective[] = []
    for (const id of required) {
      const concept = concepts[id]
      if (concept) reportCoverage(model, file, concept, options, absent)
    }
    if (absent.length === 1) reportCoverage(model, file, absent[0].concept, options)
    else if (absent.length > 1) reportAbsentPerspectives(model, file, absent)
  }
)
