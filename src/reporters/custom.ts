/**
 * `-f ./formatter.mjs`: a formatter module of the user's, as in ESLint. The
 * module's default export (or the module itself, for CommonJS) is a function
 * that receives the JSON report's results (`[{path, messages, errorCount, …}]`)
 * and a context (`{cwd, rules}` with each rule's metadata) and returns the
 * report text, or a promise of it. Like a `.essaylintrc.js`, it is code that
 * runs: name only formatters you trust.
 */

import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {rules} from '../rules.js'
import type {ReportInput} from './index.js'
import {toJsonResult, type JsonResult} from './json.js'

export type Formatter = (results: JsonResult[], context: {cwd: string; rules: Record<string, {description: string; url: string}>}) => string | Promise<string>

/** Whether a `--format` value names a module rather than a built-in format. */
export const isFormatterPath = (name: string) => /[\\/]/.test(name) || /\.[cm]?js$/.test(name)

export class FormatterError extends Error {}

/** Load a formatter module; a problem is a FormatterError in one line naming the file. */
export async function loadFormatter(name: string, cwd: string): Promise<(input: ReportInput) => Promise<string>> {
  const file = path.resolve(cwd, name)
  let loaded: {default?: unknown}
  try {
    loaded = (await import(pathToFileURL(file).href)) as {default?: unknown}
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new FormatterError(code === 'ERR_MODULE_NOT_FOUND' ? `${name}: formatter not found` : `${name}: the formatter cannot be loaded: ${(error as Error).message.split('\n')[0]}`)
  }
  const format = typeof loaded.default === 'function' ? loaded.default : typeof loaded === 'function' ? loaded : undefined
  if (!format) throw new FormatterError(`${name}: a formatter module must export a function (export default function (results, context) {…})`)
  const context = {cwd, rules: Object.fromEntries(Object.values(rules).map((rule) => [rule.meta.id, {description: rule.meta.description, url: rule.meta.url}]))}
  return async ({files}) => {
    let text: unknown
    try {
      text = await (format as Formatter)(files.map(({file, path}) => toJsonResult(file, path)), context)
    } catch (error) {
      throw new FormatterError(`${name}: the formatter failed: ${(error as Error).message?.split('\n')[0] ?? error}`)
    }
    if (typeof text !== 'string') throw new FormatterError(`${name}: the formatter returned ${text === undefined ? 'nothing' : typeof text}, not the report text`)
    return text && !text.endsWith('\n') ? text + '\n' : text
  }
}
