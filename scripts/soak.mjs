// npm run soak — essaylint against hostile input, at volume. Not part of
// npm test: it takes a few minutes.
//
// 10,000 fuzzed documents go through the API (lint()) and 1,000 through the
// CLI (a hundred files per process, so worker threads are exercised too). The
// documents are random Unicode and Markdown token soups, generated Markdown
// essays (nested lists and quotes, tables, HTML, front matter, footnotes,
// code), mutations of the sample essays, raw bytes (UTF-16, BOMs, broken
// UTF-8, binary) and a fixed set of pathological inputs (10,000 periods, one
// 1 MB line, deep nesting...). It prints the counts of crashes (an exception
// that is not an input refusal; a CLI exit code other than 0, 1 or 2, or an
// internal error), hangs (a document that takes more than 2 s) and wrong
// ranges (a position outside the file, or an end before its start) — all must
// be 0 — and exits 1 if any is not.
//
// Then the hostile-environment families (scripts/soak-hostile.mjs): configs
// and rubrics (devices, pipes, huge files, secrets, extends out of the
// project, random values), --output targets (links to essays and to a victim
// file, planted temporary-file links, pipes), file names with control
// characters and formula prefixes, and broken LSP frames and changes. Each
// must give 0 crashes, 0 hangs, 0 bytes written outside -o, 0 raw control
// characters (and no injected workflow command) in stdout or stderr.
//
//   node scripts/soak.mjs [--documents 10000] [--cli 1000] [--hostile 20] [--seed 42] [--workers 2]
//
// The arbitraries and the range check are exported: tests/fuzz.test.ts uses
// the same ones.
import {spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import {cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {availableParallelism, tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {isMainThread, parentPort, Worker, workerData} from 'node:worker_threads'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import {soakHostile} from './soak-hostile.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

// ---------------------------------------------------------------------------
// Arbitraries

const vocabulary = [
  'peacekeeping', 'peacekeepers', 'realism', 'realists', 'liberalism', 'constructivism', 'constructivist', 'norms',
  'sovereignty', 'consent', 'non-intervention', 'Chapter VII', 'R2P', 'the responsibility to protect', 'ethics',
  'impartiality', 'civilians', 'the mandate', 'the Security Council', 'the UN', 'UNAMIR', 'MINUSMA', 'MONUSCO',
  'Rwanda', 'Srebrenica', 'Mali', 'Haiti', 'Dallaire', 'Waltz', 'Wendt', 'Keohane', 'Fortna (2008)', '(Paris, 2004)',
  '(Barnett 2002: 45)', '[3]', '[^1]', '¹', 'S/RES/2098 (2013)', 'in 1994', '8,000', '45%', '2,500 troops',
  'because', 'therefore', 'which explains why', 'led to', 'clearly', 'always', 'never', 'obviously', 'may', 'arguably',
  'studies show', 'experts agree', 'it is well known', 'should', 'must', 'failed', 'protected', 'withdrew',
  'the', 'a', 'of', 'in', 'and', 'that', 'this essay argues that', 'however', 'for example', 'In conclusion,',
  '"a quoted passage of words"', '“another quoted passage here”', 'realistic', 'in reality'
]
const terminals = ['.', '.', '.', '?', '!', '', '...', ';', ':']

const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1)

export const word = fc.constantFrom(...vocabulary)
export const sentence = fc
  .tuple(fc.array(word, {minLength: 1, maxLength: 16}), fc.constantFrom(...terminals))
  .map(([words, end]) => capitalise(words.join(' ')) + end)
export const paragraph = fc.array(sentence, {minLength: 1, maxLength: 7}).map((list) => list.join(' '))

/** One code point from a range; lone surrogates are single UTF-16 units. */
const fromRange = (min, max) => fc.integer({min, max}).map((code) => (code >= 0xd800 && code <= 0xdfff ? String.fromCharCode(code) : String.fromCodePoint(code)))

/** Characters that break naive text handling: RTL, combining marks, emoji, zero-width and control characters, lone surrogates. */
export const hostileCharacter = fc.oneof(
  fromRange(0x0590, 0x05ff), // Hebrew
  fromRange(0x0600, 0x06ff), // Arabic
  fromRange(0x0300, 0x036f), // combining marks
  fromRange(0x1f300, 0x1faff), // emoji
  fc.constantFrom('\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060', '\ufeff', '\u00ad'), // zero-width, soft hyphen
  fc.constantFrom('\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'), // bidi controls
  fromRange(0x01, 0x1f), // C0 controls (not NUL)
  fc.constantFrom('\u0085', '\u2028', '\u2029', '\u000b', '\u000c'), // other line breaks
  fromRange(0xd800, 0xdfff), // lone surrogates
  fromRange(0x4e00, 0x9fff), // CJK
  fc.constantFrom('👨‍👩‍👧‍👦', '🏳️‍🌈', 'é', 'é', 'ﬁ', '\ufffd', 'İ', 'ß', 'Σ'),
  fc.string({unit: 'grapheme', maxLength: 3})
)

const markdownToken = fc.constantFrom(
  '# ', '## ', '###### ', '> ', '> > ', '- ', '* ', '+ ', '1. ', '2) ', '\n', '\n\n', '\r\n', '\r', '  \n', '*', '**', '_', '__', '~~',
  '`', '``', '```\n', '~~~\n', '[', ']', '](https://example.org)', '![alt](x.png)', '(', ')', '|', ' | ', '|---|', '---\n', '***\n',
  '<!--', '-->', '<div>', '</div>', '<br>', '[^1]', '\n[^1]: ', '[x]: https://example.org\n', '\\', '&amp;', '&#0;', '&#x110000;',
  '<!-- essaylint-disable -->', '<!-- essaylint-enable -->', '<!-- essaylint-ignore-next -->', '<!-- essaylint-disable unsupported-claim -->',
  '    ', '\t', '"', '“', '”', "'", '’', ' ', '.', '?', '!', '...', '—', '–', '-', '$$', '{', '}', 'https://un.org', 'www.un.org', 'a@b.org'
)

/** Random Unicode and Markdown tokens mixed with essay words. */
export const soup = fc
  .array(
    fc.oneof(
      {weight: 5, arbitrary: word},
      {weight: 4, arbitrary: markdownToken},
      {weight: 3, arbitrary: hostileCharacter},
      {weight: 3, arbitrary: fc.constantFrom(' ', ' ', ' ', '. ', ', ')},
      {weight: 1, arbitrary: sentence}
    ),
    {maxLength: 300}
  )
  .map((parts) => parts.join(''))

const indent = (text, by) => text.split('\n').map((line, i) => (i === 0 || line === '' ? line : ' '.repeat(by) + line)).join('\n')

/** A Markdown block; containers nest up to `depth` levels. */
function block(depth) {
  const leaves = [
    {weight: 6, arbitrary: paragraph},
    {weight: 2, arbitrary: fc.tuple(fc.integer({min: 1, max: 6}), fc.array(word, {minLength: 1, maxLength: 6})).map(([level, words]) => '#'.repeat(level) + ' ' + capitalise(words.join(' ')))},
    {weight: 1, arbitrary: fc.tuple(fc.constantFrom('```', '~~~', '```md', '````'), paragraph).map(([fence, text]) => `${fence}\n${text}\n${fence.replace(/md$/, '')}`)},
    {weight: 1, arbitrary: paragraph.map((text) => '    ' + text)},
    {weight: 1, arbitrary: fc.array(fc.tuple(word, word, sentence), {minLength: 1, maxLength: 5}).map((rows) => ['| a | b | c |', '|---|:-:|--:|', ...rows.map((cells) => `| ${cells.join(' | ')} |`)].join('\n'))},
    {weight: 1, arbitrary: paragraph.map((text) => `<div class="note">\n${text}\n</div>`)},
    {weight: 1, arbitrary: paragraph.map((text) => `<!-- ${text} -->`)},
    {weight: 1, arbitrary: fc.tuple(fc.nat({max: 9}), paragraph).map(([n, text]) => `[^${n}]: ${text}`)},
    {weight: 1, arbitrary: fc.constantFrom('---', '***', '<!-- essaylint-disable -->', '<!-- essaylint-enable -->', '<!-- essaylint-ignore-next unsupported-claim -->', '$$\nx^2\n$$')}
  ]
  if (depth <= 0) return fc.oneof(...leaves)
  const inner = block(depth - 1)
  return fc.oneof(
    ...leaves,
    {weight: 2, arbitrary: fc.tuple(fc.boolean(), fc.array(inner, {minLength: 1, maxLength: 4}), fc.boolean()).map(([ordered, items, loose]) =>
      items.map((item, i) => (ordered ? `${i + 1}. ` : '- ') + indent(item, ordered ? 3 : 2)).join(loose ? '\n\n' : '\n'))},
    {weight: 2, arbitrary: fc.array(inner, {minLength: 1, maxLength: 3}).map((blocks) => blocks.join('\n\n').split('\n').map((line) => '> ' + line).join('\n'))}
  )
}

/** A generated Markdown essay: optional front matter, a title, blocks; LF, CRLF or CR line endings. */
export const markdownEssay = fc
  .tuple(
    fc.option(fc.tuple(fc.constantFrom('---', '+++'), paragraph), {nil: undefined}),
    fc.option(sentence, {nil: undefined}),
    fc.array(block(3), {minLength: 1, maxLength: 10}),
    fc.constantFrom('\n', '\n', '\n', '\r\n', '\r')
  )
  .map(([front, title, blocks, eol]) => {
    const parts = []
    if (front) parts.push(`${front[0]}\ntitle: ${front[1].replace(/[:#]/g, '')}\n${front[0]}`)
    if (title) parts.push('# ' + title)
    parts.push(...blocks)
    return parts.join('\n\n').replace(/\n/g, eol) + eol
  })

/** Deep nesting, around the 100-level limit. */
export const deepNesting = fc
  .tuple(fc.integer({min: 1, max: 160}), fc.constantFrom('> ', '- ', '1. ', '* ', '> - ', 'indent'), paragraph)
  .map(([levels, marker, text]) =>
    marker === 'indent'
      ? Array.from({length: levels}, (_, i) => '  '.repeat(i) + '- ' + text).join('\n')
      : marker.repeat(levels) + text)

/** Mutations of one text: deletions, duplications, insertions, truncation, line swaps, line-ending changes. */
export function mutations(text) {
  const op = fc.oneof(
    fc.record({op: fc.constant('delete'), at: fc.nat(), length: fc.nat({max: 400})}),
    fc.record({op: fc.constant('duplicate'), at: fc.nat(), length: fc.nat({max: 400})}),
    fc.record({op: fc.constant('insert'), at: fc.nat(), text: fc.oneof(soup, hostileCharacter, markdownToken, sentence)}),
    fc.record({op: fc.constant('truncate'), at: fc.nat()}),
    fc.record({op: fc.constant('swap'), a: fc.nat(), b: fc.nat()}),
    fc.record({op: fc.constant('eol'), to: fc.constantFrom('\r\n', '\r', '\n\n')})
  )
  return fc.array(op, {minLength: 1, maxLength: 6}).map((ops) => ops.reduce(mutate, text))
}

function mutate(text, change) {
  const at = text.length === 0 ? 0 : change.at % (text.length + 1)
  switch (change.op) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + change.length)
    case 'duplicate':
      return text.slice(0, at + change.length) + text.slice(at, at + change.length) + text.slice(at + change.length)
    case 'insert':
      return text.slice(0, at) + change.text + text.slice(at)
    case 'truncate':
      return text.slice(0, at)
    case 'swap': {
      const lines = text.split('\n')
      const a = change.a % lines.length
      const b = change.b % lines.length
      ;[lines[a], lines[b]] = [lines[b], lines[a]]
      return lines.join('\n')
    }
    default:
      return text.replace(/\r?\n/g, change.to)
  }
}

