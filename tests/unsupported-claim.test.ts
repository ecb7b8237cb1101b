/**
 * unsupported-claim on whole essays: adding a citation or a named case right
 * after a flagged claim removes the finding; taking the evidence away brings
 * it back. Plus severity by strength and the options.
 */

import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {lint} from '../src/index.js'
import {root} from './helpers.js'

const onlyClaims = {rules: {'perspective-coverage': 'off', 'sovereignty-coverage': 'off', 'ethics-coverage': 'off', 'vague-evidence': 'off'}} as const

async function flaggedIn(text: string, file = 'essay.md', config: object = onlyClaims) {
  const result = await lint(text, {path: file, config: config as never})
  return result.messages.filter((m) => m.ruleId === 'unsupported-claim')
}

/** Insert `addition` right after the end of the sentence that starts at `offset`. */
function insertAfter(text: string, end: number, addition: string): string {
  return text.slice(0, end) + addition + text.slice(end)
}

const essays = ['weak-no-theory.md', 'strong-three-lenses.md', 'mali-sovereignty.md', 'rwanda-case-study.txt']

// One finding per claim: these cases follow a single claim's support, not how a paragraph's claims are grouped.
const perSentence = {rules: {...onlyClaims.rules, 'unsupported-claim': ['warn', {group: 'sentence'}]}}

describe.each(essays)('%s', (name) => {
  const text = readFileSync(path.join(root, 'fixtures', 'essays', name), 'utf8')
  const flagged = (essay: string, file: string) => flaggedIn(essay, file, perSentence)

  it('has findings to work with', async () => {
    expect((await flagged(text, name)).length).toBeGreaterThan(0)
  })

  it('adding a citation right after a flagged claim removes that finding and adds none', async () => {
    const before = await flagged(text, name)
    const target = before.find((m) => (m as unknown as {data: {kind: string}}).data.kind === 'claim')!
    const end = target.place && 'end' in target.place ? target.place.end.offset! : 0
    const mutated = insertAfter(text, end, ' Fortna (2008) found that peace lasted longer where peacekeepers were deployed.')
    const after = await flagged(mutated, name)
    // The essay-level finding counts the essay's sources, so it changes with them.
    const starts = (list: typeof before) => list.filter((m) => (m as unknown as {data: {kind: string}}).data.kind === 'claim').map((m) => m.reason)
    expect(starts(after)).not.toContain(target.reason)
    expect(starts(after).length).toBeLessThan(starts(before).length)
    for (const reason of starts(after)) expect(starts(before)).toContain(reason)
  })

  it('adding a named case with a date works the same way', async () => {
    const before = await flagged(text, name)
    const target = before.find((m) => (m as unknown as {data: {kind: string}}).data.kind === 'claim')!
    const end = target.place && 'end' in target.place ? target.place.end.offset! : 0
    const mutated = insertAfter(text, end, ' When UNAMIR was cut to 270 troops in April 1994, the killing in Rwanda went on unchecked.')
    expect((await flagged(mutated, name)).map((m) => m.reason)).not.toContain(target.reason)
  })
})

describe('removing the evidence brings the finding back', () => {
  it.each([
    ['Peacekeeping works. Fortna (2008) found that peace lasted longer where peacekeepers stayed.', 'Fortna (2008) found that peace lasted longer where peacekeepers stayed.'],
    ['The safe area policy was flawed from the start. Member states approved only 7,600 troops of the 34,000 requested (United Nations, 1999, p. 21).', 'Member states approved only 7,600 troops of the 34,000 requested (United Nations, 1999, p. 21).'],
    ['The Council abandoned Rwanda when it mattered most. On 21 April 1994, resolution 912 cut UNAMIR to about 270 troops.', 'On 21 April 1994, resolution 912 cut UNAMIR to about 270 troops.']
  ])('%s', async (paragraph, evidence) => {
    const intro = '# Essay\n\nThis short essay looks at three cases.\n\n'
    expect(await flaggedIn(intro + paragraph + '\n')).toEqual([])
    const without = await flaggedIn(intro + paragraph.replace(evidence, '').trim() + '\n')
    expect(without.map((m) => [m.line, m.column, m.reason.split(':')[0]])).toEqual([[5, 1, 'Unsupported claim']])
  })
})

