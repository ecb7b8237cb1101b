/**
 * `text.matchAll(pattern)` for the global patterns that run over every
 * sentence of every essay. matchAll copies its pattern (a new RegExp each
 * call) and hands the matches out through an iterator; most sentences have
 * none. This runs the pattern itself, from the start, and leaves its
 * `lastIndex` at 0 as it found it; an empty match moves on by one code
 * point, as matchAll does.
 */

const none: readonly RegExpExecArray[] = Object.freeze([])

export function allMatches(pattern: RegExp, text: string): readonly RegExpExecArray[] {
  pattern.lastIndex = 0
  let match = pattern.exec(text)
  if (!match) return none
  const found: RegExpExecArray[] = []
  while (match) {
    found.push(match)
    if (match[0] === '') {
      const at = pattern.lastIndex
      const code = text.charCodeAt(at)
      pattern.lastIndex = at + (pattern.unicode && code >= 0xd800 && code <= 0xdbff && at + 1 < text.length ? 2 : 1)
    }
    match = pattern.exec(text)
  }
  pattern.lastIndex = 0
  return found
}
