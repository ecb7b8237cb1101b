/**
 * Property-based and fuzz tests (fast-check) over the public API and the CLI:
 * random Unicode, generated Markdown, mutated sample essays, raw bytes and
 * pathological inputs. Whatever the input, no exception other than a plain
 * input refusal escapes, every message has a valid 1-based range inside the
 * file, every word of the model is where the file has it (trailing spaces,
 * quote and list markers on continuation lines, escapes and character
 * references once shifted them), the same input gives the same output, turning a rule off removes
 * exactly its messages (and changes no other rule's, but for a rule coupled to it by `replaces`,
 * src/finding-overlap.ts), and the input is never changed. (How the patterns
 * and the analysis grow on adversarial input is measured by `npm run
 * bench:growth`, not asserted here.)
 *
 * The arbitraries and the range check are shared with `npm run soak`
 * (scripts/soak.mjs), which runs the same properties on 10,000 documents.
 */

import {createHash} from 'node:crypto'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import type {VFileMessage} from 'vfile-message'
import {lint, rules} from '../src/index.js'
import {maxBlockLines, maxMarkers, maxNesting} from '../src/input-guard.js'
import {findQuotations} from '../src/model/citations.js'
// @ts-expect-error -- plain JavaScript, shared with the soak script
import * as soak from '../scripts/soak.mjs'
import {run} from './helpers.js'

const ruleIds = Object.keys(rules)
/** FUZZ_SCALE=10 npx vitest run tests/fuzz.test.ts runs every property ten times as often. */
const runs = (n: number) => Math.round(n * Number(process.env.FUZZ_SCALE ?? 1))
// The same inputs on every run, so that CI is red only for a real change;
// FUZZ_SEED=random (or a number) explores, as `npm run soak` does at scale.
if (process.env.FUZZ_SEED !== 'random') fc.configureGlobal({seed: Number(process.env.FUZZ_SEED ?? 20261129), endOnFailure: true})

type Outcome = {refused: string} | {messages: string[]; text: string; problems: string[]}

/** Lint; a refusal by the input guard is an outcome, any other exception fails the test. */
async function outcome(value: string | Uint8Array, options: {path?: string; rules?: Record<string, 'off'>} = {}): Promise<Outcome> {
  try {
    const file = await lint(value, {path: options.path ?? 'essay.md', rules: options.rules})
    const text = String(file.value)
    const problems: string[] = soak.rangeProblems(file.messages, text)
    // Every word of the model is where the file has it: its span starts with
    // its first character, ends with its last, and holds the others in order
    // (a word can run across inline markup: `**in**action`).
    for (const sentence of file.data.essay?.sentences ?? []) {
      for (const word of sentence.words) {
        const span = text.slice(word.start, word.end)
        if (!placed(word.text, span)) problems.push(`word ${JSON.stringify(word.text)} placed on ${JSON.stringify(span)}`)
      }
    }
    return {messages: soak.compactMessages(file.messages), text, problems}
  } catch (error) {
    if (soak.isRefusal(error)) return {refused: (error as VFileMessage).reason}
    throw error
  }
}

function placed(word: string, span: string): boolean {
  if (!span.startsWith(word.charAt(0)) || !span.endsWith(word.charAt(word.length - 1))) return false
  let at = 0
  for (const char of span) if (at < word.length && word.startsWith(char, at)) at += char.length
  return at === word.length
}

/** The input guard's sentences: every refusal must be one of these. */
const refusals = [
  /^file is empty: there is no essay to check$/,
  /^binary file, not an essay \(expected Markdown or plain text\)$/,
  /^file is not valid UTF-8 text; save it as UTF-8 and run essaylint again$/,
  /^file looks like UTF-16 text without a byte-order mark; save it as UTF-8 and run essaylint again$/,
  /^file is too large \([\d.,]+ (?:MB|KB|bytes)\); essaylint reads essays up to [\d.,]+ (?:MB|KB|bytes)$/,
  /^(?:line \d+: )?the Markdown is nested more than 100 levels deep \(lists, quotes or emphasis inside each other\); essaylint does not read structures this deep$/,
  /^line \d+: a paragraph with more than 1,000 Markdown markers \(\*, _, ~, \[ or \]\); essaylint does not read markup this dense$/,
  /^(?:line \d+: )?a paragraph, list or quote of (?:more than 2,000 lines|[\d,]+ characters) without a blank line is too long to analyse; separate the paragraphs with blank lines$/
]

