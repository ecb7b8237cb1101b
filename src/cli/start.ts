/**
 * The entry of the CLI's bundle (scripts/bundle.mjs). `essaylint --version`
 * and `essaylint --help` are answered before the pipeline is loaded: loading
 * it took most of their time. Anything else goes to src/cli/main.ts.
 */

import {readFileSync} from 'node:fs'
import {helpText} from './help-text.js'
import type {Io} from './main.js'

export type {Io}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) return io.stdout.write(helpText), 0
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    const packageJson = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {version: string}
    return io.stdout.write(packageJson.version + '\n'), 0
  }
  return (await import('./main.js')).main(argv, io)
}
