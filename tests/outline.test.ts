/** `essaylint outline`: the argument structure, as text and as JSON (issue contract). */

import {describe, expect, it} from 'vitest'
import {run} from './helpers.js'

const essay = 'fixtures/rules/unsupported-claim/not-ok-sweeping-claims.md'

describe('essaylint outline', () => {
  it('prints JSON in the documented shape', async () => {
    const result = await run(['outline', '--format', 'json', essay, 'fixtures/essays/strong-three-lenses.md'])
    expect(result.code).toBe(0)
    const [strong, sweeping] = JSON.parse(result.stdout)
    expect(Object.keys(sweeping).sort()).toEqual(['concepts', 'paragraphs', 'path', 'thesis'])
    expect(sweeping.path).toBe(essay)
    expect(sweeping.thesis).toBeNull()
    expect(sweeping.paragraphs.map((p: {line: number}) => p.line)).toEqual([3, 5, 7])
    const [first] = sweeping.paragraphs[0].sentences
    expect(first).toEqual({
      text: 'The UN mission in Somalia was a complete disaster.',
      line: 3,
      column: 1,
      endLine: 3,
      endColumn: 51,
      role: 'claim',
      supported: false,
      support: []
    })
    const evidence = sweeping.paragraphs[2].sentences[0]
    expect(evidence).toMatchObject({role: 'evidence', line: 7, column: 1})
    expect(evidence.supported).toBeUndefined()
    expect(sweeping.concepts.realism).toEqual({label: 'Realism', status: 'absent', lines: []})
    // The strong essay: a thesis, supported claims with their evidence, every core concept applied.
    expect(strong.thesis.role).toBe('thesis')
    const supported = strong.paragraphs.flatMap((p: {sentences: Array<{supported?: boolean; support?: unknown[]}>}) => p.sentences).filter((s: {supported?: boolean}) => s.supported)
    expect(supported.length).toBeGreaterThan(5)
    expect(supported.every((s: {support: unknown[]}) => s.support.length > 0)).toBe(true)
    for (const id of ['realism', 'liberalism', 'constructivism', 'sovereignty', 'ethics']) expect(strong.concepts[id].status).toBe('applied')
  })

  it('prints a readable outline with ✔ and ✘ and the coverage', async () => {
    const result = await run(['outline', essay])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Thesis: none found')
    expect(result.stdout).toContain('  ¶ line 3\n    ✘ "The UN mission in Somalia was a complete disaster." — no support')
    expect(result.stdout).toMatch(/Realism\s+absent/)
  })

  it('rejects an unknown format', async () => {
    expect(await run(['outline', '-f', 'sarif', essay])).toMatchObject({code: 2, stderr: 'essaylint: outline: unknown format "sarif" (expected text or json).\n'})
  })
})
