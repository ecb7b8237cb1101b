/**
 * Presets are plain lists: which rules are on, at what severity, and why.
 * `essaylint:recommended` is the default when no config says otherwise.
 */

import type {UserConfig} from './resolve.js'

export const presets: Record<string, UserConfig> = {
  'essaylint:recommended': {
    rules: {
      // The three lenses a course on peacekeeping expects to see applied.
      'perspective-coverage': 'warn',
      // Consent and intervention are the core tension of the topic.
      'sovereignty-coverage': 'warn',
      // Use of force, protection and accountability: the moral stakes.
      'ethics-coverage': 'warn',
      // A claim with nothing behind it is the most common weakness of a draft.
      'unsupported-claim': 'warn',
      // "Studies show" without a study: a hint, not a failure.
      'vague-evidence': 'info',
      // A mission's name, place or years contradicting the UN's list: a
      // factual error a marker will mark, so a warning.
      'mission-facts': 'warn',
      // A citation the reader cannot follow to an entry is a referencing
      // error markers deduct for; entries never cited are info (advisory).
      'citation-reference': 'warn',
      // No position, or a conclusion that drops it: the first thing a marker
      // looks for. A topic announcement is info (advisory): a hint to sharpen.
      thesis: 'warn',
      // An essay that never meets the other side, or raises an objection and
      // leaves it standing, has not tested its thesis: a marker's comment on
      // nearly every first draft, so a warning. Silent for essays without a
      // thesis or under 600 words, where no counter-argument is expected.
      counterargument: 'warn'
    }
  },
  'essaylint:strict': {
    extends: 'essaylint:recommended',
    rules: {
      // For graded submissions: every gap fails, and "applied" means a
      // developed paragraph (three sentences using the perspective's ideas).
      'perspective-coverage': ['error', {minSentences: 3}],
      'sovereignty-coverage': ['error', {minSentences: 3}],
      'ethics-coverage': ['error', {minSentences: 3}],
      'unsupported-claim': 'error',
      'vague-evidence': 'error',
      'mission-facts': 'error',
      'citation-reference': 'error',
      thesis: 'error',
      counterargument: 'error'
    }
  }
}
