/**
 * How a finding looks: a colour per rule (a stable hue, so a rule added later
 * gets one without a change here) and a weight per severity. The colours are
 * CSS custom properties defined in styles.ts for light and dark mode, where
 * their contrast with the text is checked.
 */

import type {SeverityName} from '../../reporters/json.js'

/** The rules shipped today, each on its own hue; others take one by hash. */
const known: Record<string, number> = {
  'unsupported-claim': 0,
  'vague-evidence': 1,
  'perspective-coverage': 2,
  'sovereignty-coverage': 3,
  'ethics-coverage': 4
}

export const hueCount = 8

export function hueOf(ruleId: string): number {
  if (Object.hasOwn(known, ruleId)) return known[ruleId]
  let hash = 0
  for (const char of ruleId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  return hash % hueCount
}

export const severityLabel: Record<SeverityName, string> = {error: 'Error', warning: 'Warning', info: 'Hint'}

/** Words for a rule id in a page: "unsupported-claim" → "Unsupported claim". */
export function ruleLabel(ruleId: string): string {
  const words = ruleId.replace(/-/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}
