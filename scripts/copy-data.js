// Copies the data files (lexicons, rule data) next to the compiled code, so
// that `dist/` resolves them exactly as `src/` does. Each YAML lexicon also
// gets its JSON (`concepts.yaml.json`): a process reads that instead of
// parsing the YAML (about 140 ms saved in every process, workers included).
import {cpSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {parse} from 'yaml'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const pattern = /\.(ya?ml|json)$/

function copy(dir) {
  for (const name of readdirSync(path.join(root, dir))) {
    const rel = path.join(dir, name)
    if (statSync(path.join(root, rel)).isDirectory()) copy(rel)
    else if (pattern.test(name)) {
      mkdirSync(path.join(root, 'dist', dir), {recursive: true})
      cpSync(path.join(root, rel), path.join(root, 'dist', rel))
      if (/\.ya?ml$/.test(name) && rel.startsWith(path.join('src', 'lexicons'))) {
        writeFileSync(path.join(root, 'dist', `${rel}.json`), JSON.stringify(parse(readFileSync(path.join(root, rel), 'utf8'))))
      }
    }
  }
}

copy('src')
copy('rules')
