// per-sentence rows for a split (never real-test)
import {splitEssays} from '/work/lead/scripts/eval.mjs'
import {align, keyedSentences} from '/work/lead/scripts/real-corpus.mjs'
const {lint} = await import('/work/lead/dist/src/index.js')
const {argumentOf} = await import('/work/lead/dist/src/model/argument.js')
const split = process.argv[2]
if (split.includes('test') || split === 'real') throw new Error('no')
const config = {rules: {'perspective-coverage': 'off', 'sovereignty-coverage': 'off', 'ethics-coverage': 'off', 'vague-evidence': 'info', 'unsupported-claim': ['warn', {group: 'sentence'}]}}
const rows = []
for (const essay of splitEssays(split)) {
  const file = await lint(essay.text, {path: essay.name, config})
  const model = file.data.essay
  const arg = argumentOf(model)
  const msgs = file.messages.filter((m) => m.ruleId === 'unsupported-claim' && m.data?.kind !== 'essay' && m.data?.kind !== 'figure')
  let pairs
  if (essay.labels.keyed) {
    const found = align(essay.labels.keyed, keyedSentences(file))
    pairs = essay.labels.keyed.map((entry, i) => ({entry, sentence: found[i]?.sentence}))
  } else {
    let from = 0
    pairs = essay.labels.starts.map((entry) => {
      const at = essay.text.indexOf(entry.start, from)
      const sentence = at === -1 ? undefined : model.sentences.find((s) => s.range.start.offset <= at && at < s.range.end.offset)
      if (sentence) from = at + 1
      return {entry, sentence}
    })
  }
  for (const {entry, sentence} of pairs) {
    if (!sentence) continue
    const item = arg.sentences[sentence.index]
    const m = msgs.find((m) => m.place.start.offset === sentence.range.start.offset)
    const p = model.paragraphs[sentence.paragraph]; rows.push({line: sentence.range.start.line, at: p.sentences.indexOf(sentence.index), plen: p.sentences.length, firstPara: model.paragraphs.findIndex((q) => q.kind === 'paragraph' && q.sentences.length > 0) === sentence.paragraph, essay: essay.slug, gold: entry.label, role: item.role, signals: item.signals, support: item.support.map((s) => s.kind), flagged: !!m, warn: m ? m.fatal === false : false, msg: m?.message.slice(0, 40), kind: m?.data?.kind, para: sentence.paragraph ?? item.paragraph, text: sentence.text})
  }
}
console.log(JSON.stringify(rows))
