// The commune's unit tree: list it, add a unit, rename, move, deactivate or reactivate one.
// Parse → authorise → delegate to db/units.ts.
import type { FastifyInstance } from 'fastify'
import * as v from 'valibot'
import { CodeSchema, UnitKindSchema, UnitSchema } from '../../shared/model'
import { BulkUnitsSchema } from '../../shared/province'
import { communeOf, requireActor, requireManager } from '../auth/plugin'
import type { Db } from '../db/types'
import { createUnit, createUnits, listUnits, updateUnit } from '../db/units'
import { parseWith } from '../errors'

const UnitChangeSchema = v.pipe(
  v.object({
    name: v.optional(UnitSchema.entries.name),
    kind: v.optional(UnitKindSchema),
    parent: v.optional(v.nullable(CodeSchema)),
    active: v.optional(v.boolean()),
  }),
  v.check((c) => c.name !== undefined || c.kind !== undefined || c.parent !== undefined || c.active !== undefined, 'không có gì để thay đổi'),
)

export function unitRoutes(app: FastifyInstance, { db, clock }: { db: Db; clock: () => Date }): void {
  app.get<{ Params: { commune: string } }>('/communes/:commune/units', async (req) => {
    const actor = requireActor(req)
    const commune = await communeOf(db, actor, req.params.commune)
    return listUnits(db, actor, commune.id)
  })

  app.post<{ Params: { commune: string } }>('/communes/:commune/units', async (req, reply) => {
    const actor = requireManager(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const unit = parseWith(UnitSchema, req.body, 'Đơn vị')
    return reply.code(201).send(await createUnit(db, actor, commune.id, unit, clock()))
  })

  app.post<{ Params: { commune: string } }>('/communes/:commune/units/bulk', async (req, reply) => {
    const actor = requireManager(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const input = parseWith(BulkUnitsSchema, req.body, 'Danh sách đơn vị')
    return reply.code(201).send(await createUnits(db, actor, commune.id, input, clock()))
  })

  app.patch<{ Params: { commune: string; unit: string } }>('/communes/:commune/units/:unit', async (req) => {
    const actor = requireManager(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const change = parseWith(UnitChangeSchema, req.body, 'Thay đổi đơn vị')
    return updateUnit(db, actor, commune.id, req.params.unit, change, clock())
  })
}
