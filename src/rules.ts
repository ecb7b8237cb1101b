/** The rule registry: every rule essaylint ships, by id. */

import citationReference from '../rules/citation-reference/index.js'
import counterargument from '../rules/counterargument/index.js'
import ethicsCoverage from '../rules/ethics-coverage/index.js'
import missionFacts from '../rules/mission-facts/index.js'
import perspectiveCoverage from '../rules/perspective-coverage/index.js'
import sovereigntyCoverage from '../rules/sovereignty-coverage/index.js'
import thesis from '../rules/thesis/index.js'
import unsupportedClaim from '../rules/unsupported-claim/index.js'
import vagueEvidence from '../rules/vague-evidence/index.js'
import type {EssayRule} from './rule.js'

export const rules: Record<string, EssayRule<any>> = {
  [perspectiveCoverage.meta.id]: perspectiveCoverage,
  [sovereigntyCoverage.meta.id]: sovereigntyCoverage,
  [ethicsCoverage.meta.id]: ethicsCoverage,
  [unsupportedClaim.meta.id]: unsupportedClaim,
  [vagueEvidence.meta.id]: vagueEvidence,
  // Issue 14: rules that check the essay against itself and against the mission data.
  [missionFacts.meta.id]: missionFacts,
  [citationReference.meta.id]: citationReference,
  [thesis.meta.id]: thesis,
  [counterargument.meta.id]: counterargument
}
