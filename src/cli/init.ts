/**
 * `essaylint --init`: writes a commented config for a course after asking
 * two questions (which perspectives every essay must apply; drafts or graded
 * submissions), or with `--yes` the defaults without asking. ESLint's
 * `--init` writes a config file; essaylint writes `.essaylintrc.yaml`
 * because JSON has no comments, and a config a course will edit should say
 * what each line does. It never writes over a config that is there.
 */

import {existsSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {createInterface} from 'node:readline/promises'
import type {Readable, Writable} from 'node:stream'
import {defaultConcepts} from '../model/lexicon.js'

export const initFile = '.essaylintrc.yaml'
const configNames = ['.essaylintrc', '.essaylintrc.json', '.essaylintrc.yaml', '.essaylintrc.yml', '.essaylintrc.js', '.essaylintrc.mjs']

export interface InitAnswers {
  perspectives: string[]
  graded: boolean
}

/** The perspectives essaylint knows, and those required unless a course says otherwise. */
function perspectives(): {known: string[]; required: string[]} {
  const concepts = Object.values(defaultConcepts()).filter((c) => c.group === 'perspective')
  return {known: concepts.map((c) => c.id), required: concepts.filter((c) => !c.optional).map((c) => c.id)}
}

export function defaultAnswers(): InitAnswers {
  return {perspectives: perspectives().required, graded: false}
}

/** The config text for these answers, with a comment on every setting. */
export function initConfig(answers: InitAnswers): string {
  const {known} = perspectives()
  return `# essaylint config for this course (written by essaylint --init).
# Every option: https://github.com/essaylint/essaylint#configuration
# Check what an essay gets with: essaylint --print-config essay.md

# ${answers.graded ? 'essaylint:strict — for graded submissions: every rule is an error, and "applied" needs a developed paragraph.' : 'essaylint:recommended — for drafts: findings are warnings, nothing fails.'}
extends: ${answers.graded ? 'essaylint:strict' : 'essaylint:recommended'}

rules:
  # The perspectives every essay must explain and apply to peacekeeping.
  # essaylint knows: ${known.join(', ')}.
  perspective-coverage: [${answers.graded ? "error" : "warn"}, {required: [${answers.perspectives.join(", ")}]${answers.graded ? ", minSentences: 3" : ""}}]
  # Severities are off, info, warn or error; for example, to hide the hints on vague sources:
  # vague-evidence: off

# A course's own vocabulary goes under "concepts", for example:
# concepts:
#   english-school:
#     terms: [international society]
`
}

async function ask(input: Readable, output: Writable): Promise<InitAnswers> {
  const {known, required} = perspectives()
  // Lines are read from an iterator, which keeps the lines that arrive before
  // their question (answers piped in at once); rl.question would drop them.
  const rl = createInterface({input, terminal: false})
  const lines = rl[Symbol.asyncIterator]()
  const question = async (text: string) => {
    output.write(text)
    const next = await lines.next()
    if (next.done) output.write('\n')
    return next.done ? undefined : String(next.value).trim()
  }
  try {
    let chosen: string[] | undefined
    while (!chosen) {
      const answer = await question(`Which perspectives must every essay apply? (${known.join(', ')}) [${required.join(', ')}] `)
      const ids = answer ? answer.split(/[\s,]+/).filter(Boolean) : required
      const unknown = ids.filter((id) => !known.includes(id))
      if (unknown.length === 0) chosen = ids
      else if (answer === undefined) chosen = required
      else output.write(`Unknown perspective${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Choose from: ${known.join(', ')}.\n`)
    }
    const kind = ((await question('Is this config for drafts or for graded submissions? (drafts, graded) [drafts] ')) ?? '').toLowerCase()
    return {perspectives: chosen, graded: kind.startsWith('g')}
  } finally {
    rl.close()
  }
}

/** Runs `--init`; resolves to the exit code. Input that ends before the answers: the defaults for what is left. */
export async function init(io: {stdin: Readable; stdout: Writable; stderr: Writable; cwd: string}, yes: boolean): Promise<number> {
  const existing = configNames.find((name) => existsSync(path.join(io.cwd, name)))
  if (existing) {
    io.stderr.write(`essaylint: ${existing}: a config is already here; edit it, or remove it and run essaylint --init again.\n`)
    return 2
  }
  const answers = yes ? defaultAnswers() : await ask(io.stdin, io.stdout)
  const target = path.join(io.cwd, initFile)
  try {
    writeFileSync(target, initConfig(answers), {flag: 'wx'})
  } catch (error) {
    io.stderr.write(`essaylint: ${initFile}: cannot write the config (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`)
    return 2
  }
  io.stdout.write(`Wrote ${initFile}${answers.graded ? ' (essaylint:strict)' : ''}: perspectives ${answers.perspectives.join(', ')}.\n`)
  return 0
}
