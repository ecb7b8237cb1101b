/**
 * The argument of an essay: a role for every sentence (thesis, claim,
 * evidence, other), the evidence each sentence carries, and whether each claim
 * is supported. Computed on demand from the essay model (and memoised), so a
 * run that needs only coverage never pays for it.
 *
 * Cheap signals decide first: where the sentence stands (headings, reference
 * lists, block quotes, footnotes are never claims), questions, signposting,
 * reporting frames, citations, numbers, quotations and cue words from
 * `lexicons/argument.yaml`. compromise tags only the sentences that are left
 * (tense, comparatives, named places and people, spelled-out numbers).
 */

import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {PhraseMatcher} from './matcher.js'
import {compileLexicon, defaultConcepts, readLexicon} from './lexicon.js'
import type {EssayModel, Paragraph, Range, Sentence} from './types.js'

export type Role = 'thesis' | 'claim' | 'evidence' | 'other'
export type Strength = 'absolute' | 'plain' | 'hedged'
export type SupportKind = 'citation' | 'case' | 'data' | 'quotation' | 'reasoning'

export interface Support {
  kind: SupportKind
  text: string
  /** A year next to a name: evidence in a statement of fact, not enough to back a claim's own judgement. */
  weak?: boolean
  /** The sentence that carries it. */
  sentence: number
}

export interface VagueAppeal {
  text: string
  range: Range
}

export interface SentenceArgument {
  sentence: number
  role: Role
  strength: Strength
  /** Evidence in this sentence itself. */
  evidence: Support[]
  /** For theses and claims: what supports it (own sentence, paragraph, or the body for a restatement). */
  support: Support[]
  supported: boolean
  /** For a conclusion sentence that restates a supported body claim: that claim's sentence. */
  restates?: number
  vague: VagueAppeal[]
  /** Short words on why the role was given, for the outline and for tuning. */
  signals: string[]
}

export interface ArgumentModel {
  sentences: SentenceArgument[]
  /** Sentence indices of the thesis (and its restatement in the conclusion). */
  thesis: number[]
  /** Paragraph indices of the conclusion. */
  conclusion: number[]
}

export interface ArgumentOptions {
  /** Where evidence may sit: the claim's own sentence, or its paragraph (default). */
  window: 'sentence' | 'paragraph'
}

type Cue =
  | 'absolute'
  | 'hedge'
  | 'stance'
  | 'modal'
  | 'causal'
  | 'comparison'
  | 'reporting'
  | 'attribution'
  | 'vague'
  | 'signpost'
  | 'concession'
  | 'example'
  | 'conclusion'
  | 'past'

interface CueHit {
  kind: Cue
  text: string
  /** Index of the first matched word in the sentence. */
  at: number
  from: number
  to: number
}

let cueMatcher: PhraseMatcher<Cue> | undefined
function cues(): PhraseMatcher<Cue> {
  if (!cueMatcher) {
    const data = readLexicon('argument.yaml') as Record<Cue, string[]>
    cueMatcher = new PhraseMatcher<Cue>()
    for (const [kind, terms] of Object.entries(data) as Array<[Cue, string[]]>) {
      for (const term of terms) cueMatcher.add(term, kind)
    }
  }
  return cueMatcher
}

// compromise costs a few hundred milliseconds to load: load it only when a
// sentence needs it, synchronously through its CommonJS build.
type Document = {has(match: string): boolean; compute(steps: string[]): void}
type Compromise = ((text: string) => Document) & {tokenize(text: string): Document}
type Nlp = (text: string) => Document
let nlp: Compromise | undefined
function tagger(): Nlp {
  // A worker process started from its startup snapshot has it loaded
  // already (scripts/worker-snapshot.cjs).
  nlp ??= ((globalThis as Record<symbol, unknown>)[Symbol.for('essaylint.compromise')] ?? createRequire(import.meta.url)('compromise/two')) as Compromise
  return taggable
}

