// Copies the data files (lexicons, rule data) next to the compiled code, so
// that `dist/` resolves them exactly as `src/` does.
import {cpSync, mkdirSync, readdirSync, statSync} from 'node:fs'
import path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const pattern = /\.(ya?ml|json)$/

function copy(dir) {
  for (const name of readdirSync(path.join(root, dir))) {
    const rel = path.join(dir, name)
    if (statSync(path.join(root, rel)).isDirectory()) copy(rel)
    else if (pattern.test(name)) {
      mkdirSync(path.join(root, 'dist', dir), {recursive: true})
      cpSync(path.join(root, rel), path.join(root, 'dist', rel))
    }
  }
}

copy('src')
copy('rules')
