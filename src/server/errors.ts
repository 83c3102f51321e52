// The one error shape the API answers with, `{ code, message, key?, params? }`, and the mapping from
// thrown errors to it. Wordings come from the catalogue in shared/errors.ts: `message` is its
// Vietnamese, `key` and `params` let a client word it in its user's language.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import * as v from 'valibot'
import type { ApiErrorBody } from '../shared/api'
import { REFUSALS, refusalText, type RefusalKey, type RefusalParams } from '../shared/errors'
import { issueMessage } from '../shared/model'

/** Stable snake_case `code` the client branches on; `message` in Vietnamese, shown to people. */
export type ApiError = ApiErrorBody

/** A refusal's wording: a key of the catalogue and its parameters. */
export interface Refusal {
  key: RefusalKey
  params?: RefusalParams
  /** A more precise Vietnamese `message` than the catalogue's gist (one quoting a validation issue). */
  message?: string
}

/** The wording `key` of shared/errors.ts, filled with `params`. */
export const say = (key: RefusalKey, params?: RefusalParams, message?: string): Refusal => ({ key, ...(params ? { params } : {}), ...(message === undefined ? {} : { message }) })

export function apiError(code: string, text: string | Refusal, details?: unknown): ApiError {
  // A plain string is a Vietnamese message outside the catalogue: clients show it as it is.
  const r = typeof text === 'string' ? undefined : text
  const message = r ? (r.message ?? refusalText(REFUSALS, r.key, r.params) ?? r.key) : (text as string)
  return {
    code,
    message,
    ...(r ? { key: r.key } : {}),
    ...(r?.params && Object.keys(r.params).length > 0 ? { params: r.params } : {}),
    ...(details === undefined ? {} : { details }),
  }
}

/** Thrown by handlers and data code for an answer that is the client's to fix. */
export class HttpError extends Error {
  readonly refusal: Refusal | undefined
  constructor(
    readonly statusCode: number,
    readonly apiCode: string,
    text: string | Refusal,
    readonly details?: unknown,
  ) {
    super(apiError(apiCode, text).message)
    this.refusal = typeof text === 'string' ? undefined : text
  }

  /** The answer's body. */
  body(): ApiError {
    return apiError(this.apiCode, this.refusal ?? this.message, this.details)
  }
}

export const notFound = (text: string | Refusal = say('not_found')): HttpError => new HttpError(404, 'not_found', text)
export const forbidden = (text: string | Refusal = say('forbidden')): HttpError => new HttpError(403, 'forbidden', text)
export const unauthorized = (text: string | Refusal = say('unauthorized')): HttpError => new HttpError(401, 'unauthorized', text)
/** A 409; the code is the wording's key unless told otherwise. */
export const conflict = (code: RefusalKey | (string & {}), text: string | Refusal | RefusalParams = {}): HttpError =>
  new HttpError(409, code, typeof text === 'string' || 'key' in text ? (text as string | Refusal) : say(code as RefusalKey, text as RefusalParams))

/** Parses a request part with a shared schema; a mismatch is a 400 naming each wrong field. */
export function parseWith<S extends v.GenericSchema>(schema: S, input: unknown, what = 'dữ liệu'): v.InferOutput<S> {
  const r = v.safeParse(schema, input)
  if (r.success) return r.output
  const details = r.issues.map((i) => ({ path: v.getDotPath(i) ?? '', message: issueMessage(i) }))
  const first = details[0]
  // The Vietnamese quotes the first issue; other languages get its place (issues are Vietnamese).
  const message = `${what} không hợp lệ${first ? `: ${first.path ? `${first.path}: ` : ''}${first.message}` : ''}`
  throw new HttpError(400, 'invalid', say('invalid', { path: first?.path || '—' }, message), details)
}

const CODES_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
}

/** Fastify's refusals before a handler runs, by its error code: the API code and the wording. */
const FRAMEWORK_ERRORS: Readonly<Record<string, { code: string; key: RefusalKey }>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'malformed_json', key: 'malformed_json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'malformed_json', key: 'malformed_json' },
  FST_ERR_BAD_URL: { code: 'bad_request', key: 'bad_url' },
}

/** A 4xx keeps its status and says what was wrong; anything else is logged and answered with a generic 500. */
export function handleError(err: FastifyError | HttpError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (err instanceof HttpError) {
    return reply.code(err.statusCode).send(err.body())
  }
  const refused = refusedByDatabase(err)
  if (refused) {
    // A safety net: parsing refuses what the database cannot take, so reaching here means a
    // schema missed a case. It is still the input's fault, never a server error to retry.
    req.log.warn({ err }, 'database refused input that the checks let through')
    return reply.code(refused.status).send(apiError(refused.code, say(refused.key)))
  }
  const status = err.statusCode ?? 500
  if (status >= 400 && status < 500) {
    const framework = FRAMEWORK_ERRORS[err.code]
    const code = framework?.code ?? CODES_BY_STATUS[status] ?? 'bad_request'
    // A handler's own 4xx keeps its (Vietnamese) message; Fastify's (English, and they may echo
    // the request, a whole URL) are replaced by the status's wording.
    const own = err.message && !(typeof err.code === 'string' && err.code.startsWith('FST_')) && ![413, 414, 415, 429].includes(status)
    const text = framework ? say(framework.key) : own ? err.message : say(code in REFUSALS.api ? (code as RefusalKey) : 'bad_request')
    return reply.code(status).send(apiError(code, text))
  }
  req.log.error({ err }, 'request failed')
  return reply.code(500).send(apiError('internal', say('internal')))
}

/**
 * A PostgreSQL data exception (SQLSTATE class 22: invalid text encoding, a number out of range,
 * a malformed JSON or date literal): raised by a value, which here only input can carry.
 * Both drivers (pg and PGlite) put the SQLSTATE in `code` and the severity beside it.
 */
export function isDataException(err: unknown): boolean {
  return /^22[0-9A-Z]{3}$/.test(sqlState(err) ?? '')
}

function sqlState(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined
  const { code, severity } = err as { code?: unknown; severity?: unknown }
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string' ? code : undefined
}

/**
 * The answer to a database refusal that input causes: a data exception (class 22) or a value too
 * large for an index (54000) is a 400. Anything else the database refuses (a deadlock, a race on a
 * unique key) is the server's and stays a 500, which the phone retries.
 */
export function refusedByDatabase(err: unknown): { status: number; code: string; key: RefusalKey } | undefined {
  const state = sqlState(err)
  if (state === undefined) return undefined
  if (isDataException(err) || state === '54000') {
    return { status: 400, code: 'invalid', key: 'invalid_stored' }
  }
  return undefined
}
