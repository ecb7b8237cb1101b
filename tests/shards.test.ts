/** `essaylint grade --shard i/n` and `--merge`: n shards merged are the report of one run. */

import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {parseShard, shardOf} from '../src/grade/shards.js'
import {root, run, workspace} from './helpers.js'

const sources = ['weak-no-theory.md', 'mali-sovereignty.md', 'rwanda-case-study.txt', 'strong-three-lenses.md', 'protection-of-civilians.md', 'liberal-peace-critique.txt']
// A short essay, varied per student, for a class large enough for the workers.
const short = (i: number) =>
  `# Essay ${i}\n\nThis essay argues that peacekeeping in Mali depends on consent (Karlsrud, 2015). Realism explains why the Security Council acted in ${1990 + (i % 30)}. ` +
  `${i % 3 ? 'Sovereignty limits the mandate, and the ethics of force matter.' : 'Troops protected civilians in Gao.'}\n`
/**
 * A class of `count` essays in folders per section: copies of the sample
 * essays under students' names, or, for a class large enough for the
 * workers, short essays (the test stays quick on a busy machine).
 */
function classOf(count: number): string {
  const files: Record<string, string> = {}
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length]
    const name = `class/section-${i % 2 ? 'b' : 'a'}/student-${String(i).padStart(2, '0')}`
    if (count < 24) files[name + path.extname(source)] = readFileSync(path.join(root, 'fixtures', 'essays', source), 'utf8')
    else files[name + '.md'] = short(i)
  }
  return workspace(files, 'essaylint-shards-')
}

