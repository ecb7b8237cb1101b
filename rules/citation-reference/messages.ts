/** The words a student reads: which citation, what the list says, what to change. */

import type {CitedSource} from '../../src/model/references.js'
import type {ReferenceEntry} from '../../src/model/types.js'

const who = (source: CitedSource) => source.names.join(' ')
const short = (entry: ReferenceEntry) => (entry.text.length > 60 ? `${entry.text.slice(0, 57).trimEnd()}…` : entry.text)

export const messages = {
  note: 'A reader checks a source by going from the citation to its entry in the reference list: each citation needs an entry with the same author and year, and each entry a citation.',

  noEntry(source: CitedSource): string {
    return `"${source.text}" has no entry in the reference list: no entry by ${who(source)}. Add the full reference (author, year, title, publisher or address) to the list, or correct the name so it matches an entry.`
  },

  year(source: CitedSource, entry: ReferenceEntry): string {
    return `${who(source)} ${source.year} in the text, but the reference list gives ${entry.years.join(', ')} for ${who(source)} ("${short(entry)}"). Use the same year in both places.`
  },

  etAl(source: CitedSource, entry: ReferenceEntry): string {
    return `"${source.text}" uses "et al." but the entry names only two authors ("${short(entry)}"): name both ("${entry.names[0]} and ${entry.names[1] ?? '…'}"); "et al." is for three or more.`
  },

  ibid(text: string): string {
    return `"${text}" points to the source cited just before, but nothing is cited before it. Give the full citation here.`
  },

  noList(count: number): string {
    return `The essay cites ${count} sources by author but has no reference list. Add a "References" section at the end with a full entry for each source you cite.`
  },

  bareList(count: number): string {
    return `The reference list gives only web addresses (${count} of them), so no citation can be matched to an entry. Give each entry its author or organisation, year and title, then the address.`
  },

  noNumber(number: number, entries: number): string {
    return `Citation [${number}] has no entry ${number} in the numbered reference list (it has ${entries} entries). Add the entry or correct the number.`
  },

  uncited(entry: ReferenceEntry): string {
    return `The reference list includes "${short(entry)}", but the essay never cites it. Cite it where you use it, or remove it from the list.`
  },

  noteMissing(label: string): string {
    return `Footnote [^${label}] has no note: add "[^${label}]: …" with the source, or remove the marker.`
  },

  noteOrder(label: string, expected: number): string {
    return `Footnote ${label} comes where footnote ${expected} should: notes are numbered in the order they first appear. Renumber the notes from here on.`
  }
}
