// The essaylint extension for VS Code: starts `essaylint-language-server
// --stdio` for Markdown and plain-text (.txt) essays. Everything else —
// rules, config discovery, code actions — happens in the server, which is the
// same for every editor. Plain JavaScript, so there is nothing to build:
// `npm install` here, then `npx @vscode/vsce package` (or F5 in VS Code).
'use strict'

const fs = require('node:fs')
const path = require('node:path')
const {workspace} = require('vscode')
const {LanguageClient} = require('vscode-languageclient/node')

/** @type {LanguageClient | undefined} */
let client

/** The server to run: the setting, else the workspace's own essaylint, else the one on PATH. */
function serverCommand() {
  const configured = workspace.getConfiguration('essaylint').get('serverPath')
  if (configured) return configured
  const name = process.platform === 'win32' ? 'essaylint-language-server.cmd' : 'essaylint-language-server'
  for (const folder of workspace.workspaceFolders ?? []) {
    const local = path.join(folder.uri.fsPath, 'node_modules', '.bin', name)
    if (fs.existsSync(local)) return local
  }
  return name
}

exports.activate = async function activate() {
  const serverOptions = {
    command: serverCommand(),
    args: ['--stdio'],
    // npm's .cmd shims need a shell on Windows.
    options: {shell: process.platform === 'win32'}
  }
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