function expectClean(result: Outcome, input: unknown): void {
  if ('refused' in result) {
    expect(refusals.some((pattern) => pattern.test(result.refused)), `unexpected refusal: ${result.refused}`).toBe(true)
    return
  }
  expect(result.problems, `ranges for ${JSON.stringify(input).slice(0, 300)}`).toEqual([])
}

/** The three properties every document must have: clean outcome, same output twice, rule-off removes exactly that rule. */
async function expectProperties(value: string | Uint8Array, path: string, rule: string): Promise<void> {
  const first = await outcome(value, {path})
  expectClean(first, value)
  if ('refused' in first) return
  const second = await outcome(value, {path})
  expect(second).toEqual(first)
  const without = await outcome(value, {path, rules: {[rule]: 'off'}})
  // A rule coupled to it by `replaces` may change too (a finding it stood for comes back).
  const coupled = soak.coupledWith(rules, rule)
  expect('messages' in without && soak.withoutRules(without.messages, coupled)).toEqual(soak.withoutRules(first.messages, coupled))
}

describe('fuzz: the API never throws, and every range is inside the file', () => {
  it('random Unicode (RTL, combining marks, emoji, zero-width, controls, lone surrogates) and Markdown tokens', async () => {
    await fc.assert(
      fc.asyncProperty(soak.soup, fc.constantFrom(...ruleIds), fc.constantFrom('essay.md', 'essay.txt'), (text: string, rule: string, name: string) =>
        expectProperties(text, name, rule)
      ),
      {numRuns: runs(200)}
    )
  })

  it('generated Markdown essays: nested lists and quotes, tables, HTML, front matter, footnotes, code, CRLF and CR', async () => {
    await fc.assert(
      fc.asyncProperty(soak.markdownEssay, fc.constantFrom(...ruleIds), (text: string, rule: string) => expectProperties(text, 'essay.md', rule)),
      {numRuns: runs(120)}
    )
  })

  it('mutations of the sample essays', async () => {
    await fc.assert(
      fc.asyncProperty(soak.mutatedEssay, fc.constantFrom(...ruleIds), ({name, value}: {name: string; value: string}, rule: string) =>
        expectProperties(value, name, rule)
      ),
      {numRuns: runs(25)}
    )
  })

  it('raw bytes (UTF-16, byte-order marks, broken UTF-8, binary) are decoded or refused, and never changed', async () => {
    await fc.assert(
      fc.asyncProperty(soak.rawBytes, async (bytes: Uint8Array) => {
        const before = Uint8Array.from(bytes)
        expectClean(await outcome(bytes), bytes)
        expect(bytes).toEqual(before)
      }),
      {numRuns: runs(150)}
    )
  })

  it(`nesting around the limit (${maxNesting} levels) is linted, or refused in one sentence`, async () => {
    await fc.assert(
      fc.asyncProperty(soak.deepNesting, async (text: string) => {
        const result = await outcome(text)
        expectClean(result, text)
        if ('refused' in result) expect(result.refused).toMatch(/nested more than 100 levels/)
      }),
      {numRuns: runs(40)}
    )
  })

  it('pathological inputs: 10,000 periods, no spaces, one 1 MB line, deep nesting, dense markup… are linted or refused in one sentence', async () => {
    const outcomes: Record<string, string> = {}
    for (const [name, make] of Object.entries(soak.pathological as Record<string, () => string | Uint8Array>)) {
      const result = await outcome(make())
      expectClean(result, name)
      outcomes[name] = 'refused' in result ? result.refused.replace(/\d[\d,.]*/g, 'N') : 'linted'
    }
    // What essaylint does with each; a change here is a change of behaviour worth seeing.
    expect(outcomes).toMatchObject({
      'ten thousand periods': 'linted',
      'no spaces (100,000 letters)': 'linted',
      'one 1 MB line of prose': 'line N: a paragraph, list or quote of N characters without a blank line is too long to analyse; separate the paragraphs with blank lines',
      'a long paragraph of unsupported claims': 'linted',
      'nested quotes, 10,000 deep': 'line N: the Markdown is nested more than N levels deep (lists, quotes or emphasis inside each other); essaylint does not read structures this deep',
      'nested emphasis, 3,000 deep': 'line N: a paragraph with more than N Markdown markers (*, _, ~, [ or ]); essaylint does not read markup this dense',
      'a paragraph of 60,000 lines': 'line N: a paragraph, list or quote of more than N lines without a blank line is too long to analyse; separate the paragraphs with blank lines',
      'a code block of essay prose': 'linted',
      'just over 2 MB': 'file is too large (N MB); essaylint reads essays up to N MB',
      'UTF-16 with a byte-order mark': 'linted'
    })
  })
})

