/**
 * The argument of an essay, in stages (each its own module, exported and
 * table-tested):
 *
 *   structure → cues → citations and evidence → roles → support → thesis → priority
 *
 * 1. structure (structure.ts): body text, introduction, conclusion, block
 *    quotes, quotations that run over several sentences;
 * 2. cues (cues.ts): phrases of lexicons/argument.yaml, vague appeals of
 *    lexicons/vague.yaml;
 * 3. evidence (evidence.ts): citations, named cases, figures, attributed
 *    quotations, examples in each sentence;
 * 4. roles (roles.ts): an ordered list of named classifiers; what none of
 *    them recognises is a claim in the writer's own voice;
 * 5. support (support.ts): what backs each claim;
 * 6. thesis (thesis.ts): the sentence that states the essay's position;
 * 7. priority (priority.ts): which unsupported claims are warnings.
 *
 * Computed on demand from the essay model and memoised, so a run that needs
 * only coverage never pays for it. Rules, the outline and the grader read
 * the result; none of them re-parse.
 */

import {compileLexicon, defaultConcepts} from '../model/lexicon.js'
import type {EssayModel, Paragraph, Range, Sentence} from '../model/types.js'
import {textOfWords} from '../model/sentence-text.js'
import {cueHits, type CueHit} from './cues.js'
import {evidenceIn, type EvidenceContext} from './evidence.js'
import {standsInForEvidence} from './appeals.js'
import {assignPriority, sourcingOf} from './priority.js'
import {argueParagraph} from './paragraph-memo.js'
import {argues, classify, expositionParagraph, proposalParagraphs, type RoleContext} from './roles.js'
import {isBody, readStructure, type Structure} from './structure.js'
import {assignSupport} from './support.js'
import {chooseThesis} from './thesis.js'
import type {ArgumentModel, ArgumentOptions, SentenceArgument, Support} from './types.js'

export type * from './types.js'
export {memoiseTagging, taggingMemoStats} from './tagging.js'
export {memoiseParagraphArguments, paragraphArgumentStats} from './paragraph-memo.js'
export {isShortLine} from './priority.js'

const memo = new WeakMap<EssayModel, Map<string, ArgumentModel>>()

export function argumentOf(model: EssayModel, options: ArgumentOptions = {window: 'paragraph'}): ArgumentModel {
  let byOptions = memo.get(model)
  if (!byOptions) {
    byOptions = new Map()
    memo.set(model, byOptions)
  }
  let result = byOptions.get(options.window)
  if (!result) {
    result = analyseArgument(model, options)
    byOptions.set(options.window, result)
  }
  return result
}

function rangeOf(sentence: Sentence, start: number, end: number): Range {
  const first = sentence.words.find((w) => w.start === start)!
  const last = sentence.words.find((w) => w.end === end)!
  return {
    start: {line: first.line, column: first.column, offset: start},
    end: {line: last.endLine, column: last.endColumn, offset: end}
  }
}

/**
 * Stages 3 and 4 for one paragraph: the evidence of each sentence, its role,
 * its vague appeals, then the roles that depend on the whole paragraph. All
 * of it reads only the paragraph (and the first word of the next one), so
 * the language server keeps it per paragraph (paragraph-memo.ts). Writes the
 * results into `sentences` by sentence number.
 */
