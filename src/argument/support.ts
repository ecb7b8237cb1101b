/**
 * Stage 5, support: what backs each claim. Evidence in its own sentence; in
 * the paragraph's other sentences for its opening (topic) sentence and for a
 * lesson drawn from a named case (and, for a paragraph that opens with that lesson, in the
 * paragraph before it when it tells the case); otherwise in its neighbours (the sentence
 * before, the one or two after); a block quote for the sentence that
 * introduces it, and for a paragraph's first sentence when it draws on the
 * quote just before it ("This shows…"). A conclusion sentence that restates a backed body claim is
 * backed by it. A claim the writer argues only with reasons of their own
 * ("because…", a personal example) is marked `reasoned`.
 */

import type {EssayModel, Paragraph, Sentence} from '../model/types.js'
import type {CueHit} from './cues.js'
import {isBody, type Structure} from './structure.js'
import type {ArgumentOptions, SentenceArgument, Support} from './types.js'
import {alternation, isIn, lazyPattern, words as wordList} from './words.js'

/** Offsets from a claim at which evidence backs it. */
const neighbourOffsets = [-1, 1, 2]

/**
 * Whether evidence `offset` sentences away backs a claim that does not open
 * its paragraph: the sentence after it ("Peacekeeping works. Fortna
 * found…") or the one after that, or the sentence before it when the claim
 * refers back to it ("This shows…", "Such figures…") or draws an inference.
 */
function backsNeighbour(claim: Sentence, offset: number): boolean {
  if (offset === 1 || offset === 2) return true
  return offset === -1 && (inference().test(claim.text) || pointsBack(claim))
}

/** The sentence refers back to the one before it in its first words ("This…", "Such figures…", "It…"). */
function pointsBack(sentence: Sentence): boolean {
  const first = sentence.words.slice(0, 4).map((w) => w.norm)
  return first.some((w, i) => isIn('anaphora', w) || (i < 3 && isIn('anaphora', `${w} ${first[i + 1] ?? ''}`)))
}

/**
 * A recommendation or a prediction goes beyond the facts around it: only
 * evidence in its own sentence backs it. "should have acted", "must have
 * known" judge what happened; the facts around them are what backs them.
 */
function recommends(sentence: Sentence, hits: CueHit[]): boolean {
  return hits.some((h) => (h.kind === 'stance' || h.kind === 'modal') && isIn('recommending', h.text) && !onThePast(sentence, h) && !(h.text === 'will' && habitual(sentence)))
}

/** "When you open an app, almost everyone will click 'agree'": "will" after "when" tells what happens each time, not what is to come. */
const habitual = (sentence: Sentence) => isIn('habitual-openers', sentence.words[0]?.norm ?? '')

/** The claim urges a course of action ("should", "must", "need to"), not a judgement on the past. */
function urges(sentence: Sentence, hits: CueHit[]): boolean {
  return hits.some((h) => h.kind === 'stance' && isIn('urging', h.text) && !onThePast(sentence, h))
}

/** A modal followed by "have": "should have acted", "must have known". */
const onThePast = (sentence: Sentence, hit: CueHit) => isIn('perfect-auxiliaries', sentence.words[hit.to]?.norm ?? '')

/** "This shows…" at the start, or "therefore", "as a result" anywhere: the sentence draws an inference. */
const inference = lazyPattern(() => new RegExp(`^${alternation('inference-subjects')}\\s+${alternation('inference-verbs')}\\b|\\b${alternation('inference-markers')}\\b`, 'i'))

/** A sentence that opens by drawing an inference ("Therefore, …", "In this way, …"). */
const openingInference = lazyPattern(() => new RegExp(`^(?:${alternation('inference-markers')})\\b`, 'i'))

