/** What the argument analysis finds in an essay: a role for every sentence, its evidence and support, and what matters most. */

import type {Range} from '../model/types.js'
import type {Proposal} from './structure.js'

export type Role = 'thesis' | 'claim' | 'evidence' | 'other'
export type Strength = 'absolute' | 'plain' | 'hedged'
export type SupportKind = 'citation' | 'case' | 'data' | 'quotation' | 'example' | 'reasoning'

export interface Support {
  kind: SupportKind
  text: string
  /** A year next to a name: evidence in a statement of fact, not enough to back a claim's own judgement. */
  weak?: boolean
  /** Only places where something happened ("missions in South Sudan, the CAR and the DRC"): a case for its own sentence; for a neighbour only when its sentence tells, in the past, what happened there. */
  placesOnly?: boolean
  /** Figures read off one of the essay's tables: they back the sentence that reads them, not its neighbours. */
  table?: boolean
  /** The sentence that carries it. */
  sentence: number
}

export interface VagueAppeal {
  text: string
  range: Range
}

/** How much an unsupported claim matters: `warning` for those the argument rests on, `info` for the rest. */
export type Priority = 'warning' | 'info'

export interface SentenceArgument {
  sentence: number
  role: Role
  strength: Strength
  /** Evidence in this sentence itself. */
  evidence: Support[]
  /** For theses and claims: what supports it (own sentence, neighbours, paragraph, or the body for a restatement). */
  support: Support[]
  supported: boolean
  /** An unsupported claim that the writer backs with reasons of their own ("because…", a personal example): no evidence, but not bare. */
  reasoned?: boolean
  /** The claim recommends or predicts ("should", "essential"): only evidence in its own sentence backs it. */
  recommends?: boolean
  /** The claim opens by drawing an inference or concluding ("Therefore, …", "In conclusion, …"): it sums up what came before. */
  sumsUp?: boolean
  /** The claim urges a course of action ("should", "must", "need to"), not about the past ("should have"). */
  urges?: boolean
  /** For an unsupported claim: how much it matters. */
  priority?: Priority
  /** For a conclusion sentence that restates a supported body claim: that claim's sentence. */
  restates?: number
  vague: VagueAppeal[]
  /** Short words on why the role was given, for the outline and for tuning. */
  signals: string[]
}

export interface Sourcing {
  /** Citations in the body (footnotes, links, author–date, MLA, numbered…). */
  citations: number
  /** Words of body text. */
  words: number
  /** Too few citations for the essay's length (an essay of 600+ words citing less than one source per 600 words). */
  underSourced: boolean
}

export interface ArgumentModel {
  sentences: SentenceArgument[]
  /** Sentence indices of the thesis. */
  thesis: number[]
  /** Paragraph indices of the introduction. */
  introduction: number[]
  /** Paragraph indices of the conclusion. */
  conclusion: number[]
  /** Paragraph index → the first paragraph of its passage (a run of short paragraphs read as one). */
  passage: number[]
  /** Sections that set out the writer's own proposal; `supported` when any sentence in one carries evidence. */
  proposals: Array<Proposal & {supported: boolean}>
  sourcing: Sourcing
}

export interface ArgumentOptions {
  /** Where evidence may sit: the claim's own sentence, or its paragraph (default). */
  window: 'sentence' | 'paragraph'
}
