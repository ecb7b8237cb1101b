/**
 * Headless Chromium from Debian (`/usr/bin/chromium`, installed by .ci/run),
 * driven by puppeteer-core: no browser download, a fresh profile per launch,
 * and every background service that would reach the network turned off.
 * Tests that need it skip when no Chromium is installed.
 */

import {existsSync, mkdirSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import puppeteer, {type Browser, type Page} from 'puppeteer-core'
import {root} from './helpers.js'

export const chromiumPath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))

/** Screenshots land here (not committed): look at them. */
export const shots = path.join(root, 'test-output', 'screenshots')

export async function launch(): Promise<{browser: Browser; close: () => Promise<void>}> {
  const profile = mkdtempSync(path.join(tmpdir(), 'essaylint-chromium-'))
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`]
  })
  return {
    browser,
    close: async () => {
      await browser.close()
      rmSync(profile, {recursive: true, force: true})
    }
  }
}

/** Console errors, page errors and every request a page makes, collected from the start. */
export function watch(page: Page): {errors: string[]; requests: string[]} {
  const errors: string[] = []
  const requests: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(String(error)))
  page.on('request', (request) => requests.push(request.url()))
  return {errors, requests}
}

export async function screenshot(page: Page, name: string, options: {fullPage?: boolean} = {}): Promise<string> {
  mkdirSync(shots, {recursive: true})
  const file = path.join(shots, `${name}.png`) as `${string}.png`
  await page.screenshot({path: file, fullPage: options.fullPage ?? false})
  return file
}

/** axe-core's WCAG 2 A/AA checks on the page as it is now: the violations, by rule id and the first target of each. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({path: path.join(root, 'node_modules/axe-core/axe.min.js')})
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as {axe: {run: (context: Document, options: object) => Promise<{violations: Array<{id: string; nodes: Array<{target: string[]}>}>}>}}).axe
    const result = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']}})
    return result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`)
  })) as string[]
  return violations
}
