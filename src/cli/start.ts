/**
 * The entry of the CLI's bundle (scripts/bundle.mjs). `essaylint --version`
 * and `essaylint --help` are answered before the pipeline is loaded: loading
 * it took most of their time. bin/essaylint.js asks `answerEarly` before it
 * loads the bundle at all. Anything else goes to src/cli/main.ts.
 */

import {readFileSync} from 'node:fs'
import {helpText} from './help-text.js'
import type {Io} from './main.js'

export type {Io}

/** The exit code of `--version` or `--help`, answered; undefined for any other command. */
export function answerEarly(argv: string[], io: Io): number | undefined {
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) return io.stdout.write(helpText), 0
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    const packageJson = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {version: string}
    return io.stdout.write(packageJson.version + '\n'), 0
  }
  return undefined
}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  return answerEarly(argv, io) ?? (await import('./main.js')).main(argv, io)
}
