// Registration for emulation titles (issue 15, item 1): the commune's title list, a year's
// deadline, the registration board, a unit's registration (written by the officer on the unit's
// behalf, or by its village head online; the phone's way is the sync push), and the officer's
// decision. Parse → authorise → delegate to db/registrations.ts.
import type { FastifyInstance } from 'fastify'
import * as v from 'valibot'
import { CodeSchema } from '../../shared/model'
import { RegistrationContentSchema, RegistrationSettingsSchema, RegistrationTitleSchema, RegistrationYearSchema } from '../../shared/registration'
import { TextSchema } from '../../shared/text'
import { communeOf, requireActor, requireManager } from '../auth/plugin'
import { decideRegistration, listTitles, readRegistration, readSettings, registrationBoard, saveSettings, saveTitles, writeRegistration } from '../db/registrations'
import type { Db } from '../db/types'
import { parseWith } from '../errors'

const YearParamSchema = v.pipe(TextSchema, v.regex(/^\d{4}$/, 'năm phải gồm 4 chữ số'), v.transform(Number), RegistrationYearSchema)
const YearParamsSchema = v.object({ year: YearParamSchema })
const UnitParamsSchema = v.object({ year: YearParamSchema, unit: CodeSchema })
const TitlesBodySchema = v.object({ titles: v.pipe(v.array(RegistrationTitleSchema), v.minLength(1, 'cần ít nhất một danh hiệu'), v.maxLength(100, 'tối đa 100 danh hiệu')) })
const WriteSchema = v.variant('action', [
  v.object({ action: v.picklist(['save', 'submit']), content: RegistrationContentSchema }),
  v.object({ action: v.literal('recall') }),
])
const Reason = v.pipe(TextSchema, v.trim(), v.minLength(1, 'cần ghi lý do'), v.maxLength(1000))
const DecisionSchema = v.variant('action', [
  v.object({ action: v.literal('approve') }),
  v.object({ action: v.literal('return'), reason: Reason }),
  v.object({ action: v.literal('reopen'), reason: Reason }),
])

export function registrationRoutes(app: FastifyInstance, { db, clock }: { db: Db; clock: () => Date }): void {
  app.get<{ Params: { commune: string } }>('/communes/:commune/registration-titles', async (req) => {
    const actor = requireActor(req)
    const commune = await communeOf(db, actor, req.params.commune)
    return listTitles(db, commune.id)
  })

  app.put<{ Params: { commune: string } }>('/communes/:commune/registration-titles', async (req) => {
    const actor = requireManager(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const { titles } = parseWith(TitlesBodySchema, req.body, 'Danh sách danh hiệu')
    return saveTitles(db, actor, commune.id, titles, clock())
  })

  app.get<{ Params: { commune: string; year: string } }>('/communes/:commune/registration-settings/:year', async (req) => {
    const actor = requireActor(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const { year } = parseWith(YearParamsSchema, req.params, 'Địa chỉ')
    return { year, ...(await readSettings(db, commune.id, year)) }
  })

  app.put<{ Params: { commune: string; year: string } }>('/communes/:commune/registration-settings/:year', async (req) => {
    const actor = requireManager(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const { year } = parseWith(YearParamsSchema, req.params, 'Địa chỉ')
    const settings = parseWith(RegistrationSettingsSchema, req.body, 'Hạn đăng ký')
    return saveSettings(db, actor, commune.id, year, settings, clock())
  })

  // The board: every unit the actor may read (a village head: their own), with its registration.
  app.get<{ Params: { commune: string; year: string } }>('/communes/:commune/registrations/:year', async (req) => {
    const actor = requireActor(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const { year } = parseWith(YearParamsSchema, req.params, 'Địa chỉ')
    return registrationBoard(db, actor, commune.id, year)
  })

  app.get<{ Params: { commune: string; year: string; unit: string } }>('/communes/:commune/registrations/:year/:unit', async (req) => {
    const actor = requireActor(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const { year, unit } = parseWith(UnitParamsSchema, req.params, 'Địa chỉ')
    return readRegistration(db, actor, commune.id, unit, year)
  })

  app.put<{ Params: { commune: string; year: string; unit: string } }>('/communes/:commune/registrations/:year/:unit', async (req) => {
    const actor = requireActor(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const { year, unit } = parseWith(UnitParamsSchema, req.params, 'Địa chỉ')
    const write = parseWith(WriteSchema, req.body, 'Đăng ký thi đua')
    return writeRegistration(db, actor, commune.id, unit, year, write, clock())
  })

  app.post<{ Params: { commune: string; year: string; unit: string } }>('/communes/:commune/registrations/:year/:unit/decision', async (req) => {
    const actor = requireManager(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const { year, unit } = parseWith(UnitParamsSchema, req.params, 'Địa chỉ')
    const decision = parseWith(DecisionSchema, req.body, 'Quyết định')
    return decideRegistration(db, actor, commune.id, unit, year, decision, clock())
  })
}
