// The hostile-environment families of `npm run soak` (issue 17): what a
// student's repository, a shared CI runner or a malicious file name tries.
// Each case runs the real binary (or the language server) in a fresh folder
// and is checked for: a crash (exit code other than 0, 1, 2, or an internal
// error / stack trace), a hang (no end within the limit), bytes written
// anywhere but the --output file (every file of the folder and a victim file
// outside it are hashed before and after, without following links), and raw
// control characters in stdout or stderr.
//
//   families: configs, rubrics, outputs, file names, LSP frames
import {spawn, spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import fc from 'fast-check'

// Control characters other than the line break (and CR of CSV records), DEL, C1, bidi overrides, line separators.
// eslint-disable-next-line no-control-regex
const rawControl = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/
const secret = 'hunter2-soak-secret'
const limitMs = 20_000

/** Hash of every entry under `dir` (links by their target text), and of `victim`. */
function snapshot(dir, victim) {
  const hashes = new Map()
  const walk = (folder) => {
    for (const name of readdirSync(folder)) {
      const full = path.join(folder, name)
      const stats = lstatSync(full)
      if (stats.isDirectory()) walk(full)
      else if (stats.isSymbolicLink()) hashes.set(full, `link ${readlinkSync(full)}`)
      else if (stats.isFile()) hashes.set(full, createHash('sha256').update(readFileSync(full)).digest('hex'))
      else hashes.set(full, `special ${stats.mode}`)
    }
  }
  walk(dir)
  hashes.set(victim, createHash('sha256').update(readFileSync(victim)).digest('hex'))
  return hashes
}

function changedOutside(before, after, output) {
  const changed = []
  for (const [file, hash] of after) if (file !== output && before.get(file) !== hash) changed.push(file)
  for (const file of before.keys()) if (file !== output && !after.has(file)) changed.push(`${file} (removed)`)
  return changed
}

function runBin(bin, args, cwd, input) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {cwd, env: {...process.env, NO_COLOR: '1'}})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    if (input !== undefined) child.stdin.end(input)
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({code, stdout, stderr, timedOut: signal === 'SIGKILL'})
    })
  })
}

// --- The cases: each builds a folder and says how to run the binary in it.

const essayNames = fc.constantFrom('e.md', 'week 1.md', '-draft.md', '=SUM(A1).md', 'a\n::error::x.md', 'b\u001b[2Jc.md', 'd\u202ee.md', '@x.txt', '+1.md')

const configValue = fc.oneof(
  fc.constant({link: '/dev/zero'}),
  fc.constant({fifo: true}),
  fc.constant({text: `{"rules": {}}${' '.repeat(1024 * 1024 + 1)}`}),
  fc.constant({text: `root:x:0:0:${secret}:/root:/bin/bash\n`}),
  fc.constant({text: `rules: *${secret}\n`, name: '.essaylintrc.yaml'}),
  fc.constantFrom('/etc/passwd', '../outside.json', './linked-out.json', './zero.json', './c0.json').map((extend) => ({text: JSON.stringify({extends: extend})})),
  fc.jsonValue().map((value) => ({text: JSON.stringify(value)})),
  fc.record({rules: fc.dictionary(fc.constantFrom('perspective-coverage', 'toString', '__proto__', 'ethics-coverage'), fc.jsonValue())}).map((value) => ({text: JSON.stringify(value)}))
)

const rubricValue = fc.oneof(
  fc.record({weights: fc.dictionary(fc.constantFrom('thesis', 'ethics', 'toString', 'nope'), fc.oneof(fc.double(), fc.constant(1e308), fc.integer()))}),
  fc.record({
    add: fc.array(
      fc.record({
        id: fc.constantFrom('x', 'y', 'toString'),
        label: fc.constantFrom('X', '\u001b[31mred', ''),
        type: fc.constantFrom('thesis', 'concept', 'perspectives', 'evidence-quality', 'claims-supported'),
        max: fc.oneof(fc.double(), fc.integer({min: -10, max: 2000}), fc.constant(1e308)),
        options: fc.record(
          {concept: fc.constantFrom('realism', 'toString', 'constructor', 'world-systems'), required: fc.array(fc.constantFrom('realism', '__proto__', 'x')), vaguePenalty: fc.double(), target: fc.double(), citationsPer1000Words: fc.double()},
          {requiredKeys: []}
        )
      }),
      {maxLength: 3}
    )
  }),
  fc.constant({link: '/dev/zero'}),
  fc.constant({fifo: true}),
  fc.constant({text: `${secret}: [\n`})
)

