// Precision and recall of the rules of issue 14 (mission-facts,
// citation-reference, thesis, counterargument) and of the coverage rules
// (perspective-coverage, sovereignty-coverage, ethics-coverage) on labelled essays:
//   project   the project's own essays (fixtures/corpus, fixtures/essays);
//             labels in fixtures/corpus/<rule>-labels.json
//   real      the real essays in ../shared/real-essays; labels in
//             fixtures/real/<rule>-labels.json (skipped when the folder is absent)
//
// A label file lists every essay that was read for the rule, each with the
// findings a careful instructor would make (an empty list: nothing to flag):
//   {"rule": "mission-facts", "essays": {"<file>": [{"p": 5, "s": 3, "hash": "…", "check": "year", "why": "…"}]}}
// `p`/`s`/`hash` key the sentence the finding starts in, as in
// fixtures/real/README.md (never the text); a label without `p` is about the
// whole essay (`check` alone: "missing", "no-counterargument"…). A finding
// counts as a true positive when a label of the same check points at its
// sentence (or is essay-wide); any other finding is a false positive.
//
// The coverage rules are judged per essay: a label's `check` is
// "<concept>:<status>" ("realism:absent", "ethics:named") or "off-topic", and
// a finding that reports several absent perspectives at once counts once per
// perspective. Their labels: fixtures/essays/manifest.json (`expect`) for the
// project's essays, fixtures/real/coverage-labels.json for the real ones.
//
// The real essays are scored as a whole (`real`) and per split of
// fixtures/real/split.json (`real-dev`, `real-test`). The disagreements of
// `real-test` are never printed: it is scored, not read, while tuning.
//
//   node scripts/rule-eval.mjs [--rule ID] [--json]     scores
//   node scripts/rule-eval.mjs dump ID FILE             the rule's findings on one essay, keyed, for labelling
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {align, keyedSentences, realCorpusAvailable, realDir, root} from './real-corpus.mjs'

export const coverageRuleIds = ['perspective-coverage', 'sovereignty-coverage', 'ethics-coverage']
export const ruleIds = ['mission-facts', 'citation-reference', 'thesis', 'counterargument', ...coverageRuleIds]
const off = {'unsupported-claim': 'off', 'vague-evidence': 'off'}

/** Only `rule` on (the others scored here off, when they are registered). */
function configFor(rule, known) {
  return {rules: {...off, ...Object.fromEntries(ruleIds.filter((id) => known.includes(id)).map((id) => [id, id === rule ? 'info' : 'off']))}}
}

const isCoverage = (rule) => coverageRuleIds.includes(rule)

/** What a finding says, as label checks: `data.check`, or for a coverage rule one "<concept>:<status>" per concept it reports. */
function checksOf(rule, message) {
  if (!isCoverage(rule)) return [message.data?.check]
  const data = message.data ?? {}
  if (data.kind === 'off-topic') return ['off-topic']
  return (data.concepts ?? [data.concept]).map((concept) => `${concept}:${data.status}`)
}

/** The label file of a rule for a set ('project' or 'real'), or undefined when there is none. */
export function ruleLabels(rule, set) {
  if (isCoverage(rule)) return coverageLabels(rule, set)
  const file = path.join(root, 'fixtures', set.startsWith('real') ? 'real' : 'corpus', `${rule}-labels.json`)
  if (!existsSync(file)) return undefined
  return JSON.parse(readFileSync(file, 'utf8'))
}

/** The concepts each coverage rule reports, for the project's manifest (fixtures/essays/manifest.json). */
const manifestConcepts = {'perspective-coverage': ['realism', 'liberalism', 'constructivism'], 'sovereignty-coverage': ['sovereignty'], 'ethics-coverage': ['ethics']}

/**
 * A coverage rule's labels, in the shape of the other rules' files: every
 * label is about the whole essay. Project: each concept of the manifest
 * expected `named` or `absent`; real: fixtures/real/coverage-labels.json.
 */
function coverageLabels(rule, set) {
  if (set.startsWith('real')) {
    const file = path.join(root, 'fixtures', 'real', 'coverage-labels.json')
    if (!existsSync(file)) return undefined
    const data = JSON.parse(readFileSync(file, 'utf8'))
    const essays = {}
    for (const [name, rules] of Object.entries(data.essays)) essays[name] = rules[rule].expected.map((check) => ({check, why: rules[rule].why}))
    return {rule, essays}
  }
  const manifest = JSON.parse(readFileSync(path.join(root, 'fixtures', 'essays', 'manifest.json'), 'utf8'))
  const essays = {}
  for (const entry of manifest) {
    essays[`essays/${entry.file}`] = manifestConcepts[rule].filter((c) => entry.expect[c] !== 'applied').map((c) => ({check: `${c}:${entry.expect[c]}`}))
  }
  return {rule, essays}
}

/** The sets a rule is scored on: the project's essays, the real essays, and their dev and test splits. */
export const ruleSets = ['project', 'real', 'real-dev', 'real-test']
const readable = (set) => set !== 'real' && set !== 'real-test'

function essayPath(set, name) {
  return set.startsWith('real') ? path.join(realDir, name) : path.join(root, 'fixtures', name)
}

