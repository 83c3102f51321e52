import 'fake-indexeddb/auto'
// The app's one HTTP client (api.ts apiRequest) and the sync transport on it: the request it
// makes, the typed error for each way a call can fail, its timeout and its caller's abort, and the
// failures worded in the user's language.
import { gunzipSync } from 'node:zlib'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiRequestError, apiRequest, onSessionLost } from '../../../src/client/api'
import { createAppI18n, setLocale } from '../../../src/client/modules/i18n'
import { createFetchTransport, NetworkError, SYNC_TIMEOUT_MS, SyncTransportError, type TransportErrorKind } from '../../../src/client/sync/api'
import { PROTOCOL_VERSION, type PullResponse, type PushRequest, type PushResponse } from '../../../src/shared/protocol'
import { sentJson } from '../requestBody'

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
    expect(await t.pull('xa-thu', 7, 100)).toMatchObject(readPull)
    expect(await t.pull('xa-thu', 0)).toMatchObject(readPull)
    const [pushUrl, pushInit] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(pushUrl).toBe('/api/communes/xa%20th%E1%BB%AD/sync/push')
    expect(pushInit).toMatchObject({ method: 'POST', credentials: 'same-origin' })
    expect(sentJson(pushInit)).toEqual({ protocolVersion: PROTOCOL_VERSION, ...body })
    expect((pushInit.headers as Record<string, string>)['content-type']).toBe('application/json')
    expect(fetch.mock.calls.map((c) => String(c[0])).slice(1)).toEqual([
      `/api/communes/xa-thu/sync/pull?protocolVersion=${PROTOCOL_VERSION}&cursor=7&limit=100`,
      `/api/communes/xa-thu/sync/pull?protocolVersion=${PROTOCOL_VERSION}&cursor=0`,
    ])
  })

  describe('the push’s body', () => {
    afterEach(() => {
      vi.unstubAllGlobals()
    })

    /** A batch as the phone sends it: 500 values of one village's quarter. */
    const batch: PushRequest = {
      deviceId: '3f0c2a64-8d7e-4f0b-9a51-6c2e0f1d7b93',
      mutations: Array.from({ length: 500 }, (_, i) => ({
        kind: 'value' as const,
        mutationId: `9b2e${String(i).padStart(4, '0')}-1c4d-4e8a-b6f1-${(0x3a5c7e9b1d2f + i * 7919).toString(16).padStart(12, '0')}`,
        deviceId: '3f0c2a64-8d7e-4f0b-9a51-6c2e0f1d7b93',
        unit: `TDP${String((i % 12) + 1).padStart(2, '0')}`,
        period: '2024-Q2',
        indicator: `CT_${String(Math.floor(i / 12)).padStart(3, '0')}`,
        value: { kind: 'number' as const, value: Math.round((i * 37.3) % 1000) / 10 },
        ...(i % 10 === 0 ? { note: 'Số liệu ước tính của tổ' } : {}),
        baseVersion: 41 + (i % 7),
        clientTime: new Date(Date.UTC(2024, 5, 28, 9, 12, 44) + i * 1379).toISOString(),
      })),
    }
    const pushed = (): { fetch: typeof fetch; init: () => RequestInit } => {
      const fetch = vi.fn(async (url: RequestInfo | URL, _init?: RequestInit) => (String(url).includes('/push') ? json(200, { outcomes: [], version: 4 }) : json(200, emptyPull)))
      return { fetch, init: () => fetch.mock.calls.find(([url]) => String(url).includes('/push'))![1] as RequestInit }
    }

    it('goes gzip-compressed where the platform has CompressionStream, inflating to the JSON it would send plain; a pull goes as before', async () => {
      const { fetch, init } = pushed()
      const t = createFetchTransport({ fetch })
      await t.push('xa-thu', batch)
      await t.pull('xa-thu', 0)
      const sent = init()
      expect(sent.headers).toMatchObject({ 'content-type': 'application/json', 'content-encoding': 'gzip' })
      expect(sent.body).toBeInstanceOf(Uint8Array)
      const plain = JSON.stringify({ protocolVersion: PROTOCOL_VERSION, ...batch })
      const packed = sent.body as Uint8Array
      expect(gunzipSync(packed).toString('utf8')).toBe(plain)
      // About 137 KB as JSON: the ids and times are what is left once gzip took the repetition.
      expect(new TextEncoder().encode(plain).length).toBeGreaterThan(130_000)
      expect(packed.length).toBeLessThan(plain.length / 4)
      const pull = fetch.mock.calls[1]![1] as RequestInit
      expect(pull.body).toBeUndefined()
      expect(pull.headers).not.toHaveProperty('content-encoding')
    })

    it('goes as plain JSON where there is no CompressionStream', async () => {
      vi.stubGlobal('CompressionStream', undefined)
      const { fetch, init } = pushed()
      await createFetchTransport({ fetch }).push('xa-thu', batch)
      expect(init().body).toBe(JSON.stringify({ protocolVersion: PROTOCOL_VERSION, ...batch }))
      expect(init().headers).toEqual({ accept: 'application/json', 'content-type': 'application/json' })
    })

    it('is compressed within the request’s time: a compression that hangs fails as the timeout (or the caller’s abort), and nothing is sent', async () => {
      // A CompressionStream that takes the bytes and never gives anything back.
      class Hanging {
        readonly readable: ReadableStream<Uint8Array>
        readonly writable: WritableStream<BufferSource>
        constructor() {
          const stuck = new TransformStream<BufferSource, Uint8Array>({ transform: () => new Promise<void>(() => undefined) })
          this.readable = stuck.readable
          this.writable = stuck.writable
        }
      }
      vi.stubGlobal('CompressionStream', Hanging)
      const { fetch } = pushed()
      const late = await createFetchTransport({ fetch, timeoutMs: 20 })
        .push('xa-thu', batch)
        .catch((e: unknown) => e)
      expect(late).toBeInstanceOf(SyncTransportError)
      expect(late).toMatchObject({ kind: 'network', code: 'timeout' })
      const control = new AbortController()
      const call = apiRequest('/api/x', { fetch, body: batch, gzip: true, signal: control.signal }).catch((e: unknown) => e)
      control.abort()
      expect(await call).toMatchObject({ name: 'AbortError' })
      expect(fetch).not.toHaveBeenCalled()
    })
  })

  const cases: [string, () => Promise<Response>, TransportErrorKind, string | undefined][] = [
    ['a failed fetch', () => Promise.reject(new TypeError('Failed to fetch')), 'network', undefined],
    ['401', async () => json(401, { code: 'unauthorized', message: 'Phiên đăng nhập đã hết hạn' }), 'unauthorized', 'unauthorized'],
    ['409 cursor_ahead', async () => json(409, { code: 'cursor_ahead', message: 'Dữ liệu trên máy mới hơn máy chủ' }), 'cursor_ahead', 'cursor_ahead'],
    ['403 with the server’s reason', async () => json(403, { code: 'forbidden', message: 'Tài khoản lãnh đạo chỉ được xem' }), 'refused', 'forbidden'],
    ['413 without a body', async () => new Response('', { status: 413 }), 'refused', 'http_413'],
    ['500', async () => json(500, { code: 'internal', message: 'Máy chủ gặp lỗi' }), 'server', 'internal'],
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

  it('leaves a 401 to the engine to report: the session’s own check says whether it is lost', async () => {
    const lost = vi.fn()
    const stop = onSessionLost(lost)
    try {
      const t = createFetchTransport({ fetch: async () => json(401, { code: 'unauthorized', message: 'Phiên đăng nhập đã hết hạn' }) })
      await expect(t.pull('xa-thu', 0)).rejects.toMatchObject({ kind: 'unauthorized', status: 401 })
      expect(lost).not.toHaveBeenCalled()
    } finally {
      stop()
    }
  })
})

