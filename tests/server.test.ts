/**
 * The language server end to end: the built `essaylint-language-server
 * --stdio` driven by a real LSP client (vscode-languageserver-protocol over
 * vscode-jsonrpc): initialize, open, diagnostics with exact rule ids and
 * 0-based ranges, incremental and full edits, code actions, settings, config
 * discovery, bad input, shutdown. Run `npm run build` first (`npm test` does).
 */

import {spawn, spawnSync, type ChildProcessWithoutNullStreams} from 'node:child_process'
import {copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest'
import {
  CodeActionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type CodeAction,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
  type TextEdit
} from 'vscode-languageserver-protocol/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {lint} from '../src/index.js'
import {readZip} from '../src/readers/zip.js'
import {documentZipLimits} from '../src/readers/limits.js'
import {root} from './helpers.js'

const serverBin = path.join(root, 'bin', 'essaylint-language-server.js')
const weakFixture = path.join(root, 'fixtures', 'rules', 'perspective-coverage', 'not-ok-constructivism-absent.md')
const docs = 'https://github.com/essaylint/essaylint/blob/main/rules/'

interface Client {
  connection: ProtocolConnection
  child: ChildProcessWithoutNullStreams
  stderr: () => string
  messages: Array<{type: number; message: string}>
  /** Every publishDiagnostics received, in order. */
  published: PublishDiagnosticsParams[]
  initialize(options?: {initializationOptions?: unknown; configuration?: Record<string, unknown>}): Promise<InitializeResult>
  open(file: string, text?: string, languageId?: string): Promise<PublishDiagnosticsParams>
  /** Change a document and wait for the diagnostics of the new version. */
  change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<PublishDiagnosticsParams>
  /** Change a document without waiting; resolves to the new version. */
  edit(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number>
  diagnostics(uri: string, test?: (params: PublishDiagnosticsParams) => boolean, timeout?: number): Promise<PublishDiagnosticsParams>
  text(uri: string): string
  stop(): Promise<number | null>
}

const clients: Client[] = []

function start(cwd: string, server = serverBin): Client {
  const child = spawn(process.execPath, [server, '--stdio'], {cwd, stdio: 'pipe'})
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
  const published: PublishDiagnosticsParams[] = []
  const waiters: Array<{uri: string; test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void}> = []
  const documents = new Map<string, TextDocument>()
  const messages: Array<{type: number; message: string}> = []
  let configuration: Record<string, unknown> | undefined

  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params)
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && waiter.test(params)) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve(params)
      }
    }
  })
  connection.onNotification('window/showMessage', (params: {type: number; message: string}) => {
    messages.push(params)
  })
  connection.onNotification('window/logMessage', () => {})
  connection.onRequest('window/showMessageRequest', (params: {type: number; message: string}) => (messages.push(params), null))
  connection.onRequest('client/registerCapability', () => null)
  connection.onRequest('workspace/configuration', (params: {items: Array<{section?: string}>}) => params.items.map(() => configuration ?? null))
  connection.listen()

  const client: Client = {
    connection,
    child,
    stderr: () => stderr,
    messages,
    published,
    async initialize(options = {}) {
      configuration = options.configuration
      const result = await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: pathToFileURL(cwd).href,
        workspaceFolders: [{uri: pathToFileURL(cwd).href, name: 'essays'}],
        initializationOptions: options.initializationOptions,
        capabilities: {
          workspace: {configuration: Boolean(options.configuration), workspaceFolders: true},
          textDocument: {publishDiagnostics: {versionSupport: true}}
        }
      })
      await connection.sendNotification(InitializedNotification.type, {})
      return result
    },
    async open(file, text = readFileSync(file, 'utf8'), languageId = file.endsWith('.txt') ? 'plaintext' : 'markdown') {
      const uri = pathToFileURL(file).href
      documents.set(uri, TextDocument.create(uri, languageId, 1, text))
      const received = client.diagnostics(uri, (p) => p.version === 1)
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {textDocument: {uri, languageId, version: 1, text}})
      return received
    },
    async change(uri, changes) {
      const version = documents.get(uri)!.version + 1
      const received = client.diagnostics(uri, (p) => p.version === version)
      await client.edit(uri, changes)
      return received
    },
    async edit(uri, changes) {
      const before = documents.get(uri)!
      const after = TextDocument.update(before, changes, before.version + 1)
      documents.set(uri, after)
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {textDocument: {uri, version: after.version}, contentChanges: changes})
      return after.version
    },
    diagnostics(uri, test = () => true, timeout = 30_000) {
      return new Promise((resolve, reject) => {
        const waiter = {uri, test, resolve}
        waiters.push(waiter)
        setTimeout(() => {
          if (!waiters.includes(waiter)) return
          waiters.splice(waiters.indexOf(waiter), 1)
          reject(new Error(`no matching diagnostics for ${uri} within ${timeout} ms; got ${JSON.stringify(published.filter((p) => p.uri === uri).map((p) => p.version))}; stderr: ${stderr}`))
        }, timeout).unref()
      })
    },
    text: (uri) => documents.get(uri)!.getText(),
    async stop() {
      if (child.exitCode !== null) return child.exitCode
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
      await connection.sendRequest(ShutdownRequest.type)
      await connection.sendNotification(ExitNotification.type)
      const code = await exited
      connection.dispose()
      return code
    }
  }
  clients.push(client)
  return client
}

