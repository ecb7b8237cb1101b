/** Command-line arguments: parsed with node:util's parseArgs, checked in plain words. */

import {parseArgs} from 'node:util'
import bytes from 'bytes'
import type {Severity} from '../rule.js'
import {rules} from '../rules.js'
import {parseShard, type Shard} from '../grade/shards.js'

export interface CliOptions {
  files: string[]
  format: string
  config?: string
  noConfig: boolean
  rules: Record<string, Severity>
  maxWarnings: number
  quiet: boolean
  output?: string
  stdinFilename?: string
  listRules: boolean
  version: boolean
  help: boolean
  color?: boolean
  /** `grade` only: a rubric file, and the score below which the run fails. */
  rubric?: string
  minScore?: number
  /** `grade --annotate DIR`: write each Word essay's annotated copy into this folder. */
  annotate?: string
  /** `grade` only: grade this share of the listed essays (src/grade/shards.ts), or merge shards' JSON reports. */
  shard?: Shard
  merge: boolean
  /** Worker processes for many essays: a number, or undefined for one per core. */
  concurrency?: number
  /** Files larger than this many bytes are refused with one line (default 2 MB). */
  maxFileSize?: number
  /** `--print-text FILE`: print the text essaylint lints for FILE (for a document, the text it extracted). */
  printText?: string
  // ESLint's conventions (src/cli/conventions.ts and the modules it names).
  /** `--print-config FILE`: print the config used for FILE and exit. */
  printConfig?: string
  /** `--ext`: the extensions linted in folders (without dots), instead of the default ones. */
  extensions?: string[]
  /** `--ignore-path`: an ignore file used instead of `.essaylintignore`. */
  ignorePath?: string
  /** `--ignore-pattern` (repeatable): gitignore patterns to skip, on top of the ignore file. */
  ignorePatterns: string[]
  /** `--cache` and `--cache-location`. */
  cache: boolean
  cacheLocation?: string
  /** `--init` (and `--yes` for the defaults without questions). */
  init: boolean
  yes: boolean
  /** `--watch`: lint again whenever an essay or config changes. */
  watch: boolean
}

export class UsageError extends Error {}

export {helpText} from './help-text.js'

const severities = ['off', 'info', 'warn', 'error']