/** Whether an essay of the real corpus is in the split a set asks for. */
function inSet(set, name) {
  if (!set.startsWith('real-')) return true
  const split = JSON.parse(readFileSync(path.join(root, 'fixtures', 'real', 'split.json'), 'utf8'))
  return split[set.slice('real-'.length)].includes(name.replace(/\.(md|txt)$/, ''))
}

/** Where a finding starts, keyed like a label. */
function keyOf(message, keyed) {
  const at = message.place?.start?.offset ?? 0
  const hit = keyed.find((k) => k.sentence.range.start.offset <= at && at < k.sentence.range.end.offset)
  return hit ? {p: hit.p, s: hit.s, hash: hit.hash} : undefined
}

export async function evaluateRule(rule, set, {lint, rules}) {
  if (!rules[rule]) return {skipped: 'rule not built yet'}
  if (set.startsWith('real') && !realCorpusAvailable()) return {skipped: `${path.relative(root, realDir)} not found`}
  const data = ruleLabels(rule, set)
  if (!data) return {skipped: 'no labels'}
  const counts = {tp: 0, fp: 0, fn: 0}
  const errors = []
  let essays = 0
  for (const [name, labels] of Object.entries(data.essays)) {
    const file = essayPath(set, name)
    if (!existsSync(file) || !inSet(set, name)) continue
    essays++
    const linted = await lint(readFileSync(file, 'utf8'), {path: path.basename(file), config: configFor(rule, Object.keys(rules))})
    const keyed = keyedSentences(linted)
    const sentenceLabels = labels.filter((l) => l.p !== undefined)
    const found = align(sentenceLabels, keyed)
    const matched = new Set()
    for (const message of linted.messages.filter((m) => m.ruleId === rule)) {
      const key = keyOf(message, keyed)
      for (const check of checksOf(rule, message)) {
        let index = labels.findIndex((l, i) => !matched.has(i) && l.check === check && l.p === undefined)
        if (index === -1 && key) {
          index = labels.findIndex((l, i) => {
            if (matched.has(i) || l.check !== check || l.p === undefined) return false
            const sentence = found[sentenceLabels.indexOf(l)]
            return sentence && sentence.p === key.p && sentence.s === key.s
          })
        }
        if (index === -1) {
          counts.fp++
          errors.push(`${name}: false alarm ${check} at ${key ? `p${key.p} s${key.s} ${key.hash}` : 'essay'}`)
        } else {
          counts.tp++
          matched.add(index)
        }
      }
    }
    labels.forEach((l, i) => {
      if (matched.has(i)) return
      counts.fn++
      errors.push(`${name}: missed ${l.check} at ${l.p === undefined ? 'essay' : `p${l.p} s${l.s} ${l.hash}`}`)
    })
  }
  const precision = counts.tp + counts.fp === 0 ? null : round(counts.tp / (counts.tp + counts.fp))
  const recall = counts.tp + counts.fn === 0 ? null : round(counts.tp / (counts.tp + counts.fn))
  // The test split's disagreements are not returned, so no one tunes on them.
  return {essays, ...counts, precision, recall, errors: readable(set) ? errors : []}
}
const round = (n) => Math.round(n * 1000) / 1000

async function main() {
  const args = process.argv.slice(2)
  const {lint, rules} = await import('../dist/src/index.js')
  if (args[0] === 'dump') {
    const [, rule, name] = args
    const file = existsSync(name) ? name : path.join(realDir, name)
    if (path.resolve(file).startsWith(realDir) && inSet('real-test', path.basename(file))) {
      console.error(`${path.basename(file)} is in the real-test split: it is scored, never read while tuning`)
      process.exitCode = 2
      return
    }
    const linted = await lint(readFileSync(file, 'utf8'), {path: path.basename(file), config: configFor(rule, Object.keys(rules))})
    const keyed = keyedSentences(linted)
    for (const message of linted.messages.filter((m) => m.ruleId === rule)) {
      const key = keyOf(message, keyed)
      console.log(JSON.stringify({...key, check: checksOf(rule, message).join(' ')}), message.reason)
    }
    return
  }
  const only = args.includes('--rule') ? [args[args.indexOf('--rule') + 1]] : ruleIds
  const results = {}
  for (const rule of only) {
    results[rule] = {}
    for (const set of ruleSets) results[rule][set] = await evaluateRule(rule, set, {lint, rules})
  }
  if (args.includes('--json')) {
    console.log(JSON.stringify(results, null, 2))
    return
  }
  printRuleScores(results, args.includes('--errors'))
}

export function printRuleScores(results, showErrors = false) {
  console.log('\n== issue-14 and coverage rules, per labelled finding (project essays; real essays, all and per split; real-test errors are never shown)')
  console.log('rule                 set       essays  precision  recall  (tp fp fn)')
  for (const [rule, sets] of Object.entries(results)) {
    for (const [set, r] of Object.entries(sets)) {
      if (r.skipped) {
        console.log(`${rule.padEnd(20)} ${set.padEnd(9)} skipped: ${r.skipped}`)
        continue
      }
      console.log(`${rule.padEnd(20)} ${set.padEnd(9)} ${String(r.essays).padEnd(7)} ${String(r.precision ?? '–').padEnd(10)} ${String(r.recall ?? '–').padEnd(7)} (${r.tp} ${r.fp} ${r.fn})`)
      if (showErrors) for (const e of r.errors) console.log('  ✗ ' + e)
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main()
