/**
 * Inline control comments, as DESIGN.md spells them:
 *
 *   <!-- essaylint-disable unsupported-claim -->   (until enabled again)
 *   <!-- essaylint-enable -->
 *   <!-- essaylint-ignore-next perspective-coverage -->   (the next block only)
 *
 * The remark-lint spelling (`<!-- essaylint disable rule -->`) works too.
 * remark-message-control fixes the comment form to `<!--name verb rules-->`,
 * so this plugin uses the two libraries it is made of, unified-message-control
 * and mdast-comment-marker, with a marker that also reads the hyphenated verbs.
 */

import type {Nodes, Root} from 'mdast'
import {commentMarker, type Marker} from 'mdast-comment-marker'
import type {Plugin} from 'unified'
import {messageControl as control} from 'unified-message-control'

const verbs: Record<string, string> = {disable: 'disable', enable: 'enable', 'ignore-next': 'ignore', ignore: 'ignore'}

function marker(node: Nodes): Marker | undefined {
  const found = commentMarker(node)
  if (!found) return undefined
  const hyphenated = /^essaylint-(disable|enable|ignore-next|ignore)$/.exec(found.name)
  if (!hyphenated) return found
  return {...found, name: 'essaylint', attributes: `${verbs[hyphenated[1]]} ${found.attributes}`.trim()}
}

export const messageControl: Plugin<[{known: string[]}], Root> = function (options) {
  return function (tree, file) {
    // Every control comment is an HTML comment: without one, the two walks
    // over the whole tree (markers, then "gaps") only give a finding without
    // a place line 1, column 1. (A gap is where a node has no position, or
    // after the last node: the parser places every node, and no finding is
    // ever placed after the last one.) The walks were about 2 % of the time
    // on the benchmark essays.
    if (!String(file.value).includes('<!--')) {
      for (const message of file.messages) {
        if (message.source !== 'essaylint') continue
        message.line ||= 1
        message.column ||= 1
      }
      return
    }
    control(tree, {file, name: 'essaylint', source: 'essaylint', known: options.known, marker: marker as never, test: 'html'})
  }
}
