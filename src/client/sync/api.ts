// The sync transport: push and pull (docs/sync.md) through the app's one HTTP client (api.ts
// apiRequest), with the session cookie. Every failure is a SyncTransportError, the client's
// ApiRequestError with the `kind` the engine branches on, worded in the user's language
// (messages.ts); nothing here touches IndexedDB.
// Every answer is checked with the shared schemas (shared/responses.ts, loaded on first use so
// that valibot stays out of the entry bundle) before the engine sees it.
import type { PullResponse, PushRequest, PushResponse } from '../../shared/protocol'
import { PROTOCOL_VERSION } from '../../shared/limits'
import { ApiRequestError, apiRequest } from '../api'
import type { Params } from '../../shared/messages'
import { registerMessages } from '../modules/words'
import { syncFailureMessages } from './messages'

/** Sync's words, in the app's language (Vietnamese in the service worker). */
const translate = registerMessages(syncFailureMessages)

export interface SyncTransport {
  push(commune: string, body: PushRequest): Promise<PushResponse>
  /** `skip`: versions of this device's own pushes whose values it holds as written (protocol.ts PullQuerySchema). */
  pull(commune: string, cursor: number, limit?: number, skip?: readonly number[]): Promise<PullResponse>
}

/**
 * - `network`: the server was not reached (offline, DNS, a dropped connection) or did not answer
 *   in time (code `timeout`): retry later.
 * - `unauthorized`: 401, the session is gone: sign in again; retrying alone will not help.
 * - `cursor_ahead`: 409 on pull, the server was restored from a backup: pull again from 0.
 * - `refused`: another 4xx with the server's `code` (and `params`): the whole request was refused.
 * - `upgrade_required`: 426, the server no longer speaks this app's protocol: keep the outbox,
 *   stop syncing and ask the user to update the app.
 * - `server`: 5xx or an answer that is not the expected JSON: nothing was written; retry.
 */
export type TransportErrorKind = 'network' | 'unauthorized' | 'cursor_ahead' | 'refused' | 'upgrade_required' | 'server'

const kindOf = (status: number | undefined, code: string | undefined): TransportErrorKind =>
  status === undefined ? 'network' : status === 401 ? 'unauthorized' : status === 426 ? 'upgrade_required' : status === 409 && code === 'cursor_ahead' ? 'cursor_ahead' : status >= 400 && status < 500 ? 'refused' : 'server'

/** A failed push or pull: the request's ApiRequestError, and what it means for sync. */
export class SyncTransportError extends ApiRequestError {
  override name = 'SyncTransportError'
  constructor(
    message: string,
    status: number | undefined,
    code?: string,
    params?: Params,
    readonly kind: TransportErrorKind = kindOf(status, code),
  ) {
    super(message, status, code, params)
  }
}

type Failure = 'network' | 'timeout' | 'server' | 'badResponse' | 'refused'
/** Sync's words for a failure the server did not word: each says what became of the changes. */
const syncWords = (failure: Failure, status?: number): string =>
  translate(failure !== 'refused' ? `syncFailure.${failure}` : status === 401 ? 'syncFailure.unauthorized' : status === 426 ? 'syncFailure.upgrade' : 'syncFailure.refused', { status })

/** Sync's words for what went wrong on the phone itself (engine.ts), in the user's language. */
export const syncProblem = (problem: 'stalledPush' | 'stalledPull' | 'internal' | 'storageFull', params?: { detail: string }): string => translate(`syncFailure.${problem}`, params)

/** How long a push or a pull may take before it counts as the network's failure (a hung connection must not hold the sync run). */
export const SYNC_TIMEOUT_MS = 60_000

/**
 * The client's failure as sync sees it: a refusal keeps the server's words (in the user's
 * language); anything else gets sync's, which say the changes are kept. A bare 4xx gets the code
 * `http_<status>`.
 */
function transportFailure(err: ApiRequestError): SyncTransportError {
  const { status, code } = err
  if (status === undefined) return new SyncTransportError(syncWords(code === 'timeout' ? 'timeout' : 'network'), undefined, code)
  const refused = status >= 400 && status < 500
  if (refused && code !== undefined) return new SyncTransportError(err.message, status, code, err.params)
  return new SyncTransportError(syncWords(refused ? 'refused' : status >= 500 ? 'server' : 'badResponse', status), status, refused ? `http_${status}` : code, err.params)
}

