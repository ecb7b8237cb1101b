/** Report formats by name. Each turns linted files into the text written to stdout or --output. */

import type {VFile} from 'vfile'
import {jsonReport} from './json.js'
import {githubReport} from './github.js'
import {sarifReport} from './sarif.js'
import {stylishReport} from './stylish.js'

export interface ReportInput {
  files: Array<{file: VFile; path: string}>
  color: boolean
}

export const formats: Record<string, (input: ReportInput) => string> = {
  stylish: ({files, color}) => stylishReport(files, {color}),
  json: ({files}) => jsonReport(files),
  sarif: sarifReport,
  github: githubReport
}