describe('a shard', () => {
  it('is every n-th essay in path order, starting with the i-th; the shards are disjoint and hold the class', () => {
    const listed = ['c.md', 'a.md', 'e.md', 'b.md', 'd.md']
    expect(shardOf(listed, {index: 1, count: 2})).toEqual(['a.md', 'c.md', 'e.md'])
    expect(shardOf(listed, {index: 2, count: 2})).toEqual(['b.md', 'd.md'])
    expect(shardOf(listed, {index: 6, count: 6})).toEqual([])
  })

  it.each([['0/2'], ['3/2'], ['1/0'], ['x/2'], ['1/2/3'], ['1/-2']])('--shard %s is a usage error', async (text) => {
    expect(typeof parseShard(text)).toBe('string')
    const result = await run(['grade', '--shard', text, 'fixtures/essays'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(`essaylint: --shard expects i/n with 1 ≤ i ≤ n, such as 2/4, got "${text}". Run "essaylint --help" for usage.\n`)
  })

  it('belongs to grade', async () => {
    expect((await run(['--shard', '1/2', 'fixtures/essays'])).stderr).toBe('essaylint: --shard and --merge belong to "essaylint grade". Run "essaylint --help" for usage.\n')
    expect((await run(['grade', '--shard', '1/2', '--merge', 'a.json'])).code).toBe(2)
  })
})

describe('merging the shards of a class', () => {
  it.each([
    [7, 3],
    // 48 essays in 2 shards of 24: each shard, and the whole class, is graded by worker processes.
    [48, 2]
  ])('%i essays in %i shards: the merged report, in every format, is the report of one run', async (count, shards) => {
    const dir = classOf(count)
    const whole = await run(['grade', '-f', 'json', 'class'], {cwd: dir})
    expect(whole.code).toBe(0)
    expect(JSON.parse(whole.stdout).essays).toHaveLength(count)
    const names: string[] = []
    const seen: string[] = []
    for (let i = 1; i <= shards; i++) {
      const name = `shard-${i}.json`
      const part = await run(['grade', '-f', 'json', '--shard', `${i}/${shards}`, '-o', name, 'class'], {cwd: dir})
      expect(part).toMatchObject({code: 0, stderr: ''})
      const report = JSON.parse(readFileSync(path.join(dir, name), 'utf8'))
      expect(report.shard).toEqual({index: i, count: shards, essays: count})
      expect(report.summary.count).toBe(report.essays.length)
      seen.push(...report.essays.map((essay: {path: string}) => essay.path))
      names.push(name)
    }
    expect(seen.sort()).toEqual(JSON.parse(whole.stdout).essays.map((essay: {path: string}) => essay.path))
    // Any order of the shards' reports.
    const merged = await run(['grade', '--merge', '-f', 'json', ...names.reverse()], {cwd: dir})
    expect(merged).toEqual(whole)
    for (const format of count < 24 ? ['csv', 'markdown', 'text'] : ['csv']) expect(await run(['grade', '--merge', '-f', format, ...names], {cwd: dir})).toEqual(await run(['grade', '-f', format, 'class'], {cwd: dir}))
    // --min-score applies to the merged class.
    const failing = await run(['grade', '--merge', '--min-score', '101', '-f', 'csv', ...names], {cwd: dir})
    expect(failing.code).toBe(1)
    expect(failing.stderr).toMatch(new RegExp(`^essaylint: ${count} essays scored below --min-score 101: `))
  }, 600_000)

  it('a shard with no essays of the class is an empty report, not an error', async () => {
    const dir = classOf(2)
    const empty = await run(['grade', '-f', 'json', '--shard', '3/3', 'class'], {cwd: dir})
    expect(empty.code).toBe(0)
    expect(JSON.parse(empty.stdout)).toMatchObject({summary: {count: 0}, essays: [], shard: {index: 3, count: 3, essays: 2}})
  }, 120_000)

  describe('refuses, in one line with exit 2, reports that do not make one class', () => {
    const dir = classOf(7)
    const [one, two, three, otherRubric, whole] = ['s1of2.json', 's2of2.json', 's1of3.json', 's2of2-other.json', 'whole.json']
    beforeAll(async () => {
      const grade = async (name: string, args: string[]) => expect((await run(['grade', '-f', 'json', '-o', name, ...args, 'class'], {cwd: dir})).code).toBe(0)
      await grade(one, ['--shard', '1/2'])
      await grade(two, ['--shard', '2/2'])
      await grade(three, ['--shard', '1/3'])
      writeFileSync(path.join(dir, 'rubric.json'), '{"weights": {"ethics": 30, "perspectives": 10}}')
      await grade(otherRubric, ['--shard', '2/2', '--rubric', 'rubric.json'])
      await grade(whole, [])
      const edited = JSON.parse(readFileSync(path.join(dir, one), 'utf8'))
      edited.essays.pop()
      writeFileSync(path.join(dir, 'edited.json'), JSON.stringify(edited))
      writeFileSync(path.join(dir, 'lint.json'), (await run(['-f', 'json', 'class'], {cwd: dir})).stdout)
      writeFileSync(path.join(dir, 'broken.json'), '{"summary": {"count": 1}, "essays": [')
    }, 300_000)

    it.each([
      [[one, one], `essaylint: ${one}: shard 1/2 is given twice (also ${one})\n`],
      [[one], 'essaylint: --merge: shard 2/2 missing: merge all 2 shards\n'],
      [[one, two, three], `essaylint: ${three}: shard 1/3 of 7 essays does not belong with ${one} (shard 1/2 of 7 essays)\n`],
      [[one, whole], `essaylint: ${whole}: not a shard (no "shard" field), unlike ${one}: merge the reports of one --shard split\n`],
      [[whole, whole], `essaylint: ${whole}: class/section-a/student-00.md is also in ${whole}: the reports overlap\n`],
      [[one, otherRubric], `essaylint: ${otherRubric}: graded with another rubric than ${one} (criteria or points differ)\n`],
      [['edited.json', two], 'essaylint: edited.json: inconsistent: its summary counts 4 essays but it lists 3; was it edited or cut short?\n'],
      [['lint.json'], 'essaylint: lint.json: not a grade report (no "summary" and "essays"); merge the output of "essaylint grade --format json"\n'],
      [['broken.json'], 'essaylint: broken.json: not a grade report (not valid JSON); merge the output of "essaylint grade --format json"\n'],
      [['missing.json'], 'essaylint: missing.json: file not found\n'],
      [['/dev/zero'], 'essaylint: /dev/zero: not a regular file; merge the JSON reports the shards wrote\n'],
      [['class'], 'essaylint: class: not a regular file; merge the JSON reports the shards wrote\n']
    ])('%j', async (files, stderr) => {
      expect(await run(['grade', '--merge', '-f', 'csv', ...files], {cwd: dir})).toEqual({code: 2, stdout: '', stderr})
    })

    it('merges to any grade format but html, and never over a shard it reads', async () => {
      expect((await run(['grade', '--merge', '-f', 'html', one, two], {cwd: dir})).stderr).toBe('essaylint: grade --merge: the html report needs the essays themselves; merge to text, json, markdown or csv\n')
      expect(await run(['grade', '--merge', '-o', one, one, two], {cwd: dir})).toMatchObject({code: 2, stderr: `essaylint: ${one}: refusing to write the report over an essay being linted.\n`})
      expect(JSON.parse(readFileSync(path.join(dir, one), 'utf8')).shard).toEqual({index: 1, count: 2, essays: 7})
    })
  })
})
