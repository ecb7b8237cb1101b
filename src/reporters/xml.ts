/**
 * The two XML reports CI servers read (Jenkins, GitLab, Azure DevOps …),
 * in ESLint's shapes:
 *   junit       one <testsuite> per essay, one failing <testcase> per finding
 *               (an essay without findings is one passing test case);
 *   checkstyle  one <file> per essay, one <error> per finding.
 * xmlbuilder2 writes them: escaping, and characters XML cannot hold (control
 * characters pasted into an essay) dropped.
 */

import {create} from 'xmlbuilder2'
import type {ReportInput} from './index.js'
import {toJsonResult, type JsonMessage} from './json.js'

const document = () => create({version: '1.0', encoding: 'utf-8', invalidCharReplacement: ''})
const where = (m: JsonMessage) => `line ${m.line}, col ${m.column}, ${m.severity[0].toUpperCase()}${m.severity.slice(1)} - ${m.message} (${m.ruleId})`

export function junitReport({files}: ReportInput): string {
  const root = document().ele('testsuites')
  for (const {file, path} of files) {
    const result = toJsonResult(file, path)
    const failures = result.errorCount + result.warningCount
    const suite = root.ele('testsuite', {package: 'essaylint', time: '0', tests: String(Math.max(1, result.messages.length)), errors: String(result.errorCount), failures: String(failures), name: path})
    const classname = path.replace(/\.[^./\\]+$/, '')
    if (result.messages.length === 0) suite.ele('testcase', {time: '0', name: 'essaylint', classname})
    for (const m of result.messages) {
      const test = suite.ele('testcase', {time: '0', name: `essaylint.${m.ruleId}`, classname})
      // Info findings are advice: reported, but not failures.
      const kind = m.severity === 'error' ? 'error' : m.severity === 'warning' ? 'failure' : 'system-out'
      if (kind === 'system-out') test.ele(kind).txt(where(m))
      else test.ele(kind, {message: m.message, type: m.severity}).dat(where(m).replace(/]]>/g, ']] >'))
    }
  }
  return root.end({prettyPrint: true}) + '\n'
}

export function checkstyleReport({files}: ReportInput): string {
  const root = document().ele('checkstyle', {version: '4.3'})
  for (const {file, path} of files) {
    const entry = root.ele('file', {name: path})
    for (const m of toJsonResult(file, path).messages) {
      entry.ele('error', {line: String(m.line), column: String(m.column), severity: m.severity, message: `${m.message} (${m.ruleId})`, source: `essaylint.rules.${m.ruleId}`})
    }
  }
  return root.end({prettyPrint: true}) + '\n'
}
