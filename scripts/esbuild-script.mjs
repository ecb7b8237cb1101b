// An esbuild plugin for the CLI's script bundle (scripts/bundle.mjs): the
// `import()` of a package left out of the bundle (the ES-only document readers'
// pdfjs-dist and mammoth) or of a computed specifier (a custom reporter's file;
// a plugin unified-engine would load by name) goes to the importer the loader hands the script (src/cli/cached-script.ts).
// A script run through node:vm cannot `import()` on Node 20 without
// --experimental-vm-modules; imports of the project's own modules and bundled
// packages are bundled and stay as they are.
import {readFile} from 'node:fs/promises'

const outside = /\bimport\((?=\s*(?:['"](?:pdfjs-dist|mammoth)\b|[^'"\s]))/g

export const importThroughLoader = {
  name: 'import-through-loader',
  setup(build) {
    build.onLoad({filter: /[\\/](?:dist[\\/]src|node_modules[\\/](?:unified-engine|load-plugin))[\\/].*\.js$/}, async (args) => {
      const text = await readFile(args.path, 'utf8')
      const contents = text.replace(outside, '__essaylintImport(')
      return contents === text ? undefined : {contents, loader: 'js'}
    })
  }
}
