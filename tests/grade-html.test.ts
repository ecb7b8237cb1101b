/** `essaylint grade --format html`: the class report in a real browser (Debian's Chromium), and the class summary of the other formats. */

import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser, Page} from 'puppeteer-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Grade} from '../src/grade/score.js'
import {classStats, summarize} from '../src/grade/stats.js'
import {accessibilityViolations, chromiumPath, launch, screenshot, watch} from './browser.js'
import {root, start} from './helpers.js'

// The binary runs without blocking this worker (spawn, not spawnSync): a run of
// synchronous spawns on a loaded machine can keep vitest's worker from
// answering its runner for over a minute.
const grade = async (args: string[], cwd = root) => start(['grade', ...args], cwd).done


const essays = 'fixtures/essays'

describe('class statistics', () => {
  it('count, mean, median, range and population standard deviation', () => {
    expect(summarize([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({count: 8, mean: 5, median: 4.5, min: 2, max: 9, standardDeviation: 2})
    expect(summarize([3, 1, 2])).toMatchObject({median: 2, min: 1, max: 3})
    expect(summarize([])).toEqual({count: 0, mean: 0, median: 0, min: 0, max: 0, standardDeviation: 0})
  })

  it('bins the scores in tenths of the maximum, full marks in the last bin', () => {
    const grade = (score: number): Grade => ({path: 'x', score, max: 100, criteria: [{id: 'a', label: 'A', score: score / 2, max: 50, evidence: []}]})
    const stats = classStats([0, 9.9, 10, 55, 100].map(grade))
    expect(stats.histogram.map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 1])
    expect(stats.histogram[9]).toEqual({from: 90, to: 100, count: 1})
    expect(stats.criteria).toEqual([{id: 'a', label: 'A', outOf: 50, count: 5, mean: 17.5, median: 5, min: 0, max: 50, standardDeviation: 18.8}])
  })

  it('is in the text, markdown and json outputs', async () => {
    const json = JSON.parse((await grade(['-f', 'json', essays])).stdout) as {summary: ReturnType<typeof classStats>; essays: Grade[]}
    const scores = json.essays.map((g) => g.score)
    const expected = summarize(scores)
    expect(json.summary).toMatchObject({...expected, outOf: 100})
    expect(json.summary.criteria.map((c) => c.id)).toEqual(['thesis', 'counterargument', 'claims-supported', 'perspectives', 'sovereignty', 'ethics', 'evidence-quality', 'references'])
    const text = (await grade([essays])).stdout
    expect(text.trimEnd().split('\n').at(-1)).toBe(`class: 6 essays, mean ${expected.mean}, median ${expected.median}, range ${expected.min}–${expected.max}, standard deviation ${expected.standardDeviation} (out of 100)`)
    const markdown = (await grade(['-f', 'markdown', essays])).stdout
    expect(markdown).toContain(`### Class\n\n| | Essays | Mean | Median | Range | Std. dev. |\n| --- | ---: | ---: | ---: | ---: | ---: |\n| **Score** (of 100) | 6 | ${expected.mean} | ${expected.median} | ${expected.min}–${expected.max} | ${expected.standardDeviation} |\n| Thesis (of 10) | 6 |`)
  })
})

describe.skipIf(!chromiumPath)('the HTML class report in Chromium', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'essaylint-report-'))
  const report = path.join(dir, 'report.html')
  let browser: Browser
  let close: () => Promise<void>
  let page: Page
  let seen: {errors: string[]; requests: string[]}
  let grades: Grade[]

  beforeAll(async () => {
    grades = (JSON.parse((await grade(['-f', 'json', essays])).stdout) as {essays: Grade[]}).essays
    const result = await grade(['--format', 'html', '-o', report, essays])
    expect(result).toMatchObject({code: 0, stdout: '', stderr: ''})
    ;({browser, close} = await launch())
    page = await browser.newPage()
    await page.setViewport({width: 1280, height: 900})
    seen = watch(page)
    await page.goto(pathToFileURL(report).href, {waitUntil: 'load'})
  })
  afterAll(async () => {
    await close?.()
  })

  it('is one self-contained file: no request but the page itself, no console error', async () => {
    expect(seen.requests).toEqual([pathToFileURL(report).href])
    expect(seen.errors).toEqual([])
    const html = readFileSync(report, 'utf8')
    expect(html).not.toMatch(/<(?:link|img)\b|\bsrc=|https?:\/\/(?!github\.com\/essaylint)/)
    await screenshot(page, 'class-report')
  })

  it('shows the class count, mean and a histogram bar per score band', async () => {
    const stats = await page.$$eval('[data-stat]', (items) => Object.fromEntries(items.map((i) => [i.getAttribute('data-stat'), i.querySelector('dd')!.textContent])))
    const expected = summarize(grades.map((g) => g.score))
    expect(stats).toMatchObject({count: '6', mean: String(expected.mean), median: String(expected.median)})
    const bars = await page.$$eval('.histogram rect.bar', (rects) => rects.map((r) => Number(r.getAttribute('data-count'))))
    const bins = Array.from({length: 10}, (_, i) => grades.filter((g) => Math.min(9, Math.floor(g.score / 10)) === i).length)
    expect(bars).toEqual(bins)
    const heights = await page.$$eval('.histogram rect.bar', (rects) => rects.map((r) => Number(r.getAttribute('height'))))
    // The tallest band has the tallest bar; an empty band has none.
    expect(heights.indexOf(Math.max(...heights))).toBe(bins.indexOf(Math.max(...bins)))
    for (const [i, count] of bins.entries()) if (count === 0) expect(heights[i]).toBe(0)
  })

  it('has a heatmap cell per essay and criterion', async () => {
    const cells = await page.$$eval('.heatmap tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)))
    expect(cells).toHaveLength(6)
    const mali = grades.findIndex((g) => g.path.endsWith('mali-sovereignty.md'))
    expect(cells[mali]).toEqual(grades[mali].criteria.map((c) => String(c.score)))
  })

  it('sorts by score (highest first, then lowest first) and filters by name or rule', async () => {
    const order = () => page.$$eval('#essays-table tbody tr:not([hidden])', (rows) => rows.map((r) => Number(r.querySelector('.score-cell')!.textContent)))
    await page.click('#essays-table th[data-key="score"] button')
    const byScore = [...grades.map((g) => g.score)].sort((a, b) => b - a)
    expect(await order()).toEqual(byScore)
    expect(await page.$eval('#essays-table th[data-key="score"]', (th) => th.getAttribute('aria-sort'))).toBe('descending')
    await page.click('#essays-table th[data-key="score"] button')
    expect(await order()).toEqual([...byScore].reverse())
    await page.type('#essay-filter', 'rwanda')
    expect(await page.$$eval('#essays-table tbody tr:not([hidden]) th', (ths) => ths.map((th) => th.textContent))).toEqual(['fixtures/essays/rwanda-case-study.txt'])
    await page.$eval('#essay-filter', (input) => ((input as HTMLInputElement).value = ''))
    await page.type('#essay-filter', 'vague-evidence')
    const withVague = (await page.$$eval('#essays-table tbody tr:not([hidden])', (rows) => rows.length)) as number
    expect(withVague).toBeGreaterThan(0)
    expect(withVague).toBeLessThanOrEqual(6)
  })

  it('opens an essay from the table with its highlights, and shows a finding on focus', async () => {
    const mali = grades.findIndex((g) => g.path.endsWith('mali-sovereignty.md'))
    const id = `essay-${mali + 1}`
    expect(await page.$eval(`#${id} details`, (d) => (d as HTMLDetailsElement).open)).toBe(false)
    // The filter of the test before may hide the essay's row: show every row again.
    await page.$eval('#essay-filter', (input) => {
      ;(input as HTMLInputElement).value = ''
      input.dispatchEvent(new Event('input', {bubbles: true}))
    })
    await page.click(`#essays-table a[href="#${id}"]`)
    await page.waitForFunction((selector: string) => (document.querySelector(selector) as HTMLDetailsElement).open, {}, `#${id} details`)
    const marks = await page.$$eval(`#${id} mark.finding[tabindex="0"]`, (ms) => ms.map((m) => [m.getAttribute('data-rule'), m.textContent!.replace(/\d+$/, '')]))
    expect(marks).toContainEqual(['unsupported-claim', expect.stringMatching(/^Realism explains why no great power would defend the mission against Bamako/)])
    const claim = marks.findIndex(([rule]) => rule === 'unsupported-claim')
    await page.focus(`#${id} mark.finding[tabindex="0"]:nth-of-type(1)`)
    await page.$eval(`#${id}-m${claim}`, (m) => (m as HTMLElement).focus())
    const tip = await page.$eval('#essaylint-tooltip', (t) => ({hidden: (t as HTMLElement).hidden, text: t.textContent}))
    expect(tip.hidden).toBe(false)
    expect(tip.text).toContain('Unsupported claim: "Realism explains why no great power…"')
    await page.$eval(`#${id}-m${claim}`, (m) => m.scrollIntoView({block: 'center'}))
    await screenshot(page, 'class-report-essay')
    await page.keyboard.press('Escape')
    expect(await page.$eval('#essaylint-tooltip', (t) => (t as HTMLElement).hidden)).toBe(true)
  })

  it('escapes file names and essay text: a browser finds no element or attribute in them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'essaylint-escape-'))
    const name = '<img src=x onerror=alert(1)>" onclick="alert(3).md'
    writeFileSync(path.join(dir, name), '# <script>alert(2)</script>\n\nStudies show that peacekeeping <b>always</b> fails.\n')
    const result = await grade(['--format', 'html', name], dir)
    expect(result).toMatchObject({code: 0, stderr: ''})
    const other = await browser.newPage()
    await other.setJavaScriptEnabled(false)
    await other.setContent(result.stdout)
    const found = await other.evaluate(() => ({
      injected: document.querySelectorAll('img, b, [onclick], [onerror]').length,
      scripts: document.scripts.length,
      title: document.querySelector('.essay-card summary h3')!.textContent,
      heading: (() => {
        const copy = document.querySelector('.essay-text .essay-heading')!.cloneNode(true) as HTMLElement
        for (const number of copy.querySelectorAll('.finding-number')) number.remove()
        return copy.textContent
      })()
    }))
    await other.close()
    expect(found).toEqual({injected: 0, scripts: 1, title: name, heading: '<script>alert(2)</script>'})
  })

  it('meets WCAG AA in light and dark mode (axe-core), and prints', async () => {
    await page.$$eval('details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)))
    expect(await accessibilityViolations(page)).toEqual([])
    await page.emulateMediaFeatures([{name: 'prefers-color-scheme', value: 'dark'}])
    expect(await accessibilityViolations(page)).toEqual([])
    await screenshot(page, 'class-report-dark')
    await page.emulateMediaFeatures([{name: 'prefers-color-scheme', value: 'light'}])
    // On paper: one column, no filter box, the marks as underlines without their tint.
    await page.emulateMediaType('print')
    const printed = await page.evaluate(() => ({
      essay: getComputedStyle(document.querySelector('.essay')!).display,
      filter: getComputedStyle(document.querySelector('.filter')!).display,
      mark: getComputedStyle(document.querySelector('mark.finding')!).backgroundColor
    }))
    expect(printed).toEqual({essay: 'block', filter: 'none', mark: 'rgba(0, 0, 0, 0)'})
    await page.emulateMediaType('screen')
  })
})
