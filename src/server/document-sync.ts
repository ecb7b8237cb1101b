/**
 * Incremental document changes, checked before they are applied. The
 * textdocument package applies whatever it is given: a range with
 * `start.line: "x"` inserted the text again (the document doubled), an end
 * before its start deleted text, and a version older than the document's
 * was taken. A change that is not valid is rejected whole: the document
 * keeps its text, and is marked out of step with the editor's until the
 * editor sends the whole text again (or reopens it), so no diagnostic is
 * ever placed on text the editor does not show.
 */

import type {TextDocumentContentChangeEvent} from 'vscode-languageserver'
import {TextDocument} from 'vscode-languageserver-textdocument'

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0

const isPosition = (value: unknown): value is {line: number; character: number} =>
  typeof value === 'object' && value !== null && isCount((value as {line?: unknown}).line) && isCount((value as {character?: unknown}).character)

/** What is wrong with these changes to this document at this version; undefined when they can be applied. */
export function changeProblem(document: TextDocument, changes: unknown, version: unknown): string | undefined {
  if (!Number.isInteger(version)) return 'the change has no version number'
  if ((version as number) <= document.version) return `version ${String(version)} is not newer than the document's version ${document.version}`
  if (!Array.isArray(changes)) return 'the changes are not a list'
  for (const change of changes as unknown[]) {
    if (typeof change !== 'object' || change === null || typeof (change as {text?: unknown}).text !== 'string') return 'a change has no text'
    if (!('range' in change) || (change as {range?: unknown}).range === undefined) continue
    const range = (change as {range?: {start?: unknown; end?: unknown}}).range
    if (!range || !isPosition(range.start) || !isPosition(range.end)) return 'a change has a range whose positions are not line and character counts'
    const {start, end} = range as {start: {line: number; character: number}; end: {line: number; character: number}}
    if (end.line < start.line || (end.line === start.line && end.character < start.character)) return 'a change has a range that ends before it starts'
  }
  return undefined
}

/** Whether the changes replace the whole text (a full-document change): that brings a document back in step. */
export const replacesWholeText = (changes: TextDocumentContentChangeEvent[]) => changes.some((change) => !('range' in change) || change.range === undefined)

/**
 * The `TextDocuments` configuration: create as usual; update only with valid
 * changes, telling `rejected` (uri and problem) otherwise and keeping the text.
 */
export function checkedDocuments(rejected: (uri: string, problem: string) => void, resynced: (uri: string) => void) {
  return {
    create: TextDocument.create,
    update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
      const problem = changeProblem(document, changes, version)
      if (problem) {
        rejected(document.uri, problem)
        return document
      }
      if (replacesWholeText(changes)) resynced(document.uri)
      return TextDocument.update(document, changes, version)
    }
  }
}
