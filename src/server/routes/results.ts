// The officer's reads: results (dashboard), the completeness board, one report for review, the
// commune's audit feed; and copying last year's plan. Parse → authorise → delegate to db/.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import * as v from 'valibot'
import { CodeSchema } from '../../shared/model'
import type { Actor } from '../auth/actor'
import { communeOf, requireActor } from '../auth/plugin'
import { loadResults } from '../db/results'
import type { Db } from '../db/types'
import { forbidden, parseWith } from '../errors'

const YearSchema = v.pipe(v.string(), v.regex(/^\d{4}$/, 'năm phải gồm 4 chữ số'), v.transform(Number), v.minValue(2000, 'năm không hợp lệ'), v.maxValue(2100, 'năm không hợp lệ'))
export const BasisSchema = v.picklist(['approved', 'submitted', 'all'], 'cơ sở số liệu phải là approved, submitted hoặc all')

const ResultsQuerySchema = v.pipe(
  v.object({
    year: v.optional(YearSchema),
    period: v.optional(CodeSchema),
    phase: v.optional(CodeSchema),
    basis: v.optional(BasisSchema),
  }),
  v.check((q) => q.period === undefined || q.phase === undefined, 'chỉ chọn một trong hai: kỳ báo cáo hoặc đợt thi đua'),
)

/** Officers, leaders and administrators read the commune's figures; a reporter sees only their own unit's. */
function requireReader(req: FastifyRequest, what: string): Actor {
  const actor = requireActor(req)
  if (actor.role === 'reporter') throw forbidden(`Tài khoản báo cáo của thôn/tổ không xem được ${what}`)
  return actor
}

export function resultRoutes(app: FastifyInstance, { db, clock }: { db: Db; clock: () => Date }): void {
  app.get<{ Params: { commune: string } }>('/communes/:commune/results', async (req) => {
    const actor = requireReader(req, 'kết quả thực hiện của toàn xã')
    const commune = await communeOf(db, actor, req.params.commune)
    const q = parseWith(ResultsQuerySchema, req.query, 'Tham số')
    return loadResults(db, commune.id, q, clock())
  })
}