/** The claim's subject is a named case and its verb draws a lesson from it ("Rwanda shows that…"): the capitalised words of that subject. */
export function caseNames(sentence: Sentence): string[] {
  const verb = sentence.words.findIndex((w, i) => i > 0 && i <= 6 && isIn('case-verbs', w.norm))
  if (verb <= 0) return []
  return sentence.words
    .slice(0, verb)
    .filter((w) => /^\p{Lu}/u.test(w.text) && !isIn('anaphora', w.norm) && w.norm !== 'the')
    .map((w) => w.text)
}

/** The sentence announces an example: "A concrete example shows…", "Another example is…", "Consider the following instance." */
function announcesExample(sentence: Sentence): boolean {
  const [first, ...rest] = sentence.words
  return first !== undefined && isIn('example-announcers', first.norm) && rest.slice(0, 3).some((w) => isIn('example-nouns', w.norm))
}

export function assignSupport(model: EssayModel, sentences: SentenceArgument[], structure: Structure, options: ArgumentOptions, hitsOf: (s: number) => CueHit[]): void {
  const evidenceByParagraph = new Map<Paragraph, number[]>()
  const withEvidence = (paragraph: Paragraph) => {
    let list = evidenceByParagraph.get(paragraph)
    if (!list) evidenceByParagraph.set(paragraph, (list = paragraph.sentences.filter((i) => sentences[i].evidence.length > 0)))
    return list
  }
  // What another sentence (a neighbour, or one of another paragraph) lends a claim: its evidence, not
  // the writer's reasons nor a table it reads, and a bare name or year only from a statement of fact.
  const lent = (i: number) => sentences[i].evidence.filter((e) => e.kind !== 'reasoning' && !e.table && (!e.weak || sentences[i].role === 'evidence'))
  for (const argument of sentences) {
    if (argument.role !== 'claim' && argument.role !== 'thesis') continue
    const sentence = model.sentences[argument.sentence]
    // A claim's own year ("should have seen this in 1993") dates the judgement; it does not back it.
    const own = argument.evidence.filter((e) => !e.weak)
    argument.evidence = own
    let support: Support[] = own
    if (argument.role === 'claim') {
      const hits = hitsOf(argument.sentence)
      if (recommends(sentence, hits)) argument.recommends = true
      if (urges(sentence, hits)) argument.urges = true
      // A paragraph's first sentence opening with "So…" or "Therefore…" draws on the one before; it is still the paragraph's point.
      const at = model.paragraphs[sentence.paragraph].sentences.indexOf(sentence.index)
      if (at > 0 && (openingInference().test(sentence.text) || hits.some((h) => h.kind === 'conclusion' && h.at <= 1))) argument.sumsUp = true
    }
    if (support.length === 0 && options.window === 'paragraph' && argument.role === 'claim' && !argument.recommends) {
      const paragraph = model.paragraphs[sentence.paragraph]
      const at = paragraph.sentences.indexOf(sentence.index)
      const wide = at === 0 || caseNames(sentence).length > 0
      const candidates = wide
        ? withEvidence(paragraph).filter((i) => i !== sentence.index)
        : neighbourOffsets.filter((offset) => at + offset >= 0 && at + offset < paragraph.sentences.length && backsNeighbour(sentence, offset)).map((offset) => paragraph.sentences[at + offset])
      // The writer's own reasons in a neighbour are not evidence; nor is a
      // name or a year in a neighbouring claim, only in a statement of fact.
      // Two sentences on, a source, a named case or an example still reaches
      // back; a figure or a quotation there bears on the sentence in between.
      const reaches = (e: Support, i: number) => wide || paragraph.sentences.indexOf(i) - at !== 2 || (e.kind !== 'data' && e.kind !== 'quotation')
      // Places alone back a neighbour when their sentence tells what happened there ("…had protection
      // mandates, yet civilians were massacred"), not when it is itself a claim in the present.
      const told = (i: number) => sentences[i].role === 'evidence' || hitsOf(i).some((h) => h.kind === 'past')
      support = candidates.flatMap((i) => lent(i).filter((e) => (!e.placesOnly || told(i)) && reaches(e, i)))
      // "Sierra Leone shows that…" opening the paragraph after the one that tells that case
      // (no heading between) draws its lesson from it.
      if (support.length === 0 && at === 0) {
        const names = caseNames(sentence)
        const before = model.paragraphs[paragraph.index - 1]
        const tellsTheCase = before && isBody(before) && names.some((name) => before.sentences.some((i) => model.sentences[i].text.includes(name)))
        if (tellsTheCase) support = before.sentences.flatMap(lent)
      }
      // "A concrete example shows the dysfunction today." closing its paragraph: the example is
      // the next paragraph (no heading between), whose opening sentence backs it.
      if (support.length === 0 && at === paragraph.sentences.length - 1 && announcesExample(sentence)) {
        const after = model.paragraphs[paragraph.index + 1]
        if (after && isBody(after) && after.section === paragraph.section && after.sentences.length > 0) support = lent(after.sentences[0])
      }
      // A block quote backs the sentence that introduces it.
      const quote = structure.quoteAfter.get(paragraph.index)
      if (support.length === 0 && quote !== undefined && at >= paragraph.sentences.length - 2) {
        support = [{kind: 'quotation', text: 'the block quote', sentence: model.paragraphs[quote].sentences[0] ?? sentence.index}]
      }
      // "This shows that…" right after a block quote draws its point from the quote.
      const quoted = structure.quoteBefore.get(paragraph.index)
      if (support.length === 0 && quoted !== undefined && at === 0 && (inference().test(sentence.text) || pointsBack(sentence))) {
        support = [{kind: 'quotation', text: 'the block quote', sentence: model.paragraphs[quoted].sentences[0] ?? sentence.index}]
      }
      // "As we can see, …", "This shows…" opening a paragraph draws on the evidence that closed
      // the one before (a pronoun alone, "They…", refers back without drawing on it).
      if (support.length === 0 && at === 0 && inference().test(sentence.text)) {
        const before = model.paragraphs[paragraph.index - 1]
        const last = before && isBody(before) ? before.sentences[before.sentences.length - 1] : undefined
        if (last !== undefined) support = lent(last)
      }
    }
    argument.support = support
    argument.supported = support.length > 0
    if (!argument.supported) argument.reasoned = reasoned(model, sentences, argument, hitsOf)
  }
  restatements(model, sentences, structure, hitsOf)
}

