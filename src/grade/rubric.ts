/**
 * The grading rubric: criteria with an id, a label, points (`max`) and a
 * scoring type that reads the essay model and the rule findings. The default
 * rubric is data (`default-rubric.json`). A course can change weights, add
 * criteria (e.g. one per extra concept) or replace the rubric with its own
 * JSON or YAML file; every problem is a RubricError naming the file.
 */

import {readFileSync} from 'node:fs'
import {parse as parseYaml} from 'yaml'
import {ConfigFileError, readConfigFile} from '../config/read-config-file.js'
import {parseProblem} from '../config/parse-problem.js'

export type CriterionType = 'thesis' | 'counterargument' | 'claims-supported' | 'perspectives' | 'concept' | 'evidence-quality' | 'references'

export interface Criterion {
  id: string
  label: string
  type: CriterionType
  max: number
  options: Record<string, unknown>
}

export interface Rubric {
  criteria: Criterion[]
  /** The rubric file as named in messages (unset for the default rubric). */
  file?: string
}

/** The most points one criterion can carry: weights past it are typing slips (1e308 summed to Infinity). */
const maxPoints = 1000

/**
 * The range of each numeric option: a negative vaguePenalty added points
 * (1010/10), a zero target divided by zero.
 */
const optionRanges: Record<string, {min: number; max: number; above?: boolean; words: string}> = {
  target: {min: 0, max: 1, above: true, words: 'above 0 and at most 1'},
  named: {min: 0, max: 1, words: 'between 0 and 1'},
  citationsPer1000Words: {min: 0, max: 1000, above: true, words: 'above 0 and at most 1000'},
  casesPer1000Words: {min: 0, max: 1000, above: true, words: 'above 0 and at most 1000'},
  vaguePenalty: {min: 0, max: maxPoints, words: `between 0 and ${maxPoints} points`}
}

/** The concept ids a rubric names (perspectives' `required`, a concept criterion's `concept`). */
export function rubricConcepts(criterion: Criterion): string[] {
  const {required, concept} = criterion.options
  return [...(Array.isArray(required) ? (required as string[]) : []), ...(typeof concept === 'string' ? [concept] : [])]
}

/**
 * Every concept a rubric names must be one the essay's config knows: an
 * unknown one silently scored 0, and `toString` was an internal error.
 * Returns the problem, naming the rubric file, or undefined.
 */
export function unknownConceptProblem(rubric: Rubric, known: Record<string, unknown>): string | undefined {
  for (const criterion of rubric.criteria) {
    for (const id of rubricConcepts(criterion)) {
      if (!Object.hasOwn(known, id)) return `${rubric.file ?? 'rubric'}: criterion "${criterion.id}": unknown concept "${id}" (known concepts: ${Object.keys(known).join(', ')})`
    }
  }
  return undefined
}

export class RubricError extends Error {
  constructor(readonly file: string, problem: string) {
    super(`${file}: ${problem}`)
    this.name = 'RubricError'
  }
}

const types: CriterionType[] = ['thesis', 'counterargument', 'claims-supported', 'perspectives', 'concept', 'evidence-quality', 'references']

/** Options each criterion type accepts, with the type of each value. */
const optionTypes: Record<CriterionType, Record<string, 'number' | 'string' | 'string[]'>> = {
  thesis: {},
  counterargument: {},
  'claims-supported': {target: 'number'},
  perspectives: {required: 'string[]', named: 'number'},
  concept: {concept: 'string', named: 'number'},
  'evidence-quality': {citationsPer1000Words: 'number', casesPer1000Words: 'number', vaguePenalty: 'number'},
  references: {}
}

let builtin: Rubric | undefined
export function defaultRubric(): Rubric {
  builtin ??= checkRubric(JSON.parse(readFileSync(new URL('../grade/default-rubric.json', import.meta.url), 'utf8')), 'default rubric')
  return builtin
}

function checkCriterion(raw: unknown, file: string, where: string, knownConcepts: Set<string>): Criterion {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new RubricError(file, `${where} must be an object`)
  const value = raw as Record<string, unknown>
  for (const key of Object.keys(value)) {
    if (!['id', 'label', 'type', 'max', 'options'].includes(key)) throw new RubricError(file, `${where} has an unknown key "${key}" (expected id, label, type, max, options)`)
  }
  if (typeof value.id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(value.id)) throw new RubricError(file, `${where}: "id" must be a kebab-case string`)
  const at = `criterion "${value.id}"`
  if (typeof value.label !== 'string' || !value.label.trim()) throw new RubricError(file, `${at}: "label" must be a non-empty string`)
  if (!types.includes(value.type as CriterionType)) throw new RubricError(file, `${at}: "type" must be one of ${types.join(', ')}`)
  if (typeof value.max !== 'number' || !Number.isFinite(value.max) || value.max < 0 || value.max > maxPoints) throw new RubricError(file, `${at}: "max" must be a number of points from 0 to ${maxPoints}`)
  const options = value.options ?? {}
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw new RubricError(file, `${at}: "options" must be an object`)
  const allowed = optionTypes[value.type as CriterionType]
  for (const [key, option] of Object.entries(options as Record<string, unknown>)) {
    const expected = allowed[key]
    if (!expected) throw new RubricError(file, `${at}: unknown option "${key}"${Object.keys(allowed).length ? ` (expected ${Object.keys(allowed).join(', ')})` : ''}`)
    const ok = expected === 'string[]' ? Array.isArray(option) && option.every((x) => typeof x === 'string') : typeof option === expected && (expected !== 'number' || Number.isFinite(option))
    if (!ok) throw new RubricError(file, `${at}: option "${key}" must be ${expected === 'string[]' ? 'a list of concept ids' : `a ${expected}`}`)
  }
  const opts = options as Record<string, unknown>
  for (const [key, range] of Object.entries(optionRanges)) {
    const option = opts[key]
    if (typeof option === 'number' && (option < range.min || option > range.max || (range.above && option === range.min))) throw new RubricError(file, `${at}: option "${key}" must be ${range.words}`)
  }
  for (const id of [...((opts.required as string[]) ?? []), ...(typeof opts.concept === 'string' ? [opts.concept] : [])]) {
    // A concept id is kebab-case (as in a config), which `toString` and `constructor` are not.
    if (!/^[a-z][a-z0-9-]*$/.test(id) || id in Object.prototype) throw new RubricError(file, `${at}: unknown concept "${id}"`)
    if (knownConcepts.size > 0 && !knownConcepts.has(id)) throw new RubricError(file, `${at}: unknown concept "${id}"`)
  }
  if (value.type === 'concept' && typeof opts.concept !== 'string') throw new RubricError(file, `${at}: a "concept" criterion needs the option "concept"`)
  return {id: value.id, label: value.label, type: value.type as CriterionType, max: value.max, options: opts}
}

