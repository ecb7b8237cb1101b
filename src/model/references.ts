/**
 * The essay's reference list and footnote definitions, read once by the
 * model builder: each entry of a References / Bibliography / Works Cited /
 * Notes section (a block, or a line of a block that holds several), with the
 * names that head it, the years it gives and its number; each Markdown
 * footnote definition with its label. The citation-reference rule reads them;
 * nothing else re-reads the list.
 */

import type {Structure} from './blocks.js'
import type {EssayModel, Range, ReferenceEntry} from './types.js'

const yearPattern = /(?<![\p{L}\p{N}/.-])(?:1[5-9]\d\d|20\d\d)[a-z]?(?![\p{N}])|\bn\.\s?d\.?/giu
const webAddress = /(?:https?:\/\/|www\.)\S+/gi
const markdownLink = /\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*\)/g
const numberLabel = /^\s*(?:\[(\d{1,3})\]|(\d{1,3})[.)])\s+/
// The head of an entry ends at its year, at its title (italics or quotation
// marks) or at its first full stop after a word of three letters or more.
const headEnd = /[(*_“"]|(?:1[5-9]\d\d|20\d\d)|\bn\.\s?d\.|(?<=\p{L}{3,})\.\s/u
// Exactly two authors, as APA/Harvard ("Gettleman, J., & Kron, J."), MLA/Chicago
// ("Doyle, Michael W., and Nicholas Sambanis") or plainly ("Doyle and Sambanis") write them.
const twoAuthors = [
  /^\p{Lu}[\p{L}'’-]+,\s+(?:\p{Lu}\.[\s-]?)+,?\s+(?:&|and)\s+\p{Lu}[\p{L}'’-]+,\s+(?:\p{Lu}\.[\s-]?)+$/u,
  /^\p{Lu}[\p{L}'’-]+,\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}\.)?,?\s+and\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}\.)?\s+\p{Lu}[\p{L}'’-]+\.?$/u,
  /^\p{Lu}[\p{L}'’-]+\s+(?:and|&)\s+\p{Lu}[\p{L}'’-]+$/u
]
const listNumber = /^\s*(\d{1,3})[.)]\s+$/
const accessed = /\b(?:accessed|retrieved|viewed|consulted)\b[^.]*/gi
const nameWord = /\p{Lu}[\p{L}'’-]*\p{L}|\p{Lu}{2,}/gu

export function readReferences(model: EssayModel, structure: Structure, source: string, toRange: (start: number, end: number) => Range): void {
  const noteAt = (offset: number) => structure.notes.find((n) => n.start <= offset && offset < n.end)
  for (const note of structure.notes) {
    const paragraph = model.paragraphs.find((p) => note.start <= p.range.start.offset && p.range.end.offset <= note.end)
    const text = source.slice(note.start, note.end).replace(/^\[\^[^\]]*\]:\s*/, '')
    model.notes.push({label: note.label, paragraph: paragraph?.index ?? -1, text, range: toRange(note.start, note.end)})
    // A note that gives a source in full (Chicago notes) is an entry too, cited by its marker.
    const entry = readEntry(text.split(/\r\n?|\n/)[0])
    if (entry && !entry.bare && entry.names.length > 0 && entry.years.length > 0) {
      model.references.push({index: model.references.length, paragraph: paragraph?.index ?? -1, text: text.split(/\r\n?|\n/)[0].trim(), range: toRange(note.start, note.end), ...entry, note: note.label})
    }
  }
  for (const paragraph of model.paragraphs) {
    if (paragraph.kind !== 'reference') continue
    // A footnote definition under a "References" heading is a note, read above.
    if (noteAt(paragraph.range.start.offset)) continue
    const start = paragraph.range.start.offset
    const block = source.slice(start, paragraph.range.end.offset)
    // A numbered list item's number is its marker, before the paragraph: "3. Fortna, V. P. …".
    const marker = listNumber.exec(source.slice(Math.max(source.lastIndexOf('\n', start - 1), source.lastIndexOf('\r', start - 1)) + 1, start))?.[1]
    // Entries pasted as lines of one paragraph are one entry a line.
    let at = 0
    for (const [line, ending] of linesOf(block)) {
      const lineStart = start + at
      at += line.length + ending
      const entry = readEntry(line)
      if (!entry) continue
      if (entry.label === undefined && marker !== undefined && lineStart === start) entry.label = marker
      model.references.push({
        index: model.references.length,
        paragraph: paragraph.index,
        text: line.trim(),
        range: toRange(lineStart, lineStart + line.length),
        ...entry
      })
    }
  }
  // In document order: notes were read first.
  model.references.sort((a, b) => a.range.start.offset - b.range.start.offset)
  model.references.forEach((entry, index) => (entry.index = index))
}

/** The lines of a block with the length of the line ending after each (LF, CRLF or CR files alike). */
function linesOf(block: string): Array<[string, number]> {
  const lines: Array<[string, number]> = []
  for (const match of block.matchAll(/([^\r\n]*)(\r\n|\r|\n|$)/g)) {
    if (match[0] === '') break
    lines.push([match[1], match[2].length])
  }
  return lines
}

/** What an entry says about its source, or undefined when the line is no entry (a note to the reader, a blank line). */
export function readEntry(line: string): Omit<ReferenceEntry, 'index' | 'paragraph' | 'text' | 'range'> | undefined {
  const number = numberLabel.exec(line)
  let text = number ? line.slice(number[0].length) : line
  text = text.replace(/^\s*(?:[-*+]\s+)?/, '')
  // A linked title keeps its words; the address itself names nobody.
  const plain = text.replace(markdownLink, (_all, words: string) => (/^(?:https?:|www\.)/i.test(words) ? ' ' : words)).replace(webAddress, ' ')
  // The year a web page was read is not the year of the source.
  const dated = plain.replace(accessed, ' ')
  const years = [...dated.matchAll(yearPattern)].map((m) => m[0].replace(/\s/g, '').toLowerCase())
  const hasAddress = webAddress.test(text)
  webAddress.lastIndex = 0
  if (plain.replace(/[\s\p{P}]/gu, '') === '') return hasAddress ? {label: number?.[1] ?? number?.[2], names: [], years: [], authors: 0, bare: true} : undefined
  const cut = headEnd.exec(plain)
  let head = cut ? plain.slice(0, cut.index) : plain
  // No author: the title heads the entry ("*Cambodia—Vietnamese Occupation*. (n.d.)").
  if (head.trim() === '') head = /^\s*[*_“"]+([^*_”"]+)/.exec(plain)?.[1] ?? ''
  const names = [...head.matchAll(nameWord)].map((m) => m[0]).filter((w) => !/^(?:And|The|Of|In|Et|Al|Ed|Eds|See)$/.test(w))
  // An entry gives a year, "n.d." or an address, and someone (or a title) to cite.
  // "Dam, Kenneth W. “Ensuring Peace…”": an author, then a title in quotation marks or italics.
  const titled = /^[^"“*_]{2,80}[.,]\s*[“"*_]/.test(text)
  if (years.length === 0 && !hasAddress && !(titled && names.length > 0)) return undefined
  // "Gettleman, J., & Kron, J." names two authors, as does "Doyle and Sambanis".
  const groups = head.match(/\p{Lu}[\p{L}'’-]+,\s+(?:\p{Lu}\.[\s-]?)+/gu)?.length ?? 0
  const authors = twoAuthors.some((pattern) => pattern.test(head.trim())) ? 2 : groups >= 2 ? groups : /\s(?:and|&)\s/.test(head) ? 3 : 1
  return {label: number?.[1] ?? number?.[2], names, years, authors, bare: false}
}

/** One source named in an in-text citation ("Paris 2004: 86" in "(see Paris 2004: 86; Doyle and Sambanis, 2006)"). */
export interface CitedSource {
  /** Index into `model.citations`. */
  citation: number
  /** The part of the citation that names it, as written. */
  text: string
  /** Capitalised words of the first author (or body). */
  names: string[]
  /** How many authors it names ("et al." counts as three). */
  authors: number
  etAl: boolean
  year: string | undefined
  /** "ibid.", "op. cit.": the source cited just before. */
  same: boolean
}

const months = new Set(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Spring', 'Summer', 'Autumn', 'Fall', 'Winter'])
const sameSource = /^(?:ibid|ibidem|op\.\s?cit|id)\b/i
const citedYear = /(?:1[5-9]\d\d|20\d\d)[a-z]?|n\.\s?d\./
const memo = new WeakMap<EssayModel, CitedSource[]>()

/** The sources that the essay's author–date, narrative and MLA citations name, in document order. */
export function citedSources(model: EssayModel): CitedSource[] {
  let found = memo.get(model)
  if (found) return found
  found = []
  model.citations.forEach((citation, index) => {
    if (citation.kind !== 'author-date' && citation.kind !== 'narrative' && citation.kind !== 'author-page') return
    const inner = citation.kind === 'narrative' ? citation.text.replace(/\s*\(([^()]*)\)\s*$/, ', $1') : citation.text.replace(/^\(|\)$/g, '')
    for (const raw of inner.split(';')) {
      const part = raw.trim().replace(/^(?:see also|see|e\.g\.,?|cf\.|quoted in|as cited in|in)\s+/i, '')
      if (sameSource.test(part)) {
        found!.push({citation: index, text: part, names: [], authors: 0, etAl: false, year: undefined, same: true})
        continue
      }
      const year = citedYear.exec(part)
      const who = (year ? part.slice(0, year.index) : part.replace(/,?\s*(?:pp?\.\s*)?\d[\d\s–-]*$/, '')).trim().replace(/[,:]$/, '')
      if (/\//.test(who)) continue // a UN document symbol, not an author
      const first = who.split(/\s+(?:and|&)\s+|,\s+|\s+et al\.?/)[0]
      const names = (first.match(nameWord) ?? []).filter((w) => !months.has(w) && !/^(?:And|Et|Al|See|Pp?)$/.test(w))
      if (names.length === 0) continue
      const etAl = /\bet al\b/.test(who)
      const authors = etAl ? 3 : who.split(/\s+(?:and|&)\s+|,\s+/).filter((w) => /\p{Lu}/u.test(w)).length
      found!.push({citation: index, text: part, names, authors, etAl, year: year?.[0].replace(/\s/g, '').toLowerCase(), same: false})
    }
  })
  memo.set(model, found)
  return found
}

// An entry's names as sameName reads them, made once per entry: every citation is checked against every entry.
const entryNames = new WeakMap<ReferenceEntry, {lower: Set<string>; initials: string}>()

/** Whether an entry is the source a citation names (by a shared name word, or the body's acronym). */
export function sameName(entry: ReferenceEntry, source: CitedSource): boolean {
  let names = entryNames.get(entry)
  if (!names) {
    names = {lower: new Set(entry.names.map((n) => n.toLowerCase())), initials: entry.names.map((n) => n[0]).join('')}
    entryNames.set(entry, names)
  }
  const {lower, initials} = names
  if (source.names.some((name) => lower.has(name.toLowerCase()))) return true
  // "(ICISS, 2001)" for the International Commission on Intervention and State Sovereignty.
  return source.names.some((name) => /^\p{Lu}{3,}$/u.test(name) && initials.includes(name))
}

/** "2004" and "2004a" are the same year when one of them has no letter. */
export function sameYear(listed: string, cited: string): boolean {
  if (listed === cited) return true
  const plain = (y: string) => y.replace(/[a-z]$/, '')
  return plain(listed) === plain(cited) && (listed.length === 4 || cited.length === 4)
}
