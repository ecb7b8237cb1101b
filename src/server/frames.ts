/**
 * The language server's input, re-framed before vscode-jsonrpc reads it.
 *
 * vscode-jsonrpc trusts each `Content-Length`: one message whose length is
 * wrong (too large, too small, missing or not a number) leaves its reader
 * out of step with the stream for good, and the server never answers again,
 * silently. Here each frame is checked: its body must be complete JSON. A
 * frame that is not is dropped with one line on stderr (the editor's log),
 * and reading goes on at the next `Content-Length` header, so only the
 * broken message is lost.
 */

import {Transform, type Readable} from 'node:stream'

/** Larger messages are refused: no editor sends an essay this long. */
const maxMessageBytes = 64 * 1024 * 1024

const headerName = Buffer.from('Content-Length:', 'ascii')
const headerEnd = Buffer.from('\r\n\r\n', 'ascii')

const isJson = (bytes: Buffer) => {
  try {
    JSON.parse(bytes.toString('utf8'))
    return true
  } catch {
    return false
  }
}

/** `input`, with broken frames dropped (and said on `log`) and the rest passed on as they came. */
export function resyncingInput(input: Readable, log: (line: string) => void): Readable {
  let buffer: Buffer = Buffer.alloc(0)
  // Resume at the next header at or after `from`; all of it goes if there is none yet.
  const skipTo = (from: number) => {
    const next = buffer.indexOf(headerName, from)
    buffer = next === -1 ? Buffer.alloc(0) : buffer.subarray(next)
  }
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk])
      for (;;) {
        const end = buffer.indexOf(headerEnd)
        if (end === -1) {
          // Bytes that never become a header: drop them rather than hold them forever.
          if (buffer.length > 64 * 1024) {
            log('dropped input with no message header')
            skipTo(1)
          }
          break
        }
        const header = buffer.subarray(0, end).toString('ascii')
        const length = /(?:^|\r\n)Content-Length: *(\d{1,12}) *(?:\r\n|$)/i.exec(header)
        const start = end + headerEnd.length
        if (!length || Number(length[1]) > maxMessageBytes) {
          log(length ? `dropped a message of ${length[1]} bytes: larger than any essay` : 'dropped a message without a valid Content-Length header')
          skipTo(1)
          continue
        }
        const size = Number(length[1])
        const next = buffer.indexOf(headerName, start)
        if (buffer.length < start + size) {
          // The next message's header came before this one's claimed end: the length was too large.
          if (next !== -1 && next < start + size && /^Content-Length: *\d+\r\n/i.test(buffer.subarray(next, next + 40).toString('ascii'))) {
            log(`dropped a message whose Content-Length (${size}) runs into the next message`)
            skipTo(next)
            continue
          }
          break
        }
        const body = buffer.subarray(start, start + size)
        if (!isJson(body)) {
          log(`dropped a message whose body is not the JSON its Content-Length (${size}) announced`)
          skipTo(start)
          continue
        }
        this.push(Buffer.concat([Buffer.from(`Content-Length: ${size}\r\n\r\n`, 'ascii'), body]))
        buffer = buffer.subarray(start + size)
      }
      done()
    }
  })
  input.on('error', (error) => transform.destroy(error))
  return input.pipe(transform)
}
