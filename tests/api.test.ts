/** The public API: pinned exports, and lint() on text with config. */

import {describe, expect, it} from 'vitest'
import * as api from '../src/index.js'

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'ConfigError',
      'analyze',
      'coverageOf',
      'createProcessor',
      'lint',
      'loadConfig',
      'presets',
      'resolveConfig',
      'rules'
    ])
  })

  it('lint() applies config and reports a bad config as a ConfigError', async () => {
    const text = '# Draft\n\nPeacekeeping is good.\n'
    const file = await api.lint(text, {path: 'draft.md', config: {rules: {'sovereignty-coverage': 'error', 'perspective-coverage': 'off', 'ethics-coverage': 'off', 'unsupported-claim': 'off'}}})
    expect(file.messages.map((m) => [m.ruleId, m.fatal, m.line, m.column])).toEqual([['sovereignty-coverage', true, 1, 1]])
    await expect(api.lint(text, {config: {rules: {'no-rule': 'warn'}}})).rejects.toThrow('unknown rule "no-rule"')
  })

  it('lint() refuses input that is not an essay with a plain message', async () => {
    await expect(api.lint('', {path: 'e.md'})).rejects.toThrow('file is empty: there is no essay to check')
    await expect(api.lint(new Uint8Array([0x61, 0xff, 0x62]), {path: 'e.md'})).rejects.toThrow('not valid UTF-8')
  })
})