/** `rule line:char-line:char severity`, compact and exact. */
function summary(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity}`)
}

function workspace(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'essaylint-lsp-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text)
  return dir
}

/** What a fresh, uncached lint (the public API, default config) says about a text, in the same form. */
async function fresh(text: string): Promise<string[]> {
  const file = await lint(text, {path: 'essay.md'})
  const severity = (fatal: boolean | null | undefined) => (fatal === true ? 1 : fatal === false ? 2 : 3)
  return file.messages
    .map((m) => ({m, start: m.place && 'start' in m.place ? m.place.start : {line: m.line ?? 1, column: m.column ?? 1}, end: m.place && 'end' in m.place ? m.place.end : {line: m.line ?? 1, column: m.column ?? 1}}))
    .sort((a, b) => a.start.line - b.start.line || a.start.column - b.start.column)
    .map(({m, start, end}) => `${m.ruleId} ${start.line - 1}:${start.column - 1}-${end.line - 1}:${end.column - 1} ${severity(m.fatal)}`)
}

function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x:', 'markdown', 0, text), edits)
}

const weakExpected = [
  'perspective-coverage 0:0-0:61 2',
  'sovereignty-coverage 0:0-0:61 2',
  'ethics-coverage 0:0-0:61 2',
  // The last paragraph's three claims judge ("explain", "while", "require"), but it is the essay's
  // close (after an introduction and two body paragraphs): one information (3) on the first, naming the other two.
  'unsupported-claim 8:0-8:71 3'
]

const constructivistParagraph =
  'Constructivism explains this pattern better than either theory, because it shows how ideas about protecting civilians changed what the Security Council expected of peacekeepers. After the failures in Rwanda in 1994 and Srebrenica in 1995, norms of protection led the Council to give MONUC and later missions robust mandates (Finnemore, 2003). Constructivists argue that the identity of the UN as an impartial actor was redefined by these failures, so peacekeepers in the Democratic Republic of the Congo were expected to use force to protect civilians (Barnett, 2002).'

afterEach(async () => {
  for (const client of clients.splice(0)) {
    if (client.child.exitCode === null) client.child.kill()
  }
})

describe('essaylint-language-server', () => {
  let dir: string
  let weak: string
  let weakUri: string
  beforeAll(() => {
    dir = workspace()
    weak = path.join(dir, 'weak.md')
    copyFileSync(weakFixture, weak)
    weakUri = pathToFileURL(weak).href
  })

  it('initializes with incremental sync and quick fixes, and publishes exact diagnostics on open', async () => {
    const client = start(dir)
    const result = await client.initialize()
    expect(result.capabilities.textDocumentSync).toMatchObject({openClose: true, change: 2})
    expect(result.capabilities.codeActionProvider).toEqual({codeActionKinds: ['quickfix']})
    expect(result.serverInfo?.name).toBe('essaylint')

    const published = await client.open(weak)
    expect(published.version).toBe(1)
    expect(summary(published.diagnostics)).toEqual(weakExpected)
    const perspective = published.diagnostics[0]
    expect(perspective).toMatchObject({
      source: 'essaylint',
      code: 'perspective-coverage',
      codeDescription: {href: `${docs}perspective-coverage/README.md`},
      severity: 2
    })
    expect(perspective.message).toMatch(/^Constructivism is absent: the essay never discusses it\./)
    expect(published.diagnostics[3].message).toMatch(/^Unsupported claim: "Together, the two theories explain both…"/)
    expect(await client.stop()).toBe(0)
  }, 15000)

  it('agrees with the CLI on every sample essay (rule, severity, range)', async () => {
    const essays = path.join(root, 'fixtures', 'essays')
    const names = readdirSync(essays).filter((name) => /\.(md|txt)$/.test(name))
    const cli = spawnSync(process.execPath, [path.join(root, 'bin', 'essaylint.js'), '-f', 'json', ...names], {cwd: essays, encoding: 'utf8'})
    const report = JSON.parse(cli.stdout) as Array<{path: string; messages: Array<{ruleId: string; severity: string; line: number; column: number; endLine: number; endColumn: number}>}>
    const client = start(essays)
    await client.initialize()
    for (const entry of report) {
      const published = await client.open(path.join(essays, entry.path))
      const severity: Record<string, number> = {error: 1, warning: 2, info: 3}
      const expected = entry.messages.map((m) => `${m.ruleId} ${m.line - 1}:${m.column - 1}-${m.endLine - 1}:${m.endColumn - 1} ${severity[m.severity]}`)
      expect(summary(published.diagnostics), entry.path).toEqual(expected)
    }
    await client.stop()
  }, 20000)

  it('updates diagnostics after incremental and full edits, shifting positions', async () => {
    const client = start(dir)
    await client.initialize()
    await client.open(weak)
    const original = client.text(weakUri)

    // Incremental: add a constructivist paragraph before the conclusion (line 8).
    // Its protection of civilians and impartiality, tied to Rwanda and Srebrenica, also discuss ethics.
    let published = await client.change(weakUri, [{range: {start: {line: 8, character: 0}, end: {line: 8, character: 0}}, text: constructivistParagraph + '\n\n'}])
    expect(summary(published.diagnostics)).toEqual([
      'sovereignty-coverage 0:0-0:61 2',
      'unsupported-claim 10:0-10:71 3'
    ])

    // Incremental: edits inside paragraphs (a word, a deleted sentence, two at once) give what a fresh lint of the same text gives.
    const lines = original.split('\n')
    expect(lines[6]).toMatch(/^Liberalism offers a more optimistic account\./)
    const word = lines[6].indexOf('optimistic')
    published = await client.change(weakUri, [{range: {start: {line: 6, character: word}, end: {line: 6, character: word + 'optimistic'.length}}, text: 'hopeful'}])
    expect(summary(published.diagnostics)).toEqual(await fresh(client.text(weakUri)))
    // Two changes at once: cut a citation from the realism paragraph (other evidence still backs it), open the conclusion with a sweeping claim.
    const cited = lines[4].indexOf(' (Neack, 1995)')
    published = await client.change(weakUri, [
      {range: {start: {line: 4, character: cited}, end: {line: 4, character: cited + ' (Neack, 1995)'.length}}, text: ''},
      {range: {start: {line: 10, character: 0}, end: {line: 10, character: 0}}, text: 'Obviously, every mission since 1990 has failed. '}
    ])
    expect(summary(published.diagnostics)).toEqual(await fresh(client.text(weakUri)))
    expect(summary(published.diagnostics)).toEqual([
      'sovereignty-coverage 0:0-0:61 2',
      'citation-reference 2:194-2:207 2',
      // Without its citation, the paragraph's figures ("about 270 personnel") have no source.
      'unsupported-claim 4:358-4:538 3',
      // The sweeping claim stands in the essay's close: information, as in a conclusion.
      'unsupported-claim 10:0-10:47 3'
    ])

    // Full sync: the whole text, two lines lower.
    published = await client.change(weakUri, [{text: '\n\n' + original}])
    expect(summary(published.diagnostics)).toEqual(weakExpected.map((line) => line.replace(/(\d+):(\d+)-(\d+):(\d+)/, (_, a, b, c, d) => `${+a + 2}:${b}-${+c + 2}:${d}`)))

    // Back to the original: exactly the diagnostics of the first open.
    published = await client.change(weakUri, [{text: original}])
    expect(summary(published.diagnostics)).toEqual(weakExpected)
    await client.stop()
  }, 20000)

  it('coalesces rapid edits and publishes the last version only', async () => {
    const client = start(dir)
    await client.initialize({initializationOptions: {essaylint: {debounce: 300}}})
    await client.open(weak)
    const last = client.diagnostics(weakUri, (p) => p.version === 31)
    for (let i = 0; i < 30; i++) await client.edit(weakUri, [{range: {start: {line: 2, character: 0}, end: {line: 2, character: 0}}, text: 'x'}])
    const published = await last
    expect(published.version).toBe(31)
    // Edits 2–30 came faster than the debounce: none of them was checked on its own.
    expect(client.published.map((p) => p.version)).toEqual([1, 31])
    await client.stop()
  }, 15000)

  it('offers disable actions that insert inline comments, which silence the finding', async () => {
    const client = start(dir)
    await client.initialize()
    const published = await client.open(weak)
    const claim = published.diagnostics.find((d) => d.code === 'unsupported-claim')!
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: {uri: weakUri},
      range: claim.range,
      context: {diagnostics: [claim]}
    })) as CodeAction[]
    expect(actions.map((a) => a.title)).toEqual(['Add a citation placeholder “(Author Year)”', 'Disable unsupported-claim for this paragraph', 'Disable unsupported-claim for this file'])
    expect(actions.map((a) => a.kind)).toEqual(['quickfix', 'quickfix', 'quickfix'])
    // The placeholder goes before the claim's final full stop, where the citation belongs.
    const [placeholder] = actions[0].edit!.changes![weakUri]
    const beforeStop = {...claim.range.end, character: claim.range.end.character - 1}
    expect(placeholder).toEqual({range: {start: beforeStop, end: beforeStop}, newText: ' (Author Year)'})
    const cited = applyEdits(client.text(weakUri), [placeholder])
    expect(cited.split('\n')[claim.range.end.line]).toContain(' (Author Year).')
    expect(actions[1].edit?.changes?.[weakUri]).toEqual([{range: {start: {line: 8, character: 0}, end: {line: 8, character: 0}}, newText: '<!-- essaylint-ignore-next unsupported-claim -->\n'}])
    expect(actions[2].edit?.changes?.[weakUri]).toEqual([{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, newText: '<!-- essaylint-disable unsupported-claim -->\n'}])

    // Applying "for this paragraph" removes the finding on that paragraph's three claims.
    const edited = applyEdits(client.text(weakUri), actions[1].edit!.changes![weakUri])
    let after = await client.change(weakUri, [{text: edited}])
    expect(summary(after.diagnostics)).toEqual(weakExpected.slice(0, 3))

    // A second rule on the same paragraph joins the existing comment.
    const more = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: {uri: weakUri},
      range: {start: {line: 9, character: 0}, end: {line: 9, character: 0}},
      context: {diagnostics: [{...claim, code: 'vague-evidence', data: {ruleId: 'vague-evidence'}, range: {start: {line: 9, character: 0}, end: {line: 9, character: 5}}}]}
    })) as CodeAction[]
    expect(more[0].edit?.changes?.[weakUri]).toEqual([{range: {start: {line: 8, character: 0}, end: {line: 8, character: 48}}, newText: '<!-- essaylint-ignore-next unsupported-claim vague-evidence -->'}])

    // "For this file" on a coverage finding (placed on the title) silences it too.
    const perspective = after.diagnostics[0]
    const fileActions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: {uri: weakUri},
      range: perspective.range,
      context: {diagnostics: [perspective]}
    })) as CodeAction[]
    const disableFile = fileActions.find((a) => a.title === 'Disable perspective-coverage for this file')!
    after = await client.change(weakUri, [{text: applyEdits(client.text(weakUri), disableFile.edit!.changes![weakUri])}])
    expect(after.diagnostics.map((d) => d.code)).toEqual(['sovereignty-coverage', 'ethics-coverage'])
    await client.stop()
  }, 20000)

  it('turns suggestions (`expected`) into quick fixes', async () => {
    const client = start(dir)
    await client.initialize()
    await client.open(weak)
    const range = {start: {line: 2, character: 5}, end: {line: 2, character: 10}}
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: {uri: weakUri},
      range,
      context: {diagnostics: [{range, message: 'm', source: 'essaylint', code: 'unsupported-claim', data: {ruleId: 'unsupported-claim', expected: ['paper']}}]}
    })) as CodeAction[]
    expect(actions[0]).toMatchObject({title: 'Replace “essay” with “paper”', kind: 'quickfix', isPreferred: true, edit: {changes: {[weakUri]: [{range, newText: 'paper'}]}}})
    await client.stop()
  }, 15000)

  it('serves plain text (no comment actions there, only the fixes a rule knows)', async () => {
    const text = path.join(dir, 'draft.txt')
    writeFileSync(text, readFileSync(weak, 'utf8').replace(/^# /, ''))
    const client = start(dir)
    await client.initialize()
    const published = await client.open(text)
    expect(published.diagnostics.map((d) => d.code)).toEqual(['perspective-coverage', 'sovereignty-coverage', 'ethics-coverage', 'unsupported-claim'])
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: {uri: pathToFileURL(text).href},
      range: published.diagnostics[0].range,
      context: {diagnostics: published.diagnostics}
    })) as CodeAction[]
    // No comment actions in plain text; the claims' citation placeholder still applies.
    expect(actions.map((a) => a.title)).toEqual(['Add a citation placeholder “(Author Year)”'])
    await client.stop()
  }, 15000)

  it('finds config files like the CLI, reports a bad one, and honours .essaylintignore', async () => {
    const configured = workspace({'.essaylintrc': JSON.stringify({rules: {'unsupported-claim': 'off', 'ethics-coverage': 'error'}}), '.essaylintignore': 'ignored.md\n'})
    copyFileSync(weakFixture, path.join(configured, 'essay.md'))
    copyFileSync(weakFixture, path.join(configured, 'ignored.md'))
    const client = start(configured)
    await client.initialize()
    let published = await client.open(path.join(configured, 'essay.md'))
    expect(summary(published.diagnostics)).toEqual(['perspective-coverage 0:0-0:61 2', 'sovereignty-coverage 0:0-0:61 2', 'ethics-coverage 0:0-0:61 1'])
    published = await client.open(path.join(configured, 'ignored.md'))
    expect(published.diagnostics).toEqual([])

    // The config changes on disk; the client says so; open essays are checked again.
    writeFileSync(path.join(configured, '.essaylintrc'), JSON.stringify({rules: {'unsupported-claim': 'off', 'perspective-coverage': 'off'}}))
    const rechecked = client.diagnostics(pathToFileURL(path.join(configured, 'essay.md')).href, (p) => p.diagnostics.length === 2)
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {changes: [{uri: pathToFileURL(path.join(configured, '.essaylintrc')).href, type: 2}]})
    expect(summary((await rechecked).diagnostics)).toEqual(['sovereignty-coverage 0:0-0:61 2', 'ethics-coverage 0:0-0:61 2'])

    const broken = workspace({'.essaylintrc': JSON.stringify({rules: {'no-such-rule': 'warn'}})})
    copyFileSync(weakFixture, path.join(broken, 'essay.md'))
    const other = start(broken)
    await other.initialize()
    published = await other.open(path.join(broken, 'essay.md'))
    expect(published.diagnostics).toHaveLength(1)
    expect(published.diagnostics[0]).toMatchObject({severity: 1, source: 'essaylint', range: {start: {line: 0, character: 0}}})
    expect(published.diagnostics[0].message).toContain('unknown rule "no-such-rule"')
    await client.stop()
    await other.stop()
  }, 15000)

  it('applies workspace settings under "essaylint" (pulled or pushed)', async () => {
    const pulled = start(dir)
    await pulled.initialize({configuration: {rules: {'unsupported-claim': 'off', 'perspective-coverage': 'info'}}})
    let published = await pulled.open(weak)
    expect(summary(published.diagnostics)).toEqual(['perspective-coverage 0:0-0:61 3', 'sovereignty-coverage 0:0-0:61 2', 'ethics-coverage 0:0-0:61 2'])
    await pulled.stop()

    const pushed = start(dir)
    await pushed.initialize({initializationOptions: {essaylint: {rules: {'ethics-coverage': 'off'}}}})
    published = await pushed.open(weak)
    expect(published.diagnostics.map((d) => d.code)).not.toContain('ethics-coverage')
    const next = pushed.diagnostics(weakUri, (p) => p.diagnostics.length === 0)
    await pushed.connection.sendNotification(DidChangeConfigurationNotification.type, {settings: {essaylint: {enable: false}}})
    await next
    const missing = pushed.diagnostics(weakUri, (p) => p.diagnostics.length === 1)
    await pushed.connection.sendNotification(DidChangeConfigurationNotification.type, {settings: {essaylint: {config: 'missing.json'}}})
    expect((await missing).diagnostics[0]).toMatchObject({severity: 1, message: expect.stringMatching(/^essaylint config: missing\.json: cannot read this config file/)})
    const bad = pushed.diagnostics(weakUri, (p) => p.diagnostics.length === 4)
    await pushed.connection.sendNotification(DidChangeConfigurationNotification.type, {settings: {essaylint: {rules: {'no-rule': 'off'}, debounce: -1}}})
    await bad
    expect(pushed.messages.map((m) => m.message)).toEqual([
      'essaylint: "essaylint.debounce" must be a number of milliseconds between 0 and 10000',
      'essaylint: "essaylint.rules": unknown rule "no-rule" (known rules: perspective-coverage, sovereignty-coverage, ethics-coverage, unsupported-claim, vague-evidence, mission-facts, citation-reference, thesis, counterargument)'
    ])
    await pushed.stop()
  }, 20000)

  it('survives malformed messages and unknown documents, and still answers', async () => {
    const client = start(dir)
    await client.initialize()
    const unknown = pathToFileURL(path.join(dir, 'never-opened.md')).href
    // Requests about documents it never saw.
    expect(await client.connection.sendRequest(CodeActionRequest.type, {textDocument: {uri: unknown}, range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, context: {diagnostics: []}})).toEqual([])
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {textDocument: {uri: unknown, version: 2}, contentChanges: [{text: 'x'}]})
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, {textDocument: {uri: unknown}})
    // Wrong shapes.
    await expect(client.connection.sendRequest('essaylint/no-such-method', {})).rejects.toMatchObject({code: -32601})
    expect(await client.connection.sendRequest(CodeActionRequest.type, {} as never)).toEqual([])
    expect(await client.connection.sendRequest(CodeActionRequest.type, {textDocument: {uri: weakUri}, range: null, context: {diagnostics: 'nope'}} as never)).toEqual([])
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {} as never)
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {textDocument: null, contentChanges: 5} as never)
    // Bytes that are not JSON at all, framed correctly.
    const garbage = '{"jsonrpc": "2.0", "method": '
    client.child.stdin.write(`Content-Length: ${Buffer.byteLength(garbage)}\r\n\r\n${garbage}`)
    // A binary "essay" and an empty one.
    const binary = await client.open(path.join(dir, 'binary.md'), 'abc\u0000def')
    expect(binary.diagnostics.map((d) => d.message)).toEqual(['binary file, not an essay (expected Markdown or plain text)'])
    expect((await client.open(path.join(dir, 'empty.md'), '')).diagnostics).toEqual([])

    // Still alive and correct.
    const published = await client.open(weak)
    expect(summary(published.diagnostics)).toEqual(weakExpected)
    const stats = await client.connection.sendRequest<{rss: number; documents: number}>('essaylint/stats')
    expect(stats.documents).toBe(3)
    expect(stats.rss).toBeGreaterThan(0)
    expect(client.stderr()).not.toContain('internal error')
    expect(await client.stop()).toBe(0)
  }, 15000)

  it('clears diagnostics when a document closes', async () => {
    const client = start(dir)
    await client.initialize()
    await client.open(weak)
    const cleared = client.diagnostics(weakUri, (p) => p.diagnostics.length === 0)
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, {textDocument: {uri: weakUri}})
    expect((await cleared).diagnostics).toEqual([])
    await client.stop()
  }, 15000)
})

afterAll(() => {
  for (const client of clients) if (client.child.exitCode === null) client.child.kill()
})

describe('the VS Code extension', () => {
  // scripts/build-vscode.mjs bundles the extension and the server, then runs vsce package.
  const vsix = path.join(mkdtempSync(path.join(tmpdir(), 'essaylint-vsix-')), 'essaylint.vsix')
  let built: {status: number | null; stdout: string; stderr: string}
  // Waited for without blocking: a long spawnSync stalls vitest's worker.
  beforeAll(async () => {
    built = await new Promise((resolve) => {
      const child = spawn(process.execPath, [path.join(root, 'scripts', 'build-vscode.mjs'), vsix], {cwd: root})
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk) => (stdout += chunk))
      child.stderr.on('data', (chunk) => (stderr += chunk))
      child.on('close', (status) => resolve({status, stdout, stderr}))
    })
  })

  it('packages with vsce without a warning: the two bundles, the data the server reads, the docs, LICENSE and icon', async () => {
    expect(built.stderr).toBe('')
    expect(built.status).toBe(0)
    expect(built.stdout).not.toMatch(/WARNING/i)
    expect(existsSync(vsix)).toBe(true)
    // The package's own entries (vsce's tree folds folders of many files).
    const entries = (await readZip(vsix, documentZipLimits, () => false)).map((entry) => path.posix.basename(entry.name).toLowerCase())
    for (const file of ['extension.js', 'server.mjs', 'concepts.yaml.json', 'compromise-words.json', 'default-rubric.json', 'LICENSE.txt', 'readme.md', 'icon.png']) expect(entries).toContain(file.toLowerCase())
    expect(Number(/Packaged: .* \((\d+) files/.exec(built.stdout)![1])).toBeLessThan(40)
  })

  it('its bundled server publishes the same diagnostics as the package’s', async () => {
    const dir = workspace()
    const weak = path.join(dir, 'weak.md')
    copyFileSync(weakFixture, weak)
    const client = start(dir, path.join(root, 'editors', 'vscode', 'server', 'dist', 'src', 'bundle', 'server.mjs'))
    await client.initialize()
    expect(summary((await client.open(weak)).diagnostics)).toEqual(weakExpected)
  })
})
