/**
 * Feedback into the student's own Word file: a copy of the .docx with each
 * finding as a Word comment anchored on its sentence, and one comment on the
 * title for the findings about the whole essay (and the grade, when asked).
 *
 * The copy keeps every part of the document as it was except three:
 * `word/document.xml` gains the comment anchors (a run is split where a
 * sentence starts or ends inside it, both halves with the run's own
 * formatting, so the text and its look are unchanged), `word/comments.xml`
 * holds the comments (the student's own comments stay), and the content
 * types and relationships name that part. The XML is read and written with
 * @xmldom/xmldom (mammoth reads Word files with it too); the zip is read
 * through the limits of src/readers/zip.ts and written with yazl.
 */

import {DOMParser, XMLSerializer} from '@xmldom/xmldom'
import yazl from 'yazl'
import {ReaderError} from '../readers/errors.js'
import {documentZipLimits} from '../readers/limits.js'
import {readZip} from '../readers/zip.js'

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const commentsType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml'
const commentsRelation = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments'

export interface Comment {
  /** Paragraphs of the comment's text. */
  text: string[]
  /** The sentence to anchor it on; undefined for the title comment. */
  quote?: string
}

export interface AnnotateResult {
  docx: Buffer
  /** Comments anchored on their sentence, and those put on the title because their sentence was not found. */
  anchored: number
  unanchored: Comment[]
}

type El = Element