describe('what is never flagged', () => {
  it('quotations, block quotes, code, tables, headings and the reference list', async () => {
    const text = [
      '# Peacekeeping always fails',
      '',
      '> Peacekeeping will always fail without political will.',
      '',
      '```',
      'Peacekeeping is clearly useless.',
      '```',
      '',
      '| Mission | Verdict |',
      '| --- | --- |',
      '| UNAMIR | a total failure |',
      '',
      '## References',
      '',
      'Fortna, V. P. (2008) Does Peacekeeping Work? Princeton: Princeton University Press. This book is clearly the best.',
      ''
    ].join('\n')
    expect(await flaggedIn(text)).toEqual([])
  })

  it('reports of sources, theory descriptions, questions, signposting and concessions', async () => {
    const text = [
      '# Views of Peacekeeping',
      '',
      'Realists assume that states act only on national interest. Fortna (2008) argues that peacekeepers make peace last longer. Critics argue that missions freeze conflicts. Why do states send troops at all? This essay will first describe the debate.',
      ''
    ].join('\n')
    expect(await flaggedIn(text)).toEqual([])
  })
})

describe('severity and options', () => {
  const text = '# Draft\n\nA short opening paragraph.\n\nPeacekeeping never works in civil wars.\n\nMore women might change some contingents.\n'

  it('reports a sweeping claim at the configured severity and a hedged one a level lower', async () => {
    const config = {rules: {...onlyClaims.rules, 'unsupported-claim': ['error', {group: 'sentence'}]}}
    const messages = await flaggedIn(text, 'd.md', config)
    expect(messages.map((m) => [m.line, m.fatal, (m as unknown as {data: {strength: string}}).data.strength])).toEqual([
      [5, true, 'absolute'],
      [7, false, 'hedged']
    ])
    expect(messages[0].reason).toBe('Sweeping claim without support: "Peacekeeping never works in civil wars" has no citation, named case or figures beside it. Add one that backs it, right after the claim, or narrow the claim to what you can show.')
  })

  it('ignoreHedged leaves hedged claims out; window "sentence" asks for evidence in the sentence itself', async () => {
    const ignore = await flaggedIn(text, 'd.md', {rules: {...onlyClaims.rules, 'unsupported-claim': ['warn', {ignoreHedged: true}]}})
    expect(ignore.map((m) => m.line)).toEqual([5])
    const paragraph = '# D\n\nA short opening paragraph.\n\nPeacekeeping works. Fortna (2008) found that peace lasted longer.\n'
    expect(await flaggedIn(paragraph)).toEqual([])
    const strict = await flaggedIn(paragraph, 'd.md', {rules: {...onlyClaims.rules, 'unsupported-claim': ['warn', {window: 'sentence'}]}})
    expect(strict.map((m) => m.reason)).toEqual(['Unsupported claim: "Peacekeeping works" has no citation, named case or figures in the same sentence. Add one to the sentence.'])
  })
})

describe('short sentences: a verb makes a claim, a fragment is none', () => {
  // "is", "can" and "stayed" are verbs wherever they stand (a lookup in
  // compromise's lexicon decides); "works", "fits" and "ruin" need compromise's
  // tagger to be read as verbs; the fragments have no verb at all.
  const body = (sentence: string) => `# Title\n\nIntro paragraph with the thesis that peacekeeping helps (Fortna 2008).\n\n${sentence}\n`
  it.each(['Peacekeeping is a failure.', 'Consent can mislead us.', 'The troops stayed anyway.', 'Peacekeeping works.', 'Haiti fits this pattern perfectly.', 'Phones in bedrooms ruin sleep.'])('flags "%s"', async (sentence) => {
    const found = await flaggedIn(body(sentence))
    expect(found.map((m) => m.line)).toEqual([5])
    expect(found[0].reason).toContain(`"${sentence.replace(/\.$/, '').split(' ').slice(0, 6).join(' ')}`)
  })
  it.each(['Impartiality versus protection.', 'The ethics of local ownership.', 'A critical theory reading.'])('does not flag "%s"', async (sentence) => {
    expect(await flaggedIn(body(sentence))).toEqual([])
  })
})

