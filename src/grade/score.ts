/**
 * Scores one essay against a rubric, from the essay model (the same argument
 * analysis and coverage the rules use). Deterministic: the same essay and
 * rubric always give the same points, and every criterion lists the evidence
 * for its score (lines, the claims counted, the perspectives found).
 */

import type {VFile} from 'vfile'
import {counterargumentOf} from '../argument/counterargument.js'
import {positionOf} from '../argument/position.js'
import {argumentOf, isShortLine} from '../model/argument.js'
import {coverageOf, defaultThresholds} from '../model/coverage.js'
import {scopeOfTitle, theoryComparison, thresholdsFor} from '../coverage-rule.js'
import {citedSources, sameName} from '../model/references.js'
import type {EssayModel} from '../model/types.js'
import type {Criterion, Rubric} from './rubric.js'
import '../data-map.js'

export interface CriterionScore {
  id: string
  label: string
  score: number
  max: number
  evidence: string[]
}

export interface Grade {
  path: string
  score: number
  max: number
  criteria: CriterionScore[]
}

const round = (n: number) => Math.round(n * 10) / 10
const lines = (list: number[]) => (list.length === 1 ? `line ${list[0]}` : `lines ${list.slice(0, 8).join(', ')}${list.length > 8 ? ', …' : ''}`)
const words = (text: string, count = 8) => {
  const parts = text.replace(/\s+/g, ' ').trim().split(' ')
  return `"${parts.slice(0, count).join(' ')}${parts.length > count ? '…' : ''}"`
}

/** Part credit for a thesis that takes no position, and for a position the conclusion drops (docs: src/grade/README.md). */
const thesisCredit = {noPosition: 0.4, dropped: 0.7}
/** Part credit for an essay that meets the other side but leaves an objection standing. */
const counterCredit = {unanswered: 0.5}

function statusValue(status: 'absent' | 'named' | 'applied', named: number): number {
  return status === 'applied' ? 1 : status === 'named' ? named : 0
}

/** The thesis criterion: the thesis rule's judgment (src/argument/position.ts). */
function thesisScore(model: EssayModel): {fraction: number; evidence: string[]} {
  // A position scores above a topic announcement or a both-sides thesis,
  // which scores above none; a conclusion that drops the position costs some.
  const position = positionOf(model)
  const sentence = position.sentence
  const at = sentence ? `line ${sentence.range.start.line}: ${words(sentence.text)}` : ''
  if (position.status === 'missing' || !sentence) return {fraction: 0, evidence: ['no thesis found in the introduction']}
  if (position.status === 'no-position') {
    const what = position.kind === 'announcement' ? 'announces a topic, takes no position' : 'takes no position'
    return {fraction: thesisCredit.noPosition, evidence: [`${at} ${what}`]}
  }
  if (position.returns === false) {
    return {fraction: thesisCredit.dropped, evidence: [`position ${at}`, `the conclusion (line ${position.conclusion![0].range.start.line}) never comes back to it`]}
  }
  return {fraction: 1, evidence: [`position ${at}`]}
}