/** The sample essays, by file name. */
export function sampleEssays() {
  const folder = path.join(root, 'fixtures', 'essays')
  return readdirSync(folder)
    .filter((name) => /\.(md|txt)$/.test(name))
    .sort()
    .map((name) => ({name, text: readFileSync(path.join(folder, name), 'utf8')}))
}

/** A sample essay, mutated; keeps its extension (plain text and Markdown parse differently). */
export const mutatedEssay = fc.constantFrom(...sampleEssays()).chain(({name, text}) => mutations(text).map((value) => ({name, value})))

/** Raw bytes: UTF-16 (with and without a byte-order mark), UTF-8 with a BOM, broken UTF-8, random binary. */
export const rawBytes = fc.oneof(
  fc.tuple(fc.constantFrom('le', 'be', 'le-nobom', 'utf8-bom'), fc.oneof(paragraph, soup)).map(([kind, text]) => encode(text, kind)),
  fc.uint8Array({maxLength: 2000}),
  fc.tuple(paragraph, fc.array(fc.tuple(fc.nat(), fc.integer({min: 0x80, max: 0xff})), {minLength: 1, maxLength: 5})).map(([text, flips]) => {
    const bytes = new TextEncoder().encode(text)
    for (const [at, value] of flips) if (bytes.length > 0) bytes[at % bytes.length] = value
    return bytes
  })
)