describe('compromise-words.json', () => {
  it('matches the installed compromise (regenerate with node scripts/compromise-words.mjs)', () => {
    const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'compromise-words.mjs'), '--check'], {encoding: 'utf8'})
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })
})

describe('a conclusion that draws a lesson from a case', () => {
  const essay = (body: string) =>
    [
      '# Rwanda and the limits of peacekeeping',
      '',
      'This essay asks what the failure in Rwanda teaches about consent-based peacekeeping.',
      '',
      body,
      '',
      '## Conclusion',
      '',
      'Rwanda shows that a peacekeeping force is only as strong as the political will behind it.',
      ''
    ].join('\n')
  it('is backed by the body\'s evidence about that case', async () => {
    const backed = essay('In Rwanda the Council cut UNAMIR from 2,548 to 270 troops in April 1994 (Dallaire 2003, p. 322).')
    expect(await flaggedIn(backed)).toEqual([])
  })
  it('is flagged when the body gives no evidence about it', async () => {
    const unbacked = essay('In Somalia the Council cut UNOSOM II after the deaths of 18 US soldiers in 1993 (Clarke & Herbst, 1996).')
    const found = await flaggedIn(unbacked)
    expect(found.map((m) => [m.line, m.reason.slice(0, 60)])).toEqual([[9, 'Unsupported claim: "Rwanda shows that a peacekeeping force…"']])
  })
})

describe('a body paragraph that draws a lesson from the case told just before it', () => {
  const essay = (story: string) =>
    [
      '# Sierra Leone',
      '',
      'This essay argues that missions succeed once they have enough troops to protect civilians.',
      '',
      '## The war',
      '',
      story,
      '',
      'Sierra Leone shows that a mission can succeed once it has enough troops.',
      ''
    ].join('\n')
  it('is backed by the case in the paragraph before it', async () => {
    const told = essay('UNAMSIL was deployed to Sierra Leone in 1999. In May 2000 rebels took about 500 peacekeepers hostage, and the mission grew to 17,500 soldiers (Keen, 2005).')
    expect((await flaggedIn(told)).map((m) => m.line)).toEqual([])
  })
  it('is flagged when the paragraph before tells another case', async () => {
    const other = essay('UNAMIR was deployed to Rwanda in 1993. In April 1994 the Council cut it to about 270 soldiers (Dallaire, 2003).')
    const found = await flaggedIn(other)
    expect(found.map((m) => m.line)).toEqual([9])
    expect(found[0].reason).toMatch(/^Unsupported claim: "Sierra Leone shows that a mission…" has no citation/)
  })
})

