// Talks to the server's JSON API (/api) with fetch and the session cookie; every failure becomes a message in the user's language, never a raw exception.

export type { CommunePlan, CommuneSummary, LoginResult, Me, PlanUnit } from '../shared/api'
import type { ApiErrorBody, CommunePlan, CommuneSummary, LoginResult, Me } from '../shared/api'
import { refusalMessage, translate, type Params } from './modules/i18n'

export interface Credentials {
  username: string
  password: string
  deviceId?: string
}


/**
 * How a request failed, for whoever decides what comes next (the sync engine above all):
 * - `network`: the server was not reached (offline, DNS, a dropped connection) or did not answer
 *   in time (code `timeout`): try again later.
 * - `unauthorized`: 401, the session is gone (or the password was wrong, for a sign-in).
 * - `cursor_ahead`: 409 on pull, the server was restored from a backup: pull again from 0.
 * - `refused`: another 4xx, with the server's `code` and `params` when it sent them.
 * - `upgrade_required`: 426, the server no longer speaks this app's protocol.
 * - `server`: 5xx, or an answer that is not the expected JSON: nothing was written; try again.
 * A request its caller aborted rejects with the AbortError itself, never one of these.
 */
export type FailureKind = 'network' | 'unauthorized' | 'cursor_ahead' | 'refused' | 'upgrade_required' | 'server'

const kindOf = (status: number | undefined, code: string | undefined): FailureKind =>
  status === undefined ? 'network' : status === 401 ? 'unauthorized' : status === 426 ? 'upgrade_required' : status === 409 && code === 'cursor_ahead' ? 'cursor_ahead' : status >= 400 && status < 500 ? 'refused' : 'server'

/** A failed request, with a message ready to show: the one error every call to the server throws. */
export class ApiRequestError extends Error {
  override name = 'ApiRequestError'
  constructor(
    message: string,
    /** HTTP status; undefined when the server was never reached. */
    readonly status: number | undefined,
    /** The server's error code (`invalid_credentials`, `too_many_attempts`…), when it sent one; `timeout`, `http_<status>`. */
    readonly code?: string,
    /** The parameters of the server's refusal, when it sent them. */
    readonly params?: Params,
    readonly kind: FailureKind = kindOf(status, code),
  ) {
    super(message)
  }
}

// Whoever shows the sign-in screen listens here: a 401 on a request made with a session means the
// session is gone (expired, revoked), wherever in the app that request was made.
const sessionLostListeners = new Set<() => void>()

/** Calls `listener` whenever the server refuses the session; returns the way to stop. */
export function onSessionLost(listener: () => void): () => void {
  sessionLostListeners.add(listener)
  return () => sessionLostListeners.delete(listener)
}

/** Who is signed in; rejects with status 401 when nobody is. Not a lost session: nobody may have signed in yet. */
export function getMe(signal?: AbortSignal): Promise<Me> {
  return apiRequest('/api/auth/me', { signal, session: 'probe' })
}

/** Rejects with the server's message (wrong password, too many attempts) for a refused sign-in. */
export function login(credentials: Credentials, signal?: AbortSignal): Promise<LoginResult> {
  return apiRequest('/api/auth/login', { signal, session: 'none', body: credentials })
}

/** Ends the session on the server. A session already gone counts as signed out. */
export async function logout(): Promise<void> {
  try {
    await apiRequest('/api/auth/logout', { session: 'probe', body: {} })
  } catch (err) {
    if (!(err instanceof ApiRequestError && err.status === 401)) throw err
  }
}

export function getCommunes(signal?: AbortSignal): Promise<CommuneSummary[]> {
  return apiRequest('/api/communes', { signal })
}

/** The plan of `year`, or the commune's latest when no year is given. */
export function getCommunePlan(code: string, year: number | undefined, signal?: AbortSignal): Promise<CommunePlan> {
  const query = year === undefined ? '' : `?year=${year}`
  return apiRequest(`/api/communes/${encodeURIComponent(code)}/plan${query}`, { signal })
}

