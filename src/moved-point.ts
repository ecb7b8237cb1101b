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
