/**
 * The essaylint language server: diagnostics for Markdown and plain-text
 * essays as the student types, with the same pipeline, rules and config
 * discovery as the CLI, plus code actions (suggested rewrites, and inline
 * comments that disable a rule for a paragraph or a file).
 *
 * Why not unified-language-server? Its one-call
 * shape is what this server copies (the same engine names as the CLI, rule
 * id as the code, the docs URL as `codeDescription`, `expected` as quick
 * fixes). But unified-language-server 4 cannot serve essaylint as it is:
 *   - it takes no `configTransform`/`defaultConfig`, so an `.essaylintrc`
 *     (`extends`/`rules`/`concepts`, not `plugins`/`settings`) cannot be read,
 *     and it loads the processor by package name from the user's workspace;
 *   - it checks on every change, at once and without coalescing, so a fast
 *     typist queues a full analysis per keystroke (no debounce), and it syncs
 *     whole documents only;
 *   - its only settings are `requireConfig` and `ignorePath`, not
 *     `essaylint.*` (rules, config file, debounce);
 *   - it has no "disable this rule" actions, and it advertises formatting,
 *     which essaylint (no compiler) cannot do.
 * So this server is built on vscode-languageserver directly, and runs the
 * documents through unified-engine with the CLI's own options
 * (`src/engine-options.ts`).
 *
 * Speed: analyses run one at a time. Edits are debounced on both edges: an
 * edit after a pause is checked at once, and edits that follow it within
 * `essaylint.debounce` ms (default 30) of each other are checked once, when
 * they stop. A result that a newer edit made stale is dropped rather than
 * published, and a document waiting in the queue is read when its turn comes,
 * so a burst of edits costs at most two analyses. The essay model is cached per paragraph
 * (`src/model/paragraph-cache.ts`), so is the per-paragraph part of the argument analysis
 * (`memoiseParagraphArguments`), and compromise's answers and the cue phrases per sentence
 * (`memoiseTagging`, `memoiseCues` in src/argument/), so after an edit only what changed is analysed again.
 */

import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {
  CodeActionKind,
  ErrorCodes,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  createConnection,
  ProposedFeatures,
  type Connection,
  type InitializeParams,
  type InitializeResult
} from 'vscode-languageserver/node.js'
import {enableParagraphCache, paragraphCacheStats} from '../model/paragraph-cache.js'
import {codeActions, type Layout} from './actions.js'
import {toDiagnostics} from './diagnostics.js'
import {isEssay, lintDocument} from './lint.js'
import {defaultSettings, readSettings, type Settings} from './settings.js'
import {memoiseParagraphArguments, memoiseTagging, paragraphArgumentStats, taggingMemoStats} from '../model/argument.js'
import {memoiseCues} from '../argument/cues.js'
import {checkedDocuments} from './document-sync.js'
import {resyncingInput} from './frames.js'

export {codeActions} from './actions.js'
export {toDiagnostics} from './diagnostics.js'
export {readSettings, type Settings} from './settings.js'

const packageJson = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {version: string}

/** The custom request that reports the server's memory and caches (used by `npm run bench:server`). */
export const statsRequest = 'essaylint/stats'

/** How long to wait for the client's answer to `workspace/configuration` before using defaults. */
const settingsTimeout = 2000

/**
 * Start the server on a connection (by default, the one the command line
 * names: `--stdio`, `--node-ipc` or `--socket=<port>`).
 */
