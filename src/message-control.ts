/**
 * Inline control comments (docs/internals/architecture.md, "Inline comments"):
 *
 *   <!-- essaylint-disable unsupported-claim -->   (until enabled again)
 *   <!-- essaylint-enable -->
 *   <!-- essaylint-ignore-next perspective-coverage -->   (the next block only)
 *   <!-- essaylint-disable-next-line unsupported-claim, vague-evidence -->
 *   A claim. <!-- essaylint-disable-line unsupported-claim -->
 *
 * The remark-lint spelling (`<!-- essaylint disable rule -->`) works too.
 * remark-message-control fixes the comment form to `<!--name verb rules-->`,
 * so this plugin uses the two libraries it is made of, unified-message-control
 * and mdast-comment-marker, with a marker that also reads the hyphenated verbs.
 * The two line verbs (ESLint's) are not blocks, which is all
 * unified-message-control knows: they are applied here, by line, after it.
 * A comment that starts with `essaylint` but is no known verb is a warning
 * naming it: a misspelt directive must not silently do nothing.
 */

import type {Html, Nodes, Root} from 'mdast'
import {commentMarker, type Marker} from 'mdast-comment-marker'
import type {Plugin} from 'unified'
import {messageControl as control} from 'unified-message-control'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'

const blockVerbs: Record<string, string> = {disable: 'disable', enable: 'enable', 'ignore-next': 'ignore', ignore: 'ignore'}
const lineVerbs = ['disable-next-line', 'disable-line'] as const
const known = ['disable', 'enable', 'ignore-next', 'disable-line', 'disable-next-line']

/** The rule id of the warning about a comment essaylint cannot follow. */
export const commentRuleId = 'inline-comment'

/** `essaylint-<verb> a, b` or `essaylint <verb> a b`: the verb and the rule ids, or undefined when not ours. */
export function parseDirective(value: string): {verb: string; rules: string[]} | undefined {
  const match = /^<!--\s*essaylint(?:-([\w-]*)|\s+([\w-]+)|(?=\s*-->))([\s\S]*?)-->$/.exec(value.trim())
  if (!match) return undefined
  return {verb: match[1] ?? match[2] ?? '', rules: match[3].split(/[\s,]+/).filter(Boolean)}
}

function marker(node: Nodes): Marker | undefined {
  if (node.type !== 'html') return undefined
  const directive = parseDirective(node.value)
  // Line verbs and unknown verbs are handled below, not as blocks.
  if (!directive || !Object.hasOwn(blockVerbs, directive.verb)) return undefined
  const found = commentMarker(node)
  return {...(found ?? {parameters: {}, node}), name: 'essaylint', attributes: [blockVerbs[directive.verb], ...directive.rules].join(' ')}
}

interface LineDirective {
  line: number
  rules: string[]
}

/** The line directives of the tree; warnings for unknown verbs and rules. */
function lineDirectives(tree: Root, file: VFile, rules: string[]): LineDirective[] {
  const found: LineDirective[] = []
  visit(tree, 'html', (node: Html) => {
    const directive = parseDirective(node.value)
    const place = node.position
    if (!directive || !place) return
    if (!known.includes(directive.verb) && !Object.hasOwn(blockVerbs, directive.verb)) {
      warn(file, `Unknown essaylint comment "essaylint-${directive.verb}": it does nothing. Use essaylint-disable, essaylint-enable, essaylint-ignore-next, essaylint-disable-line or essaylint-disable-next-line.`, node)
      return
    }
    if (!(lineVerbs as readonly string[]).includes(directive.verb)) return
    const unknown = directive.rules.filter((id) => !rules.includes(id))
    for (const id of unknown) warn(file, `"essaylint-${directive.verb}" names an unknown rule "${id}": it does nothing for it. Known rules: ${rules.join(', ')}.`, node)
    const listed = directive.rules.filter((id) => rules.includes(id))
    if (unknown.length > 0 && listed.length === 0) return
    found.push({line: directive.verb === 'disable-line' ? place.start.line : place.end.line + 1, rules: listed})
  })
  return found
}

function warn(file: VFile, reason: string, node: Html): void {
  const message = file.message(reason, {place: node.position, ruleId: commentRuleId, source: 'essaylint'})
  message.fatal = false
}

export const messageControl: Plugin<[{known: string[]}], Root> = function (options) {
  return function (tree, file) {
    // Every control comment is an HTML comment: without one, the two walks
    // over the whole tree (markers, then "gaps") only give a finding without
    // a place line 1, column 1. (A gap is where a node has no position, or
    // after the last node: the parser places every node, and no finding is
    // ever placed after the last one.)
    if (!String(file.value).includes('<!--')) {
      for (const message of file.messages) {
        if (message.source !== 'essaylint') continue
        message.line ||= 1
        message.column ||= 1
      }
      return
    }
    const lines = lineDirectives(tree, file, options.known)
    control(tree, {file, name: 'essaylint', source: 'essaylint', known: options.known, marker: marker as never, test: 'html'})
    if (lines.length === 0) return
    file.messages = file.messages.filter((message) => {
      if (message.source !== 'essaylint' || !message.ruleId || message.ruleId === commentRuleId) return true
      return !lines.some((d) => d.line === message.line && (d.rules.length === 0 || d.rules.includes(message.ruleId!)))
    })
  }
}
