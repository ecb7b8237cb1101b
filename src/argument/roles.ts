/**
 * Stage 4, roles: an ordered list of named classifiers decides what each
 * body sentence is. The first classifier that recognises the sentence gives
 * its role and a signal; a sentence none of them recognises is a claim in
 * the writer's own voice. Each classifier is exported and table-tested
 * (tests/argument-stages.test.ts).
 */

import {allMatches} from '../all-matches.js'
import type {EssayModel, Paragraph, Sentence, Word} from '../model/types.js'
import {textEndOfWord, wordStartsInText} from '../model/sentence-text.js'
import type {Cue, CueHit} from './cues.js'
import {isPlaceOrName} from './evidence.js'
import type {Structure} from './structure.js'
import {isBody} from './structure.js'
import {hasVerb, isName, wordClass} from './tagging.js'
import type {Role, SentenceArgument, Support} from './types.js'
import {alternation, isIn, lazyPattern, type WordList} from './words.js'

export interface RoleContext {
  model: EssayModel
  sentence: Sentence
  paragraph: Paragraph
  /** Position of the sentence in its paragraph. */
  at: number
  hits: CueHit[]
  evidence: Support[]
  structure: Structure
  /** Role and signal of the sentence before it in the paragraph. */
  previous?: {role: Role; signal: string}
}

export interface Outcome {
  role: Role
  signal: string
}

export interface Classifier {
  name: string
  classify(context: RoleContext): Outcome | undefined
}

const has = (context: RoleContext, kind: Cue) => context.hits.some((h) => h.kind === kind)
const other = (signal: string): Outcome => ({role: 'other', signal})
/** A sentence that states rather than argues: evidence when it carries some, otherwise neither. */
const statement = (context: RoleContext, signal: string): Outcome => ({role: context.evidence.length > 0 ? 'evidence' : 'other', signal})

/** The writer states a thesis ("I argue", "This essay will contend"). */
export function argues(context: RoleContext): boolean {
  return has(context, 'thesis')
}

/** The sentence opens by answering the one before it ("However, …", "Nevertheless, …"). */
export function answersThePrevious(sentence: Sentence | undefined): boolean {
  return sentence !== undefined && sentence.words.slice(0, 2).some((w) => isIn('rebuttal-openers', w.norm))
}