const outputTarget = fc.constantFrom('report.txt', 'link/e.md', 'to-essay.md', 'to-victim.txt', 'pipe', 'class')

function makeProject(essay) {
  const parent = mkdtempSync(path.join(tmpdir(), 'essaylint-soak-hostile-'))
  const dir = path.join(parent, 'project')
  mkdirSync(path.join(dir, 'class'), {recursive: true})
  const victim = path.join(parent, 'victim.txt')
  writeFileSync(victim, 'VICTIM')
  writeFileSync(path.join(parent, 'outside.json'), `{"rules": {}, "secret": "${secret}"}`)
  writeFileSync(path.join(dir, 'class', 'e.md'), essay)
  writeFileSync(path.join(dir, 'class', 'f.md'), essay)
  symlinkSync(path.join(parent, 'outside.json'), path.join(dir, 'linked-out.json'))
  symlinkSync('/dev/zero', path.join(dir, 'zero.json'))
  for (let i = 0; i < 30; i++) writeFileSync(path.join(dir, `c${i}.json`), JSON.stringify({extends: [`./c${i + 1}.json`, `./c${i + 1}.json`]}))
  writeFileSync(path.join(dir, 'c30.json'), '{}')
  return {parent, dir, victim}
}

function place(dir, name, value) {
  const file = path.join(dir, value.name ?? name)
  if (value.link) symlinkSync(value.link, file)
  else if (value.fifo) spawnSync('mkfifo', [file])
  else writeFileSync(file, value.text ?? JSON.stringify(value))
  return path.basename(file)
}

/** One CLI case: run, then check it. */
async function cliCase(bin, label, essay, setup, out) {
  const project = makeProject(essay)
  try {
    const {args, output} = setup(project)
    const before = snapshot(project.dir, project.victim)
    const run = await runBin(bin, args, project.dir)
    const after = snapshot(project.dir, project.victim)
    out.cases++
    if (run.timedOut) out.hangs.push(`${label}: no end after ${limitMs / 1000} s (${JSON.stringify(args)})`)
    else if (![0, 1, 2].includes(run.code) || /internal error|\n\s+at .*:\d+:\d+/.test(run.stderr)) out.crashes.push(`${label}: exit ${run.code} ${run.stderr.split('\n')[0]}`)
    const changed = changedOutside(before, after, output && path.join(project.dir, output))
    if (changed.length > 0) out.written.push(`${label}: ${changed.slice(0, 3).map((f) => path.relative(project.parent, f)).join(', ')} (${JSON.stringify(args)})`)
    const printed = run.stdout.replace(/\r\n/g, '\n') + run.stderr
    if (rawControl.test(printed)) out.control.push(`${label}: ${JSON.stringify(args)}`)
    if (printed.includes(secret)) out.leaked.push(`${label}: ${JSON.stringify(args)}`)
    for (const line of printed.split('\n')) {
      if (line.startsWith('::') && !/^::(?:error|warning|notice) file=[^\n]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=essaylint\([a-z-]+\)::/.test(line)) out.control.push(`${label}: workflow command ${line.slice(0, 60)}`)
    }
  } finally {
    rmSync(project.parent, {recursive: true, force: true})
  }
}

