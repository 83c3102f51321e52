// Talks to the server's JSON API (/api) with fetch and the session cookie; every failure becomes a message in the user's language, never a raw exception.

export type { CommunePlan, CommuneSummary, LoginResult, Me, PlanUnit } from '../shared/api'
import type { ApiErrorBody, CommunePlan, CommuneSummary, LoginResult, Me } from '../shared/api'
import type { KeysOf, Params } from '../shared/messages'
import type vi from './locales/vi'
// modules/words.ts, not modules/i18n.ts: the service worker's sync runs through this client too.
import { refusalMessage, translate as anyKey, type Words } from './modules/words'

const translate: Words<KeysOf<typeof vi>> = anyKey

export interface Credentials {
  username: string
  password: string
  deviceId?: string
}


/**
 * A failed request, with a message ready to show: the one error every call to the server throws.
 * Not reached: no status (code `timeout` when its signal timed out). Answered: the status, and the
 * server's `code` and `params` when it sent them. A request its caller aborted rejects with the
 * AbortError itself, never with this. The sync transport's failures are SyncTransportError
 * (sync/api.ts), a kind of this one that says what sync does next.
 */
export class ApiRequestError extends Error {
  override name = 'ApiRequestError'
  constructor(
    message: string,
    /** HTTP status; undefined when the server was never reached. */
    readonly status: number | undefined,
    /** The server's error code (`invalid_credentials`, `too_many_attempts`…), when it sent one. */
    readonly code?: string,
    /** The parameters of the server's refusal, when it sent them. */
    readonly params?: Params,
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
  /**
   * Aborts the request: it rejects with the AbortError. A signal that times out
   * (`AbortSignal.timeout`, or aborted with a TimeoutError) fails instead as not reached, code `timeout`.
   */
  signal?: AbortSignal | undefined
  /** A JSON body makes it a POST unless `method` says otherwise. */
  body?: unknown
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /**
   * `required` (default): a 401 means the session was lost, and listeners hear of it.
   * `probe`: a 401 only answers the question. `none`: a 401 means something else (a wrong password).
   */
  session?: 'required' | 'probe' | 'none'
  /** The fetch to use (tests' servers); the browser's by default. */
  fetch?: typeof fetch | undefined
  /**
   * Sends the JSON body gzip-compressed (`Content-Encoding: gzip`) where the platform has
   * CompressionStream, and as it is elsewhere (gzipBody). For large bodies only: the push.
   */
  gzip?: boolean
}

/** Tells every listener the session was lost: a call outside `apiRequest` (a file upload) got a 401. */
export function sessionLost(): void {
  for (const listener of [...sessionLostListeners]) listener()
}

/**
 * The app's one way to the server's JSON API: same-origin credentials (the session cookie), JSON
 * both ways, every failure one ApiRequestError. The server is trusted to answer in the shape of
 * its own types; only transport and status are checked here.
 */
export async function apiRequest<T>(path: string, { signal, body, method, session = 'required', fetch: doFetch = fetch, gzip = false }: RequestOptions = {}): Promise<T> {
  const init: RequestInit = { signal, credentials: 'same-origin', headers: { accept: 'application/json' } }
  if (method) init.method = method
  const json = body === undefined ? undefined : JSON.stringify(body)
  if (json !== undefined) {
    init.method = method ?? 'POST'
    init.headers = { accept: 'application/json', 'content-type': 'application/json' }
    init.body = json
  }
  let res: Response
  try {
    // Inside the request's time: a compression the signal outlives fails as the request would.
    const packed = gzip && json !== undefined ? await gzipBody(json, signal) : undefined
    if (packed) {
      init.headers = { ...init.headers, 'content-encoding': 'gzip' }
      init.body = packed
    }
    res = await doFetch(path, init)
  } catch (err) {
    const late = (signal?.reason as Error | undefined)?.name === 'TimeoutError'
    if (signal?.aborted && !late) throw err
    throw new ApiRequestError(translate('common.network'), undefined, late ? 'timeout' : undefined)
  }
  const data: unknown = await res.json().catch(() => undefined)
  if (!res.ok) {
    if (res.status === 401 && session === 'required') sessionLost()
    const refusal = isApiError(data) ? data : undefined
    throw new ApiRequestError(failureMessage(res.status, refusal), res.status, refusal?.code, refusal?.params)
  }
  if (data === undefined) throw new ApiRequestError(translate('common.badResponse'), res.status)
  return data as T
}

/**
 * `text` as gzip (UTF-8), made by the platform's CompressionStream (browsers since 2023, their
 * service workers, Node 18); undefined where there is none, or when it fails: the caller sends
 * `text` as it is. Rejects with the signal's reason once it aborts, even if the stream hangs.
 */
export async function gzipBody(text: string, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (typeof CompressionStream !== 'function') return undefined
  signal?.throwIfAborted()
  let stopped: (() => void) | undefined
  try {
    // The text's bytes as a stream of one chunk: a Blob would go through the browser's blob
    // registry (about 10 ms of the page's time for a push of 500 values, in a profiled sync).
    const bytes = new TextEncoder().encode(text)
    const source = new ReadableStream<BufferSource>({
      start(controller) {
        controller.enqueue(bytes)
        controller.close()
      },
    })
    const packing = new Response(source.pipeThrough(new CompressionStream('gzip'), signal ? { signal } : {})).arrayBuffer()
    packing.catch(() => undefined) // an abort may win the race below; the stream then fails unheard
    const aborted = new Promise<never>((_, reject) => {
      const abort = () => reject(signal?.reason as Error)
      signal?.addEventListener('abort', abort, { once: true })
      stopped = () => signal?.removeEventListener('abort', abort)
    })
    return new Uint8Array(await Promise.race([packing, aborted]))
  } catch {
    if (signal?.aborted) throw signal.reason
    return undefined
  } finally {
    stopped?.()
  }
}

/** `/api/communes/<code>/<rest>`, the code escaped. */
export function communePath(commune: string, rest: string): string {
  return `/api/communes/${encodeURIComponent(commune)}/${rest}`
}

/** A 4xx is the server's to explain (worded for people, in the user's language when the app knows its key); anything else gets a message written here. */
function failureMessage(status: number, refusal: ApiErrorBody | undefined): string {
  if (status >= 400 && status < 500 && refusal) return refusalMessage(refusal)
  return translate(status >= 500 ? 'common.serverDown' : 'common.network')
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
