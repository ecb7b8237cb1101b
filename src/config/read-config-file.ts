/**
 * Configs and rubrics are read only from regular files of at most 1 MB.
 *
 * A student's repository can carry `.essaylintrc.json -> /dev/zero` (read
 * forever, memory without limit) or a config that is a named pipe (a read
 * that waits forever), and take down the grader or the editor. Each file is
 * opened without blocking (a pipe with no writer opens at once), checked
 * with fstat on the open descriptor (no race with a swapped link), and read
 * up to the limit only.
 *
 * unified-engine finds `.essaylintrc*` and `package.json` files itself with
 * `fs.readFile`, and offers no hook before it reads; `guardEngineConfigReads`
 * routes its reads of those names (and of a config given by path) through
 * the same check. It changes nothing for other files.
 */

import fs, {closeSync, constants, fstatSync, openSync, readSync, type Stats} from 'node:fs'
import path from 'node:path'
import bytes from 'bytes'

/** The largest config or rubric read: far above any real one. */
export const configSizeLimit = 1024 * 1024

/** A file that is no config: not a regular file, or too large. The message is one plain line. */
export class ConfigFileError extends Error {
  readonly code = 'EINVAL'
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder'
  if (stats.isFIFO()) return 'a named pipe'
  if (stats.isSocket()) return 'a socket'
  return 'a device'
}

/**
 * The bytes of a config or rubric file. Throws the system's error (ENOENT,
 * EACCES, …) when it cannot be opened, and a ConfigFileError when it is not
 * a regular file or is larger than the limit.
 */
export function readConfigBytes(file: string): Buffer {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK)
  try {
    const stats = fstatSync(fd)
    if (!stats.isFile()) throw new ConfigFileError(`it is ${kindOf(stats)}, not a file; essaylint reads configs and rubrics only from regular files`)
    const tooLarge = () => new ConfigFileError(`it is too large (${bytes.format(stats.size, {unitSeparator: ' '})}) for a config or rubric; essaylint reads them up to 1 MB`)
    if (stats.size > configSizeLimit) throw tooLarge()
    // Read one byte past the limit: a file that grows while it is read is still refused.
    const buffer = Buffer.alloc(Math.min(stats.size, configSizeLimit) + 1)
    let length = 0
    for (let read = 1; read > 0 && length < buffer.length; length += read) read = readSync(fd, buffer, length, buffer.length - length, null)
    if (length > configSizeLimit) throw tooLarge()
    return buffer.subarray(0, length)
  } finally {
    closeSync(fd)
  }
}

/** The text of a config or rubric file (UTF-8), with the checks of `readConfigBytes`. */
export function readConfigFile(file: string): string {
  return readConfigBytes(file).toString('utf8')
}

/** What is wrong with a config path that exists but cannot be a config; undefined if fine or missing (the caller reports that). */
export function configFileProblem(file: string): string | undefined {
  try {
    readConfigBytes(file)
    return undefined
  } catch (error) {
    return error instanceof ConfigFileError ? error.message : undefined
  }
}

const guardedNames = new Set<string>()
const guardedPaths = new Set<string>()
let installed = false

/**
 * Make unified-engine's reads of these config names (and of `rcPath`, a
 * config named by path) go through `readConfigBytes`. Idempotent.
 */
export function guardEngineConfigReads(names: string[], rcPath?: string): void {
  for (const name of names) guardedNames.add(name)
  if (rcPath) guardedPaths.add(path.resolve(rcPath))
  if (installed) return
  installed = true
  const original = fs.readFile
  const guarded = function (this: unknown, file: unknown, ...rest: unknown[]) {
    const callback = rest[rest.length - 1]
    if (typeof file === 'string' && rest.length === 1 && typeof callback === 'function' && (guardedNames.has(path.basename(file)) || guardedPaths.has(path.resolve(file)))) {
      let result: Buffer
      try {
        result = readConfigBytes(file)
      } catch (error) {
        process.nextTick(callback as (error: unknown) => void, error)
        return
      }
      process.nextTick(callback as (error: null, data: Buffer) => void, null, result)
      return
    }
    return (original as (...args: unknown[]) => unknown).call(this, file, ...rest)
  }
  fs.readFile = Object.assign(guarded, original) as typeof fs.readFile
}
