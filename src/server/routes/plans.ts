// The officer's plan set-up: create, replace or delete a year's plan, add, replace or delete one
// indicator. Parse → authorise → delegate to db/planChanges.ts.
import type { FastifyInstance } from 'fastify'
import * as v from 'valibot'
import { CodeSchema, IndicatorSchema, PlanSchema } from '../../shared/model'
import { communeOf, requireManager } from '../auth/plugin'
import { suggestBaselines } from '../db/baselines'
import { createPlan, deleteIndicator, deletePlan, putIndicator, replacePlan } from '../db/planChanges'
import type { Db } from '../db/types'
import { HttpError, parseWith, say } from '../errors'
import { YearSchema } from './results'

const YearParamSchema = v.object({ year: YearSchema })
const IndicatorParamsSchema = v.object({ ...YearParamSchema.entries, code: CodeSchema })

type Params = { commune: string; year: string; code: string }

export function planRoutes(app: FastifyInstance, { db, clock }: { db: Db; clock: () => Date }): void {
  app.post<{ Params: Pick<Params, 'commune'> }>('/communes/:commune/plans', async (req, reply) => {
    const actor = requireManager(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const plan = parseWith(PlanSchema, req.body, 'Kế hoạch')
    const result = await createPlan(db, actor, commune.id, plan, clock())
    return reply.code(201).send(result)
  })

  app.put<{ Params: Pick<Params, 'commune' | 'year'> }>('/communes/:commune/plans/:year', async (req) => {
    const actor = requireManager(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const { year } = parseWith(YearParamSchema, req.params, 'Địa chỉ')
    const plan = parseWith(PlanSchema, req.body, 'Kế hoạch')
    if (plan.year !== year) throw new HttpError(400, 'year_mismatch', say('year_mismatch', { sent: plan.year, year }))
    return replacePlan(db, actor, commune.id, plan, clock())
  })

  app.get<{ Params: Pick<Params, 'commune' | 'year'> }>('/communes/:commune/plans/:year/baselines', async (req) => {
    const actor = requireManager(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const { year } = parseWith(YearParamSchema, req.params, 'Địa chỉ')
    return suggestBaselines(db, commune.id, year, clock())
  })

  app.delete<{ Params: Pick<Params, 'commune' | 'year'> }>('/communes/:commune/plans/:year', async (req) => {
    const actor = requireManager(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const { year } = parseWith(YearParamSchema, req.params, 'Địa chỉ')
    return deletePlan(db, actor, commune.id, year, clock())
  })

  app.put<{ Params: Params }>('/communes/:commune/plans/:year/indicators/:code', async (req, reply) => {
    const actor = requireManager(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const { year, code } = parseWith(IndicatorParamsSchema, req.params, 'Địa chỉ')
    const indicator = parseWith(IndicatorSchema, req.body, 'Chỉ tiêu')
    if (indicator.code !== code) throw new HttpError(400, 'code_mismatch', say('code_mismatch', { sent: indicator.code, code }))
    const result = await putIndicator(db, actor, commune.id, year, indicator, clock())
    return reply.code(result.created ? 201 : 200).send(result)
  })

  app.delete<{ Params: Params }>('/communes/:commune/plans/:year/indicators/:code', async (req) => {
    const actor = requireManager(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const { year, code } = parseWith(IndicatorParamsSchema, req.params, 'Địa chỉ')
    return deleteIndicator(db, actor, commune.id, year, code, clock())
  })
}