/** "X, but Y", "X; however Y": where the writer's own clause begins after a reported one. */
const punctuatedPivot = lazyPattern(() => new RegExp(`(?:,|;|—|–)\\s*${alternation('pivot-words')}\\b`, 'i'))
const barePivot = /\bbut\s+([\p{L}'’-]+)/giu

/**
 * Where the writer's own clause begins after a reported one ("Realists see
 * X, but Y", "Realists see X but ignore Y"), as an offset in the text, or -1.
 * A bare "but" between two describing words ("rational but selfish") joins
 * them inside the reported view: it starts a clause only before a verb, a
 * word that opens a clause (clause-openers) or a judgement of the writer's.
 */
export function pivotIn(sentence: Sentence, hits: CueHit[]): number {
  // Several classifiers ask, and the answer depends only on the sentence and its cues.
  const known = pivots.get(sentence)
  if (known !== undefined && known.hits === hits) return known.at
  const at = findPivot(sentence, hits)
  pivots.set(sentence, {hits, at})
  return at
}
const pivots = new WeakMap<Sentence, {hits: CueHit[]; at: number}>()

function findPivot(sentence: Sentence, hits: CueHit[]): number {
  const text = sentence.text
  const punctuated = punctuatedPivot().exec(text)?.index ?? -1
  const starts = wordStartsInText(sentence)
  for (const match of allMatches(barePivot, text)) {
    if (punctuated !== -1 && match.index! > punctuated) break
    const next = match[1].toLowerCase()
    const after = starts.findIndex((at) => at > match.index!)
    const judged = after !== -1 && hits.some((h) => h.at >= after && (h.kind === 'stance' || h.kind === 'causal' || h.kind === 'comparison'))
    if (wordClass(next) === 'verb' || isIn('clause-openers', next) || judged) return match.index!
  }
  return punctuated
}

/** Judgement words: with evidence in the sentence, only these make it a claim. */
function judging(context: RoleContext): boolean {
  return context.hits.some((h) => h.kind === 'stance' || h.kind === 'causal' || h.kind === 'comparison' || (h.kind === 'absolute' && isIn('intensifiers', h.text)))
}

function evaluative(context: RoleContext): CueHit[] {
  return context.hits.filter((h) => ['stance', 'modal', 'causal', 'comparison', 'absolute', 'hedge'].includes(h.kind))
}

/**
 * A reporting frame near the start: a source, author, school or others, then
 * a reporting verb ("Fortna (2008) found", "Realists assume", "Liberal
 * institutionalists would reply", "According to Paris"). Returns the
 * character offset just after the frame, or undefined.
 */
export function reportingFrame(context: RoleContext): number | undefined {
  return frameOf(context)?.end
}

/** The longest sentence read as a flourish. */
const maxFlourishWords = 6

/** The last word of an opening that frames the sentence as a school's view ("For a realist", "From a liberal perspective"), if it has one. */
function schoolFrame(words: Word[]): number | undefined {
  if (!isIn('school-frame-prepositions', words[0]?.norm ?? '')) return undefined
  let at = 1
  if (isIn('school-frame-determiners', words[at]?.norm ?? '')) at++
  if (!isIn('schools', words[at]?.norm ?? '')) return undefined
  if (isIn('school-frame-nouns', words[at + 1]?.norm ?? '')) at++
  return at
}

/**
 * The reporting frame of a sentence (see reportingFrame): where it ends and,
 * when its subject names who reports ("Dallaire's memoir describes…", "Kofi
 * Annan admitted…", "The Brahimi Report found…"), that name: a named source
 * whose report is evidence for the claims beside it, as "according to" a
 * named source is (evidence.ts). Others ("Critics argue…") name no source.
 */
function frameOf(context: RoleContext): {end: number; source?: string} | undefined {
  const {model, sentence, hits} = context
  const offsetAfter = (word: number) => textEndOfWord(sentence, word)
  const attribution = hits.find((h) => h.kind === 'attribution' && h.at <= 1)
  if (attribution) return {end: offsetAfter(attribution.to - 1)}
  const opinion = hits.find((h) => (h.kind === 'vague' || h.kind === 'concession') && h.at <= 1 && isIn('opinion-verbs', h.text.split(' ').slice(-1)[0]))
  if (opinion) return {end: offsetAfter(opinion.to - 1)}
  // "Realists would probably dismiss…": what a school would say, not what the writer says.
  const words = sentence.words
  for (let index = 0; index < Math.min(words.length - 1, 3); index++) {
    if (isIn('schools', words[index].norm) && isIn('school-modals', words[index + 1].norm)) {
      return {end: offsetAfter(index + 1)}
    }
  }
  // "For a realist, …", "To liberals, …", "From a constructivist perspective, …": a school's view.
  const school = schoolFrame(words)
  if (school !== undefined) return {end: offsetAfter(school)}
  // The subject starts after an opening phrase set off by a comma ("Citing
  // the Charter, the Council argued…", "In its 2005 report, the panel found…").
  // "The Council's failure to respond…": an infinitive reports nothing; nor
  // does a capitalised word inside a name ("The Brahimi Report was ignored").
  const verb = hits.find((h) => h.kind === 'reporting' && h.at >= openingPhraseEnd(sentence, h.at) + 1 && h.at <= openingPhraseEnd(sentence, h.at) + 8 && words[h.at - 1]?.norm !== 'to' && !/^\p{Lu}/u.test(words[h.at].text))
  // "They never admitted…" is what the writer asserts about them.
  if (!verb || (verb.at > 0 && isIn('negators', words[verb.at - 1].norm))) return undefined
  const own = (from: number) => words.slice(from, verb.at).filter((w) => !isIn('subject-fillers', w.norm))
  // "Supporters of the mission, by contrast, argue…": an aside between commas, not an opening phrase.
  let subject = own(openingPhraseEnd(sentence, verb.at))
  if (subject.length === 0) subject = own(0)
  // A subject has no clause of its own: "The Council does not reform because someone writes…" is not a report.
  if (subject.length === 0 || subject.some((w) => isIn('own-voice', w.norm) || (w !== words[0] && isIn('subject-breaks', w.norm)))) return undefined
  // "Parents should think carefully before…": what the writer urges them to do, not what they hold.
  if (subject.some((w) => isIn('urging', w.norm))) return undefined
  const subjectEnd = words[verb.at - 1].end
  const cited = sentence.citations.some((i) => model.citations[i].range.start.offset < subjectEnd)
  const thinker = sentence.mentions.some((i) => model.mentions[i].range.start.offset < subjectEnd)
  const others = subject.some((w) => isIn('others', w.norm))
  const capitalised = subject.filter((w, i) => i > 0 && /^\p{Lu}/u.test(w.text) && !isIn('not-names', w.norm))
  // "Dallaire's memoir": the name before its possessive.
  const head = subject[0].text.replace(/['’]s$/, '')
  const named = capitalised.length > 0 || (subject.length <= 3 && /^\p{Lu}\p{Ll}+$/u.test(head) && isName(head))
  if (!(cited || thinker || others || named)) return undefined
  // The source by its first run of capitalised words ("Dallaire's memoir, Shake Hands…" → "Dallaire").
  const start = subject.findIndex((w) => /^\p{Lu}/u.test(w.text) && !isIn('not-names', w.norm))
  let end = start
  while (end >= 0 && end < subject.length && /^\p{Lu}/u.test(subject[end].text) && !isIn('not-names', subject[end].norm)) end++
  const name = start >= 0 ? subject.slice(start, end).map((w) => w.text.replace(/['’]s$/, '')).join(' ') : undefined
  return {end: offsetAfter(verb.to - 1), source: cited || !named ? undefined : name}
}

/** Words an opening phrase set off by a comma may have ("Citing Chapter VII of the Charter,"). */
const maxOpenerWords = 10

/** The index of the first word after an opening phrase that ends in a comma before word `before`, or 0 when there is none. */
function openingPhraseEnd(sentence: Sentence, before: number): number {
  const starts = wordStartsInText(sentence)
  for (let index = 1; index < Math.min(before, maxOpenerWords + 1); index++) {
    if (sentence.text.slice(textEndOfWord(sentence, index - 1), starts[index]).includes(',')) return index
  }
  return 0
}

/** The essay describing its own plan: "This essay…", "In this short paper…", "It first examines…". */
const ownPlan = lazyPattern(
  () =>
    new RegExp(
      `^(?:in\\s+)?this\\s+(?:\\w+\\s+)?${alternation('essay-nouns')}\\b|^${alternation('essay-subjects')}\\s+(?:${alternation('plan-steps')}\\s+)?${alternation('plan-verbs')}\\b`,
      'i'
    )
)

/**
 * "Impartiality means…", "Impartiality, in the UN's sense, means…", "By
 * impartiality, I mean…": a definition by its verb in the sentence's first
 * words; not "This means that…" or "Consent means little…", which draw a
 * consequence or judge.
 */
const defines = lazyPattern(
  () =>
    new RegExp(
      `^\\W*(?!${alternation('not-defined')}\\s)[\\w ,'’-]{1,40}\\s${alternation('defining-verbs')}\\s(?!${alternation('not-defining')}\\b)|^\\W*by\\s+[\\w '’-]{1,40},?\\s+${alternation('defining-own')}\\b`,
      'i'
    )
)

/** The writer's own judgement after a report ("…, which fits this view"). */
const ownAfter = lazyPattern(() => new RegExp(`,\\s*${alternation('own-after-openers')}\\b[^,]*\\b${alternation('own-after-judgements')}\\b`, 'i'))

/** "I" after a name is a numeral ("UNEF I", "World War I"), not the writer. */
function numeral(sentence: Sentence, index: number): boolean {
  return sentence.words[index].text === 'I' && index > 1 && /^\p{Lu}/u.test(sentence.words[index - 1].text)
}

/** The sentence is told in the past: an irregular past form, a word in "-ed" that may be a verb, or a time word such as "ago". */
function toldInThePast({sentence, hits}: RoleContext): boolean {
  return (
    hits.some((h) => h.kind === 'past') ||
    sentence.words.some((w) => isIn('past-markers', w.norm) || (w.norm.length > 4 && w.norm.endsWith('ed') && !/^\p{Lu}/u.test(w.text) && (wordClass(w.norm) ?? 'verb') === 'verb'))
  )
}

/** A concrete, checkable event told in the past tense ("Their commander later handed over the refugees at Potocari"). */
function concreteEvent(context: RoleContext): string | undefined {
  const {sentence, hits} = context
  // A number names something that happened; "paragraph 3", "Article 27" only point into a text.
  const named = sentence.words.find((w, i) => (i > 0 && isPlaceOrName(w)) || (/^\d[\d,.]*$/.test(w.text) && !(i > 0 && isIn('not-data', sentence.words[i - 1].norm))))
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

/**
 * A step of a proposal in the imperative ("Add six renewable seats…", "Then
 * impose one simple requirement."): a verb of the proposal-verbs list, after
 * at most a sequencing word, followed by the start of its object.
 */
export function proposalStep(sentence: Sentence, from = 0, capitalised = true): boolean {
  const words = sentence.words
  const start = words.length > from + 1 && isIn('sequencers', words[from].norm) ? from + 1 : from
  const verb = words[start]
  const object = words[start + 1]
  if (!verb || !object || (capitalised && !/^\p{Lu}/u.test(words[from].text))) return false
  return isIn('proposal-verbs', verb.norm) && isIn('proposal-objects', object.norm)
}

/** Words a sentence that announces an enumeration may have ("When that happens, two things follow."). */
const maxLeadInWords = 9

/** The sentence after this one: the next in its paragraph, or the first of the next body paragraph. */
function nextSentence({model, paragraph, at}: RoleContext): Sentence | undefined {
  if (at + 1 < paragraph.sentences.length) return model.sentences[paragraph.sentences[at + 1]]
  const following = model.paragraphs[paragraph.index + 1]
  return following && isBody(following) && following.sentences.length > 0 ? model.sentences[following.sentences[0]] : undefined
}

/** A deadline: "within" a count of units of time ("within 14 days", "within ten working days"). */
function hasDeadline(sentence: Sentence): boolean {
  const words = sentence.words
  return words.some((w, i) => {
    if (w.norm !== 'within') return false
    const count = words[i + 1]?.norm ?? ''
    if (!/^\d+$/.test(count) && !isIn('number-words', count)) return false
    const unit = isIn('time-spans', words[i + 2]?.norm ?? '') ? words[i + 2] : words[i + 3]
    return unit !== undefined && isIn('time-spans', unit.norm)
  })
}

/** Words a condition before a step may have ("If the veto is conditional,"). */
const maxConditionWords = 12

/**
 * Where the main clause starts after a condition that opens the sentence
 * ("If the veto is conditional, state…"): the word after its comma, or
 * `from` when the sentence (from word `from`) does not open with one.
 */
export function conditionEnd(sentence: Sentence, from = 0): number {
  const words = sentence.words
  if (!words[from] || !isIn('conditions', words[from].norm)) return from
  const starts = wordStartsInText(sentence)
  for (let index = from + 2; index < Math.min(words.length, from + maxConditionWords + 1); index++) {
    if (sentence.text.slice(textEndOfWord(sentence, index - 1), starts[index]).includes(',')) return index
  }
  return from
}

const finalPunctuation = /[.!?…"”’)\]]\s*$/

const labelEnd = /[.!?…][\s"”’)\]]*$/

/** Words a label line may have ("Pinpoint objection", "Review trigger"). */
const maxLabelWords = 6

/**
 * Where the sentence proper starts after a label on a line of its own
 * ("Pinpoint objection⏎Identify exactly which…"): a short first line with no
 * final punctuation, ended by a line break in the same paragraph (a list item
 * that names its step, then says it). 0 when there is no such label.
 */
export function afterLabel(sentence: Sentence): number {
  const text = sentence.text
  const lineEnd = text.indexOf('\n')
  if (lineEnd === -1) return 0
  const label = text.slice(0, lineEnd).trim()
  // A label may end in a quoted word ("Acceptable path to "yes""): only a full stop, a question or an exclamation ends a sentence.
  if (!label || labelEnd.test(label) || /[:;,]$/.test(label)) return 0
  const startsInText = wordStartsInText(sentence)
  const start = startsInText.findIndex((at) => at > lineEnd)
  return start > 0 && start <= maxLabelWords && start < sentence.words.length ? start : 0
}

/** The ordered classifiers. Order matters: the first that recognises a sentence decides. */
export const classifiers: Classifier[] = [
  {
    name: 'not body text',
    classify: ({paragraph}) => (isBody(paragraph) ? undefined : other(paragraph.kind))
  },
  {
    name: 'empty',
    classify: ({sentence}) => (sentence.words.length === 0 ? other('empty') : undefined)
  },
  {
    name: 'inside a quotation',
    // The later sentences of a multi-sentence quotation are the quoted author's words.
    classify: ({sentence, structure}) => (structure.insideQuotation.has(sentence.index) ? other('quotation') : undefined)
  },
  {
    name: 'citation only',
    // "(Smith, 2020)." or a bare address split off as a sentence of its own.
    classify: ({sentence, model}) => {
      if (sentence.citations.length === 0) return undefined
      const covered = sentence.citations.reduce((sum, i) => sum + (model.citations[i].range.end.offset - model.citations[i].range.start.offset), 0)
      return covered >= sentence.text.replace(/[\s.()[\],;]/g, '').length * 0.8 ? other('citation only') : undefined
    }
  },
  {
    name: 'fragment',
    classify: (context) => {
      const {sentence, paragraph, hits} = context
      if (hits.some((h) => h.kind === 'fragment' && h.at === 0)) return other('byline or caption')
      const text = sentence.text.trim()
      const last = paragraph.sentences[paragraph.sentences.length - 1] === sentence.index
      if (text.endsWith(':') && last) return other('lead-in')
      // "A practical path looks like this." before the list it announces.
      if (last && hits.some((h) => h.kind === 'announcement' && h.to === sentence.words.length)) return other('lead-in')
      // A line without final punctuation standing alone: a heading typed as a line, a label.
      if (paragraph.sentences.length === 1 && !finalPunctuation.test(text) && sentence.words.length <= 12) return other('line')
      // A list item naming a topic.
      // (A lookup of the words' classes, not tagging: loading compromise costs a cold run 0.3 s.)
      if (paragraph.kind === 'list-item' && !finalPunctuation.test(text) && (sentence.words.length <= 5 || (sentence.words.length <= 10 && !sentence.words.some((w) => wordClass(w.norm) === 'verb')))) return other('topic')
      return undefined
    }
  },
  {
    name: 'enumeration lead-in',
    // "Two problems follow from this design." before "First, …": the
    // sentence only announces the points that follow; they are the claims.
    classify: (context) => {
      const {sentence} = context
      if (sentence.words.length > maxLeadInWords || evaluative(context).length > 0) return undefined
      const counts = sentence.words.some((w, i) => isIn('cardinals', w.norm) && sentence.words.slice(i + 1, i + 3).some((n) => n.norm.endsWith('s')))
      if (!counts) return undefined
      const next = nextSentence(context)
      return next && isIn('sequencers', next.words[0]?.norm ?? '') && next.words[0].norm !== 'then' ? other('lead-in') : undefined
    }
  },
  {
    name: 'hook',
    // "Imagine waking up to gunfire in your village.": the reader is asked to picture a scene, which asserts nothing.
    classify: ({sentence}) => (isIn('hook-verbs', sentence.words[0]?.norm ?? '') && isIn('hook-objects', sentence.words[1]?.norm ?? '') ? other('hook') : undefined)
  },
  {
    name: 'instruction',
    // "Describe what happens today.", "Define a concrete process.": steps the
    // writer sets out, addressed to the reader; they assert nothing.
    classify: ({sentence, paragraph, at}) => {
      // After a label line the step itself starts: its first word is the verb.
      const label = afterLabel(sentence)
      // "If the veto is conditional, state the conditions…": the step comes after its condition.
      const start = conditionEnd(sentence, label)
      const first = sentence.words[start]
      if (!first || first.norm.endsWith('s') || first.norm.endsWith('ed') || first.norm.endsWith('ing')) return undefined
      if (isIn('imperatives', first.norm)) return paragraph.kind === 'list-item' || at > 0 || start > 0 ? other('instruction') : undefined
      return proposalStep(sentence, start, start === label) ? other('proposal step') : undefined
    }
  },
  {
    name: 'flourish',
    // "The answer is clear.", "The stakes could not be higher.", "Enough is enough.": a short line
    // made only of small words and rhetorical ones says nothing a source could back.
    classify: ({sentence}) => {
      const words = sentence.words
      if (words.length === 0 || words.length > maxFlourishWords) return undefined
      return words.every((w) => isIn('stop-words', w.norm) || isIn('flourish-words', w.norm)) ? other('flourish') : undefined
    }
  },
  {
    name: 'question',
    classify: ({sentence}) => (sentence.text.trim().endsWith('?') ? other('question') : undefined)
  },
  {
    name: 'roadmap',
    // "This essay first describes…, then…": the essay describing its own plan.
    classify: (context) => {
      if (argues(context)) return undefined
      const {sentence, hits} = context
      const signpost =
        hits.some((h) => (h.kind === 'signpost' && h.at <= 4) || (h.kind === 'aim' && h.at <= 2)) ||
        ownPlan().test(sentence.text)
      return signpost ? other('signpost') : undefined
    }
  },
  {
    name: 'definition',
    classify: (context) => {
      if (has(context, 'definition')) return other('definition')
      return defines().test(context.sentence.text) ? other('definition') : undefined
    }
  },
  {
    name: 'report',
    // What a theory, author, source or the other side holds: exposition,
    // unless the writer adds a judgement of their own after it.
    classify: (context) => {
      // "The paper will further argue that…" is the writer's own thesis, not a report.
      if (argues(context)) return undefined
      const found = frameOf(context)
      const frame = found?.end
      const text = context.sentence.text
      const pivot = pivotIn(context.sentence, context.hits)
      if (frame === undefined || pivot > frame) {
        if (has(context, 'exposition') && context.hits.find((h) => h.kind === 'exposition')!.at <= 1 && pivot === -1) return other('theory exposition')
        return undefined
      }
      if (ownAfter().test(text.slice(frame))) return undefined
      if (found?.source && !context.evidence.some((e) => e.kind === 'citation' || e.kind === 'quotation')) context.evidence.push({kind: 'citation', text: found.source, sentence: context.sentence.index})
      return statement(context, 'report')
    }
  },
  {
    name: 'report carried on',
    // The sentences after a report that go on explaining the view ("They
    // see…", "In this view…"), with no judgement of the writer's own.
    classify: (context) => {
      const {previous, sentence} = context
      // After a roadmap, "They are the regional and national levels" goes on setting it out.
      if (!previous || !/report|exposition|definition|views compared|signpost/.test(previous.signal)) return undefined
      // "However they differ…": the subject after a connective.
      const first = sentence.words.find((w) => !isIn('subject-fillers', w.norm))?.norm
      // "It assumes…", "This theory holds…": the theory just named goes on speaking.
      const verb = context.hits.find((h) => h.kind === 'reporting' && h.at <= 3)
      const reports = verb !== undefined && isIn('carry-on-reporting', first ?? '')
      const opening = sentence.words.slice(0, 4).map((w) => w.norm)
      const pointsBack = [2, 3, 4].some((n) => isIn('carry-on-openers', opening.slice(0, n).join(' ')))
      const continues = isIn('carry-on', first ?? '') || isIn('schools', first ?? '') || has(context, 'exposition') || reports || pointsBack
      const own = sentence.words.some((w) => isIn('first-person', w.norm)) || pivotIn(sentence, context.hits) !== -1
      // In the clause after "It assumes that…" the modals and causes are the theory's, not the writer's.
      const reported = reports && sentence.words[verb.to]?.norm === 'that' ? verb.to : sentence.words.length
      const judged = evaluative(context).filter((h) => h.at < reported)
      // "For him, reason is shared by all…": after an opening that points back at the author, the whole sentence is their view.
      const judgement = judged.length > 0 && !context.hits.some((h) => h.kind === 'exposition') && !pointsBack
      return continues && !own && !judgement ? statement(context, 'report (carried on)') : undefined
    }
  },
  {
    name: 'views compared',
    // "Realism and neoliberalism differ on…", "Realism is pessimistic, while
    // liberalism…": setting two schools side by side describes them. The
    // writer's own verdict on them ("the more fitting", "I think") is a claim.
    classify: (context) => {
      const {sentence, hits} = context
      const named = new Set(sentence.words.filter((w) => isIn('theory-names', w.norm)).map((w) => w.norm.replace(/s$/, '')))
      const compared = named.size >= 2 || hits.some((h) => h.kind === 'views-compared')
      if (!compared || sentence.words.some((w) => isIn('first-person', w.norm))) return undefined
      // A judging word is a verdict; a modal or a connective that sums up
      // ("Therefore the two differ on whether norms can…") is not.
      const verdict = hits.some((h) => h.kind === 'stance' || h.kind === 'comparison' || h.kind === 'absolute' || (h.kind === 'causal' && h.at > 0))
      return verdict ? undefined : other('views compared')
    }
  },
  {
    name: 'concession',
    // "Admittedly, …", "On the other hand, it is true that cities offer…": the
    // writer grants the other side a point. "It is true that…" grants only
    // when the next sentence answers it ("Nevertheless, …"); alone it affirms.
    classify: (context) => {
      const {sentence, hits, model, paragraph, at} = context
      if (pivotIn(sentence, hits) !== -1) return undefined
      const hit = hits.find((h) => h.kind === 'concession' && (h.at <= 2 || h.at === openingPhraseEnd(sentence, h.at + 1)))
      if (!hit) return undefined
      if (!isIn('answered-concessions', hit.text)) return other('concession')
      return answersThePrevious(model.sentences[paragraph.sentences[at + 1]]) ? other('concession') : undefined
    }
  },
  {
    name: 'description',
    // What a mission, an institution or a proposal consists of or aims at.
    classify: (context) => {
      if (!has(context, 'description') || argues(context) || judging(context)) return undefined
      if (context.hits.some((h) => h.kind === 'absolute' || h.kind === 'comparison' || h.kind === 'evaluation')) return undefined
      return statement(context, 'description')
    }
  },
  {
    name: 'procedure',
    // "Within 14 days of a veto, the Council must vote on…": an obligation
    // with a deadline describes how a procedure runs. With "should" it is
    // the writer's recommendation, and without "must" an outcome ("rose
    // within six months"): both stay claims.
    classify: (context) => {
      if (!hasDeadline(context.sentence) || argues(context) || !context.hits.some((h) => h.kind === 'stance' && h.text === 'must')) return undefined
      const judged = context.hits.some((h) => ['stance', 'causal', 'comparison', 'absolute', 'hedge', 'evaluation'].includes(h.kind) && !(h.kind === 'stance' && h.text === 'must'))
      return judged ? undefined : statement(context, 'procedure')
    }
  },
  {
    name: 'institutional rule',
    // "A permanent member can abstain.", "Each draft needs nine votes.": how
    // a body or an instrument works, stated in the present, is background.
    // A judgement, a comparison or a sweep makes it the writer's claim.
    classify: (context) => {
      if (argues(context) || judging(context) || !statesARule(context.sentence)) return undefined
      if (context.hits.some((h) => ['absolute', 'hedge', 'comparison', 'evaluation', 'causal', 'reasons'].includes(h.kind))) return undefined
      return statement(context, 'institutional rule')
    }
  },
  {
    name: 'existence',
    // "There are voluntary initiatives.": that something exists, with no judgement of it.
    classify: (context) => {
      const existential = context.hits.find((h) => h.kind === 'existential' && h.at <= 2)
      if (!existential || argues(context) || judging(context)) return undefined
      // "There is no excuse for…" denies, and a denial is argued.
      if (isIn('negators', context.sentence.words[existential.to]?.norm ?? '')) return undefined
      if (context.hits.some((h) => h.kind === 'absolute' || h.kind === 'hedge' || h.kind === 'comparison' || h.kind === 'evaluation')) return undefined
      return statement(context, 'existence')
    }
  },
  {
    name: 'personal story',
    // "Last year my friend got her first phone.", "We had always talked at
    // lunch.": the writer telling what happened to them is an anecdote, not
    // a claim (a claim that rests on it is argued with a personal example).
    classify: (context) => {
      const {sentence, hits, previous} = context
      // The sentence after one of the writer's story, told in the past, goes on telling it ("And it was just games.").
      const goesOn = previous !== undefined && previous.signal.startsWith('personal story') && toldInThePast(context)
      if (!(goesOn || sentence.words.some((w, i) => isIn('narrator', w.norm) && !numeral(sentence, i))) || !toldInThePast(context)) return undefined
      // "Although I understand…, the world has changed": the main clause makes the point.
      if (isIn('concessives', sentence.words[0].norm)) return undefined
      // Inside the story a comparison is part of what happened ("she has been on it more than ever").
      // "I rarely got sick" tells how often something happened; "it might have been" speculates.
      if (argues(context) || hits.some((h) => ['modal', 'hedge', 'personal', 'causal', 'reasons'].includes(h.kind) && !(h.kind === 'hedge' && isIn('frequency-hedges', h.text)) || (h.kind === 'comparison' && !goesOn))) return undefined
      // "my best friend" names a person; any other judging word is the writer's verdict.
      const verdict = hits.some((h) => (h.kind === 'stance' || (h.kind === 'absolute' && isIn('intensifiers', h.text))) && !(h.at > 0 && isIn('narrator', sentence.words[h.at - 1].norm)))
      return verdict ? undefined : other('personal story')
    }
  },
  {
    name: 'fact',
    // In the writer's voice, with evidence and no judgement: a datum, a dated event, a cited finding.
    classify: (context) => {
      if (argues(context)) return undefined
      if (context.evidence.some((e) => !e.weak) && !judging(context)) return {role: 'evidence', signal: 'fact'}
      if (evaluative(context).length > 0) return undefined
      if (context.evidence.length > 0) return {role: 'evidence', signal: 'fact'}
      // A fragment without a verb ("A short opening paragraph.") asserts nothing.
      // Only short sentences can be fragments; only they are tagged.
      if (context.sentence.words.length < 7 && !hasVerb(context.sentence)) return other('no verb')
      const event = concreteEvent(context)
      if (event) {
        context.evidence.push({kind: 'case', text: event, sentence: context.sentence.index})
        return {role: 'evidence', signal: 'event'}
      }
      return undefined
    }
  }
]

/**
 * Under "What I propose": how the writer's own plan would work ("Then,
 * within seven days, the Council schedules…") needs no source step by step;
 * the section gets one finding if nothing in it shows the plan would work
 * (rules/unsupported-claim). What the classifiers left a claim there is the
 * proposal's. A pass of its own after the paragraph stage, because it reads
 * the heading above the paragraph, which the paragraph memo does not key on.
 */
export function proposalParagraphs(model: EssayModel, structure: Structure, sentences: SentenceArgument[]): void {
  for (const proposal of structure.proposals) {
    for (const index of proposal.paragraphs) {
      for (const i of model.paragraphs[index].sentences) {
        const item = sentences[i]
        if (item.role !== 'claim') continue
        item.role = item.evidence.length > 0 ? 'evidence' : 'other'
        item.signals = ['proposal']
      }
    }
  }
}

/**
 * A procedural verb within the first words, after a subject that names a
 * body or an instrument ("A permanent member can abstain"); or what missions
 * do, after a subject that names them ("Peacekeeping operations monitor
 * ceasefires"). The first such verb decides.
 */
function statesARule(sentence: Sentence): boolean {
  const words = sentence.words
  // "Use the Assembly's debate after each veto…" is an instruction.
  if (words.length < 2 || wordClass(words[0].norm) === 'verb') return false
  for (let index = 1; index < Math.min(words.length, 9); index++) {
    const norm = words[index].norm
    // "A mission is set up by…", "Troops are provided by…": the subject before "is"/"are".
    if (isIn('procedural-passives', norm) && (words[index - 1].norm === 'is' || words[index - 1].norm === 'are') && isIn('procedural-passive-links', words[index + 1]?.norm ?? '')) {
      return names(words.slice(0, index - 1), ['institution-nouns', 'mission-nouns'])
    }
    const nouns: WordList | undefined = isIn('procedural-verbs', norm)
      ? 'institution-nouns'
      : isIn('mission-tasks', norm)
        ? 'mission-nouns'
        : isIn('rule-instrument-verbs', norm)
          ? 'rule-instrument-nouns'
          : undefined
    // "each veto", "a vote": the noun, not the verb.
    if (!nouns || isIn('noun-markers', words[index - 1].norm)) continue
    // The subject: the words before the verb (and its modal), none of them the writer.
    return names(words.slice(0, isIn('rule-modals', words[index - 1].norm) ? index - 1 : index), [nouns])
  }
  return false
}

/** A rule's subject names a body, a mission or an instrument, and not the writer. */
function names(subject: Word[], nouns: WordList[]): boolean {
  return subject.some((w) => nouns.some((list) => isIn(list, w.norm))) && !subject.some((w) => isIn('narrator', w.norm))
}

/** The role of one sentence: the first classifier's outcome, or a claim. */
export function classify(context: RoleContext): Outcome {
  for (const classifier of classifiers) {
    const outcome = classifier.classify(context)
    if (outcome) return outcome
  }
  const cues = evaluative(context)
  return {role: 'claim', signal: cues.length > 0 ? `cues: ${cues.map((h) => h.text).join(', ')}` : 'assertion'}
}

/** Signals of sentences that set out what a theory, author or the other side holds. */
const expositionSignals = new Set(['report', 'report (carried on)', 'theory exposition', 'views compared', 'definition'])

/** Share of a paragraph's other sentences that must set out a view before its remaining plain sentences count as part of it. */
const expositionShare = 2 / 3

/**
 * A paragraph that sets out a theory sentence after sentence ("Neoliberalism
 * argues… It assumes… Therefore a structured organisation is required…")
 * goes on speaking for the theory between its reports: the sentences that
 * none of the report classifiers caught, because they have no reporting
 * verb of their own, are the theory's too. Only where nearly all the other
 * sentences of the paragraph set out views, and only sentences with no mark
 * of the writer's own voice: "I", a pivot ("…, but"), a verdict (stance,
 * comparison, an intensifier) or a thesis cue keep a sentence a claim, and
 * only between two sentences that set the view out.
 * Runs after every sentence of the paragraph has its role, since it reads them all.
 */
export function expositionParagraph(model: EssayModel, paragraph: Paragraph, sentences: SentenceArgument[], hitsOf: (sentence: number) => CueHit[]): void {
  const expounds = (index: number | undefined) => index !== undefined && expositionSignals.has(sentences[index].signals[0])
  if (!isBody(paragraph) || paragraph.sentences.length < 4) return
  if (paragraph.sentences.filter(expounds).length < (paragraph.sentences.length - 1) * expositionShare) return
  paragraph.sentences.forEach((index, at) => {
    const item = sentences[index]
    // Only between two sentences that set out the view: a verdict the cue lists do not know ("…is strong") tends to stand at the end of an exposition or after it.
    if (item.role !== 'claim' || !expounds(paragraph.sentences[at - 1]) || !expounds(paragraph.sentences[at + 1])) return
    const sentence = model.sentences[index]
    const hits = hitsOf(index)
    const own =
      sentence.words.some((w, i) => isIn('first-person', w.norm) && !numeral(sentence, i)) ||
      pivotIn(sentence, hits) !== -1 ||
      hits.some((h) => h.kind === 'thesis' || h.kind === 'stance' || h.kind === 'comparison' || h.kind === 'evaluation' || (h.kind === 'absolute' && isIn('intensifiers', h.text)))
    if (own) return
    item.role = 'other'
    item.signals = ['exposition (paragraph)']
  })
}
