// The officer's review and period routes: list reports, decide on one; list the periods, add,
// lock, reopen or remove one.
import type { FastifyInstance } from 'fastify'
import * as v from 'valibot'
import { TextSchema } from '../../shared/text'
import { CodeSchema, IsoDateSchema, PeriodSchema, ReportStatusSchema } from '../../shared/model'
import { communeOf, requireActor, requireManager } from '../auth/plugin'
import { createPeriod, deletePeriod, listPeriods } from '../db/periods'
import { decideReport, updatePeriod } from '../db/reports'
import type { Db } from '../db/types'
import { parseWith } from '../errors'

const Reason = v.pipe(TextSchema, v.trim(), v.minLength(1, 'cần ghi lý do'), v.maxLength(1000))
/** The officer's comment on single values, by indicator code; blank ones are dropped. */
const CommentsSchema = v.pipe(
  v.record(CodeSchema, v.pipe(TextSchema, v.trim(), v.maxLength(1000, 'mỗi nhận xét tối đa 1000 ký tự'))),
  v.check((c) => Object.keys(c).length <= 500, 'quá nhiều nhận xét'),
  v.transform((c) => Object.fromEntries(Object.entries(c).filter(([, text]) => text.length > 0))),
)
const DecisionSchema = v.variant('action', [
  v.object({ action: v.literal('approve') }),
  v.object({ action: v.literal('return'), reason: Reason, comments: v.optional(CommentsSchema) }),
  v.object({ action: v.literal('reopen'), reason: Reason, comments: v.optional(CommentsSchema) }),
])
const PeriodChangeSchema = v.pipe(
  v.object({
    locked: v.optional(v.boolean()),
    lockReason: v.optional(v.nullable(v.pipe(TextSchema, v.trim(), v.maxLength(300)))),
    deadline: v.optional(IsoDateSchema),
  }),
  v.check((c) => c.locked !== undefined || c.lockReason !== undefined || c.deadline !== undefined, 'không có gì để thay đổi'),
)
const PeriodQuerySchema = v.object({ year: v.optional(v.pipe(TextSchema, v.regex(/^\d{4}$/, 'năm phải gồm 4 chữ số'), v.transform(Number))) })
const ReportQuerySchema = v.object({ period: v.optional(CodeSchema), status: v.optional(ReportStatusSchema) })

export function reportRoutes(app: FastifyInstance, { db, clock }: { db: Db; clock: () => Date }): void {
  app.get<{ Params: { commune: string } }>('/communes/:commune/reports', async (req) => {
    const actor = requireActor(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const q = parseWith(ReportQuerySchema, req.query, 'Tham số')
    const r = await db.query<{ unit: string; period: string; status: string; return_reason: string | null; submitted_at: Date | null; version: number }>(
      `SELECT u.code AS unit, p.code AS period, r.status, r.return_reason, r.submitted_at, r.version
         FROM reports r JOIN units u ON u.id = r.unit_id JOIN periods p ON p.id = r.period_id
        WHERE r.commune_id = $1 AND ($2::text IS NULL OR p.code = $2) AND ($3::text IS NULL OR r.status = $3)
          AND ($4::bigint[] IS NULL OR r.unit_id = ANY($4::bigint[]))
        ORDER BY r.submitted_at NULLS LAST, u.code`,
      [commune.id, q.period ?? null, q.status ?? null, actor.role === 'reporter' ? [...actor.unitIds] : null],
    )
    return r.rows.map((row) => ({
      unit: row.unit,
      period: row.period,
      status: row.status,
      returnReason: row.return_reason,
      submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
      version: Number(row.version),
    }))
  })

  app.post<{ Params: { commune: string; unit: string; period: string } }>('/communes/:commune/reports/:unit/:period/decision', async (req) => {
    const actor = requireManager(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const decision = parseWith(DecisionSchema, req.body, 'Quyết định')
    return decideReport(db, actor, commune.id, req.params.unit, req.params.period, decision, clock())
  })

  app.get<{ Params: { commune: string } }>('/communes/:commune/periods', async (req) => {
    const actor = requireActor(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const { year } = parseWith(PeriodQuerySchema, req.query, 'Tham số')
    return listPeriods(db, commune.id, year)
  })

  app.patch<{ Params: { commune: string; period: string } }>('/communes/:commune/periods/:period', async (req) => {
    const actor = requireManager(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const change = parseWith(PeriodChangeSchema, req.body, 'Thay đổi kỳ báo cáo')
    return updatePeriod(db, actor, commune.id, req.params.period, change, clock())
  })

  app.post<{ Params: { commune: string } }>('/communes/:commune/periods', async (req, reply) => {
    const actor = requireManager(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const period = parseWith(PeriodSchema, req.body, 'Kỳ báo cáo')
    return reply.code(201).send(await createPeriod(db, actor, commune.id, period, clock()))
  })

  app.delete<{ Params: { commune: string; period: string } }>('/communes/:commune/periods/:period', async (req) => {
    const actor = requireManager(req)
    const commune = await communeOf(db, actor, req.params.commune)
    return deletePeriod(db, actor, commune.id, req.params.period, clock())
  })
}
