/**
 * The coverage rules on the wording real essays use (invented essays in the
 * style of the real-essay split): ethics argued as inaction, a duty to protect
 * or harm done; sovereignty as non-intervention and internal affairs rather
 * than the word itself; a theory applied without its name; an argument set out
 * one sentence per line. Each case has its twin that must still be flagged.
 */

import {describe, expect, it} from 'vitest'
import {analyze, coverageOf, lint} from '../src/index.js'

async function findings(text: string): Promise<string[]> {
  const result = await lint(text, {path: 'essay.md', rules: {'unsupported-claim': 'off', 'vague-evidence': 'off'}})
  return result.messages
    .filter((m) => /-coverage$/.test(m.ruleId ?? ''))
    .flatMap((m) => {
      const data = (m as unknown as {data: {concept: string; concepts?: string[]; status: string}}).data
      return (data.concepts ?? [data.concept]).map((concept) => `${m.ruleId} ${concept} ${data.status} ${m.line}`)
    })
}

const of = (list: string[], concept: string) => list.filter((f) => f.split(' ')[1] === concept)

// Every essay opens like this: on the course topic, with realism and constructivism applied, so
// that each test is about one concept only.
const opening = `# The Security Council and Rwanda, 1994

This essay argues that the failure of UNAMIR in 1994 was a political choice.

Realists explain the Council's choice by national interest. Because no great power had a strategic interest in Rwanda, the United States and France would not pay for a stronger mandate for UNAMIR, and the mission was cut in April 1994.

Constructivists explain the Secretariat's caution by its culture. A norm of caution had become part of the identity of UN staff, so peacekeepers in Kigali read the killing as a civil war.
`

const ethicsArgued = `
Leaving civilians to be killed was a moral failure, not only a political one. The inaction of the Council after April 1994 meant that peacekeepers who could have protected people at the stadium were withdrawn. Because the mission had a duty to protect civilians it was already guarding, its withdrawal did more harm than good.
`

const sovereigntyArgued = `
The Council also treated the killing as part of the internal affairs of Rwanda. Because non-intervention in the internal affairs of a state is the Charter's rule, members argued that UNAMIR could act only with the consent of the government, and that government was organising the genocide.
`

const liberalismUnnamed = `
Cooperation between the parties depended on an outside guarantee. The Arusha Accords created shared institutions for Hutu and Tutsi parties, and UNAMIR was deployed as their third-party guarantor. As a result, when the mission was cut, the commitment problem returned and cooperation collapsed.
`

describe('ethics argued in words of obligation, inaction and harm', () => {
  it('is discussed in depth: no ethics-coverage finding', async () => {
    const list = await findings(opening + ethicsArgued + sovereigntyArgued + liberalismUnnamed)
    expect(of(list, 'ethics')).toEqual([])
  })

  it('one sentence of it is only in passing, at that line', async () => {
    const text = opening + '\nThe inaction of the Council was shameful.\n' + sovereigntyArgued + liberalismUnnamed
    expect(of(await findings(text), 'ethics')).toEqual(['ethics-coverage ethics named 9'])
  })

  it('a governance score called "political accountability" is not ethics', async () => {
    const text = opening + '\nTroop contributors with high scores for political accountability and good governance sent more peacekeepers to UNAMIR.\n' + sovereigntyArgued + liberalismUnnamed
    expect(of(await findings(text), 'ethics')).toEqual(['ethics-coverage ethics absent 1'])
  })
})

describe('sovereignty argued as non-intervention, internal affairs and consent', () => {
  it('is discussed in depth: no sovereignty-coverage finding', async () => {
    expect(of(await findings(opening + ethicsArgued + sovereigntyArgued + liberalismUnnamed), 'sovereignty')).toEqual([])
  })

  it('a mission "authorized" by the Council, however often, is not sovereignty', async () => {
    const authorized = `
The Security Council authorized UNAMIR in October 1993 and authorized its reduction in April 1994. It authorized a second mission, UNAMIR II, in May 1994, after the worst of the killing, because the first had failed.
`
    expect(of(await findings(opening + ethicsArgued + authorized + liberalismUnnamed), 'sovereignty')).toEqual(['sovereignty-coverage sovereignty absent 1'])
  })

  it('a permanent member\'s veto is not sovereignty either', async () => {
    const veto = `
The threat of a veto by the United States shaped what UNAMIR was allowed to do. Because a veto was expected, no draft for a stronger mission was tabled, and the Council vetoed nothing because it voted on nothing.
`
    expect(of(await findings(opening + ethicsArgued + veto + liberalismUnnamed), 'sovereignty')).toEqual(['sovereignty-coverage sovereignty absent 1'])
  })

  it('is named when a sentence runs on after a full stop in lower case', async () => {
    const model = await analyze('# UNAMIR\n\nThe mission failed due to the respect of sovereignty. whereas the genocide went on, peacekeepers waited.\n', {path: 'essay.md'})
    expect(coverageOf(model, 'sovereignty')).toMatchObject({status: 'named', lines: [3]})
  })
})

