/**
 * Writing the report named by `--output` without ever harming another file.
 *
 * - The report never lands on an essay read in the run, however the path is
 *   spelled: through a linked folder, a link to the file, or a hard link.
 *   Files are compared by identity (device and inode), not by name.
 * - A regular file is replaced in one step through a temporary file in the
 *   same folder, created exclusively (O_EXCL, O_NOFOLLOW) under a random
 *   name: a link planted under a guessed name is never followed, and two
 *   runs never share a name (not even with the same pid in two containers).
 *   write-file-atomic was the package to use, but it names its temporary
 *   file from a hash of the pid and a counter and opens it with "w", which
 *   follows a planted link and collides across PID namespaces.
 * - A character device or a pipe (`-o /dev/null`, `-o >(gzip)`) is written
 *   directly: renaming over it would replace the node with a regular file.
 * - Temporary files of runs killed before they could rename (older than an
 *   hour) are removed.
 */

import {randomBytes} from 'node:crypto'
import {closeSync, constants, fsyncSync, lstatSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, type Stats} from 'node:fs'
import path from 'node:path'

/** Temporary files of earlier runs older than this are taken as left by a killed run. */
const staleAfterMs = 60 * 60 * 1000

const statOrUndefined = (file: string): Stats | undefined => {
  try {
    return statSync(file)
  } catch {
    return undefined
  }
}

/**
 * Whether `target` is (after following links) the same file as one of
 * `read`. A target that does not exist yet is no essay.
 */
export function isOneOf(target: string, read: Iterable<string>): boolean {
  const out = statOrUndefined(target)
  if (!out) return false
  for (const file of read) {
    const stats = statOrUndefined(file)
    if (stats && stats.ino === out.ino && stats.dev === out.dev) return true
  }
  return false
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** `.<name>.<random>.tmp` beside the target (and `.<name>.<pid>.tmp`, the older form). */
const tempPattern = (base: string) => new RegExp(`^\\.${escapeRegExp(base)}\\.(?:\\d+|[0-9a-f]{16})\\.tmp$`)

/** Remove the temporary files of killed runs for this target: older than an hour, never through a link. */
export function removeStaleTemps(target: string, now = Date.now()): void {
  const folder = path.dirname(target)
  const pattern = tempPattern(path.basename(target))
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return
  }
  for (const name of names) {
    if (!pattern.test(name)) continue
    const file = path.join(folder, name)
    try {
      const stats = lstatSync(file)
      if ((stats.isFile() || stats.isSymbolicLink()) && now - stats.mtimeMs > staleAfterMs) rmSync(file, {force: true})
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

/** Write the report (or an annotated copy) to `target`: directly to a device or a pipe, otherwise through an exclusive temporary file and a rename. */
export function writeReport(target: string, text: string | Uint8Array): void {
  const report = openReport(target)
  report.write(text)
  report.close()
}

/** A report being written in pieces; `close` puts it in place, `abort` leaves the target as it was. */
export interface ReportFile {
  write(text: string | Uint8Array): void
  close(): void
  abort(): void
}

/**
 * `writeReport` for a report written as it is made (a class's report, as
 * the workers' results come): the pieces go to the exclusive temporary
 * file, and only `close` renames it over the target, so a run that fails
 * halfway leaves the old report whole.
 */
export function openReport(target: string): ReportFile {
  const existing = statOrUndefined(target)
  if (existing && (existing.isCharacterDevice() || existing.isFIFO() || existing.isSocket())) {
    const fd = openSync(target, 'w')
    const close = () => closeSync(fd)
    return {write: (text) => writeFileSync(fd, text), close, abort: close}
  }
  if (existing?.isBlockDevice()) throw Object.assign(new Error('is a device'), {code: 'EINVAL'})
  removeStaleTemps(target)
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(8).toString('hex')}.tmp`)
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o666)
  let open = true
  const abort = () => {
    if (open) {
      open = false
      closeSync(fd)
    }
    rmSync(temp, {force: true})
  }
  return {
    write(text) {
      try {
        writeFileSync(fd, text)
      } catch (error) {
        abort()
        throw error
      }
    },
    close() {
      try {
        try {
          fsyncSync(fd)
        } finally {
          open = false
          closeSync(fd)
        }
        renameSync(temp, target)
      } catch (error) {
        rmSync(temp, {force: true})
        throw error
      }
    },
    abort
  }
}
