/** What the pipeline keeps on `file.data` (typed for every module). */

import type {Root as NlcstRoot} from 'nlcst'
import type {Concept} from './model/lexicon.js'
import type {EssayModel} from './model/types.js'

declare module 'vfile' {
  interface DataMap {
    /** The natural-language tree of the essay (sentences, words, positions). */
    nlcst: NlcstRoot
    /** The essay model built by the analysis step. */
    essay: EssayModel
    /** The concept lexicon in force for this file (built-in plus config). */
    concepts: Record<string, Concept>
    /** The document format a file's text was extracted from (docx, odt, pdf, html; src/readers/). */
    document?: string
    /** The class zip (absolute path) and the entry a submission's text was read from (src/cli/documents.ts). */
    submission?: {zip: string; entry: string}
    /** One line about how the file was read (the encoding assumed for a .txt that is not UTF-8). */
    note?: string
  }
}

export {}
