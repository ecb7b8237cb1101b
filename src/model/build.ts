/**
 * Builds the essay model from the Markdown tree and the natural-language
 * tree (sentences with exact positions, from src/word-tree.ts: remark-retext's
 * conversion with parse-latin).
 * Runs once per file; everything downstream reads `file.data.essay`.
 */

import type {Root} from 'mdast'
import type {Root as NlcstRoot, Sentence as NlcstSentence} from 'nlcst'
import {toString as nlcstToString} from 'nlcst-to-string'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {readStructure, type Block} from './blocks.js'
import {readReferences} from './references.js'
import {findCitations, findQuotations} from './citations.js'
import type {CompiledLexicon} from './lexicon.js'
import type {EssayModel, Paragraph, Range, Section, Sentence, Word} from './types.js'
import {normalizeWord} from './matcher.js'
import {paragraphSlot} from './paragraph-cache.js'

export function buildModel(tree: Root, nlcst: NlcstRoot, file: VFile, lexicon: CompiledLexicon): EssayModel {
  const source = String(file.value)
  const place = location(file)
  const toPoint = (offset: number) => {
    const point = place.toPoint(offset)
    return {line: point?.line ?? 1, column: point?.column ?? 1, offset}
  }
  const toRange = (start: number, end: number): Range => ({start: toPoint(start), end: toPoint(end)})

  const structure = readStructure(tree, source)
  const sections: Section[] = structure.sections.map((head, index) => ({
    index,
    title: head.title,
    depth: head.depth,
    range: toRange(head.start, head.end),
    isReferences: head.isReferences
  }))

  const model: EssayModel = {
    format: file.extname === '.txt' ? 'text' : 'markdown',
    wordCount: 0,
    title: undefined,
    sections,
    paragraphs: [],
    sentences: [],
    citations: [],
    quotations: [],
    mentions: [],
    references: [],
    notes: [],
    tables: []
  }
  const first = structure.blocks[0]
  if (first?.kind === 'heading' && sections[0] && (sections[0].depth === 1 || first.start === sections[0].range.start.offset)) {
    model.title = sections[0]
  }

  // nlcst paragraphs are finer than blocks (a line break between two
  // sentences splits them), so sentences are assigned to blocks by offset.
  // Each block's sentences come in one run, in document order.
  const groups: Array<{block: Block; nodes: NlcstSentence[]}> = []
  const blocks = structure.blocks
  let cursor = 0
  const blockAt = (offset: number): Block | undefined => {
    while (cursor < blocks.length && blocks[cursor].end <= offset) cursor++
    const block = blocks[cursor]
    return block && block.start <= offset ? block : undefined
  }

  for (const para of nlcst.children) {
    if (para.type !== 'ParagraphNode') continue
    for (const node of para.children) {
      if (node.type !== 'SentenceNode' || !node.position) continue
      // The word tree keeps the line endings around a block it leaves out
      // (code, a table, HTML): after a line without final punctuation they
      // open the next sentence, which would then start before its block.
      trimWhiteSpace(node)
      if (node.children.length === 0) continue
      const start = node.position.start.offset ?? 0
      const block = blockAt(start)
      if (!block) continue
      const last = groups[groups.length - 1]
      if (last?.block === block) last.nodes.push(node)
      else groups.push({block, nodes: [node]})
    }
  }

  for (const {block, nodes} of groups) {
    const paragraph: Paragraph = {index: model.paragraphs.length, kind: block.kind, range: toRange(block.start, block.end), section: block.section, sentences: []}
    model.paragraphs.push(paragraph)
    // Incremental analysis (off unless a long-lived shell turns it on): an
    // unchanged paragraph is copied from the cache instead of analysed again.
    const slot = paragraphSlot(lexicon, block, nodes, source, toPoint)
    if (slot?.replay(model, paragraph)) continue
    for (const node of nodes) addSentence(model, paragraph, node, source, toRange, lexicon)
    slot?.store(model, paragraph)
  }

  // Footnote references and links sit between sentences in the tree: give
  // each to the sentence that contains it or, failing that, the one before.
  for (const mark of structure.marks) {
    const sentence = sentenceBefore(model, mark.start)
    if (!sentence) continue
    sentence.citations.push(model.citations.length)
    model.citations.push({kind: mark.kind, text: mark.text, range: toRange(mark.start, mark.end), sentence: sentence.index})
  }
  readReferences(model, structure, source, toRange)
  model.tables = structure.tables.map((table) => ({range: toRange(table.start, table.end), section: table.section, headers: table.headers, rows: table.rows}))
  return model
}

