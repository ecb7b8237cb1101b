// npm run eval: accuracy of claim detection and of the unsupported-claim and
// vague-evidence rules, per split, then of the rules of issue 14 (mission-facts,
// citation-reference, thesis, counterargument) and the coverage rules
// (perspective-coverage, sovereignty-coverage, ethics-coverage) per labelled
// finding (scripts/rule-eval.mjs; real-test disagreements never printed):
//   tune, heldout   the corpus written for the project (fixtures/corpus);
//                   the rules were tuned on "tune" only
//   real-dev        real essays by outside authors (../shared/real-essays,
//                   labels in fixtures/real), looked at while tuning
//   real-test       real essays never looked at while tuning: only scored
//   real            both real splits; "real (.txt)" scores the Word-paste
//                   .txt copies with the labels of their .md twins
//
//   grade           Spearman ρ of `grade`'s score on the real essays on the
//                   course topic against an instructor's marks
//                   (fixtures/real/instructor-ranking.json), and against a
//                   proxy built from the sentence labels
//
//   node scripts/eval.mjs [--split NAME] [--json] [--errors]
//
// A finding counts as flagging a sentence when it starts in it, at any
// severity, or names it among its paragraph's other unsupported claims;
// "warnings per 1,000 words" counts only warnings (what a student meets first). The scorer is also used by the accuracy floor test.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {align, keyedSentences, realCorpusAvailable, realDir, realLabels} from './real-corpus.mjs'
import {evaluateRule, printRuleScores, ruleIds, ruleSets} from './rule-eval.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const corpus = path.join(root, 'fixtures', 'corpus')
const config = {rules: {'perspective-coverage': 'off', 'sovereignty-coverage': 'off', 'ethics-coverage': 'off', 'vague-evidence': 'info', 'unsupported-claim': 'warn'}}

/** Essays of a split, each with its text, name and gold labels per sentence (or undefined when the split is not here). */
export function splitEssays(name) {
  if (name === 'tune' || name === 'heldout') {
    const split = JSON.parse(readFileSync(path.join(corpus, 'split.json'), 'utf8'))
    return split[name].map((slug) => ({slug, name: `${slug}.md`, text: readFileSync(path.join(corpus, `${slug}.md`), 'utf8'), labels: corpusLabels(slug)}))
  }
  if (!realCorpusAvailable()) return undefined
  const wanted = name === 'real' || name === 'real-txt' ? ['real-dev', 'real-test'] : [name]
  const essays = []
  for (const data of realLabels().filter((d) => wanted.includes(d.split))) {
    const file = name === 'real-txt' ? data.essay.replace(/\.md$/, '.txt') : data.essay
    let text
    try {
      text = readFileSync(path.join(realDir, file), 'utf8')
    } catch {
      continue
    }
    essays.push({slug: data.slug, name: file, text, labels: {keyed: data.sentences}})
  }
  return essays
}

function corpusLabels(slug) {
  const data = JSON.parse(readFileSync(path.join(corpus, `${slug}.labels.json`), 'utf8'))
  return {starts: data.sentences}
}

/** Gold entries lined up with the model's sentences: [{entry, sentence | undefined}]. */
function lineUp(essay, file) {
  const model = file.data.essay
  if (essay.labels.keyed) {
    const found = align(essay.labels.keyed, keyedSentences(file))
    return essay.labels.keyed.map((entry, i) => ({entry, sentence: found[i]?.sentence}))
  }
  let from = 0
  return essay.labels.starts.map((entry) => {
    const at = essay.text.indexOf(entry.start, from)
    const sentence = at === -1 ? undefined : model.sentences.find((s) => s.range.start.offset <= at && at < s.range.end.offset)
    if (sentence) from = at + 1
    return {entry, sentence}
  })
}

