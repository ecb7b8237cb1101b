// `npm run bench:web`: the time from pasting a 3,000-word essay into the
// playground to its first result on the page, in Debian's headless Chromium
// on this machine. Each run is a fresh page (a cold worker, as a student
// meets it); the essay is the bundled sample essays' paragraphs, repeated to
// 3,000 words. Prints each run and the median.
import {createServer} from 'node:http'
import {mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import puppeteer from 'puppeteer-core'
import sirv from 'sirv'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const runs = Number(process.argv[2] ?? 5)
const essays = path.join(root, 'fixtures/essays')
const paragraphs = readdirSync(essays)
  .filter((name) => name.endsWith('.md'))
  .flatMap((name) => readFileSync(path.join(essays, name), 'utf8').split(/\n\s*\n/))
  .filter((block) => !/^#|^\[\^|^- /.test(block) && block.split(/\s+/).length > 40)
const body = []
let words = 0
for (let i = 0; words < 3000; i++) {
  const block = paragraphs[i % paragraphs.length]
  body.push(block)
  words += block.split(/\s+/).length
}
const essay = `# A long draft on UN peacekeeping\n\n${body.join('\n\n')}\n`

const server = createServer(sirv(path.join(root, 'dist/web')))
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const url = `http://127.0.0.1:${server.address().port}/`
const profile = mkdtempSync(path.join(tmpdir(), 'essaylint-bench-'))
const browser = await puppeteer.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`]
})
const times = []
for (let run = 0; run < runs; run++) {
  const page = await browser.newPage()
  await page.goto(url, {waitUntil: 'load'})
  await page.waitForSelector('body[data-ready="true"]')
  const milliseconds = await page.evaluate(
    (text) =>
      new Promise((resolve) => {
        const results = document.getElementById('results-body')
        const input = document.getElementById('essay-input')
        const start = performance.now()
        new MutationObserver((_, observer) => {
          if (results.querySelector('mark.finding, .no-findings')) {
            observer.disconnect()
            resolve(performance.now() - start)
          }
        }).observe(results, {childList: true})
        input.value = text
        input.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste'}))
      }),
    essay
  )
  times.push(milliseconds)
  console.log(`run ${run + 1}: ${Math.round(milliseconds)} ms`)
  await page.close()
}
await browser.close()
server.close()
rmSync(profile, {recursive: true, force: true})
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]
console.log(`first result on a ${words.toLocaleString('en')}-word essay: median ${Math.round(median)} ms over ${runs} fresh pages (max ${Math.round(Math.max(...times))} ms)`)
