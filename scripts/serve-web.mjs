// `npm run web`: serves the built playground (dist/web/) on this machine only
// and prints its address. PORT picks the port (default 8080; the next free one
// when taken, or any free one with PORT=0).
import {createServer} from 'node:http'
import {existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import sirv from 'sirv'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist/web')
if (!existsSync(path.join(root, 'index.html'))) {
  console.error('essaylint: dist/web/index.html: the playground is not built; run "npm run build:web" first')
  process.exit(2)
}
const serve = sirv(root, {dev: true, etag: true})
const server = createServer((request, response) => serve(request, response, () => {
  response.statusCode = 404
  response.end('Not found')
}))
let port = Number(process.env.PORT ?? 8080)
const tries = port === 0 ? 1 : 20
let attempt = 0
server.on('error', (error) => {
  if (error.code === 'EADDRINUSE' && ++attempt < tries) server.listen(++port, '127.0.0.1')
  else {
    console.error(`essaylint: cannot serve the playground: ${error.message}`)
    process.exit(2)
  }
})
server.listen(port, '127.0.0.1', () => {
  console.log(`essaylint playground: http://127.0.0.1:${server.address().port}/`)
})
