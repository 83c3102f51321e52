// The province's side: provinces, their communes (created, merged, listed on the board) and the
// province's own accounts. Parse → authorise → delegate to db/provinces.ts and db/users.ts.
import type { FastifyInstance } from 'fastify'
import * as v from 'valibot'
import { TextSchema } from '../../shared/text'
import { MergeCommuneSchema, NewAccountSchema, NewCommuneSchema, NewProvinceSchema } from '../../shared/province'
import { vietnamDate } from '../../shared/results'
import { canAdministerProvince, type Actor } from '../auth/actor'
import { communeOf, requireActor } from '../auth/plugin'
import { createCommune, createProvince, listProvinces, mergeCommune, provinceBoard, provinceOf } from '../db/provinces'
import type { Db } from '../db/types'
import { createProvinceAccount, listProvinceAccounts } from '../db/users'
import { forbidden, HttpError, parseWith, say } from '../errors'

const BoardQuerySchema = v.object({
  year: v.optional(v.pipe(TextSchema, v.regex(/^\d{4}$/, 'năm phải gồm 4 chữ số'), v.transform(Number), v.minValue(2000), v.maxValue(2100))),
})

function requireProvinceAdmin(actor: Actor, provinceId: number): void {
  if (!canAdministerProvince(actor, provinceId)) throw forbidden(say('province_admins_only'))
}

export function provinceRoutes(app: FastifyInstance, { db, clock }: { db: Db; clock: () => Date }): void {
  app.get('/provinces', async (req) => listProvinces(db, requireActor(req)))

  app.post('/provinces', async (req, reply) => {
    const actor = requireActor(req)
    if (actor.role !== 'admin') throw forbidden(say('system_admins_only'))
    const input = parseWith(NewProvinceSchema, req.body, 'Tỉnh/thành phố')
    return reply.code(201).send(await createProvince(db, input))
  })

  app.get<{ Params: { province: string } }>('/provinces/:province/board', async (req) => {
    const province = await provinceOf(db, requireActor(req), req.params.province)
    const now = clock()
    const { year } = parseWith(BoardQuerySchema, req.query, 'Tham số')
    return provinceBoard(db, province, year ?? Number(vietnamDate(now).slice(0, 4)), now)
  })

  app.post<{ Params: { province: string } }>('/provinces/:province/communes', async (req, reply) => {
    const actor = requireActor(req)
    const province = await provinceOf(db, actor, req.params.province)
    requireProvinceAdmin(actor, province.id)
    const input = parseWith(NewCommuneSchema, req.body, 'Xã/phường')
    return reply.code(201).send(await createCommune(db, actor, province.id, input, clock()))
  })

  app.post<{ Params: { commune: string } }>('/communes/:commune/merge', async (req) => {
    const actor = requireActor(req)
    const commune = await communeOf(db, actor, req.params.commune)
    requireProvinceAdmin(actor, commune.provinceId)
    const { into } = parseWith(MergeCommuneSchema, req.body, 'Sáp nhập')
    return mergeCommune(db, actor, commune.provinceId, commune.code, into, clock())
  })

  app.get<{ Params: { province: string } }>('/provinces/:province/users', async (req) => {
    const actor = requireActor(req)
    const province = await provinceOf(db, actor, req.params.province)
    requireProvinceAdmin(actor, province.id)
    return listProvinceAccounts(db, province.id)
  })

  app.post<{ Params: { province: string } }>('/provinces/:province/users', async (req, reply) => {
    const actor = requireActor(req)
    const province = await provinceOf(db, actor, req.params.province)
    requireProvinceAdmin(actor, province.id)
    const input = parseWith(NewAccountSchema, req.body, 'Tài khoản')
    if (input.role !== 'province_admin' && input.role !== 'province_viewer') {
      throw new HttpError(422, 'invalid_role', say('invalid_role'))
    }
    if (input.password !== undefined) throw new HttpError(422, 'password_not_allowed', say('password_not_allowed'))
    return reply.code(201).send(await createProvinceAccount(db, actor, province.id, { username: input.username, displayName: input.displayName, role: input.role }, clock()))
  })
}
