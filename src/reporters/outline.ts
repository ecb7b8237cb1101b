/**
 * `essaylint outline`: the argument structure of each essay — its thesis,
 * then per paragraph its claims and what supports each, then the coverage of
 * perspectives, sovereignty and ethics. Text for people, JSON for machines.
 */

import type {VFile} from 'vfile'
import {argumentOf, type SentenceArgument} from '../model/argument.js'
import {coverageOf} from '../model/coverage.js'
import type {EssayModel} from '../model/types.js'
import '../data-map.js'
import {visible} from '../escape.js'

export interface OutlineSentence {
  text: string
  line: number
  column: number
  endLine: number
  endColumn: number
  role: SentenceArgument['role']
  supported?: boolean
  support?: Array<{kind: string; text: string}>
}

export interface Outline {
  path: string
  thesis: OutlineSentence | null
  paragraphs: Array<{line: number; sentences: OutlineSentence[]}>
  concepts: Record<string, {label: string; status: 'absent' | 'named' | 'applied'; lines: number[]}>
}

export function outlineOf(file: VFile, path: string): Outline {
  const model = file.data.essay as EssayModel
  const argument = argumentOf(model)
  const toSentence = (index: number): OutlineSentence => {
    const sentence = model.sentences[index]
    const item = argument.sentences[index]
    const result: OutlineSentence = {
      text: sentence.text,
      line: sentence.range.start.line,
      column: sentence.range.start.column,
      endLine: sentence.range.end.line,
      endColumn: sentence.range.end.column,
      role: item.role
    }
    if (item.role === 'claim' || item.role === 'thesis') {
      result.supported = item.supported
      result.support = item.support.map((s) => ({kind: s.kind, text: s.text}))
    }
    return result
  }
  const paragraphs = model.paragraphs
    .filter((p) => p.kind === 'paragraph' || p.kind === 'list-item')
    .map((p) => ({line: p.range.start.line, sentences: p.sentences.map(toSentence)}))
  const concepts: Outline['concepts'] = {}
  for (const concept of Object.values(file.data.concepts ?? {})) {
    const coverage = coverageOf(model, concept.id, undefined, concept.group === 'perspective')
    if (concept.optional && coverage.status === 'absent') continue
    concepts[concept.id] = {label: concept.label, status: coverage.status, lines: coverage.lines}
  }
  return {path, thesis: argument.thesis.length > 0 ? toSentence(argument.thesis[0]) : null, paragraphs, concepts}
}

const quote = (text: string, words = 10) => {
  const parts = text.replace(/\s+/g, ' ').split(' ')
  return `"${visible(parts.slice(0, words).join(' '))}${parts.length > words ? '…' : ''}"`
}

export function outlineText(outlines: Outline[]): string {
  const lines: string[] = []
  for (const outline of outlines) {
    lines.push(visible(outline.path))
    lines.push(outline.thesis ? `  Thesis (line ${outline.thesis.line}): ${quote(outline.thesis.text, 16)}` : '  Thesis: none found — state your position in the introduction ("This essay argues that…")')
    for (const paragraph of outline.paragraphs) {
      const claims = paragraph.sentences.filter((s) => s.role === 'claim')
      if (claims.length === 0) continue
      lines.push(`  ¶ line ${paragraph.line}`)
      for (const claim of claims) {
        const support = claim.support && claim.support.length > 0 ? claim.support.map((s) => `${s.kind}: ${visible(s.text)}`).join('; ') : 'no support'
        lines.push(`    ${claim.supported ? '✔' : '✘'} ${quote(claim.text)} — ${support}`)
      }
    }
    lines.push('  Coverage')
    const width = Math.max(...Object.values(outline.concepts).map((c) => c.label.length))
    for (const concept of Object.values(outline.concepts)) {
      const where = concept.lines.length > 0 ? ` (line${concept.lines.length > 1 ? 's' : ''} ${concept.lines.slice(0, 6).join(', ')}${concept.lines.length > 6 ? ', …' : ''})` : ''
      lines.push(`    ${concept.label.padEnd(width)}  ${concept.status}${concept.status === 'absent' ? '' : where}`)
    }
    lines.push('')
  }
  return lines.join('\n')
}
