/**
 * Domain knowledge as data: the concept lexicons (perspectives, sovereignty,
 * ethics), the cue words (ties to peacekeeping, markers of reasoning) and the
 * named peace operations. They live in `src/lexicons/*.yaml|json`; this module
 * loads them once, merges what a course adds in its config (`concepts`), and
 * compiles everything into phrase matchers.
 */

import {readFileSync} from 'node:fs'
import {parse as parseYaml} from 'yaml'
import {PhraseMatcher} from './matcher.js'

export type ConceptGroup = 'perspective' | 'sovereignty' | 'ethics'

export interface Concept {
  id: string
  label: string
  group: ConceptGroup
  optional: boolean
  names: string[]
  thinkers: string[]
  terms: string[]
  exclude: string[]
  hint: string
}

/** What a config may say about a concept (`concepts` key). */
export interface ConceptConfig {
  label?: string
  group?: ConceptGroup
  optional?: boolean
  names?: string[]
  thinkers?: string[]
  terms?: string[]
  exclude?: string[]
  hint?: string
  /** Replace the built-in lists instead of adding to them. */
  replace?: boolean
}

export interface Operation {
  acronym: string
  name: string
  aliases: string[]
  location: string | null
  start: number | null
  end: number | null
  led: string
  /** ISO 3166-1 alpha-2 codes of the countries it served in. */
  countries: string[]
  /** Where the facts come from (the UN's published list, for UN-led operations). */
  source?: string
}

function readData(name: string): string {
  return readFileSync(new URL(`../lexicons/${name}`, import.meta.url), 'utf8')
}

/**
 * A YAML lexicon of `src/lexicons`, parsed. The build writes each one's JSON
 * next to it (`concepts.yaml.json`, by scripts/copy-data.js): reading that
 * takes under a millisecond where parsing the YAML took about 140 ms in every
 * fresh process and worker. Run from the sources (tests), the YAML is read.
 */
export function readLexicon(name: string): unknown {
  try {
    return JSON.parse(readData(`${name}.json`))
  } catch {
    return parseYaml(readData(name))
  }
}

let builtinConcepts: Record<string, Concept> | undefined
export function defaultConcepts(): Record<string, Concept> {
  if (!builtinConcepts) {
    const raw = readLexicon('concepts.yaml') as Record<string, ConceptConfig>
    builtinConcepts = {}
    for (const [id, value] of Object.entries(raw)) {
      builtinConcepts[id] = mergeConcept(undefined, id, value)
    }
  }
  return builtinConcepts
}

let cueData: {anchors: string[]; explanation: string[]} | undefined
export function cues(): {anchors: string[]; explanation: string[]} {
  cueData ??= readLexicon('cues.yaml') as {anchors: string[]; explanation: string[]}
  return cueData
}

let operationData: Operation[] | undefined
export function operations(): Operation[] {
  operationData ??= JSON.parse(readData('operations.json')) as Operation[]
  return operationData
}

const conceptKeys = new Set(['label', 'group', 'optional', 'names', 'thinkers', 'terms', 'exclude', 'hint', 'replace'])
const listKeys = ['names', 'thinkers', 'terms', 'exclude'] as const

/**
 * Check one `concepts` entry of a config. Returns a problem in plain words, or
 * undefined when it is fine.
 */
export function checkConceptConfig(id: string, value: unknown, known: boolean): string | undefined {
  if (!/^[a-z][a-z0-9-]*$/.test(id)) return `concept id "${id}" must be kebab-case (e.g. "english-school")`
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return `concept "${id}" must be an object`
  const record = value as Record<string, unknown>
  for (const key of Object.keys(record)) {
    if (!conceptKeys.has(key)) return `concept "${id}" has an unknown key "${key}" (expected one of ${[...conceptKeys].join(', ')})`
  }
  for (const key of listKeys) {
    const list = record[key]
    if (list !== undefined && (!Array.isArray(list) || list.some((t) => typeof t !== 'string' || !t.trim()))) {
      return `concept "${id}": "${key}" must be a list of words or phrases`
    }
  }
  for (const key of ['label', 'hint'] as const) {
    if (record[key] !== undefined && typeof record[key] !== 'string') return `concept "${id}": "${key}" must be a string`
  }
  if (record.group !== undefined && !['perspective', 'sovereignty', 'ethics'].includes(record.group as string)) {
    return `concept "${id}": "group" must be "perspective", "sovereignty" or "ethics"`
  }
  if (!known && typeof record.label !== 'string') return `new concept "${id}" needs a "label"`
  const words = [...((record.names as string[]) ?? []), ...((record.thinkers as string[]) ?? []), ...((record.terms as string[]) ?? [])]
  if (!known && words.length === 0) return `new concept "${id}" needs "names" or "terms"`
  return undefined
}

