// The sync transport: push and pull (docs/sync.md) through the app's one HTTP client (api.ts
// apiRequest), with the session cookie. Every failure is an ApiRequestError whose `kind` the engine
// branches on, worded in the user's language (messages.ts); nothing here touches IndexedDB.
// Every answer is checked with the shared schemas (shared/responses.ts, loaded on first use so
// that valibot stays out of the entry bundle) before the engine sees it.
import type { PullResponse, PushRequest, PushResponse } from '../../shared/protocol'
import { PROTOCOL_VERSION } from '../../shared/limits'
import { ApiRequestError, apiRequest, type FailureKind, type FailureWords } from '../api'
import { registerMessages, translate } from '../modules/i18n'
import { syncFailureMessages } from './messages'

registerMessages(syncFailureMessages)

export interface SyncTransport {
  push(commune: string, body: PushRequest): Promise<PushResponse>
  pull(commune: string, cursor: number, limit?: number): Promise<PullResponse>
}

/** The kinds of failure (api.ts FailureKind): `network`, `unauthorized`, `cursor_ahead`, `refused`, `upgrade_required`, `server`. */
export type TransportErrorKind = FailureKind
/** The name the engine and its tests know the one request error by. */
export { ApiRequestError as SyncTransportError }

/** Sync's words for a failure the server did not word: each says the changes are kept. */
const syncWords: FailureWords = (failure, status) =>
  translate(failure !== 'refused' ? `syncFailure.${failure}` : status === 401 ? 'syncFailure.unauthorized' : status === 426 ? 'syncFailure.upgrade' : 'syncFailure.refused', { status })

// Each kind of failure made directly, worded as the transport words it: for transports other than
// fetch (tests' in-memory servers) and for the answers checked here.
export class NetworkError extends ApiRequestError {
  constructor() {
    super(syncWords('network'), undefined)
  }
}
export class UnauthorizedError extends ApiRequestError {
  constructor(message = syncWords('refused', 401), code = 'unauthorized') {
    super(message, 401, code)
  }
}
export class CursorAheadError extends ApiRequestError {
  constructor(message = translate('syncFailure.cursorAhead')) {
    super(message, 409, 'cursor_ahead')
  }
}
export class UpgradeRequiredError extends ApiRequestError {
  constructor(message = syncWords('refused', 426)) {
    super(message, 426, 'upgrade_required')
  }
}
export class RequestRefusedError extends ApiRequestError {
  constructor(status: number, code: string, message: string) {
    super(message, status, code, undefined, 'refused')
  }
}
export class ServerError extends ApiRequestError {
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
}

let checks: Promise<typeof import('../../shared/responses')> | undefined
/** The response schemas, loaded once, on the first answer. */
const loadChecks = () => (checks ??= import('../../shared/responses'))

/** The transport the app uses: JSON over fetch, same-origin credentials. */
export function createFetchTransport(options: FetchTransportOptions = {}): SyncTransport {
  const protocolVersion = options.protocolVersion ?? PROTOCOL_VERSION
  // A 401 here is the engine's to report (`unauthorized`); the session's own check says it is lost.
  const call = (commune: string, rest: string, body?: unknown) =>
    apiRequest<unknown>(`${options.baseUrl ?? ''}/api/communes/${encodeURIComponent(commune)}/sync/${rest}`, { body, session: 'probe', words: syncWords, fetch: options.fetch })
  /** An answer the shared schema refuses is the server's fault: nothing of it is applied. */
  const checked = <T>(answer: T | undefined): T => {
    if (!answer) throw new ServerError(undefined, translate('syncFailure.malformed'))
    return answer
  }
  return {
    async push(commune, body) {
      const data = await call(commune, 'push', { protocolVersion, ...body })
      return checked((await loadChecks()).parsePushResponse(data))
    },
    async pull(commune, cursor, limit) {
      const data = await call(commune, `pull?protocolVersion=${protocolVersion}&cursor=${cursor}${limit === undefined ? '' : `&limit=${limit}`}`)
      return checked((await loadChecks()).parsePullResponse(data))
    },
  }
}
