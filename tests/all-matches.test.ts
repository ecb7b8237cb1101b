/** allMatches gives what matchAll gives, without copying the pattern, and leaves it as it found it. */

import {describe, expect, it} from 'vitest'
import {allMatches} from '../src/all-matches.js'

const same = (pattern: RegExp, text: string) => {
  const ours = allMatches(pattern, text).map((m) => [m.index, ...m])
  expect(pattern.lastIndex).toBe(0)
  expect(ours).toEqual([...text.matchAll(pattern)].map((m) => [m.index, ...m]))
}

describe('allMatches', () => {
  it('finds every match, with its groups and index, as matchAll does', () => {
    same(/\(([^()\n]{1,200})\)/g, 'Peace (Fortna, 2008) holds (Doyle and Sambanis 2006: 12), (x).')
    same(/\bbut\s+([\p{L}'’-]+)/giu, 'Realists see it, but ignore that; But then, but.')
    same(/\d+/g, 'no numbers here')
  })

  it('moves on by a code point after an empty match', () => {
    same(/x*/gu, 'a😀xxb😀')
    same(/x*/g, 'a😀xxb😀')
  })

  it('starts from the beginning whatever lastIndex the pattern had', () => {
    const pattern = /\d/g
    pattern.lastIndex = 3
    expect(allMatches(pattern, '1234').map((m) => m[0])).toEqual(['1', '2', '3', '4'])
    expect(pattern.lastIndex).toBe(0)
  })
})