/** The language server fed broken frames and changes: it must still answer a request at the end. */
async function lspCase(serverBin, label, frames, out) {
  const dir = mkdtempSync(path.join(tmpdir(), 'essaylint-soak-lsp-'))
  try {
    const child = spawn(process.execPath, [serverBin, '--stdio'], {cwd: dir})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const frame = (message, lie = 0) => {
      const body = Buffer.from(JSON.stringify({jsonrpc: '2.0', ...message}))
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length + lie}\r\n\r\n`), body])
    }
    child.stdin.write(frame({id: 1, method: 'initialize', params: {processId: null, rootUri: null, capabilities: {}}}))
    child.stdin.write(frame({method: 'initialized', params: {}}))
    for (const item of frames) child.stdin.write(typeof item === 'string' ? item : frame(item.message, item.lie))
    child.stdin.write(frame({id: 999, method: 'essaylint/stats'}))
    const answered = await new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), limitMs)
      child.stdout.on('data', () => {
        if (/"id":999,"result"/.test(stdout)) clearTimeout(timer), resolve(true)
      })
      child.on('close', () => (clearTimeout(timer), resolve(/"id":999,"result"/.test(stdout))))
    })
    child.kill()
    out.cases++
    if (!answered) out.hangs.push(`${label}: no answer to the last request (${stderr.split('\n')[0]})`)
    if (/internal error/.test(stderr)) out.crashes.push(`${label}: ${stderr.split('\n').find((l) => /internal error/.test(l))}`)
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

const uri = 'file:///soak/e.md'
const position = fc.record({line: fc.oneof(fc.nat(50), fc.constant(-1), fc.constant('x')), character: fc.oneof(fc.nat(80), fc.constant(-3))})
const lspFrame = fc.oneof(
  fc.record({message: fc.constant({method: 'textDocument/didOpen', params: {textDocument: {uri, languageId: 'markdown', version: 1, text: 'Realism explains peacekeeping.\n'}}}), lie: fc.constant(0)}),
  fc.record({
    message: fc.record({method: fc.constant('textDocument/didChange'), params: fc.record({textDocument: fc.record({uri: fc.constant(uri), version: fc.integer({min: -1, max: 5})}), contentChanges: fc.array(fc.record({range: fc.record({start: position, end: position}), text: fc.string()}), {minLength: 1, maxLength: 3})})}),
    lie: fc.constant(0)
  }),
  fc.record({message: fc.constant({id: 7, method: 'essaylint/stats'}), lie: fc.integer({min: -20, max: 40})}),
  fc.constantFrom('Content-Length: many\r\n\r\n{}', 'garbage\r\n\r\n', 'Content-Length: 99999999999\r\n\r\n')
)

/** Run the families, `count` cases each; returns the counts. */
export async function soakHostile({bin, serverBin, essay, count, seed}) {
  const out = {cases: 0, crashes: [], hangs: [], written: [], control: [], leaked: []}
  const sample = (arbitrary, n) => fc.sample(arbitrary, {numRuns: n, seed})
  for (const [i, value] of sample(configValue, count).entries()) {
    await cliCase(bin, `config ${i}`, essay, ({dir}) => (place(path.join(dir, 'class'), '.essaylintrc.json', value), {args: ['-f', 'json', 'class']}), out)
  }
  for (const [i, value] of sample(rubricValue, count).entries()) {
    await cliCase(bin, `rubric ${i}`, essay, ({dir}) => ({args: ['grade', '--rubric', place(dir, 'rubric.json', value), 'class']}), out)
  }
  for (const [i, [target, format]] of sample(fc.tuple(outputTarget, fc.constantFrom('json', 'stylish', 'github')), count).entries()) {
    await cliCase(
      bin,
      `output ${i}`,
      essay,
      ({dir, victim}) => {
        symlinkSync('class', path.join(dir, 'link'))
        symlinkSync(path.join('class', 'e.md'), path.join(dir, 'to-essay.md'))
        symlinkSync(victim, path.join(dir, 'to-victim.txt'))
        // Planted under the old temporary names of pids near ours.
        for (let pid = process.pid; pid < process.pid + 50; pid++) symlinkSync(victim, path.join(dir, `.report.txt.${pid}.tmp`))
        if (target === 'pipe') spawnSync('mkfifo', [path.join(dir, 'pipe')])
        // A pipe with no reader would wait: the soak reads it.
        if (target === 'pipe') spawn('cat', [path.join(dir, 'pipe')], {stdio: 'ignore'})
        // to-victim.txt is a link the user named: replacing the link itself is writing at -o.
        return {args: ['--no-config', '-f', format, '-o', target, 'class'], output: target}
      },
      out
    )
  }
  for (const [i, [names, args]] of sample(fc.tuple(fc.uniqueArray(essayNames, {minLength: 1, maxLength: 4}), fc.constantFrom(['-f', 'github'], ['-f', 'stylish'], ['outline'], ['grade', '-f', 'csv'], ['grade', '-f', 'markdown'], ['grade'])), count).entries()) {
    await cliCase(
      bin,
      `file names ${i}`,
      `${essay}\nPeacekeeping \u001b[2J always works in every \u202ecase.\n`,
      ({dir}) => {
        for (const name of names) writeFileSync(path.join(dir, name), name.startsWith('+') ? '' : `${essay}\n\u001b]0;title\u0007\n`)
        return {args: [...args, '--no-config', '--', ...names]}
      },
      out
    )
  }
  for (const [i, frames] of sample(fc.array(lspFrame, {minLength: 1, maxLength: 8}), count).entries()) await lspCase(serverBin, `LSP frames ${i}`, frames, out)
  return out
}
