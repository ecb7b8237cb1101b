/**
 * The shared shape of the three coverage rules (perspectives, sovereignty,
 * ethics): for each concept the rule requires, report it when it is absent
 * or only named. What "applied" means is `model/coverage.ts`; what each
 * concept's words are is `lexicons/concepts.yaml` plus the course config.
 */

import type {VFile} from 'vfile'
import {compileLexicon, defaultConcepts, type Concept} from './model/lexicon.js'
import {coverageOf, defaultThresholds, type ApplyThresholds} from './model/coverage.js'
import type {EssayModel, Range} from './model/types.js'
import {defineRule} from './rule.js'
import type {OptionsSchema, PropertySchema} from './rule-options.js'
import {courseTopic, titleScope} from './model/topic.js'
import {isBody} from './argument/structure.js'
import {placeNamesIn} from './model/operations.js'

export interface CoverageOptions extends ApplyThresholds {
  /** `course` (default): check only essays on the course topic; `any`: every essay. */
  topic: 'course' | 'any'
}

/** The options every coverage rule takes (meta.schema's properties; src/rule-options.ts). */
export const thresholdProperties: Record<string, PropertySchema> = {
  minSentences: {type: 'integer', minimum: 1},
  requireAnchor: {type: 'boolean'},
  requireReasoning: {type: 'boolean'},
  topic: {enum: ['course', 'any']}
}

/** A coverage rule's schema: the shared options and its own. */
export function coverageSchema(own: Record<string, PropertySchema>): OptionsSchema {
  return {type: 'object', properties: {...thresholdProperties, ...own}, additionalProperties: false}
}

/** A concept id, or a list of them (checked against the concepts in force by checkConceptList). */
export const conceptList: PropertySchema = {type: ['string', 'array'], items: {type: 'string'}, description: 'a list of concept ids'}

export function checkConceptList(
  value: unknown,
  key: string,
  concepts: Record<string, Concept>,
  group: Concept['group'] | undefined
): string | undefined {
  const list = typeof value === 'string' ? [value] : value
  if (!Array.isArray(list) || list.some((id) => typeof id !== 'string')) return `"${key}" must be a list of concept ids`
  for (const id of list as string[]) {
    const concept = concepts[id]
    if (!concept) return `"${key}" names an unknown concept "${id}" (known: ${Object.keys(concepts).join(', ')})`
    if (group && concept.group !== group) return `"${key}": "${id}" is a ${concept.group} concept, not a ${group} one`
  }
  return undefined
}

export const defaultCoverageOptions: CoverageOptions = {...defaultThresholds, topic: 'course'}

/** Whether a coverage rule checks this essay: it is on the course topic, or the rule checks any essay. */
export function checksEssay(model: EssayModel, options: CoverageOptions, concepts: Record<string, Concept>): boolean {
  return options.topic === 'any' || courseTopic(model, concepts).onTopic
}

/** Said once, at info, by perspective-coverage on an essay that is not on the course topic, when its `offTopicNote` option is on. */
export function reportOffTopic(model: EssayModel, file: VFile): void {
  const message = file.message(
    'This essay does not seem to be on the course topic (peacekeeping, intervention, the Security Council or IR theory), so essaylint does not check its theoretical perspectives, sovereignty or ethics. If it is meant to be, name the missions, cases and theories it discusses.',
    {place: essayStart(model, file)}
  )
  Object.assign(message, {data: {kind: 'off-topic'}, advisory: true})
}

/** The top of the essay: its title when it has one, else line 1. */
function essayStart(model: EssayModel, file: VFile): Range {
  if (model.title) return model.title.range
  const source = String(file.value)
  const lineEnd = source.search(/\r?\n|\r/)
  const end = lineEnd === -1 ? source.length : lineEnd
  return {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: end + 1, offset: end}}
}

/** What a perspective finding's note tells every essay on the course topic. */
const theoryNote = 'An essay for this course is judged on whether it uses theory to explain what states, the Security Council and missions did; a perspective that is only named earns little credit.'

/**
 * The essay's own case, to name in a message: the peace operation its body
 * names in the most sentences (its acronym; the first named wins a tie), so
 * that an essay on MONUSCO that first recalls MONUC is told of MONUSCO;
 * else the place its body names most often, in two sentences or more ("the
 * case of Bosnia"). Once per essay, whichever concepts are reported.
 */