/** Merge a config entry onto a concept (or create one). Lists add unless `replace`. */
export function mergeConcept(base: Concept | undefined, id: string, value: ConceptConfig): Concept {
  const replace = value.replace === true || !base
  const list = (key: (typeof listKeys)[number]) =>
    replace ? [...(value[key] ?? [])] : [...new Set([...base![key], ...(value[key] ?? [])])]
  return {
    id,
    label: value.label ?? base?.label ?? id,
    group: value.group ?? base?.group ?? 'perspective',
    optional: value.optional ?? base?.optional ?? true,
    names: list('names'),
    thinkers: list('thinkers'),
    terms: list('terms'),
    exclude: list('exclude'),
    hint: value.hint ?? base?.hint ?? `how ${(value.label ?? id).toLowerCase()} explains what a mission did or failed to do`
  }
}

export function resolveConcepts(extra: Record<string, ConceptConfig> | undefined): Record<string, Concept> {
  const base = defaultConcepts()
  if (!extra || Object.keys(extra).length === 0) return base
  const result = {...base}
  for (const [id, value] of Object.entries(extra)) result[id] = mergeConcept(base[id], id, value)
  return result
}

export type ConceptHit = {concept: string; kind: 'name' | 'thinker' | 'term'} | {concept: '!exclude'; kind: 'exclude'}

export interface CompiledLexicon {
  concepts: Record<string, Concept>
  conceptMatcher: PhraseMatcher<ConceptHit>
  cueMatcher: PhraseMatcher<'anchor' | 'explanation'>
  operationMatcher: PhraseMatcher<Operation>
}

const compiled = new WeakMap<Record<string, Concept>, CompiledLexicon>()

/** Compile (once per concept set) the matchers the analysis needs. */
export function compileLexicon(concepts: Record<string, Concept>): CompiledLexicon {
  const cached = compiled.get(concepts)
  if (cached) return cached
  const conceptMatcher = new PhraseMatcher<ConceptHit>()
  for (const concept of Object.values(concepts)) {
    for (const term of concept.names) conceptMatcher.add(term, {concept: concept.id, kind: 'name'})
    for (const term of concept.terms) conceptMatcher.add(term, {concept: concept.id, kind: 'term'})
    for (const name of concept.thinkers) conceptMatcher.add(name, {concept: concept.id, kind: 'thinker'}, true)
    for (const term of concept.exclude) conceptMatcher.add(term, {concept: '!exclude', kind: 'exclude'})
  }
  const cueMatcher = new PhraseMatcher<'anchor' | 'explanation'>()
  const {anchors, explanation} = cues()
  for (const term of anchors) cueMatcher.add(term, 'anchor')
  for (const term of explanation) cueMatcher.add(term, 'explanation')
  const operationMatcher = new PhraseMatcher<Operation>({possessive: true})
  for (const op of operations()) {
    // Acronyms are matched as written: "UNEF" is a mission, "unef" is a typo.
    operationMatcher.add(op.acronym, op, true)
    operationMatcher.add(op.name, op)
    for (const alias of op.aliases) operationMatcher.add(alias, op, /^[A-Z0-9 -]+$/.test(alias))
  }
  const result = {concepts, conceptMatcher, cueMatcher, operationMatcher}
  compiled.set(concepts, result)
  return result
}