describe('what the student reads first', () => {
  const config = {rules: {...onlyClaims.rules}}
  it('asks, at info, where a figure with no citation beside it comes from, once per paragraph', async () => {
    const text = '# E\n\nThe UN has sent many missions.\n\nAbout 57% of officers said they felt unsafe, and 40% asked to go home. Another 12 units left early.\n\nFortna found that peace lasts 80 percent longer (Fortna, 2008).\n'
    const figures = (await lint(text, {path: 'e.md', config})).messages.filter((m) => (m as unknown as {data: {kind: string}}).data.kind === 'figure')
    expect(figures.map((m) => [m.line, m.column, m.fatal, m.reason])).toEqual([
      [5, 1, undefined, 'Figure without a source: where does "57%" come from? Cite the study, report or dataset (author or body, and year) so a reader can check it.']
    ])
  })

  it('a decade, a span of time, an age or a document number is not a figure that needs a source; the count beside it is', async () => {
    const text = '# E\n\nThe UN has sent many missions.\n\nIn the mid-90\'s the genocide lasted 100 days. Children under age 13 saw it. Resolution 76/262 changed the debate.\n\nIn the 1990s about 800,000 people were killed in 100 days.\n'
    const figures = (await lint(text, {path: 'e.md', config})).messages.filter((m) => (m as unknown as {data: {kind: string}}).data.kind === 'figure')
    expect(figures.map((m) => [m.line, (m as unknown as {data: {figure: string}}).data.figure])).toEqual([[7, '800,000']])
  })

  it('a figure reported from a named source ("According to the Secret Service, …") needs none; nor does one right after it; one from nobody does', async () => {
    const text = '# E\n\nThe UN has sent many missions.\n\nAccording to a survey by the Secret Service, 57% of attackers showed warning signs. Some 20% had told a friend.\n\nAbout 57% of officers said they felt unsafe.\n'
    const figures = (await lint(text, {path: 'e.md', config})).messages.filter((m) => (m as unknown as {data: {kind: string}}).data.kind === 'figure')
    expect(figures.map((m) => [m.line, (m as unknown as {data: {figure: string}}).data.figure])).toEqual([[7, '57%']])
  })

  it('a count given with a source once needs none when it comes back; a share of another group does', async () => {
    const text = '# E\n\nThe UN has sent many missions.\n\nThe Council has 15 members (UN Charter, Article 23). A survey found 57% of diplomats in favour (Luck, 2006).\n\nThe plan would expand the Council from 15 to 21 members.\n\nAbout 57% of officers said they felt unsafe.\n\nThe Council met 305 times in 2024.\n'
    const figures = (await lint(text, {path: 'e.md', config})).messages.filter((m) => (m as unknown as {data: {kind: string}}).data.kind === 'figure')
    expect(figures.map((m) => [m.line, (m as unknown as {data: {figure: string}}).data.figure])).toEqual([[9, '57%'], [11, '305 times']])
  })

  it('a sentence that reads one of the essay\'s tables is not asked where its figures come from', async () => {
    const table = '| Country | Governance |\n| :--- | ---: |\n| Ghana | 66.4 |\n| Niger | 49.4 |\n'
    const found = await flaggedIn(`# Essay\n\nThis essay compares the contributors to the mission.\n\n${table}\nGhana achieves high scores on good governance. Niger reached 49 points in 2019.\n`)
    expect(found.map((m) => m.reason.slice(0, 50))).toEqual(['Figure without a source: where does "49 points" co'])
  })

  it('"figures": false leaves them out', async () => {
    const text = '# E\n\nAbout 57% of officers said they felt unsafe.\n'
    const messages = (await lint(text, {path: 'e.md', config: {rules: {...onlyClaims.rules, 'unsupported-claim': ['warn', {figures: false}]}}})).messages
    expect(messages.filter((m) => m.reason.startsWith('Figure'))).toEqual([])
  })

  it('the finding on an essay without sources suggests a UN report and a mission on the course topic, a study and a case elsewhere', async () => {
    const onTopic = 'The Council was wrong to wait, and MINUSMA should have been given more troops from the start. '.repeat(8)
    const offTopic = 'The school was wrong to wait, and the canteen should have served better food from the start. '.repeat(8)
    const first = async (paragraph: string) => (await lint(`# Waiting too long\n\n${Array.from({length: 9}, () => paragraph).join('\n\n')}\n`, {path: 'e.md', config})).messages[0].reason
    expect(await first(onTopic)).toMatch(/\(an author and year, a UN report, a named mission with dates\)/)
    expect(await first(offTopic)).toMatch(/\(an author and year, a report or study, a named case with dates\)/)
  })

  it('an essay of 600+ words with no source gets one finding on its title, before the others', async () => {
    const paragraph = 'The Council was wrong to wait, and the mission should have been given more troops from the start. '.repeat(8)
    const text = `# Waiting too long\n\n${Array.from({length: 9}, () => paragraph).join('\n\n')}\n`
    const messages = (await lint(text, {path: 'e.md', config})).messages
    const counted = /^This essay cites no sources in ([\d,]+) words: its claims rest on your word alone\./.exec(messages[0].reason)
    expect(counted).not.toBeNull()
    expect([messages[0].line, messages[0].column]).toEqual([1, 1])
    // This rule's warnings only: the essay has a thesis and never meets the other side, so counterargument has one too.
    const warnings = messages.filter((m) => m.fatal === false && m.ruleId === 'unsupported-claim').length
    // At most 8 warnings per 1,000 words, whatever the number of bare claims.
    const words = Number(counted![1].replace(/,/g, ''))
    // The essay-level finding is a warning too; each paragraph's finding names its other claims,
    // and the claims a warning stands for (its own and those it names that are warnings) are the cap.
    const warned = messages
      .filter((m) => m.fatal === false && m.ruleId === 'unsupported-claim' && (m.data as {kind: string}).kind === 'claim')
      .flatMap((m) => [m.line, ...((m.data as {also?: Array<{line: number; priority: string}>}).also ?? []).filter((a) => a.priority === 'warning').map((a) => a.line)])
    expect(warned.length).toBe(Math.floor((words / 1000) * 8))
    expect(warnings).toBeLessThanOrEqual(10)
    expect(messages.filter((m) => m.fatal === undefined).length).toBeGreaterThan(0)
  })
})

