// Exports of a commune's results: the XLSX results table and the DOCX review report draft.
import type { FastifyInstance } from 'fastify'
import type { Db } from '../db/types'

export function exportRoutes(_app: FastifyInstance, _deps: { db: Db; clock: () => Date }): void {
  // Filled in by issue 5.
}
