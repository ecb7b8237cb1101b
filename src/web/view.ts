/**
 * What the pages show of one essay, as plain data: its text, its findings
 * (the JSON report's messages), its argument outline and, in a class report,
 * its grade. The CLI makes it from a linted file, the playground's worker
 * makes it in the browser; the renderer (./render/) only reads it, so the two
 * pages cannot disagree.
 */

import type {VFile} from 'vfile'
import type {Grade} from '../grade/score.js'
import {toJsonMessage, type JsonMessage} from '../reporters/json.js'
import {outlineOf, type Outline} from '../reporters/outline.js'

export interface EssayView {
  path: string
  /** The essay as read (the positions of the messages point into it). */
  text: string
  messages: JsonMessage[]
  outline: Outline
  grade?: Grade
}

/** The view of a linted file whose essay model is still on `file.data`. */
export function essayView(file: VFile, path: string, grade?: Grade): EssayView {
  const messages = file.messages.map(toJsonMessage).sort((a, b) => a.line - b.line || a.column - b.column)
  const view: EssayView = {path, text: String(file.value), messages, outline: outlineOf(file, path)}
  if (grade) view.grade = grade
  return view
}
