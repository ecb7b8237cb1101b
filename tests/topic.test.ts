/** The coverage rules apply to essays on the course topic; on another, they are silent (or say so once, at info, with offTopicNote). */

import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {analyze, lint, loadConfig} from '../src/index.js'
import {defaultConcepts} from '../src/model/lexicon.js'
import {courseTopic} from '../src/model/topic.js'
import {compact, root} from './helpers.js'

const coverageRules = {rules: {'unsupported-claim': 'off', 'vague-evidence': 'off'}} as const
const uniforms = '# School uniforms\n\nSchool uniforms should be abolished. They cost families a great deal, and pupils learn no better in them.\n\nSome say uniforms stop bullying, but bullies find other targets.\n'

describe('course topic', () => {
  it('an essay on another topic gets no coverage finding: no "apply realism to a peacekeeping case"', async () => {
    const file = await lint(uniforms, {path: 'uniforms.md', config: coverageRules})
    expect(file.messages).toEqual([])
  })

  it('"offTopicNote": true says once, at info, that the essay is not on the course topic', async () => {
    const config = {rules: {...coverageRules.rules, 'perspective-coverage': ['warn', {offTopicNote: true}]}}
    const file = await lint(uniforms, {path: 'uniforms.md', config})
    expect(file.messages.map(compact)).toEqual([
      '1:1-1:18 perspective-coverage This essay does not seem to be on the course topic (peacekeeping, intervention, the Security Council or IR theory), so essaylint does not check its theoretical perspectives, sovereignty or ethics. If it is meant to be, name the missions, cases and theories it discusses.'
    ])
    expect(file.messages[0].fatal).toBeUndefined()
  })

  it('"topic": "any" checks every essay', async () => {
    const config = {rules: {...coverageRules.rules, 'perspective-coverage': ['warn', {topic: 'any'}], 'sovereignty-coverage': ['warn', {topic: 'any'}], 'ethics-coverage': 'off'}}
    const file = await lint(uniforms, {path: 'uniforms.md', config})
    expect(file.messages.map((m) => m.ruleId)).toEqual(['perspective-coverage', 'sovereignty-coverage'])
    expect(file.messages[0].reason).toMatch(/^Realism, liberalism and constructivism are absent: the essay never discusses any of them\./)
  })

  it('a bad "topic" is a config error', () => {
    expect(() => loadConfig({rules: {'ethics-coverage': ['warn', {topic: 'peace'}]}}, 'course.json')).toThrow(/"topic" must be "course" or "any"/)
  })

  it('an IR-theory essay without the word peacekeeping is on the topic', async () => {
    const model = await analyze('# Order\n\nRealism and liberalism both see the international system as anarchic. Realism expects conflict; liberalism expects cooperation through institutions.\n', {path: 'e.md'})
    expect(courseTopic(model, defaultConcepts()).onTopic).toBe(true)
  })

  it("agrees with the topic of every essay in the project's corpus", async () => {
    const corpus = path.join(root, 'fixtures', 'corpus')
    for (const name of readdirSync(corpus).filter((n) => n.endsWith('.labels.json'))) {
      const labels = JSON.parse(readFileSync(path.join(corpus, name), 'utf8')) as {essay: string; topic: string}
      const model = await analyze(readFileSync(path.join(corpus, labels.essay), 'utf8'), {path: labels.essay})
      expect([labels.essay, courseTopic(model, defaultConcepts()).onTopic]).toEqual([labels.essay, labels.topic === 'peacekeeping'])
    }
  })
})
