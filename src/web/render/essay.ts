/**
 * One essay as both pages show it: the text with its highlights and the
 * findings list beside the score, the argument outline and the coverage
 * chart. Its parts are sections without a name of their own, not landmarks:
 * a class report has one set per essay. Pure: an EssayView in, an HTML string out; every piece of essay text
 * and every path goes through hast-util-to-html, which escapes it.
 */

import type {Element} from 'hast'
import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import type {EssayView} from '../view.js'
import {coverageTree} from './coverage.js'
import {essayTextTree, markId} from './essay-text.js'
import {findingsTree} from './findings.js'
import {outlineTree, type ClaimLink} from './outline.js'
import {scoreTree} from './score.js'

export interface EssayRenderOptions {
  /** Prefix of every id in this essay (unique on the page); default "essay". */
  idPrefix?: string
  /** Level of the essay's section headings (its parts are one below). */
  headingLevel?: 2 | 3
}

export function essayBodyTree(view: EssayView, options: EssayRenderOptions = {}): Element {
  const prefix = options.idPrefix ?? 'essay'
  const level = options.headingLevel ?? 2
  const heading = (text: string, id: string) => h(`h${level}`, {id: `${prefix}-${id}`}, text)
  const counts = {error: 0, warning: 0, info: 0}
  for (const m of view.messages) counts[m.severity]++
  const summary = `${view.messages.length} finding${view.messages.length === 1 ? '' : 's'}` + (view.messages.length > 0 ? ` (${[counts.error && `${counts.error} error${counts.error === 1 ? '' : 's'}`, counts.warning && `${counts.warning} warning${counts.warning === 1 ? '' : 's'}`, counts.info && `${counts.info} hint${counts.info === 1 ? '' : 's'}`].filter(Boolean).join(', ')})` : '')
  const side = [
    ...(view.grade ? [h('section', {className: ['panel']}, [heading('Rubric score', 'score'), scoreTree(view.grade)])] : []),
    h('section', {className: ['panel']}, [heading('Argument outline', 'outline'), outlineTree(view.outline, claimLink(view, prefix))]),
    h('section', {className: ['panel']}, [heading('Coverage', 'coverage'), coverageTree(view.outline.concepts)])
  ]
  return h('div', {className: ['essay'], dataEssay: prefix}, [
    h('div', {className: ['essay-main']}, [
      h('section', {className: ['panel']}, [heading('Your essay', 'text'), h('p', {className: ['essay-summary']}, summary), essayTextTree(view.text, view.messages, {idPrefix: prefix, headingLevel: level})]),
      h('section', {className: ['findings-section']}, [heading('Findings', 'findings'), findingsTree(view.messages, prefix)])
    ]),
    h('div', {className: ['essay-side']}, side)
  ])
}

/** An outline claim links to the finding that starts on its sentence (an unsupported claim's mark). */
function claimLink(view: EssayView, prefix: string): ClaimLink {
  return (claim) => {
    const index = view.messages.findIndex((m) => m.line === claim.line && m.column === claim.column)
    return index === -1 ? undefined : `#${markId(prefix, index)}`
  }
}

/** The essay's HTML: text with highlights, findings, score, outline and coverage. */
export function renderEssay(view: EssayView, options: EssayRenderOptions = {}): string {
  return toHtml(essayBodyTree(view, options))
}
