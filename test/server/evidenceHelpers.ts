// Evidence test helpers: a server with its own DATA_DIR, tus requests through inject, test pictures.
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { request } from 'node:http'
import sharp from 'sharp'
import type { Agent, DbFactory, TestServer } from './harness'
import { startServer, fixtureFile } from './harness'

export const C = 'xa-thu'
export const UPLOADS = `/api/communes/${C}/evidence/uploads`

export interface EvidenceServer extends TestServer {
  dataDir: string
  /** The app listening on loopback: tus goes over real HTTP (a dropped connection is a real one). */
  origin: string
}

export async function startEvidenceServer(factory: DbFactory, env: Record<string, string> = {}): Promise<EvidenceServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'thidua-evidence-'))
  const s = await startServer(factory, [fixtureFile(C)], { DATA_DIR: dataDir, ...env })
  const origin = await s.app.listen({ port: 0, host: '127.0.0.1' })
  return {
    ...s,
    dataDir,
    origin,
    async close() {
      await s.close()
      await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })
    },
  }
}

/** Every file under a folder (none when it does not exist). */
export async function filesUnder(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  return names.filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name))
}

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64')

export interface UploadMeta {
  clientId: string
  unit: string
  period: string
  indicator?: string
  caption?: string
  filename?: string
}

/** An HTTP answer, read whole. */
export interface Answer {
  statusCode: number
  headers: Record<string, string>
  body: string
  raw: Buffer
  json<T = { code: string; message: string; key?: string }>(): T
}

function headersOf(h: Headers): Record<string, string> {
  const out: Record<string, string> = {}
  h.forEach((value, key) => {
    out[key] = value
  })
  return out
}

async function call(s: EvidenceServer, agent: Agent, method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<Answer> {
  const res = await fetch(s.origin + path, { method, headers: { cookie: agent.cookie, 'tus-resumable': '1.0.0', ...headers }, ...(body ? { body: new Uint8Array(body) } : {}) })
  const raw = Buffer.from(await res.arrayBuffer())
  const body_ = raw.toString('utf8')
  return { statusCode: res.status, headers: headersOf(res.headers), body: body_, raw, json: <T>() => JSON.parse(body_) as T }
}

export function tusCreate(s: EvidenceServer, agent: Agent, meta: UploadMeta | string, length: number | undefined): Promise<Answer> {
  const header = typeof meta === 'string' ? meta : Object.entries(meta).map(([k, v]) => `${k} ${b64(String(v))}`).join(',')
  return call(s, agent, 'POST', UPLOADS, { ...(length === undefined ? { 'upload-defer-length': '1' } : { 'upload-length': String(length) }), 'upload-metadata': header })
}

export function tusPatch(s: EvidenceServer, agent: Agent, location: string, offset: number, bytes: Buffer): Promise<Answer> {
  return call(s, agent, 'PATCH', location, { 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }, bytes)
}

export function tusHead(s: EvidenceServer, agent: Agent, location: string): Promise<Answer> {
  return call(s, agent, 'HEAD', location, {})
}

/** A PATCH whose connection drops after `sent` bytes of `bytes`: the phone lost its signal. */
export function droppedPatch(s: EvidenceServer, agent: Agent, location: string, offset: number, bytes: Buffer, sent: number): Promise<void> {
  const url = new URL(s.origin + location)
  return new Promise((resolve) => {
    const req = request(url, {
      method: 'PATCH',
      headers: { cookie: agent.cookie, 'tus-resumable': '1.0.0', 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream', 'content-length': String(bytes.length) },
    })
    req.on('error', () => resolve())
    req.on('response', () => resolve())
    req.write(bytes.subarray(0, sent), () => setTimeout(() => req.destroy(), 300))
  })
}

/** Creates and sends a whole file in one PATCH; the last answer. */
export async function upload(s: EvidenceServer, agent: Agent, meta: UploadMeta, bytes: Buffer): Promise<Answer> {
  const created = await tusCreate(s, agent, meta, bytes.length)
  if (created.statusCode !== 201) return created
  return tusPatch(s, agent, created.headers.location!, 0, bytes)
}

/** A photo of noise (so it does not compress away), `width` × `height`, as JPEG; `orientation` in its EXIF. */
export async function photo(width = 400, height = 300, orientation?: number): Promise<Buffer> {
  const raw = randomBytes(width * height * 3)
  const img = sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 })
  return (orientation ? img.withMetadata({ orientation }) : img).toBuffer()
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
export const HTML_AS_JPG = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>')

let n = 0
/** A fresh client id. */
export const cid = (): string => `ev-${Date.now().toString(36)}-${(n++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`
