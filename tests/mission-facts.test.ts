/**
 * mission-facts: what is checked against the mission data, what is left
 * alone, and the data itself (scripts/check-operations.mjs).
 */

import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
// @ts-expect-error: a plain ES module without types
import {checkOperations} from '../scripts/check-operations.mjs'
import {compact, lintText, only, root} from './helpers.js'

const lintFacts = async (text: string, options?: Record<string, unknown>) =>
  (await lintText(text, {path: 'essay.md', config: options ? {rules: {...only('mission-facts')!.rules, 'mission-facts': ['warn', options]}} : only('mission-facts')})).map(compact)

describe('mission-facts', () => {
  it('says what the data says and where it comes from', async () => {
    const [finding] = await lintFacts('# Liberia\n\nUNOMIL was established by the Security Council in 2003 to monitor the ceasefire.\n')
    expect(finding).toBe(
      "3:1-3:55 mission-facts UNOMIL was set up in 1993, not 2003 (it ran from 1993 to 1997). The mission in Liberia in 2003 was UNMIL (United Nations Mission in Liberia). Check the year or the mission's name (source: https://peacekeeping.un.org/en/past-peacekeeping-operations)."
    )
  })

  it('reads the full name in brackets after the acronym too', async () => {
    const findings = await lintFacts('# Rwanda\n\nUNAMIR (United Nations Mission in Liberia) had 2,500 troops.\n')
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatch(/^3:1-3:42 mission-facts "United Nations Mission in Liberia" is UNMIL, not UNAMIR/)
  })

  it('leaves alone years that the sentence does not tie to the mission, plans, and ambiguous acronyms', async () => {
    const text = [
      '# Rwanda',
      '',
      'UNAMIR failed, and in 2003 the Council set up UNMIL instead.',
      '',
      'MONUSCO will withdraw in 2030 at the latest.',
      '',
      'UNEF in 1990 would be wrong for both missions of that name, but the acronym alone does not say which one is meant.',
      '',
      'UNAMIR, in Bosnia terms, was a small force.',
      ''
    ].join('\n')
    expect(await lintFacts(text)).toEqual([])
  })

  it('does not check quotations of the reference list or headings', async () => {
    expect(await lintFacts('# UNAMIR in Bosnia\n\nText.\n\n## References\n\nSmith, J. (2004) UNOMIL was set up in 2003. London: Press.\n')).toEqual([])
  })

  it('takes a tolerance in years', async () => {
    const text = '# Mali\n\nMINUSMA ended in 2021.\n'
    expect(await lintFacts(text)).toHaveLength(1)
    expect(await lintFacts(text, {tolerance: 2})).toEqual([])
  })
})

describe('the mission data (scripts/check-operations.mjs)', () => {
  const data = JSON.parse(readFileSync(path.join(root, 'src', 'lexicons', 'operations.json'), 'utf8'))

  it('is valid', () => {
    expect(checkOperations(data)).toEqual([])
  })

  it('names each problem of a bad entry', () => {
    const bad = [
      {...data[0], end: 1900},
      {...data[1], countries: ['Rwanda'], source: undefined},
      {...data[2], acronym: data[0].acronym, colour: 'blue'}
    ]
    expect(checkOperations(bad)).toEqual([
      'operation 1 (UNTSO): "end" must be null (still running) or a year from its start to ' + new Date().getUTCFullYear(),
      'operation 1 (UNTSO): a running UN operation cites the current list, an ended one the list of past operations',
      'operation 2 (UNMOGIP): "Rwanda" is not an ISO 3166-1 alpha-2 code',
      'operation 2 (UNMOGIP): a UN-led operation needs a "source" on peacekeeping.un.org',
      'operation 3 (UNTSO): unknown key "colour"',
      'operation 3 (UNTSO): acronym "UNTSO" is also operation 1'
    ])
  })
})
