/**
 * sovereignty-coverage: the essay must treat state sovereignty in depth
 * (consent, non-intervention, Chapter VII, R2P), not in passing. See README.md.
 */

import {defineTopicCoverageRule} from '../../src/coverage-rule.js'

export default defineTopicCoverageRule(
  'sovereignty-coverage',
  'sovereignty',
  'The essay treats state sovereignty (consent, non-intervention, Chapter VII, R2P) in depth, applied to a case.'
)