export async function evaluate(essays, {lint, argumentOf}) {
  const counts = {claim: {tp: 0, fp: 0, fn: 0}, rule: {tp: 0, fp: 0, fn: 0}, warned: {tp: 0, fp: 0, fn: 0}, vague: {tp: 0, fp: 0, fn: 0}, unaligned: 0, sentences: 0, words: 0, warnings: 0, findings: 0}
  const confusion = {}
  for (const gold of ['unsupported', 'supported', 'none']) confusion[gold] = {flagged: 0, 'claim, supported': 0, 'not a claim': 0}
  const errors = []
  for (const essay of essays) {
    const file = await lint(essay.text, {path: essay.name, config})
    const model = file.data.essay
    const argument = argumentOf(model)
    const claims = file.messages.filter((m) => m.ruleId === 'unsupported-claim' && m.data?.kind !== 'essay' && m.data?.kind !== 'figure' && m.data?.kind !== 'proposal')
    // A vague appeal's finding stands for unsupported-claim's on its sentence
    // (src/finding-overlap.ts): the student is told the claim has no source either way.
    const standIns = file.messages.filter((m) => m.data?.replaces === 'unsupported-claim')
    counts.words += model.wordCount
    counts.findings += file.messages.filter((m) => m.ruleId === 'unsupported-claim').length + standIns.length
    counts.warnings += file.messages.filter((m) => m.ruleId === 'unsupported-claim' && m.fatal === false).length + standIns.filter((m) => m.fatal === false).length
    const sentenceStart = (m) => model.sentences.find((s) => s.range.start.offset <= m.place.start.offset && m.place.start.offset < s.range.end.offset)?.range.start.offset
    // A paragraph's finding names its other unsupported claims (data.also): the student is told of each.
    const flagged = new Set([...claims.flatMap((m) => [m.place.start.offset, ...(m.data?.also ?? []).map((a) => a.offset)]), ...standIns.map(sentenceStart)])
    // Warned: a sentence a warning is on, or one it names that would be a warning alone (its priority, not hedged).
    const warned = new Set(
      [...claims, ...standIns]
        .filter((m) => m.fatal === false)
        .flatMap((m) => (m.ruleId === 'unsupported-claim' ? [m.place.start.offset, ...(m.data?.also ?? []).filter((a) => a.priority === 'warning' && a.strength !== 'hedged').map((a) => a.offset)] : [sentenceStart(m)]))
    )
    const vagueAt = file.messages.filter((m) => m.ruleId === 'vague-evidence').map((m) => m.place.start.offset)
    for (const {entry, sentence} of lineUp(essay, file)) {
      counts.sentences++
      const goldClaim = entry.label !== 'none'
      const goldUnsupported = entry.label === 'unsupported'
      if (!sentence) {
        counts.unaligned++
        // Gone as one sentence: nothing flags it.
        tally(counts.claim, false, goldClaim)
        tally(counts.rule, false, goldUnsupported)
        tally(counts.warned, false, goldUnsupported)
        if (entry.vague !== undefined) tally(counts.vague, false, entry.vague === true)
        confusion[entry.label]['not a claim']++
        continue
      }
      const item = argument.sentences[sentence.index]
      const isClaim = item.role === 'claim' || item.role === 'thesis'
      const isFlagged = flagged.has(sentence.range.start.offset)
      tally(counts.claim, isClaim, goldClaim)
      tally(counts.rule, isFlagged, goldUnsupported)
      tally(counts.warned, warned.has(sentence.range.start.offset), goldUnsupported)
      if (entry.vague !== undefined) {
        const hasVague = vagueAt.some((at) => sentence.range.start.offset <= at && at < sentence.range.end.offset)
        tally(counts.vague, hasVague, entry.vague === true)
        if (hasVague !== (entry.vague === true)) errors.push(`${essay.slug}: vague gold ${entry.vague === true}, got ${hasVague} ${sentence.text.slice(0, 110)}`)
      }
      confusion[entry.label][isFlagged ? 'flagged' : isClaim ? 'claim, supported' : 'not a claim']++
      if (isFlagged !== goldUnsupported || isClaim !== goldClaim) {
        errors.push(`${essay.slug}: gold ${entry.label}, got ${isFlagged ? 'flagged' : isClaim ? 'claim, supported' : 'not a claim'} [${item.role}; ${item.signals.join(', ')}; support ${item.support.map((s) => s.kind + ':' + s.text).join(' | ')}] ${sentence.text.slice(0, 110)}`)
      }
    }
  }
  return {counts, confusion, errors}
}