describe('apiRequest', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  /** A fetch that answers only by failing when its request is aborted, as the browser's does. */
  const hanging = vi.fn(
    (_url: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
  )

  it('fails as not reached, code timeout, when its signal times out; sync’s push and pull give up after a minute', async () => {
    const late = new AbortController()
    const call = apiRequest('/api/communes', { fetch: hanging, signal: late.signal }).catch((e: unknown) => e)
    late.abort(new DOMException('too slow', 'TimeoutError'))
    const err = await call
    expect(err).toBeInstanceOf(ApiRequestError)
    expect(err).toMatchObject({ code: 'timeout', status: undefined })
    vi.useFakeTimers()
    const pull = createFetchTransport({ fetch: hanging })
      .pull('xa-thu', 0)
      .catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(SYNC_TIMEOUT_MS)
    expect(await pull).toMatchObject({ kind: 'network', code: 'timeout', status: undefined, message: 'Máy chủ không trả lời kịp. Các thay đổi vẫn được giữ trên máy và sẽ gửi lại sau.' })
  })

  it('rejects with the AbortError itself when its caller aborts, never a failure to show', async () => {
    const control = new AbortController()
    const call = apiRequest('/api/communes', { fetch: hanging, signal: control.signal }).catch((e: unknown) => e)
    control.abort()
    const err = await call
    expect(err).not.toBeInstanceOf(ApiRequestError)
    expect(err).toMatchObject({ name: 'AbortError' })
  })

  it('tells the session’s listeners of a 401 on a request that needs the session, and keeps the server’s code and parameters', async () => {
    const lost = vi.fn()
    const stop = onSessionLost(lost)
    try {
      const refusal = { code: 'not_found', key: 'unit_not_found', params: { code: 'T9' }, message: 'Không có đơn vị “T9”' }
      await expect(apiRequest('/api/x', { fetch: async () => json(404, refusal) })).rejects.toMatchObject({ status: 404, code: 'not_found', params: { code: 'T9' }, message: 'Không có đơn vị “T9”' })
      expect(lost).not.toHaveBeenCalled()
      await expect(apiRequest('/api/x', { fetch: async () => json(401, { code: 'unauthorized', message: 'Phiên đăng nhập đã hết hạn' }) })).rejects.toMatchObject({ status: 401 })
      expect(lost).toHaveBeenCalledTimes(1)
    } finally {
      stop()
    }
  })
})

