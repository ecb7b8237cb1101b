// The Action's lint report (scripts/action.sh): reads essaylint's JSON report,
// prints the annotations GitHub will show (src/reporters/action.ts) and
// appends the class summary to the file named by $GITHUB_STEP_SUMMARY.
import {appendFileSync, readFileSync} from 'node:fs'
import {annotations, classSummary} from '../dist/src/reporters/action.js'

const text = readFileSync(process.argv[2], 'utf8')
const results = text.trim() ? JSON.parse(text) : []
const {lines} = annotations(results)
if (lines.length > 0) process.stdout.write(lines.join('\n') + '\n')
if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, classSummary(results))