/** The writer backs the claim with reasons of their own: "because…" in it or right after it, or a personal example. */
function reasoned(model: EssayModel, sentences: SentenceArgument[], argument: SentenceArgument, hitsOf: (s: number) => CueHit[]): boolean {
  const own = hitsOf(argument.sentence)
  if (own.some((h) => h.kind === 'reasons' || h.kind === 'personal')) return true
  const sentence = model.sentences[argument.sentence]
  const paragraph = model.paragraphs[sentence.paragraph]
  const at = paragraph.sentences.indexOf(sentence.index)
  const next = paragraph.sentences[at + 1]
  if (next !== undefined && hitsOf(next).some((h) => (h.kind === 'reasons' && h.at <= 3) || h.kind === 'personal')) return true
  // "When I was a child, I lived on a farm and rarely got sick. Therefore, the countryside…": the lesson of the writer's story.
  const previous = paragraph.sentences[at - 1]
  if (previous !== undefined && sentences[previous].signals[0] === 'personal story') return true
  // A paragraph's opening claim is argued by the paragraph ("First, service teaches skills… For
  // example, my cousin… As a result…"): reasons, the writer's own example or story in the
  // sentences after it back it as premises back a claim, though none is evidence.
  if (at !== 0 || paragraph.sentences.length < minArguedParagraph) return false
  return paragraph.sentences.slice(1).some((i) => sentences[i].signals[0] === 'personal story' || hitsOf(i).some((h) => h.kind === 'reasons' || h.kind === 'personal' || h.kind === 'example'))
}

/** Sentences a paragraph needs (its opening claim and two more) before its later reasons count as the opening claim's. */
const minArguedParagraph = 3

