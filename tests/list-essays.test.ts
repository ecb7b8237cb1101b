import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {engineChunk, listEssays} from '../src/cli/list-essays.js'
import type {CliOptions} from '../src/cli/args.js'

// A class larger than one engine run, so that it is listed in parts: the
// parts together must list exactly what one engine run over the folder does.
describe('listing a class larger than one engine run', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'essaylint-list-'))
  const essays: string[] = []
  const add = (name: string, listed: boolean) => {
    mkdirSync(path.join(dir, path.dirname(name)), {recursive: true})
    writeFileSync(path.join(dir, name), '# An essay\n\nText.\n')
    if (listed) essays.push(name)
  }
  for (let i = 0; i < engineChunk + 40; i++) add(`class/flat/s${String(i).padStart(4, '0')}.md`, true)
  for (let i = 0; i < 30; i++) add(`class/flat/notes-${i}.pdf.bak`, false)
  for (let i = 0; i < engineChunk; i++) add(`class/students/s${i}/essay.txt`, true)
  for (let i = 0; i < 40; i++) add(`class/flat/drafts/d${i}.md`, false)
  for (let i = 0; i < 5; i++) add(`class/flat/node_modules/pkg/readme${i}.md`, false)
  add('class/flat/skip-me.md', false)
  writeFileSync(path.join(dir, 'class', '.essaylintignore'), 'flat/drafts/\n')
  const options = (files: string[], more: Partial<CliOptions> = {}) => ({files, rules: {}, ignorePatterns: ['skip-me.md'], ...more}) as unknown as CliOptions

  it('honours ignore files, ignore patterns, extensions and node_modules, and lists each essay once', async () => {
    const listed = await listEssays(options(['class']), dir, ['md', 'txt'])
    expect([...listed].sort()).toEqual([...essays].sort())
  })

  it('expands a glob as the engine does, each match split like a folder given by name', async () => {
    const listed = await listEssays(options(['class/*']), dir, ['md', 'txt'])
    expect([...listed].sort()).toEqual([...essays].sort())
    const some = await listEssays(options(['class/flat/s00*.md']), dir, ['md'])
    expect(some).toHaveLength(100)
  })

  it('--ext decides what is an essay inside a split folder', async () => {
    const listed = await listEssays(options(['class']), dir, ['txt'])
    expect(listed).toHaveLength(engineChunk)
    expect(listed.every((file) => file.endsWith('essay.txt'))).toBe(true)
  })
})