/**
 * Check a rubric. Two shapes: a full rubric `{"criteria": [...]}`, or changes
 * to the default `{"weights": {"thesis": 5}, "add": [...], "remove": ["ethics"]}`.
 */
export function checkRubric(raw: unknown, file: string, knownConcepts: Set<string> = new Set()): Rubric {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new RubricError(file, 'a rubric must be an object with "criteria", or with "weights", "add" and "remove"')
  const value = raw as Record<string, unknown>
  for (const key of Object.keys(value)) {
    if (!['criteria', 'weights', 'add', 'remove'].includes(key)) throw new RubricError(file, `unknown key "${key}" (expected criteria, or weights, add, remove)`)
  }
  let criteria: Criterion[]
  if (value.criteria !== undefined) {
    if (value.weights !== undefined || value.add !== undefined || value.remove !== undefined) {
      throw new RubricError(file, 'give either "criteria" (a whole rubric) or "weights"/"add"/"remove" (changes to the default), not both')
    }
    if (!Array.isArray(value.criteria) || value.criteria.length === 0) throw new RubricError(file, '"criteria" must be a non-empty list')
    criteria = value.criteria.map((c, i) => checkCriterion(c, file, `criteria[${i}]`, knownConcepts))
  } else {
    criteria = defaultRubric().criteria.map((c) => ({...c, options: {...c.options}}))
    if (value.remove !== undefined) {
      if (!Array.isArray(value.remove)) throw new RubricError(file, '"remove" must be a list of criterion ids')
      for (const id of value.remove) {
        if (!criteria.some((c) => c.id === id)) throw new RubricError(file, `"remove": no criterion "${id}"`)
        criteria = criteria.filter((c) => c.id !== id)
      }
    }
    if (value.add !== undefined) {
      if (!Array.isArray(value.add)) throw new RubricError(file, '"add" must be a list of criteria')
      criteria.push(...value.add.map((c, i) => checkCriterion(c, file, `add[${i}]`, knownConcepts)))
    }
    if (value.weights !== undefined) {
      if (value.weights === null || typeof value.weights !== 'object' || Array.isArray(value.weights)) throw new RubricError(file, '"weights" must map criterion ids to points')
      for (const [id, max] of Object.entries(value.weights as Record<string, unknown>)) {
        const criterion = criteria.find((c) => c.id === id)
        if (!criterion) throw new RubricError(file, `"weights": no criterion "${id}" (criteria: ${criteria.map((c) => c.id).join(', ')})`)
        if (typeof max !== 'number' || !Number.isFinite(max) || max < 0 || max > maxPoints) throw new RubricError(file, `"weights": points for "${id}" must be a number from 0 to ${maxPoints}`)
        criterion.max = max
      }
    }
  }
  const ids = new Set<string>()
  for (const criterion of criteria) {
    if (ids.has(criterion.id)) throw new RubricError(file, `two criteria have the id "${criterion.id}"`)
    ids.add(criterion.id)
  }
  return {criteria}
}

/** Load a rubric file (JSON or YAML) and check it. */
export function loadRubric(file: string, knownConcepts: Set<string> = new Set()): Rubric {
  let text: string
  try {
    text = readConfigFile(file)
  } catch (error) {
    if (error instanceof ConfigFileError) throw new RubricError(file, `cannot read the rubric file: ${error.message}`)
    throw new RubricError(file, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'rubric file not found' : 'cannot read the rubric file')
  }
  let raw: unknown
  try {
    raw = /\.ya?ml$/i.test(file) ? parseYaml(text, {logLevel: 'error'}) : JSON.parse(text)
  } catch (error) {
    // Line and the parser's words only: never the file's content.
    const {line, problem} = parseProblem(error, text)
    throw new RubricError(file, `cannot parse${line ? ` at line ${line}` : ''}: ${problem}`)
  }
  return checkRubric(raw, file, knownConcepts)
}
