// The sync transport: push and pull (docs/sync.md) over fetch with the session cookie. Every
// failure is one typed error the engine can branch on; nothing here touches IndexedDB.
// Every answer is checked with the shared schemas (shared/responses.ts, loaded on first use so
// that valibot stays out of the entry bundle) before the engine sees it.
import type { PullResponse, PushRequest, PushResponse } from '../../shared/protocol'
import { PROTOCOL_VERSION } from '../../shared/limits'

export interface SyncTransport {
  push(commune: string, body: PushRequest): Promise<PushResponse>
  pull(commune: string, cursor: number, limit?: number): Promise<PullResponse>
}

/**
 * - `network`: the server was not reached (offline, DNS, a dropped connection): retry later.
 * - `unauthorized`: 401, the session is gone: sign in again; retrying alone will not help.
 * - `cursor_ahead`: 409 on pull, the server was restored from a backup: pull again from 0.
 * - `refused`: another 4xx with the server's `{code, message}`: the whole request was refused.
 * - `upgrade_required`: 426, the server no longer speaks this app's protocol: keep the outbox,
 *   stop syncing and ask the user to update the app.
 * - `server`: 5xx or an answer that is not the expected JSON: nothing was written; retry.
 */
export type TransportErrorKind = 'network' | 'unauthorized' | 'cursor_ahead' | 'refused' | 'upgrade_required' | 'server'

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
export class UpgradeRequiredError extends SyncTransportError {
  constructor(message = 'Ứng dụng trên máy này đã cũ, máy chủ không nhận được nữa. Hãy cập nhật ứng dụng. Các thay đổi chưa gửi vẫn được giữ nguyên trên máy.') {
    super('upgrade_required', message, 426, 'upgrade_required')
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
  /** The protocol version sent; PROTOCOL_VERSION (tests pose as an older app with another). */
  protocolVersion?: number
}

const MALFORMED_ANSWER = 'Máy chủ trả lời không đúng dạng. Các thay đổi vẫn được giữ trên máy và sẽ gửi lại sau.'

let checks: Promise<typeof import('../../shared/responses')> | undefined
/** The response schemas, loaded once, on the first answer. */
const loadChecks = () => (checks ??= import('../../shared/responses'))

/** The transport the app uses: JSON over fetch, same-origin credentials. */
export function createFetchTransport(options: FetchTransportOptions = {}): SyncTransport {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init))
  const base = options.baseUrl ?? ''
  const protocolVersion = options.protocolVersion ?? PROTOCOL_VERSION
  const path = (commune: string, rest: string) => `${base}/api/communes/${encodeURIComponent(commune)}/sync/${rest}`
  return {
    async push(commune, body) {
      const data = await call(doFetch, path(commune, 'push'), {
        method: 'POST',
        credentials: 'same-origin',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify({ protocolVersion, ...body }),
      })
      const response = (await loadChecks()).parsePushResponse(data)
      if (!response) throw new ServerError(undefined, MALFORMED_ANSWER)
      return response
    },
    async pull(commune, cursor, limit) {
      const query = `protocolVersion=${protocolVersion}&cursor=${cursor}${limit === undefined ? '' : `&limit=${limit}`}`
      const data = await call(doFetch, path(commune, `pull?${query}`), { credentials: 'same-origin', headers: { accept: 'application/json' } })
      const page = (await loadChecks()).parsePullResponse(data)
      if (!page) throw new ServerError(undefined, MALFORMED_ANSWER)
      return page
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
  if (res.status === 426) throw new UpgradeRequiredError(error?.message)
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