// Each kind of failure made directly, worded as the transport words it: for transports other than
// fetch (tests' in-memory servers) and for the answers checked here.
export class NetworkError extends SyncTransportError {
  constructor() {
    super(syncWords('network'), undefined)
  }
}
export class UnauthorizedError extends SyncTransportError {
  constructor(message = syncWords('refused', 401), code = 'unauthorized') {
    super(message, 401, code)
  }
}
export class CursorAheadError extends SyncTransportError {
  constructor(message = translate('syncFailure.cursorAhead')) {
    super(message, 409, 'cursor_ahead')
  }
}
export class UpgradeRequiredError extends SyncTransportError {
  constructor(message = syncWords('refused', 426)) {
    super(message, 426, 'upgrade_required')
  }
}
export class RequestRefusedError extends SyncTransportError {
  constructor(status: number, code: string, message: string) {
    super(message, status, code, undefined, 'refused')
  }
}
export class ServerError extends SyncTransportError {
  constructor(status?: number, message = syncWords('server')) {
    super(message, status, undefined, undefined, 'server')
  }
}

export interface FetchTransportOptions {
  fetch?: typeof fetch
  /** Prefix of the API paths; the app's own origin by default. */
  baseUrl?: string
  /** The protocol version sent; PROTOCOL_VERSION (tests pose as an older app with another). */
  protocolVersion?: number
  /** SYNC_TIMEOUT_MS by default. */
  timeoutMs?: number
}

let checks: Promise<typeof import('../../shared/responses')> | undefined
/** The response schemas, loaded once, on the first answer. */
const loadChecks = () => (checks ??= import('../../shared/responses'))

/** The transport the app uses: JSON over fetch, same-origin credentials. */
export function createFetchTransport(options: FetchTransportOptions = {}): SyncTransport {
  const protocolVersion = options.protocolVersion ?? PROTOCOL_VERSION
  // A 401 here is the engine's to report (`unauthorized`); the session's own check says it is lost.
  const call = async (commune: string, rest: string, body?: unknown, gzip = false): Promise<unknown> => {
    const clock = new AbortController()
    const timer = setTimeout(() => clock.abort(new DOMException('The server did not answer in time', 'TimeoutError')), options.timeoutMs ?? SYNC_TIMEOUT_MS)
    try {
      return await apiRequest<unknown>(`${options.baseUrl ?? ''}/api/communes/${encodeURIComponent(commune)}/sync/${rest}`, { body, session: 'probe', signal: clock.signal, fetch: options.fetch, gzip })
    } catch (err) {
      // This transport's clock ran out, whatever the request made of it (an old browser says AbortError).
      if (clock.signal.aborted) throw new SyncTransportError(syncWords('timeout'), undefined, 'timeout')
      throw err instanceof ApiRequestError ? transportFailure(err) : err
    } finally {
      clearTimeout(timer)
    }
  }
  /** An answer the shared schema refuses is the server's fault: nothing of it is applied. */
  const checked = <T>(answer: T | undefined): T => {
    if (!answer) throw new ServerError(undefined, translate('syncFailure.malformed'))
    return answer
  }
  return {
    // The checks' module loads while the request travels, not after its answer (a failure is
    // met where it is awaited, or not at all if the request fails first).
    async push(commune, body) {
      const checks = loadChecks()
      checks.catch(() => undefined)
      // A batch of 500 values is about 145 KB of JSON and a tenth of it gzipped (docs/sync.md
      // "Push"): the one large body the phone sends, compressed here for the page and the
      // service worker's Background Sync alike.
      const data = await call(commune, 'push', { protocolVersion, ...body }, true)
      return checked((await checks).parsePushResponse(data))
    },
    async pull(commune, cursor, limit, skip) {
      const checks = loadChecks()
      checks.catch(() => undefined)
      const data = await call(commune, `pull?protocolVersion=${protocolVersion}&cursor=${cursor}${limit === undefined ? '' : `&limit=${limit}`}${skip?.length ? `&skip=${skip.join(',')}` : ''}`)
      return checked((await checks).parsePullResponse(data))
    },
  }
}