/** The annotated copy of a Word file: sentence comments where their quote is found, the title comment on the first paragraph. */
export async function annotateDocx(bytes: Buffer, comments: Comment[], title: Comment | undefined, options: {author?: string; date?: Date} = {}): Promise<AnnotateResult> {
  const author = options.author ?? 'essaylint'
  const date = (options.date ?? new Date()).toISOString().replace(/\.\d+Z$/, 'Z')
  const entries = await readZip(bytes, documentZipLimits, () => true)
  const refused = entries.find((entry) => entry.refused)
  if (refused) throw new ReaderError(`the Word document's ${refused.name} ${refused.refused!.replace(/: skipped$/, '')}`)
  const part = (name: string) => entries.find((entry) => entry.name === name)?.data
  const documentXml = part('word/document.xml')
  if (!documentXml) throw new ReaderError('not a Word document: it has no word/document.xml')

  const parse = (xml: Buffer, name: string) => {
    const errors: string[] = []
    const record = (message: string) => void errors.push(String(message).split('\n')[0])
    const doc = new DOMParser({errorHandler: {warning: () => undefined, error: record, fatalError: record}}).parseFromString(xml.toString('utf8'), 'text/xml')
    if (errors.length > 0 || !doc.documentElement) throw new ReaderError(`the Word document's ${name} is damaged (${errors[0] ?? 'no XML'})`)
    return doc as unknown as Document
  }
  const document = parse(documentXml, 'word/document.xml')
  const existing = part('word/comments.xml')
  const commentsDoc = existing ? parse(existing, 'word/comments.xml') : parse(Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W}"/>`), 'word/comments.xml')
  let nextId = 1 + Math.max(-1, ...[...elements(commentsDoc, 'comment')].map((c) => Number(c.getAttributeNS(W, 'id') ?? c.getAttribute('w:id')) || 0))

  const paragraphs = [...elements(document, 'p')].filter((p) => !ancestor(p, 'txbxContent'))
  const texts = paragraphs.map(paragraphText)
  const addComment = (comment: Comment) => {
    const id = String(nextId++)
    const node = commentsDoc.createElementNS(W, 'w:comment')
    node.setAttributeNS(W, 'w:id', id)
    node.setAttributeNS(W, 'w:author', author)
    node.setAttributeNS(W, 'w:date', date)
    node.setAttributeNS(W, 'w:initials', 'EL')
    for (const line of comment.text) {
      const p = commentsDoc.createElementNS(W, 'w:p')
      const r = commentsDoc.createElementNS(W, 'w:r')
      const t = commentsDoc.createElementNS(W, 'w:t')
      t.setAttribute('xml:space', 'preserve')
      t.appendChild(commentsDoc.createTextNode(line))
      r.appendChild(t)
      p.appendChild(r)
      node.appendChild(p)
    }
    commentsDoc.documentElement.appendChild(node)
    return id
  }

  let anchored = 0
  const unanchored: Comment[] = []
  for (const comment of comments) {
    const spot = comment.quote ? findSentence(texts, comment.quote) : undefined
    if (!spot) {
      unanchored.push(comment)
      continue
    }
    anchor(document, paragraphs[spot.paragraph], spot.start, spot.end, addComment(comment))
    texts[spot.paragraph] = paragraphText(paragraphs[spot.paragraph])
    anchored++
  }
  const titleText = [...(title?.text ?? []), ...unanchored.flatMap((comment) => comment.text)]
  if (titleText.length > 0) {
    const first = texts.findIndex((text) => text.text.trim() !== '')
    if (first !== -1) anchor(document, paragraphs[first], 0, texts[first].text.length, addComment({text: titleText}))
  }

  const serialize = (doc: Document) => new XMLSerializer().serializeToString(doc as never)
  const changed = new Map<string, Buffer>([
    ['word/document.xml', Buffer.from(serialize(document))],
    ['word/comments.xml', Buffer.from(serialize(commentsDoc))]
  ])
  const types = part('[Content_Types].xml')
  if (types && !types.toString('utf8').includes('/word/comments.xml')) {
    const doc = parse(types, '[Content_Types].xml')
    const override = doc.createElementNS(doc.documentElement.namespaceURI, 'Override')
    override.setAttribute('PartName', '/word/comments.xml')
    override.setAttribute('ContentType', commentsType)
    doc.documentElement.appendChild(override)
    changed.set('[Content_Types].xml', Buffer.from(serialize(doc)))
  }
  const relsName = 'word/_rels/document.xml.rels'
  const rels = part(relsName)
  if (rels && !rels.toString('utf8').includes(commentsRelation)) {
    const doc = parse(rels, relsName)
    const list = doc.getElementsByTagName('Relationship')
    const ids = new Set(Array.from({length: list.length}, (_, index) => list.item(index)!.getAttribute('Id')))
    let n = 1
    while (ids.has(`rId${n}`)) n++
    const relation = doc.createElementNS(doc.documentElement.namespaceURI, 'Relationship')
    relation.setAttribute('Id', `rId${n}`)
    relation.setAttribute('Type', commentsRelation)
    relation.setAttribute('Target', 'comments.xml')
    doc.documentElement.appendChild(relation)
    changed.set(relsName, Buffer.from(serialize(doc)))
  }

  const zip = new yazl.ZipFile()
  const written = new Set<string>()
  for (const entry of entries) {
    zip.addBuffer(changed.get(entry.name) ?? entry.data!, entry.name, {mtime: new Date(2000, 0, 1)})
    written.add(entry.name)
  }
  for (const [name, data] of changed) if (!written.has(name)) zip.addBuffer(data, name, {mtime: new Date(2000, 0, 1)})
  zip.end()
  const chunks: Buffer[] = []
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk))
    zip.outputStream.on('end', resolve)
    zip.outputStream.on('error', reject)
  })
  return {docx: Buffer.concat(chunks), anchored, unanchored}
}

function* elements(doc: Document | El, local: string): Iterable<El> {
  const list = doc.getElementsByTagNameNS(W, local)
  for (let index = 0; index < list.length; index++) yield list.item(index)!
}

function ancestor(node: Node, local: string): boolean {
  for (let current = node.parentNode; current; current = current.parentNode) if ((current as El).localName === local && (current as El).namespaceURI === W) return true
  return false
}

interface Piece {
  /** A w:t text node, with the characters of the paragraph it holds. */
  node: Text
  start: number
}

interface ParagraphText {
  text: string
  pieces: Piece[]
}

/** The visible text of a paragraph (deleted text left out), and where each w:t's characters are. */
function paragraphText(paragraph: El): ParagraphText {
  let text = ''
  const pieces: Piece[] = []
  for (const t of elements(paragraph, 't')) {
    if (ancestor(t, 'del') || ancestor(t, 'footnoteReference')) continue
    for (let child = t.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 3) continue
      pieces.push({node: child as Text, start: text.length})
      text += (child as Text).data
    }
  }
  return {text, pieces}
}

