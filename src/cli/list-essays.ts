/**
 * The essays a run names, listed by unified-engine (its globbing, ignore files
 * and extension rules) without analysing any: a processor that reads nothing.
 *
 * unified-engine's file queue scans every file of a run each time one file
 * reaches it, so one engine run costs time quadratic in its files (10,000
 * essays took half a minute of listing alone). So a class is handed to the
 * engine in parts of at most `engineChunk` files: a folder holding no more
 * than that goes whole (the engine walks it as it always does); a larger one
 * is split into its entries — sub-folders split the same way, essay files by
 * extension, `node_modules` left out, as the engine does inside a folder. An
 * entry of a folder that an ignore file excludes is excluded by the same
 * pattern (gitignore's rules ignore what is under an ignored folder).
 */

import {readdirSync, realpathSync, statSync, type Dirent} from 'node:fs'
import path from 'node:path'
import {glob, hasMagic} from 'glob'
import {engine, type Context} from 'unified-engine'
import type {CliOptions} from './args.js'
import {ignoreOptions, readNothing, silentRun} from '../engine-options.js'

/** Files per engine run: the queue's scans cost about this many steps per file. */
export const engineChunk = 250

/** A path for the engine, and about how many essay files it leads to. */
interface Part {
  path: string
  files: number
}

/** The essays the engine would lint for these arguments, each once (the shortest path to each real file). */
export async function listEssays(options: CliOptions, cwd: string, extensions: string[], ignorePatterns: string[] = []): Promise<string[]> {
  const wanted = new Set(extensions.map((extension) => (extension.startsWith('.') ? extension : '.' + extension)))
  const parts: Part[] = []
  for (const argument of options.files) {
    // Globs are expanded as the engine expands them; each match is then as if given.
    const given = hasMagic(argument) ? (await glob(argument, {cwd})).sort() : [argument]
    for (const file of given) parts.push(...partsOf(path.relative(cwd, path.resolve(cwd, file)) || '.', cwd, wanted))
  }
  const names: string[] = []
  for (const chunk of chunksOf(parts, engineChunk)) names.push(...(await listWithEngine(chunk, options, cwd, extensions, ignorePatterns)))
  return shortestPaths(names, cwd)
}

/** A folder with few essays as one part; a larger one as the parts of its entries. */
function partsOf(given: string, cwd: string, wanted: Set<string>): Part[] {
  const full = path.resolve(cwd, given)
  let isFolder = false
  try {
    isFolder = statSync(full).isDirectory()
  } catch {
    // Missing: the engine reports it.
  }
  if (!isFolder) return [{path: given, files: 1}]
  return folderParts(given, cwd, wanted)
}

function folderParts(folder: string, cwd: string, wanted: Set<string>): Part[] {
  let entries: Dirent[]
  try {
    entries = readdirSync(path.resolve(cwd, folder), {withFileTypes: true})
  } catch {
    return [{path: folder, files: 1}]
  }
  const inner: Part[] = []
  let files = 0
  for (const entry of entries) {
    if (entry.name === 'node_modules') continue
    const entryPath = path.join(folder, entry.name)
    // Only real folders are split: a link (to a folder, perhaps one above) is the engine's to follow.
    if (entry.isDirectory()) {
      const parts = folderParts(entryPath, cwd, wanted)
      for (const part of parts) files += part.files
      inner.push(...parts)
    } else if (wanted.has(path.extname(entry.name)) || (!entry.isFile() && leadsToFolder(path.resolve(cwd, entryPath)))) {
      files++
      inner.push({path: entryPath, files: 1})
    }
  }
  return files <= engineChunk ? [{path: folder, files}] : inner
}

function leadsToFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory()
  } catch {
    return false
  }
}

/** Consecutive parts, at most `size` files together (a larger part alone). */
function chunksOf(parts: Part[], size: number): string[][] {
  const chunks: string[][] = []
  let current: string[] = []
  let files = 0
  for (const part of parts) {
    if (current.length > 0 && files + part.files > size) {
      chunks.push(current)
      current = []
      files = 0
    }
    current.push(part.path)
    files += part.files
  }
  if (current.length > 0) chunks.push(current)
  return chunks
}

function listWithEngine(files: string[], options: CliOptions, cwd: string, extensions: string[], ignorePatterns: string[]): Promise<string[]> {
  return new Promise((resolve) => {
    engine(
      {
        ...silentRun(),
        processor: readNothing(),
        files,
        extensions,
        cwd,
        ...ignoreOptions(options, cwd, ignorePatterns),
        detectConfig: false
      },
      (_error: Error | undefined, _code?: number, context?: Context) => {
        resolve((context?.files ?? []).map((file) => (path.isAbsolute(file.path) ? path.relative(cwd, file.path) : file.path)))
      }
    )
  })
}

/**
 * unified-engine follows a link to a folder above it until the system says
 * ELOOP: the same essay then turns up once per level. Keep the shortest path
 * to each real file.
 */
function shortestPaths(names: string[], cwd: string): string[] {
  const seen = new Set<string>()
  const listed: string[] = []
  names.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))
  for (const name of names) {
    const real = realPath(path.resolve(cwd, name))
    if (seen.has(real)) continue
    seen.add(real)
    listed.push(name)
  }
  return listed
}

/** The file a path leads to; the path itself where it leads nowhere (the engine reports that). */
function realPath(file: string): string {
  try {
    return realpathSync(file)
  } catch {
    return file
  }
}
