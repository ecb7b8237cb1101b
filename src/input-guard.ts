/**
 * Refuses input that is not an essay before any work is done on it: binary
 * files, invalid UTF-8, empty files and files over the size limit. Each gets
 * one plain sentence (a fatal message without a rule id, which the CLI
 * reports as an input error with exit code 2). UTF-16 files with a byte-order
 * mark are decoded, so positions are counted in the text the student wrote.
 */

import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'

export interface InputGuardOptions {
  /** Largest essay read, in bytes (default 2 MB). */
  maxBytes?: number
  /**
   * How to get the file's bytes when the value arrived already decoded (the
   * engine reads files as UTF-8, which hides invalid bytes and UTF-16). Shells
   * that read from disk pass this; the core itself never touches the disk.
   */
  rawBytes?: (file: VFile) => Uint8Array | undefined
}

export const defaultMaxBytes = 2 * 1024 * 1024

const formatSize = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`

/** Decode and check the file's bytes; returns the problem, or undefined. */
export function checkInput(file: VFile, maxBytes: number): string | undefined {
  let value = file.value
  if (typeof value !== 'string') {
    const bytes = value
    if (bytes.length > maxBytes) return `file is too large (${formatSize(bytes.length)}); essaylint reads essays up to ${formatSize(maxBytes)}`
    if (bytes[0] === 0xff && bytes[1] === 0xfe) value = new TextDecoder('utf-16le').decode(bytes)
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) value = new TextDecoder('utf-16be').decode(bytes)
    else {
      if (bytes.subarray(0, 8192).includes(0)) return 'binary file, not an essay (expected Markdown or plain text)'
      try {
        value = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
      } catch {
        return 'file is not valid UTF-8 text; save it as UTF-8 and run essaylint again'
      }
    }
    file.value = value
  } else if (value.length > maxBytes) {
    return `file is too large (${formatSize(value.length)}); essaylint reads essays up to ${formatSize(maxBytes)}`
  }
  if (value.includes('\0')) return 'binary file, not an essay (expected Markdown or plain text)'
  if (value.trim() === '') return 'file is empty: there is no essay to check'
  return undefined
}

/** Wraps the parser so that the checks run on the raw bytes first. */
export const inputGuard: Plugin<[InputGuardOptions?], Root> = function (options) {
  const maxBytes = options?.maxBytes ?? defaultMaxBytes
  const rawBytes = options?.rawBytes
  const parse = this.parser
  if (!parse) throw new Error('inputGuard must come after remark-parse')
  this.parser = function (_doc, file) {
    // A replacement character or a NUL means decoding lost information:
    // look at the real bytes to tell binary, UTF-16 and broken UTF-8 apart.
    if (rawBytes && typeof file.value === 'string' && /[\uFFFD\0]/.test(file.value)) {
      const bytes = rawBytes(file)
      if (bytes) file.value = bytes
    }
    const problem = checkInput(file, maxBytes)
    if (problem) file.fail(problem, {source: 'essaylint'})
    return parse(String(file.value), file)
  }
}
