// The officer's reads: results (dashboard), the completeness board, one report for review, the
// commune's audit feed; and copying last year's plan. Parse → authorise → delegate to db/.
import type { FastifyInstance } from 'fastify'
import type { Db } from '../db/types'

export function resultRoutes(_app: FastifyInstance, _deps: { db: Db; clock: () => Date }): void {
  // Filled in by issue 5.
}
