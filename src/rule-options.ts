/**
 * Rule options and messages declared in a rule's `meta`, as ESLint's
 * `meta.schema` and `meta.messages`, and checked here by the core rather
 * than by each rule:
 *
 * - `schema`: a JSON Schema (draft-07) of the options object, checked with
 *   ajv when a config is loaded. A failure becomes one plain sentence naming
 *   the option (`"window" must be "sentence" or "paragraph"`); a property's
 *   `description` says what it must be when the type alone would not.
 * - `messages`: message templates by id (`{{name}}` filled from the data). A
 *   rule reports `report(id, data, place)`; an id it did not declare, or data
 *   a template needs and was not given, is a programming error (thrown). The
 *   message carries `messageId`, and its `data` the values, so tests and
 *   tools can assert the id and data instead of the English sentence.
 */

import {Ajv, type ErrorObject, type ValidateFunction} from 'ajv'

export interface OptionsSchema {
  type: 'object'
  properties: Record<string, PropertySchema>
  additionalProperties: false
}

export interface PropertySchema {
  type?: string | string[]
  enum?: unknown[]
  minimum?: number
  maximum?: number
  items?: PropertySchema
  /** What the value must be, in words ("a list of concept ids"): used in the error. */
  description?: string
}

// Made on first use: an Ajv instance compiles its meta-schema, and each schema
// compiles to code; a run with no rule options (most runs, and every worker)
// needs neither. A perspective list may be one id or a list of them: a union type.
let ajv: Ajv | undefined
const compiled = new WeakMap<OptionsSchema, ValidateFunction>()

const quoted = (values: unknown[]) => values.map((v) => JSON.stringify(v)).join(values.length === 2 ? ' or ' : ', ')

function sentence(error: ErrorObject, schema: OptionsSchema): string {
  if (error.keyword === 'additionalProperties') {
    const key = (error.params as {additionalProperty: string}).additionalProperty
    return `unknown option "${key}" (expected ${Object.keys(schema.properties).map((k) => `"${k}"`).join(', ') || 'no options'})`
  }
  const key = error.instancePath.split('/')[1] ?? ''
  const property = schema.properties[key] ?? {}
  if (property.description) return `"${key}" must be ${property.description}`
  if (property.enum) return `"${key}" must be ${quoted(property.enum)}`
  if (property.type === 'boolean') return `"${key}" must be true or false`
  if (property.type === 'integer') return `"${key}" must be a whole number${property.minimum !== undefined ? ` of at least ${property.minimum}` : ''}`
  return `"${key}" ${error.message ?? 'is invalid'}`
}

/** The problem with these options in one sentence, or undefined when the schema accepts them. */
export function checkSchema(schema: OptionsSchema, options: Record<string, unknown>): string | undefined {
  // No options: a schema has no required properties (OptionsSchema cannot say any), so it accepts them.
  if (Object.keys(options).length === 0) return undefined
  let validate = compiled.get(schema)
  if (!validate) {
    ajv ??= new Ajv({allErrors: false, strict: true, allowUnionTypes: true})
    validate = ajv.compile(schema)
    compiled.set(schema, validate)
  }
  if (validate(options)) return undefined
  return sentence(validate.errors![0], schema)
}

/** Fill a message template; every `{{name}}` must have a value. */
export function fillTemplate(ruleId: string, messageId: string, template: string, data: Record<string, unknown>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    if (!Object.hasOwn(data, name)) throw new Error(`rule ${ruleId}: message "${messageId}" needs "${name}" in its data`)
    return String(data[name])
  })
}
