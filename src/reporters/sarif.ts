/**
 * SARIF 2.1.0 for code-scanning tools (GitHub code scanning, Azure DevOps):
 * one run, the tool with every rule (help text and docs URL), and one result
 * per finding with its region. Validated by Microsoft's SARIF multitool in
 * the tests.
 */

import {readFileSync} from 'node:fs'
import type {VFile} from 'vfile'
import {rules} from '../rules.js'
import type {ReportInput} from './index.js'
import {joined, jsonArrayWriter, jsonElement, severityOf} from './json.js'

const packageJson = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {version: string}
const levels = {error: 'error', warning: 'warning', info: 'note'} as const

const pascal = (id: string) => id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())
const uri = (path: string) => path.split(/[\\/]/).map(encodeURIComponent).join('/')
const ids = Object.keys(rules)

export interface SarifResult {
  ruleId: string
  ruleIndex: number
  level: string
  message: {text: string}
  locations: object[]
}

/** One SARIF result per finding of a file that a rule made. */
export function sarifResults(file: VFile, path: string): SarifResult[] {
  return file.messages
    .filter((m) => m.ruleId && ids.includes(m.ruleId))
    .map((m) => {
      const end = m.place && 'end' in m.place ? m.place.end : undefined
      const startLine = m.line ?? 1
      const startColumn = m.column ?? 1
      return {
        ruleId: m.ruleId!,
        ruleIndex: ids.indexOf(m.ruleId!),
        level: levels[severityOf(m)],
        message: {text: m.reason},
        locations: [
          {
            physicalLocation: {
              artifactLocation: {uri: uri(path), uriBaseId: 'SRCROOT'},
              region: {startLine, startColumn, endLine: end?.line ?? startLine, endColumn: end?.column ?? startColumn}
            }
          }
        ]
      }
    })
}


/**
 * The SARIF log written as its results come (a class run writes each file's
 * results once those of the files before it are in): the results array is
 * the last thing in the log, so everything before and after it is known
 * from the start.
 */
export function sarifWriter(write: (piece: string) => void) {
  const driverRules = ids.map((id) => {
    const rule = rules[id]
    return {
      id,
      name: pascal(id),
      shortDescription: {text: rule.meta.description},
      fullDescription: {text: rule.meta.description},
      helpUri: rule.meta.url,
      help: {text: `${rule.meta.description} See ${rule.meta.url}`},
      properties: {tags: ['essay', 'argument']}
    }
  })
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'essaylint',
            version: packageJson.version,
            semanticVersion: packageJson.version,
            informationUri: 'https://github.com/essaylint/essaylint',
            rules: driverRules
          }
        },
        originalUriBaseIds: {SRCROOT: {uri: 'file:///' + process.cwd().replace(/^\//, '').split('/').map(encodeURIComponent).join('/') + '/'}},
        columnKind: 'utf16CodeUnits',
        results: []
      }
    ]
  }
  // The log with no results, cut where its (last) results array stands.
  const empty = JSON.stringify(sarif, null, 2) + '\n'
  const at = empty.lastIndexOf('"results": []') + '"results": '.length
  return jsonArrayWriter(write, {head: empty.slice(0, at), indent: '      ', tail: empty.slice(at + 2)})
}

/** Results as elements of the log's results array (see `jsonElement`). */
export const sarifElements = (results: SarifResult[]): string[] => results.map((result) => jsonElement(result, '        '))

export function sarifReport({files}: ReportInput): string {
  return joined((write) => {
    const writer = sarifWriter(write)
    for (const {file, path} of files) for (const element of sarifElements(sarifResults(file, path))) writer.add(element)
    writer.end()
  })
}
