/**
 * The phrase matcher every lexicon is compiled into: longest match, prefix
 * terms, exclusions, exact spellings, and a fall back to a shorter term when
 * a longer one breaks off.
 */

import {describe, expect, it} from 'vitest'
import {PhraseMatcher, splitWords} from '../src/model/matcher.js'
import type {Word} from '../src/model/types.js'

/** Words as the model makes them (positions do not matter to the matcher). */
function words(text: string): Word[] {
  return (text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).map((written, i) => ({
    norm: splitWords(written)[0],
    text: written,
    start: i,
    end: i + 1,
    line: 1,
    column: i + 1,
    endLine: 1,
    endColumn: i + 2
  }))
}

function matches<P>(matcher: PhraseMatcher<P>, text: string): Array<[string, P[]]> {
  const ws = words(text)
  return matcher.match(ws).map((m) => [ws.slice(m.from, m.to).map((w) => w.text).join(' '), m.payloads])
}

describe('the phrase matcher', () => {
  it('with possessive, ends a term at its possessive ("Rwanda\'s genocide", "MONUSCO’s mandate"); without, does not', () => {
    const folding = new PhraseMatcher<string>({possessive: true})
    const plain = new PhraseMatcher<string>()
    for (const matcher of [folding, plain]) {
      matcher.add('Rwanda', 'place')
      matcher.add('Sierra Leone', 'place')
      matcher.add('MONUSCO', 'mission', true)
    }
    const text = "Rwanda's genocide, Sierra Leone's war and MONUSCO’s mandate, but not monusco's"
    expect(matches(folding, text)).toEqual([
      ["Rwanda's", ['place']],
      ["Sierra Leone's", ['place']],
      ['MONUSCO’s', ['mission']]
    ])
    expect(matches(plain, text)).toEqual([])
  })

  it('keeps an abbreviation with its dots as one word of a term ("U.S.S.R.", "e.g.")', () => {
    expect(splitWords('the U.S.S.R., e.g. here')).toEqual(['the', 'u.s.s.r.', 'e.g.', 'here'])
  })

  it('takes the longest term, and falls back to a shorter one where a longer one breaks off', () => {
    const matcher = new PhraseMatcher<string>()
    matcher.add('peace', 'peace')
    matcher.add('peace operation', 'operation')
    matcher.add('peace operation mandate renewal', 'renewal')
    expect(matches(matcher, 'The peace operation mandate lapsed; peace returned.')).toEqual([
      ['peace operation', ['operation']],
      ['peace', ['peace']]
    ])
    expect(matches(matcher, 'A peace operation mandate renewal')).toEqual([['peace operation mandate renewal', ['renewal']]])
  })

  it('matches a prefix term on any ending, case-insensitively, and gives every term ending at the same word', () => {
    const matcher = new PhraseMatcher<string>()
    matcher.add('realis*', 'realism')
    matcher.add('realistic', 'exclude')
    matcher.add('neo-realis*', 'neorealism')
    expect(matches(matcher, 'Realists and realism; a realistic plan; neo-realist views')).toEqual([
      ['Realists', ['realism']],
      ['realism', ['realism']],
      ['realistic', ['exclude', 'realism']],
      ['neo-realist', ['neorealism']]
    ])
  })

  it('keeps terms added with their spelling to that spelling, and continues a match through a prefix word', () => {
    const matcher = new PhraseMatcher<string>()
    matcher.add('UNEF', 'mission', true)
    matcher.add('responsib* to protect', 'r2p')
    expect(matches(matcher, 'UNEF, unef and the responsibility to protect')).toEqual([
      ['UNEF', ['mission']],
      ['responsibility to protect', ['r2p']]
    ])
    expect(matches(matcher, 'responsibility to others')).toEqual([])
  })
})
