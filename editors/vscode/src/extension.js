// The essaylint extension for VS Code: starts essaylint's language server for
// Markdown and plain-text (.txt) essays. Everything else — rules, config
// discovery, code actions — happens in the server, which is the same for
// every editor. The extension carries the server (server/, bundled by
// scripts/build-vscode.mjs); a workspace's own essaylint or the
// essaylint.serverPath setting is used instead when there is one.
'use strict'

const fs = require('node:fs')
const path = require('node:path')
const {workspace} = require('vscode')
const {LanguageClient, TransportKind} = require('vscode-languageclient/node')

/** @type {LanguageClient | undefined} */
let client

/** A command for the server: the setting, else the workspace's own essaylint; undefined: the bundled one. */
function serverCommand() {
  const configured = workspace.getConfiguration('essaylint').get('serverPath')
  if (configured) return configured
  const name = process.platform === 'win32' ? 'essaylint-language-server.cmd' : 'essaylint-language-server'
  for (const folder of workspace.workspaceFolders ?? []) {
    const local = path.join(folder.uri.fsPath, 'node_modules', '.bin', name)
    if (fs.existsSync(local)) return local
  }
  return undefined
}

exports.activate = async function activate(context) {
  const command = serverCommand()
  const serverOptions = command
    ? // npm's .cmd shims need a shell on Windows.
      {command, args: ['--stdio'], options: {shell: process.platform === 'win32'}}
    : {module: context.asAbsolutePath(path.join('server', 'dist', 'src', 'bundle', 'server.mjs')), transport: TransportKind.ipc}
  const clientOptions = {
    documentSelector: [
      {scheme: 'file', language: 'markdown'},
      {scheme: 'untitled', language: 'markdown'},
      // Not every plain-text file is an essay: .txt files only.
      {scheme: 'file', language: 'plaintext', pattern: '**/*.txt'},
      {scheme: 'untitled', language: 'plaintext'}
    ],
    synchronize: {
      // Config and ignore files: the server checks open essays again when they change.
      fileEvents: workspace.createFileSystemWatcher('**/{.essaylintrc,.essaylintrc.*,.essaylintignore,package.json}')
    }
  }
  client = new LanguageClient('essaylint', 'essaylint', serverOptions, clientOptions)
  await client.start()
}

exports.deactivate = function deactivate() {
  return client ? client.stop() : undefined
}