export function encode(text, kind) {
  const units = new Uint8Array(text.length * 2)
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    units[2 * i + (kind === 'be' ? 1 : 0)] = code & 0xff
    units[2 * i + (kind === 'be' ? 0 : 1)] = code >> 8
  }
  if (kind === 'le') return concat([0xff, 0xfe], units)
  if (kind === 'be') return concat([0xfe, 0xff], units)
  if (kind === 'utf8-bom') return concat([0xef, 0xbb, 0xbf], new TextEncoder().encode(text))
  return units
}

const concat = (head, tail) => {
  const bytes = new Uint8Array(head.length + tail.length)
  bytes.set(head)
  bytes.set(tail, head.length)
  return bytes
}

/** Fixed pathological inputs (built on demand: some are 1 MB). */
export const pathological = {
  'ten thousand periods': () => '.'.repeat(10_000),
  'a hundred thousand periods': () => '.'.repeat(100_000),
  'no spaces (100,000 letters)': () => 'a'.repeat(100_000),
  'one 1 MB line of prose': () => 'The peacekeepers stayed because the mandate clearly required it. '.repeat(16_000).slice(0, 1_000_000),
  'one 1 MB line without punctuation': () => 'peacekeeping '.repeat(80_000),
  'a long paragraph of unsupported claims': () => 'Peacekeeping clearly fails everywhere. '.repeat(2000),
  'a long paragraph of claims drawn from a case': () => 'Rwanda shows that peacekeeping fails. Fortna (2008) found that 5,000 died. '.repeat(500),
  'a long conclusion echoing the body': () => '# Body\n\n' + 'Fortna (2008) found that peacekeeping works in Sierra Leone. '.repeat(300) + '\n\n# Conclusion\n\n' + 'Peacekeeping clearly works in Sierra Leone. '.repeat(300),
  'a line of 100,000 exclamation marks after a claim': () => 'Rwanda failed in 1994' + '!'.repeat(100_000),
  'unclosed quotes': () => '“a '.repeat(20_000),
  'unclosed straight quotes': () => '"a '.repeat(20_000),
  'unclosed brackets': () => '[1,'.repeat(20_000),
  'unclosed parentheses': () => '(Smith '.repeat(10_000),
  'nested quotes, 10,000 deep': () => '> '.repeat(10_000) + 'Peacekeeping is bad.',
  'nested lists, 5,000 deep': () => '- '.repeat(5000) + 'Peacekeeping is bad.',
  'lists nested by indentation, 1,000 deep': () => Array.from({length: 1000}, (_, i) => '  '.repeat(i) + '- item ' + i).join('\n'),
  'nested emphasis, 3,000 deep': () => '*a _b '.repeat(3000) + 'c_ d* '.repeat(3000),
  'emphasis closers without openers': () => 'a* '.repeat(16_000),
  'link openers without closers': () => '[a'.repeat(30_000),
  'footnote references': () => '[^1]'.repeat(50_000),
  'a table of 20,000 rows': () => '| a | b |\n|---|---|\n' + '| Peacekeeping clearly fails | x |\n'.repeat(20_000),
  'a table 5,000 columns wide': () => '|' + ' a |'.repeat(5000) + '\n|' + '---|'.repeat(5000) + '\n',
  'front matter of 50,000 lines': () => '---\ntitle: x\n' + 'k: v\n'.repeat(50_000) + '---\n\nPeacekeeping fails.',
  'an HTML block of 20,000 lines': () => '<div>\n'.repeat(20_000) + 'Peacekeeping clearly fails.',
  'a code block of essay prose': () => '```\n' + 'Peacekeeping clearly fails without evidence. '.repeat(20_000) + '\n```\n\nShort essay.',
  'a paragraph of 60,000 lines': () => 'Peacekeeping is clearly bad.\n'.repeat(60_000),
  'autolinks': () => 'http://a.b/ '.repeat(30_000),
  'emoji only': () => '😀'.repeat(200_000),
  'combining marks on one letter': () => 'a' + '\u0301'.repeat(100_000),
  'right-to-left text with bidi controls': () => ('\u202eשלום עולם \u2067مرحبا\u2069 peacekeeping. ').repeat(2000),
  'zero-width characters between every letter': () => 'peacekeeping clearly fails. '.split('').join('\u200b').repeat(2000),
  'lone surrogates': () => '\ud800 Peacekeeping \udfff fails. \udbff'.repeat(3000),
  'control characters': () => Array.from({length: 20_000}, (_, i) => String.fromCharCode(1 + (i % 31))).join(''),
  'CR only line endings': () => 'Peacekeeping clearly fails.\r\r'.repeat(3000),
  'just over 2 MB': () => 'The peacekeepers stayed. \n\n'.repeat(80_000),
  'UTF-16 with a byte-order mark': () => encode('# Title\n\nRealism is named. Peacekeeping clearly fails.\n', 'le'),
  'UTF-8 with a byte-order mark': () => encode('# Title\n\nRealism is named. Peacekeeping clearly fails.\n', 'utf8-bom')
}

