// The officer's reads: results (dashboard), the completeness board, one report for review, the
// commune's audit feed; and copying last year's plan. Parse → authorise → delegate to db/.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import * as v from 'valibot'
import { TextSchema } from '../../shared/text'
import { CodeSchema } from '../../shared/model'
import { canReadUnit, type Actor } from '../auth/actor'
import { communeOf, requireActor, requireManager } from '../auth/plugin'
import { auditFeed, AUDIT_PAGE_MAX } from '../db/audit'
import { loadCompleteness } from '../db/completeness'
import { copyPlanFrom } from '../db/planCopy'
import { loadResults } from '../db/results'
import { loadReportDetail } from '../db/reviews'
import type { Db } from '../db/types'
import { unitIdOf } from '../db/units'
import { forbidden, HttpError, parseWith, say } from '../errors'

export const YearSchema = v.pipe(TextSchema, v.regex(/^\d{4}$/, 'năm phải gồm 4 chữ số'), v.transform(Number), v.minValue(2000, 'năm không hợp lệ'), v.maxValue(2100, 'năm không hợp lệ'))
export const BasisSchema = v.picklist(['approved', 'submitted', 'all'], 'cơ sở số liệu phải là approved, submitted hoặc all')

/** Which results: the year, the point they run to (a period or a phase, not both), the basis. The exports take the same. */
export const ResultsQueryEntries = {
  year: v.optional(YearSchema),
  period: v.optional(CodeSchema),
  phase: v.optional(CodeSchema),
  basis: v.optional(BasisSchema),
}
export const onePoint = <T extends { period?: string; phase?: string }>() =>
  v.check<T, string>((q) => q.period === undefined || q.phase === undefined, 'chỉ chọn một trong hai: kỳ báo cáo hoặc đợt thi đua')

const ResultsQuerySchema = v.pipe(v.object(ResultsQueryEntries), onePoint())

const CompletenessQuerySchema = v.object({ year: v.optional(YearSchema) })

const ReportParamsSchema = v.object({ unit: CodeSchema, period: CodeSchema })

const IdSchema = v.pipe(TextSchema, v.regex(/^\d{1,15}$/, 'mã dòng phải là số nguyên dương'), v.transform(Number))
const AuditQuerySchema = v.object({
  unit: v.optional(CodeSchema),
  period: v.optional(CodeSchema),
  indicator: v.optional(CodeSchema),
  user: v.optional(v.pipe(TextSchema, v.regex(/^[a-z0-9._-]{1,40}$/, 'tên đăng nhập không hợp lệ'))),
  entity: v.optional(v.picklist(['value', 'report', 'period', 'plan', 'unit', 'user', 'registration', 'commendation'], 'loại thay đổi phải là value, report, period, plan, unit, user, registration hoặc commendation')),
  before: v.optional(IdSchema),
  limit: v.optional(
    v.pipe(
      TextSchema,
      v.regex(/^\d{1,3}$/, `số dòng phải từ 1 đến ${AUDIT_PAGE_MAX}`),
      v.transform(Number),
      v.minValue(1, `số dòng phải từ 1 đến ${AUDIT_PAGE_MAX}`),
      v.maxValue(AUDIT_PAGE_MAX, `số dòng phải từ 1 đến ${AUDIT_PAGE_MAX}`),
    ),
  ),
})

const PlanYearParamsSchema = v.object({ year: YearSchema })
const CopyBodySchema = v.object({
  from: v.pipe(v.number('năm gốc phải là một số'), v.integer('năm gốc phải là số nguyên'), v.minValue(2000, 'năm gốc không hợp lệ'), v.maxValue(2100, 'năm gốc không hợp lệ')),
})

/** Officers, leaders and administrators read the commune's figures; a reporter sees only their own unit's. */
export function requireReader(req: FastifyRequest, what: string): Actor {
  const actor = requireActor(req)
  if (actor.role === 'reporter') throw forbidden(say('reporter_reads_no_results', { what }))
  return actor
}

export function resultRoutes(app: FastifyInstance, { db, clock }: { db: Db; clock: () => Date }): void {
  app.get<{ Params: { commune: string } }>('/communes/:commune/results', async (req) => {
    const actor = requireReader(req, 'kết quả thực hiện của toàn xã')
    const commune = await communeOf(db, actor, req.params.commune)
    const q = parseWith(ResultsQuerySchema, req.query, 'Tham số')
    return loadResults(db, commune.id, q, clock())
  })

  app.get<{ Params: { commune: string } }>('/communes/:commune/completeness', async (req) => {
    const actor = requireReader(req, 'tình hình nộp báo cáo của toàn xã')
    const commune = await communeOf(db, actor, req.params.commune)
    const q = parseWith(CompletenessQuerySchema, req.query, 'Tham số')
    return loadCompleteness(db, commune.id, q.year, clock())
  })

  app.get<{ Params: { commune: string; unit: string; period: string } }>('/communes/:commune/reports/:unit/:period', async (req) => {
    const actor = requireActor(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const p = parseWith(ReportParamsSchema, req.params, 'Địa chỉ')
    const unitId = await unitIdOf(db, commune.id, p.unit)
    if (!canReadUnit(actor, unitId)) throw forbidden(say('reporter_reads_own_reports'))
    return loadReportDetail(db, commune.id, p.unit, p.period)
  })

  app.get<{ Params: { commune: string } }>('/communes/:commune/audit', async (req) => {
    const actor = requireReader(req, 'nhật ký thay đổi của xã')
    const commune = await communeOf(db, actor, req.params.commune)
    const q = parseWith(AuditQuerySchema, req.query, 'Tham số')
    return auditFeed(db, commune.id, q)
  })

  app.post<{ Params: { commune: string; year: string } }>('/communes/:commune/plans/:year/copy', async (req, reply) => {
    const actor = requireManager(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const { year } = parseWith(PlanYearParamsSchema, req.params, 'Địa chỉ')
    const { from } = parseWith(CopyBodySchema, req.body ?? {}, 'Yêu cầu sao chép')
    if (from === year) throw new HttpError(400, 'same_year', say('same_year', { year }))
    return reply.code(201).send(await copyPlanFrom(db, actor, commune.id, year, from, clock()))
  })
}
