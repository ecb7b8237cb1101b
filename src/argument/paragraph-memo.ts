/**
 * The argument analysis of one paragraph (evidence, roles, vague appeals,
 * the exposition pass), kept for the language server: after an edit only
 * the paragraphs whose text changed are argued again, and the others are
 * copied out of this memo and moved to where they now stand. What looks
 * across paragraphs (introduction, conclusion, support, restatements,
 * thesis, priority) still runs over the whole essay on every edit.
 *
 * The key is everything that stage reads:
 * - the paragraph's key in the model's paragraph cache (its kind, its text,
 *   its sentences and everything the model builder found in them, positions
 *   relative to its start; src/model/paragraph-cache.ts), so this memo
 *   keeps nothing when that cache is off;
 * - each sentence's citations, with the footnote calls and links the builder
 *   adds after that cache (kind, text, offsets relative to the paragraph);
 * - the first word of the next paragraph, when it is body text: a sentence
 *   that announces an enumeration looks at the next sentence, which may open
 *   the next paragraph;
 * - the headers and row labels of the tables its sentences may read.
 * The lexicons of src/argument/ and compromise's answers are the same for
 * every essay. tests/paragraph-cache.test.ts compares the argument model
 * with and without this memo.
 *
 * Off by default (the CLI argues each paragraph once); `memoiseParagraphArguments`
 * turns it on. A bounded LRU.
 */

import {own, paragraphKeyOf} from '../model/paragraph-cache.js'
import type {EssayModel, Paragraph, Point, Range} from '../model/types.js'
import {isBody} from './structure.js'
import type {SentenceArgument, Support} from './types.js'

/** A sentence's argument as the paragraph stage leaves it: sentence numbers relative to the paragraph's first, positions to its start. */
type Entry = SentenceArgument[]

let capacity = 0
const entries = new Map<string, Entry>()
let hits = 0
let misses = 0

/** Keep the argument of up to `size` paragraphs (0 turns the memo off and empties it). */
export function memoiseParagraphArguments(size = 500): void {
  capacity = Math.max(0, Math.floor(size))
  if (capacity === 0) entries.clear()
  evict()
}

export function paragraphArgumentStats(): {enabled: boolean; size: number; capacity: number; hits: number; misses: number} {
  return {enabled: capacity > 0, size: entries.size, capacity, hits, misses}
}

/**
 * The arguments of `paragraph`'s sentences, from the memo or from `argue`
 * (which writes them into `sentences` by sentence number, as the analysis
 * does without the memo); either way they end up in `sentences`.
 */
export function argueParagraph(model: EssayModel, paragraph: Paragraph, sentences: SentenceArgument[], argue: () => void): void {
  const key = capacity > 0 ? keyOf(model, paragraph) : undefined
  if (key === undefined) {
    argue()
    return
  }
  const first = paragraph.sentences[0]
  const base = paragraph.range.start
  const entry = entries.get(key)
  if (entry) {
    hits++
    entries.delete(key)
    entries.set(key, entry)
    entry.forEach((item, at) => {
      sentences[first + at] = moved(item, first, base.line, base.offset)
    })
    return
  }
  misses++
  argue()
  entries.set(
    key,
    paragraph.sentences.map((index) => moved(sentences[index], -first, -base.line, -base.offset, own))
  )
  evict()
}

/** The memo's key for a paragraph, or undefined when it cannot be kept (no model-cache key, or sentences not numbered in a run). */
function keyOf(model: EssayModel, paragraph: Paragraph): string | undefined {
  const known = paragraphKeyOf(paragraph)
  if (known === undefined || paragraph.sentences.length === 0) return undefined
  const first = paragraph.sentences[0]
  const base = paragraph.range.start.offset
  const parts = [known]
  for (let at = 0; at < paragraph.sentences.length; at++) {
    if (paragraph.sentences[at] !== first + at) return undefined
    for (const index of model.sentences[first + at].citations) {
      const {kind, text, range} = model.citations[index]
      parts.push(`${at}:${kind}:${range.start.offset - base}:${range.end.offset - base}:${text}`)
    }
  }
  const following = model.paragraphs[paragraph.index + 1]
  const next = following && isBody(following) && following.sentences.length > 0 ? model.sentences[following.sentences[0]] : undefined
  parts.push(next ? `next:${next.words[0]?.norm ?? ''}` : 'no next')
  // The tables the paragraph's sentences may read (those that begin before it or share its section).
  for (const table of model.tables) {
    if (table.range.start.offset < base || table.section === paragraph.section) parts.push(`table:${table.headers.join('\u0002')}:${table.rows.join('\u0002')}`)
  }
  return parts.join('\u0001')
}

/** A copy of a sentence's argument, its sentence numbers and positions moved (strings copied with `text` when given). */
function moved(item: SentenceArgument, sentences: number, lines: number, offsets: number, text: (value: string) => string = (value) => value): SentenceArgument {
  const point = (p: Point): Point => ({line: p.line + lines, column: p.column, offset: p.offset + offsets})
  const range = (r: Range): Range => ({start: point(r.start), end: point(r.end)})
  const support = (e: Support): Support => ({...e, text: text(e.text), sentence: e.sentence + sentences})
  return {
    sentence: item.sentence + sentences,
    role: item.role,
    strength: item.strength,
    evidence: item.evidence.map(support),
    support: item.support.map(support),
    supported: item.supported,
    vague: item.vague.map((v) => ({text: text(v.text), range: range(v.range)})),
    signals: item.signals.map(text)
  }
}

function evict(): void {
  for (const key of entries.keys()) {
    if (entries.size <= capacity) break
    entries.delete(key)
  }
}