// compromise's own steps up to its pre-tagger: the lexicon, then the
// suffix and neighbour rules that tell "patrol" the verb from "patrol" the
// noun. Its post-tagger (about 0.8 of the 1 ms a sentence costs) corrects
// phrases such as dates and titles; on the 694 short sentences of the
// fixtures it changed whether a sentence has a verb 5 times, 3 of them
// wrongly ("The record of the 1990s supports this." has a verb).
const tagSteps = ['contractions', 'alias', 'machine', 'index', 'lexicon', 'preTagger']
function tag(input: string): Document {
  const document = nlp!.tokenize(input)
  document.compute(tagSteps)
  return document
}

// compromise's sentence splitter is quadratic in runs of punctuation and in
// long texts: tag at most the first 400 characters, with runs of one mark
// cut to three ("!!!!!!…" → "!!!"), so a pathological sentence costs
// milliseconds, never minutes.
const taggable: Nlp = (text) => {
  const input = text.slice(0, 400).replace(/([^\p{L}\p{N}\s])\1{3,}/gu, '$1$1$1')
  if (!tagMemo) return tag(input)
  const found = tagMemo.documents.get(input)
  if (found) {
    tagMemo.hits++
    tagMemo.documents.delete(input)
    tagMemo.documents.set(input, found)
    return found
  }
  tagMemo.misses++
  const document = tag(input)
  tagMemo.documents.set(input, document)
  if (tagMemo.documents.size > tagMemo.capacity) tagMemo.documents.delete(tagMemo.documents.keys().next().value!)
  return document
}

// A long-lived process (the language server) sees the same sentences again
// after every edit, so it may keep tagged sentences in a bounded LRU; the
// documents are only read, never changed, so sharing them is safe. The CLI
// sees each sentence once and leaves this off.
let tagMemo: {capacity: number; documents: Map<string, ReturnType<Nlp>>; hits: number; misses: number} | undefined

/** Keep up to `capacity` tagged sentences, and load compromise now rather than on the first keystroke. */
export function memoiseTagging(capacity = 1000): void {
  tagMemo = {capacity, documents: new Map(), hits: 0, misses: 0}
  tagger()
}

export function taggingMemoStats(): {installed: boolean; size: number; capacity: number; hits: number; misses: number} {
  return {installed: Boolean(tagMemo), size: tagMemo?.documents.size ?? 0, capacity: tagMemo?.capacity ?? 0, hits: tagMemo?.hits ?? 0, misses: tagMemo?.misses ?? 0}
}

const year = /\b(?:1[89]\d\d|20\d\d)s?\b/
const figure = /\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent)|\b(?!(?:1[89]|20)\d\d\b)\d{2,}\b|\b\d+(?:\.\d+)?\s(?:million|billion|thousand|troops|soldiers|peacekeepers|people|deaths|cases|civilians|countries|missions|personnel|officers)\b/i
const conclusionTitle = /conclu|summary|final thoughts|closing/i

const memo = new WeakMap<EssayModel, Map<string, ArgumentModel>>()

export function argumentOf(model: EssayModel, options: ArgumentOptions = {window: 'paragraph'}): ArgumentModel {
  let byOptions = memo.get(model)
  if (!byOptions) {
    byOptions = new Map()
    memo.set(model, byOptions)
  }
  const key = options.window
  let result = byOptions.get(key)
  if (!result) {
    result = analyseArgument(model, options)
    byOptions.set(key, result)
  }
  return result
}

function isBody(paragraph: Paragraph): boolean {
  return paragraph.kind === 'paragraph' || paragraph.kind === 'list-item'
}

function cueHits(sentence: Sentence): CueHit[] {
  const hits: CueHit[] = []
  for (const match of cues().match(sentence.words)) {
    const text = sentence.words.slice(match.from, match.to).map((w) => w.norm).join(' ')
    for (const kind of new Set(match.payloads)) hits.push({kind, text, at: match.from, from: match.from, to: match.to})
  }
  return hits
}

/** Which paragraphs form the conclusion: a "Conclusion" section, or a last paragraph that opens like one. */
function conclusionParagraphs(model: EssayModel, hitsOf: (s: number) => CueHit[]): number[] {
  const body = model.paragraphs.filter(isBody)
  const inSection = body.filter((p) => p.section >= 0 && conclusionTitle.test(model.sections[p.section].title))
  if (inSection.length > 0) return inSection.map((p) => p.index)
  const last = body[body.length - 1]
  if (last && last.sentences.length > 0 && hitsOf(last.sentences[0]).some((h) => h.kind === 'conclusion' && h.at === 0)) return [last.index]
  return []
}

