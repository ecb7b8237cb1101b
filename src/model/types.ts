/**
 * The essay model: what the analysis step learns about one essay, built once per
 * file and kept on `file.data.essay`. Rules, the outline and the grader read it;
 * none of them re-parse the text.
 *
 * Offsets are UTF-16 indices into the original file; points are 1-based
 * line/column pairs, as unist uses them.
 */

export interface Point {
  line: number
  column: number
  offset: number
}

export interface Range {
  start: Point
  end: Point
}

/** Where a block of text sits in the document. */
export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'blockquote' | 'footnote' | 'reference'

export interface Section {
  index: number
  title: string
  depth: number
  range: Range
  /** True for "References", "Bibliography", "Works Cited"... */
  isReferences: boolean
}

export interface Paragraph {
  index: number
  kind: BlockKind
  range: Range
  /** Index into `sections`, or -1 before the first heading. */
  section: number
  /** Indices into `sentences`. */
  sentences: number[]
}

export type CitationKind = 'author-date' | 'narrative' | 'author-page' | 'numbered' | 'footnote' | 'link' | 'document'

export interface Citation {
  kind: CitationKind
  text: string
  range: Range
  sentence: number
}

export interface Quotation {
  text: string
  range: Range
  sentence: number
}

export type MentionKind = 'name' | 'thinker' | 'term'

export interface Mention {
  concept: string
  kind: MentionKind
  /** The words as written in the essay. */
  text: string
  range: Range
  sentence: number
  paragraph: number
}

export interface Word {
  /** Lower-cased, with typographic apostrophes folded. */
  norm: string
  /** As written. */
  text: string
  start: number
  end: number
  /** 1-based start and end points. */
  line: number
  column: number
  endLine: number
  endColumn: number
}

export interface Sentence {
  index: number
  paragraph: number
  text: string
  range: Range
  words: Word[]
  citations: number[]
  quotations: number[]
  mentions: number[]
  /** Cue words found in the sentence: ties to peacekeeping and markers of reasoning. */
  anchors: string[]
  explanations: string[]
}

/** One entry of the essay's reference list (References, Bibliography, Works Cited, Notes…). */
export interface ReferenceEntry {
  index: number
  /** Index into `paragraphs` of the block it is written in. */
  paragraph: number
  text: string
  range: Range
  /** Its number, when the list is numbered ("[3] …", "3. …"). */
  label: string | undefined
  /** The words that name its authors or body: what stands before its year or its title. */
  names: string[]
  /** Every year it gives ("2004", "2004a", "n.d."). */
  years: string[]
  /** How many authors it names (0 for an entry without one). */
  authors: number
  /** Only a web address: no author, year or title. */
  bare: boolean
  /** The label of the footnote that holds it, for a source given in a note. */
  note?: string
}

/** A Markdown footnote definition ("[^3]: …"). */
export interface Note {
  label: string
  /** Index into `paragraphs` of its first paragraph (-1 when it holds none). */
  paragraph: number
  text: string
  range: Range
}

export interface EssayModel {
  /** `markdown` or `text` (plain `.txt`). */
  format: 'markdown' | 'text'
  wordCount: number
  title: Section | undefined
  sections: Section[]
  paragraphs: Paragraph[]
  sentences: Sentence[]
  citations: Citation[]
  quotations: Quotation[]
  mentions: Mention[]
  /** Reference-list entries, in document order. */
  references: ReferenceEntry[]
  /** Footnote definitions, in document order. */
  notes: Note[]
  /** Tables of figures, in document order. */
  tables: DataTable[]
}

/** A table of figures the essay gives: its header cells and the labels of its rows that hold figures ("Ghana", "Senegal"). */
export interface DataTable {
  range: Range
  section: number
  headers: string[]
  rows: string[]
}

/** Coverage of one concept in one essay. */
export type CoverageStatus = 'absent' | 'named' | 'applied'

export interface Coverage {
  concept: string
  status: CoverageStatus
  /** First place the essay names the concept (label, school or thinker). */
  firstNamed: Mention | undefined
  /** Paragraph indices that apply the concept. */
  appliedIn: number[]
  /** 1-based lines of every mention, in order, without repeats. */
  lines: number[]
}
