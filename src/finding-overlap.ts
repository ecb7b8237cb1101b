/**
 * One finding per problem. A rule may declare (`replaces` in its meta) that
 * its finding on a sentence stands for another rule's finding on the same
 * sentence: a claim that rests on "studies show" is reported by
 * `vague-evidence`, at the appeal's words, and `unsupported-claim`'s finding
 * on that sentence ("…rests on 'studies show', which names no source") would
 * tell the student the same thing twice. The finding that stays takes the
 * higher of the two severities, and says in `data.replaces` which rule's
 * finding it stands for. Runs after inline comments: a finding the student
 * silenced replaces nothing.
 */

import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import type {VFileMessage} from 'vfile-message'
import {sentenceAt} from './finding-place.js'

/** vfile's severities, lowest first: info (`fatal` undefined), warning (false), error (true). */
const rank = (message: VFileMessage) => (message.fatal === true ? 2 : message.fatal === false ? 1 : 0)

export const findingOverlap: Plugin<[{replaces: Record<string, string[]>}], Root> = function (options) {
  const replaces = options.replaces
  return function (_tree, file) {
    const model = file.data.essay
    if (!model || Object.keys(replaces).length === 0) return
    const messages = file.messages as VFileMessage[]
    const sentenceOf = (message: VFileMessage) => (message.line ? sentenceAt(model, message.line, message.column ?? 1)?.index : undefined)
    // The sentences each replacing rule reported, with the finding kept there.
    const kept = new Map<string, VFileMessage>()
    for (const message of messages) {
      const ids = message.ruleId ? replaces[message.ruleId] : undefined
      const sentence = ids ? sentenceOf(message) : undefined
      if (!ids || sentence === undefined) continue
      for (const id of ids) if (!kept.has(`${id} ${sentence}`)) kept.set(`${id} ${sentence}`, message)
    }
    if (kept.size === 0) return
    const replaced = new Set(Object.values(replaces).flat())
    file.messages = messages.filter((message) => {
      const sentence = message.ruleId && replaced.has(message.ruleId) ? sentenceOf(message) : undefined
      const keeper = sentence === undefined ? undefined : kept.get(`${message.ruleId} ${sentence}`)
      if (!keeper) return true
      if (rank(message) > rank(keeper)) keeper.fatal = message.fatal
      ;(keeper as {data?: Record<string, unknown>}).data = {...(keeper as {data?: Record<string, unknown>}).data, replaces: message.ruleId}
      return false
    })
  }
}
