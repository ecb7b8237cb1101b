/** Report formats by name. Each turns linted files into the text written to stdout or --output. */

import type {VFile} from 'vfile'
import {compactReport, unixReport} from './compact.js'
import {jsonReport} from './json.js'
import {githubReport} from './github.js'
import {sarifReport} from './sarif.js'
import {stylishReport} from './stylish.js'
import {checkstyleReport, junitReport} from './xml.js'

export interface ReportInput {
  files: Array<{file: VFile; path: string}>
  color: boolean
  /** The terminal's width, for the formats that wrap (stylish); undefined: no wrapping. */
  width?: number
}

export const formats: Record<string, (input: ReportInput) => string> = {
  stylish: ({files, color, width}) => stylishReport(files, {color, width}),
  json: ({files}) => jsonReport(files),
  sarif: sarifReport,
  github: githubReport,
  compact: compactReport,
  unix: unixReport,
  junit: junitReport,
  checkstyle: checkstyleReport
}
