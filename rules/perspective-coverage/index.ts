/**
 * perspective-coverage: each required theoretical perspective must be
 * explained and applied to peacekeeping, not only named. See README.md.
 */

import {checkConceptList, checksEssay, conceptList, coverageSchema, defaultCoverageOptions, reportAbsentPerspectives, reportCoverage, reportOffTopic, scopeOfTitle, thresholdsFor, type AbsentPerspective, type CoverageOptions} from '../../src/coverage-rule.js'
import {defineRule} from '../../src/rule.js'

export interface Options extends CoverageOptions {
  /** Concept ids of the perspectives the essay must apply. */
  required: string[]
  /**
   * Say once, at info, that an essay is not on the course topic (default
   * false: instructors reading real essays took the note for a remark about
   * the tool, not feedback, so an essay on another topic meets silence).
   */
  offTopicNote: boolean
}

export default defineRule<Options>(
  {
    id: 'perspective-coverage',
    description: 'Each required IR perspective (realism, liberalism, constructivism by default) is explained and applied to peacekeeping, not only named.',
    defaults: {...defaultCoverageOptions, required: ['realism', 'liberalism', 'constructivism'], offTopicNote: false},
    schema: coverageSchema({required: conceptList, offTopicNote: {type: 'boolean'}}),
    validate: (options, concepts) => (options.required === undefined ? undefined : checkConceptList(options.required, 'required', concepts, 'perspective'))
  },
  (model, file, options, {concepts}) => {
    if (!checksEssay(model, options, concepts)) {
      if (options.offTopicNote) reportOffTopic(model, file)
      return
    }
    const required = typeof options.required === 'string' ? [options.required] : options.required
    // Absent perspectives are said once, together; named-only ones each on the line that names it.
    const absent: AbsentPerspective[] = []
    // A title that compares named perspectives sets the question: the others are only noted.
    const scope = scopeOfTitle(model, concepts)
    const thresholds = thresholdsFor(model, options, concepts)
    for (const id of required) {
      const concept = concepts[id]
      if (!concept) continue
      const framing = scope && {scope, outside: !scope.perspectives.includes(id)}
      reportCoverage(model, file, concept, thresholds, framing?.outside ? undefined : absent, framing)
    }
    if (absent.length === 1) reportCoverage(model, file, absent[0].concept, thresholds, undefined, scope && {scope, outside: false})
    else if (absent.length > 1) reportAbsentPerspectives(model, file, absent)
  }
)
