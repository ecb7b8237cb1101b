/**
 * The playground page: the editor, the settings panel and the results. The
 * lint runs in a Web Worker (worker.ts); this side only sends the text and
 * the settings, and swaps in the HTML that comes back. Settings live in the
 * URL's fragment (#config=…), never the essay: a permalink shares a course's
 * rules, not a student's draft, and a fragment is never sent to a server.
 */

import {installTooltips} from '../render/behaviour.js'
import type {LintRequest, Meta, PlaygroundConfig, WorkerMessage} from './protocol.js'
import type {Severity} from '../../rule.js'

declare const ESSAYLINT_SAMPLE: string

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const input = $<HTMLTextAreaElement>('essay-input')
const format = $<HTMLSelectElement>('essay-format')
const status = $<HTMLParagraphElement>('status')
const results = $<HTMLDivElement>('results-body')
const configView = $<HTMLElement>('config-json')
const severities: Severity[] = ['off', 'info', 'warn', 'error']

const worker = new Worker(new URL('./worker.js', import.meta.url), {type: 'module'})
let meta: Meta | undefined
let settings: {rules: Record<string, Severity>; required: string[]} | undefined
let next = 0
let shown = -1
let running = false
let queued: LintRequest | undefined
let timer: ReturnType<typeof setTimeout> | undefined

installTooltips(document)

/** The config the settings make: only what differs from the recommended preset. */
function configOf(): PlaygroundConfig {
  const config: PlaygroundConfig = {extends: 'essaylint:recommended', rules: {}}
  if (!meta || !settings) return config
  for (const rule of meta.rules) {
    const severity = settings.rules[rule.id]
    const changedRequired = rule.id === 'perspective-coverage' && settings.required.join() !== meta.required.join()
    if (changedRequired && severity !== 'off') config.rules[rule.id] = [severity, {required: settings.required}]
    else if (severity !== rule.severity) config.rules[rule.id] = severity
  }
  return config
}

/** Settings from the URL's fragment, where they are valid; the defaults otherwise. */
function settingsFromUrl(info: Meta): {rules: Record<string, Severity>; required: string[]} {
  const base = {rules: Object.fromEntries(info.rules.map((r) => [r.id, r.severity])), required: [...info.required]}
  const match = /(?:^#|&)config=([^&]*)/.exec(location.hash)
  if (!match) return base
  try {
    const config = JSON.parse(decodeURIComponent(match[1])) as PlaygroundConfig
    for (const [id, value] of Object.entries(config.rules ?? {})) {
      if (!(id in base.rules)) continue
      const [severity, options] = Array.isArray(value) ? value : [value, undefined]
      if (severities.includes(severity)) base.rules[id] = severity
      if (id === 'perspective-coverage' && Array.isArray(options?.required)) base.required = options.required.filter((p) => info.perspectives.some((x) => x.id === p))
    }
  } catch {
    // A link cut short or edited by hand: keep the defaults.
  }
  return base
}

function renderSettings(info: Meta): void {
  const rulesBox = $<HTMLFieldSetElement>('rule-settings')
  for (const rule of info.rules) {
    const row = document.createElement('p')
    row.className = 'setting'
    const label = document.createElement('label')
    label.htmlFor = `rule-${rule.id}`
    label.textContent = rule.id
    const select = document.createElement('select')
    select.id = `rule-${rule.id}`
    select.dataset.rule = rule.id
    for (const severity of severities) select.add(new Option(severity, severity, false, settings!.rules[rule.id] === severity))
    select.title = rule.description
    select.addEventListener('change', () => {
      settings!.rules[rule.id] = select.value as Severity
      settingsChanged()
    })
    row.append(label, select)
    rulesBox.append(row)
  }
  const perspectivesBox = $<HTMLFieldSetElement>('perspective-settings')
  for (const perspective of info.perspectives) {
    const label = document.createElement('label')
    label.className = 'check'
    const box = document.createElement('input')
    box.type = 'checkbox'
    box.value = perspective.id
    box.checked = settings!.required.includes(perspective.id)
    box.addEventListener('change', () => {
      settings!.required = info.perspectives.map((p) => p.id).filter((id) => (perspectivesBox.querySelector(`input[value="${id}"]`) as HTMLInputElement).checked)
      settingsChanged()
    })
    label.append(box, ` ${perspective.label}`)
    perspectivesBox.append(label)
  }
}

function settingsChanged(): void {
  const config = configOf()
  configView.textContent = JSON.stringify(config, null, 2)
  // The fragment changes in place: no new history entry per click.
  history.replaceState(null, '', Object.keys(config.rules).length > 0 ? `#config=${encodeURIComponent(JSON.stringify(config))}` : location.pathname + location.search)
  schedule(0)
}

// body[data-busy] while a check is waiting or running: the results on the page are not the text's yet.
function schedule(delay: number): void {
  clearTimeout(timer)
  document.body.dataset.busy = 'true'
  timer = setTimeout(send, delay)
}

function send(): void {
  timer = undefined
  if (!meta) return
  const text = input.value
  if (!text.trim()) {
    results.innerHTML = ''
    status.textContent = 'Paste or type your essay above to see what essaylint finds.'
    if (!running) delete document.body.dataset.busy
    return
  }
  const request: LintRequest = {id: next++, text, name: `essay.${format.value}`, config: configOf()}
  if (running) {
    queued = request
    return
  }
  running = true
  status.textContent = 'Checking your essay…'
  worker.postMessage(request)
}

worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
  const message = event.data
  if (message.type === 'meta') {
    meta = message
    settings = settingsFromUrl(message)
    renderSettings(message)
    configView.textContent = JSON.stringify(configOf(), null, 2)
    document.body.dataset.ready = 'true'
    schedule(0)
    return
  }
  running = false
  if (queued) {
    const request = queued
    queued = undefined
    running = true
    worker.postMessage(request)
  }
  if (!queued && !running && timer === undefined) delete document.body.dataset.busy
  if (message.id < shown) return
  shown = message.id
  if (message.type === 'error') {
    status.textContent = `essaylint could not check this text: ${message.error}`
    return
  }
  results.innerHTML = message.html
  results.dataset.request = String(message.id)
  status.textContent = `${message.findings === 0 ? 'No findings' : `${message.findings} finding${message.findings === 1 ? '' : 's'}`} · checked in ${message.milliseconds} ms, in your browser`
})

