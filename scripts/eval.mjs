// npm run eval: accuracy of claim detection and of the unsupported-claim rule
// on the annotated corpus (fixtures/corpus), per split. The rules were tuned
// on the "tune" half only; the "heldout" half is what we report.
//
//   node scripts/eval.mjs [--split tune|heldout|all] [--json] [--errors]
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {lint} from '../dist/src/index.js'
import {argumentOf} from '../dist/src/model/argument.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const corpus = path.join(root, 'fixtures', 'corpus')
const args = process.argv.slice(2)
const only = args.includes('--split') ? args[args.indexOf('--split') + 1] : undefined
const showErrors = args.includes('--errors')
const split = JSON.parse(readFileSync(path.join(corpus, 'split.json'), 'utf8'))
const config = {rules: {'perspective-coverage': 'off', 'sovereignty-coverage': 'off', 'ethics-coverage': 'off', 'vague-evidence': 'off', 'unsupported-claim': 'warn'}}

async function evaluate(slugs) {
  const counts = {claim: {tp: 0, fp: 0, fn: 0}, rule: {tp: 0, fp: 0, fn: 0}, unaligned: 0, sentences: 0}
  // Confusion: gold label -> predicted outcome.
  const confusion = {}
  for (const gold of ['unsupported', 'supported', 'none']) confusion[gold] = {flagged: 0, 'claim, supported': 0, 'not a claim': 0}
  const errors = []
  for (const slug of slugs) {
    const text = readFileSync(path.join(corpus, `${slug}.md`), 'utf8')
    const labels = JSON.parse(readFileSync(path.join(corpus, `${slug}.labels.json`), 'utf8'))
    const file = await lint(text, {path: `${slug}.md`, config})
    const model = file.data.essay
    const argument = argumentOf(model)
    const flagged = new Set(file.messages.filter((m) => m.ruleId === 'unsupported-claim').map((m) => m.place.start.offset))
    let from = 0
    for (const entry of labels.sentences) {
      counts.sentences++
      const at = text.indexOf(entry.start, from)
      const sentence = at === -1 ? undefined : model.sentences.find((s) => s.range.start.offset <= at && at < s.range.end.offset)
      if (!sentence) {
        counts.unaligned++
        continue
      }
      from = at + 1
      const item = argument.sentences[sentence.index]
      const isClaim = item.role === 'claim' || item.role === 'thesis'
      const isFlagged = flagged.has(sentence.range.start.offset)
      const goldClaim = entry.label !== 'none'
      const goldUnsupported = entry.label === 'unsupported'
      tally(counts.claim, isClaim, goldClaim)
      tally(counts.rule, isFlagged, goldUnsupported)
      confusion[entry.label][isFlagged ? 'flagged' : isClaim ? 'claim, supported' : 'not a claim']++
      if (isFlagged !== goldUnsupported || isClaim !== goldClaim) {
        errors.push(`${slug}: gold ${entry.label}, got ${isFlagged ? 'flagged' : isClaim ? 'claim, supported' : 'not a claim'} [${item.role}; ${item.signals.join(', ')}; support ${item.support.map((s) => s.kind + ':' + s.text).join(' | ')}] ${sentence.text.slice(0, 110)}`)
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

function scores({tp, fp, fn}) {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp)
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn)
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return {precision: round(precision), recall: round(recall), f1: round(f1), tp, fp, fn}
}
const round = (n) => Math.round(n * 1000) / 1000

const results = {}
for (const name of only ? [only] : ['tune', 'heldout']) {
  const slugs = name === 'all' ? [...split.tune, ...split.heldout] : split[name]
  const {counts, confusion, errors} = await evaluate(slugs)
  results[name] = {essays: slugs.length, sentences: counts.sentences, unaligned: counts.unaligned, claimDetection: scores(counts.claim), unsupportedClaim: scores(counts.rule), confusion}
  if (!args.includes('--json')) {
    const r = results[name]
    console.log(`\n== ${name} (${r.essays} essays, ${r.sentences} labelled sentences${r.unaligned ? `, ${r.unaligned} not aligned` : ''})${name === 'heldout' ? ' — not used for tuning' : ''}`)
    console.log('rule / task          precision  recall  F1     (tp fp fn)')
    for (const [label, s] of [['unsupported-claim', r.unsupportedClaim], ['claim detection', r.claimDetection]]) {
      console.log(`${label.padEnd(20)} ${String(s.precision).padEnd(10)} ${String(s.recall).padEnd(7)} ${String(s.f1).padEnd(6)} (${s.tp} ${s.fp} ${s.fn})`)
    }
    console.log('\nconfusion (gold ↓, predicted →)   flagged  claim,supported  not a claim')
    for (const [gold, row] of Object.entries(r.confusion)) {
      console.log(`  ${gold.padEnd(32)} ${String(row.flagged).padEnd(8)} ${String(row['claim, supported']).padEnd(16)} ${row['not a claim']}`)
    }
    if (showErrors) for (const e of errors) console.log('  ✗ ' + e)
  }
}
if (args.includes('--json')) console.log(JSON.stringify(results, null, 2))
