// Exports of a commune's results: the XLSX results table and the DOCX review report draft.
// Parse → authorise (officers, leaders, administrators; never a village's reporter) → load the
// results as the dashboard shows them → build the file → send it as a download.
import type { FastifyInstance, FastifyReply } from 'fastify'
import * as v from 'valibot'
import type { PlanResults } from '../../shared/api'
import { vietnamDate } from '../../shared/results'
import { communeFullName } from '../../shared/summary'
import { communeOf } from '../auth/plugin'
import { rankingOfResults } from '../db/ranking'
import { loadResults } from '../db/results'
import { enforce, type RateLimit } from '../db/rateLimits'
import type { Db } from '../db/types'
import { HttpError, parseWith, say } from '../errors'
import { buildReviewDocx, DOCX_CONTENT_TYPE, type ReviewKind } from '../exports/docx'
import { APPENDIX_MAX_PHOTOS, appendixPhotos, evidenceAppendix } from '../exports/evidenceAppendix'
import { evidenceById } from '../db/evidence'
import { communeUnits } from '../db/units'
import type { EvidenceStorage } from '../evidence/storage'
import { TextSchema } from '../../shared/text'
import type { Evidence } from '../../shared/evidence'
import { buildResultsXlsx, XLSX_CONTENT_TYPE } from '../exports/xlsx'
import { onePoint, requireReader, ResultsQueryEntries } from './results'

const XlsxQuerySchema = v.pipe(v.object(ResultsQueryEntries), onePoint())
const DocxQuerySchema = v.pipe(
  v.object({
    ...ResultsQueryEntries,
    kind: v.optional(v.picklist(['so_ket', 'tong_ket'], 'loại báo cáo phải là so_ket (sơ kết) hoặc tong_ket (tổng kết)')),
    // The evidence photos chosen for the appendix, by id, comma-separated.
    evidence: v.optional(
      v.pipe(
        TextSchema,
        v.regex(new RegExp(`^[0-9a-f-]{36}(,[0-9a-f-]{36}){0,${APPENDIX_MAX_PHOTOS - 1}}$`), `evidence: tối đa ${APPENDIX_MAX_PHOTOS} mã minh chứng, cách nhau bởi dấu phẩy`),
        v.transform((s) => [...new Set(s.split(','))]),
      ),
    ),
  }),
  onePoint(),
)

/**
 * A burst of exports is a few clicks; each builds a file in memory, so a runaway client is held
 * back: per account, counted in the database so that the budget holds across instances.
 */
export const EXPORT_LIMIT: RateLimit = { bucket: 'export', max: 20, windowMs: 60_000 }