/** Quotes, dashes and spaces as the sentence parser and Word may differ on them. */
function fold(text: string): {folded: string; map: number[]} {
  let folded = ''
  const map: number[] = []
  for (let index = 0; index < text.length; index++) {
    let char = text[index]
    if (/\s/.test(char)) {
      if (folded.endsWith(' ')) continue
      char = ' '
    } else if (/[\u2018\u2019\u02bc]/.test(char)) char = "'"
    else if (/[\u201c\u201d]/.test(char)) char = '"'
    folded += char
    map.push(index)
  }
  return {folded, map}
}

function findSentence(texts: ParagraphText[], quote: string): {paragraph: number; start: number; end: number} | undefined {
  const wanted = fold(quote.trim()).folded
  for (let paragraph = 0; paragraph < texts.length; paragraph++) {
    const {folded, map} = fold(texts[paragraph].text)
    const at = folded.indexOf(wanted)
    if (at === -1) continue
    return {paragraph, start: map[at], end: map[at + wanted.length - 1] + 1}
  }
  return undefined
}

/** Mark characters [start, end) of a paragraph as the range of comment `id`. */
function anchor(doc: Document, paragraph: El, start: number, end: number, id: string): void {
  const first = splitAt(doc, paragraph, start)
  const afterEnd = splitAt(doc, paragraph, end)
  const rangeStart = doc.createElementNS(W, 'w:commentRangeStart')
  rangeStart.setAttributeNS(W, 'w:id', id)
  const rangeEnd = doc.createElementNS(W, 'w:commentRangeEnd')
  rangeEnd.setAttributeNS(W, 'w:id', id)
  const reference = doc.createElementNS(W, 'w:r')
  const mark = doc.createElementNS(W, 'w:commentReference')
  mark.setAttributeNS(W, 'w:id', id)
  reference.appendChild(mark)
  insertBefore(paragraph, rangeStart, first)
  insertBefore(paragraph, rangeEnd, afterEnd)
  insertBefore(paragraph, reference, afterEnd)
}

/** Insert a node in the paragraph itself, before the top-level child that holds `before` (at the end without one). */
function insertBefore(paragraph: El, node: Node, before: Node | undefined): void {
  let target = before
  while (target && target.parentNode !== paragraph) target = target.parentNode ?? undefined
  if (target) paragraph.insertBefore(node, target)
  else paragraph.appendChild(node)
}

/**
 * Make character `offset` of the paragraph fall between two runs, splitting
 * the run (and its w:t) that holds it; returns the run that starts there.
 */
function splitAt(doc: Document, paragraph: El, offset: number): Node | undefined {
  const {pieces} = paragraphText(paragraph)
  const piece = pieces.find((p) => offset >= p.start && offset < p.start + p.node.data.length)
  if (!piece) return undefined
  const t = piece.node.parentNode as El
  const run = t.parentNode as El
  const within = offset - piece.start
  if (within === 0 && t === firstText(run)) return topLevel(paragraph, run)
  // The run's own formatting goes with the second half.
  const second = run.cloneNode(false) as El
  for (let child = run.firstChild; child; child = child.nextSibling) if ((child as El).localName === 'rPr') second.appendChild(child.cloneNode(true))
  // Everything after the text node moves into the second half.
  const t2 = t.cloneNode(false) as El
  t2.setAttribute('xml:space', 'preserve')
  t.setAttribute('xml:space', 'preserve')
  t2.appendChild(doc.createTextNode(piece.node.data.slice(within)))
  piece.node.data = piece.node.data.slice(0, within)
  second.appendChild(t2)
  let next = t.nextSibling
  while (next) {
    const move = next
    next = next.nextSibling
    second.appendChild(move)
  }
  run.parentNode!.insertBefore(second, run.nextSibling)
  return topLevel(paragraph, second)
}

function firstText(run: El): El | undefined {
  for (let child = run.firstChild; child; child = child.nextSibling) if ((child as El).localName === 't') return child as El
  return undefined
}

/** The child of the paragraph that holds a node (a run, or the hyperlink or insertion around it). */
function topLevel(paragraph: El, node: Node): Node {
  let current: Node = node
  while (current.parentNode && current.parentNode !== paragraph) current = current.parentNode
  return current
}