function paragraphStage(model: EssayModel, paragraph: Paragraph, structure: Structure, context: EvidenceContext, hitsOf: (index: number) => CueHit[], sentences: SentenceArgument[]): void {
  const body = isBody(paragraph)
  // Only body text is argued: headings, references and footnotes are never read for evidence.
  const evidence = new Map<number, Support[]>(paragraph.sentences.map((index) => [index, body ? evidenceIn(context, model.sentences[index], hitsOf(index)) : []]))
  // A citation written after the full stop ends up opening the next
  // sentence ("… in 1994. (Dallaire, 2003) The Council…"): it backs the
  // sentence before it too.
  paragraph.sentences.forEach((index, at) => {
    if (at === 0) return
    const sentence = model.sentences[index]
    const first = sentence.citations.map((i) => model.citations[i]).find((c) => c.range.start.offset - sentence.range.start.offset <= 1 && /^[([]/.test(c.text))
    if (first) evidence.get(paragraph.sentences[at - 1])!.push({kind: 'citation', text: first.text, sentence: index})
  })

  paragraph.sentences.forEach((index, at) => {
    const sentence = model.sentences[index]
    const hits = body ? hitsOf(sentence.index) : []
    const before = at > 0 ? sentences[paragraph.sentences[at - 1]] : undefined
    const roleContext: RoleContext = {
      model,
      sentence,
      paragraph,
      at,
      hits,
      evidence: evidence.get(index)!,
      structure,
      previous: before ? {role: before.role, signal: before.signals[0] ?? ''} : undefined
    }
    const outcome = classify(roleContext)
    const item: SentenceArgument = {
      sentence: sentence.index,
      role: outcome.role,
      strength: hits.some((h) => h.kind === 'absolute') ? 'absolute' : hits.some((h) => h.kind === 'hedge') ? 'hedged' : 'plain',
      evidence: roleContext.evidence,
      support: [],
      supported: false,
      vague: [],
      signals: [outcome.signal]
    }
    if (outcome.role === 'claim' && argues(roleContext)) item.signals.unshift('states a thesis')
    // Vague appeals in body text: noted for the vague-evidence rule, never evidence.
    if (body) {
      const next = model.sentences[paragraph.sentences[at + 1]] as Sentence | undefined
      for (const hit of hits.filter((h) => h.kind === 'vague')) {
        // "Many experts, including Dallaire, …" names them; "Some say X, but…" is the other side, answered.
        if (!standsInForEvidence(model, sentence, hit, hits, next)) continue
        const from = sentence.words[hit.from]
        const to = sentence.words[hit.to - 1]
        // Inside a quotation the appeal is the quoted author's, not the writer's.
        if (sentence.quotations.some((q) => model.quotations[q].range.start.offset <= from.start && to.end <= model.quotations[q].range.end.offset)) continue
        item.vague.push({text: textOfWords(sentence, hit.from, hit.to), range: rangeOf(sentence, from.start, to.end)})
      }
    }
    sentences[sentence.index] = item
  })

  // Stage 4, second pass: roles that depend on the whole paragraph.
  expositionParagraph(model, paragraph, sentences, hitsOf)
}

function analyseArgument(model: EssayModel, options: ArgumentOptions): ArgumentModel {
  // Stage 2 first: the structure needs the cues that open a conclusion.
  const hitCache = new Map<number, CueHit[]>()
  const hitsOf = (index: number) => {
    let hits = hitCache.get(index)
    if (!hits) {
      hits = cueHits(model.sentences[index])
      hitCache.set(index, hits)
    }
    return hits
  }
  const structure = readStructure(model, hitsOf)
  const context = {model, operations: compileLexicon(defaultConcepts()).operationMatcher}

  const sentences: SentenceArgument[] = []
  for (const paragraph of model.paragraphs) {
    argueParagraph(model, paragraph, sentences, () => paragraphStage(model, paragraph, structure, context, hitsOf, sentences))
  }

  proposalParagraphs(model, structure, sentences)
  assignSupport(model, sentences, structure, options, hitsOf)
  const thesis = chooseThesis(model, sentences, structure, hitsOf)
  const sourcing = sourcingOf(model)
  assignPriority(model, sentences, structure, sourcing, hitsOf)
  const proposals = structure.proposals.map((proposal) => ({
    ...proposal,
    supported: proposal.paragraphs.some((index) => model.paragraphs[index].sentences.some((i) => sentences[i].evidence.some((e) => !e.weak && e.kind !== 'reasoning')))
  }))
  return {sentences, thesis, introduction: structure.introduction, conclusion: structure.conclusion, passage: structure.passage, proposals, sourcing}
}