export function readArgs(argv: string[]): CliOptions {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: {type: 'string', short: 'f'},
        config: {type: 'string', short: 'c'},
        'no-config': {type: 'boolean'},
        rule: {type: 'string', multiple: true},
        'max-warnings': {type: 'string'},
        quiet: {type: 'boolean'},
        output: {type: 'string', short: 'o'},
        'stdin-filename': {type: 'string'},
        'list-rules': {type: 'boolean'},
        color: {type: 'boolean'},
        'no-color': {type: 'boolean'},
        rubric: {type: 'string'},
        concurrency: {type: 'string'},
        'max-file-size': {type: 'string'},
        'min-score': {type: 'string'},
        annotate: {type: 'string'},
        shard: {type: 'string'},
        merge: {type: 'boolean'},
        'print-text': {type: 'string'},
        'print-config': {type: 'string'},
        ext: {type: 'string', multiple: true},
        'ignore-path': {type: 'string'},
        'ignore-pattern': {type: 'string', multiple: true},
        cache: {type: 'boolean'},
        'cache-location': {type: 'string'},
        init: {type: 'boolean'},
        yes: {type: 'boolean', short: 'y'},
        watch: {type: 'boolean'},
        version: {type: 'boolean', short: 'v'},
        help: {type: 'boolean', short: 'h'}
      }
    })
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0].replace(/\. To specify.*$/, '').replace(/\.$/, ''))
  }
  const {values, positionals} = parsed
  const overrides: Record<string, Severity> = {}
  for (const entry of values.rule ?? []) {
    const [id, severity] = entry.split('=')
    if (!id || !severity) throw new UsageError(`--rule expects <id>=<severity>, got "${entry}"`)
    if (!Object.hasOwn(rules, id)) throw new UsageError(`--rule: unknown rule "${id}" (known rules: ${Object.keys(rules).join(', ')})`)
    if (!severities.includes(severity)) throw new UsageError(`--rule: invalid severity "${severity}" for "${id}" (expected off, info, warn or error)`)
    overrides[id] = severity as Severity
  }
  let maxWarnings = Number.POSITIVE_INFINITY
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings'])
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
      throw new UsageError(`--max-warnings expects a whole number, got "${values['max-warnings']}"`)
    }
  }
  let minScore: number | undefined
  if (values['min-score'] !== undefined) {
    minScore = Number(values['min-score'])
    if (!Number.isFinite(minScore)) throw new UsageError(`--min-score expects a number, got "${values['min-score']}"`)
  }
  let shard: Shard | undefined
  if (values.shard !== undefined) {
    const parsed = parseShard(values.shard)
    if (typeof parsed === 'string') throw new UsageError(parsed)
    shard = parsed
  }
  if (shard && values.merge) throw new UsageError('--shard and --merge cannot be used together: grade each shard, then merge their reports')
  if (values.merge && values.rubric !== undefined) throw new UsageError('--merge takes the scores as the shards were graded: give --rubric to each shard, not to --merge')
  let concurrency: number | undefined
  if (values.concurrency !== undefined && values.concurrency !== 'auto') {
    concurrency = Number(values.concurrency)
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency expects a whole number of workers or "auto", got "${values.concurrency}"`)
  }
  let maxFileSize: number | undefined
  if (values['max-file-size'] !== undefined) {
    // bytes: "5MB", "800kB", "1.5 mb" or a plain number of bytes (1 kB = 1,024 bytes).
    const parsed = /^\s*\d+(?:\.\d+)?\s*(?:b|kb|mb|gb)?\s*$/i.test(values['max-file-size']) ? bytes.parse(values['max-file-size']) : null
    if (parsed === null || !Number.isFinite(parsed) || parsed < 1) throw new UsageError(`--max-file-size expects a size such as 5MB, 800kB or 100000, got "${values['max-file-size']}"`)
    maxFileSize = Math.floor(parsed)
  }
  if (values.annotate !== undefined && values.annotate.trim() === '') throw new UsageError('--annotate expects a folder for the annotated copies, e.g. --annotate feedback')
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config cannot be used together')
  let extensions: string[] | undefined
  if (values.ext !== undefined) {
    extensions = values.ext.flatMap((list) => list.split(',')).map((ext) => ext.trim().replace(/^\./, '').toLowerCase())
    const bad = extensions.find((ext) => !/^[a-z\d][\w-]*$/.test(ext))
    if (bad !== undefined) throw new UsageError(`--ext expects extensions such as .md,.txt, got "${values.ext.join(',')}"`)
  }
  return {
    files: positionals,
    format: values.format ?? 'stylish',
    config: values.config,
    noConfig: values['no-config'] ?? false,
    rules: overrides,
    maxWarnings,
    quiet: values.quiet ?? false,
    output: values.output,
    stdinFilename: values['stdin-filename'],
    listRules: values['list-rules'] ?? false,
    version: values.version ?? false,
    help: values.help ?? false,
    color: values['no-color'] ? false : values.color,
    rubric: values.rubric,
    minScore,
    annotate: values.annotate,
    shard,
    merge: values.merge ?? false,
    concurrency,
    maxFileSize,
    printText: values['print-text'],
    printConfig: values['print-config'],
    extensions,
    ignorePath: values['ignore-path'],
    ignorePatterns: values['ignore-pattern'] ?? [],
    cache: values.cache ?? false,
    cacheLocation: values['cache-location'],
    init: values.init ?? false,
    yes: values.yes ?? false,
    watch: values.watch ?? false
  }
}