function scoreCriterion(criterion: Criterion, model: EssayModel, file: VFile): {fraction: number; evidence: string[]; penalty?: number} {
  const argument = argumentOf(model)
  const concepts = file.data.concepts ?? {}
  switch (criterion.type) {
    case 'thesis':
      return thesisScore(model)
    case 'counterargument': {
      // The counterargument rule's judgment (src/argument/counterargument.ts).
      // With no position to defend the rule is silent, and meeting the other
      // side cannot be judged: the criterion is scored as the thesis is (0
      // for none, part credit for a topic announcement or a both-sides
      // thesis): the rubric keeps its total, and an essay that argues nothing
      // earns on this line what it earns for its thesis, no more and no less.
      const found = counterargumentOf(model)
      if (found.position === undefined) {
        const thesis = thesisScore(model)
        return {fraction: thesis.fraction, evidence: [`not applicable: no position to defend (${thesis.evidence[0]}); scored as the thesis`]}
      }
      if (found.considered.length === 0) return {fraction: 0, evidence: ['no opposing view considered']}
      const line = (sentence: number) => model.sentences[sentence].range.start.line
      const unanswered = found.objections.filter((o) => o.answer === undefined)
      const answered = found.objections.filter((o) => o.answer !== undefined)
      const evidence = [`opposing view considered (${lines([...new Set(found.considered.map(line))])})`]
      if (answered.length > 0) evidence.push(`answered: ${lines([...new Set(answered.map((o) => line(o.answer!)))])}`)
      if (unanswered.length > 0) {
        evidence.push(`objection never answered: ${lines(unanswered.map((o) => line(o.sentence)))}`)
        return {fraction: counterCredit.unanswered, evidence}
      }
      return {fraction: 1, evidence}
    }
    case 'claims-supported': {
      // Short lines left bare ("Both outcomes are bad.") are beats of the argument, not claims it rests on.
      const claims = argument.sentences.filter((s) => (s.role === 'claim' || s.role === 'thesis') && !isShortLine(model, s))
      if (claims.length === 0) return {fraction: 0, evidence: ['no claims found']}
      const supported = claims.filter((s) => s.supported)
      const unsupported = claims.filter((s) => !s.supported).map((s) => model.sentences[s.sentence].range.start.line)
      // Full marks from `target` (default 75%) of claims supported: even strong
      // essays leave some transitions and concluding judgements bare.
      const target = (criterion.options.target as number | undefined) ?? 0.75
      const share = supported.length / claims.length
      const evidence = [`${supported.length} of ${claims.length} claims supported (${Math.round(share * 100)}%; full marks from ${Math.round(target * 100)}%)`]
      if (unsupported.length > 0) evidence.push(`unsupported: ${lines([...new Set(unsupported)])}`)
      return {fraction: Math.min(1, share / target), evidence}
    }
    case 'perspectives': {
      const listedRequired = (criterion.options.required as string[] | undefined) ?? ['realism', 'liberalism', 'constructivism']
      const named = (criterion.options.named as number | undefined) ?? 0.3
      // A title that compares named perspectives sets the question, as in perspective-coverage.
      const scope = scopeOfTitle(model, concepts)
      const inScope = scope ? listedRequired.filter((id) => scope.perspectives.includes(id)) : listedRequired
      const required = inScope.length > 0 ? inScope : listedRequired
      if (required.length === 0) return {fraction: 1, evidence: ['no perspectives required']}
      let total = 0
      const evidence: string[] = []
      if (required.length < listedRequired.length) evidence.push(`the title sets ${scope!.question}: ${listedRequired.filter((id) => !required.includes(id)).map((id) => concepts[id]?.label.toLowerCase() ?? id).join(', ')} not counted`)
      const thresholds = thresholdsFor(model, defaultThresholds, concepts)
      for (const id of required) {
        const coverage = coverageOf(model, id, thresholds, true)
        total += statusValue(coverage.status, named)
        const label = concepts[id]?.label.toLowerCase() ?? id
        const where =
          coverage.status === 'applied'
            ? ` (${lines(coverage.appliedIn.map((p) => model.paragraphs[p].range.start.line))})`
            : coverage.status === 'named'
              ? ` (line ${coverage.firstNamed!.range.start.line})`
              : ''
        evidence.push(`${label} ${coverage.status}${where}`)
      }
      return {fraction: total / required.length, evidence}
    }
    case 'concept': {
      const id = criterion.options.concept as string
      const named = (criterion.options.named as number | undefined) ?? 0.3
      // Outside the question of a title that compares theories (as in the sovereignty and ethics rules): not counted against the essay.
      const comparison = theoryComparison(model, concepts)
      if (comparison) return {fraction: 1, evidence: [`${concepts[id]?.label.toLowerCase() ?? id}: not asked by the title, which sets ${comparison.question}`]}
      const coverage = coverageOf(model, id)
      const label = concepts[id]?.label.toLowerCase() ?? id
      const where =
        coverage.status === 'applied'
          ? ` (${lines(coverage.appliedIn.map((p) => model.paragraphs[p].range.start.line))})`
          : coverage.status === 'named'
            ? ` (only in passing, line ${coverage.firstNamed!.range.start.line})`
            : ''
      return {fraction: statusValue(coverage.status, named), evidence: [`${label} ${coverage.status}${where}`]}
    }
    case 'references': {
      // The share of the sources cited by author that the reference list (or a note) gives in full.
      const body = (sentence: number) => ['paragraph', 'list-item', 'blockquote'].includes(model.paragraphs[model.sentences[sentence].paragraph].kind)
      const sources = citedSources(model).filter((s) => !s.same && body(model.citations[s.citation].sentence))
      const entries = model.references
      if (sources.length === 0) {
        // Cited by number, note or link only: each citation leads to its source.
        const other = model.citations.filter((c) => body(c.sentence) && c.kind !== 'author-page').length
        if (other > 0) return {fraction: 1, evidence: [`${other} citations by number, note or link; none by author to match`]}
        return {fraction: 0, evidence: [entries.length > 0 ? `${entries.length} reference entr${entries.length === 1 ? 'y' : 'ies'}, but no citation in the text` : 'no citations and no reference list']}
      }
      if (entries.length === 0) return {fraction: 0, evidence: [`${sources.length} citations by author, no reference list`]}
      const missing = sources.filter((source) => !entries.some((entry) => sameName(entry, source)))
      const evidence = [`${sources.length - missing.length} of ${sources.length} citations by author have an entry`]
      if (missing.length > 0) evidence.push(`no entry: ${lines([...new Set(missing.map((s) => model.citations[s.citation].range.start.line))])}`)
      return {fraction: (sources.length - missing.length) / sources.length, evidence}
    }
    case 'evidence-quality': {
      const per1000 = Math.max(model.wordCount, 1) / 1000
      const citationTarget = Math.max(1, Math.round(per1000 * ((criterion.options.citationsPer1000Words as number | undefined) ?? 6)))
      const caseTarget = Math.max(1, Math.round(per1000 * ((criterion.options.casesPer1000Words as number | undefined) ?? 3)))
      const penalty = (criterion.options.vaguePenalty as number | undefined) ?? 1
      const body = new Set(model.paragraphs.filter((p) => p.kind === 'paragraph' || p.kind === 'list-item').map((p) => p.index))
      const citations = model.citations.filter((c) => body.has(model.sentences[c.sentence].paragraph)).length
      const cases = new Set(argument.sentences.flatMap((s) => s.evidence.filter((e) => e.kind === 'case' && !e.weak).map((e) => e.text))).size
      const vague = argument.sentences.filter((s) => s.vague.length > 0 && !s.evidence.some((e) => e.kind === 'citation'))
      const fraction = 0.6 * Math.min(1, citations / citationTarget) + 0.4 * Math.min(1, cases / caseTarget)
      const evidence = [
        `${citations} citation${citations === 1 ? '' : 's'} (target ${citationTarget} for ${model.wordCount.toLocaleString('en')} words)`,
        `${cases} named case${cases === 1 ? '' : 's'} (target ${caseTarget})`
      ]
      const vagueCount = vague.reduce((n, s) => n + s.vague.length, 0)
      if (vagueCount > 0) evidence.push(`${vagueCount} vague appeal${vagueCount === 1 ? '' : 's'} (−${round(vagueCount * penalty)}): ${lines([...new Set(vague.map((s) => model.sentences[s.sentence].range.start.line))])}`)
      return {fraction, evidence, penalty: vagueCount * penalty}
    }
  }
}

export function gradeEssay(file: VFile, path: string, rubric: Rubric): Grade {
  const model = file.data.essay!
  const criteria = rubric.criteria.map((criterion) => {
    const {fraction, evidence, penalty = 0} = scoreCriterion(criterion, model, file)
    // Never below 0 nor above the criterion's points, whatever the options.
    const score = Math.min(criterion.max, Math.max(0, round(fraction * criterion.max - penalty)))
    return {id: criterion.id, label: criterion.label, score, max: criterion.max, evidence}
  })
  return {
    path,
    score: round(criteria.reduce((sum, c) => sum + c.score, 0)),
    max: round(criteria.reduce((sum, c) => sum + c.max, 0)),
    criteria
  }
}
