// The checks every API request passes before its handler, whatever the route: path parameters
// and query strings hold only text PostgreSQL can store, and a JSON body nests no deeper than
// any real request does. Routes parse their own parts with the shared schemas (which check
// strings the same way); this hook covers the parts a handler passes on as they are (a commune
// code in the path) and the routes added later, so no input reaches the database unchecked.
import type { FastifyRequest } from 'fastify'
import { nestingDepth, unstorableReason } from '../shared/text'
import { HttpError, say } from './errors'

/** A plan file nests about 6 deep, a backup file about 5: far below this. */
export const MAX_JSON_DEPTH = 32

function checkStrings(part: unknown, what: string): void {
  if (part === null || typeof part !== 'object') return
  for (const [key, value] of Object.entries(part)) {
    for (const text of [key, ...(Array.isArray(value) ? value : [value])]) {
      const reason = typeof text === 'string' ? unstorableReason(text) : undefined
      if (reason) {
        const path = key.replace(/[^\x20-\x7e]/g, '?')
        throw new HttpError(400, 'invalid', say('invalid', { path }, `${what} không hợp lệ: ${path}: ${reason}`))
      }
    }
  }
}

export async function inputGuard(req: FastifyRequest): Promise<void> {
  checkStrings(req.params, 'Địa chỉ')
  checkStrings(req.query, 'Tham số')
  // A file uploaded as bytes (a plan workbook) is not JSON: nothing nests in it.
  if (req.body !== null && typeof req.body === 'object' && !ArrayBuffer.isView(req.body) && nestingDepth(req.body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new HttpError(400, 'invalid', say('too_deep', { max: MAX_JSON_DEPTH }))
  }
}
