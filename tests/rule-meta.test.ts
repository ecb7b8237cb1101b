/** Rule `meta` as ESLint's: an options schema and message ids, checked by the core (src/rule.ts, src/rule-options.ts). */

import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {rules} from '../src/rules.js'
import {checkRuleDefinition, checkRuleOptions, defineRule} from '../src/rule.js'
import {defaultConcepts} from '../src/model/lexicon.js'
import {lintText} from './helpers.js'

const concepts = defaultConcepts()
const check = (id: string, options: Record<string, unknown>) => checkRuleOptions(rules[id] as never, options, concepts)

describe('options schema', () => {
  it('every rule declares one, and its defaults pass it', () => {
    for (const rule of Object.values(rules)) {
      expect(rule.meta.schema, rule.meta.id).toBeDefined()
      expect(checkRuleDefinition(rule.meta), rule.meta.id).toBeUndefined()
      expect(check(rule.meta.id, rule.meta.defaults as Record<string, unknown>), rule.meta.id).toBeUndefined()
    }
  })

  it.each([
    ['unsupported-claim', {window: 'page'}, '"window" must be "sentence" or "paragraph"'],
    ['unsupported-claim', {thesis: 'yes'}, '"thesis" must be true or false'],
    ['unsupported-claim', {windw: 'sentence'}, 'unknown option "windw" (expected "window", "ignoreHedged", "thesis", "secondary", "figures", "group")'],
    ['ethics-coverage', {minSentences: 0}, '"minSentences" must be a whole number of at least 1'],
    ['ethics-coverage', {minSentences: 1.5}, '"minSentences" must be a whole number of at least 1'],
    ['sovereignty-coverage', {topic: 'some'}, '"topic" must be "course" or "any"'],
    ['sovereignty-coverage', {concept: 3}, '"concept" must be a concept id'],
    ['perspective-coverage', {required: 7}, '"required" must be a list of concept ids'],
    ['perspective-coverage', {required: ['marxismo']}, '"required" names an unknown concept "marxismo"'],
    ['vague-evidence', {loud: true}, 'unknown option "loud" (expected no options)']
  ])('%s %j: %s', (id, options, problem) => {
    expect(check(id, options)).toMatch(new RegExp('^' + problem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
  })

  it('a rule whose defaults break its own schema fails the definition check', () => {
    const rule = defineRule({id: 'x', description: '', defaults: {n: 0}, schema: {type: 'object', properties: {n: {type: 'integer', minimum: 1}}, additionalProperties: false}}, () => {})
    expect(checkRuleDefinition(rule.meta)).toBe('rule x: its defaults do not match its schema: "n" must be a whole number of at least 1')
  })

})

describe('message ids', () => {
  const probe = (messageId: string, data: Record<string, unknown>) => {
    const rule = defineRule({id: 'probe', description: '', defaults: {}, messages: {hello: 'Hello {{name}}.'}}, (_model, _file, _options, {report}) => {
      report(messageId, data, {line: 1, column: 1})
    })
    const file = new VFile('text')
    file.data.essay = {} as never
    const transformer = (rule.plugin as never as (this: unknown, o: unknown) => (t: unknown, f: VFile, n: (e?: Error) => void) => void).call({}, ['warn'])
    return new Promise<VFile>((resolve, reject) => transformer({type: 'root'}, file, (error) => (error ? reject(error) : resolve(file))))
  }

  it('a report fills the template and carries the id and the data', async () => {
    const [message] = (await probe('hello', {name: 'Ada'})).messages as Array<{reason: string; messageId?: string; data?: unknown}>
    expect(message).toMatchObject({reason: 'Hello Ada.', messageId: 'hello', data: {name: 'Ada'}})
  })

  it('an undeclared id, or data a template needs and lacks, is an error in the rule (unified-lint-rule reports it on the file, under the rule)', async () => {
    const failure = async (id: string, data: Record<string, unknown>) => (await probe(id, data)).messages.map((m) => [m.ruleId, m.reason])
    expect(await failure('bye', {})).toEqual([['probe', 'rule probe: unknown message id "bye"']])
    expect(await failure('hello', {})).toEqual([['probe', 'rule probe: message "hello" needs "name" in its data']])
  })

  it('vague-evidence reports by id: the JSON gets messageId and the appeal as data', async () => {
    const messages = await lintText('# T\n\nStudies show that missions fail.\n', {config: {rules: {'perspective-coverage': 'off', 'sovereignty-coverage': 'off', 'ethics-coverage': 'off', 'unsupported-claim': 'off'}}})
    expect(messages.map((m) => [m.ruleId, (m as {messageId?: string}).messageId, (m as {data?: unknown}).data])).toEqual([['vague-evidence', 'vague', {appeal: 'Studies show'}]])
  })
})
