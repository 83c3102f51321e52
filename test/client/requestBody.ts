// A request body as a test's stand-in for the server receives it: the app sends its push
// gzip-compressed where the platform can (src/client/api.ts gzipBody), everything else as JSON text.
import { gunzipSync } from 'node:zlib'

/** The body as sent, text or bytes (for `app.inject`'s payload or a socket: the server inflates it). */
export function sentPayload(init?: RequestInit): string | Buffer | undefined {
  const body = init?.body
  if (typeof body === 'string') return body
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength)
  if (body instanceof ArrayBuffer) return Buffer.from(body)
  return undefined
}

/** The request's `content-encoding` (`gzip` for a compressed push), undefined for a plain body. */
export function sentEncoding(init?: RequestInit): string | undefined {
  return new Headers(init?.headers).get('content-encoding') ?? undefined
}

/** The body's text as the server reads it: inflated when it was sent gzip-compressed. */
export function sentText(init?: RequestInit): string | undefined {
  const payload = sentPayload(init)
  if (payload === undefined || typeof payload === 'string') return payload
  return (sentEncoding(init) === 'gzip' ? gunzipSync(payload) : payload).toString('utf8')
}

/** The body's JSON as the server parses it; undefined without a body. */
export function sentJson(init?: RequestInit): unknown {
  const text = sentText(init)
  return text === undefined ? undefined : JSON.parse(text)
}