function analyseArgument(model: EssayModel, options: ArgumentOptions): ArgumentModel {
  const hitCache = new Map<number, CueHit[]>()
  const hitsOf = (index: number) => {
    let hits = hitCache.get(index)
    if (!hits) {
      hits = cueHits(model.sentences[index])
      hitCache.set(index, hits)
    }
    return hits
  }
  const operations = compileLexicon(defaultConcepts()).operationMatcher
  const conclusion = conclusionParagraphs(model, hitsOf)
  const conclusionSet = new Set(conclusion)
  const firstBody = model.paragraphs.find(isBody)

  const sentences: SentenceArgument[] = model.sentences.map((sentence) => {
    const paragraph = model.paragraphs[sentence.paragraph]
    const result: SentenceArgument = {sentence: sentence.index, role: 'other', strength: 'plain', evidence: [], support: [], supported: false, vague: [], signals: []}
    if (!isBody(paragraph)) {
      result.signals.push(paragraph.kind)
      return result
    }
    const hits = hitsOf(sentence.index)
    const has = (kind: Cue) => hits.some((h) => h.kind === kind)
    const text = sentence.text
    const lower = text.toLowerCase()

    // Vague appeals: noted for the vague-evidence rule, never evidence.
    for (const hit of hits.filter((h) => h.kind === 'vague')) {
      const from = sentence.words[hit.from]
      const to = sentence.words[hit.to - 1]
      result.vague.push({text: text.slice(from.start - sentence.range.start.offset, to.end - sentence.range.start.offset), range: rangeOf(sentence, from.start, to.end)})
    }

    result.evidence = evidenceIn(model, sentence, hits, operations)

    if (text.trim().endsWith('?')) {
      result.signals.push('question')
      return result
    }
    const opening = hits.filter((h) => h.at <= 2)
    const signpost =
      hits.some((h) => h.kind === 'signpost' && h.at <= 4) ||
      /^(?:in\s+)?this\s+(?:\w+\s+)?(?:essay|paper|section)\b/i.test(text) ||
      // "It then reviews…", "It first considers…": the essay describing its own plan.
      /^(?:it|the essay|the paper)\s+(?:(?:first|then|next|finally|also)\s+)?(?:reviews|examines|considers|discusses|explores|outlines|describes|asks|turns to|looks at|sets out|compares|traces)\b/i.test(text)
    const argues = /\b(?:i|this essay|this paper|the essay)\s+(?:will\s+)?(?:argue|contend|maintain|claim)s?\b/i.test(text)
    if (!argues && signpost) {
      result.signals.push('signpost')
      return result
    }

    // Strength: absolute wording ranks above plain, hedges below.
    if (has('absolute')) result.strength = 'absolute'
    else if (has('hedge')) result.strength = 'hedged'

    if (isDefinition(lower)) {
      result.signals.push('definition')
      return result
    }
    const pivot = /(?:,|;|—|–)\s*(?:but|yet|however|although|though|while)\b|\bbut\b/i.exec(text)
    const frame = reportingFrame(model, sentence, hits)
    if (frame !== undefined && !(pivot && pivot.index > frame)) {
      // "Realists assume...", "Fortna (2008) found...", "Critics argue...":
      // the position of others, or a source's finding — unless the student
      // adds a judgement of their own after it ("…, which fits this view").
      const ownAfter = /,\s*(?:which|a|an|this)\b[^,]*\b(?:fits|supports|confirms|proves|cost|mistake|failure|problem|lesson|did not need|should)\b/i.test(text.slice(frame))
      if (!ownAfter) {
        result.role = result.evidence.length > 0 ? 'evidence' : 'other'
        result.signals.push('report')
        return result
      }
      result.signals.push('report+own')
    }
    if (!pivot && opening.some((h) => h.kind === 'concession')) {
      result.signals.push('concession')
      return result
    }

    // What is left is in the student's own voice. Evaluation, causation,
    // comparison, modality, hedges or absolutes make it a claim; without any
    // of these, a sentence that carries evidence (a date, a figure, a
    // citation, a named event) reports a fact.
    const evaluative = hits.filter((h) => ['stance', 'modal', 'causal', 'comparison', 'absolute', 'hedge'].includes(h.kind))
    // With evidence in the sentence, only a judgement (an evaluative word, an
    // intensifier) makes it a claim: "more than 8,000 were killed (UN, 1999)"
    // and "the accident led to the evacuation of 160,000 people" report.
    const judging = hits.some((h) => h.kind === 'stance' || h.kind === 'causal' || h.kind === 'comparison' || (h.kind === 'absolute' && intensifier.test(h.text)))
    if (result.evidence.some((e) => !e.weak) && !judging && !argues) {
      result.role = 'evidence'
      result.signals.push('fact')
      return result
    }
    if (evaluative.length === 0 && !argues) {
      if (result.evidence.length > 0) {
        result.role = 'evidence'
        result.signals.push('fact')
        return result
      }
      // A fragment without a verb ("A short opening paragraph.") asserts nothing.
      // Only short sentences can be fragments; only they are tagged.
      if (sentence.words.length < 7 && !hasVerb(sentence, text)) {
        result.signals.push('no verb')
        return result
      }
      const concrete = concreteEvent(sentence, hits)
      if (concrete) {
        result.evidence.push({kind: 'case', text: concrete, sentence: sentence.index})
        result.role = 'evidence'
        result.signals.push('event')
        return result
      }
    }
    result.role = paragraph === firstBody && (argues || isLastClaimOfIntro(model, sentence)) ? 'thesis' : 'claim'
    result.signals.push(evaluative.length > 0 ? `cues: ${evaluative.map((h) => h.text).join(', ')}` : 'assertion')
    return result
  })

  // One thesis per essay: the sentence that says "argues", else the last claim
  // of the introduction; any other candidate is an ordinary claim.
  const candidates = sentences.filter((s) => s.role === 'thesis')
  if (candidates.length > 1) {
    const chosen = candidates.find((s) => s.signals.some((signal) => /argue|contend/.test(signal))) ?? candidates[candidates.length - 1]
    for (const other of candidates) if (other !== chosen) other.role = 'claim'
  }

  // Support: evidence in the claim's own sentence, or (paragraph window) in
  // the sentences of its paragraph.
  const evidenceByParagraph = new Map<Paragraph, number[]>()
  const withEvidence = (paragraph: Paragraph) => {
    let list = evidenceByParagraph.get(paragraph)
    if (!list) evidenceByParagraph.set(paragraph, (list = paragraph.sentences.filter((i) => sentences[i].evidence.length > 0)))
    return list
  }
  for (const argument of sentences) {
    if (argument.role !== 'claim' && argument.role !== 'thesis') continue
    const sentence = model.sentences[argument.sentence]
    // A claim's own year ("should have seen this in 1993") dates the judgement; it does not back it.
    const own = argument.evidence.filter((e) => !e.weak)
    argument.evidence = own
    let support = own
    // A thesis, a recommendation or a prediction goes beyond the facts around
    // it: only evidence in its own sentence backs it (guidelines 7.8, 7.9).
    const ownOnly = argument.role === 'thesis' || isRecommendation(hitsOf(argument.sentence))
    if (support.length === 0 && options.window === 'paragraph' && !ownOnly) {
      const paragraph = model.paragraphs[sentence.paragraph]
      // Evidence anywhere in the paragraph backs its opening (topic) sentence,
      // and a claim drawn from a named case ("The end of MINUSMA proves
      // that…"). Any other claim is backed only by its neighbours (see
      // backsNeighbour()): looking only there keeps a paragraph of thousands
      // of sentences linear, and a claim beside evidence about something
      // else unsupported.
      const at = paragraph.sentences.indexOf(sentence.index)
      const wide = at === 0 || drawsOnCase(sentence)
      const candidates = wide
        ? withEvidence(paragraph).filter((i) => i !== sentence.index)
        : neighbourOffsets.filter((offset) => at + offset >= 0 && at + offset < paragraph.sentences.length && backsNeighbour(sentence, offset)).map((offset) => paragraph.sentences[at + offset])
      support = candidates.flatMap((i) => sentences[i].evidence)
    }
    argument.support = support
    argument.supported = support.length > 0
  }

  // A conclusion restates: claims there that echo a supported body claim count as supported.
  for (const index of conclusion) {
    for (const i of model.paragraphs[index].sentences) {
      const argument = sentences[i]
      if (argument.role !== 'claim' || argument.supported) continue
      // "Rwanda shows that…": the lesson drawn from a case the body has backed.
      const echo = echoOf(model, sentences, i, conclusionSet) ?? caseFromBody(model, sentences, i, conclusionSet)
      if (echo !== undefined) {
        argument.restates = echo
        argument.supported = true
        argument.support = sentences[echo].support
      }
    }
  }

  const thesis = sentences.filter((s) => s.role === 'thesis').map((s) => s.sentence)
  return {sentences, thesis, conclusion}
}

