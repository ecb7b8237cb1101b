/**
 * Pipes, sockets and devices that a folder or a glob would hand to the
 * engine. unified-engine reads every file it finds, and reading a named pipe
 * (`mkfifo notes.md`) waits for a writer that never comes: the whole run
 * would hang. So before the engine walks a folder, this walk finds such
 * files (with an essay's extension), and the engine is told to ignore them.
 *
 * A pipe named on the command line itself is read as asked, like `cat` would
 * (`essaylint <(pandoc essay.docx -t markdown)` works that way).
 */

import {readdirSync, realpathSync, statSync, type Dirent} from 'node:fs'
import path from 'node:path'

export interface SpecialFile {
  /** Path relative to the working folder. */
  path: string
  kind: string
}

/** The special files under the folders (and the fixed prefix of the globs) among `given`. */
export function findSpecialFiles(given: string[], cwd: string, extensions: string[]): SpecialFile[] {
  const found = new Map<string, SpecialFile>()
  const seen = new Set<string>()
  const wanted = new Set(extensions.map((extension) => '.' + extension))

  const walk = (folder: string): void => {
    let real: string
    try {
      real = realpathSync(folder)
    } catch {
      return
    }
    // A link back to a folder above: walked once.
    if (seen.has(real)) return
    seen.add(real)
    let entries: Dirent[]
    try {
      entries = readdirSync(folder, {withFileTypes: true})
    } catch {
      return
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full)
        continue
      }
      // Anything but a plain file: a link (to a folder, a file or a pipe) or a special file.
      const kind = entry.isFile() ? undefined : kindOf(full)
      if (kind === 'folder') walk(full)
      else if (kind && wanted.has(path.extname(entry.name))) found.set(full, {path: path.relative(cwd, full), kind})
    }
  }

  for (const argument of given) {
    const base = path.resolve(cwd, staticPrefix(argument))
    try {
      if (statSync(base).isDirectory()) walk(base)
    } catch {
      // Missing: the engine reports it.
    }
  }
  return [...found.values()]
}

/** The engine's ignore patterns (gitignore syntax, anchored) for exactly these files. */
export function ignorePatternsFor(files: SpecialFile[]): string[] {
  return files.map((file) => '/' + file.path.split(path.sep).join('/').replace(/[\\*?[\]!# ]/g, '\\$&'))
}

/** The folder part of a glob before its first magic character; the argument itself otherwise. */
function staticPrefix(argument: string): string {
  const parts = argument.split(/[\\/]/)
  const magic = parts.findIndex((part) => /[*?[{]/.test(part))
  if (magic === -1) return argument
  return parts.slice(0, magic).join('/') || '.'
}

/** What a path leads to, following links, when it is not an ordinary file. */
function kindOf(file: string): string | undefined {
  try {
    const stats = statSync(file)
    if (stats.isDirectory()) return 'folder'
    if (stats.isFile()) return undefined
    if (stats.isFIFO()) return 'a named pipe'
    if (stats.isSocket()) return 'a socket'
    return 'a device'
  } catch {
    // Dangling links and link loops: the engine reports them.
    return undefined
  }
}
