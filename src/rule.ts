/**
 * How a rule is declared. Every rule is a folder under `rules/` whose
 * `index.ts` calls `defineRule`: metadata (id, description, docs URL,
 * defaults, an options check) plus a `check` that reads the essay model and
 * reports through `file.message`. unified-lint-rule does the plumbing
 * (ruleId, source, url, severity); severity itself lives in config.
 */

import type {Root} from 'mdast'
import {lintRule} from 'unified-lint-rule'
import type {Plugin, Transformer} from 'unified'
import type {VFile} from 'vfile'
import type {Options as MessageOptions, VFileMessage} from 'vfile-message'
import {checkSchema, fillTemplate, type OptionsSchema} from './rule-options.js'
import './data-map.js'
import type {Concept} from './model/lexicon.js'
import type {EssayModel} from './model/types.js'

export const docsBase = 'https://github.com/essaylint/essaylint/blob/main/rules/'

export type Severity = 'off' | 'info' | 'warn' | 'error'

export interface RuleContext {
  concepts: Record<string, Concept>
  /** Report a finding by message id (`meta.messages`), its template filled from `data`. */
  report(messageId: string, data: Record<string, unknown>, place: Place): VFileMessage
}

type Place = NonNullable<MessageOptions['place']>

export interface RuleMeta<Options> {
  id: string
  description: string
  defaults: Options
  /** The options object's JSON Schema, checked by the core when a config is loaded (src/rule-options.ts). */
  schema?: OptionsSchema
  /** Message templates by id, `{{name}}` filled from the report's data. */
  messages?: Record<string, string>
  /** Rules whose finding on a sentence this rule's finding there stands for (src/finding-overlap.ts): the student reads one. */
  replaces?: string[]
  /** Checks the schema cannot express (concept ids against the concepts in force): a problem in plain words, or undefined. */
  validate?(options: Record<string, unknown>, concepts: Record<string, Concept>): string | undefined
}

export interface EssayRule<Options = Record<string, unknown>> {
  meta: RuleMeta<Options> & {url: string}
  plugin: Plugin<[[Severity, Partial<Options>?]?], Root>
}

export function defineRule<Options extends object>(
  meta: RuleMeta<Options>,
  check: (model: EssayModel, file: VFile, options: Options, context: RuleContext) => void
): EssayRule<Options> {
  const url = `${docsBase}${meta.id}/README.md`
  const report = (file: VFile) => (messageId: string, data: Record<string, unknown>, place: Place) => {
    const template = meta.messages && Object.hasOwn(meta.messages, messageId) ? meta.messages[messageId] : undefined
    if (template === undefined) throw new Error(`rule ${meta.id}: unknown message id "${messageId}"`)
    const message = file.message(fillTemplate(meta.id, messageId, template, data), {place})
    Object.assign(message, {messageId, data: {...data}})
    return message
  }
  const inner = lintRule<Root, Partial<Options>>({origin: `essaylint:${meta.id}`, url}, (_tree, file, options) => {
    const model = file.data.essay
    if (!model) return
    withoutStackTraces(() => check(model, file, {...meta.defaults, ...(options ?? {})} as Options, {concepts: file.data.concepts ?? {}, report: report(file)}))
  })
  const plugin: Plugin<[[Severity, Partial<Options>?]?], Root> = function (config) {
    const [severity = 'warn', options] = config ?? []
    if (severity === 'off') return
    const transformer = inner.call(this, [severity === 'error' ? 'error' : 'warn', options]) as Transformer<Root>
    // unified-lint-rule knows warnings and errors only: an info finding is a
    // message that is neither (`fatal: undefined`, as vfile defines it). A
    // rule may also mark a finding `demote` (a hedged claim): it is then
    // reported one level below the configured severity; or `advisory` (a
    // secondary finding): it is then info, whatever the severity.
    return function (tree, file, next) {
      const from = file.messages.length
      ;(transformer as (t: Root, f: VFile, n: (e?: Error) => void) => void)(tree, file, (error) => {
        for (const message of file.messages.slice(from)) {
          const demote = (message as {demote?: boolean}).demote === true
          const advisory = (message as {advisory?: boolean}).advisory === true
          delete (message as {demote?: boolean}).demote
          delete (message as {advisory?: boolean}).advisory
          if (severity === 'info' || advisory) message.fatal = undefined
          else if (demote) message.fatal = message.fatal ? false : undefined
        }
        next(error)
      })
    }
  }
  Object.defineProperty(plugin, 'name', {value: `essaylint:${meta.id}`})
  return {meta: {...meta, url}, plugin}
}

/**
 * Run `fn` with Error stack traces off. A finding is a VFileMessage, which is
 * an Error: each one captured a stack trace nobody reads (it points into the
 * rule), about 7 µs a finding, a tenth of a second on a class of essays.
 */
export function withoutStackTraces<T>(fn: () => T): T {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return fn()
  } finally {
    Error.stackTraceLimit = limit
  }
}

/**
 * What is wrong with a rule's declaration, or undefined: its schema compiles
 * (ajv, strict) and accepts the rule's own defaults. The test suite runs it over
 * every rule; it is not run when a rule is defined, so that a lint run with no
 * rule options compiles no schema.
 */
export function checkRuleDefinition(meta: RuleMeta<object>): string | undefined {
  const problem = meta.schema ? checkSchema(meta.schema, meta.defaults as Record<string, unknown>) : undefined
  return problem && `rule ${meta.id}: its defaults do not match its schema: ${problem}`
}

/** A rule's options checked as the core checks them: its schema first, then its own `validate`. */
export function checkRuleOptions(rule: EssayRule<object>, options: Record<string, unknown>, concepts: Record<string, Concept>): string | undefined {
  return (rule.meta.schema ? checkSchema(rule.meta.schema, options) : undefined) ?? rule.meta.validate?.(options, concepts)
}

/** Helpers for option checks. */
export function checkKeys(options: Record<string, unknown>, allowed: string[]): string | undefined {
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) return `unknown option "${key}" (expected ${allowed.map((k) => `"${k}"`).join(', ')})`
  }
  return undefined
}