function rangeOf(sentence: Sentence, start: number, end: number): Range {
  const first = sentence.words.find((w) => w.start === start)!
  const last = sentence.words.find((w) => w.end === end)!
  return {
    start: {line: first.line, column: first.column, offset: start},
    end: {line: last.endLine, column: last.endColumn, offset: end}
  }
}

const othersWords = /^(?:realists?|liberals?|constructivists?|institutionalists?|feminists?|marxists?|theorists?|critics|scholars|supporters|proponents|opponents|advocates|skeptics|sceptics|some|many|others|they|he|she|his|her|their|authors?|researchers?|analysts|observers|experts|officials|economists|historians|study|survey|report|inquiry|court|review|commission|panel|investigation|article|book|paper|work|data|figures|resolution|charter)$/
const notSubjects = /^(?:i|we|this|that|it|peacekeeping|history|evidence|studies|research)$/
// Vague openers that present other people's opinion ("Some people say...") rather than back the student's.
const opinionVerb = /\b(?:say|says|said|think|thinks|believe|believes|argue|argues|claim|claims|would argue)$/

/**
 * A reporting frame near the start: a source, author, school or others, then
 * a reporting verb ("Fortna (2008) found", "Realists assume", "Liberal
 * institutionalists would reply", "According to Paris"). Returns the
 * character offset just after the frame, or undefined.
 */