/** RFC 5987 / 6266: an ASCII fallback name, and the Vietnamese name in UTF-8. */
export function contentDisposition(asciiName: string, utf8Name: string): string {
  const fallback = asciiName.replace(/[^A-Za-z0-9._-]/g, '-')
  const encoded = encodeURIComponent(utf8Name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`
}

/** A name part without characters a file system refuses. */
function safeName(text: string): string {
  return text.replace(/[\\/:*?"<>|]/g, ' ').replace(/\s+/g, ' ').trim()
}

export function sendFile(reply: FastifyReply, body: Buffer, type: string, asciiName: string, utf8Name: string): FastifyReply {
  return reply
    .header('content-type', type)
    .header('content-disposition', contentDisposition(asciiName, utf8Name))
    .header('content-length', String(body.length))
    .header('cache-control', 'private, no-store')
    .send(body)
}

export function exportRoutes(app: FastifyInstance, { db, clock, evidenceStorage }: { db: Db; clock: () => Date; evidenceStorage?: EvidenceStorage }): void {
  app.get<{ Params: { commune: string } }>('/communes/:commune/exports/results.xlsx', async (req, reply) => {
    const actor = requireReader(req, 'kết quả của toàn xã')
    const commune = await communeOf(db, actor, req.params.commune)
    const q = parseWith(XlsxQuerySchema, req.query, 'Tham số')
    await enforce(db, EXPORT_LIMIT, String(actor.userId), clock(), say('too_many_exports'))
    const results = await loadResults(db, commune.id, q, clock())
    const file = await buildResultsXlsx(results, await rankingOfResults(db, commune.id, results, clock()))
    const name = `Kết quả thi đua ${results.year} - ${safeName(communeFullName(results.commune))}.xlsx`
    return sendFile(reply, file, XLSX_CONTENT_TYPE, `ket-qua-thi-dua-${commune.code}-${results.year}.xlsx`, name)
  })

  app.get<{ Params: { commune: string } }>('/communes/:commune/exports/review.docx', async (req, reply) => {
    const actor = requireReader(req, 'kết quả của toàn xã')
    const commune = await communeOf(db, actor, req.params.commune)
    const { kind: askedKind, evidence: chosen, ...q } = parseWith(DocxQuerySchema, req.query, 'Tham số')
    const now = clock()
    await enforce(db, EXPORT_LIMIT, String(actor.userId), now, say('too_many_exports'))
    let results = await loadResults(db, commune.id, q, now)
    const kind: ReviewKind = askedKind ?? (results.asOf?.to.endsWith('-12-31') ? 'tong_ket' : 'so_ket')
    results = await midYear(results, kind, q, vietnamDate(now), (over) => loadResults(db, commune.id, { ...q, ...over }, now))
    const appendix = chosen && evidenceStorage ? await appendixOf(db, evidenceStorage, commune.id, chosen, results) : []
    const file = await buildReviewDocx(results, kind, appendix)
    const what = kind === 'so_ket' ? 'so-ket' : 'tong-ket'
    const name = `Báo cáo ${kind === 'so_ket' ? 'sơ kết' : 'tổng kết'} ${results.year} - ${safeName(communeFullName(results.commune))}.docx`
    return sendFile(reply, file, DOCX_CONTENT_TYPE, `bao-cao-${what}-${commune.code}-${results.year}.docx`, name)
  })
}

/**
 * A mid-year review without a chosen period or phase reports the first half: once the year runs
 * past June, the figures are taken to the end of the second quarter when the year has one (even
 * when the latest figures are older: the review is of the half year).
 */
async function midYear(
  results: PlanResults,
  kind: ReviewKind,
  q: { period?: string; phase?: string },
  today: string,
  reload: (over: { year: number; period: string }) => Promise<PlanResults>,
): Promise<PlanResults> {
  if (kind !== 'so_ket' || q.period !== undefined || q.phase !== undefined) return results
  const half = `${results.year}-06-30`
  if (today <= half || results.asOf?.to === half) return results
  try {
    return await reload({ year: results.year, period: `${results.year}-Q2` })
  } catch (err) {
    if (err instanceof HttpError && err.statusCode === 404) return results
    throw err
  }
}

/** The appendix of the chosen photos: this commune's, not removed, in the order chosen; an unknown id is not found. */
async function appendixOf(db: Db, storage: EvidenceStorage, communeId: number, ids: readonly string[], results: PlanResults): Promise<ReturnType<typeof evidenceAppendix>> {
  const files = await Promise.all(ids.map((id) => evidenceById(db, communeId, id)))
  if (files.some((f) => !f || f.evidence.deleted)) throw new HttpError(404, 'not_found', say('evidence_not_found'))
  const units = new Map((await communeUnits(db, communeId)).map((u) => [u.code, u.name]))
  const indicators = new Map(results.indicators.map((i) => [i.code, i.name]))
  const whereOf = (e: Evidence): string => [units.get(e.unit) ?? e.unit, `kỳ ${e.period}`, ...(e.indicator ? [indicators.get(e.indicator) ?? e.indicator] : [])].join(', ')
  return evidenceAppendix(await appendixPhotos(storage, files.map((f) => f!), whereOf))
}
