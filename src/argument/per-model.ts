/** A judgment computed once per essay model: the rule and `grade` read the same result without computing it twice. */

import type {EssayModel} from '../model/types.js'

export function perModel<T>(compute: (model: EssayModel) => T): (model: EssayModel) => T {
  const memo = new WeakMap<EssayModel, T>()
  return (model) => {
    if (memo.has(model)) return memo.get(model)!
    const result = compute(model)
    memo.set(model, result)
    return result
  }
}
