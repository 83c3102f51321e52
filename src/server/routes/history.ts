// A cell's history: every change of one (unit, period, indicator), newest first, with who,
// from which device and old → new; and what the commune's change log can be filtered by (its
// indicators and people, in words). Parse → authorise → delegate to db/audit.ts.
import type { FastifyInstance } from 'fastify'
import * as v from 'valibot'
import { CodeSchema } from '../../shared/model'
import { canReadUnit } from '../auth/actor'
import { communeOf, requireActor } from '../auth/plugin'
import { requireReader } from './results'
import { auditChoices, cellHistory } from '../db/audit'
import type { Db } from '../db/types'
import { unitIdOf } from '../db/units'
import { forbidden, parseWith, say } from '../errors'

const HistoryQuerySchema = v.object({ unit: CodeSchema, period: CodeSchema, indicator: CodeSchema })

export function historyRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  app.get<{ Params: { commune: string } }>('/communes/:commune/history', async (req) => {
    const actor = requireActor(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const q = parseWith(HistoryQuerySchema, req.query, 'Tham số')
    const unitId = await unitIdOf(db, commune.id, q.unit)
    if (!canReadUnit(actor, unitId)) throw forbidden(say('reporter_reads_own_history'))
    return cellHistory(db, commune.id, unitId, q.period, q.indicator)
  })

  app.get<{ Params: { commune: string } }>('/communes/:commune/audit/choices', async (req) => {
    const actor = requireReader(req, 'nhật ký thay đổi của xã')
    const commune = await communeOf(db, actor, req.params.commune)
    return auditChoices(db, commune.id)
  })
}
