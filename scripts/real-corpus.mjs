// The real-essay corpus: essays by outside authors in ../shared/real-essays
// (never copied into the project) and their labels in fixtures/real/, which
// point at sentences by paragraph index, sentence index within the
// paragraph and a hash of the sentence's text — never by the text itself.
//
//   node scripts/real-corpus.mjs dump <essay file>   sentences with keys, for labelling
//   node scripts/real-corpus.mjs check               which labels still align
//   node scripts/real-corpus.mjs agree [dir]         agreement of a second annotator's labels
//                                                    (default fixtures/real/second) with ours

import {createHash} from 'node:crypto'
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const realDir = process.env.ESSAYLINT_REAL_ESSAYS ?? path.resolve(root, '..', 'shared', 'real-essays')
export const labelDir = path.join(root, 'fixtures', 'real')

/** A short hash of a sentence's words: the same words give the same hash whatever the white space or Markdown. */
export function sentenceHash(text) {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  return createHash('sha256').update(words).digest('hex').slice(0, 12)
}

export function realCorpusAvailable() {
  return existsSync(realDir)
}

/** The labels of the real split, with the split they belong to. */
export function realLabels() {
  const split = JSON.parse(readFileSync(path.join(labelDir, 'split.json'), 'utf8'))
  const labels = []
  for (const file of readdirSync(labelDir).filter((name) => name.endsWith('.labels.json')).sort()) {
    const data = JSON.parse(readFileSync(path.join(labelDir, file), 'utf8'))
    const slug = data.essay.replace(/\.(md|txt)$/, '')
    const name = split.dev.includes(slug) ? 'real-dev' : split.test.includes(slug) ? 'real-test' : undefined
    labels.push({...data, slug, split: name})
  }
  return labels
}

/** Body sentences of a linted file with their keys, in document order. */
export function keyedSentences(file) {
  const model = file.data.essay
  const out = []
  for (const paragraph of model.paragraphs) {
    paragraph.sentences.forEach((index, s) => {
      const sentence = model.sentences[index]
      out.push({p: paragraph.index, s, hash: sentenceHash(sentence.text), kind: paragraph.kind, sentence})
    })
  }
  return out
}

/**
 * Each label's sentence in the model: by hash (the first unused sentence with
 * that hash, nearest its paragraph index), or undefined when the sentence is
 * no longer there as one sentence (splitting changed, or it became a heading).
 */
export function align(labels, keyed) {
  const byHash = new Map()
  for (const k of keyed) {
    const list = byHash.get(k.hash)
    if (list) list.push(k)
    else byHash.set(k.hash, [k])
  }
  const used = new Set()
  return labels.map((label) => {
    const candidates = (byHash.get(label.hash) ?? []).filter((k) => !used.has(k))
    candidates.sort((a, b) => Math.abs(a.p - label.p) - Math.abs(b.p - label.p))
    const found = candidates[0]
    if (found) used.add(found)
    return found
  })
}

async function main() {
  const [command, name] = process.argv.slice(2)
  const {lint} = await import('../dist/src/index.js')
  const {argumentOf} = await import('../dist/src/model/argument.js')
  if (command === 'dump') {
    const file = path.isAbsolute(name) || existsSync(name) ? name : path.join(realDir, name)
    const text = readFileSync(file, 'utf8')
    const linted = await lint(text, {path: path.basename(file)})
    const argument = argumentOf(linted.data.essay)
    const flagged = new Map(linted.messages.filter((m) => m.ruleId === 'unsupported-claim').map((m) => [m.place.start.offset, m]))
    for (const k of keyedSentences(linted)) {
      const item = argument.sentences[k.sentence.index]
      const message = flagged.get(k.sentence.range.start.offset)
      console.log(`p${k.p} s${k.s} ${k.hash} [${k.kind}; ${item.role}${message ? `; FLAGGED ${message.fatal === null ? 'info' : 'warn'}` : ''}] ${k.sentence.text.replace(/\s+/g, ' ')}`)
    }
    return
  }
  if (command === 'check') {
    for (const data of realLabels()) {
      const text = readFileSync(path.join(realDir, data.essay), 'utf8')
      const linted = await lint(text, {path: data.essay})
      const found = align(data.sentences, keyedSentences(linted))
      const missing = found.filter((f) => !f).length
      console.log(`${data.essay}: ${data.sentences.length} labels, ${missing} not aligned`)
    }
    return
  }
  if (command === 'agree') {
    const dir = name ?? path.join(labelDir, 'second')
    const ours = new Map(realLabels().map((d) => [d.essay, d.sentences]))
    const pairs = []
    for (const file of readdirSync(dir).filter((n) => n.endsWith('.labels.json')).sort()) {
      const theirs = JSON.parse(readFileSync(path.join(dir, file), 'utf8'))
      const byKey = new Map((ours.get(theirs.essay) ?? []).map((e) => [`${e.p} ${e.s} ${e.hash}`, e]))
      let same = 0
      let count = 0
      for (const entry of theirs.sentences) {
        const mine = byKey.get(`${entry.p} ${entry.s} ${entry.hash}`)
        if (!mine) continue
        pairs.push([mine.label, entry.label])
        count++
        if (mine.label === entry.label) same++
      }
      console.log(`${theirs.essay}: ${count} sentences, labels agree on ${same}`)
    }
    const kappa = (yes) => {
      const n = pairs.length
      const a = pairs.map(([x]) => yes(x))
      const b = pairs.map(([, y]) => yes(y))
      const observed = a.filter((x, i) => x === b[i]).length / n
      const pa = a.filter(Boolean).length / n
      const pb = b.filter(Boolean).length / n
      const expected = pa * pb + (1 - pa) * (1 - pb)
      return {observed: Math.round(observed * 1000) / 1000, kappa: Math.round(((observed - expected) / (1 - expected)) * 1000) / 1000}
    }
    const three = pairs.filter(([x, y]) => x === y).length / pairs.length
    const unsupported = kappa((label) => label === 'unsupported')
    const claim = kappa((label) => label !== 'none')
    console.log(`${pairs.length} sentences: three labels agree ${Math.round(three * 1000) / 1000}; unsupported or not: agreement ${unsupported.observed}, Cohen's κ ${unsupported.kappa}; claim or not: agreement ${claim.observed}, κ ${claim.kappa}`)
    // The rule's precision and recall if the second annotator's labels were its findings.
    const tp = pairs.filter(([x, y]) => x === 'unsupported' && y === 'unsupported').length
    const fp = pairs.filter(([x, y]) => x !== 'unsupported' && y === 'unsupported').length
    const fn = pairs.filter(([x, y]) => x === 'unsupported' && y !== 'unsupported').length
    console.log(`the second annotator scored as a rule against ours: precision ${(tp / (tp + fp)).toFixed(3)}, recall ${(tp / (tp + fn)).toFixed(3)}`)
    return
  }
  console.error('usage: node scripts/real-corpus.mjs dump <essay> | check | agree [dir]')
  process.exitCode = 2
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main()