export interface RequestOptions {
  signal?: AbortSignal | undefined
  /** A JSON body makes it a POST unless `method` says otherwise. */
  body?: unknown
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /**
   * `required` (default): a 401 means the session was lost, and listeners hear of it.
   * `probe`: a 401 only answers the question. `none`: a 401 means something else (a wrong password).
   */
  session?: 'required' | 'probe' | 'none'
  /** No answer within this many milliseconds fails as `network` with code `timeout` (60 s by default). */
  timeoutMs?: number
  /** The words for failures the server did not word itself (the sync transport has its own). */
  words?: FailureWords
  /** The fetch to use (tests' servers); the browser's by default. */
  fetch?: typeof fetch | undefined
}

/** What went wrong without the server's words for it; `status` for `refused` and `server`. */
export type Failure = 'network' | 'timeout' | 'server' | 'badResponse' | 'refused'
export type FailureWords = (failure: Failure, status?: number) => string

const appWords: FailureWords = (failure) => translate(failure === 'server' ? 'common.serverDown' : failure === 'badResponse' ? 'common.badResponse' : 'common.network')

/** Tells every listener the session was lost: a call outside `apiRequest` (a file upload) got a 401. */
export function sessionLost(): void {
  for (const listener of [...sessionLostListeners]) listener()
}

/**
 * The app's one way to the server's JSON API: same-origin credentials (the session cookie), JSON
 * both ways, a timeout, and every failure one ApiRequestError. The server is trusted to answer in
 * the shape of its own types; only transport and status are checked here.
 */
export async function apiRequest<T>(path: string, { signal, body, method, session = 'required', timeoutMs = 60_000, words = appWords, fetch: doFetch = fetch }: RequestOptions = {}): Promise<T> {
  const init: RequestInit = { credentials: 'same-origin', headers: { accept: 'application/json' } }
  if (method) init.method = method
  if (body !== undefined) {
    init.method = method ?? 'POST'
    init.headers = { accept: 'application/json', 'content-type': 'application/json' }
    init.body = JSON.stringify(body)
  }
  // One controller aborts the fetch for both the caller's signal and the timeout.
  const control = new AbortController()
  const abort = () => control.abort()
  signal?.addEventListener('abort', abort)
  if (signal?.aborted) abort()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    abort()
  }, timeoutMs)
  init.signal = control.signal
  try {
    let res: Response
    try {
      res = await doFetch(path, init)
    } catch (err) {
      if (signal?.aborted) throw err
      throw timedOut ? new ApiRequestError(words('timeout'), undefined, 'timeout') : new ApiRequestError(words('network'), undefined)
    }
    const data: unknown = await res.json().catch(() => undefined)
    if (signal?.aborted) throw signal.reason
    if (res.ok) {
      // A captive portal's HTML page answers 200 too: what is not JSON is the server's fault.
      if (data !== undefined) return data as T
      throw new ApiRequestError(words('badResponse'), res.status)
    }
    if (res.status === 401 && session === 'required') sessionLost()
    const refusal = isApiError(data) ? data : undefined
    // A 4xx is the server's to explain (worded for people, in the user's language when the app knows its key).
    const message = refusal && res.status < 500 ? refusalMessage(refusal) : words(res.status < 500 ? 'refused' : 'server', res.status)
    throw new ApiRequestError(message, res.status, refusal?.code ?? (res.status < 500 ? `http_${res.status}` : undefined), refusal?.params)
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', abort)
  }
}

/** `/api/communes/<code>/<rest>`, the code escaped. */
export function communePath(commune: string, rest: string): string {
  return `/api/communes/${encodeURIComponent(commune)}/${rest}`
}

function isApiError(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null) return false
  const { code, message } = body as { code?: unknown; message?: unknown }
  return typeof code === 'string' && typeof message === 'string' && message.length > 0
}

/** The message to show for any error a request threw. */
export function errorMessage(err: unknown): string {
  return err instanceof ApiRequestError ? err.message : translate('common.network')
}