describe('the transport’s failures in the user’s language', () => {
  const refusal = { code: 'forbidden', key: 'leader_reads_only', message: 'Tài khoản lãnh đạo chỉ được xem, không được nhập số liệu' }
  const failures = async () => {
    const offline = createFetchTransport({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) })
    const refused = createFetchTransport({ fetch: async () => json(403, refusal) })
    const down = createFetchTransport({ fetch: async () => new Response('<html>Bad gateway</html>', { status: 502 }) })
    const bare = createFetchTransport({ fetch: async () => new Response('', { status: 413 }) })
    const seen = await Promise.all([offline.pull('xa-thu', 0), refused.push('xa-thu', { deviceId: 'device-0001', mutations: [] }), down.pull('xa-thu', 0), bare.pull('xa-thu', 0)].map((p) => p.catch((e: Error) => e.message)))
    return [...seen, new NetworkError().message]
  }

  it('are Vietnamese by default and English when English is chosen, the server’s refusal by its key', async () => {
    const i18n = createAppI18n('vi')
    expect(await failures()).toEqual([
      'Không kết nối được máy chủ. Các thay đổi vẫn được giữ trên máy và sẽ gửi lại khi có mạng.',
      'Tài khoản lãnh đạo chỉ được xem, không được nhập số liệu',
      'Máy chủ đang gặp sự cố. Các thay đổi vẫn được giữ trên máy và sẽ gửi lại sau.',
      'Máy chủ từ chối yêu cầu (mã 413).',
      'Không kết nối được máy chủ. Các thay đổi vẫn được giữ trên máy và sẽ gửi lại khi có mạng.',
    ])
    await setLocale(i18n, 'en', false)
    try {
      expect(await failures()).toEqual([
        'Cannot reach the server. Your changes are kept on this phone and will be sent when there is a connection.',
        'A leadership account reads only; it cannot enter figures',
        'The server is having trouble. Your changes are kept on this phone and will be sent later.',
        'The server refused the request (code 413).',
        'Cannot reach the server. Your changes are kept on this phone and will be sent when there is a connection.',
      ])
    } finally {
      await setLocale(i18n, 'vi', false)
    }
  })
})
