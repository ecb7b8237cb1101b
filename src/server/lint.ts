/**
 * Linting one open document the way the CLI lints a file: unified-engine
 * with the same config names and hooks (`engineConfig`), so config files,
 * `package.json#essaylint` and `.essaylintignore` are found exactly as the CLI
 * finds them. The text comes from the editor, not from disk.
 */

import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import {engine, type Context} from 'unified-engine'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {engineConfig, extensions, silentRun} from '../engine-options.js'
import {parseProblem} from '../config/parse-problem.js'
import {baseProcessor} from '../pipeline.js'
import type {Settings} from './settings.js'

/** A top-level block of the Markdown tree, by 0-based line: where inline comments can go. */
export interface TopBlock {
  type: string
  startLine: number
  endLine: number
}

declare module 'vfile' {
  interface DataMap {
    /** Top-level blocks of the document (language server only). */
    topBlocks: TopBlock[]
  }
}

export interface LintInput {
  uri: string
  languageId: string
  text: string
  /** Workspace folders, as paths. */
  folders: string[]
  settings: Settings
}

export interface LintResult {
  /** The document is ignored (`.essaylintignore`) or not an essay: no diagnostics. */
  skipped: boolean
  messages: VFileMessage[]
  format: 'markdown' | 'text'
  blocks: TopBlock[]
  /** A problem with the editor settings (an unknown rule in `essaylint.rules`). */
  settingsProblem?: string
}

const markdownLanguages = new Set(['markdown', 'mdx'])
const textLanguages = new Set(['plaintext', 'text'])

/** Records where the top-level blocks are, for the "disable" code actions. */
const recordBlocks: Plugin<[], Root> = function () {
  return function (tree, file) {
    file.data.topBlocks = tree.children.map((node) => ({
      type: node.type,
      startLine: (node.position?.start.line ?? 1) - 1,
      endLine: (node.position?.end.line ?? 1) - 1
    }))
  }
}

let processor: ReturnType<typeof baseProcessor> | undefined

/** Whether essaylint checks this document at all. */
export function isEssay(uri: string, languageId: string): boolean {
  if (markdownLanguages.has(languageId) || textLanguages.has(languageId)) return true
  const extension = path.extname(uriPath(uri) ?? '').slice(1).toLowerCase()
  return extensions.includes(extension)
}

/**
 * Where the document lives, for config discovery, and which folder is its
 * workspace. Plain-text documents are read as `.txt` (paragraphs are blank-line
 * blocks, headings are short lines) whatever their file is called; documents
 * that are not files yet (`untitled:`) are placed in the workspace folder.
 */
export function locate(uri: string, languageId: string, folders: string[]): {path: string; cwd: string} {
  const text = textLanguages.has(languageId)
  const file = uriPath(uri)
  let filePath: string
  if (file) {
    filePath = file
    if (text && path.extname(filePath).toLowerCase() !== '.txt') filePath += '.txt'
  } else {
    filePath = path.join(folders[0] ?? process.cwd(), `untitled.${text ? 'txt' : 'md'}`)
  }
  const folder = folders
    .filter((f) => filePath === f || filePath.startsWith(f.endsWith(path.sep) ? f : f + path.sep))
    .sort((a, b) => b.length - a.length)[0]
  return {path: filePath, cwd: folder ?? path.dirname(filePath)}
}

export function uriPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined
  try {
    return fileURLToPath(uri)
  } catch {
    return undefined
  }
}

export function lintDocument(input: LintInput): Promise<LintResult> {
  const {path: filePath, cwd} = locate(input.uri, input.languageId, input.folders)
  const format = path.extname(filePath).toLowerCase() === '.txt' ? 'text' : 'markdown'
  const config = engineConfig({cwd, rules: input.settings.rules, rcPath: input.settings.config})
  const file = new VFile({path: filePath, value: input.text, cwd})
  const shared = (processor ??= baseProcessor({}, {incremental: true}).use(recordBlocks))
  return new Promise((resolve) => {
    engine(
      {
        ...silentRun(),
        processor: shared,
        files: [file],
        extensions,
        cwd,
        ...config.options,
        detectConfig: input.settings.config === undefined,
        rcPath: input.settings.config === undefined ? undefined : path.resolve(cwd, input.settings.config)
      },
      (error: Error | undefined, _code?: number, context?: Context) => {
        // An engine error (not a file's own) is still worth showing on the file.
        if (error) file.message(error).fatal = true
        const linted = Boolean(error) || (context?.files ?? []).includes(file)
        resolve({
          skipped: !linted,
          messages: linted ? file.messages : [],
          format,
          blocks: file.data.topBlocks ?? [],
          settingsProblem: config.problem
        })
      }
    )
  })
}

/**
 * The sentence to show for a fatal message without a rule: an input or config
 * problem. The engine wraps the real error ("Cannot process file", cause:
 * ...); the innermost cause is what the student needs. Returns undefined for
 * an empty document, which is not worth a diagnostic in an editor.
 */
export function describeFailure(message: VFileMessage): string | undefined {
  let error: unknown = message
  const chain: string[] = []
  while (error && typeof error === 'object') {
    const reason = (error as {reason?: string; message?: string}).reason ?? (error as Error).message
    if (reason) chain.push(String(reason).split('\n')[0])
    error = (error as {cause?: unknown}).cause
  }
  const inner = chain.filter((reason) => !/^Cannot process file$/.test(reason))
  const configError = inner.find((reason) => /^\S+(?::\d+)?: /.test(reason) && /config|rule|concept|preset|extends|key/i.test(reason))
  if (configError) return `essaylint config: ${configError}`
  // "Cannot read given file `x`" / "Cannot parse file `x`": a config file that is missing or broken.
  const unreadable = inner.findIndex((reason) => /^Cannot (?:read|parse|import|load) (?:given )?file `[^`]+`/.test(reason))
  if (unreadable !== -1) {
    const name = /`([^`]+)`/.exec(inner[unreadable])![1]
    const cause = inner[unreadable + 1]
    // The parser's words about the syntax, never the config's own bytes (src/config/parse-problem.ts).
    const why = cause && /parse/.test(inner[unreadable]) ? parseProblem(new Error(cause)).problem : cause
    return `essaylint config: ${name}: cannot ${/read/.test(inner[unreadable]) ? 'read' : 'load'} this config file${why ? ` (${why})` : ''}`
  }
  const text = inner[inner.length - 1] ?? message.reason
  if (/^file is empty/.test(text)) return undefined
  return text
}
