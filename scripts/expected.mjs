// Prints what a rule example produces, in the `.expected` format, so a
// maintainer can review it before saving: node scripts/expected.mjs <rule> <file>
import {readFileSync} from 'node:fs'
import {lint, rules} from '../dist/src/index.js'

const [id, file] = process.argv.slice(2)
const all = Object.keys(rules)
const config = {rules: Object.fromEntries(all.map((r) => [r, r === id ? 'warn' : 'off']))}
const result = await lint(readFileSync(file, 'utf8'), {path: file, config})
for (const m of result.messages) {
  const p = m.place
  console.log(`${p.start.line}:${p.start.column}-${p.end.line}:${p.end.column} ${m.ruleId} ${m.reason}`)
}
