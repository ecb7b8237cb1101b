/**
 * The one pipeline. `baseProcessor` parses (Markdown, GFM without autolink
 * literals, front matter, plain-text headings) and builds the
 * natural-language tree; the plugins from a resolved config
 * (`configPlugins`) add the analysis, the rules and message control. The
 * CLI (through unified-engine), the API and every other shell use exactly
 * these.
 */

import {LRUCache} from 'lru-cache'
import type {Root} from 'mdast'
import type {Root as NlcstRoot} from 'nlcst'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import retextEnglish from 'retext-english'
import {unified, type PluggableList, type Plugin, type Processor} from 'unified'
import './data-map.js'
import {essayGfm} from './essay-gfm.js'
import {findingPlaces} from './finding-place.js'
import {findingOverlap} from './finding-overlap.js'
import {messageControl} from './message-control.js'
import {inputGuard, type InputGuardOptions} from './input-guard.js'
import {buildModel} from './model/build.js'
import {compileLexicon, resolveConcepts, type ConceptConfig} from './model/lexicon.js'
import type {ResolvedConfig} from './config/resolve.js'
import {rules} from './rules.js'
import {textHeadings} from './text-headings.js'
import {textLines} from './text-lines.js'
import {sentenceJoins} from './sentence-joins.js'
import {incrementalParse} from './incremental-parse.js'
import {incrementalRetext} from './incremental-words.js'
import {wordTree} from './word-tree.js'

/** Keeps the natural-language tree on the file for the analysis step. */
const keepNlcst: Plugin<[], NlcstRoot> = function () {
  return function (tree, file) {
    file.data.nlcst = tree
  }
}

export interface BaseOptions {
  /** Re-parse and re-tokenise only the blocks an edit touched (the language server: documents come back after every keystroke). */
  incremental?: boolean
}

export function baseProcessor(options: InputGuardOptions = {}, {incremental = false}: BaseOptions = {}): Processor<Root, Root, Root> {
  const processor = unified()
    .use(remarkParse)
    // Before the input guard, which wraps the parser last and so checks the
    // input first.
    .use(essayGfm)
  if (incremental) processor.use(incrementalParse)
  return processor
    .use(textLines)
    .use(inputGuard, options)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(textHeadings)
    .use(incremental ? incrementalRetext : wordTree, unified().use(retextEnglish).use(sentenceJoins).use(keepNlcst) as never) as unknown as Processor<Root, Root, Root>
}

/**
 * Compiled vocabularies by their concepts config. Bounded: the language
 * server builds a processor per config edit, and one entry per distinct
 * config kept forever grew its heap without limit (400 edits: 513 MB). A
 * run rarely has more than a few configs in force at once.
 */
export const compiledLexicons = new LRUCache<string, ReturnType<typeof compileLexicon>>({max: 16})

/** Builds the essay model (`file.data.essay`) once per file. */
export const essayAnalysis: Plugin<[{concepts?: Record<string, ConceptConfig>}?], Root> = function (options) {
  const key = JSON.stringify(options?.concepts ?? {})
  let lexicon = compiledLexicons.get(key)
  if (!lexicon) {
    lexicon = compileLexicon(resolveConcepts(options?.concepts))
    compiledLexicons.set(key, lexicon)
  }
  const compiled = lexicon
  return function (tree, file) {
    file.data.concepts = compiled.concepts
    file.data.essay = buildModel(tree, file.data.nlcst!, file, compiled)
    // The model holds what later steps need; the word tree is large and can go.
    delete file.data.nlcst
  }
}

/** The plugins a resolved config stands for, in pipeline order. */
export function configPlugins(config: ResolvedConfig): PluggableList {
  const list: PluggableList = [[essayAnalysis, {concepts: config.concepts}]]
  for (const [id, setting] of Object.entries(config.rules)) {
    if (setting.severity === 'off') continue
    list.push([rules[id].plugin, [setting.severity, setting.options]])
  }
  // Last, so that inline comments can silence what the rules said.
  list.push([messageControl, {known: Object.keys(rules)}])
  // Then one finding per problem, where two rules report the same one.
  const replaces = Object.fromEntries(Object.keys(config.rules).filter((id) => config.rules[id].severity !== 'off' && rules[id]?.meta.replaces).map((id) => [id, rules[id].meta.replaces!]))
  list.push([findingOverlap, {replaces}])
  // Then each finding's paragraph and sentence, for every report.
  list.push(findingPlaces)
  return list
}
