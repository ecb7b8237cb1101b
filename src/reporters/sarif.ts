/**
 * SARIF 2.1.0 for code-scanning tools (GitHub code scanning, Azure DevOps):
 * one run, the tool with every rule (help text and docs URL), and one result
 * per finding with its region. Validated by Microsoft's SARIF multitool in
 * the tests.
 */

import {readFileSync} from 'node:fs'
import {rules} from '../rules.js'
import type {ReportInput} from './index.js'
import {severityOf} from './json.js'

const packageJson = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {version: string}
const levels = {error: 'error', warning: 'warning', info: 'note'} as const

const pascal = (id: string) => id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())
const uri = (path: string) => path.split(/[\\/]/).map(encodeURIComponent).join('/')

export function sarifReport({files}: ReportInput): string {
  const ids = Object.keys(rules)
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
  const results = files.flatMap(({file, path}) =>
    file.messages
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
  )
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
        results
      }
    ]
  }
  return JSON.stringify(sarif, null, 2) + '\n'
}
