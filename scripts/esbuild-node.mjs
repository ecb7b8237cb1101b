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
