// Plans in and out as files: a year's plan exported as the JSON plan file or as the XLSX template,
// the blank template, and the import of either (a preview that writes nothing, then the write).
// Parse → authorise → delegate to db/planImport.ts and planFiles/.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import * as v from 'valibot'
import { PLAN_FILE_FORMAT, type PlanFile } from '../../shared/planFile'
import { PLAN_FILE_MAX_BYTES, type PlanBundle } from '../../shared/planImport'
import { communeOf, requireManager } from '../auth/plugin'
import { readCommune } from '../db/communes'
import { planBundle, previewImport, writeImport } from '../db/planImport'
import { communeUnits } from '../db/units'
import { enforce } from '../db/rateLimits'
import type { Db } from '../db/types'
import { HttpError, notFound, parseWith, say } from '../errors'
import { readPlanUpload } from '../planFiles/read'
import { planBundleToXlsx, planTemplateXlsx } from '../planFiles/xlsx'
import { XLSX_CONTENT_TYPE } from '../exports/xlsx'
import { EXPORT_LIMIT, sendFile } from './exports'
import { requireReader, YearSchema } from './results'

const YearParamSchema = v.object({ year: YearSchema })
const TemplateQuerySchema = v.object({ year: v.optional(YearSchema) })
const ImportQuerySchema = v.object({
  mode: v.picklist(['preview', 'write'], 'mode phải là preview (xem trước) hoặc write (ghi)'),
  replace: v.optional(v.picklist(['0', '1'], 'replace phải là 0 hoặc 1')),
})

const FILE_TYPES = ['application/octet-stream', 'application/json', XLSX_CONTENT_TYPE]

export function planFileRoutes(app: FastifyInstance, { db, clock }: { db: Db; clock: () => Date }): void {
  // The import takes the file's bytes as they are; what the file is, is read from the bytes.
  app.register(async (files) => {
    files.removeContentTypeParser(['application/json'])
    files.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: PLAN_FILE_MAX_BYTES }, (_req, body, done) => done(null, body))

    files.post<{ Params: { commune: string; year: string } }>('/communes/:commune/plans/:year/import', async (req, reply) => {
      const actor = requireManager(req)
      const commune = await communeOf(db, actor, req.params.commune)
      const { year } = parseWith(YearParamSchema, req.params, 'Địa chỉ')
      const q = parseWith(ImportQuerySchema, req.query, 'Tham số')
      if (!Buffer.isBuffer(req.body)) throw new HttpError(400, 'no_file', say('no_file'))
      const read = await readPlanUpload(req.body)
      if (q.mode === 'preview') return previewImport(db, commune.id, year, read)
      const result = await writeImport(db, actor, commune.id, year, read, q.replace === '1', clock())
      return reply.code(result.created ? 201 : 200).send(result)
    })
  })

  /** The year's plan to export, for a reader of the commune, within the export budget. */
  async function exported(req: FastifyRequest<{ Params: { commune: string; year: string } }>): Promise<{ commune: { id: number; code: string }; year: number; bundle: PlanBundle }> {
    const actor = requireReader(req, 'kế hoạch của xã')
    const commune = await communeOf(db, actor, req.params.commune)
    const { year } = parseWith(YearParamSchema, req.params, 'Địa chỉ')
    await enforce(db, EXPORT_LIMIT, String(actor.userId), clock(), say('too_many_exports'))
    const bundle = await planBundle(db, commune.id, year)
    if (!bundle) throw notFound(say('no_plan_of_year', { year }))
    return { commune, year, bundle }
  }

  app.get<{ Params: { commune: string; year: string } }>('/communes/:commune/plans/:year/export.json', async (req, reply) => {
    const { commune, year, bundle } = await exported(req)
    const file: PlanFile = { format: PLAN_FILE_FORMAT, commune: await readCommune(db, commune.id), units: bundle.units, plan: bundle.plan, periods: bundle.periods, accounts: [] }
    const body = Buffer.from(`${JSON.stringify(file, null, 2)}\n`, 'utf8')
    return sendFile(reply, body, 'application/json; charset=utf-8', `ke-hoach-${commune.code}-${year}.json`, `Kế hoạch thi đua ${year} - ${commune.code}.json`)
  })

  app.get<{ Params: { commune: string; year: string } }>('/communes/:commune/plans/:year/export.xlsx', async (req, reply) => {
    const { commune, year, bundle } = await exported(req)
    const body = await planBundleToXlsx(bundle)
    return sendFile(reply, body, XLSX_CONTENT_TYPE, `ke-hoach-${commune.code}-${year}.xlsx`, `Kế hoạch thi đua ${year} - ${commune.code}.xlsx`)
  })

  app.get<{ Params: { commune: string } }>('/communes/:commune/plans/template.xlsx', async (req, reply) => {
    const actor = requireManager(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const { year = clock().getUTCFullYear() } = parseWith(TemplateQuerySchema, req.query, 'Tham số')
    // The commune's active units come listed, for the officer to name them by their codes.
    const units = (await communeUnits(db, commune.id)).filter((u) => u.active)
    const body = await planTemplateXlsx(year, units.map(({ active: _a, ...u }) => u))
    return sendFile(reply, body, XLSX_CONTENT_TYPE, `mau-ke-hoach-${year}.xlsx`, `Mẫu kế hoạch thi đua ${year}.xlsx`)
  })
}