// ---------------------------------------------------------------------------
// Checks

/** Lines of a text the way the positions count them: LF, CRLF and CR each end a line. */
export function linesOf(text) {
  return text.split(/\r\n|\r|\n/)
}

/**
 * Every problem with a message's range: no range, a line outside the file, a
 * column outside its line (1 to length + 1), or an end before its start.
 */
export function rangeProblems(messages, text) {
  const lines = linesOf(text)
  const problems = []
  const inBounds = (point) =>
    point && Number.isInteger(point.line) && Number.isInteger(point.column) && point.line >= 1 && point.line <= lines.length && point.column >= 1 && point.column <= lines[point.line - 1].length + 1
  for (const message of messages) {
    const place = message.place
    const start = place && 'start' in place ? place.start : undefined
    const end = place && 'end' in place ? place.end : undefined
    const label = `${message.ruleId} ${start?.line}:${start?.column}-${end?.line}:${end?.column}`
    if (!start || !end) problems.push(`${label}: no range`)
    else if (!inBounds(start) || !inBounds(end)) problems.push(`${label}: outside the file (${lines.length} lines)`)
    else if (end.line < start.line || (end.line === start.line && end.column < start.column)) problems.push(`${label}: ends before it starts`)
    else if (message.line !== start.line || message.column !== start.column) problems.push(`${label}: line/column differ from the range`)
  }
  return problems
}