function essayCase(model: EssayModel): string | undefined {
  if (essayCases.has(model)) return essayCases.get(model)
  const matcher = compileLexicon(defaultConcepts()).operationMatcher
  const body = model.paragraphs.filter(isBody).flatMap((paragraph) => paragraph.sentences.map((index) => model.sentences[index]))
  const named = new Map<string, number>()
  for (const sentence of body) for (const acronym of new Set(matcher.match(sentence.words).map((m) => m.payloads[0].acronym))) named.set(acronym, (named.get(acronym) ?? 0) + 1)
  // Sorting is stable: of missions named equally often, the first named stays first.
  let found = [...named].sort((a, b) => b[1] - a[1])[0]?.[0]
  if (found === undefined) {
    const places = new Map<string, number>()
    // A place the essay writes with its article ("the Soviet Union", "the DRC") keeps it.
    const withArticle = new Set<string>()
    for (const sentence of body) {
      const named = placeNamesIn(sentence)
      for (const place of named) if (sentence.words[place.from - 1]?.norm === 'the') withArticle.add(place.text)
      for (const place of new Set(named.map((p) => p.text))) places.set(place, (places.get(place) ?? 0) + 1)
    }
    const [place, count] = [...places].sort((a, b) => b[1] - a[1])[0] ?? []
    if (place !== undefined && count! >= 2) found = `the case of ${withArticle.has(place) ? 'the ' : ''}${place}`
  }
  essayCases.set(model, found)
  return found
}
const essayCases = new WeakMap<EssayModel, string | undefined>()

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** The question an essay's title sets when it compares named perspectives (model/topic.ts titleScope). */
export interface TitleScope {
  perspectives: string[]
  /** Their labels, lower-cased ("realism", "liberalism"). */
  labels: string[]
  /** "a comparison of realism and liberalism" */
  question: string
}

/** The title's comparison, or undefined when the title names fewer than two perspectives. */
export function scopeOfTitle(model: EssayModel, concepts: Record<string, Concept>): TitleScope | undefined {
  const perspectives = titleScope(model, concepts)
  if (perspectives.length === 0) return undefined
  const labels = perspectives.map((id) => concepts[id].label.toLowerCase())
  return {perspectives, labels, question: `a comparison of ${listed(labels)}`}
}

/**
 * Whether sovereignty and ethics stand outside the essay's question: its
 * title compares theories and its body names no peace operation, so it is
 * a theory essay, not a case study the course's list was written for.
 */
export function theoryComparison(model: EssayModel, concepts: Record<string, Concept>): TitleScope | undefined {
  const scope = scopeOfTitle(model, concepts)
  return scope && essayCase(model) === undefined ? scope : undefined
}

/**
 * The thresholds a concept is judged by: the rule's, except that a theory
 * comparison (theoryComparison) is not asked to tie each theory to
 * peacekeeping — it applies them to the cases its own question is about.
 */
export function thresholdsFor(model: EssayModel, thresholds: ApplyThresholds, concepts: Record<string, Concept>): ApplyThresholds {
  return theoryComparison(model, concepts) ? {...thresholds, requireAnchor: false} : thresholds
}

/** A perspective found absent, held back to be reported with the others absent from the same essay. */
export interface AbsentPerspective {
  concept: Concept
  /** What to analyse with it: the essay's own case. */
  fix: string
  note: string
}

/** How the essay's title frames a concept: the comparison it sets, and whether the concept is outside it. */
export interface Framing {
  scope: TitleScope
  outside: boolean
}

/**
 * Report one concept's coverage when it is missing or shallow. Wording
 * depends on the group: perspectives are "applied to peacekeeping",
 * sovereignty and ethics "discussed in depth"; an essay whose title sets a
 * comparison of theories and names no mission is asked to answer its own
 * question instead, and a concept outside that question is only noted.
 * Given `absentTogether`, an absent perspective is added to it instead of
 * being reported, so that the rule can say once that several are missing
 * (reportAbsentPerspectives).
 */