function tally(bucket, predicted, gold) {
  if (predicted && gold) bucket.tp++
  else if (predicted) bucket.fp++
  else if (gold) bucket.fn++
}

export function scores({tp, fp, fn}) {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp)
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn)
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return {precision: round(precision), recall: round(recall), f1: round(f1), tp, fp, fn}
}
const round = (n) => Math.round(n * 1000) / 1000

export const splitNames = ['tune', 'heldout', 'real-dev', 'real-test', 'real', 'real-txt']
const notes = {heldout: 'not used for tuning', 'real-test': 'never looked at while tuning', 'real-txt': 'the .txt copies, scored with their .md labels'}

async function main() {
  const args = process.argv.slice(2)
  const only = args.includes('--split') ? args[args.indexOf('--split') + 1] : undefined
  const showErrors = args.includes('--errors')
  const {lint} = await import('../dist/src/index.js')
  const {argumentOf} = await import('../dist/src/model/argument.js')
  const results = {}
  for (const name of only ? [only] : splitNames) {
    const essays = splitEssays(name)
    if (!essays) {
      results[name] = {skipped: `${path.relative(root, realDir)} not found`}
      if (!args.includes('--json')) console.log(`\n== ${name}: skipped: ${path.relative(root, realDir)} not found`)
      continue
    }
    const {counts, confusion, errors} = await evaluate(essays, {lint, argumentOf})
    const perThousand = (n) => Math.round((n / Math.max(counts.words, 1)) * 10000) / 10
    results[name] = {
      essays: essays.length,
      sentences: counts.sentences,
      unaligned: counts.unaligned,
      words: counts.words,
      unsupportedClaim: scores(counts.rule),
      unsupportedClaimWarnings: scores(counts.warned),
      vagueEvidence: scores(counts.vague),
      claimDetection: scores(counts.claim),
      warningsPer1000Words: perThousand(counts.warnings),
      findingsPer1000Words: perThousand(counts.findings),
      confusion
    }
    if (!args.includes('--json')) {
      const r = results[name]
      console.log(`\n== ${name} (${r.essays} essays, ${r.words} words, ${r.sentences} labelled sentences${r.unaligned ? `, ${r.unaligned} not aligned` : ''})${notes[name] ? ` — ${notes[name]}` : ''}`)
      console.log('rule / task          precision  recall  F1     (tp fp fn)')
      const rows = [['unsupported-claim', r.unsupportedClaim], ['  warnings only', r.unsupportedClaimWarnings], ['claim detection', r.claimDetection]]
      if (counts.vague.tp + counts.vague.fp + counts.vague.fn > 0 || name.startsWith('real')) rows.splice(2, 0, ['vague-evidence', r.vagueEvidence])
      for (const [label, s] of rows) {
        console.log(`${label.padEnd(20)} ${String(s.precision).padEnd(10)} ${String(s.recall).padEnd(7)} ${String(s.f1).padEnd(6)} (${s.tp} ${s.fp} ${s.fn})`)
      }
      console.log(`unsupported-claim per 1,000 words: ${r.warningsPer1000Words} warnings, ${r.findingsPer1000Words} findings of any severity`)
      console.log('confusion (gold ↓, predicted →)   flagged  claim,supported  not a claim')
      for (const [gold, row] of Object.entries(r.confusion)) {
        console.log(`  ${gold.padEnd(32)} ${String(row.flagged).padEnd(8)} ${String(row['claim, supported']).padEnd(16)} ${row['not a claim']}`)
      }
      if (showErrors) {
        if (name === 'real-test' || name === 'real' || name === 'real-txt') console.log('  (errors are not shown for splits that include real-test: it is never looked at while tuning)')
        else for (const e of errors) console.log('  ✗ ' + e)
      }
    }
  }
  // The rules of issue 14 and the coverage rules, per labelled finding (scripts/rule-eval.mjs).
  if (!only) {
    const {rules} = await import('../dist/src/index.js')
    results.rules = {}
    for (const rule of ruleIds) {
      results.rules[rule] = {}
      for (const set of ruleSets) results.rules[rule][set] = await evaluateRule(rule, set, {lint, rules})
    }
    if (!args.includes('--json')) printRuleScores(results.rules, false)
  }
  const ranking = await gradeRanking()
  if (!ranking) {
    results.grade = {skipped: `${path.relative(root, realDir)} not found`}
    if (!args.includes('--json')) console.log(`\n== grade: skipped: ${path.relative(root, realDir)} not found`)
  } else {
    results.grade = ranking
    if (!args.includes('--json')) {
      const {instructor, proxy} = ranking
      console.log(`\n== grade on the real essays on the course topic (${instructor.essays}): Spearman ρ between the grade and an instructor's marks = ${instructor.rho}`)
      console.log(`   (fixtures/real/instructor-ranking.json, ${instructor.grader}, ${instructor.date}${instructor.unmarked.length ? `; not marked: ${instructor.unmarked.join(', ')}` : ''})`)
      console.log(`   proxy: Spearman ρ between the grade and the labelled share of supported claims = ${proxy.rho}`)
      console.log("   (the proxy is built from our own sentence labels, not from an instructor's judgment of the essays)")
    }
  }
  if (args.includes('--json')) console.log(JSON.stringify(results, null, 2))
}