function addSentence(
  model: EssayModel,
  paragraph: Paragraph,
  node: NlcstSentence,
  source: string,
  toRange: (start: number, end: number) => Range,
  lexicon: CompiledLexicon
): void {
  const start = node.position!.start.offset ?? 0
  const end = node.position!.end.offset ?? start
  const words: Word[] = []
  // The sentence's text and its words in one pass over its children (each
  // word's text is read once, not again for the sentence).
  let sentenceText = ''
  for (const child of node.children) {
    const text = 'value' in child ? child.value : child.children.length === 1 && 'value' in child.children[0] ? child.children[0].value : nlcstToString(child)
    sentenceText += text
    if (child.type !== 'WordNode' || !child.position) continue
    const {start: from, end: to} = child.position
    words.push({
      norm: normalizeWord(gluedPeriod(text) ? text.slice(0, -1) : text),
      text,
      start: from.offset ?? 0,
      end: to.offset ?? 0,
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column
    })
  }
  const sentence: Sentence = {
    index: model.sentences.length,
    paragraph: paragraph.index,
    text: sentenceText,
    range: toRange(start, end),
    words,
    citations: [],
    quotations: [],
    mentions: [],
    anchors: [],
    explanations: []
  }
  model.sentences.push(sentence)
  paragraph.sentences.push(sentence.index)
  if (paragraph.kind !== 'heading') model.wordCount += words.length

  const raw = source.slice(start, end)
  for (const span of findCitations(raw)) {
    sentence.citations.push(model.citations.length)
    model.citations.push({kind: span.kind, text: span.text, range: toRange(start + span.start, start + span.end), sentence: sentence.index})
  }
  for (const span of findQuotations(raw)) {
    sentence.quotations.push(model.quotations.length)
    model.quotations.push({text: span.text, range: toRange(start + span.start, start + span.end), sentence: sentence.index})
  }
  for (const match of lexicon.conceptMatcher.match(words)) {
    // An exclusion ("realistic", "in reality") cancels the whole match.
    if (match.payloads.some((hit) => hit.kind === 'exclude')) continue
    const from = words[match.from]
    const to = words[match.to - 1]
    for (const hit of match.payloads) {
      if (hit.kind === 'exclude') continue
      sentence.mentions.push(model.mentions.length)
      model.mentions.push({
        concept: hit.concept,
        kind: hit.kind,
        text: source.slice(from.start, to.end),
        range: toRange(from.start, to.end),
        sentence: sentence.index,
        paragraph: paragraph.index
      })
    }
  }
  for (const match of lexicon.cueMatcher.match(words)) {
    const text = words.slice(match.from, match.to).map((w) => w.norm).join(' ')
    for (const kind of new Set(match.payloads)) (kind === 'anchor' ? sentence.anchors : sentence.explanations).push(text)
  }
  for (const match of lexicon.operationMatcher.match(words)) {
    sentence.anchors.push(match.payloads[0].acronym)
  }
}

/**
 * A word with a sentence's full stop glued on: the parser keeps the stop in
 * the word when the next sentence starts in lower case ("…respect of
 * sovereignty. whereas…"), and "sovereignty." would match no vocabulary. An
 * abbreviation with inner stops ("U.S.", "e.g.") keeps them.
 */
function gluedPeriod(text: string): boolean {
  // /^[^.]+\.$/, without a regular expression for every word of every essay.
  return text.length > 1 && text.indexOf('.') === text.length - 1
}

function sentenceBefore(model: EssayModel, offset: number): Sentence | undefined {
  // Sentences are in document order; the last one starting before `offset`.
  let low = 0
  let high = model.sentences.length - 1
  let found: Sentence | undefined
  while (low <= high) {
    const mid = (low + high) >> 1
    if (model.sentences[mid].range.start.offset <= offset) {
      found = model.sentences[mid]
      low = mid + 1
    } else high = mid - 1
  }
  return found
}

/** Drop white space at either end of a sentence, and move its position to what is left. */
function trimWhiteSpace(node: NlcstSentence): void {
  const children = node.children
  while (children.length > 0 && children[0].type === 'WhiteSpaceNode') children.shift()
  while (children.length > 0 && children[children.length - 1].type === 'WhiteSpaceNode') children.pop()
  const first = children[0]?.position
  const last = children[children.length - 1]?.position
  if (first && last && node.position) node.position = {start: {...first.start}, end: {...last.end}}
}
