// Communes an actor may see, and a commune's plan of a year with its unit tree and the plan's
// own validation issues. Parse → authorise → delegate to db/communes.ts.
import type { FastifyInstance } from 'fastify'
import * as v from 'valibot'
import { TextSchema } from '../../shared/text'
import { communeOf, requireActor } from '../auth/plugin'
import { listCommunes, planView } from '../db/communes'
import type { Db } from '../db/types'
import { notFound, parseWith, say } from '../errors'

const PlanQuerySchema = v.object({
  year: v.optional(v.pipe(TextSchema, v.regex(/^\d{4}$/, 'năm phải gồm 4 chữ số'), v.transform(Number))),
})

export function communeRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  app.get('/communes', async (req) => listCommunes(db, requireActor(req)))

  app.get<{ Params: { commune: string } }>('/communes/:commune/plan', async (req) => {
    const actor = requireActor(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const { year } = parseWith(PlanQuerySchema, req.query, 'Tham số')
    const view = await planView(db, actor, commune.id, year)
    if (!view) throw notFound(year ? say('no_plan_of_year', { year }) : say('no_plan'))
    return view
  })
}
