/**
 * Incremental analysis: the per-sentence work of the model builder (words,
 * citations, quotations, concept mentions, cue words) cached per paragraph
 * content. An editor re-analyses the whole essay after every edit; with the
 * cache on, only the paragraphs whose text changed are analysed again, and
 * the others are copied out of the cache and shifted to where they now stand.
 * Everything that depends on more than one paragraph (sections, footnote and
 * link marks, coverage, the argument model, the rules) is still computed on
 * the whole, fresh model, so the model is identical with or without the cache
 * (tests/paragraph-cache.test.ts checks that on every sample essay and edits).
 *
 * The key is everything the cached work reads: the block's kind, its starting
 * column, its source text, the sentences the natural-language tree found in
 * it (whose text can depend on the rest of the file, e.g. a footnote
 * definition further down) and the lexicon in force. Positions are stored
 * relative to the block's start (offsets and lines; columns are equal, as the
 * text and the starting column are).
 *
 * Off by default: a CLI run sees each paragraph once, so the cache would only
 * cost memory. Long-lived shells (the language server) turn it on with
 * `enableParagraphCache`. The cache is a bounded LRU.
 */

import type {Sentence as NlcstSentence} from 'nlcst'
import {toString as nlcstToString} from 'nlcst-to-string'
import type {Block} from './blocks.js'
import type {Citation, EssayModel, Mention, Paragraph, Point, Quotation, Word} from './types.js'

/** A point relative to its block: `line` counts from the block's first line (0), `offset` from its start. */
interface RelativePoint {
  line: number
  column: number
  offset: number
}

interface CachedSentence {
  text: string
  start: RelativePoint
  end: RelativePoint
  words: Word[]
  citations: Array<{kind: Citation['kind']; text: string; start: RelativePoint; end: RelativePoint}>
  quotations: Array<{text: string; start: RelativePoint; end: RelativePoint}>
  mentions: Array<{concept: string; kind: Mention['kind']; text: string; start: RelativePoint; end: RelativePoint}>
  anchors: string[]
  explanations: string[]
}

type Entry = CachedSentence[]

/** A cached paragraph, or the place to store one that was just analysed. */
export interface ParagraphSlot {
  /** Append the cached sentences to `paragraph` (already in the model); false when there are none cached. */
  replay(model: EssayModel, paragraph: Paragraph): boolean
  /** Remember what the builder just found for `paragraph`. */
  store(model: EssayModel, paragraph: Paragraph): void
}

export interface ParagraphCacheStats {
  enabled: boolean
  size: number
  capacity: number
  hits: number
  misses: number
}

let capacity = 0
const entries = new Map<string, Entry>()
/** The key of each paragraph whose sentences were replayed or stored: what its model data is a function of. */
const keys = new WeakMap<Paragraph, string>()
const lexiconIds = new WeakMap<object, number>()
let nextLexiconId = 1
let hits = 0
let misses = 0

/** Turn the cache on (or resize it); `size` is the number of paragraphs kept (0 turns it off). */
export function enableParagraphCache(size = 500): void {
  capacity = Math.max(0, Math.floor(size))
  evict()
}

/** Empty the cache and its counters. */
export function clearParagraphCache(): void {
  entries.clear()
  hits = 0
  misses = 0
}

export function paragraphCacheStats(): ParagraphCacheStats {
  return {enabled: capacity > 0, size: entries.size, capacity, hits, misses}
}

/**
 * The key of a paragraph of a model built with the cache on: everything its
 * sentences, words, citations, quotations, mentions and cue words were
 * computed from, positions relative to its start (line and offset; columns
 * as they are). Undefined when the paragraph was neither replayed nor
 * stored (the cache is off, or a point of it could not be placed). The
 * footnote calls and links the builder gives its sentences afterwards are
 * not in it. Later analyses that read no more than that can be cached on it
 * (src/argument/paragraph-memo.ts).
 */
export function paragraphKeyOf(paragraph: Paragraph): string | undefined {
  return keys.get(paragraph)
}

/**
 * The cache slot for one block, or undefined when the cache is off.
 * `nodes` are the block's sentences in the natural-language tree.
 */