export function startServer(connection: Connection = defaultConnection()): Connection {
  // Before any essay is analysed: argument.ts keeps the first compromise it loads.
  memoiseTagging()
  memoiseCues()
  enableParagraphCache()
  memoiseParagraphArguments()

  // Documents the editor and the server no longer agree on (a rejected change): not checked until the whole text comes again.
  const outOfStep = new Set<string>()
  const documents = new TextDocuments(
    checkedDocuments(
      (uri, problem) => {
        outOfStep.add(uri)
        connection.console.error(`essaylint: rejected a change to ${uri}: ${problem}; its diagnostics wait until the editor sends the whole text (reopen the file)`)
      },
      (uri) => outOfStep.delete(uri)
    )
  )
  // After `shutdown`, the protocol allows only `exit`: requests get InvalidRequest.
  let shutDown = false
  const refuseAfterShutdown = () => {
    if (shutDown) throw new ResponseError(ErrorCodes.InvalidRequest, 'the server is shutting down')
  }
  let folders: string[] = []
  let canAskSettings = false
  let canRegisterConfiguration = false
  let canWatchFiles = false
  let globalSettings: Settings = defaultSettings
  const settingsCache = new Map<string, Promise<Settings>>()
  const knownSettings = new Map<string, Settings>()
  const layouts = new Map<string, {version: number; layout: Layout}>()
  const timers = new Map<string, NodeJS.Timeout>()
  const queued = new Set<string>()
  const warned = new Set<string>()
  let queue: Promise<void> = Promise.resolve()
  let lints = 0

  const warnOnce = (problem: string) => {
    if (warned.has(problem)) return
    warned.add(problem)
    void connection.sendNotification(ShowMessageNotification.type, {type: MessageType.Warning, message: `essaylint: ${problem}`})
  }

  const useSettings = (raw: unknown): Settings => {
    const {settings, problems} = readSettings(raw)
    for (const problem of problems) warnOnce(problem)
    return settings
  }

  function settingsFor(uri: string): Promise<Settings> {
    if (!canAskSettings) return Promise.resolve(globalSettings)
    let cached = settingsCache.get(uri)
    if (!cached) {
      const asked = connection.workspace.getConfiguration({scopeUri: uri, section: 'essaylint'}).then(
        (raw: unknown) => (raw === null || raw === undefined ? globalSettings : useSettings(raw)),
        () => globalSettings
      )
      const late = new Promise<Settings>((resolve) => setTimeout(() => resolve(globalSettings), settingsTimeout).unref())
      cached = Promise.race([asked, late])
      settingsCache.set(uri, cached)
    }
    return cached
  }

  function schedule(uri: string, delay: number): void {
    clearTimeout(timers.get(uri))
    if (delay <= 0) {
      timers.delete(uri)
      enqueue(uri)
      return
    }
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri)
        enqueue(uri)
      }, delay)
    )
  }

  /** One analysis at a time; a document already waiting is not queued twice (it is read when its turn comes). */
  function enqueue(uri: string): void {
    if (queued.has(uri)) return
    queued.add(uri)
    queue = queue
      .then(() => {
        queued.delete(uri)
        return check(uri)
      })
      .catch((error: unknown) => {
        connection.console.error(`essaylint: could not check ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      })
  }

  async function check(uri: string): Promise<void> {
    const document = documents.get(uri)
    if (!document || !isEssay(uri, document.languageId) || shutDown) return
    if (outOfStep.has(uri)) {
      layouts.delete(uri)
      void connection.sendDiagnostics({uri, diagnostics: []})
      return
    }
    const settings = await settingsFor(uri)
    knownSettings.set(uri, settings)
    const current = documents.get(uri)
    if (!current) return
    const version = current.version
    if (!settings.enable) {
      layouts.delete(uri)
      void connection.sendDiagnostics({uri, version, diagnostics: []})
      return
    }
    const result = await lintDocument({uri, languageId: current.languageId, text: current.getText(), folders, settings})
    lints++
    if (result.settingsProblem) warnOnce(`settings: ${result.settingsProblem}`)
    // An edit arrived while this ran: its own check is on the way, and this result is stale.
    if (documents.get(uri)?.version !== version) return
    layouts.set(uri, {version, layout: {format: result.format, blocks: result.blocks}})
    void connection.sendDiagnostics({uri, version, diagnostics: result.skipped ? [] : toDiagnostics(result.messages)})
  }

  function recheckAll(): void {
    for (const document of documents.all()) schedule(document.uri, 0)
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : [])
    folders = uris.flatMap((uri) => (uri.startsWith('file:') ? [fileURLToPath(uri)] : []))
    if (folders.length === 0 && params.rootPath) folders = [params.rootPath]
    canAskSettings = Boolean(params.capabilities.workspace?.configuration)
    canRegisterConfiguration = Boolean(params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration)
    canWatchFiles = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration)
    if (params.initializationOptions !== undefined && params.initializationOptions !== null) globalSettings = useSettings(params.initializationOptions)
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental},
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix]},
        workspace: params.capabilities.workspace?.workspaceFolders ? {workspaceFolders: {supported: true, changeNotifications: true}} : undefined
      },
      serverInfo: {name: 'essaylint', version: packageJson.version}
    }
  })

  connection.onInitialized(() => {
    if (canRegisterConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, {section: 'essaylint'})
    // Config and ignore files: check open essays again when one changes.
    if (canWatchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, {watchers: [{globPattern: '**/{.essaylintrc,.essaylintrc.*,.essaylintignore,package.json}'}]})
    if (canAskSettings && folders.length > 0) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => folder.uri))
        const added = event.added.flatMap((folder) => (folder.uri.startsWith('file:') ? [fileURLToPath(folder.uri)] : []))
        folders = [...folders.filter((folder) => !removed.has(folder)), ...added]
        recheckAll()
      })
    }
  })

  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear()
    if (!canAskSettings) {
      const raw = (change as {settings?: unknown}).settings
      globalSettings = raw === undefined || raw === null ? defaultSettings : useSettings(raw)
    }
    recheckAll()
  })

  // A config or ignore file changed on disk (clients that watch files tell us).
  connection.onDidChangeWatchedFiles(() => recheckAll())

  // Opening is checked at once; so is the first edit after a pause. Edits
  // that come closer together than `essaylint.debounce` wait until they stop.
  const justOpened = new Set<string>()
  const lastEdit = new Map<string, number>()
  documents.onDidOpen((event) => {
    outOfStep.delete(event.document.uri)
    justOpened.add(event.document.uri)
  })
  documents.onDidChangeContent((event) => {
    const uri = event.document.uri
    const now = performance.now()
    const debounce = (knownSettings.get(uri) ?? globalSettings).debounce
    const previous = lastEdit.get(uri)
    lastEdit.set(uri, now)
    const afterPause = justOpened.delete(uri) || (!timers.has(uri) && (previous === undefined || now - previous >= debounce))
    schedule(uri, afterPause ? 0 : debounce)
  })

  documents.onDidClose((event) => {
    const uri = event.document.uri
    clearTimeout(timers.get(uri))
    timers.delete(uri)
    layouts.delete(uri)
    lastEdit.delete(uri)
    knownSettings.delete(uri)
    settingsCache.delete(uri)
    outOfStep.delete(uri)
    void connection.sendDiagnostics({uri, diagnostics: []})
  })

  connection.onCodeAction((params) => {
    refuseAfterShutdown()
    const uri = params?.textDocument?.uri
    const document = typeof uri === 'string' ? documents.get(uri) : undefined
    if (!document) return []
    const known = layouts.get(uri)
    // Block positions from an older version could put a comment in the wrong place.
    const layout = known && known.version === document.version ? known.layout : undefined
    return codeActions(document, params.context?.diagnostics, layout)
  })

  connection.onRequest(statsRequest, (params: unknown) => {
    refuseAfterShutdown()
    // `{"gc": true}` collects garbage first, when Node runs with --expose-gc (the benchmark does).
    const gc = (globalThis as {gc?: () => void}).gc
    if (params && typeof params === 'object' && (params as {gc?: unknown}).gc === true && gc) gc()
    const memory = process.memoryUsage()
    return {
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      documents: documents.all().length,
      lints,
      paragraphCache: paragraphCacheStats(),
      paragraphArguments: paragraphArgumentStats(),
      taggerCache: taggingMemoStats()
    }
  })

  connection.onShutdown(() => {
    shutDown = true
    for (const timer of timers.values()) clearTimeout(timer)
    timers.clear()
  })

  documents.listen(connection)
  connection.listen()
  return connection
}

/**
 * The connection the command line names. Over stdio, the input is re-framed
 * first (src/server/frames.ts): a message with a wrong Content-Length is
 * dropped and said on stderr, and the server goes on answering.
 */
function defaultConnection(): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all)
  const log = (line: string) => process.stderr.write(`essaylint-language-server: ${line}\n`)
  return createConnection(ProposedFeatures.all, new StreamMessageReader(resyncingInput(process.stdin, log)), new StreamMessageWriter(process.stdout))
}
