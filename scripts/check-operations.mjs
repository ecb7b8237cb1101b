// Validates src/lexicons/operations.json, the mission data the mission-facts
// rule checks essays against (and that perspective-coverage and
// unsupported-claim use to recognise missions):
//   node scripts/check-operations.mjs        prints each problem, exits 1 if any
// Every operation has an acronym, a name, aliases, a location, whole-number
// start and end years (end null while it runs, never before start), a leader,
// and ISO 3166-1 alpha-2 country codes; a UN-led one cites the UN's published
// list (peacekeeping.un.org) as its source. Acronyms are unique.
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const keys = new Set(['acronym', 'name', 'aliases', 'location', 'start', 'end', 'led', 'countries', 'source'])

/** ISO 3166-1 alpha-2 codes (from i18n-iso-countries, the package the rule reads country names from). */
export function isoCodes() {
  const require = createRequire(import.meta.url)
  return new Set(require('i18n-iso-countries/codes.json').map(([alpha2]) => alpha2))
}

export function checkOperations(data, codes = isoCodes(), thisYear = new Date().getUTCFullYear()) {
  const problems = []
  if (!Array.isArray(data)) return ['the file must hold an array of operations']
  const seen = new Map()
  data.forEach((op, index) => {
    const at = `operation ${index + 1}${typeof op?.acronym === 'string' ? ` (${op.acronym})` : ''}`
    if (op === null || typeof op !== 'object') return problems.push(`${at}: not an object`)
    for (const key of Object.keys(op)) if (!keys.has(key)) problems.push(`${at}: unknown key "${key}"`)
    for (const key of ['acronym', 'name', 'led']) if (typeof op[key] !== 'string' || op[key].trim() === '') problems.push(`${at}: "${key}" must be a non-empty string`)
    if (typeof op.location !== 'string' && op.location !== null) problems.push(`${at}: "location" must be a string or null`)
    if (!Array.isArray(op.aliases) || op.aliases.some((a) => typeof a !== 'string' || a.trim() === '')) problems.push(`${at}: "aliases" must be a list of names`)
    if (!Number.isInteger(op.start) || op.start < 1945 || op.start > thisYear) problems.push(`${at}: "start" must be a year from 1945 to ${thisYear}`)
    if (op.end !== null && (!Number.isInteger(op.end) || op.end < op.start || op.end > thisYear)) problems.push(`${at}: "end" must be null (still running) or a year from its start to ${thisYear}`)
    if (!Array.isArray(op.countries) || op.countries.length === 0) problems.push(`${at}: "countries" must list at least one ISO 3166-1 alpha-2 code`)
    else for (const code of op.countries) if (!codes.has(code)) problems.push(`${at}: "${code}" is not an ISO 3166-1 alpha-2 code`)
    if (op.led === 'UN' && !(typeof op.source === 'string' && /^https:\/\/peacekeeping\.un\.org\//.test(op.source))) problems.push(`${at}: a UN-led operation needs a "source" on peacekeeping.un.org`)
    if (op.source !== undefined && !(typeof op.source === 'string' && /^https:\/\/\S+$/.test(op.source))) problems.push(`${at}: "source" must be an https address`)
    if (op.led === 'UN' && typeof op.source === 'string' && op.source.endsWith('/where-we-operate') !== (op.end === null)) problems.push(`${at}: a running UN operation cites the current list, an ended one the list of past operations`)
    if (typeof op.acronym === 'string') {
      if (seen.has(op.acronym)) problems.push(`${at}: acronym "${op.acronym}" is also operation ${seen.get(op.acronym) + 1}`)
      seen.set(op.acronym, index)
    }
  })
  return problems
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = path.join(root, 'src', 'lexicons', 'operations.json')
  const problems = checkOperations(JSON.parse(readFileSync(file, 'utf8')))
  for (const problem of problems) console.error(`${path.relative(root, file)}: ${problem}`)
  if (problems.length === 0) console.log(`${path.relative(root, file)}: ok`)
  process.exitCode = problems.length > 0 ? 1 : 0
}