/** Words of the model that are not where the file has them (first and last characters, the others in order). */
export function misplacedWords(file) {
  const text = String(file.value)
  const problems = []
  for (const sentence of file.data.essay?.sentences ?? []) {
    for (const word of sentence.words) {
      const span = text.slice(word.start, word.end)
      let at = 0
      for (const char of span) if (at < word.text.length && word.text.startsWith(char, at)) at += char.length
      if (at !== word.text.length || !span.startsWith(word.text.charAt(0)) || !span.endsWith(word.text.charAt(word.text.length - 1))) {
        problems.push(`word ${JSON.stringify(word.text)} at ${word.line}:${word.column} placed on ${JSON.stringify(span)}`)
      }
    }
  }
  return problems
}

/** A refusal is the input guard's fatal message: no rule id, source essaylint. Anything else thrown is a crash. */
export function isRefusal(error) {
  return Boolean(error && typeof error === 'object' && error.fatal === true && !error.ruleId && error.source === 'essaylint' && typeof error.reason === 'string')
}

/** Messages in a comparable form. */
export function compactMessages(messages) {
  return messages
    .map((m) => {
      const place = m.place && 'start' in m.place ? m.place : undefined
      return `${place?.start.line}:${place?.start.column}-${place?.end.line}:${place?.end.column} ${severity(m)} ${m.ruleId} ${m.reason}`
    })
    .sort()
}

