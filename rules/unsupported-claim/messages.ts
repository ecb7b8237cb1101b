/** The words a student reads: what was seen, why it matters, what to do. */

import type {SentenceArgument} from '../../src/model/argument.js'

/** The claim's first words, for the message. */
export function firstWords(text: string, count = 6): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ')
  const head = words.slice(0, count).join(' ').replace(/[.,;:!?]+$/, '')
  return words.length > count ? `${head}…` : head
}

/** Other claims a paragraph's finding quotes by their first words; the rest it counts. */
const maxNamed = 3

const formatWords = (n: number) => n.toLocaleString('en')

/**
 * The evidence beside a claim as a student would find it: "the evidence before it (footnote
 * 12)", "(the link)", "(Fortna, 2008)"; a case or figures by the first words of their
 * sentence ("the named case in the sentence before it ("In 2013, the Council…")"), since a bare name such as
 * "MONUSCO" is not what a student would call evidence.
 */
function evidenceNamed({kind, text, sentence, where}: Beside): string {
  const footnote = /^\[\^([^\]]+)\]$/.exec(text)
  if (kind === 'citation' && footnote) return `the evidence ${where} it (footnote ${footnote[1]})`
  if (kind === 'citation' && /^(?:https?:\/\/|www\.)/i.test(text)) return `the evidence ${where} it (the link)`
  if (kind === 'citation' || sentence === undefined) return `the evidence ${where} it ("${firstWords(text, 5)}")`
  return `${evidenceNouns[kind] ?? 'the evidence'} in the sentence ${where} it ("${firstWords(sentence, 5)}")`
}

const evidenceNouns: Record<string, string> = {case: 'the named case', data: 'the figures', quotation: 'the quotation', example: 'the example'}

/** Evidence in the sentence before or after a claim, and that sentence's text. */
export interface Beside {
  kind: string
  text: string
  where: 'before' | 'after'
  sentence?: string
}

/** Sentences by their first `words` words, quoted: up to `maxNamed`, then how many more ("…", "…" and 3 more). */
function quotedList(texts: string[], words: number): string {
  const shown = texts.slice(0, maxNamed).map((text) => `"${firstWords(text, words)}"`)
  const rest = texts.length - shown.length
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : shown[0]
}

export const messages = {
  note: 'A claim persuades only when the reader can check what it rests on: a source (author and year), a named case, figures, or a quotation with its speaker.',

  underSourced(citations: number, words: number, onCourseTopic = true): string {
    const amount = citations === 0 ? 'no sources' : citations === 1 ? 'only one source' : `only ${citations} sources`
    const kinds = onCourseTopic ? 'an author and year, a UN report, a named mission with dates' : 'an author and year, a report or study, a named case with dates'
    return `This essay cites ${amount} in ${formatWords(words)} words: its claims rest on your word alone. Find two or three sources for your main points (${kinds}) and cite them where you make each point.`
  },

  proposal(title: string): string {
    return `Your proposal under "${firstWords(title, 8)}" says how it would work, but nothing in it shows that it would: no citation, named case or figures. Add one case where a similar rule or body worked (who, where, when), or a source for the problem it answers.`
  },

  unsourcedFigure(figure: string): string {
    return `Figure without a source: where does "${figure}" come from? Cite the study, report or dataset (author or body, and year) so a reader can check it.`
  },

  /** The other unsupported claims of the paragraph (or of the short paragraphs around it), named after the main one. */
  also(texts: string[], acrossParagraphs = false): string {
    return `Also unsupported ${acrossParagraphs ? 'in the short paragraphs around it' : 'in this paragraph'}: ${quotedList(texts, 4)}.`
  },

  /** One finding for the essay's short unsupported lines (at information level), on the first of them. */
  shortLines(texts: string[]): string {
    return `Short statements without support: ${quotedList(texts, 5)} have no citation, named case or figures beside them. Most short lines need none; back the ones that state a fact or a judgement a reader could doubt, or join them to the sentence that argues them.`
  },

  claim(item: SentenceArgument, text: string, context: {window: 'sentence' | 'paragraph'; beside?: Beside}): string {
    const quote = `"${firstWords(text)}"`
    const evidence = context.beside && evidenceNamed(context.beside)
    const missing = context.beside && item.recommends
      ? `recommends or predicts, and ${evidence} shows the situation, not that this would work. Back the claim itself, in the same sentence: a source, a case where it worked, or figures.`
      : context.beside
        ? `is not backed by ${evidence}, which supports that sentence. Add a citation, a named case or figures for this claim right after it, or say how the evidence shows it ("This shows…").`
        : context.window === 'sentence'
        ? 'has no citation, named case or figures in the same sentence. Add one to the sentence.'
        : 'has no citation, named case or figures beside it. Add one that backs it, right after the claim.'
    if (item.role === 'thesis') return `The thesis ${quote} is not backed anywhere in the body: give each main reason for it a source or a named case in the body paragraphs.`
    if (item.vague.length > 0) return `Unsupported claim: ${quote} rests on "${item.vague[0].text}", which names no source. Name the study or author (and year), or give a case or figures.`
    if (item.reasoned) return `Supported by reasoning only: ${quote} is argued, but no evidence backs it. Add a source, a named case or figures to make it convincing.`
    if (item.strength === 'absolute') return `Sweeping claim without support: ${quote} ${missing.replace(/\.$/, '')}, or narrow the claim to what you can show.`
    if (item.strength === 'hedged') return `Unsupported claim (hedged): ${quote} ${missing}`
    return `Unsupported claim: ${quote} ${missing}`
  }
}
