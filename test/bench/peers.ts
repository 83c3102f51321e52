// The peers and floors the browser measurements are set beside, in the same run (issue 18 item 1):
// - PouchDB 9: `pouchdb`'s browser bundle in a page of its own, two-way `sync` with an
//   express-pouchdb server (memory adapter) on loopback; the same server answers a plain POST
//   of the same mutations (the transport floor);
// - a minimal Vue + Dexie page (test/bench/peer/mini) for the cold load, served gzip like the app;
// - the named stack alone (test/bench/peer/stack: Vue, Vue Router, Pinia, Dexie, workbox-window)
//   for the entry screen's size.
// All are devDependencies of the benchmark; none reaches the app.
import { readFile, mkdtemp, rm } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'
import type { MeasurementContext } from './report'
import { REPO_ROOT, SERVER_HOST } from './server'
import { measureEntrySize, type EntrySize } from './size'

const require = createRequire(import.meta.url)

export interface PeerServer {
  url: string
  /** The folder of the minimal Vue + Dexie page's build, served at `/mini/`. */
  miniDir: string
  stop(): Promise<void>
}

const TYPES: Readonly<Record<string, string>> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' }

/** Builds one peer page (test/bench/peer/NAME) into a fresh folder, with a manifest for size.ts. */
async function buildPeer(name: 'mini' | 'stack', outDir: string): Promise<void> {
  await build({
    root: join(REPO_ROOT, 'test', 'bench', 'peer', name),
    base: name === 'mini' ? '/mini/' : '/',
    configFile: false,
    logLevel: 'silent',
    define: { __VUE_OPTIONS_API__: 'false', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
    build: { outDir, emptyOutDir: true, manifest: true, modulePreload: { polyfill: false } },
  })
}

const PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Peer: PouchDB</title><script src="/pouchdb.min.js"></script></head><body><p id="ready">PouchDB</p></body></html>`

/**
 * The peer server: the PouchDB page and its bundle, `/db/*` (express-pouchdb on PouchDB's memory
 * adapter), `POST /echo` (reads the body and answers its size) and the mini page under `/mini/`.
 */
export async function startPeerServer(ctx: MeasurementContext): Promise<PeerServer> {
  const miniDir = await mkdtemp(join(tmpdir(), 'thidua-bench-peer-mini-'))
  ctx.cleanup.defer('remove the peer page build', () => rm(miniDir, { recursive: true, force: true }))
  await buildPeer('mini', miniDir)
  const PouchDB = (require('pouchdb') as { plugin(p: unknown): { defaults(o: object): unknown } }).plugin(require('pouchdb-adapter-memory'))
  const Memory = PouchDB.defaults({ adapter: 'memory' })
  const expressPouch = require('express-pouchdb') as (db: unknown, options: object) => (req: IncomingMessage, res: ServerResponse) => void
  const couch = expressPouch(Memory, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: join(miniDir, 'pouch.log') })
  const bundle = await readFile(require.resolve('pouchdb/dist/pouchdb.min.js'))
  const gzipped = new Map<string, Buffer>()

  const send = (req: IncomingMessage, res: ServerResponse, body: Buffer, type: string): void => {
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
    let out = body
    if (gzip) {
      const key = `${type}:${body.length}:${body.subarray(0, 64).toString('hex')}`
      out = gzipped.get(key) ?? gzipSync(body, { level: 9 })
      gzipped.set(key, out)
    }
    res.writeHead(200, { 'content-type': type, 'content-length': out.length, 'cache-control': 'no-cache', ...(gzip ? { 'content-encoding': 'gzip' } : {}) })
    res.end(out)
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://peer').pathname
    if (path.startsWith('/db/') || path === '/db') {
      req.url = (req.url ?? '/').slice(3) || '/'
      couch(req, res)
      return
    }
    if (req.method === 'POST' && path === '/echo') {
      let n = 0
      req.on('data', (c: Buffer) => (n += c.length))
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ ok: true, bytes: n }))
      })
      return
    }
    if (path === '/' || path === '/pouch') return send(req, res, Buffer.from(PAGE), TYPES['.html']!)
    if (path === '/pouchdb.min.js') return send(req, res, bundle, TYPES['.js']!)
    if (path.startsWith('/mini/')) {
      const rel = normalize(path.slice('/mini/'.length) || 'index.html')
      if (rel.startsWith('..')) {
        res.writeHead(404).end()
        return
      }
      readFile(join(miniDir, rel === '.' ? 'index.html' : rel)).then(
        (body) => send(req, res, body, TYPES[extname(rel)] ?? 'application/octet-stream'),
        () => readFile(join(miniDir, 'index.html')).then((body) => send(req, res, body, TYPES['.html']!)),
      )
      return
    }
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, SERVER_HOST, resolve))
  const url = `http://${SERVER_HOST}:${(server.address() as AddressInfo).port}`
  const stop = (): Promise<void> => new Promise((resolve) => server.close(() => resolve()))
  ctx.cleanup.defer('stop the peer server', stop)
  ctx.log(`peers: PouchDB and the minimal Vue + Dexie page on ${url}`)
  return { url, miniDir, stop }
}

let peer: Promise<PeerServer> | undefined

/** The peer server, started once for the browser measurements that need it. */
export function peerServer(ctx: MeasurementContext): Promise<PeerServer> {
  peer ??= startPeerServer(ctx)
  return peer
}

/** The first-load size of the named stack alone (test/bench/peer/stack), built fresh. */
export async function stackSize(ctx: MeasurementContext): Promise<EntrySize> {
  const dir = await mkdtemp(join(tmpdir(), 'thidua-bench-peer-stack-'))
  ctx.cleanup.defer('remove the stack build', () => rm(dir, { recursive: true, force: true }))
  await buildPeer('stack', dir)
  return measureEntrySize(dir)
}

/** "1.47×": how many times the product's figure is the peer's (over 1 slower, under 1 faster). */
export function ratio(product: number, peerFigure: number): string {
  return Number.isFinite(product) && Number.isFinite(peerFigure) && peerFigure > 0 ? `${(product / peerFigure).toFixed(2)}×` : '–'
}
