// Writes the V8 code cache of the CLI's script (src/cli/cached-script.ts)
// after linting the given sample essay with it, so that the cache holds the
// functions a lint run compiles, not only the script's top level. Run by
// scripts/bundle.mjs in a Node of its own, with no V8 flags: V8 accepts a
// cache only from the same version and flags.
import {writeFileSync} from 'node:fs'
import path from 'node:path'
import {Writable} from 'node:stream'
import {cacheFile, cacheFileContents, loadCliScript} from '../dist/src/cli/cached-script.js'

const sample = process.argv[2]
const {main, script} = loadCliScript({cache: false})
const sink = new Writable({write: (_chunk, _encoding, done) => done()})
const code = await main(['--no-config', sample], {stdin: process.stdin, stdout: sink, stderr: sink, cwd: path.dirname(sample)})
if (code > 1) throw new Error(`the sample run ended with exit code ${code}`)
writeFileSync(cacheFile, cacheFileContents(script.createCachedData()))