function reportingFrame(model: EssayModel, sentence: Sentence, hits: CueHit[]): number | undefined {
  const offsetAfter = (word: number) => sentence.words[word].end - sentence.range.start.offset
  const attribution = hits.find((h) => h.kind === 'attribution' && h.at <= 1)
  if (attribution) return offsetAfter(attribution.to - 1)
  const opinion = hits.find((h) => (h.kind === 'vague' || h.kind === 'concession') && h.at <= 1 && opinionVerb.test(h.text))
  if (opinion) return offsetAfter(opinion.to - 1)
  // "Realists would probably dismiss…": what a school would say, not what the student says.
  const school = /^(?:\w+\s){0,2}?(?:realists?|liberals?|constructivists?|institutionalists?|feminists?|marxists?|theorists|critics|supporters|proponents|opponents|sceptics|skeptics)\s+(?:would|might|could|will)\b/i.exec(sentence.text)
  if (school) return school[0].length
  const verb = hits.find((h) => h.kind === 'reporting' && h.at >= 1 && h.at <= 8)
  if (!verb) return undefined
  const subject = sentence.words.slice(0, verb.at).filter((w) => !/^(?:would|will|also|later|probably|often|even|now|then|rightly|actually|by|contrast|however)$/.test(w.norm))
  if (subject.length === 0 || subject.some((w) => notSubjects.test(w.norm))) return undefined
  const subjectEnd = sentence.words[verb.at - 1].end
  const cited = sentence.citations.some((i) => model.citations[i].range.start.offset < subjectEnd)
  const thinker = sentence.mentions.some((i) => model.mentions[i].range.start.offset < subjectEnd)
  const others = subject.some((w) => othersWords.test(w.norm))
  const named = subject.some((w, i) => i > 0 && /^\p{Lu}/u.test(w.text)) || (subject.length <= 3 && /^\p{Lu}\p{Ll}+$/u.test(subject[0].text) && isName(subject[0].text))
  return cited || thinker || others || named ? offsetAfter(verb.to - 1) : undefined
}

