/**
 * The playground (`npm run build:web`, served by `npm run web`) in Debian's
 * Chromium: it loads without console errors, shows the findings of a pasted
 * essay on the right sentences (the CLI's positions), updates after an edit,
 * keeps its settings (not the essay) in the URL, and makes no request after
 * the page, its script and its worker.
 */

import {spawn, type ChildProcess} from 'node:child_process'
import path from 'node:path'
import type {Browser, Page} from 'puppeteer-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {accessibilityViolations, chromiumPath, launch, screenshot, watch} from './browser.js'
import {fixture, root, start} from './helpers.js'

interface JsonMessage {
  ruleId: string
  line: number
  column: number
  endLine: number
  endColumn: number
}

const essay = fixture('essays', 'weak-no-theory.md')

describe.skipIf(!chromiumPath)('the playground in Chromium', () => {
  let server: ChildProcess
  let url: string
  let browser: Browser
  let close: () => Promise<void>
  let page: Page
  let seen: {errors: string[]; requests: string[]}

  const paste = (text: string) =>
    page.$eval(
      '#essay-input',
      (input, value) => {
        ;(input as HTMLTextAreaElement).value = value
        input.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste'}))
      },
      text
    )
  /** Wait until the page shows the results of the text and settings as they are now. */
  const settled = () => page.waitForFunction(() => document.body.dataset.busy === undefined, {timeout: 60_000})
  /** Wait for the results of a request newer than `after`. */
  const resultsAfter = async (after: number) => {
    await page.waitForFunction((n: number) => Number(document.getElementById('results-body')!.dataset.request ?? -1) > n, {timeout: 60_000}, after)
    return Number(await page.$eval('#results-body', (r) => (r as HTMLElement).dataset.request))
  }
  /** Each finding's first mark: its rule and its own text (without the finding numbers inside it). */
  const marks = () =>
    page.$$eval('#results-body mark.finding[tabindex="0"]', (ms) =>
      ms.map((m) => {
        const copy = m.cloneNode(true) as HTMLElement
        for (const number of copy.querySelectorAll('.finding-number')) number.remove()
        return {rule: m.getAttribute('data-rule'), text: copy.textContent}
      })
    )

  beforeAll(async () => {
    // Spawned, not spawnSync: the worker keeps answering vitest's runner while the build runs.
    const build = spawn(process.execPath, [path.join(root, 'scripts/build-web.mjs')], {stdio: ['ignore', 'ignore', 'pipe']})
    let errors = ''
    build.stderr!.on('data', (chunk) => (errors += chunk))
    expect(await new Promise((resolve) => build.on('close', resolve)), errors).toBe(0)
    server = spawn(process.execPath, [path.join(root, 'scripts/serve-web.mjs')], {env: {...process.env, PORT: '0'}})
    url = await new Promise<string>((resolve, reject) => {
      server.stdout!.on('data', (chunk) => {
        const address = /^essaylint playground: (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(String(chunk))
        if (address) resolve(address[1])
      })
      server.on('exit', (code) => reject(new Error(`the server stopped (${code})`)))
    })
    ;({browser, close} = await launch())
    page = await browser.newPage()
    await page.setViewport({width: 1280, height: 900})
    seen = watch(page)
    await page.goto(url, {waitUntil: 'load'})
    await page.waitForSelector('body[data-ready="true"]', {timeout: 60_000})
  })
  afterAll(async () => {
    await close?.()
    server?.kill()
  })

  it('loads its page, script and worker, with no console error', async () => {
    expect(seen.requests.sort()).toEqual([url, `${url}playground.js`, `${url}worker.js`].sort())
    expect(seen.errors).toEqual([])
    expect(await page.$$eval('#rule-settings select', (ss) => ss.map((s) => [(s as HTMLSelectElement).dataset.rule, (s as HTMLSelectElement).value]))).toContainEqual(['unsupported-claim', 'warn'])
  })

  it('shows the findings of a pasted essay on the sentences the CLI names', async () => {
    await paste(essay)
    await resultsAfter(-1)
    const cli = (JSON.parse((await start(['-f', 'json', 'fixtures/essays/weak-no-theory.md'], root).done).stdout) as Array<{messages: JsonMessage[]}>)[0].messages
    const lines = essay.split('\n')
    const expected = cli.map((m) => ({rule: m.ruleId, text: m.line === m.endLine ? lines[m.line - 1].slice(m.column - 1, m.endColumn - 1).replace(/^#+ /, '') : expect.any(String)}))
    expect(cli.length).toBeGreaterThan(5)
    expect(await marks()).toEqual(expected)
    expect(await page.$eval('#status', (s) => s.textContent)).toMatch(new RegExp(`^${cli.length} findings · checked in \\d+ ms, in your browser$`))
    await screenshot(page, 'playground-weak-essay')
  })

  it('shows the sample essay with a finding explained on keyboard focus', async () => {
    const shown = Number(await page.$eval('#results-body', (r) => (r as HTMLElement).dataset.request))
    await page.click('#sample-button')
    await resultsAfter(shown)
    await screenshot(page, 'playground-editor')
    // The results, with the tooltip of the first unsupported claim open.
    await page.$eval('#results-body mark.finding[data-rule="unsupported-claim"][tabindex="0"]', (m) => {
      document.getElementById('results')!.scrollIntoView({block: 'start'})
      ;(m as HTMLElement).focus({preventScroll: true})
    })
    const tip = await page.$eval('#essaylint-tooltip', (t) => ({hidden: (t as HTMLElement).hidden, text: t.textContent}))
    // Second in the list, as in the CLI's report of the same essay (perspective-coverage on line 1 first).
    expect(tip).toEqual({hidden: false, text: expect.stringMatching(/^2 Hint · Unsupported claim line 5Unsupported claim: "Realism explains why no great power…"/)})
    const cli = (JSON.parse((await start(['-f', 'json', 'fixtures/essays/mali-sovereignty.md'], root).done).stdout) as Array<{messages: JsonMessage[]}>)[0].messages
    expect(await page.$eval('#status', (s) => s.textContent)).toMatch(new RegExp(`^${cli.length} findings · `))
    await screenshot(page, 'playground')
    await page.emulateMediaFeatures([{name: 'prefers-color-scheme', value: 'dark'}])
    await screenshot(page, 'playground-dark')
    await page.emulateMediaFeatures([{name: 'prefers-color-scheme', value: 'light'}])
  })

  it('updates after an edit: a vague appeal typed into a paragraph is found', async () => {
    const text = fixture('essays', 'strong-three-lenses.md')
    await paste(text)
    await settled()
    const before = await marks()
    expect(before.some((m) => m.text === 'Experts say')).toBe(false)
    // The caret at the end of the first body paragraph (before the third blank line).
    let end = -1
    for (let k = 0; k < 3; k++) end = text.indexOf('\n\n', end + 2)
    await page.focus('#essay-input')
    await page.$eval('#essay-input', (input, at) => (input as HTMLTextAreaElement).setSelectionRange(at, at), end)
    await page.keyboard.type(' Experts say that peacekeepers always fail.')
    // Typing waits for a pause, then the result of the whole edit arrives.
    await page.waitForFunction(() => [...document.querySelectorAll('#results-body mark.finding')].some((m) => m.textContent === 'Experts say' + m.querySelector('.finding-number')?.textContent), {timeout: 60_000}).catch(async (error) => {
      // Say what the page showed instead.
      const state = await page.evaluate(() => ({status: document.getElementById('status')!.textContent, request: document.getElementById('results-body')!.dataset.request, typed: (document.getElementById('essay-input') as HTMLTextAreaElement).value.includes('Experts say that peacekeepers always fail.')}))
      throw new Error(`${(error as Error).message}: the page showed ${JSON.stringify(state)}`)
    })
    await settled()
    const after = await marks()
    expect(after).toHaveLength(before.length + 1)
    expect(after).toContainEqual({rule: 'vague-evidence', text: 'Experts say'})
  })

  it('settings change the findings, show the .essaylintrc.json and live in the URL, without the essay', async () => {
    const shown = Number(await page.$eval('#results-body', (r) => (r as HTMLElement).dataset.request))
    await page.select('#rule-unsupported-claim', 'off')
    await page.click('#perspective-settings input[value="english-school"]')
    await settled()
    expect(Number(await page.$eval('#results-body', (r) => (r as HTMLElement).dataset.request))).toBeGreaterThan(shown)
    expect((await marks()).some((m) => m.rule === 'unsupported-claim')).toBe(false)
    const config = JSON.parse(await page.$eval('#config-json', (c) => c.textContent!))
    expect(config).toEqual({extends: 'essaylint:recommended', rules: {'perspective-coverage': ['warn', {required: ['realism', 'liberalism', 'constructivism', 'english-school']}], 'unsupported-claim': 'off'}})
    const link = page.url()
    expect(decodeURIComponent(new URL(link).hash)).toBe(`#config=${JSON.stringify(config)}`)
    expect(link).not.toContain('blue')
    // Opened again from the link: the same settings, an empty editor.
    const other = await browser.newPage()
    await other.goto(link, {waitUntil: 'load'})
    await other.waitForSelector('body[data-ready="true"]')
    expect(await other.$eval('#rule-unsupported-claim', (s) => (s as HTMLSelectElement).value)).toBe('off')
    expect(await other.$eval('#perspective-settings input[value="english-school"]', (b) => (b as HTMLInputElement).checked)).toBe(true)
    expect(await other.$eval('#essay-input', (t) => (t as HTMLTextAreaElement).value)).toBe('')
    await other.close()
  })

  it('made no request after load, whatever was pasted, typed or set', () => {
    expect(seen.requests.sort()).toEqual([url, `${url}playground.js`, `${url}worker.js`].sort())
    expect(seen.errors).toEqual([])
  })

  it('meets WCAG AA in light and dark mode (axe-core)', async () => {
    expect(await accessibilityViolations(page)).toEqual([])
    await page.emulateMediaFeatures([{name: 'prefers-color-scheme', value: 'dark'}])
    expect(await accessibilityViolations(page)).toEqual([])
    await page.emulateMediaFeatures([{name: 'prefers-color-scheme', value: 'light'}])
  })
})
