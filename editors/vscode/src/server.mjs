// The language server as the extension carries it: one esbuild bundle
// (scripts/build-vscode.mjs) of essaylint's server with compromise inside.
// essaylint loads compromise through createRequire, which a bundle cannot
// follow; it first looks for the copy a process was given on this global
// (src/argument/tagging.ts), so the bundle puts it there before the server
// starts.
import nlp from 'compromise/two'

globalThis[Symbol.for('essaylint.compromise')] = nlp
const {startServer} = await import('../../../dist/src/server/index.js')
// An editor should keep its linter through one bad essay: report the failure
// on stderr (the extension's output channel) and keep serving.
const report = (error) => process.stderr.write(`essaylint-language-server: internal error: ${error && error.stack ? error.stack : error}\n`)
process.on('uncaughtException', report)
process.on('unhandledRejection', report)
startServer()
