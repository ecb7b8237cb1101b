/** What the build writes next to the compiled code (`npm test` builds first). */

import {readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'

const lexicons = new URL('../src/lexicons/', import.meta.url)
const built = new URL('../dist/src/lexicons/', import.meta.url)

describe('build', () => {
  it('writes the JSON of every YAML lexicon, equal to the YAML it comes from', () => {
    const names = readdirSync(lexicons).filter((name) => name.endsWith('.yaml'))
    expect(names.length).toBeGreaterThanOrEqual(3)
    for (const name of names) {
      const json = JSON.parse(readFileSync(new URL(`${name}.json`, built), 'utf8'))
      expect(json, name).toEqual(parse(readFileSync(new URL(name, lexicons), 'utf8')))
    }
  })
})
