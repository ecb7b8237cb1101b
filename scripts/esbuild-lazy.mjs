// An esbuild plugin for the CLI's bundle (scripts/bundle.mjs): packages that
// an ordinary run never calls are loaded when first called, not at every start.
// A module in an ES bundle is compiled and evaluated when the bundle loads,
// whether or not anything calls it; these made up two thirds of the bundle's
// code (3 MB), and Node spent a good part of every start compiling them.
//
// - yaml: a YAML config, rubric or vocabulary given by the user (the built-in
//   vocabularies are read as JSON). Its parse is synchronous, so the bundle
//   requires it from node_modules on the first call.
// - xmlbuilder2 (with its DOM and its YAML reader): the junit and checkstyle
//   formats only; the same.
// - iconv-lite: a .txt that is not UTF-8 (Windows-1252), a zip's CP437 names.
// - ajv: a config that gives a rule options (src/rule-options.ts); its class
//   is made on the first `new`.
// - load-plugin (with npm's config loader, semver, glob and more): unified-engine
//   resolves plugins and reporters by name with it, which essaylint never
//   gives it; its functions are asynchronous, so it stays in the bundle, in a
//   chunk of its own that is imported on the first call.
const required = {
  yaml: ['parse'],
  xmlbuilder2: ['create'],
  ajv: ['new Ajv'],
  'iconv-lite': ['decode']
}
const imported = {
  'load-plugin': ['loadPlugin', 'resolvePlugin']
}

const names = [...Object.keys(required), ...Object.keys(imported)]
const filter = new RegExp(`^(?:${names.map((name) => name.replace(/[-/]/g, '\\$&')).join('|')})$`)

function facade(name) {
  if (name in required) {
    const load = `let loaded; const load = () => (loaded ??= createRequire(import.meta.url)(${JSON.stringify(name)}));`
    const names = required[name].map((fn) => fn.replace(/^new /, ''))
    const exports = required[name].map((fn) =>
      fn.startsWith('new ')
        ? `export class ${fn.slice(4)} { constructor(...args) { return new (load().${fn.slice(4)})(...args) } }`
        : `export const ${fn} = (...args) => load().${fn}(...args);`
    )
    return [`import {createRequire} from 'node:module';`, load, ...exports, `export default {${names.join(', ')}};`].join('\n')
  }
  const exports = imported[name].map((fn) => `export const ${fn} = async (...args) => (await import(${JSON.stringify(name)})).${fn}(...args);`)
  return [...exports, `export default {${imported[name].join(', ')}};`].join('\n')
}

export const lazyPackages = {
  name: 'lazy-packages',
  setup(build) {
    build.onResolve({filter}, (args) => {
      // The facade's own import of the package is the real one.
      if (args.namespace === 'lazy-package') return args.path in required ? {path: args.path, external: true} : undefined
      return {path: args.path, namespace: 'lazy-package', pluginData: {resolveDir: args.resolveDir}}
    })
    build.onLoad({filter: /.*/, namespace: 'lazy-package'}, (args) => ({contents: facade(args.path), loader: 'js', resolveDir: args.pluginData.resolveDir}))
  }
}