/** A capitalised first word that compromise takes for a person or organisation. */
function isName(word: string): boolean {
  // A dictionary lookup, not tagging: compromise's lexicon knows places,
  // organisations and common first and last names; a capitalised word it does
  // not know (and that is not a plural) is most likely an author's surname.
  const kind = wordClass(word.toLowerCase())
  if (kind === undefined) return !/s$/.test(word)
  return kind === 'name'
}

/**
 * Whether a short sentence has a verb. Most do, and say so with a word that
 * is a verb wherever it stands ("is", "can", "stayed"): a lookup decides.
 * Only when no such word is there does compromise tag the sentence, to find
 * verbs that need their context ("Troops patrol the border").
 */
function hasVerb(sentence: Sentence, text: string): boolean {
  return sentence.words.some((w) => wordClass(w.norm) === 'verb') || tagger()(text).has('#Verb')
}

/**
 * The class of a word in compromise's lexicon (`name`, `verb` or `other`), or
 * undefined for a word it does not know. The classes are extracted from the
 * installed compromise by `scripts/compromise-words.mjs` into a data file, so
 * a lookup does not cost loading compromise; a test checks that they match.
 */
let wordClasses: Map<string, WordClass> | undefined
type WordClass = 'name' | 'verb' | 'other'
function wordClass(word: string): WordClass | undefined {
  if (!wordClasses) {
    const data = JSON.parse(readFileSync(new URL('../lexicons/compromise-words.json', import.meta.url), 'utf8')) as Record<WordClass, string[]>
    wordClasses = new Map()
    for (const kind of ['name', 'verb', 'other'] as const) for (const w of data[kind]) wordClasses.set(w, kind)
  }
  return wordClasses.get(word)
}

/**
 * A concrete, checkable event told in the past tense ("Their commander later
 * handed over the refugees at Potocari"): the guidelines count it as evidence
 * even without a date. It needs a named thing after the first word (not the
 * UN itself) or a figure in digits, and a verb in the past: an irregular past
 * form, or a word in "-ed" that compromise's lexicon does not know as an
 * adjective ("armed", "united"). Dictionary lookups only: no tagging.
 */
function concreteEvent(sentence: Sentence, hits: CueHit[]): string | undefined {
  const generic = /^(?:I|The|A|An|It|First|Second|Third|Finally|UN|U\.N\.|United|Nations|Security|Council)$/
  const named = sentence.words.find((w, i) => (i > 0 && /^\p{Lu}/u.test(w.text) && !generic.test(w.text)) || /^\d[\d,.]*$/.test(w.text))
  if (!named) return undefined
  const past =
    hits.some((h) => h.kind === 'past') ||
    sentence.words.some((w) => {
      if (w.norm.length <= 4 || !w.norm.endsWith('ed') || /^\p{Lu}/u.test(w.text)) return false
      const kind = wordClass(w.norm)
      return kind === undefined || kind === 'verb'
    })
  return past ? named.text : undefined
}

const inference = /^(?:this|these|that|such|it)\s+(?:shows?|suggests?|means|explains|proves|demonstrates|confirms|illustrates|is why)\b|\b(?:therefore|thus|hence|so|as a result|consequently|in other words|which means|this means|which is why)\b/i

/** The claim draws a conclusion from what comes before it ("This shows...", "therefore"). */
function infers(sentence: Sentence): boolean {
  return inference.test(sentence.text)
}

const caseVerb = /^(?:shows?|showed|proves?|proved|demonstrates?|demonstrated|illustrates?|illustrated|confirms?|confirmed|suggests?|suggested|reveals?|revealed)$/

/** The claim's subject is a named case and its verb draws a lesson from it ("Rwanda shows that…"). */
function drawsOnCase(sentence: Sentence): boolean {
  return caseNames(sentence).length > 0
}

/** The capitalised words of the subject of a sentence that draws a lesson from a case ("Rwanda", "MINUSMA"). */
function caseNames(sentence: Sentence): string[] {
  const verb = sentence.words.findIndex((w, i) => i > 0 && i <= 6 && caseVerb.test(w.norm))
  if (verb <= 0) return []
  return sentence.words
    .slice(0, verb)
    .filter((w) => /^\p{Lu}/u.test(w.text) && !/^(?:This|That|These|It|The|Such|Their|Its)$/.test(w.text))
    .map((w) => w.text)
}

