// Reads the server's JSON API (/api) with fetch; every failure becomes a Vietnamese message, never a raw exception.
import type { Commune, Plan, Unit } from '../shared/model'
import type { ValidationIssue } from '../shared/validation'

// These mirror the server's responses (src/server/catalog.ts). They belong in src/shared as the one
// wire contract once that module exists.

export interface CommuneSummary {
  code: string
  name: string
  kind: Commune['kind']
  district: string
  province: string
  planYear: number
  planTitle: string
  indicatorCount: number
  unitCount: number
}

export interface CommunePlan {
  commune: Commune
  units: Unit[]
  plan: Plan
  issues: ValidationIssue[]
}

export const NETWORK_MESSAGE = 'Không tải được dữ liệu. Kiểm tra kết nối mạng và thử lại.'
const SERVER_MESSAGE = 'Máy chủ đang gặp sự cố. Vui lòng thử lại sau.'
const BAD_RESPONSE_MESSAGE = 'Dữ liệu nhận được bị lỗi. Vui lòng thử lại.'

/** A failed request, with a message ready to show. */
export class ApiRequestError extends Error {
  override name = 'ApiRequestError'
  constructor(
    message: string,
    /** HTTP status; undefined when the server was never reached. */
    readonly status: number | undefined,
  ) {
    super(message)
  }
}

export function getCommunes(signal?: AbortSignal): Promise<CommuneSummary[]> {
  return getJson('/api/communes', signal)
}

export function getCommunePlan(code: string, signal?: AbortSignal): Promise<CommunePlan> {
  return getJson(`/api/communes/${encodeURIComponent(code)}/plan`, signal)
}

/** The server is trusted to answer in the shape of its own types; only transport and status are checked here. */
async function getJson<T>(path: string, signal: AbortSignal | undefined): Promise<T> {
  let res: Response
  try {
    res = await fetch(path, { signal, headers: { accept: 'application/json' } })
  } catch (err) {
    if (signal?.aborted) throw err
    throw new ApiRequestError(NETWORK_MESSAGE, undefined)
  }
  const body: unknown = await res.json().catch(() => undefined)
  if (!res.ok) throw new ApiRequestError(failureMessage(res.status, body), res.status)
  if (body === undefined) throw new ApiRequestError(BAD_RESPONSE_MESSAGE, res.status)
  return body as T
}

/** The server's own words for "not found"; anything else gets a message written here. */
function failureMessage(status: number, body: unknown): string {
  if (status === 404 && isApiError(body)) return body.message
  return status >= 500 ? SERVER_MESSAGE : NETWORK_MESSAGE
}

function isApiError(body: unknown): body is { code: string; message: string } {
  return typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string'
}

/** The message to show for any error a request threw. */
export function errorMessage(err: unknown): string {
  return err instanceof ApiRequestError ? err.message : NETWORK_MESSAGE
}
