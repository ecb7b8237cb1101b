/**
 * The input layer: a document as a student hands it in (Word, OpenDocument,
 * PDF, a web page) becomes the Markdown text that the pipeline analyses like
 * any essay, so no rule knows the format. Each reader makes a Markdown tree
 * (mdast); `markdownOf` writes it out, and that text is what positions in a
 * report refer to (`essaylint --print-text FILE` prints it).
 *
 * Readers are loaded when a document needs them: linting Markdown never
 * loads mammoth or PDF.js, and the language server reads only Markdown and
 * plain text.
 */

import type {Root} from 'mdast'
import {ReaderError} from './errors.js'
import {extensionOf} from './formats.js'
import {maxDocumentBytes, readTimeLimit} from './limits.js'
import {markdownOf} from './markdown.js'

export {ReaderError} from './errors.js'
export {documentExtensions, extensionOf, isDocument, refusal, refusedFormats, skippedSummary, textExtensions} from './formats.js'

const names: Record<string, string> = {docx: 'Word document', odt: 'OpenDocument text', pdf: 'PDF', html: 'web page', htm: 'web page'}

/** The Markdown tree of a document, by its extension. */
export async function readTree(file: string, bytes: Buffer): Promise<Root> {
  switch (extensionOf(file)) {
    case 'docx':
      return (await import('./docx.js')).readDocx(bytes)
    case 'odt':
      return (await import('./odt.js')).readOdt(bytes)
    case 'pdf':
      return (await import('./pdf.js')).readPdf(bytes)
    case 'html':
    case 'htm':
      return (await import('./html.js')).htmlToMdast(decodeHtml(bytes))
    default:
      throw new ReaderError('not a document format essaylint reads')
  }
}

/**
 * The text essaylint extracts from a document, within the size and time
 * limits; any failure is a ReaderError whose message is one line for the
 * student.
 */
export async function extractText(file: string, bytes: Buffer): Promise<string> {
  const kind = names[extensionOf(file)] ?? 'document'
  if (bytes.length > maxDocumentBytes) throw new ReaderError(`the ${kind} is too large (${(bytes.length / 2 ** 20).toFixed(1)} MB); essaylint reads documents up to ${maxDocumentBytes / 2 ** 20} MB`)
  if (bytes.length === 0) throw new ReaderError('file is empty: there is no essay to check')
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new ReaderError(`reading the ${kind} took longer than ${readTimeLimit / 1000} s: it may be damaged; save it again (or as PDF) and run essaylint again`)), readTimeLimit)
  })
  try {
    const tree = await Promise.race([readTree(file, bytes), timeout])
    const text = markdownOf(tree)
    if (text.trim() === '') throw new ReaderError(`the ${kind} has no text: there is no essay to check`)
    return text
  } catch (error) {
    if (error instanceof ReaderError) throw error
    throw new ReaderError(`cannot read this ${kind}: ${String((error as Error)?.message ?? error).split('\n')[0]} (is the file damaged? open it and save it again)`)
  } finally {
    clearTimeout(timer)
  }
}

/** A web page's text: UTF-8 unless its byte-order mark says UTF-16. */
function decodeHtml(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  return new TextDecoder('utf-8').decode(bytes)
}