/**
 * A conclusion's lesson from a named case ("Rwanda shows that…") is backed
 * when the body gave evidence about that case: a body sentence with evidence
 * that names it. The evidence sentence found, or undefined.
 */
function caseFromBody(model: EssayModel, sentences: SentenceArgument[], index: number, conclusion: Set<number>): number | undefined {
  const names = caseNames(model.sentences[index])
  if (names.length === 0) return undefined
  return backedBody(model, sentences, conclusion).list.find(({sentence}) => sentence.words.some((w) => names.includes(w.text)))?.sentence.index
}

const anaphora = /^(?:this|that|these|those|such|it|they|its|their|both|neither|either|here|the same|the result|the figures?|the findings?|the data|the study|the report|the case)$/

/** The sentence refers back to the one before it in its first words ("This…", "Such figures…", "It…"). */
function pointsBack(sentence: Sentence): boolean {
  const words = sentence.words.slice(0, 4).map((w) => w.norm)
  return words.some((w, i) => anaphora.test(w) || (i < 3 && anaphora.test(`${w} ${words[i + 1] ?? ''}`)))
}

const intensifier = /^(?:clearly|obviously|undeniably|undoubtedly|unquestionably|certainly|inevitably|inevitable|without doubt|without question|beyond doubt|proves|proved|prove|of course|no doubt)$/

