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
      'vague-evidence': 'info'
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
      'vague-evidence': 'error'
    }
  }
}