describe('one finding per paragraph', () => {
  const paragraph = 'The mission was doomed from the start. Its commanders never trusted the local police. The Council should have listened to them. Donors lost interest soon after.'
  const text = `# Essay\n\nThis short essay looks at one mission.\n\n${paragraph}\n`

  it('sits on the claim that matters most and names the others by their first words, with their places', async () => {
    const found = await flaggedIn(text)
    expect(found).toHaveLength(1)
    const [finding] = found
    expect([finding.line, finding.column]).toEqual([5, 1])
    expect(finding.reason).toMatch(/^Unsupported claim: "The mission was doomed from the…" has no citation/)
    expect(finding.reason).toMatch(/Also unsupported in this paragraph: "Its commanders never trusted…", "The Council should have…" and "Donors lost interest soon…"\.$/)
    const also = (finding as unknown as {data: {also: Array<{line: number; column: number; words: string}>}}).data.also
    expect(also.map((a) => [a.line, a.column])).toEqual([[5, 40], [5, 87], [5, 129]])
  })

  it('sits on the claim that makes the point, not on the recommendation or the wrap-up after it', async () => {
    const body = 'The Council should always send the largest force it can. The mission was doomed from the start. Therefore, the mission was a total failure.'
    const found = await flaggedIn(`# Essay\n\nThis short essay looks at one mission.\n\n${body}\n`)
    expect(found).toHaveLength(1)
    expect(found[0].reason).toMatch(/^Unsupported claim: "The mission was doomed from the…"/)
    expect(found[0].reason).toMatch(/Also unsupported in this paragraph: "The Council should always…" and "Therefore, the mission was…"\.$/)
  })

  it('reads a run of one-sentence paragraphs as one passage, up to four, with one finding', async () => {
    const lines = ['The mission was doomed from the start.', 'Its commanders never trusted the local police.', 'Donors lost interest soon after.', 'The elections were a disaster.', 'Nobody planned for the return of refugees.']
    const opening = '# Essay\n\nThis essay looks at one mission in Sierra Leone. It asks why the mission failed.\n\n## What went wrong\n\n'
    const found = await flaggedIn(`${opening}${lines.join('\n\n')}\n`)
    expect(found.map((m) => m.line)).toEqual([7, 15])
    expect(found[0].reason).toMatch(/Also unsupported in the short paragraphs around it: "Its commanders never trusted…", "Donors lost interest soon…" and "The elections were a…"\.$/)
    expect(found[1].reason).not.toMatch(/Also unsupported/)
    // Paragraphs of three sentences are paragraphs: one finding each.
    const long = await flaggedIn(`${opening}${lines.slice(0, 3).join(' ')}\n\n${lines.slice(3).join(' ')} It failed.\n`)
    expect(long.map((m) => m.line)).toEqual([7, 9])
  })

  it('tells the short lines of an essay that argues in short beats as one finding, at info; a warning keeps its own', async () => {
    const beats = ['Both outcomes are bad for the Council.', 'This does not guarantee success.', 'It creates a ratchet.']
    const argued = 'The Council failed Rwanda in April 1994 (Dallaire, 2003). It failed Srebrenica in July 1995 (UN, 1999). It failed Syria after 2011 (Security Council Report, 2023).'
    const body = `${argued}\n\nObviously, every mission since 1990 has failed. That is the record.\n\n` + beats.map((line) => `${argued}\n\n${line} ${line.replace(/\.$/, ' again.')}`).join('\n\n')
    const found = await flaggedIn(`# Essay\n\nThis essay argues that the Council cannot reform itself. It looks at three failures of the Council.\n\n${body}\n`)
    const short = found.filter((m) => m.reason.startsWith('Short statements'))
    expect(short).toHaveLength(1)
    expect([short[0].line, short[0].column, short[0].fatal]).toEqual([11, 1, undefined])
    expect(short[0].reason).toMatch(/^Short statements without support: "Both outcomes are bad for…", "Both outcomes are bad for…", "This does not guarantee success" and 3 more have no citation, named case or figures beside them\. Most short lines need none;/)
    expect((short[0] as unknown as {data: {also: unknown[]; short: boolean}}).data).toMatchObject({short: true, also: Array.from({length: 5}, () => expect.anything())})
    // A short line that is a warning keeps its own finding; so does one short paragraph alone.
    expect(found.filter((m) => !m.reason.startsWith('Short statements')).map((m) => [m.line, m.fatal, m.reason.slice(0, 50)])).toEqual([[7, false, 'Sweeping claim without support: "Obviously, every ']])
    const once = await flaggedIn(`# Essay\n\nThis essay argues that the Council cannot reform itself. It looks at three failures of the Council.\n\n${argued}\n\n${beats[0]} ${beats[1]}\n`)
    expect(once.some((m) => m.reason.startsWith('Short statements'))).toBe(false)
  })

  it('grade counts the claims the argument rests on, not the short lines left bare', async () => {
    const {gradeEssay} = await import('../src/grade/score.js')
    const {defaultRubric} = await import('../src/grade/rubric.js')
    const argued = 'The Council failed Rwanda in April 1994 (Dallaire, 2003). It failed Srebrenica in July 1995 (UN, 1999).'
    const essay = `# Essay\n\nThis essay argues that the Council cannot reform itself.\n\n${argued}\n\nBoth outcomes are bad for the Council. This does not guarantee success.\n\n${argued}\n\nThe Council should therefore give up its veto on atrocity crimes, since each veto costs lives in places it never visits.\n`
    const result = await lint(essay, {path: 'essay.md', config: onlyClaims as never})
    const criterion = gradeEssay(result, 'essay.md', defaultRubric()).criteria.find((c) => c.id === 'claims-supported')!
    // The two short lines (line 7) are not counted; the thesis and the recommendation are.
    expect(criterion.evidence).toEqual(['4 of 6 claims supported (67%; full marks from 75%)', 'unsupported: lines 3, 11'])
  })

  it('"group": "sentence" gives each claim its own finding', async () => {
    const found = await flaggedIn(text, 'essay.md', {rules: {...onlyClaims.rules, 'unsupported-claim': ['warn', {group: 'sentence'}]}})
    expect(found.map((m) => m.column)).toEqual([1, 40, 87, 129])
    expect(found.every((m) => !m.reason.includes('Also unsupported'))).toBe(true)
  })

  it('counts the claims past three and keeps a claim resting on a vague appeal on its own', async () => {
    const long = `${paragraph} Nobody planned for the elections. Studies show that missions need local allies.`
    const found = await flaggedIn(`# Essay\n\nThis short essay looks at one mission.\n\n${long}\n`)
    expect(found).toHaveLength(2)
    expect(found[0].reason).toMatch(/"Its commanders never trusted…", "The Council should have…", "Donors lost interest soon…" and 1 more\.$/)
    expect(found[1].reason).toMatch(/^Unsupported claim: "Studies show that missions need local…" rests on "Studies show"/)
  })

  it('sits on the paragraph\'s warning when its first claim is only info, and names that one', async () => {
    const body = 'Donors lost interest soon after. The mission was doomed from the start.'
    const found = await flaggedIn(`# Essay\n\nThis short essay looks at one mission.\n\n${body}\n`)
    expect(found.map((m) => [m.line, m.column, m.fatal])).toEqual([[5, 34, false]])
    expect(found[0].reason).toMatch(/Also unsupported in this paragraph: "Donors lost interest soon…"\.$/)
    const perClaim = await flaggedIn(`# Essay\n\nThis short essay looks at one mission.\n\n${body}\n`, 'essay.md', {rules: {...onlyClaims.rules, 'unsupported-claim': ['warn', {group: 'sentence'}]}})
    expect(perClaim.map((m) => [m.column, m.fatal])).toEqual([[1, undefined], [34, false]])
  })
})

