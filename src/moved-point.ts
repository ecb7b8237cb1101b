/**
 * A point moved down by whole lines and along by characters: how the
 * incremental parser (mdast) and the block-wise word tree (nlcst) place an
 * unchanged block where it now stands. A block that kept its text and its
 * starting column keeps its columns.
 */

import type {Point} from 'unist'

export function movedPoint(point: Point, lines: number, offset: number): Point {
  return {line: point.line + lines, column: point.column, offset: point.offset! + offset}
}

interface Copied {
  position?: {start: Point; end: Point}
  children?: unknown[]
  data?: unknown
  align?: unknown
}

/**
 * A deep copy of a syntax tree node with every position moved by `lines`
 * and `offset`, made in one walk. Syntax trees hold objects only in
 * `position`, `children`, `data` and a table's `align`; everything else is
 * a string, number or boolean. It takes a fraction of `structuredClone`'s
 * time, and an edit in the language server mostly copies.
 */
export function movedCopy<T extends Copied>(node: T, lines = 0, offset = 0): T {
  const copy = {...node}
  if (node.position) copy.position = {start: movedPoint(node.position.start, lines, offset), end: movedPoint(node.position.end, lines, offset)}
  if (node.children) {
    const children = new Array(node.children.length)
    for (let index = 0; index < children.length; index++) children[index] = movedCopy(node.children[index] as Copied, lines, offset)
    copy.children = children
  }
  if (node.data !== undefined) copy.data = structuredClone(node.data)
  if (node.align !== undefined) copy.align = structuredClone(node.align)
  return copy
}
