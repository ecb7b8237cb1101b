/**
 * A phrase matcher over word tokens: every term of a lexicon is compiled once
 * into a trie keyed by lower-cased words, so matching a sentence is a single
 * left-to-right pass (linear in its words, no regular expressions, no
 * backtracking). Longest match wins; `exclude` entries win over shorter
 * terms, which is how "realistic" stops counting as "realis*".
 *
 * Term syntax (documented in the lexicon files): words separated by spaces,
 * case-insensitive; a `*` at the end of a word matches any ending.
 */

import type {Word} from './types.js'

export interface Entry<P> {
  payload: P
  /** When set, the words must be written exactly so (thinkers, acronyms). */
  exact?: string[]
}

interface Node<P> {
  words: Map<string, Node<P>>
  /**
   * Prefix steps (`realis*`), grouped by their first character: a word is
   * only tried against the prefixes that start as it does (the root holds
   * dozens, and every word of every sentence starts there). Within a group,
   * by prefix: adding a term finds its step at once (a list searched per
   * add made building quadratic: 10⁵ terms with one first letter, 75 s);
   * the walk reads them as a list.
   */
  prefixes: Map<string, {byPrefix: Map<string, Step<P>>; steps: Array<Step<P>>}>
  entries: Array<Entry<P>>
}

interface Step<P> {
  prefix: string
  node: Node<P>
}

export interface Match<P> {
  payloads: P[]
  /** Index of the first and one past the last matched word. */
  from: number
  to: number
}