describe('what a signpost quotes is not evidence beside a claim', () => {
  it('says the claim has nothing beside it, not that a scare-quote fails to back it', async () => {
    const text = '# Reform\n\nThis essay looks at the Security Council and its veto in 2024.\n\nSo my goal here is not to write a fantasy about "abolishing the veto." Charter change is hard, and the Charter is designed to be hard to change. The Council rarely agrees on anything.\n'
    const found = (await flaggedIn(text)).filter((m) => (m.data as {kind: string}).kind === 'claim')
    expect(found.map((m) => [m.line, m.column])).toEqual([[5, 72]])
    expect(found[0].reason).toMatch(/^Unsupported claim: "Charter change is hard, and the…" has no citation, named case or figures beside it\./)
    expect(found[0].reason).not.toMatch(/abolishing/)
  })
})

describe('a claim beside evidence that does not back it: the message names that evidence', () => {
  const claimAfter = async (second: string) => {
    const text = `# E\n\nThis short essay looks at one mission.\n\nThe Council sent MINUSMA to Mali in 2013 with 12,000 troops. ${second}\n`
    return (await flaggedIn(text)).filter((m) => (m.data as {kind: string}).kind === 'claim').map((m) => m.reason)
  }
  it('evidence before a claim backs that sentence: say so, and how to tie them', async () => {
    expect(await claimAfter('Peacekeeping in the Sahel was a mistake from the start.')).toEqual([
      'Unsupported claim: "Peacekeeping in the Sahel was a…" is not backed by the named case in the sentence before it ("The Council sent MINUSMA to…"), which supports that sentence. Add a citation, a named case or figures for this claim right after it, or say how the evidence shows it ("This shows…").'
    ])
  })
  it('a bare year before a claim is not called a named case', async () => {
    const found = await flaggedIn('# E\n\nThis short essay looks at one mission.\n\nThe year was 1945. The problem statement was simple and terrifying: prevent another world war.\n')
    expect(found.map((m) => m.reason.slice(0, 110))).toEqual(['Unsupported claim: "The problem statement was simple and…" has no citation, named case or figures beside it. A'])
  })
  it('a recommendation beside evidence: the evidence shows the situation, not that the remedy works', async () => {
    expect(await claimAfter('The Council should give missions clearer mandates.')).toEqual([
      'Unsupported claim: "The Council should give missions clearer…" recommends or predicts, and the named case in the sentence before it ("The Council sent MINUSMA to…") shows the situation, not that this would work. Back the claim itself, in the same sentence: a source, a case where it worked, or figures.'
    ])
  })
})

