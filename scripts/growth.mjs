// npm run bench:growth — how the patterns, the matchers and the analysis
// grow on adversarial inputs: each line prints the time for an input and for
// 8× (patterns, matchers) or 4× (whole analysis) of it, and the ratio. Linear
// is 8 (or 4), quadratic 64 (or 16); a line over the bound says "SUPER-LINEAR"
// and the script exits 1. This is a measurement, not a test: a shared 2-core
// machine can pause for a few milliseconds at any time, so growth is never
// asserted in `npm test`.
//
//   node scripts/growth.mjs
import {lint} from '../dist/src/index.js'
import {findCitations, findQuotations} from '../dist/src/model/citations.js'
import {compileLexicon, defaultConcepts} from '../dist/src/model/lexicon.js'
import {splitWords} from '../dist/src/model/matcher.js'

/** Milliseconds per call: the fastest of three rounds, each repeated until it lasts 10 ms. */
function perCall(fn) {
  let best = Infinity
  for (let round = 0; round < 3; round++) {
    let calls = 0
    const start = performance.now()
    let elapsed = 0
    do {
      fn()
      calls++
      elapsed = performance.now() - start
    } while (elapsed < 10)
    best = Math.min(best, elapsed / calls)
  }
  return best
}

const sized = (piece, chars) => piece.repeat(Math.max(1, Math.ceil(chars / piece.length)))
let failures = 0
function report(name, small, large, bound, times) {
  const ratio = large / Math.max(small, 0.05)
  const verdict = ratio < bound ? 'ok' : 'SUPER-LINEAR'
  if (verdict !== 'ok') failures++
  console.log(`${verdict.padEnd(12)} ${name.padEnd(60)} ${small.toFixed(3)} ms → ${large.toFixed(3)} ms for ${times}× the input (${ratio.toFixed(1)}×, bound ${bound}×)`)
}

const adversarial = [
  '(', '((', '(A', '(Aa ', '(Smith, ', '(Smith et al., 19', '(Aa Bb Cc Dd ', 'Aa (2008', 'Aa Bb (', ' (n.d.', '(1999)', 'Aa (1999)', '(ibid., ',
  '[', '[1', '[1,', '[1, 2 - ', '[^', '[^1', '¹²³', 'S/RES/', 'S/RES/1', 'A/RES/1/', 'resolution ', 'resolutions 1 ',
  '“', '“a ', '"', '"a ', '“a”', '"a b c" ', '”', 'a', 'A', '. ', ' ', '\n', 'Aa’s ', 'et al. ', 'and & ', 'pp. 1-', '1–'
]
for (const piece of adversarial) {
  for (const [name, fn] of [['findCitations', findCitations], ['findQuotations', findQuotations]]) {
    report(`${name} on ${JSON.stringify(piece)}`, perCall(() => fn(sized(piece, 10_000))), perCall(() => fn(sized(piece, 80_000))), 24, 8)
  }
}

const lexicon = compileLexicon(defaultConcepts())
const words = (text) => splitWords(text).map((norm, i) => ({norm, text: norm, start: i, end: i + 1, line: 1, column: i + 1, endLine: 1, endColumn: i + 2}))
const terms = Object.values(defaultConcepts()).flatMap((c) => [...c.names, ...c.terms, ...c.thinkers])
const nearMisses = terms.map((t) => t.replace(/\*/g, 'x').split(/\s+/).slice(0, -1).join(' ')).filter(Boolean).join(' ') + ' '
for (const piece of [nearMisses, 'responsibility to ', 'security council ', 'a ', "it's-a-word's ", 'realis ']) {
  const label = JSON.stringify(piece.slice(0, 30))
  report(`splitWords on ${label}`, perCall(() => splitWords(sized(piece, 10_000))), perCall(() => splitWords(sized(piece, 80_000))), 24, 8)
  const small = words(sized(piece, 10_000))
  const large = words(sized(piece, 80_000))
  for (const [name, matcher] of [['concepts', lexicon.conceptMatcher], ['cues', lexicon.cueMatcher], ['operations', lexicon.operationMatcher]]) {
    report(`${name} matcher on ${label}`, perCall(() => matcher.match(small)), perCall(() => matcher.match(large)), 24, 8)
  }
}

// Inputs on which the analysis was once super-linear.
const families = [
  ['a paragraph of unsupported claims', (n) => 'Peacekeeping is clearly a failure. '.repeat(n)],
  ['claims drawn from a named case', (n) => 'Rwanda shows that peacekeeping fails. Fortna (2008) found that 5,000 died. '.repeat(n / 2)],
  ['a conclusion that echoes the body', (n) => '# Body\n\n' + 'Fortna (2008) found that peacekeeping works in Sierra Leone. '.repeat(n / 2) + '\n\n# Conclusion\n\n' + 'Peacekeeping clearly works in Sierra Leone. '.repeat(n / 2)],
  ['runs of punctuation after a claim', (n) => 'Rwanda failed in 1994' + '!'.repeat(40 * n) + '\n\n'],
  ['“which” chains', (n) => 'Realists argue that states act, which ' + 'a '.repeat(n) + 'fits.\n\n'],
  ['vague appeals one after another', (n) => 'Many have argued that it is widely believed that experts agree. '.repeat(n)],
  ['one paragraph per line (plain text)', (n) => 'Title\n' + 'Peacekeeping is clearly a failure, and the Council should have acted much sooner than it did in those years.\n'.repeat(n)]
]
const time = async (text, name) => {
  let best = Infinity
  for (let i = 0; i < 3; i++) {
    const start = performance.now()
    await lint(text, {path: name})
    best = Math.min(best, performance.now() - start)
  }
  return best
}
await lint('# Warm up\n\nPeacekeeping works.', {path: 'essay.md'})
for (const [name, make] of families) {
  const file = name.includes('plain text') ? 'essay.txt' : 'essay.md'
  report(`analysis: ${name}`, await time(make(200), file), await time(make(800), file), 10, 4)
}
console.log(failures === 0 ? '\nall growth linear' : `\n${failures} super-linear`)
process.exitCode = failures === 0 ? 0 : 1
