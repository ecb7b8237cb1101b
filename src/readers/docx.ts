/**
 * Word files (.docx; also Google Docs' "Microsoft Word" export): mammoth
 * reads the document to HTML — headings, paragraphs, lists, tables, bold and
 * italic, links, footnotes and endnotes; tracked changes as accepted (it reads
 * insertions and leaves deletions out); comments are left out — and the HTML
 * reader turns that into the Markdown tree.
 *
 * Before mammoth opens the file, every XML part is inflated once through the
 * limits of `zip.ts`: mammoth's own unzipping (JSZip) trusts the sizes a file
 * claims. Pictures are never decompressed (their `src` is left empty), and
 * mammoth may not open files outside the document (`externalFileAccess`).
 */

import type {Root} from 'mdast'
import {htmlToMdast} from './html.js'
import {documentZipLimits} from './limits.js'
import {ReaderError} from './errors.js'
import {readZip} from './zip.js'

/** Quotation styles mammoth does not map itself (Word's, and LibreOffice's in a docx it wrote). */
const styleMap = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Quotations'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh"
]

export async function readDocx(bytes: Buffer): Promise<Root> {
  const parts = await readZip(bytes, documentZipLimits, (name) => /\.(?:xml|rels)$/i.test(name))
  if (!parts.some((part) => part.name === 'word/document.xml')) throw new ReaderError('not a Word document: it has no word/document.xml (is it another format renamed to .docx?)')
  const refused = parts.find((part) => part.refused && /\.(?:xml|rels)$/i.test(part.name))
  if (refused) throw new ReaderError(`the Word document's ${refused.name} ${refused.refused!.replace(/: skipped$/, '')}`)
  const {default: mammoth} = await import('mammoth')
  const result = await mammoth.convertToHtml(
    {buffer: bytes},
    {
      styleMap,
      ignoreEmptyParagraphs: true,
      externalFileAccess: false,
      convertImage: mammoth.images.imgElement(() => Promise.resolve({src: ''}))
    }
  )
  return htmlToMdast(result.value)
}
