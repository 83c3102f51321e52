// The sync transport: push and pull (docs/sync.md) over fetch with the session cookie. Every
// failure is one typed error the engine can branch on; nothing here touches IndexedDB.
import type { PullResponse, PushRequest, PushResponse } from '../../shared/protocol'

export interface SyncTransport {
  push(commune: string, body: PushRequest): Promise<PushResponse>
  pull(commune: string, cursor: number, limit?: number): Promise<PullResponse>
}

/**
 * - `network`: the server was not reached (offline, DNS, a dropped connection): retry later.
 * - `unauthorized`: 401, the session is gone: sign in again; retrying alone will not help.
 * - `cursor_ahead`: 409 on pull, the server was restored from a backup: pull again from 0.
 * - `refused`: another 4xx with the server's `{code, message}`: the whole request was refused.
 * - `server`: 5xx or an answer that is not the expected JSON: nothing was written; retry.
 */
export type TransportErrorKind = 'network' | 'unauthorized' | 'cursor_ahead' | 'refused' | 'server'

export class SyncTransportError extends Error {
  override name = 'SyncTransportError'
  constructor(
    readonly kind: TransportErrorKind,
    message: string,
    /** HTTP status; undefined when the server was not reached. */
    readonly status?: number,
    /** The server's error code, when it sent one. */
    readonly code?: string,
  ) {
    super(message)
  }
}

export class NetworkError extends SyncTransportError {
  constructor(message = 'Không kết nối được máy chủ. Các thay đổi vẫn được giữ trên máy và sẽ gửi lại khi có mạng.') {
    super('network', message)
  }
}
export class UnauthorizedError extends SyncTransportError {
  constructor(message = 'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại để gửi các thay đổi.', code = 'unauthorized') {
    super('unauthorized', message, 401, code)
  }
}
export class CursorAheadError extends SyncTransportError {
  constructor(message = 'Dữ liệu trên máy mới hơn máy chủ. Cần tải lại toàn bộ dữ liệu.') {
    super('cursor_ahead', message, 409, 'cursor_ahead')
  }
}
export class RequestRefusedError extends SyncTransportError {
  constructor(status: number, code: string, message: string) {
    super('refused', message, status, code)
  }
}
export class ServerError extends SyncTransportError {
  constructor(status?: number, message = 'Máy chủ đang gặp sự cố. Các thay đổi vẫn được giữ trên máy và sẽ gửi lại sau.') {
    super('server', message, status)
  }
}

export interface FetchTransportOptions {
  fetch?: typeof fetch
  /** Prefix of the API paths; the app's own origin by default. */
  baseUrl?: string
}

/** The transport the app uses: JSON over fetch, same-origin credentials. */
export function createFetchTransport(options: FetchTransportOptions = {}): SyncTransport {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init))
  const base = options.baseUrl ?? ''
  const path = (commune: string, rest: string) => `${base}/api/communes/${encodeURIComponent(commune)}/sync/${rest}`
  return {
    async push(commune, body) {
      const data = await call(doFetch, path(commune, 'push'), {
        method: 'POST',
        credentials: 'same-origin',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      if (!isPushResponse(data)) throw new ServerError(undefined, 'Máy chủ trả lời không đúng dạng. Các thay đổi vẫn được giữ trên máy.')
      return data
    },
    async pull(commune, cursor, limit) {
      const query = `cursor=${cursor}${limit === undefined ? '' : `&limit=${limit}`}`
      const data = await call(doFetch, path(commune, `pull?${query}`), { credentials: 'same-origin', headers: { accept: 'application/json' } })
      if (!isPullResponse(data)) throw new ServerError(undefined, 'Máy chủ trả lời không đúng dạng.')
      return data
    },
  }
}

async function call(doFetch: typeof fetch, url: string, init: RequestInit): Promise<unknown> {
  let res: Response
  try {
    res = await doFetch(url, init)
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err
    throw new NetworkError()
  }
  const body: unknown = await res.json().catch(() => undefined)
  if (res.ok) {
    // A captive portal's HTML page answers 200 too: treat what is not JSON as a server fault.
    if (body === undefined) throw new ServerError(res.status, 'Máy chủ trả lời không đúng dạng. Có thể mạng cần đăng nhập (wifi công cộng).')
    return body
  }
  const error = apiError(body)
  if (res.status === 401) throw new UnauthorizedError(error?.message, error?.code)
  if (res.status === 409 && error?.code === 'cursor_ahead') throw new CursorAheadError(error.message)
  if (res.status >= 400 && res.status < 500) {
    throw new RequestRefusedError(res.status, error?.code ?? `http_${res.status}`, error?.message ?? `Máy chủ từ chối yêu cầu (mã ${res.status}).`)
  }
  throw new ServerError(res.status)
}

function apiError(body: unknown): { code: string; message: string } | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  const { code, message } = body as { code?: unknown; message?: unknown }
  return typeof code === 'string' && typeof message === 'string' && message.length > 0 ? { code, message } : undefined
}

function isPushResponse(data: unknown): data is PushResponse {
  return typeof data === 'object' && data !== null && Array.isArray((data as PushResponse).outcomes) && typeof (data as PushResponse).version === 'number'
}

function isPullResponse(data: unknown): data is PullResponse {
  if (typeof data !== 'object' || data === null) return false
  const p = data as PullResponse
  return (
    typeof p.cursor === 'number' &&
    typeof p.more === 'boolean' &&
    [p.values, p.reports, p.periods, p.units, p.plans].every((list) => Array.isArray(list))
  )
}