const severity = (m) => (m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info')

/**
 * Compact messages without those of some rules, told by the rule-id field
 * (the third), never by the text: a message of another rule may name it
 * ("…the case against its thesis…" is a counterargument finding).
 */
export function withoutRules(messages, ids) {
  return messages.filter((m) => !ids.includes(m.split(' ', 3)[2]))
}

/**
 * The rules whose findings may change when `rule` is turned off: the rule
 * itself, the rules it replaces on a sentence and those that replace it
 * (src/finding-overlap.ts: vague-evidence stands for unsupported-claim). Every
 * other rule's findings must stay exactly as they were.
 */
export function coupledWith(rules, rule) {
  const ids = new Set([rule, ...(rules[rule]?.meta.replaces ?? [])])
  for (const [id, definition] of Object.entries(rules)) if (definition.meta.replaces?.includes(rule)) ids.add(id)
  return [...ids]
}

/** The documents of a soak run, reproducible from the seed. */
export function soakDocuments(count, seed) {
  const kinds = [
    [35, soup.map((value) => ({kind: 'soup', value}))],
    [35, markdownEssay.map((value) => ({kind: 'markdown', value}))],
    [18, mutatedEssay.map(({name, value}) => ({kind: 'mutated ' + name, value, ext: path.extname(name)}))],
    [7, rawBytes.map((value) => ({kind: 'bytes', value}))],
    [5, deepNesting.map((value) => ({kind: 'nesting', value}))]
  ]
  const documents = []
  for (const [name, make] of Object.entries(pathological)) documents.push({kind: 'pathological: ' + name, value: make()})
  const generated = fc.sample(fc.oneof(...kinds.map(([weight, arbitrary]) => ({weight, arbitrary}))), {numRuns: count - documents.length, seed})
  documents.push(...generated)
  return documents.map((document, index) => ({...document, name: `doc-${String(index).padStart(5, '0')}${document.ext ?? (index % 5 === 0 ? '.txt' : '.md')}`}))
}

// ---------------------------------------------------------------------------
// The run

const hangMs = 2000

async function workerMain() {
  const {documents, ruleIds, keep, build} = workerData
  const {lint, rules} = await import(pathToFileURL(path.join(build, 'dist', 'src', 'index.js')).href)
  for (const document of documents) {
    const value = document.value
    const before = typeof value === 'string' ? undefined : Buffer.from(value).toString('base64')
    const started = performance.now()
    const result = {index: document.index, ms: 0, crash: undefined, ranges: [], refused: undefined, changed: false, nondeterministic: false, disable: undefined}
    parentPort.postMessage({start: document.index})
    try {
      const file = await lint(value, {path: document.name})
      result.ms = performance.now() - started
      result.ranges = [...rangeProblems(file.messages, String(file.value)), ...misplacedWords(file)]
      const messages = compactMessages(file.messages)
      if (keep) result.messages = messages
      // Every tenth document: the same input gives the same output, and
      // turning a rule off removes exactly its messages.
      if (document.index % 10 === 0) {
        const again = compactMessages((await lint(value, {path: document.name})).messages)
        result.nondeterministic = JSON.stringify(again) !== JSON.stringify(messages)
        const rule = ruleIds[document.index % ruleIds.length]
        const without = compactMessages((await lint(value, {path: document.name, rules: {[rule]: 'off'}})).messages)
        const coupled = coupledWith(rules, rule)
        if (JSON.stringify(withoutRules(without, coupled)) !== JSON.stringify(withoutRules(messages, coupled))) result.disable = rule
      }
    } catch (error) {
      result.ms = performance.now() - started
      if (isRefusal(error)) result.refused = error.reason
      else result.crash = String(error && error.stack ? error.stack : error).split('\n').slice(0, 3).join(' | ')
    }
    if (before !== undefined && Buffer.from(value).toString('base64') !== before) result.changed = true
    parentPort.postMessage({result})
  }
  parentPort.postMessage({done: true})
}

function option(args, name, fallback) {
  const at = args.indexOf(`--${name}`)
  return at === -1 ? fallback : Number(args[at + 1])
}

async function main() {
  const args = process.argv.slice(2)
  const total = option(args, 'documents', 10_000)
  const cliCount = option(args, 'cli', 1000)
  const hostileCount = option(args, 'hostile', 20)
  const seed = option(args, 'seed', 42)
  const workers = option(args, 'workers', Math.max(1, Math.min(4, availableParallelism())))
  // The API and the CLI must run the same code, even if someone rebuilds the
  // checkout during the run: both use a copy of the build.
  const build = mkdtempSync(path.join(tmpdir(), 'essaylint-soak-build-'))
  cpSync(path.join(root, 'dist'), path.join(build, 'dist'), {recursive: true})
  cpSync(path.join(root, 'bin'), path.join(build, 'bin'), {recursive: true})
  cpSync(path.join(root, 'package.json'), path.join(build, 'package.json'))
  symlinkSync(path.join(root, 'node_modules'), path.join(build, 'node_modules'), 'dir')
  process.on('exit', () => rmSync(build, {recursive: true, force: true}))
  const {rules} = await import(pathToFileURL(path.join(build, 'dist', 'src', 'index.js')).href)
  const ruleIds = Object.keys(rules)

  const started = performance.now()
  console.log(`essaylint soak: ${total} documents through the API, ${cliCount} through the CLI (seed ${seed}, ${workers} workers)`)
  const documents = soakDocuments(total, seed).map((document, index) => ({...document, index}))
  const kinds = {}
  for (const document of documents) {
    const kind = document.kind.startsWith('pathological') ? 'pathological' : document.kind.split(' ')[0]
    kinds[kind] = (kinds[kind] ?? 0) + 1
  }
  console.log('documents:', Object.entries(kinds).map(([kind, n]) => `${kind} ${n}`).join(', '))

  // --- API, on worker threads with a watchdog: a document that never ends is a hang, not a stuck soak.
  const results = new Array(documents.length)
  const queue = documents.map((document) => document.index)
  const slice = Math.ceil(queue.length / workers)
  const lanes = Array.from({length: workers}, (_, i) => queue.slice(i * slice, (i + 1) * slice))
  await Promise.all(lanes.map((lane) => runLane(lane)))

  function runLane(lane) {
    return new Promise((resolve) => {
      if (lane.length === 0) return resolve()
      const current = {index: undefined, since: performance.now()}
      const payload = lane.map((i) => documents[i])
      const worker = new Worker(fileURLToPath(import.meta.url), {workerData: {documents: payload, ruleIds, keep: true, build}})
      const watchdog = setInterval(() => {
        if (current.index !== undefined && performance.now() - current.since > 30_000) {
          // Stuck for 30 s: record a hang and go on with the rest of the lane.
          results[current.index] = {index: current.index, ms: performance.now() - current.since, hung: true, ranges: []}
          clearInterval(watchdog)
          worker.terminate()
          runLane(lane.slice(lane.indexOf(current.index) + 1)).then(resolve)
        }
      }, 1000)
      worker.on('message', (message) => {
        if (message.start !== undefined) Object.assign(current, {index: message.start, since: performance.now()})
        else if (message.result) {
          results[message.result.index] = message.result
          current.index = undefined
        } else if (message.done) {
          clearInterval(watchdog)
          worker.terminate()
          resolve()
        }
      })
      worker.on('error', (error) => {
        // A crash of the whole thread: charge it to the document being linted.
        if (current.index !== undefined) results[current.index] = {index: current.index, ms: 0, crash: `worker died: ${error.message}`, ranges: []}
        clearInterval(watchdog)
        runLane(lane.slice(current.index === undefined ? lane.length : lane.indexOf(current.index) + 1)).then(resolve)
      })
    })
  }

  const api = {documents: 0, refused: 0, crashes: [], hangs: [], ranges: [], changed: [], nondeterministic: [], disable: []}
  let slowest = {ms: 0}
  for (const result of results) {
    if (!result) continue
    const document = documents[result.index]
    api.documents++
    if (result.refused) api.refused++
    if (result.crash) api.crashes.push(`${document.name} (${document.kind}): ${result.crash}`)
    if (result.hung || result.ms > hangMs) api.hangs.push(`${document.name} (${document.kind}): ${Math.round(result.ms)} ms`)
    if (result.ranges.length > 0) api.ranges.push(`${document.name} (${document.kind}): ${result.ranges.slice(0, 3).join('; ')}`)
    if (result.changed) api.changed.push(document.name)
    if (result.nondeterministic) api.nondeterministic.push(document.name)
    if (result.disable) api.disable.push(`${document.name}: turning off ${result.disable}`)
    if (result.ms > slowest.ms) slowest = {ms: result.ms, name: document.name, kind: document.kind}
  }
  const apiSeconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(`\nAPI: ${api.documents} documents in ${apiSeconds} s (${api.refused} refused as input errors; slowest ${Math.round(slowest.ms)} ms, ${slowest.kind})`)
  report('crashes', api.crashes)
  report('hangs (> 2 s)', api.hangs)
  report('wrong ranges', api.ranges)
  report('inputs changed', api.changed)
  report('different output for the same input', api.nondeterministic)
  report('turning a rule off changed other messages', api.disable)

  // --- CLI: the first documents, a hundred files per process, compared with the API.
  const cli = await runCli(documents.slice(0, cliCount), results, build)
  console.log(`\nCLI: ${cli.documents} documents in ${cli.processes} processes, ${cli.seconds} s`)
  report('crashes', cli.crashes)
  report('hangs (> 2 s per document)', cli.hangs)
  report('wrong ranges', cli.ranges)
  report('inputs changed', cli.changed)
  report('different from the API', cli.different)

  // --- Hostile environments: configs, rubrics, outputs, file names, LSP frames.
  const hostileStarted = performance.now()
  const essay = readFileSync(path.join(root, 'fixtures', 'rules', 'perspective-coverage', 'not-ok-constructivism-absent.md'), 'utf8')
  const hostile = await soakHostile({bin: path.join(build, 'bin', 'essaylint.js'), serverBin: path.join(build, 'bin', 'essaylint-language-server.js'), essay, count: hostileCount, seed})
  console.log(`\nHostile environments: ${hostile.cases} cases (${hostileCount} per family: configs, rubrics, outputs, file names, LSP frames), ${((performance.now() - hostileStarted) / 1000).toFixed(1)} s`)
  report('crashes', hostile.crashes)
  report('hangs', hostile.hangs)
  report('bytes written outside -o', hostile.written)
  report('raw control characters or workflow commands', hostile.control)
  report('config or rubric content quoted', hostile.leaked)

  const failures =
    api.crashes.length + api.hangs.length + api.ranges.length + api.changed.length + api.nondeterministic.length + api.disable.length +
    cli.crashes.length + cli.hangs.length + cli.ranges.length + cli.changed.length + cli.different.length +
    hostile.crashes.length + hostile.hangs.length + hostile.written.length + hostile.control.length + hostile.leaked.length
  console.log(`\n${failures === 0 ? 'OK' : 'FAILED'}: crashes ${api.crashes.length + cli.crashes.length + hostile.crashes.length}, hangs ${api.hangs.length + cli.hangs.length + hostile.hangs.length}, wrong ranges ${api.ranges.length + cli.ranges.length}, written outside -o ${hostile.written.length}, raw control characters ${hostile.control.length} (${((performance.now() - started) / 1000).toFixed(0)} s in all)`)
  process.exitCode = failures === 0 ? 0 : 1
}

function report(label, list) {
  console.log(`  ${label.padEnd(44)} ${list.length}`)
  for (const line of list.slice(0, 5)) console.log(`    ${line}`)
  if (list.length > 5) console.log(`    … and ${list.length - 5} more`)
}

async function runCli(documents, apiResults, build) {
  const dir = mkdtempSync(path.join(tmpdir(), 'essaylint-soak-'))
  const batch = 100
  const out = {documents: 0, processes: 0, crashes: [], hangs: [], ranges: [], changed: [], different: [], seconds: '0'}
  const started = performance.now()
  try {
    for (let from = 0; from < documents.length; from += batch) {
      const folder = path.join(dir, `batch-${from}`)
      mkdirSync(folder)
      const hashes = new Map()
      for (const document of documents.slice(from, from + batch)) {
        const bytes = typeof document.value === 'string' ? Buffer.from(document.value, 'utf8') : Buffer.from(document.value)
        writeFileSync(path.join(folder, document.name), bytes)
        hashes.set(document.name, createHash('sha256').update(bytes).digest('hex'))
      }
      const share = documents.slice(from, from + batch)
      const limit = 10_000 + hangMs * share.length
      const run = await spawnCli(build, ['--no-config', '-f', 'json', path.basename(folder)], dir, limit)
      out.processes++
      out.documents += share.length
      if (run.timedOut) {
        out.hangs.push(`batch ${from}–${from + share.length - 1}: no answer after ${limit / 1000} s`)
        continue
      }
      if (![0, 1, 2].includes(run.code) || /internal error|\n\s+at .*:\d+:\d+/.test(run.stderr)) {
        out.crashes.push(`batch ${from}: exit ${run.code} ${run.stderr.split('\n')[0]}`)
      }
      let report = []
      try {
        report = JSON.parse(run.stdout || '[]')
      } catch {
        out.crashes.push(`batch ${from}: the JSON report does not parse`)
      }
      const refusedLines = run.stderr.split('\n').filter(Boolean)
      for (const document of share) {
        const shown = path.relative(dir, path.join(folder, document.name))
        const entry = report.find((r) => r.path === shown)
        const refused = refusedLines.find((line) => line.startsWith(`essaylint: ${shown}: `))
        const api = apiResults[document.index]
        const bytes = readFileSync(path.join(folder, document.name))
        if (createHash('sha256').update(bytes).digest('hex') !== hashes.get(document.name)) out.changed.push(document.name)
        if (!entry && !refused) {
          out.crashes.push(`${document.name} (${document.kind}): neither reported nor refused`)
          continue
        }
        if (refused) {
          if (api && !api.refused) out.different.push(`${document.name}: refused by the CLI (${refused}), linted by the API`)
          else if (api && api.refused && !refused.endsWith(api.refused)) out.different.push(`${document.name}: refused for another reason: ${refused} / ${api.refused}`)
          continue
        }
        const text = decode(bytes, document.name)
        const messages = entry.messages.map((m) => ({ruleId: m.ruleId, line: m.line, column: m.column, place: {start: {line: m.line, column: m.column}, end: {line: m.endLine, column: m.endColumn}}}))
        const problems = rangeProblems(messages, text)
        if (problems.length > 0) out.ranges.push(`${document.name} (${document.kind}): ${problems.slice(0, 3).join('; ')}`)
        // Lone surrogates are written as U+FFFD: the CLI reads another text than the API did.
        const sameText = typeof document.value !== 'string' || Buffer.from(document.value, 'utf8').toString('utf8') === document.value
        if (api?.messages && sameText) {
          const mine = entry.messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity} ${m.ruleId} ${m.message}`).sort()
          if (JSON.stringify(mine) !== JSON.stringify(api.messages)) {
            const cliOnly = mine.find((m) => !api.messages.includes(m))
            const apiOnly = api.messages.find((m) => !mine.includes(m))
            out.different.push(`${document.name} (${document.kind}): ${mine.length} messages from the CLI, ${api.messages.length} from the API; CLI: ${cliOnly?.slice(0, 160)} / API: ${apiOnly?.slice(0, 160)}`)
          }
        } else if (api?.refused && sameText) {
          out.different.push(`${document.name}: linted by the CLI, refused by the API (${api.refused})`)
        }
      }
    }
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
  out.seconds = ((performance.now() - started) / 1000).toFixed(1)
  return out
}

/** The text the CLI's positions point into: UTF-16 by its byte-order mark, else UTF-8 without a BOM. */
/** The text the CLI reads from these bytes (src/input-guard.ts): a .txt that is not UTF-8 is Windows-1252. */
function decode(bytes, name) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  try {
    return new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    return name.endsWith('.txt') ? iconv.decode(bytes, 'windows-1252') : new TextDecoder('utf-8').decode(bytes)
  }
}

function spawnCli(build, args, cwd, limit) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(build, 'bin', 'essaylint.js'), ...args], {cwd, env: {...process.env, NO_COLOR: '1'}})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), limit)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({code, stdout, stderr, timedOut: signal === 'SIGKILL'})
    })
  })
}

if (!isMainThread && workerData?.documents) {
  await workerMain()
} else if (isMainThread && process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  await main()
}
