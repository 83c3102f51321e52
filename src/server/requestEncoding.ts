// Request bodies a client compressed (`Content-Encoding: gzip` or `deflate`; the phone's push,
// docs/sync.md): inflated before the JSON parser reads them, and never past the route's body
// limit. A zip bomb (a megabyte of gzip that inflates to a gigabyte) is refused with 413 the
// moment the inflated bytes pass the limit, and the inflating stops there: @fastify/compress's
// request decompression also lets Fastify refuse it at the limit, but keeps inflating the rest of
// the bomb after answering (whatever the connection delivers, a gigabyte through `inject`), so it
// is turned off for the API (app.ts) and this hook does the work.
// Only JSON may come compressed: an uploaded file (a workbook, a photo, a tus chunk read from the
// raw request) is compressed already, and a route that reads the raw request must get its bytes.
// Brotli is not read: its decoder may hold a window of up to 16 MB per request, where gzip's and
// deflate's is 32 KB; no browser's CompressionStream makes it anyway.
import type { Readable } from 'node:stream'
import { Transform } from 'node:stream'
import { createGunzip, createInflate, type Gunzip, type Inflate } from 'node:zlib'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { HttpError, say } from './errors'

/** What a preParsing hook passes on; Fastify checks `receivedEncodedLength` (the bytes as sent) against the limit and Content-Length. */
type Payload = Readable & { receivedEncodedLength?: number }

const DECODERS: Readonly<Record<string, () => Gunzip | Inflate>> = { gzip: createGunzip, 'x-gzip': createGunzip, deflate: createInflate }

const isJson = (type: string | undefined): boolean => /^application\/json\s*(;|$)/i.test(type ?? '')

/** A request with a body to read (Fastify reads none for a request without length or chunks). */
const hasBody = (req: FastifyRequest): boolean => req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] ?? '0') !== '0'

/**
 * The preParsing hook of the API: a compressed JSON body becomes the stream of its inflated bytes.
 * Refusals, in the API's error shape: an encoding other than gzip, deflate or identity, or a
 * compressed body that is not JSON, 415 `unsupported_encoding`; a damaged stream, 400
 * `malformed_compression`; more inflated bytes than the route's body limit, 413
 * `payload_too_large` (the limit counts the inflated body, as for a plain one).
 */
export async function decodeRequestBody(req: FastifyRequest, _reply: FastifyReply, payload: Payload): Promise<Payload> {
  const encoding = req.headers['content-encoding']?.trim().toLowerCase()
  if (!encoding || encoding === 'identity' || !hasBody(req)) return payload
  const decoder = isJson(req.headers['content-type']) ? DECODERS[encoding] : undefined
  if (!decoder) throw new HttpError(415, 'unsupported_encoding', say('unsupported_encoding'))
  const limit = req.routeOptions.bodyLimit
  const inflater = decoder()
  let inflated = 0
  const counted = (chunk: Buffer): void => {
    body.receivedEncodedLength = (body.receivedEncodedLength ?? 0) + chunk.length
  }
  /** Stops inflating for good; what the client still sends is read and dropped, so that it reads the answer. */
  const stop = (): void => {
    payload.off('data', counted)
    payload.unpipe(inflater)
    inflater.unpipe(body)
    inflater.destroy()
    payload.resume()
  }
  const body: Transform & Payload = new Transform({
    transform(chunk: Buffer, _encoding, next) {
      inflated += chunk.length
      if (inflated <= limit) return next(null, chunk)
      stop()
      next(new HttpError(413, 'payload_too_large', say('payload_too_large')))
    },
  })
  body.receivedEncodedLength = 0
  inflater.once('error', () => {
    stop()
    body.destroy(new HttpError(400, 'malformed_compression', say('malformed_compression')))
  })
  payload.once('error', (err) => {
    stop()
    body.destroy(err)
  })
  // Fastify listens once it reads the body; a failure before (the request aborted) must not go unheard.
  body.on('error', () => undefined)
  payload.on('data', counted)
  payload.pipe(inflater).pipe(body)
  return body
}