// An abbreviation with its dots ("U.S.S.R.", "e.g.") is one word, as in a sentence.
const wordPattern = /\p{L}(?:\.\p{L})+\.?|[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu

/** Split a term or a phrase into normalised words, the way sentences are. */
export function splitWords(text: string): string[] {
  return (text.match(wordPattern) ?? []).map((w) => normalizeWord(w))
}

/** A normalised word without its possessive ending ("rwanda's" → "rwanda"); the word itself when it has none. */
export function withoutPossessive(norm: string): string {
  return norm.endsWith("'s") && norm.length > 2 ? norm.slice(0, -2) : norm
}

export function normalizeWord(word: string): string {
  const lower = word.toLowerCase()
  // Called for every word of every essay: most have no apostrophe to fold.
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower
}

function newNode<P>(): Node<P> {
  return {words: new Map(), prefixes: new Map(), entries: []}
}

export class PhraseMatcher<P> {
  private readonly root: Node<P> = newNode()
  /**
   * Which words can start a prefix term, built on the first match after an
   * add: every word of every sentence is asked, so the answer is a walk by
   * character code over the terms' first `stemLength` letters (nothing is
   * allocated) instead of a walk over the prefix group of its first letter.
   * Whole first words are the root's own `words`.
   */
  private starts: {stems: StemNode; stemLength: number} | undefined

  /**
   * `possessive`: a word in the possessive ends a term as its base does
   * ("Rwanda's genocide", "MONUSCO’s mandate" name Rwanda and MONUSCO).
   */
  constructor(private readonly options: {possessive?: boolean} = {}) {}

  /**
   * Add a term. `caseSensitive` keeps the written form (for surnames and
   * acronyms that collide with ordinary words when lower-cased).
   */
  add(term: string, payload: P, caseSensitive = false): void {
    this.starts = undefined
    const parts: Array<{written: string; open: boolean}> = []
    for (const piece of term.trim().split(/\s+/)) {
      const open = piece.endsWith('*')
      const written = (open ? piece.slice(0, -1) : piece).match(wordPattern) ?? []
      written.forEach((w, i) => parts.push({written: w, open: open && i === written.length - 1}))
    }
    if (parts.length === 0) return
    let node = this.root
    for (const {written, open} of parts) {
      const key = normalizeWord(written)
      if (open) {
        let group = node.prefixes.get(key[0])
        if (!group) {
          group = {byPrefix: new Map(), steps: []}
          node.prefixes.set(key[0], group)
        }
        let step = group.byPrefix.get(key)
        if (!step) {
          step = {prefix: key, node: newNode()}
          group.byPrefix.set(key, step)
          group.steps.push(step)
        }
        node = step.node
      } else {
        let next = node.words.get(key)
        if (!next) {
          next = newNode()
          node.words.set(key, next)
        }
        node = next
      }
    }
    const exact = parts.map((p) => (p.open ? p.written + '*' : p.written).replace(/’/g, "'"))
    node.entries.push(caseSensitive ? {payload, exact} : {payload})
  }

  /** All longest, non-overlapping matches in a run of words. */
  match(words: Word[]): Array<Match<P>> {
    // Most runs hold no term of a lexicon: they all get the one empty list (callers only read it).
    let found: Array<Match<P>> | undefined
    const starts = (this.starts ??= this.startIndex())
    let index = 0
    while (index < words.length) {
      const best = this.longestAt(words, index, starts)
      if (best) {
        ;(found ??= []).push(best)
        index = best.to
      } else {
        index++
      }
    }
    return found ?? (noMatches as Array<Match<P>>)
  }

  private startIndex(): NonNullable<PhraseMatcher<P>['starts']> {
    const prefixes = [...this.root.prefixes.values()].flatMap((group) => group.steps.map((step) => step.prefix))
    const stemLength = Math.max(1, Math.min(...prefixes.map((prefix) => prefix.length)))
    const stems: StemNode = new Map()
    for (const prefix of prefixes) {
      let node = stems
      for (let i = 0; i < stemLength; i++) {
        const code = prefix.charCodeAt(i)
        let next = node.get(code)
        if (!next) node.set(code, (next = new Map()))
        node = next
      }
    }
    return {stems, stemLength}
  }

  /** The walk of `longestAt`: where the longest term found so far ends, and the payloads of the terms that end there. */
  private bestTo = 0
  private bestPayloads: P[] = []

  private longestAt(words: Word[], from: number, starts: NonNullable<PhraseMatcher<P>['starts']>): Match<P> | undefined {
    // Most words start no term: decide that before walking the trie (its
    // root has no entries, a term having at least one word). The root's
    // prefix steps are tried only for a word that has the stem of one.
    const first = words[from].norm
    const direct = this.root.words.get(first)
    const exact = direct ?? this.possessiveStep(this.root, words, from)
    const steps = hasStem(starts.stems, first, starts.stemLength) ? this.root.prefixes.get(first[0])?.steps : undefined
    if (!exact && !steps) return undefined
    // One walk, depth first, that keeps the payloads of the longest terms
    // (in the order the walk meets them) and allocates only for a term found.
    // The trie is a tree (every node has one parent, and the word a node is
    // tried against is its depth past `from`), so each node is walked at
    // most once per start however many wildcard words its terms have
    // (`a* a* a*`): the walk is bounded by the trie.
    this.bestTo = from
    if (exact) this.visit(exact, words, from, from + 1, exact !== direct)
    if (steps) for (let i = 0; i < steps.length; i++) if (first.startsWith(steps[i].prefix)) this.visit(steps[i].node, words, from, from + 1)
    if (this.bestTo === from) return undefined
    const payloads = this.bestPayloads
    this.bestPayloads = []
    return {payloads, from, to: this.bestTo}
  }

  /** The node a possessive word leads to from `node` by its base ("rwanda's" → "rwanda"), when the matcher folds possessives. */
  private possessiveStep(node: Node<P>, words: Word[], index: number): Node<P> | undefined {
    if (!this.options.possessive) return undefined
    const word = words[index].norm
    const base = withoutPossessive(word)
    return base === word ? undefined : node.words.get(base)
  }

  /**
   * Walk `node`, entered before word `index` of a term that starts at `from`.
   * `ended`: the word before was a possessive, which ends a term.
   */
  private visit(node: Node<P>, words: Word[], from: number, index: number, ended = false): void {
    for (const entry of node.entries) {
      if (!usable(entry, words, from)) continue
      if (index > this.bestTo) {
        this.bestTo = index
        this.bestPayloads = [entry.payload]
      } else if (index === this.bestTo) this.bestPayloads.push(entry.payload)
    }
    if (ended || index >= words.length) return
    const word = words[index].norm
    const exact = node.words.get(word)
    if (exact) this.visit(exact, words, from, index + 1)
    const base = this.possessiveStep(node, words, index)
    if (base) this.visit(base, words, from, index + 1, true)
    const group = node.prefixes.get(word[0])
    if (group) {
      const steps = group.steps
      for (let i = 0; i < steps.length; i++) if (word.startsWith(steps[i].prefix)) this.visit(steps[i].node, words, from, index + 1)
    }
  }
}

const noMatches: ReadonlyArray<Match<unknown>> = Object.freeze([])

function usable<P>(entry: Entry<P>, words: Word[], from: number): boolean {
  return !entry.exact || sameText(entry.exact, words, from)
}

/** Stems of prefix terms, one character code per level. */
type StemNode = Map<number, StemNode>

function hasStem(stems: StemNode, word: string, length: number): boolean {
  if (word.length < length || stems.size === 0) return false
  let node: StemNode | undefined = stems
  for (let i = 0; i < length && node; i++) node = node.get(word.charCodeAt(i))
  return node !== undefined
}

function sameText(exact: string[], words: Word[], from: number): boolean {
  return exact.every((part, i) => {
    const text = words[from + i]?.text
    const written = text?.includes('’') ? text.replace(/’/g, "'") : text
    return part.endsWith('*') ? written?.startsWith(part.slice(0, -1)) : written === part || written === `${part}'s`
  })
}
