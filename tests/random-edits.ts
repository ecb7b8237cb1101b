/** Random edits for the property tests of the language server's caches: text inserted at a place, some removed after it. */

import fc from 'fast-check'

export interface Edit {
  at: number
  remove: number
  insert: string
}

/** An edit that inserts one of `snippets` and removes up to `maxRemoved` characters. */
export function editOf(snippets: fc.Arbitrary<string>, maxRemoved = 40): fc.Arbitrary<Edit> {
  return fc.record({at: fc.nat(), remove: fc.nat({max: maxRemoved}), insert: snippets})
}

export function applyEdit(doc: string, {at, remove, insert}: Edit): string {
  const where = doc.length === 0 ? 0 : at % (doc.length + 1)
  return doc.slice(0, where) + insert + doc.slice(Math.min(doc.length, where + remove))
}