/** A conclusion restates: claims there that echo a supported body claim count as supported. */
function restatements(model: EssayModel, sentences: SentenceArgument[], structure: Structure, hitsOf: (s: number) => CueHit[]): void {
  const conclusion = new Set(structure.conclusion)
  // A sentence that says it concludes ("In conclusion, …") sums up the body wherever the writer put it.
  const concludes = (i: number) => hitsOf(i).some((h) => h.kind === 'conclusion' && h.at <= 1)
  const concluding = sentences.filter((s) => !conclusion.has(model.sentences[s.sentence].paragraph) && concludes(s.sentence)).map((s) => s.sentence)
  let body: BackedBody | undefined
  for (const run of [...structure.conclusion.map((index) => model.paragraphs[index].sentences), concluding]) {
    for (const i of run) {
      const argument = sentences[i]
      if (argument.role !== 'claim' || argument.supported) continue
      // A recommendation goes beyond what the body showed, unless it says it sums the body up.
      if (hitsOf(i).some((h) => h.kind === 'stance' && isIn('urging', h.text)) && !concludes(i)) continue
      body ??= backedBody(model, sentences, conclusion)
      // "Rwanda shows that…": the lesson drawn from a case the body has backed.
      const echo = echoOf(model, body, i) ?? caseFromBody(model, body, i)
      if (echo !== undefined) {
        argument.restates = echo
        argument.supported = true
        argument.reasoned = undefined
        argument.support = sentences[echo].support.length > 0 ? sentences[echo].support : sentences[echo].evidence
      }
    }
  }
}

/** Content words, cut to a stem of six letters so "supported" meets "supports". */
function contentWords(sentence: Sentence): Set<string> {
  let found = contentWordsOf.get(sentence)
  if (!found) {
    const stop = wordList('stop-words')
    found = new Set(
      sentence.words
        .map((w) => w.norm.replace(/'s$/, ''))
        .filter((w) => w.length > 2 && !stop.has(w))
        .map((w) => w.slice(0, 6))
    )
    contentWordsOf.set(sentence, found)
  }
  return found
}
const contentWordsOf = new WeakMap<Sentence, Set<string>>()

interface BackedBody {
  /** Evidence and backed claims of the body, in order, with their content words. */
  list: Array<{sentence: Sentence; words: Set<string>}>
  /** Content word → positions in `list`. */
  byWord: Map<string, number[]>
}

/** The body sentences a conclusion may lean on: evidence and backed claims outside the conclusion, indexed by content word. */
function backedBody(model: EssayModel, sentences: SentenceArgument[], conclusion: Set<number>): BackedBody {
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
  return {list, byWord}
}

/** The body sentence a conclusion sentence restates: one sharing enough content words with it. */
function echoOf(model: EssayModel, body: BackedBody, index: number): number | undefined {
  const own = contentWords(model.sentences[index])
  if (own.size === 0) return undefined
  const shared = new Map<number, number>()
  for (const word of own) for (const position of body.byWord.get(word) ?? []) shared.set(position, (shared.get(position) ?? 0) + 1)
  let best: {index: number; score: number} | undefined
  // In body order, so that the first of equally good echoes wins.
  for (const position of [...shared.keys()].sort((a, b) => a - b)) {
    const count = shared.get(position)!
    const {sentence, words: theirs} = body.list[position]
    const score = count / Math.min(own.size, theirs.size)
    if (count >= 2 && score >= 0.25 && (!best || score > best.score)) best = {index: sentence.index, score}
  }
  return best?.index
}

/** A conclusion's lesson from a named case is backed when the body gave evidence about that case. */
function caseFromBody(model: EssayModel, body: BackedBody, index: number): number | undefined {
  const names = caseNames(model.sentences[index])
  if (names.length === 0) return undefined
  return body.list.find(({sentence}) => sentence.words.some((w) => names.includes(w.text)))?.sentence.index
}