describe('the writer\'s own proposal', () => {
  const essay = (proposal: string) =>
    `# Fixing the veto\n\nThe Council has failed to act on Syria since 2011, when Russia and China vetoed the first draft (UN Doc S/2011/612).\n\n## The problem\n\nThe Council was doomed from the start.\n\n## What I propose\n\n${proposal}\n\n### How it runs\n\nThen the General Assembly debates the brief in public. Each member may ask one question.\n`

  it('gets one finding on its heading, not one per step, when nothing in it shows it would work', async () => {
    const found = await flaggedIn(essay('A veto on an atrocity draft should trigger a written brief within seven days.'))
    expect(found.map((m) => [m.line, m.column, m.fatal])).toEqual([
      [7, 1, false],
      [9, 1, false]
    ])
    expect(found[1].reason).toBe(
      'Your proposal under "What I propose" says how it would work, but nothing in it shows that it would: no citation, named case or figures. Add one case where a similar rule or body worked (who, where, when), or a source for the problem it answers.'
    )
    expect((found[1] as unknown as {data: {kind: string}}).data.kind).toBe('proposal')
  })

  it('gets none when the section gives evidence; a section not headed as a proposal keeps its findings', async () => {
    const backed = await flaggedIn(essay('A veto on an atrocity draft should trigger a written brief, as the ACT group asked in 2015 (ACT, 2015).'))
    expect(backed.map((m) => m.line)).toEqual([7])
    const plain = (await flaggedIn(essay('A veto on an atrocity draft should trigger a written brief.').replace('## What I propose', '## What should be done'))).map((m) => m.line)
    expect(plain).toContain(11)
  })
})
