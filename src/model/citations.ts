/**
 * Citation and quotation finders. Citation formats are syntax, not domain
 * vocabulary, so they live here as a handful of bounded, linear patterns
 * (no nested quantifiers): APA/Harvard/Chicago author-date "(Fortna, 2008)",
 * narrative "Fortna (2008)", MLA author-page "(Fortna 45)", numbered "[3]",
 * footnote markers "[^1]" and "¹", UN documents "S/RES/2098 (2013)".
 * Markdown footnote references and links are taken from the syntax tree by
 * the model builder instead.
 */

import {allMatches} from '../all-matches.js'
import type {CitationKind} from './types.js'

export interface FoundSpan {
  kind: CitationKind
  text: string
  /** Offsets relative to the scanned text. */
  start: number
  end: number
}

const year = String.raw`(?:1[6-9]\d\d|20\d\d)[a-z]?|n\.d\.`
const yearOnly = new RegExp(String.raw`^(?:${year})(?:\s*[,:]\s*(?:pp?\.\s*)?\d+(?:\s*[-–]\s*\d+)?)?$`)
const hasYear = new RegExp(String.raw`(?:^|[\s,(])(?:${year})(?=$|[\s,;:)])`)
const capitalised = /\p{Lu}[\p{L}'’-]+/u
// MLA: one to four capitalised words (a person or an organisation), then a page.
const authorPage = /^(?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’-]+(?:\s+(?:et al\.|and|&)(?:\s+\p{Lu}[\p{L}'’-]+)?)?,?\s+(?:pp?\.\s*)?\d{1,4}(?:\s*[-–]\s*\d{1,4})?$/u
const sameSource = /^(?:ibid|ibidem|op\.\s?cit|id)\.?(?:\s*[,:]\s*(?:pp?\.\s*)?\d{1,4}(?:\s*[-–]\s*\d{1,4})?)?$/i
const parenthetical = /\(([^()\n]{1,200})\)/g
const nameBefore = /(\p{Lu}[\p{L}'’-]+(?:\s+(?:et al\.|and|&)(?:\s+\p{Lu}[\p{L}'’-]+)?)?)(?:'s|’s)?\s*$/u
// Capitalised words that stand before a year in brackets without being authors.
const notAuthors = new Set(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'In', 'Since', 'By', 'Until', 'During', 'After', 'Before', 'From', 'Of', 'The', 'This', 'That', 'Spring', 'Summer', 'Autumn', 'Winter'])
const documentBefore = /(?:resolutions?\s+\d{2,4}|S\/RES\/\d+|A\/RES\/[\d/]+)\s*$/i
const numbered = /\[(\d{1,3}(?:\s*[-–,]\s*\d{1,3})*)\]/g
const footnoteMarker = /\[\^[^\]\s]{1,20}\]|[\u00B9\u00B2\u00B3\u2070-\u2079]+/g
const documentSymbol = /\b(?:S\/RES\/\d{2,4}|A\/RES\/\d{1,3}\/\d{1,4}|S\/\d{4}\/\d{1,4}|A\/\d{2}\/\d{1,4}|resolutions?\s+\d{3,4}(?:\s*\(\d{4}\))?)/gi
/** Longest quoted passage, in characters. */
const maxQuotation = 1500

export function findCitations(text: string): FoundSpan[] {
  const spans: FoundSpan[] = []
  // Most sentences cite nothing: a character search rules a pattern out
  // before the pattern runs.
  if (text.includes('(')) for (const match of allMatches(parenthetical, text)) {
    const inner = match[1].trim()
    const start = match.index!
    const end = start + match[0].length
    const before = text.slice(Math.max(0, start - 60), start)
    if (yearOnly.test(inner)) {
      if (documentBefore.test(before)) continue // counted as a document below
      const name = nameBefore.exec(before)
      if (name && !notAuthors.has(name[1].split(/\s/)[0])) {
        spans.push({kind: 'narrative', text: name[1] + ' ' + match[0], start: start - (before.length - name.index!), end})
      }
      continue
    }
    if (authorPage.test(inner)) {
      spans.push({kind: 'author-page', text: match[0], start, end})
      continue
    }
    // "(ibid.)", "(Ibid., 45)", "(op. cit., p. 3)": the source cited just before.
    if (sameSource.test(inner)) {
      spans.push({kind: 'author-page', text: match[0], start, end})
      continue
    }
    if (capitalised.test(inner) && hasYear.test(inner)) {
      spans.push({kind: 'author-date', text: match[0], start, end})
    }
  }
  if (text.includes('[')) for (const match of allMatches(numbered, text)) {
    spans.push({kind: 'numbered', text: match[0], start: match.index!, end: match.index! + match[0].length})
  }
  for (const match of allMatches(footnoteMarker, text)) {
    spans.push({kind: 'footnote', text: match[0], start: match.index!, end: match.index! + match[0].length})
  }
  for (const match of allMatches(documentSymbol, text)) {
    spans.push({kind: 'document', text: match[0], start: match.index!, end: match.index! + match[0].length})
  }
  return spans.sort((a, b) => a.start - b.start)
}

/**
 * Quoted passages of at least three words ("scare quotes" around one word are
 * not quotations): “…” or "…", on one line, of 1 to 1,500 characters. The
 * same spans as the pattern /“([^”\n]{1,1500})”|"([^"\n]{1,1500})"/g, found
 * in one pass: each opening mark looks up where its passage would end
 * (the next closing mark or line break), and those look-ups only move
 * forward, so a line full of unclosed quotes costs linear time, not 1,500
 * steps per mark.
 */
export function findQuotations(text: string): Array<{text: string; start: number; end: number}> {
  const found: Array<{text: string; start: number; end: number}> = []
  // Next “”-passage end (”, or a line break) and next ""-passage end (", or a line break) after a position.
  let curlyEnd = -1
  let straightEnd = -1
  const next = (from: number, close: string) => {
    let at = from
    while (at < text.length && text[at] !== close && text[at] !== '\n') at++
    return at
  }
  let index = 0
  while (index < text.length) {
    const mark = text[index]
    if (mark !== '“' && mark !== '"') {
      index++
      continue
    }
    let end: number
    if (mark === '“') {
      if (curlyEnd <= index) curlyEnd = next(index + 1, '”')
      end = curlyEnd
    } else {
      if (straightEnd <= index) straightEnd = next(index + 1, '"')
      end = straightEnd
    }
    const length = end - index - 1
    if (end < text.length && text[end] === (mark === '“' ? '”' : '"') && length >= 1 && length <= maxQuotation) {
      const inner = text.slice(index + 1, end)
      if (inner.trim().split(/\s+/).length >= 3) found.push({text: inner, start: index, end: end + 1})
      index = end + 1
    } else {
      index++
    }
  }
  return found
}
