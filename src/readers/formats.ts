/**
 * Which files essaylint reads, and how: Markdown and plain text go straight to
 * the pipeline; documents (Word, OpenDocument, PDF, web pages) go through a
 * reader first; formats no reader handles are refused with what to do instead.
 * The language server reads only the text formats.
 */

/** Read as text by the pipeline itself. */
export const textExtensions = ['md', 'markdown', 'mdx', 'txt']

/** Read by a reader in `src/readers/` into Markdown first. */
export const documentExtensions = ['docx', 'odt', 'pdf', 'html', 'htm']

/**
 * Formats students hand in that no reader reads: what the student should do.
 * Keys are lower-case extensions; '' is a file without one.
 */
export const refusedFormats: Record<string, string> = {
  doc: 'old Word format: save it as .docx and run essaylint again',
  rtf: 'Rich Text Format is not read: save it as .docx (or export it as PDF) and run essaylint again',
  pages: 'Apple Pages format is not read: export it as Word (.docx) or PDF and run essaylint again',
  tex: 'LaTeX source is not read: lint the PDF it makes (essay.pdf), or convert it with "pandoc essay.tex -o essay.md"',
  wpd: 'WordPerfect format is not read: save it as .docx and run essaylint again',
  '': 'a file without an extension: rename it to .md or .txt (or .docx, .odt, .pdf, .html for those formats) and run essaylint again'
}

/** What the extension says about a path (lower-case, without the dot). */
export function extensionOf(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file
  const dot = base.lastIndexOf('.')
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase()
}

export function isDocument(file: string): boolean {
  return documentExtensions.includes(extensionOf(file))
}

/** The reason a file is refused, or undefined when it is read. */
export function refusal(file: string): string | undefined {
  const extension = extensionOf(file)
  return Object.hasOwn(refusedFormats, extension) ? refusedFormats[extension] : undefined
}

/** The folder summary of refused files: "skipped 3 files essaylint cannot read: 2 .pages, 1 .doc". */
export function skippedSummary(folder: string, files: string[]): string | undefined {
  if (files.length === 0) return undefined
  const counts = new Map<string, number>()
  for (const file of files) {
    const extension = extensionOf(file)
    counts.set(extension, (counts.get(extension) ?? 0) + 1)
  }
  const kinds = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([extension, count]) => `${count} ${extension ? '.' + extension : 'without an extension'}`)
  const noun = files.length === 1 ? 'file' : 'files'
  return `${folder}: skipped ${files.length} ${noun} essaylint cannot read: ${kinds.join(', ')} (save them as .docx, .pdf or .txt to include them)`
}
