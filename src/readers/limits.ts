/** Limits on the documents the readers open (a docx or odt is a zip of XML). */

import type {ZipLimits} from './zip.js'

/** Largest document file read (Word files with pictures are large; their text is small). */
export const maxDocumentBytes = 50 * 1024 * 1024

/** Parts of a Word or OpenDocument file: no essay's XML comes near these. */
export const documentZipLimits: ZipLimits = {maxEntryBytes: 20 * 1024 * 1024, maxTotalBytes: 100 * 1024 * 1024, maxEntries: 5000}

/** Time one document may take to read, in milliseconds. */
export const readTimeLimit = 30_000
