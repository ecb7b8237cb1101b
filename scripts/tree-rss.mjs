// The resident memory of a process tree, for the benchmarks (essaylint's
// workers are processes of their own: their memory counts too).
import {readdirSync, readFileSync} from 'node:fs'

/** Resident memory of a process and all its descendants, in kB (Linux /proc). */
export function treeRssKb(pid) {
  let total = 0
  const stack = [pid]
  while (stack.length > 0) {
    const current = stack.pop()
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${current}/status`, 'utf8'))?.[1] ?? 0)
      for (const task of readdirSync(`/proc/${current}/task`)) {
        const children = readFileSync(`/proc/${current}/task/${task}/children`, 'utf8').trim()
        if (children) stack.push(...children.split(/\s+/).map(Number))
      }
    } catch {
      // The process ended between two reads.
    }
  }
  return total
}
