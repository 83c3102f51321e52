// Compressed request bodies (src/server/requestEncoding.ts, docs/sync.md "Push"): the phone's gzip
// push is ingested as the plain one; a damaged stream, an encoding the server does not read and a
// zip bomb are refused in the API's error shape, and the bomb stops being inflated at the limit.
import { Transform } from 'node:stream'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BODY_LIMIT } from '../../src/server/app'
import { IMPORT_BODY_LIMIT } from '../../src/server/routes/sync'
import { PROTOCOL_VERSION, type PushResponse } from '../../src/shared/protocol'
import { DATABASES, fixtureFile, startServer, type Agent, type TestServer } from './harness'

const C = 'xa-nen'

// Every gunzip the server makes counts what it inflates: the bomb must stop being inflated, not
// only stop being kept.
let inflated = 0
Object.defineProperty(zlib.Gunzip.prototype, 'push', {
  configurable: true,
  value(this: Transform, chunk: Buffer | null) {
    if (chunk) inflated += chunk.length
    return Transform.prototype.push.call(this, chunk)
  },
})
afterAll(() => {
  delete (zlib.Gunzip.prototype as { push?: unknown }).push
})

/** About 1 MB of gzip that inflates to 1 GB of zeros: 1,024 gzip members of 1 MB each. */
const bomb = (megabytes = 1024): Buffer => Buffer.concat(Array<Buffer>(megabytes).fill(zlib.gzipSync(Buffer.alloc(1 << 20))))

describe.each(DATABASES)('compressed requests on $name', (factory) => {
  let s: TestServer
  let head: Agent
  let officer: Agent

  beforeAll(async () => {
    s = await startServer(factory, [fixtureFile(C)])
    ;[head, officer] = await Promise.all([s.login(`${C}.t1`), s.login(`${C}.canbo`)])
  }, 60_000)
  afterAll(() => s?.close())

  const send = (agent: Agent, payload: Buffer | string, headers: Record<string, string>, url = `/api/communes/${C}/sync/push`) =>
    s.app.inject({ method: 'POST', url, headers: { cookie: agent.cookie, 'content-type': 'application/json', ...headers }, payload })
  const version = async () => Number((await s.db.query<{ version: number }>('SELECT version FROM communes WHERE code = $1', [C])).rows[0]!.version)
  const batch = (period: string) =>
    JSON.stringify({
      protocolVersion: PROTOCOL_VERSION,
      deviceId: head.deviceId,
      mutations: [
        head.value({ unit: 'T1', period, indicator: 'LUA_DT', value: { kind: 'number', value: 120.5 }, note: 'vụ Đông Xuân' }),
        head.value({ unit: 'T1', period, indicator: 'BHYT', value: { kind: 'ratio', numerator: 940, denominator: 1000 } }),
      ],
    })

  it('ingests a gzip push exactly as the plain one: the same body sent plain again is a duplicate of each', async () => {
    const body = batch('2024-Q1')
    const zipped = await send(head, zlib.gzipSync(body), { 'content-encoding': 'gzip' })
    expect(zipped.statusCode, zipped.body).toBe(200)
    const answer = zipped.json<PushResponse>()
    expect(answer.outcomes.map((o) => o.status)).toEqual(['applied', 'applied'])
    expect(answer.version).toBe(await version())

    const plain = await send(head, body, {})
    expect(plain.statusCode, plain.body).toBe(200)
    expect(plain.json<PushResponse>().outcomes).toEqual(answer.outcomes.map((original) => ({ mutationId: original.mutationId, status: 'duplicate', original })))
    const values = (await head.pullAll(C, 0)).pages.flatMap((p) => p.values).filter((v) => v.period === '2024-Q1')
    expect(values.map((v) => [v.indicator, v.value, v.note])).toEqual(
      expect.arrayContaining([
        ['LUA_DT', { kind: 'number', value: 120.5 }, 'vụ Đông Xuân'],
        ['BHYT', { kind: 'ratio', numerator: 940, denominator: 1000 }, null],
      ]),
    )
  })

  it('reads deflate too, and the encoding whatever its case', async () => {
    for (const [encoding, payload] of [
      ['deflate', zlib.deflateSync(batch('2024-Q2'))],
      ['GZip', zlib.gzipSync(batch('2024-Q3'))],
    ] as const) {
      const res = await send(head, payload, { 'content-encoding': encoding })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json<PushResponse>().outcomes.map((o) => o.status)).toEqual(['applied', 'applied'])
    }
  })

  it('refuses a damaged gzip stream with 400 malformed_compression, writing nothing', async () => {
    const before = await version()
    const whole = zlib.gzipSync(batch('2024-Q4'))
    for (const payload of [Buffer.from('{"this is": "not gzip"}'), whole.subarray(0, whole.length - 12)]) {
      const res = await send(head, payload, { 'content-encoding': 'gzip' })
      expect(res.statusCode).toBe(400)
      expect(res.json()).toEqual({ code: 'malformed_compression', message: 'Dữ liệu nén gửi lên bị hỏng, không giải nén được', key: 'malformed_compression' })
    }
    expect(await version()).toBe(before)
  })

  it('refuses an encoding it does not read, and a compressed body that is not JSON, with 415 unsupported_encoding', async () => {
    const before = await version()
    const body = batch('2024-Q4')
    for (const [encoding, payload, type] of [
      ['br', zlib.brotliCompressSync(body), 'application/json'],
      ['compress', Buffer.from(body), 'application/json'],
      ['gzip, gzip', zlib.gzipSync(zlib.gzipSync(body)), 'application/json'],
      ['gzip', zlib.gzipSync(body), 'text/plain'],
    ] as const) {
      const res = await send(head, payload, { 'content-encoding': encoding, 'content-type': type })
      expect(res.statusCode, encoding).toBe(415)
      expect(res.json()).toEqual({ code: 'unsupported_encoding', message: 'Máy chủ chỉ nhận dữ liệu JSON nén bằng gzip hoặc deflate', key: 'unsupported_encoding' })
    }
    expect(await version()).toBe(before)
  })

  it('refuses a zip bomb with 413 once the inflated bytes pass the body limit, and stops inflating it', async () => {
    const payload = bomb()
    expect(payload.length).toBeLessThan(BODY_LIMIT)
    inflated = 0
    const res = await send(head, payload, { 'content-encoding': 'gzip' })
    expect(res.statusCode).toBe(413)
    expect(res.json()).toEqual({ code: 'payload_too_large', message: 'Dữ liệu gửi lên quá lớn', key: 'payload_too_large' })
    // Nothing goes on inflating after the answer: a gigabyte would take the server a second or more.
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(inflated).toBeGreaterThan(BODY_LIMIT)
    expect(inflated).toBeLessThan(BODY_LIMIT + (1 << 20))
  })

  it('caps each route at its own limit: the import route inflates up to IMPORT_BODY_LIMIT, not beyond', async () => {
    // 8 MB inflated: past the push's limit, within the import's; read in full, then refused as a file.
    const within = await send(officer, bomb(8), { 'content-encoding': 'gzip' }, `/api/communes/${C}/sync/import`)
    expect(within.statusCode).toBe(400)
    expect(within.json()).toMatchObject({ code: expect.not.stringMatching(/payload_too_large|malformed_compression/) })
    inflated = 0
    const past = await send(officer, bomb(), { 'content-encoding': 'gzip' }, `/api/communes/${C}/sync/import`)
    expect(past.statusCode).toBe(413)
    expect(past.json()).toMatchObject({ code: 'payload_too_large' })
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(inflated).toBeLessThan(IMPORT_BODY_LIMIT + (1 << 20))
  })
})
