// esbuild options shared by every ES-module bundle for Node (scripts/bundle.mjs,
// scripts/build-vscode.mjs).
export const nodeModuleBundle = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS dependencies (debug, …) call require: give the bundle one.
  banner: {js: "import {createRequire as __essaylintRequire} from 'node:module'; const require = __essaylintRequire(import.meta.url);"},
  logLevel: 'warning',
  legalComments: 'none'
}

// The CLI's process runs its bundle as one classic script (src/cli/cached-script.ts),
// which V8 can cache compiled: CommonJS, wrapped in a function that the loader
// calls with the module's variables, the bundle's URL and an `import()`
// (a script run through node:vm has none of its own on Node 20).
export const nodeScriptBundle = {
  ...nodeModuleBundle,
  format: 'cjs',
  banner: {js: "(function (exports, require, module, __filename, __dirname, __essaylintUrl, __essaylintImport) {"},
  footer: {js: '})'},
  define: {'import.meta.url': '__essaylintUrl'}
}