/** Spearman's rank correlation, with average ranks for ties. */
export function spearman(xs, ys) {
  const rank = (values) => {
    const order = values.map((v, i) => [v, i]).sort((a, b) => a[0] - b[0])
    const ranks = new Array(values.length)
    for (let i = 0; i < order.length; ) {
      let j = i
      while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++
      for (let k = i; k <= j; k++) ranks[order[k][1]] = (i + j) / 2 + 1
      i = j + 1
    }
    return ranks
  }
  const rx = rank(xs)
  const ry = rank(ys)
  const mean = (v) => v.reduce((a, b) => a + b, 0) / v.length
  const mx = mean(rx)
  const my = mean(ry)
  let num = 0
  let dx = 0
  let dy = 0
  for (let i = 0; i < rx.length; i++) {
    num += (rx[i] - mx) * (ry[i] - my)
    dx += (rx[i] - mx) ** 2
    dy += (ry[i] - my) ** 2
  }
  return round(num / Math.sqrt(dx * dy))
}

/**
 * How `grade` orders the real essays on the course topic: against an
 * instructor's marks (fixtures/real/instructor-ranking.json, marked before
 * `grade` was run on them) and, as a proxy, against the share of each essay's
 * labelled claims that are supported. Undefined when the essays are not here.
 */
export async function gradeRanking() {
  if (!realCorpusAvailable()) return undefined
  const {lint} = await import('../dist/src/index.js')
  const {gradeEssay} = await import('../dist/src/grade/score.js')
  const {defaultRubric} = await import('../dist/src/grade/rubric.js')
  const rubric = defaultRubric()
  const ranking = instructorRanking()
  const marks = new Map(ranking.essays.map((e) => [e.essay, e.mark]))
  const grades = []
  const share = []
  const marked = []
  const unmarked = []
  for (const data of realLabels().filter((d) => d.topic === 'peacekeeping')) {
    const text = readFileSync(path.join(realDir, data.essay), 'utf8')
    const file = await lint(text, {path: data.essay})
    const score = gradeEssay(file, data.essay, rubric).score
    grades.push(score)
    const claims = data.sentences.filter((e) => e.label !== 'none')
    share.push(claims.length === 0 ? 0 : claims.filter((e) => e.label === 'supported').length / claims.length)
    if (marks.has(data.essay)) marked.push([score, marks.get(data.essay)])
    else unmarked.push(data.essay)
  }
  return {
    instructor: {
      essays: marked.length,
      rho: spearman(marked.map((m) => m[0]), marked.map((m) => m[1])),
      grader: ranking.grader,
      date: ranking.date,
      unmarked
    },
    proxy: {essays: grades.length, rho: spearman(grades, share)}
  }
}

/** The instructor's marks of the real essays on the course topic (fixtures/real/README.md). */
export function instructorRanking() {
  return JSON.parse(readFileSync(path.join(root, 'fixtures', 'real', 'instructor-ranking.json'), 'utf8'))
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main()
