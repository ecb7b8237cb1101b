/**
 * ethics-coverage: the essay must treat the ethics of peacekeeping in depth
 * (use of force, protection of civilians, impartiality, accountability), not
 * in passing. See README.md.
 */

import {defineTopicCoverageRule} from '../../src/coverage-rule.js'

export default defineTopicCoverageRule(
  'ethics-coverage',
  'ethics',
  'The essay treats the ethics of peacekeeping (use of force, protection of civilians, impartiality, accountability) in depth, applied to a case.'
)