describe('properties of the output', () => {
  it('turning a rule off removes its findings, told by rule id: a finding of another rule that names it stays, whichever ran first', async () => {
    // The counterargument finding quotes "…the case against its thesis…":
    // a filter on the message text took it for a thesis finding, and the
    // property failed on a generated essay without any coupling of the rules.
    const essay = readFileSync(new URL('../fixtures/rules/counterargument/not-ok-no-counterargument.md', import.meta.url), 'utf8')
    const counter = (result: Outcome) => ('messages' in result ? result.messages.filter((m) => m.split(' ')[2] === 'counterargument') : [])
    const on = await outcome(essay)
    const off = await outcome(essay, {rules: {thesis: 'off'}})
    const onAgain = await outcome(essay)
    expect(counter(on)).toHaveLength(1)
    expect(counter(on)[0]).toContain(' thesis ')
    expect(counter(off)).toEqual(counter(on))
    expect(counter(onAgain)).toEqual(counter(on))
    expect('messages' in off && off.messages).toEqual(soak.withoutRules('messages' in on ? on.messages : [], ['thesis']))
    expect(soak.withoutRules(counter(on), ['thesis'])).toEqual(counter(on))
    expect(soak.withoutRules(counter(on), ['counterargument'])).toEqual([])
  })

  it('code blocks, front matter, HTML, tables and comments are never linted: essay prose inside them changes nothing', async () => {
    const hidden = fc.oneof(
      soak.paragraph.map((p: string) => '```\n' + p + '\n```'),
      soak.paragraph.map((p: string) => '~~~text\n' + p.split('. ').join('.\n') + '\n~~~'),
      soak.paragraph.map((p: string) => '    ' + p),
      soak.paragraph.map((p: string) => `<div>\n${p}\n</div>`),
      soak.paragraph.map((p: string) => `<!--\n${p}\n-->`),
      soak.paragraph.map((p: string) => `| claim |\n|---|\n| ${p.replace(/\|/g, '')} |`)
    )
    await fc.assert(
      fc.asyncProperty(soak.markdownEssay, hidden, fc.nat(), async (essay: string, block: string, at: number) => {
        // Put the block between two blocks of a Markdown essay (LF endings), then
        // compare with the same essay where the block is blank lines.
        const blocks = essay.replace(/\r\n?/g, '\n').trimEnd().split('\n\n')
        const cut = 1 + (at % blocks.length)
        // After a list item, an indented block continues the item: it is not code.
        fc.pre(!(block.startsWith('    ') && /^\s*(?:[-*+]|\d+[.)])(?:\s|$)/m.test(blocks[cut - 1])))
        // Nor after an indented block, which may itself continue a list item above it.
        fc.pre(!(block.startsWith('    ') && /^(?: {2}|\t)/.test(blocks[cut - 1])))
        // "ignore-next" silences the next block, whatever it is; and an indented
        // block that continued a list item is code once the list has ended.
        fc.pre(!blocks[cut - 1].includes('ignore-next') && !/^(?: {2}|\t)/.test(blocks[cut] ?? ''))
        const around = (middle: string) => [...blocks.slice(0, cut), middle, ...blocks.slice(cut)].join('\n\n') + '\n'
        const blank = block.replace(/[^\n]/g, '')
        const [withBlock, withoutBlock] = [await outcome(around(block)), await outcome(around(blank))]
        if ('refused' in withBlock || 'refused' in withoutBlock) return
        expect(withBlock.messages).toEqual(withoutBlock.messages)
      }),
      {numRuns: runs(60)}
    )
  })

  it('front matter is never linted', async () => {
    await fc.assert(
      fc.asyncProperty(soak.paragraph, soak.markdownEssay, async (prose: string, essay: string) => {
        // With a title, whole-essay findings point at it rather than at line 1.
        const body = '# Title of the essay\n\n' + essay.replace(/\r\n?/g, '\n').replace(/^(?:---|\+\+\+)\n[^]*?\n(?:---|\+\+\+)\n\n/, '')
        const front = `---\nsummary: ${JSON.stringify(prose)}\n---\n`
        const [withFront, withBlank] = [await outcome(front + body), await outcome('\n\n\n' + body)]
        if ('refused' in withFront || 'refused' in withBlank) return
        expect(withFront.messages).toEqual(withBlank.messages)
      }),
      {numRuns: runs(40)}
    )
  })

  it('a space at the end of a line, quote and list continuation lines, escapes and character references do not shift what follows', async () => {
    const text = [
      'Realism matters because states clearly \nfight for power in Rwanda.',
      '> Realists argue that \n> states fight \\*always\\* for power in Rwanda.',
      '- Liberals argue that\n  institutions &amp; trade keep peace in Haiti.'
    ].join('\n\n')
    const file = await lint(text, {path: 'essay.md'})
    const words = file.data.essay!.sentences.flatMap((s) => s.words)
    for (const word of words) {
      expect(text.slice(word.start, word.end), `${word.text} at ${word.line}:${word.column}`).toBe(word.text)
      const before = text.slice(0, word.start)
      expect([word.line, word.column]).toEqual([before.split('\n').length, word.start - before.lastIndexOf('\n')])
    }
    const where = (w: string) => words.filter((x) => x.text === w).map((x) => `${x.line}:${x.column}`)
    expect(where('Rwanda')).toEqual(['2:20', '5:40'])
    expect(where('always')).toEqual(['5:18'])
    expect(where('Haiti')).toEqual(['8:42'])
  })

  it('CRLF, CR, a UTF-8 byte-order mark and UTF-16 give the same positions as LF', async () => {
    const essays = fc.oneof(soak.markdownEssay, fc.constantFrom(...soak.sampleEssays().map((e: {text: string}) => e.text)))
    await fc.assert(
      fc.asyncProperty(essays, async (essay: string) => {
        const lf = essay.replace(/\r\n?/g, '\n')
        const expected = await outcome(lf)
        for (const variant of [lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r'), '\ufeff' + lf, soak.encode(lf, 'le'), soak.encode(lf, 'be'), soak.encode(lf, 'utf8-bom')]) {
          const result = await outcome(variant)
          if ('refused' in expected) expect(result).toEqual(expected)
          else expect('messages' in result && result.messages).toEqual(expected.messages)
        }
      }),
      {numRuns: runs(15)}
    )
  })

  it('linting never changes the files it reads (CLI), and the CLI says what the API says', async () => {
    const documents = fc.sample(fc.oneof(soak.soup, soak.markdownEssay, soak.mutatedEssay.map((e: {value: string}) => e.value), soak.deepNesting), 40)
    const dir = mkdtempSync(path.join(tmpdir(), 'essaylint-fuzz-'))
    const names = documents.map((_: string, i: number) => `doc-${i}.${i % 4 === 0 ? 'txt' : 'md'}`)
    const hash = (name: string) => createHash('sha256').update(readFileSync(path.join(dir, name))).digest('hex')
    documents.forEach((text: string, i: number) => writeFileSync(path.join(dir, names[i]), text))
    const before = names.map(hash)
    const result = await run(['--no-config', '-f', 'json', ...names], {cwd: dir})
    expect([0, 1, 2]).toContain(result.code)
    expect(names.map(hash)).toEqual(before)
    const report = JSON.parse(result.stdout || '[]') as Array<{path: string; messages: Array<Record<string, unknown>>}>
    const stderr = result.stderr.split('\n').filter(Boolean)
    for (const line of stderr) expect(line).toMatch(/^essaylint: doc-\d+\.(?:md|txt): \S/)
    expect(result.code === 2).toBe(stderr.length > 0)
    for (const [i, name] of names.entries()) {
      const api = await outcome(readFileSync(path.join(dir, name)), {path: name})
      const entry = report.find((r) => r.path === name)
      if ('refused' in api) {
        expect(entry).toBeUndefined()
        expect(stderr).toContain(`essaylint: ${name}: ${api.refused}`)
        continue
      }
      expect(entry, `${name} is reported`).toBeDefined()
      const messages = entry!.messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity} ${m.ruleId} ${m.message}`).sort()
      expect(messages, `${name}: ${JSON.stringify(documents[i]).slice(0, 200)}`).toEqual(api.messages)
    }
  })
})

// How the patterns, matchers and analysis grow is measured by `npm run
// bench:growth` (scripts/growth.mjs), never asserted here: a shared machine
// pauses for milliseconds at random, and a timing assertion fails with it.
describe('patterns and limits', () => {
  it('findQuotations finds exactly what its pattern finds', () => {
    const pattern = /“([^”\n]{1,1500})”|"([^"\n]{1,1500})"/g
    const oracle = (text: string) =>
      [...text.matchAll(pattern)]
        .filter((m) => (m[1] ?? m[2]).trim().split(/\s+/).length >= 3)
        .map((m) => ({text: m[1] ?? m[2], start: m.index!, end: m.index! + m[0].length}))
    const quoteText = fc
      .array(fc.oneof(fc.constantFrom('“', '”', '"', '\n', ' ', 'a', 'b c', '  '), fc.string({maxLength: 3})), {maxLength: 60})
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(quoteText, (text) => {
        expect(findQuotations(text)).toEqual(oracle(text))
      }),
      {numRuns: runs(2000)}
    )
    // Passages longer than 1,500 characters are not quotations.
    const long = '“' + 'a b c '.repeat(260) + '”'
    expect(findQuotations(long)).toEqual(oracle(long))
  })

  it('a dense paragraph is refused before parsing', async () => {
    const result = await outcome('a* '.repeat(maxMarkers * 20))
    expect('refused' in result && result.refused).toMatch(/more than 1,000 Markdown markers/)
    const lines = await outcome('Peacekeeping is clearly bad.\n'.repeat(maxBlockLines * 20))
    expect('refused' in lines && lines.refused).toMatch(/more than 2,000 lines/)
  })
})

describe('the size limit', () => {
  it('an essay over the limit gets one clear error, counted in bytes (UTF-8), before any work', async () => {
    await expect(lint('Peacekeeping fails. '.repeat(60), {path: 'e.md', maxBytes: 1000})).rejects.toThrow(
      'file is too large (1.2 KB); essaylint reads essays up to 1000 bytes'
    )
    // 600 characters, 1,200 bytes.
    await expect(lint('é'.repeat(600), {maxBytes: 1000})).rejects.toThrow('file is too large (1.2 KB)')
    await expect(lint(new Uint8Array(3 * 1024 * 1024).fill(0x61))).rejects.toThrow('file is too large (3.0 MB); essaylint reads essays up to 2.0 MB')
    // At the limit is fine.
    const file = await lint('Peacekeeping fails. '.repeat(50), {path: 'e.md', maxBytes: 1000})
    expect(file.messages.length).toBeGreaterThan(0)
  })
})