export function reportCoverage(
  model: EssayModel,
  file: VFile,
  concept: Concept,
  thresholds: ApplyThresholds,
  absentTogether?: AbsentPerspective[],
  framing?: Framing
): void {
  const isPerspective = concept.group === 'perspective'
  // A perspective applied without its name is applied (model/coverage.ts).
  const coverage = coverageOf(model, concept.id, thresholds, isPerspective)
  if (coverage.status === 'applied') return
  const label = capitalise(concept.label)
  const data = {concept: concept.id, status: coverage.status, lines: coverage.lines}
  // The reason says what is wrong and what to do; the concrete example for
  // this concept (from the lexicon's `hint`) goes in the note, shown by
  // `--format json`, the editor and the outline.
  // Speak of the essay's own case where it has one: "…to analyse UNAMIR, which the essay already discusses".
  const own = essayCase(model)
  const theory = framing && !own ? framing.scope : undefined
  const fix = theory
    ? isPerspective
      ? `Add a paragraph that explains what ${concept.label.toLowerCase()} holds and how it would answer the title's question.`
      : `Add a paragraph that explains it and shows how ${listed(theory.labels)} each treat it.`
    : isPerspective
      ? `Add a paragraph that explains what ${concept.label.toLowerCase()} holds and uses it to analyse ${own ? `${own}, which the essay already discusses` : 'a peacekeeping case'}.`
      : `Add a paragraph that explains it and applies it to ${own ? `${own}, which the essay already discusses` : 'a named mission or Security Council decision'}, weighing both sides.`
  const why = isPerspective
    ? theoryNote
    : 'A strong essay does not only mention this: it explains the idea, shows the tension it creates in a real case, and reaches a judgement.'
  const note = `For example: ${concept.hint}. ${why}`
  const named = coverage.firstNamed
  if (framing?.outside) {
    // Outside the question the title sets: a note for the student whose assignment asks for more, not a demand.
    const state = named ? `is only named (line ${named.range.start.line})` : 'is not discussed'
    const reason = `${label} ${state}, but the title sets ${framing.scope.question}, so essaylint only notes it. If your assignment asks for ${concept.label.toLowerCase()} too, ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`
    const message = file.message(reason, {place: named ? named.range : essayStart(model, file)})
    Object.assign(message, {note, data: {...data, scope: framing.scope.perspectives}, advisory: true})
    return
  }
  if (coverage.status === 'absent') {
    if (isPerspective && absentTogether) {
      absentTogether.push({concept, fix: own ? `${own}, which the essay already discusses` : 'a peacekeeping case', note})
      return
    }
    const reason = isPerspective
      ? `${label} is absent: the essay never discusses it. ${fix}`
      : `${label} is never discussed. ${fix}`
    const message = file.message(reason, {place: essayStart(model, file)})
    Object.assign(message, {note, data})
    return
  }
  const line = named!.range.start.line
  const reason = isPerspective
    ? `${label} is only named (line ${line}), never ${theory ? 'explained and applied' : 'applied to peacekeeping'}. ${fix}`
    : `${label} is treated only in passing (line ${line}), never discussed in depth. ${fix}`
  const message = file.message(reason, {place: named!.range})
  Object.assign(message, {note, data})
}

const listed = (labels: string[]) => (labels.length <= 2 ? labels.join(' and ') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`)

/**
 * The perspectives absent from an essay, as one finding when there are
 * several: a student who meets "Realism is absent", "Liberalism is absent"
 * and "Constructivism is absent" as three warnings on the title reads three
 * times what one sentence says. `data.concepts` lists them all
 * (`data.concept` is the first, as on a finding about one). For two or more:
 * one absent perspective is reported by reportCoverage itself.
 */
/** Below this many words, an essay is asked for one theory used well rather than a paragraph for each. */
const shortEssayWords = 1500

export function reportAbsentPerspectives(model: EssayModel, file: VFile, absent: AbsentPerspective[]): void {
  const [first] = absent
  const data = {concept: first.concept.id, concepts: absent.map((a) => a.concept.id), status: 'absent', lines: []}
  const labels = absent.map((a) => a.concept.label.toLowerCase())
  // A paragraph per theory suits an essay of some length; a short one is asked for one lens, used well.
  const ask =
    model.wordCount < shortEssayWords
      ? `Add a paragraph that uses the one that fits best to analyse ${first.fix}; for the others, a sentence on what they would see differently is enough.`
      : `For each, add a paragraph that explains what it holds and uses it to analyse ${first.fix}.`
  const reason = `${capitalise(listed(labels))} are absent: the essay never discusses any of them. ${ask}`
  const note = `For example: ${absent.map((a) => a.concept.hint).join('; ')}. ${theoryNote}`
  Object.assign(file.message(reason, {place: essayStart(model, file)}), {note, data})
}

export interface SingleConceptOptions extends CoverageOptions {
  /** The concept that stands for the topic (a course may define its own). */
  concept: string
}

/** A rule that requires one concept (sovereignty, ethics) to be treated in depth. */
export function defineTopicCoverageRule(id: string, concept: string, description: string) {
  return defineRule<SingleConceptOptions>(
    {
      id,
      description,
      defaults: {...defaultCoverageOptions, concept},
      schema: coverageSchema({concept: {type: 'string', description: 'a concept id'}}),
      validate: (options, concepts) => (options.concept === undefined ? undefined : checkConceptList([options.concept], 'concept', concepts, undefined))
    },
    (model, file, options, {concepts}) => {
      if (!checksEssay(model, options, concepts)) return
      const target = concepts[options.concept]
      if (!target) return
      const comparison = theoryComparison(model, concepts)
      reportCoverage(model, file, target, thresholdsFor(model, options, concepts), undefined, comparison && {scope: comparison, outside: true})
    }
  )
}