export function paragraphSlot(
  lexicon: object,
  block: Block,
  nodes: NlcstSentence[],
  source: string,
  toPoint: (offset: number) => Point
): ParagraphSlot | undefined {
  if (capacity === 0) return undefined
  let lexiconId = lexiconIds.get(lexicon)
  if (lexiconId === undefined) {
    lexiconId = nextLexiconId++
    lexiconIds.set(lexicon, lexiconId)
  }
  const base = toPoint(block.start)
  const sentences = nodes.map((node) => `${(node.position?.start.offset ?? 0) - block.start}:${(node.position?.end.offset ?? 0) - block.start}:${sentenceText(node)}`)
  const key = [lexiconId, block.kind, base.column, source.slice(block.start, block.end), ...sentences].join('\u0000')

  const relative = (point: Point): RelativePoint => ({line: point.line - base.line, column: point.column, offset: point.offset - block.start})
  const absolute = (point: RelativePoint): Point => ({line: point.line + base.line, column: point.column, offset: point.offset + block.start})

  return {
    replay(model, paragraph) {
      const entry = entries.get(key)
      if (!entry) {
        misses++
        return false
      }
      hits++
      keys.set(paragraph, key)
      // Most recently used last: the Map's order is the LRU order.
      entries.delete(key)
      entries.set(key, entry)
      for (const cached of entry) {
        const index = model.sentences.length
        const words = cached.words.map((w) => ({...w, start: w.start + block.start, end: w.end + block.start, line: w.line + base.line, endLine: w.endLine + base.line}))
        model.sentences.push({
          index,
          paragraph: paragraph.index,
          text: cached.text,
          range: {start: absolute(cached.start), end: absolute(cached.end)},
          words,
          citations: [],
          quotations: [],
          mentions: [],
          anchors: [...cached.anchors],
          explanations: [...cached.explanations]
        })
        const sentence = model.sentences[index]
        paragraph.sentences.push(index)
        if (paragraph.kind !== 'heading') model.wordCount += words.length
        for (const c of cached.citations) {
          sentence.citations.push(model.citations.length)
          model.citations.push({kind: c.kind, text: c.text, range: {start: absolute(c.start), end: absolute(c.end)}, sentence: index})
        }
        for (const q of cached.quotations) {
          sentence.quotations.push(model.quotations.length)
          model.quotations.push({text: q.text, range: {start: absolute(q.start), end: absolute(q.end)}, sentence: index})
        }
        for (const m of cached.mentions) {
          sentence.mentions.push(model.mentions.length)
          model.mentions.push({concept: m.concept, kind: m.kind, text: m.text, range: {start: absolute(m.start), end: absolute(m.end)}, sentence: index, paragraph: paragraph.index})
        }
      }
      return true
    },

    store(model, paragraph) {
      const entry: Entry = []
      for (const index of paragraph.sentences) {
        const sentence = model.sentences[index]
        // A point the builder could not place (it falls back to 1:1) is not
        // relative to the block: such a paragraph is simply not cached.
        if (sentence.range.start.line < base.line) return
        entry.push({
          text: own(sentence.text),
          start: relative(sentence.range.start),
          end: relative(sentence.range.end),
          words: sentence.words.map((w) => ({...w, norm: own(w.norm), text: own(w.text), start: w.start - block.start, end: w.end - block.start, line: w.line - base.line, endLine: w.endLine - base.line})),
          citations: sentence.citations.map((i) => model.citations[i]).map((c) => ({kind: c.kind, text: own(c.text), start: relative(c.range.start), end: relative(c.range.end)})),
          quotations: sentence.quotations.map((i) => model.quotations[i]).map((q: Quotation) => ({text: own(q.text), start: relative(q.range.start), end: relative(q.range.end)})),
          mentions: sentence.mentions.map((i) => model.mentions[i]).map((m) => ({concept: m.concept, kind: m.kind, text: own(m.text), start: relative(m.range.start), end: relative(m.range.end)})),
          anchors: sentence.anchors.map(own),
          explanations: sentence.explanations.map(own)
        })
      }
      entries.set(key, entry)
      keys.set(paragraph, key)
      evict()
    }
  }
}

/** A sentence's text: nlcst-to-string's, read without its generic walk for the usual word of one text node (this runs on every sentence at every edit). */
function sentenceText(node: NlcstSentence): string {
  let text = ''
  for (const child of node.children) {
    text += 'value' in child ? child.value : child.children.length === 1 && 'value' in child.children[0] ? child.children[0].value : nlcstToString(child)
  }
  return text
}

/**
 * A copy of a string that does not keep the document it was cut from alive.
 * V8 keeps a long slice as a view into its parent string, so a cached
 * citation or mention would otherwise hold on to a whole old version of the
 * essay. Prepending a character and cutting it off forces a fresh copy.
 */
export function own(text: string): string {
  return (' ' + text).slice(1)
}

function evict(): void {
  for (const key of entries.keys()) {
    if (entries.size <= capacity) break
    entries.delete(key)
  }
}
