/**
 * A title that compares named perspectives sets the essay's question
 * (src/model/topic.ts titleScope, src/coverage-rule.ts): a perspective it
 * does not name is only noted, at info; a theory comparison that names no
 * mission is not asked for sovereignty or ethics, nor to tie each theory to
 * peacekeeping. The grade's coverage criteria follow the same reading.
 */

import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {lint} from '../src/index.js'
import {gradeEssay} from '../src/grade/score.js'
import {defaultRubric} from '../src/grade/rubric.js'
import {root} from './helpers.js'

const read = (file: string) => readFileSync(path.join(root, 'fixtures', file), 'utf8')
const coverageRules = /-coverage$/

async function coverage(text: string, file: string) {
  const result = await lint(text, {path: file, rules: {'unsupported-claim': 'off', 'vague-evidence': 'off'}})
  return {
    result,
    findings: result.messages
      .filter((m) => coverageRules.test(m.ruleId ?? ''))
      .map((m) => ({rule: m.ruleId, severity: m.fatal === false ? 'warning' : 'info', line: m.line, message: m.reason}))
      .sort((a, b) => String(a.rule).localeCompare(String(b.rule)))
  }
}

describe('a theory comparison with no mission', () => {
  const text = read('scope/theory-comparison.md')

  it('notes the perspective its title leaves out, and sovereignty and ethics, at info on the title', async () => {
    const {findings} = await coverage(text, 'theory-comparison.md')
    expect(findings.map((f) => [f.rule, f.severity, f.line])).toEqual([
      ['ethics-coverage', 'info', 1],
      ['perspective-coverage', 'info', 1],
      ['sovereignty-coverage', 'info', 1]
    ])
    const constructivism = findings.find((f) => f.rule === 'perspective-coverage')!.message
    expect(constructivism).toBe(
      "Constructivism is not discussed, but the title sets a comparison of realism and liberalism, so essaylint only notes it. If your assignment asks for constructivism too, add a paragraph that explains what constructivism holds and how it would answer the title's question."
    )
    expect(findings.find((f) => f.rule === 'ethics-coverage')!.message).toContain('shows how realism and liberalism each treat it')
  })

  it('counts the two theories as applied without a peacekeeping anchor: no "only named" finding for them', async () => {
    const {findings} = await coverage(text, 'theory-comparison.md')
    expect(findings.some((f) => /Realism|Liberalism/.test(f.message.split(' ')[0]))).toBe(false)
  })

  it('grades the perspectives the title names, and gives sovereignty and ethics full marks as not asked', async () => {
    const {result} = await coverage(text, 'theory-comparison.md')
    const grade = gradeEssay(result, 'theory-comparison.md', defaultRubric())
    const by = Object.fromEntries(grade.criteria.map((c) => [c.id, c]))
    expect(by.perspectives.score).toBe(25)
    expect(by.perspectives.evidence[0]).toBe('the title sets a comparison of realism and liberalism: constructivism not counted')
    expect(by.sovereignty.score).toBe(10)
    expect(by.ethics.evidence).toEqual(['ethics: not asked by the title, which sets a comparison of realism and liberalism'])
  })

  it('without the comparison in its title, the same essay is judged by the course list as before', async () => {
    const plain = text.replace(/^# .*$/m, '# Why States Cooperate')
    const {findings} = await coverage(plain, 'theory-comparison.md')
    // Realism and liberalism are explained but never tied to peacekeeping; constructivism, sovereignty and ethics are missing.
    expect(findings.every((f) => f.severity === 'warning')).toBe(true)
    expect(findings.map((f) => f.rule)).toEqual(['ethics-coverage', 'perspective-coverage', 'perspective-coverage', 'perspective-coverage', 'sovereignty-coverage'])
    expect(findings.some((f) => f.message.startsWith('Realism is only named (line 3), never applied to peacekeeping.'))).toBe(true)
  })
})

describe('a case study whose title compares two theories', () => {
  // mali-sovereignty.md applies realism and liberalism to MINUSMA, leaves out constructivism and names ethics only in passing.
  const text = read('essays/mali-sovereignty.md').replace(/^# .*$/m, '# Realism and Liberalism in Mali')

  it('notes the left-out perspective at info and still warns about ethics, since the essay is about a mission', async () => {
    const {findings} = await coverage(text, 'mali.md')
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['ethics-coverage', 'warning'],
      ['perspective-coverage', 'info']
    ])
    expect(findings[1].message).toMatch(/^Constructivism is not discussed, but the title sets a comparison of realism and liberalism, so essaylint only notes it\. If your assignment asks for constructivism too, add a paragraph that explains what constructivism holds and uses it to analyse MINUSMA, which the essay already discusses\.$/)
  })

  it('is warned about constructivism as before when its title names one theory only', async () => {
    const {findings} = await coverage(text.replace(/^# .*$/m, '# A Realist Reading of Mali'), 'mali.md')
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['ethics-coverage', 'warning'],
      ['perspective-coverage', 'warning']
    ])
    expect(findings[1].message).toMatch(/^Constructivism is absent: the essay never discusses it\./)
  })
})

it('reads "neoliberalism" in an IR essay as the liberal perspective', async () => {
  const text = '# Realism and Neoliberalism\n\nNeoliberalism holds that institutions help states cooperate.\n'
  const result = await lint(text, {path: 'n.md'})
  const model = result.data.essay!
  expect(model.mentions.filter((m) => m.kind === 'name').map((m) => [m.concept, m.text])).toContainEqual(['liberalism', 'Neoliberalism'])
})
