/**
 * Every rule's examples are tests (as in remark-lint and ESLint): each
 * `fixtures/rules/<id>/ok-*` essay must produce nothing from that rule, and
 * each `not-ok-*` essay exactly the findings in its `.expected` file
 * (`line:col-line:col rule-id reason`, one per line). A rule without a README,
 * an ok example and a not-ok example fails the completeness check.
 */

import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {rules} from '../src/index.js'
import {compact, lintText, only, root} from './helpers.js'

const examples = path.join(root, 'fixtures', 'rules')

describe.each(Object.keys(rules))('rule %s', (id) => {
  const dir = path.join(examples, id)
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => /\.(md|txt)$/.test(name)) : []

  it('has a README, an ok example and a not-ok example', () => {
    expect(existsSync(path.join(root, 'rules', id, 'README.md'))).toBe(true)
    expect(files.some((name) => name.startsWith('ok-'))).toBe(true)
    expect(files.some((name) => name.startsWith('not-ok-'))).toBe(true)
  })

  it.each(files.filter((name) => name.startsWith('ok-')))('%s: no finding', async (name) => {
    const text = readFileSync(path.join(dir, name), 'utf8')
    const messages = await lintText(text, {path: name, config: only(id)})
    expect(messages.map(compact)).toEqual([])
  })

  it.each(files.filter((name) => name.startsWith('not-ok-')))('%s: exact findings', async (name) => {
    const text = readFileSync(path.join(dir, name), 'utf8')
    const expected = readFileSync(path.join(dir, name.replace(/\.(md|txt)$/, '.expected')), 'utf8').trim().split('\n')
    const messages = await lintText(text, {path: name, config: only(id)})
    expect(messages.map(compact)).toEqual(expected)
  })
})
