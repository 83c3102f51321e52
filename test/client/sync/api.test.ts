import 'fake-indexeddb/auto'
// The fetch transport: the request it makes and the typed error for each way a call can fail.
import { describe, expect, it, vi } from 'vitest'
import { createFetchTransport, SyncTransportError, type TransportErrorKind } from '../../../src/client/sync/api'
import { PROTOCOL_VERSION, type PullResponse, type PushResponse } from '../../../src/shared/protocol'

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
const emptyPull: PullResponse = { cursor: 3, more: false, values: [], reports: [], periods: [], units: [], plans: [] }
/** The same page as the phone reads it: a server that sends no registrations sends none. */
const readPull: PullResponse = { ...emptyPull, registrations: [], registrationTitles: [], registrationSettings: [] }

describe('createFetchTransport', () => {
  it('pushes JSON with same-origin credentials and pulls with the cursor and limit, both saying the protocol version', async () => {
    const pushed: PushResponse = { outcomes: [], version: 4 }
    const fetch = vi.fn(async (url: RequestInfo | URL) => (String(url).includes('/push') ? json(200, pushed) : json(200, emptyPull)))
    const t = createFetchTransport({ fetch })
    const body = { deviceId: 'device-0001', mutations: [] }
    expect(await t.push('xa thử', body)).toEqual(pushed)
    expect(await t.pull('xa-thu', 7, 100)).toEqual(readPull)
    expect(await t.pull('xa-thu', 0)).toEqual(readPull)
    const [pushUrl, pushInit] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(pushUrl).toBe('/api/communes/xa%20th%E1%BB%AD/sync/push')
    expect(pushInit).toMatchObject({ method: 'POST', credentials: 'same-origin', body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, ...body }) })
    expect((pushInit.headers as Record<string, string>)['content-type']).toBe('application/json')
    expect(fetch.mock.calls.map((c) => String(c[0])).slice(1)).toEqual([
      `/api/communes/xa-thu/sync/pull?protocolVersion=${PROTOCOL_VERSION}&cursor=7&limit=100`,
      `/api/communes/xa-thu/sync/pull?protocolVersion=${PROTOCOL_VERSION}&cursor=0`,
    ])
  })

  const cases: [string, () => Promise<Response>, TransportErrorKind, string | undefined][] = [
    ['a failed fetch', () => Promise.reject(new TypeError('Failed to fetch')), 'network', undefined],
    ['401', async () => json(401, { code: 'unauthorized', message: 'Phiên đăng nhập đã hết hạn' }), 'unauthorized', 'unauthorized'],
    ['409 cursor_ahead', async () => json(409, { code: 'cursor_ahead', message: 'Dữ liệu trên máy mới hơn máy chủ' }), 'cursor_ahead', 'cursor_ahead'],
    ['403 with the server’s reason', async () => json(403, { code: 'forbidden', message: 'Tài khoản lãnh đạo chỉ được xem' }), 'refused', 'forbidden'],
    ['413 without a body', async () => new Response('', { status: 413 }), 'refused', 'http_413'],
    ['500', async () => json(500, { code: 'internal', message: 'Máy chủ gặp lỗi' }), 'server', undefined],
    ['502 from a proxy, in HTML', async () => new Response('<html>Bad gateway</html>', { status: 502 }), 'server', undefined],
    ['200 that is not JSON (a captive portal)', async () => new Response('<html>Đăng nhập wifi</html>', { status: 200 }), 'server', undefined],
    ['200 in the wrong shape', async () => json(200, { hello: 'world' }), 'server', undefined],
    // The envelope is right, a row inside is not: checked with the shared schemas, never applied.
    [
      '200 with a malformed row',
      async () => json(200, { ...emptyPull, outcomes: [{ mutationId: 'm-0000001', status: 'applied', version: 'x' }], version: 4, values: [{ unit: 'T1', value: { kind: 'number', value: 'NaN' } }] }),
      'server',
      undefined,
    ],
    ['426 upgrade_required', async () => json(426, { code: 'upgrade_required', message: 'Hãy cập nhật ứng dụng' }), 'upgrade_required', 'upgrade_required'],
  ]

  it.each(cases)('%s → a typed error', async (_name, respond, kind, code) => {
    const t = createFetchTransport({ fetch: respond })
    for (const call of [() => t.push('xa-thu', { deviceId: 'device-0001', mutations: [] }), () => t.pull('xa-thu', 1)]) {
      const err = await call().catch((e: unknown) => e)
      expect(err).toBeInstanceOf(SyncTransportError)
      expect(err).toMatchObject({ kind, code })
      expect((err as Error).message.length).toBeGreaterThan(0)
    }
  })

  it('keeps the server’s Vietnamese message for a refusal', async () => {
    const t = createFetchTransport({ fetch: async () => json(403, { code: 'forbidden', message: 'Tài khoản lãnh đạo chỉ được xem, không được nhập số liệu' }) })
    await expect(t.push('xa-thu', { deviceId: 'device-0001', mutations: [] })).rejects.toThrow('Tài khoản lãnh đạo chỉ được xem, không được nhập số liệu')
  })
})
