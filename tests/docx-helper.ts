/**
 * Reading the Word files essaylint writes, for the tests: their parts, and
 * each comment with its author, its text and the sentence it is anchored on.
 */

import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {DOMParser} from '@xmldom/xmldom'
import {readZip} from '../src/readers/zip.js'

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

/** Whether LibreOffice is on this machine (.ci/run installs it). */
export const soffice = spawnSync('soffice', ['--version'], {encoding: 'utf8'}).status === 0

export async function parts(file: string): Promise<Map<string, string>> {
  const entries = await readZip(readFileSync(file), {maxEntryBytes: 2 ** 26, maxTotalBytes: 2 ** 28, maxEntries: 1000}, () => true)
  return new Map(entries.map((entry) => [entry.name, entry.data!.toString('utf8')]))
}

/** Each comment: its author, its text (paragraphs), and the document text it is anchored on. */
export function comments(documentXml: string, commentsXml: string) {
  const doc = new DOMParser().parseFromString(documentXml, 'text/xml')
  const anchored = new Map<string, string>()
  const open = new Set<string>()
  const walk = (node: Node) => {
    const el = node as Element
    if (el.namespaceURI === W && el.localName === 'commentRangeStart') open.add(el.getAttribute('w:id')!)
    if (el.namespaceURI === W && el.localName === 'commentRangeEnd') open.delete(el.getAttribute('w:id')!)
    if (node.nodeType === 3 && (node.parentNode as Element).localName === 't') for (const id of open) anchored.set(id, (anchored.get(id) ?? '') + (node as Text).data)
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child)
  }
  walk(doc as unknown as Node)
  const list = new DOMParser().parseFromString(commentsXml, 'text/xml').getElementsByTagNameNS(W, 'comment')
  return Array.from({length: list.length}, (_, index) => {
    const comment = list.item(index)!
    const paragraphs = comment.getElementsByTagNameNS(W, 'p')
    return {
      author: comment.getAttribute('w:author'),
      text: Array.from({length: paragraphs.length}, (_, i) => paragraphs.item(i)!.textContent),
      anchor: anchored.get(comment.getAttribute('w:id')!)
    }
  })
}

/** The comments of an annotated Word file. */
export async function commentsOf(file: string) {
  const xml = await parts(file)
  return comments(xml.get('word/document.xml')!, xml.get('word/comments.xml')!)
}
