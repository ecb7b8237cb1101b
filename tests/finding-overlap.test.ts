/**
 * One finding per problem (src/finding-overlap.ts): a claim resting on a
 * vague appeal is reported once, by vague-evidence, at the higher severity;
 * with vague-evidence off, or where the appeal is not what the claim rests
 * on, unsupported-claim speaks for itself.
 */

import {describe, expect, it} from 'vitest'
import {lint} from '../src/index.js'

const essay = `# Why the Blue Helmets Fail

This essay argues that peacekeeping fails where the host government stops wanting it.

## Consent

Studies show that peacekeeping missions always fail once the host government withdraws its consent.

The mission in Mali began in 2013, and MINUSMA lost more than 300 peacekeepers before it left in 2023 (Karlsrud, 2023). Experts agree that this toll was high, as the figures show.

Consent matters more than the size of a force. A small mission that the government welcomes can do more than a large one it resents.

In conclusion, the UN should stop pretending that consent can be bought with promises.
`

const coverageOff = {'perspective-coverage': 'off', 'sovereignty-coverage': 'off', 'ethics-coverage': 'off'} as const
const findings = async (rules: Record<string, string>) => {
  const file = await lint(essay, {path: 'essay.md', config: {rules: {...coverageOff, ...rules}} as never})
  return file.messages.map((m) => ({rule: m.ruleId, line: m.line, severity: m.fatal === false ? 'warning' : m.fatal ? 'error' : 'info', replaces: (m as {data?: {replaces?: string}}).data?.replaces, text: m.message}))
}

describe('a claim resting on a vague appeal', () => {
  it('is reported once, by vague-evidence at the appeal, taking the warning unsupported-claim gave it', async () => {
    const all = await findings({})
    const line7 = all.filter((f) => f.line === 7)
    expect(line7).toEqual([{rule: 'vague-evidence', line: 7, severity: 'warning', replaces: 'unsupported-claim', text: expect.stringContaining('"Studies show" names no source')}])
  })

  it('comes back as unsupported-claim when vague-evidence is off', async () => {
    const line7 = (await findings({'vague-evidence': 'off'})).filter((f) => f.line === 7)
    expect(line7).toEqual([{rule: 'unsupported-claim', line: 7, severity: 'warning', replaces: undefined, text: expect.stringContaining('rests on "Studies show"')}])
  })

  it('keeps its own severity when it is the higher one (strict: both errors)', async () => {
    const line7 = (await findings({'unsupported-claim': 'info', 'vague-evidence': 'error'})).filter((f) => f.line === 7)
    expect(line7).toEqual([expect.objectContaining({rule: 'vague-evidence', severity: 'error', replaces: 'unsupported-claim'})])
  })
})

describe('other findings are left alone', () => {
  it('an appeal in a sentence unsupported-claim does not flag stands for nothing, and the other claims keep their findings', async () => {
    const all = await findings({})
    // "Experts agree…" after the figures: the appeal is reported, the sentence is no unsupported claim.
    expect(all.filter((f) => f.line === 9)).toEqual([expect.objectContaining({rule: 'vague-evidence', replaces: undefined, text: expect.stringContaining('"Experts agree" names no source')})])
    // Line 11's two unsupported claims: one finding that names the second.
    expect(all.filter((f) => f.rule === 'unsupported-claim').map((f) => f.line)).toEqual([11, 13])
    expect(all.find((f) => f.line === 11)!.text).toMatch(/Also unsupported in this paragraph: "[^"]+"\.$/)
    expect(all.filter((f) => f.replaces !== undefined)).toHaveLength(1)
  })
})
