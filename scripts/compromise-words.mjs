// Writes src/lexicons/compromise-words.json: what the argument model needs to
// know of compromise's lexicon, one word class per word, so that looking a
// word up does not cost loading compromise (about 300 ms per process).
//
//   node scripts/compromise-words.mjs          write the file
//   node scripts/compromise-words.mjs --check  exit 1 if it differs from the installed compromise
//
// Classes (a word is in the first that fits):
//   name  a person, place or organisation (Person, FirstName, LastName,
//         ProperNoun, Country, City, Region, Place, Organization)
//   verb  a verb form that is a verb wherever it stands: copula, modal,
//         past tense, participle, present tense, or compromise's bare "Verb"
//   other any other word compromise knows
import {readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const target = path.join(root, 'src', 'lexicons', 'compromise-words.json')
const compromise = createRequire(import.meta.url)('compromise/two')
const lexicon = compromise.model().one.lexicon

const nameTag = /^(?:Person|FirstName|LastName|ProperNoun|Country|City|Region|Place|Organization)$/
const verbTag = /^(?:Copula|Modal|PastTense|Participle|PresentTense|Verb)$/

const classes = {name: [], verb: [], other: []}
for (const [word, tags] of Object.entries(lexicon)) {
  if (word.includes(' ')) continue
  const list = [tags].flat()
  if (list.some((tag) => nameTag.test(tag))) classes.name.push(word)
  else if (list.some((tag) => verbTag.test(tag))) classes.verb.push(word)
  else classes.other.push(word)
}
for (const list of Object.values(classes)) list.sort()
const version = JSON.parse(readFileSync(path.join(root, 'node_modules', 'compromise', 'package.json'), 'utf8')).version
const text = JSON.stringify({compromise: version, ...classes}) + '\n'

if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8')
  if (current !== text) {
    console.error(`src/lexicons/compromise-words.json is out of date for compromise ${version}: run node scripts/compromise-words.mjs`)
    process.exit(1)
  }
  console.log(`src/lexicons/compromise-words.json matches compromise ${version}`)
} else {
  writeFileSync(target, text)
  console.log(`wrote ${path.relative(root, target)}: ${Object.entries(classes).map(([k, v]) => `${v.length} ${k}`).join(', ')}`)
}
