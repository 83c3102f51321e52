// The one error shape the API answers with, `{ code, message }`, and the mapping from thrown errors to it.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import * as v from 'valibot'
import type { ApiErrorBody } from '../shared/api'
import { issueMessage } from '../shared/model'

/** Stable snake_case `code` the client branches on; `message` in Vietnamese, shown to people. */
export type ApiError = ApiErrorBody

export function apiError(code: string, message: string, details?: unknown): ApiError {
  return details === undefined ? { code, message } : { code, message, details }
}

/** Thrown by handlers and data code for an answer that is the client's to fix. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly apiCode: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}

export const notFound = (message = 'Không tìm thấy'): HttpError => new HttpError(404, 'not_found', message)
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này'): HttpError => new HttpError(403, 'forbidden', message)
export const unauthorized = (message = 'Phiên đăng nhập đã hết hạn hoặc chưa đăng nhập'): HttpError => new HttpError(401, 'unauthorized', message)
export const conflict = (code: string, message: string): HttpError => new HttpError(409, code, message)

/** Parses a request part with a shared schema; a mismatch is a 400 naming each wrong field. */
export function parseWith<S extends v.GenericSchema>(schema: S, input: unknown, what = 'dữ liệu'): v.InferOutput<S> {
  const r = v.safeParse(schema, input)
  if (r.success) return r.output
  const details = r.issues.map((i) => ({ path: v.getDotPath(i) ?? '', message: issueMessage(i) }))
  const first = details[0]
  throw new HttpError(400, 'invalid', `${what} không hợp lệ${first ? `: ${first.path ? `${first.path}: ` : ''}${first.message}` : ''}`, details)
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

// Fastify's own messages are English and may echo the request (a whole URL): never sent on.
const MESSAGES_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Phiên đăng nhập đã hết hạn hoặc chưa đăng nhập',
  403: 'Bạn không có quyền thực hiện thao tác này',
  404: 'Không tìm thấy',
  405: 'Phương thức không được hỗ trợ',
  406: 'Không trả lời được theo dạng yêu cầu',
  409: 'Xung đột dữ liệu',
  413: 'Dữ liệu gửi lên quá lớn',
  414: 'Địa chỉ yêu cầu quá dài',
  415: 'Chỉ nhận dữ liệu dạng JSON',
  429: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút',
}

/** Fastify's refusals before a handler runs, by its error code. */
const FRAMEWORK_ERRORS: Readonly<Record<string, { code: string; message: string }>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'malformed_json', message: 'Dữ liệu JSON không đọc được' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'malformed_json', message: 'Dữ liệu JSON không đọc được' },
  FST_ERR_BAD_URL: { code: 'bad_request', message: 'Địa chỉ yêu cầu không hợp lệ (có ký tự mã hoá sai)' },
}

/** A 4xx keeps its status and says what was wrong; anything else is logged and answered with a generic 500. */
export function handleError(err: FastifyError | HttpError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (err instanceof HttpError) {
    return reply.code(err.statusCode).send(apiError(err.apiCode, err.message, err.details))
  }
  const refused = refusedByDatabase(err)
  if (refused) {
    // A safety net: parsing refuses what the database cannot take, so reaching here means a
    // schema missed a case. It is still the input's fault, never a server error to retry.
    req.log.warn({ err }, 'database refused input that the checks let through')
    return reply.code(refused.status).send(apiError(refused.code, refused.message))
  }
  const status = err.statusCode ?? 500
  if (status >= 400 && status < 500) {
    const framework = FRAMEWORK_ERRORS[err.code]
    const code = framework?.code ?? CODES_BY_STATUS[status] ?? 'bad_request'
    // A handler's own 4xx keeps its (Vietnamese) message; Fastify's are replaced.
    const own = err.message && !(typeof err.code === 'string' && err.code.startsWith('FST_')) && ![413, 414, 415, 429].includes(status)
    const message = framework?.message ?? (own ? err.message : (MESSAGES_BY_STATUS[status] ?? 'Yêu cầu không hợp lệ'))
    return reply.code(status).send(apiError(code, message))
  }
  req.log.error({ err }, 'request failed')
  return reply.code(500).send(apiError('internal', 'Máy chủ gặp lỗi. Vui lòng thử lại sau.'))
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
export function refusedByDatabase(err: unknown): { status: number; code: string; message: string } | undefined {
  const state = sqlState(err)
  if (state === undefined) return undefined
  if (isDataException(err) || state === '54000') {
    return { status: 400, code: 'invalid', message: 'Dữ liệu gửi lên không hợp lệ (có ký tự hoặc giá trị cơ sở dữ liệu không lưu được)' }
  }
  return undefined
}