describe('a perspective applied without its name', () => {
  it('liberalism at work in cooperation, institutions and a third-party guarantee counts as applied', async () => {
    const text = opening + ethicsArgued + sovereigntyArgued + liberalismUnnamed
    const model = await analyze(text, {path: 'essay.md'})
    expect(coverageOf(model, 'liberalism').status).toBe('absent')
    expect(of(await findings(text), 'liberalism')).toEqual([])
  })

  it('one stray word of its vocabulary does not', async () => {
    const text = opening + ethicsArgued + sovereigntyArgued + '\nCooperation among the parties was weak before UNAMIR arrived, which explains a great deal.\n'
    expect(of(await findings(text), 'liberalism')).toEqual(['perspective-coverage liberalism absent 1'])
  })

  it('the Council\'s veto and its permanent members, however often named, are not realism at work', async () => {
    const text = `# Overcoming the veto in the Security Council

This essay argues that the veto of the permanent members can be set aside in disputes under Chapter VI.

The veto of a permanent member blocks a decision of the Security Council. A permanent member that is a party to a dispute must abstain, because the Charter says so.

In practice the permanent members have never abstained in their own disputes, and the veto has been used to block peacekeeping mandates. The Security Council can therefore decide by a procedural vote that the party must abstain.
`
    expect(of(await findings(text), 'realism')).toEqual(['perspective-coverage realism absent 1'])
  })

  it('"near-term realism" in its everyday sense does not name the theory', async () => {
    const model = await analyze('# Council reform\n\nNear-term realism about the Security Council is not long-term surrender.\n', {path: 'essay.md'})
    expect(model.mentions.filter((m) => m.concept === 'realism')).toEqual([])
  })
})

describe('an argument set out one sentence per line', () => {
  const lines = `
## Protection

Leaving civilians to die was a moral failure of the Council.

Peacekeepers in Kigali had a duty to protect the people in their compounds.

Because the mission was withdrawn, that inaction cost thousands of lives.
`
  it('three short paragraphs under one heading are one passage: ethics is discussed', async () => {
    expect(of(await findings(opening + lines + sovereigntyArgued + liberalismUnnamed), 'ethics')).toEqual([])
  })

  it('the same lines under three headings are not: ethics is only named', async () => {
    const split = lines.replace(/\n\nPeacekeepers/, '\n\n## Duty\n\nPeacekeepers').replace(/\n\nBecause/, '\n\n## Cost\n\nBecause')
    expect(of(await findings(opening + split + sovereigntyArgued + liberalismUnnamed), 'ethics')).toEqual(['ethics-coverage ethics named 11'])
  })
})

describe('a coverage message speaks of the essay\'s own case', () => {
  async function perspectiveReason(body: string): Promise<string> {
    const result = await lint(`# Intervention and the state\n\n${body}\n`, {path: 'essay.md', rules: {'unsupported-claim': 'off', 'vague-evidence': 'off'}})
    return result.messages.find((m) => m.ruleId === 'perspective-coverage')?.reason ?? ''
  }
  const afghanistan = `This essay argues that intervention in failed states does more harm than good, and that the Security Council should authorise it rarely.

Afghanistan collapsed in 1978 during the Soviet invasion, and the war that followed left no working state. The Security Council did little while the fighting went on.

In 2001 the United States invaded Afghanistan after the attacks of September 11. Twenty years of intervention did not build a state that could stand on its own.`
  it('names a mission the body names; without one, the place the body names in two sentences or more', async () => {
    expect(await perspectiveReason(afghanistan)).toMatch(/to analyse the case of Afghanistan, which the essay already discusses; /)
    expect(await perspectiveReason(afghanistan.replace('In 2001 the United States invaded Afghanistan', 'In 2001 the United States invaded the country'))).toMatch(/to analyse a peacekeeping case; /)
    // A place written with its article keeps it; a possessive is the place.
    const soviet = afghanistan.replace('Afghanistan collapsed in 1978 during the Soviet invasion', "The Soviet Union's invasion of Afghanistan in 1979 broke the state").replace('In 2001 the United States invaded Afghanistan', 'In 1989 the Soviet Union withdrew from Afghanistan, and in 2001 the United States invaded it').replace('Twenty years of intervention', 'The Soviet Union had learnt that ten years of occupation')
    expect(await perspectiveReason(soviet)).toMatch(/to analyse the case of the Soviet Union, which the essay already discusses; /)
  })

  it('names the mission the body names most, not the one it names first', async () => {
    const congo = `This essay argues that the UN mission in the Congo has done more to protect civilians than any mission before it.

MONUC was deployed in 1999 to watch a ceasefire. In 2010 the Council renamed it MONUSCO and gave it a mandate to stabilise the east.

In 2013 MONUSCO gained an intervention brigade that defeated the M23 rebels. Since then MONUSCO has kept bases across Ituri and the Kivus.`
    expect(await perspectiveReason(congo)).toMatch(/to analyse MONUSCO, which the essay already discusses; /)
    expect(await perspectiveReason(congo.replace(/ Since then MONUSCO has kept bases across Ituri and the Kivus\./, '').replace('In 2013 MONUSCO gained', 'In 2013 MONUC gained'))).toMatch(/to analyse MONUC, which the essay already discusses; /)
  })

  it('asks a short essay for one perspective used well, a long one for a paragraph on each', async () => {
    expect(await perspectiveReason(afghanistan)).toMatch(/are absent: the essay never discusses any of them\. Add a paragraph that uses the one that fits best to analyse the case of Afghanistan, which the essay already discusses; for the others, a sentence on what they would see differently is enough\.$/)
    const long = [afghanistan, ...Array.from({length: 60}, () => 'The Council met again and the debate went on without a decision on the mission, as the members could not agree on its terms or its size.')].join('\n\n')
    expect(await perspectiveReason(long)).toMatch(/are absent: the essay never discusses any of them\. For each, add a paragraph that explains what it holds and uses it to analyse the case of Afghanistan, which the essay already discusses\.$/)
  })
})
