/** The words a student reads: what the essay says, what the data says, where to check it. */

import type {Operation} from '../../src/model/lexicon.js'
import {countryName} from '../../src/model/operations.js'
import {operations} from '../../src/model/lexicon.js'
import type {TiedYear, YearProblem} from './index.js'


const span = (op: Operation) => (op.end === null ? `since ${op.start}` : op.start === op.end ? `in ${op.start}` : `from ${op.start} to ${op.end}`)
const places = (codes: string[]) => codes.map(countryName).join(', ')
const source = (op: Operation) => `(source: ${op.source})`

/** UN missions that served in one of these countries, in the given year if there is one. */
function missionsIn(codes: string[], year?: number, not?: Operation): Operation[] {
  return operations().filter(
    (op) =>
      op !== not &&
      op.source &&
      op.countries.some((c) => codes.includes(c)) &&
      (year === undefined || (op.start !== null && op.start <= year && (op.end === null || year <= op.end)))
  )
}

const named = (ops: Operation[]) => ops.slice(0, 3).map((op) => `${op.acronym} (${op.name})`).join(' or ')

export const messages = {
  note: 'A factual slip about a mission (its name, where it served, when it ran) makes a marker doubt the rest of the essay. The facts are those of the UN’s published list of peacekeeping operations.',

  name(acronym: Operation, name: Operation): string {
    return `"${name.name}" is ${name.acronym}, not ${acronym.acronym}: ${acronym.acronym} is the ${acronym.name} (${span(acronym)}). Write the name and the acronym of the same mission ${source(acronym)}.`
  },

  place(op: Operation, wrote: string, codes: string[]): string {
    const there = missionsIn(codes, undefined, op)
    const hint = there.length > 0 ? ` The UN missions in ${wrote} were ${named(there)}.` : ''
    return `${op.acronym} (${op.name}) served in ${places(op.countries)}, not in ${wrote}.${hint} Check which mission you mean ${source(op)}.`
  },

  year(op: Operation, year: TiedYear, problem: YearProblem): string {
    const ran = `${op.acronym} (${op.name}) ran ${span(op)}`
    const others = missionsIn(op.countries, year.value, op)
    const hint = others.length > 0 && problem !== 'span' ? ` The mission in ${places(op.countries)} in ${year.value} was ${named(others)}.` : ''
    const what =
      problem === 'founded'
        ? `${op.acronym} was set up in ${op.start}, not ${year.value} (it ran ${span(op)})`
        : problem === 'ended'
          ? `${op.acronym} ended in ${op.end}, not ${year.value} (it ran ${span(op)})`
          : problem === 'span'
            ? `${ran}, not ${year.value}${year.second !== undefined ? `–${year.second}` : ''}`
            : `${ran}, so it was not there in ${year.value}`
    return `${what}.${hint} Check the year or the mission's name ${source(op)}.`
  }
}