const recommending = /^(?:should|must|ought|need to|needs to|will|won't)$/

/** "The UN should…", "X must…", "Other countries will regret…": a recommendation or a prediction. */
function isRecommendation(hits: CueHit[]): boolean {
  return hits.some((h) => (h.kind === 'stance' || h.kind === 'modal') && recommending.test(h.text))
}

function isDefinition(lower: string): boolean {
  return /\b(?:is defined as|refers to|is understood as|can be defined as|means that|is the practice of|is a term for)\b/.test(lower) || /^\W*[\w -]{1,40}\s(?:means|denotes)\s/.test(lower)
}

/** An introduction usually opens with context and ends on its thesis; a short opening paragraph is just a paragraph. */
function isLastClaimOfIntro(model: EssayModel, sentence: Sentence): boolean {
  const paragraph = model.paragraphs[sentence.paragraph]
  return paragraph.sentences.length >= 3 && paragraph.sentences[paragraph.sentences.length - 1] === sentence.index
}

/** Evidence a sentence carries itself: citations, named cases with dates, figures, attributed quotations, concrete examples. */
function evidenceIn(model: EssayModel, sentence: Sentence, hits: CueHit[], operations: ReturnType<typeof compileLexicon>['operationMatcher']): Support[] {
  const found: Support[] = []
  const at = sentence.index
  for (const index of sentence.citations) found.push({kind: 'citation', text: model.citations[index].text, sentence: at})
  const text = sentence.text
  const dated = year.exec(text)
  const missions = operations.match(sentence.words)
  if (missions.length > 0 && dated) {
    found.push({kind: 'case', text: `${missions[0].payloads[0].acronym} ${dated[0]}`, sentence: at})
  } else if (dated) {
    // A dated event with a named place, organisation or person.
    const proper = sentence.words.some((w, i) => i > 0 && /^\p{Lu}[\p{Ll}]/u.test(w.text) && !/^(?:I|The|In|On|By)$/.test(w.text))
    if (proper || missions.length > 0) found.push({kind: 'case', text: dated[0], sentence: at, weak: !/\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(text)})
  }
  const data = figure.exec(text)
  if (data) found.push({kind: 'data', text: data[0], sentence: at})
  if (sentence.quotations.length > 0) {
    const attributed = sentence.citations.length > 0 || hits.some((h) => h.kind === 'reporting' || h.kind === 'attribution')
    if (attributed) found.push({kind: 'quotation', text: model.quotations[sentence.quotations[0]].text, sentence: at})
  }
  const example = hits.find((h) => h.kind === 'example')
  if (example) {
    const after = sentence.words.slice(example.to)
    const named = after.find((w) => /^\p{Lu}/u.test(w.text))
    if (named) found.push({kind: 'reasoning', text: `${example.text} ${named.text}`, sentence: at, weak: !dated})
  }
  return found
}

const neighbourOffsets = [-1, 1, 2]

/**
 * Whether evidence `offset` sentences away in the paragraph backs a claim
 * (one that neither opens the paragraph nor draws on a case): the sentence
 * after it ("Peacekeeping works. Fortna found…") or the one after that (a
 * sentence explaining the claim first), or the sentence before it when the
 * claim refers back to it ("This shows…", "Such figures…", "It…").
 */
function backsNeighbour(claim: Sentence, offset: number): boolean {
  if (offset === 1 || offset === 2) return true
  return offset === -1 && (infers(claim) || pointsBack(claim))
}

const stop = new Set('the a an of to in on and or but is are was were be been that this these those it its for with as by from at not no than then so which who what when how why there their they them has have had will would can could should must may might do does did into over only also more most less very much such'.split(' '))

/** Content words, cut to a stem of six letters so "supported" meets "supports". */
function contentWords(sentence: Sentence): Set<string> {
  // Memoised: each conclusion sentence is compared with every body sentence.
  let words = contentWordsOf.get(sentence)
  if (!words) {
    words = new Set(
      sentence.words
        .map((w) => w.norm.replace(/'s$/, ''))
        .filter((w) => w.length > 2 && !stop.has(w))
        .map((w) => w.slice(0, 6))
    )
    contentWordsOf.set(sentence, words)
  }
  return words
}
const contentWordsOf = new WeakMap<Sentence, Set<string>>()

/**
 * The body sentence a conclusion sentence restates, if any: a supported
 * claim or an evidence sentence outside the conclusion that shares enough
 * content words with it.
 */
function echoOf(model: EssayModel, sentences: SentenceArgument[], index: number, conclusion: Set<number>): number | undefined {
  const words = contentWords(model.sentences[index])
  if (words.size === 0) return undefined
  const body = backedBody(model, sentences, conclusion)
  // Through the index, so that a long essay's conclusion is not compared with
  // every body sentence in turn (that grew with the square of the length).
  const shared = new Map<number, number>()
  for (const word of words) for (const position of body.byWord.get(word) ?? []) shared.set(position, (shared.get(position) ?? 0) + 1)
  let best: {index: number; score: number} | undefined
  // In body order, so that the first of equally good echoes wins.
  for (const position of [...shared.keys()].sort((a, b) => a - b)) {
    const count = shared.get(position)!
    const {sentence, words: theirs} = body.list[position]
    const score = count / Math.min(words.size, theirs.size)
    if (count >= 2 && score >= 0.25 && (!best || score > best.score)) best = {index: sentence.index, score}
  }
  return best?.index
}

interface BackedBody {
  /** Evidence and backed claims of the body, in order, with their content words. */
  list: Array<{sentence: Sentence; words: Set<string>}>
  /** Content word → positions in `list`. */
  byWord: Map<string, number[]>
}

/**
 * The body sentences a conclusion may lean on: evidence and backed claims
 * outside the conclusion. They do not change while the conclusion is read,
 * so they are listed once per analysis, for echoes and named cases alike.
 */
function backedBody(model: EssayModel, sentences: SentenceArgument[], conclusion: Set<number>): BackedBody {
  let body = backedBodies.get(sentences)
  if (!body) {
    const list = sentences
      .filter((other) => (other.role === 'claim' && other.supported) || other.role === 'evidence')
      .map((other) => model.sentences[other.sentence])
      .filter((sentence) => !conclusion.has(sentence.paragraph) && isBody(model.paragraphs[sentence.paragraph]))
      .map((sentence) => ({sentence, words: contentWords(sentence)}))
    const byWord = new Map<string, number[]>()
    list.forEach((candidate, position) => {
      for (const word of candidate.words) {
        const having = byWord.get(word)
        if (having) having.push(position)
        else byWord.set(word, [position])
      }
    })
    body = {list, byWord}
    backedBodies.set(sentences, body)
  }
  return body
}
const backedBodies = new WeakMap<SentenceArgument[], BackedBody>()
