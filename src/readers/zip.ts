/**
 * Reading zip archives without trusting them: Word and OpenDocument files are
 * zips of XML, and a class download from an LMS is a zip of essays. yauzl
 * reads the archive's directory and streams each entry through
 * decompression; nothing is ever written to disk, and no entry is inflated
 * past its declared size (yauzl checks it), which must be within the limits
 * before a byte of it is read. So a zip bomb is refused after reading its
 * directory, and a zip that lies about its sizes is cut off at the lie.
 */

import iconv from 'iconv-lite'
import yauzl, {type Entry, type ZipFile} from 'yauzl'
import {ReaderError} from './errors.js'

export interface ZipLimits {
  /** Largest decompressed entry, in bytes. */
  maxEntryBytes: number
  /** Largest sum of the decompressed entries, in bytes. */
  maxTotalBytes: number
  maxEntries: number
}

/** The archive cannot be read at all (not a zip, too many entries, too large in total). */
export class ZipError extends ReaderError {}

export interface ZipEntry {
  /** The entry's path inside the archive, with forward slashes. */
  name: string
  /** The bytes of an entry that was kept. */
  data?: Buffer
  /** Why the entry was not read (its path, its size, a zip inside the zip). */
  refused?: string
}

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`

/**
 * Every entry of the archive (folders left out), the bytes of those `keep`
 * wants. Entries that are unsafe by themselves are refused one by one;
 * limits on the whole archive throw a ZipError.
 */
export async function readZip(
  source: Buffer | string,
  limits: ZipLimits,
  keep: (name: string) => boolean,
  /** Given, each entry is handed over as it is read (and not kept): one entry in memory at a time. */
  each?: (entry: ZipEntry) => Promise<void>
): Promise<ZipEntry[]> {
  // Names are decoded here, not by yauzl, which stops at the first unsafe name:
  // one bad entry should not hide the rest of a class.
  const options = {lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: true}
  let zip: ZipFile
  try {
    zip = typeof source === 'string' ? await yauzl.openPromise(source, options) : await yauzl.fromBufferPromise(source, options)
  } catch (error) {
    throw new ZipError(`not a readable zip archive (${(error as Error).message})`)
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close()
    throw new ZipError(`the archive has ${zip.entryCount.toLocaleString('en')} entries; essaylint reads at most ${limits.maxEntries.toLocaleString('en')}`)
  }
  const entries: ZipEntry[] = []
  let total = 0
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      zip.close()
      reject(error instanceof ZipError ? error : new ZipError(`the archive is damaged (${error.message})`))
    }
    zip.on('error', fail)
    zip.on('end', () => resolve(entries))
    zip.on('entry', (entry: Entry) => {
      const name = entryName(entry)
      if (name.endsWith('/')) return zip.readEntry()
      const unsafe = yauzl.validateFileName(name)
      if (unsafe) {
        entries.push({name, refused: `unsafe path inside the archive (${unsafe.replace(/^invalid /, '')}): skipped`})
        return zip.readEntry()
      }
      if (/\.zip$/i.test(name)) {
        entries.push({name, refused: 'a zip inside the zip: skipped (unzip it and run essaylint on its folder)'})
        return zip.readEntry()
      }
      if (entry.uncompressedSize > limits.maxEntryBytes) {
        entries.push({name, refused: `decompresses to ${mb(entry.uncompressedSize)}; essaylint reads entries up to ${mb(limits.maxEntryBytes)}: skipped`})
        return zip.readEntry()
      }
      total += entry.uncompressedSize
      if (total > limits.maxTotalBytes) return fail(new ZipError(`the archive decompresses to more than ${mb(limits.maxTotalBytes)}; essaylint reads at most ${mb(limits.maxTotalBytes)}`))
      if (!keep(name)) {
        entries.push({name})
        return zip.readEntry()
      }
      zip.openReadStream(entry, (error, stream) => {
        if (error) return fail(error)
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('error', fail)
        stream.on('end', () => {
          const read = {name, data: Buffer.concat(chunks)}
          if (!each) {
            entries.push(read)
            return zip.readEntry()
          }
          entries.push({name})
          each(read).then(() => zip.readEntry(), fail)
        })
      })
    })
    zip.readEntry()
  })
}

/** UTF-8 when the entry says so (general purpose bit 11), else the DOS code page zip tools use. */
function entryName(entry: Entry): string {
  const raw = entry.fileName as unknown as Buffer
  const name = (entry.generalPurposeBitFlag & 0x800) !== 0 ? raw.toString('utf8') : iconv.decode(raw, 'cp437')
  return name.replace(/\\/g, '/')
}