// Typing waits for a pause; a paste or a dropped file is checked at once.
input.addEventListener('input', (event) => schedule((event as InputEvent).inputType === 'insertFromPaste' ? 0 : 350))
format.addEventListener('change', () => schedule(0))

async function openFile(file: File): Promise<void> {
  if (!/\.(md|markdown|txt)$/i.test(file.name)) {
    status.textContent = `${file.name}: the playground reads .md and .txt files; save your essay as plain text and open it again.`
    return
  }
  input.value = await file.text()
  format.value = /\.txt$/i.test(file.name) ? 'txt' : 'md'
  schedule(0)
}

$<HTMLInputElement>('file-input').addEventListener('change', (event) => {
  const file = (event.target as HTMLInputElement).files?.[0]
  if (file) void openFile(file)
})
const editor = $<HTMLElement>('editor')
editor.addEventListener('dragover', (event) => {
  event.preventDefault()
  editor.classList.add('dropping')
})
editor.addEventListener('dragleave', () => editor.classList.remove('dropping'))
editor.addEventListener('drop', (event) => {
  event.preventDefault()
  editor.classList.remove('dropping')
  const file = event.dataTransfer?.files[0]
  if (file) void openFile(file)
})
$<HTMLButtonElement>('sample-button').addEventListener('click', () => {
  input.value = ESSAYLINT_SAMPLE
  format.value = 'md'
  schedule(0)
})

const copy = async (text: string, button: HTMLButtonElement, done: string) => {
  try {
    await navigator.clipboard.writeText(text)
    const label = button.textContent
    button.textContent = done
    setTimeout(() => (button.textContent = label), 1500)
  } catch {
    status.textContent = 'Your browser did not allow copying: select the text and copy it by hand.'
  }
}
$<HTMLButtonElement>('copy-config').addEventListener('click', (event) => void copy(configView.textContent ?? '', event.currentTarget as HTMLButtonElement, 'Copied'))
$<HTMLButtonElement>('copy-link').addEventListener('click', (event) => void copy(location.href, event.currentTarget as HTMLButtonElement, 'Link copied'))
