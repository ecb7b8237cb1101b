/**
 * Code actions for essaylint diagnostics:
 *
 * - a quick fix for each suggestion a finding carries (`expected`), which
 *   replaces the flagged text;
 * - in Markdown, "Disable <rule> for this paragraph", which puts
 *   `<!-- essaylint-ignore-next <rule> -->` on its own line above the
 *   top-level block that holds the finding (a paragraph, or the whole list or
 *   quotation it is in: a comment line inside a list would split the list);
 * - in Markdown, "Disable <rule> for this file", which puts
 *   `<!-- essaylint-disable <rule> -->` on the first line (after front matter).
 *
 * An existing comment of the same kind in that place gets the rule added
 * instead of a second comment. Plain text has no comments, so no disable
 * actions there.
 */

import {CodeActionKind, type CodeAction, type Diagnostic, type TextEdit} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import type {TopBlock} from './lint.js'
import {source} from './diagnostics.js'

/** What the last lint learnt about the document's layout. */
export interface Layout {
  format: 'markdown' | 'text'
  blocks: TopBlock[]
}

const ignoreComment = /^<!--\s*essaylint-ignore-next\b(.*?)-->\s*$/
const disableComment = /^<!--\s*essaylint-disable\b(.*?)-->\s*$/
const ruleId = /^[a-z][a-z0-9-]*$/

export function codeActions(document: TextDocument, diagnostics: unknown, layout: Layout | undefined): CodeAction[] {
  const actions: CodeAction[] = []
  const titles = new Set<string>()
  const add = (action: CodeAction) => {
    if (titles.has(action.title)) return
    titles.add(action.title)
    actions.push(action)
  }
  if (!Array.isArray(diagnostics)) return actions

  for (const diagnostic of diagnostics as Diagnostic[]) {
    if (!isDiagnostic(diagnostic) || diagnostic.source !== source || typeof diagnostic.code !== 'string' || !ruleId.test(diagnostic.code)) continue
    const rule = diagnostic.code

    const data = diagnostic.data as {expected?: unknown} | undefined
    const expected = data && typeof data === 'object' && Array.isArray(data.expected) ? data.expected.filter((e): e is string => typeof e === 'string') : []
    const actual = document.getText(diagnostic.range)
    const empty = diagnostic.range.start.line === diagnostic.range.end.line && diagnostic.range.start.character === diagnostic.range.end.character
    for (const replacement of expected) {
      const title = replacement === '' ? `Remove “${actual}”` : empty ? `Insert “${replacement}”` : `Replace “${actual}” with “${replacement}”`
      add({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: expected.length === 1 ? true : undefined,
        edit: {changes: {[document.uri]: [{range: diagnostic.range, newText: replacement}]}}
      })
    }

    const fix = (data as {fix?: {title?: unknown; text?: unknown; line?: unknown; column?: unknown}} | undefined)?.fix
    if (fix && typeof fix.title === 'string' && typeof fix.text === 'string' && Number.isInteger(fix.line) && Number.isInteger(fix.column)) {
      const at = {line: (fix.line as number) - 1, character: (fix.column as number) - 1}
      add({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: {changes: {[document.uri]: [{range: {start: at, end: at}, newText: fix.text}]}}
      })
    }

    if (layout?.format !== 'markdown') continue
    const block = layout.blocks.find((b) => b.startLine <= diagnostic.range.start.line && diagnostic.range.start.line <= b.endLine)
    if (block && block.type !== 'yaml' && block.type !== 'toml') {
      add({
        title: `Disable ${rule} for this paragraph`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: {changes: {[document.uri]: [commentEdit(document, block.startLine, rule, 'essaylint-ignore-next', ignoreComment, true)]}}
      })
    }
    const first = layout.blocks[0]
    const top = first && (first.type === 'yaml' || first.type === 'toml') ? first.endLine + 1 : 0
    add({
      title: `Disable ${rule} for this file`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: {changes: {[document.uri]: [commentEdit(document, top, rule, 'essaylint-disable', disableComment, false)]}}
    })
  }
  return actions
}

/**
 * Insert `<!-- verb rule -->` as its own line at `line`, or add the rule to
 * such a comment already there (on the line above for ignore-next, which must
 * sit right before its block; on the line itself for disable).
 */
function commentEdit(document: TextDocument, line: number, rule: string, verb: string, pattern: RegExp, above: boolean): TextEdit {
  const existingLine = above ? line - 1 : line
  if (existingLine >= 0 && existingLine < document.lineCount) {
    const text = lineText(document, existingLine)
    const found = pattern.exec(text.trim())
    if (found) {
      const rules = found[1].trim().split(/\s+/).filter(Boolean)
      // An existing comment without rules already covers every rule.
      if (rules.length > 0 && !rules.includes(rule)) {
        const start = {line: existingLine, character: 0}
        return {range: {start, end: {line: existingLine, character: text.length}}, newText: `<!-- ${verb} ${[...rules, rule].join(' ')} -->`}
      }
    }
  }
  const at = {line: Math.min(line, document.lineCount - 1), character: 0}
  const newline = /\r\n/.test(document.getText()) ? '\r\n' : '\n'
  return {range: {start: at, end: at}, newText: `<!-- ${verb} ${rule} -->${newline}`}
}

function lineText(document: TextDocument, line: number): string {
  return document.getText({start: {line, character: 0}, end: {line: line + 1, character: 0}}).replace(/\r?\n$|\r$/, '')
}

function isDiagnostic(value: unknown): value is Diagnostic {
  if (!value || typeof value !== 'object') return false
  const range = (value as Diagnostic).range
  return Boolean(range && isPosition(range.start) && isPosition(range.end))
}

function isPosition(value: unknown): boolean {
  return Boolean(value && typeof value === 'object' && Number.isInteger((value as {line: unknown}).line) && Number.isInteger((value as {character: unknown}).character))
}
