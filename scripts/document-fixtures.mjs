// Makes fixtures/documents/: each sample essay of fixtures/essays/ as a web
// page (.html), a Word file (.docx), an OpenDocument text (.odt) and a PDF,
// for the test that every reader gives the findings of the essay itself
// (tests/readers.test.ts). Run it after changing a sample essay:
//
//   npm run build && node scripts/document-fixtures.mjs
//
// The essay's Markdown tree, as the pipeline reads it (plain-text headings
// included), is written as HTML (mdast-util-to-hast, hast-util-to-html);
// LibreOffice (Debian: libreoffice-writer) opens that HTML as a Writer
// document and saves it as .docx, .odt and .pdf. LibreOffice reads footnotes
// from HTML only in the form it writes them itself (`sdfootnote` anchors), so
// its copy of the page uses that form: the documents have real footnotes.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {toHtml} from 'hast-util-to-html'
import {toHast} from 'mdast-util-to-hast'
import {VFile} from 'vfile'
import {baseProcessor} from '../dist/src/pipeline.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const essays = path.join(root, 'fixtures/essays')
const out = path.join(root, 'fixtures/documents')

/** The page around an essay's HTML. */
const page = (title, body) => `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n<style>body{font-family:serif}</style>\n<script>console.log('scripts are not essay text')</script>\n</head>\n<body>\n${body}\n</body>\n</html>\n`

/** GFM's footnotes (a reference link and a list of notes) in LibreOffice's own HTML form. */
function libreOfficeFootnotes(hast) {
  const notes = new Map()
  const walk = (node, parent) => {
    if (node.type === 'element' && node.tagName === 'section' && node.properties.dataFootnotes !== undefined) {
      for (const li of node.children.find((c) => c.tagName === 'ol')?.children ?? []) {
        if (li.type !== 'element') continue
        const id = String(li.properties.id).replace(/^user-content-fn-/, '')
        notes.set(id, li)
      }
      parent.children.splice(parent.children.indexOf(node), 1)
      return true
    }
    if ('children' in node) for (let i = 0; i < node.children.length; i++) if (walk(node.children[i], node)) i--
    if (node.type === 'element' && node.tagName === 'sup' && node.children[0]?.properties?.dataFootnoteRef !== undefined) {
      const id = String(node.children[0].properties.href).replace(/^#user-content-fn-/, '')
      const number = [...notes.keys()].length // numbered below, in order of reference
      Object.assign(node, {tagName: 'a', properties: {className: ['sdfootnoteanc'], name: `sdfootnote${id}anc`, href: `#sdfootnote${id}sym`}, children: [{type: 'element', tagName: 'sup', properties: {}, children: [{type: 'text', value: id}]}]})
      void number
    }
    return false
  }
  walk(hast, undefined)
  for (const [id, li] of notes) {
    const paragraphs = li.children.filter((c) => c.type === 'element' && c.tagName === 'p')
    for (const p of paragraphs) p.children = p.children.filter((c) => !(c.type === 'element' && c.properties?.dataFootnoteBackref !== undefined))
    const first = paragraphs[0]
    first.properties = {className: ['sdfootnote']}
    first.children.unshift({type: 'element', tagName: 'a', properties: {className: ['sdfootnotesym'], name: `sdfootnote${id}sym`, href: `#sdfootnote${id}anc`}, children: [{type: 'text', value: id}]})
    hast.children.push({type: 'element', tagName: 'div', properties: {id: `sdfootnote${id}`}, children: paragraphs})
  }
  return hast
}

const temp = mkdtempSync(path.join(os.tmpdir(), 'essaylint-fixtures-'))
try {
  for (const name of readdirSync(essays).filter((file) => /\.(md|txt)$/.test(file)).sort()) {
    const base = name.replace(/\.(md|txt)$/, '')
    const file = new VFile({path: path.join(essays, name), value: readFileSync(path.join(essays, name), 'utf8')})
    const processor = baseProcessor()
    const tree = await processor.run(processor.parse(file), file)
    const title = tree.children.find((node) => node.type === 'heading')
    const titleText = title ? title.children.map((c) => c.value ?? '').join('') : base
    writeFileSync(path.join(out, `${base}.html`), page(titleText, toHtml(toHast(tree))))
    const forOffice = path.join(temp, `${base}.html`)
    writeFileSync(forOffice, page(titleText, toHtml(libreOfficeFootnotes(toHast(tree)))))
    for (const [extension, filter] of [['docx', 'docx:MS Word 2007 XML'], ['odt', 'odt:writer8'], ['pdf', 'pdf:writer_pdf_Export']]) {
      const made = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${temp}/profile`, '--infilter=HTML (StarWriter)', '--convert-to', filter, '--outdir', temp, forOffice], {encoding: 'utf8'})
      if (made.status !== 0) throw new Error(`soffice failed on ${name}: ${made.stderr}`)
      renameSync(path.join(temp, `${base}.${extension}`), path.join(out, `${base}.${extension}`))
    }
    console.log(`fixtures/documents/${base}.{html,docx,odt,pdf}`)
  }
} finally {
  rmSync(temp, {recursive: true, force: true})
}
