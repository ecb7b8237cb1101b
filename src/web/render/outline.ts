/**
 * The argument outline as a collapsible tree: the thesis, then each body
 * paragraph with its claims, each marked supported or not, with what
 * supports it. Built on <details>, so it folds without script and prints open.
 */

import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {Outline, OutlineSentence} from '../../reporters/outline.js'

const shorten = (text: string, words = 14) => {
  const parts = text.replace(/\s+/g, ' ').trim().split(' ')
  return parts.slice(0, words).join(' ') + (parts.length > words ? '…' : '')
}

/** Where a claim's sentence is highlighted in the text, if a finding marks it. */
export type ClaimLink = (claim: OutlineSentence) => string | undefined

function claimItem(claim: OutlineSentence, link: ClaimLink): Element {
  const support = claim.support ?? []
  const href = link(claim)
  const quote = h('q', shorten(claim.text))
  const children: ElementContent[] = [
    h('span', {className: ['claim-mark']}, claim.supported ? '✔' : '✘'),
    h('span', {className: ['visually-hidden']}, claim.supported ? 'Supported claim: ' : 'Unsupported claim: '),
    href ? h('a', {href, className: ['claim-link']}, quote) : quote
  ]
  if (support.length > 0) children.push(h('ul', {className: ['support']}, support.map((s) => h('li', [h('span', {className: ['support-kind']}, s.kind), ' ', shorten(s.text, 10)]))))
  else children.push(h('p', {className: ['support', 'support-none']}, 'nothing supports it yet'))
  return h('li', {className: ['claim', claim.supported ? 'claim-supported' : 'claim-unsupported'], dataLine: String(claim.line)}, children)
}

export function outlineTree(outline: Outline, link: ClaimLink = () => undefined): Element {
  const thesis = outline.thesis
    ? h('p', {className: ['thesis']}, [h('strong', 'Thesis '), h('span', {className: ['outline-line']}, `(line ${outline.thesis.line}) `), h('q', shorten(outline.thesis.text, 30))])
    : h('p', {className: ['thesis', 'thesis-missing']}, [h('strong', 'No thesis found. '), 'State your position in the introduction ("This essay argues that…").'])
  const paragraphs = outline.paragraphs
    .map((p) => ({line: p.line, claims: p.sentences.filter((s) => s.role === 'claim')}))
    .filter((p) => p.claims.length > 0)
    .map((p, i) => {
      const supported = p.claims.filter((c) => c.supported).length
      return h('li', [
        h('details', {open: true}, [
          h('summary', [`Paragraph ${i + 1} `, h('span', {className: ['outline-line']}, `(line ${p.line})`), ` — ${supported} of ${p.claims.length} claim${p.claims.length === 1 ? '' : 's'} supported`]),
          h('ul', {className: ['claims']}, p.claims.map((claim) => claimItem(claim, link)))
        ])
      ])
    })
  return h('div', {className: ['outline']}, [thesis, paragraphs.length > 0 ? h('ol', {className: ['outline-paragraphs']}, paragraphs) : h('p', 'No claims found in the body paragraphs.')])
}
