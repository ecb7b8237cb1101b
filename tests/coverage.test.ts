/**
 * Coverage rules on whole essays: the statuses the sample essays were written
 * to have, and mutations — remove every paragraph that treats one concept and
 * exactly that finding appears; put back one passing sentence and it is
 * reported as only named, at that line.
 */

import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {analyze, coverageOf, lint} from '../src/index.js'
import {root} from './helpers.js'

interface Entry {
  file: string
  quality: string
  expect: Record<string, 'absent' | 'named' | 'applied'>
}

const dir = path.join(root, 'fixtures', 'essays')
const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Entry[]
const ruleOf = (concept: string) =>
  concept === 'sovereignty' ? 'sovereignty-coverage' : concept === 'ethics' ? 'ethics-coverage' : 'perspective-coverage'

async function findings(text: string, file: string): Promise<string[]> {
  const result = await lint(text, {path: file, rules: {'unsupported-claim': 'off', 'vague-evidence': 'off'}})
  // Coverage findings only: the other rules (claims, citations, the thesis) have tests of their own.
  return result.messages.filter((m) => /-coverage$/.test(m.ruleId ?? '')).map((m) => {
    // Several absent perspectives are one finding that lists them all (data.concepts).
    const data = (m as unknown as {data: {concept: string; concepts?: string[]; status: string}}).data
    return (data.concepts ?? [data.concept]).map((concept) => `${m.ruleId} ${concept} ${data.status}`)
  }).flat()
}

describe.each(manifest)('$file', (entry) => {
  const text = readFileSync(path.join(dir, entry.file), 'utf8')

  it('has the coverage it was written to have', async () => {
    const model = await analyze(text, {path: entry.file})
    const statuses = Object.fromEntries(Object.keys(entry.expect).map((concept) => [concept, coverageOf(model, concept).status]))
    expect(statuses).toEqual(entry.expect)
  })

  it('gets one finding per concept that is not applied, and none for the others', async () => {
    const expected = Object.entries(entry.expect)
      .filter(([, status]) => status !== 'applied')
      .map(([concept, status]) => `${ruleOf(concept)} ${concept} ${status}`)
    expect((await findings(text, entry.file)).sort()).toEqual(expected.sort())
  })
})

const strong = manifest.filter((entry) => Object.values(entry.expect).every((status) => status === 'applied'))

/** Cut paragraphs out of the text, by index, keeping everything else as it was. */
function without(text: string, model: Awaited<ReturnType<typeof analyze>>, paragraphs: Iterable<number>): string {
  let result = text
  for (const index of [...new Set(paragraphs)].sort((a, b) => b - a)) {
    const {start, end} = model.paragraphs[index].range
    result = result.slice(0, start.offset) + result.slice(end.offset)
  }
  return result
}

describe.each(strong)('mutations of $file', (entry) => {
  const text = readFileSync(path.join(dir, entry.file), 'utf8')
  const concepts = Object.keys(entry.expect)

  it.each(concepts)('removing the paragraphs that apply %s makes its finding appear, and no other', async (concept) => {
    const model = await analyze(text, {path: entry.file})
    const removed = new Set(coverageOf(model, concept).appliedIn)
    expect(removed.size).toBeGreaterThan(0)
    const after = await findings(without(text, model, removed), entry.file)
    // Another concept loses its coverage only if every paragraph applying it was removed too.
    const expected = concepts
      .filter((other) => coverageOf(model, other).appliedIn.every((index) => removed.has(index)))
      .map((other) => `${ruleOf(other)} ${other}`)
    expect(after.map((finding) => finding.split(' ').slice(0, 2).join(' ')).sort()).toEqual(expected.sort())
    expect(expected).toContain(`${ruleOf(concept)} ${concept}`)
  })

  it('the other concepts keep their coverage when one is removed (at least one concept stands alone)', async () => {
    const model = await analyze(text, {path: entry.file})
    const alone = concepts.filter((concept) => {
      const removed = new Set(coverageOf(model, concept).appliedIn)
      return concepts.every((other) => other === concept || coverageOf(model, other).appliedIn.some((index) => !removed.has(index)))
    })
    expect(alone.length).toBeGreaterThanOrEqual(3)
  })

  it('what remains after removing the applying paragraphs is reported as only named, at a line that names it', async () => {
    const model = await analyze(text, {path: entry.file})
    const mutated = without(text, model, coverageOf(model, 'constructivism').appliedIn)
    const result = await lint(mutated, {path: entry.file, rules: {'unsupported-claim': 'off'}})
    const finding = result.messages.find((m) => (m as unknown as {data: {concept: string}}).data.concept === 'constructivism')!
    expect(finding.reason).toMatch(new RegExp(`^Constructivism (is only named \\(line ${finding.line}\\), never applied to peacekeeping|is absent)`))
    if (finding.reason.includes('only named')) {
      const line = mutated.split('\n')[finding.line! - 1]
      expect(line.slice(finding.column! - 1)).toMatch(/^(constructivis|social|norm|Wendt|Finnemore|Barnett|Autesserre|Katzenstein|logic)/i)
    }
  })

  it('a one-sentence mention in a new paragraph is reported as only named, at its line', async () => {
    const model = await analyze(text, {path: entry.file})
    const mentioned = model.mentions.filter((m) => m.concept === 'constructivism').map((m) => m.paragraph)
    let mutated = without(text, model, mentioned)
    // Put the passing mention right after the title.
    const titleEnd = mutated.indexOf('\n') + 1
    mutated = mutated.slice(0, titleEnd) + '\nConstructivists would add that ideas matter as well.\n' + mutated.slice(titleEnd)
    const result = await lint(mutated, {path: entry.file, rules: {'unsupported-claim': 'off'}})
    const finding = result.messages.find((m) => (m as unknown as {data: {concept: string}}).data.concept === 'constructivism')!
    expect([finding.line, finding.column, finding.reason.split('. ')[0]]).toEqual([3, 1, 'Constructivism is only named (line 3), never applied to peacekeeping'])
  })
})
