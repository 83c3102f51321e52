// The one error shape the API answers with, `{ code, message }`, and the mapping from thrown errors to it.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'

export interface ApiError {
  /** Stable, snake_case: the client branches on it. */
  code: string
  /** Vietnamese where the server wrote it; shown to people. */
  message: string
}

export function apiError(code: string, message: string): ApiError {
  return { code, message }
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
  415: 'unsupported_media_type',
  429: 'too_many_requests',
}

/** A 4xx keeps its status and says what was wrong; anything else is logged and answered with a generic 500. */
export function handleError(err: FastifyError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const status = err.statusCode ?? 500
  if (status >= 400 && status < 500) {
    return reply.code(status).send(apiError(CODES_BY_STATUS[status] ?? 'bad_request', err.message))
  }
  req.log.error({ err }, 'request failed')
  return reply.code(500).send(apiError('internal', 'Máy chủ gặp lỗi. Vui lòng thử lại sau.'))
}
