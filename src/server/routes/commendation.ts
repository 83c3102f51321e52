// Bình xét, khen thưởng and hồ sơ thành tích (issue 15, items 3–4): the evaluation board of a year,
// the council's decision per registered line, the titles' criteria, the award decisions, the Tờ
// trình and the Quyết định as Word files, and the achievement records of a unit and of people.
// Readers (officer, leader, province) read; the officer writes. Parse → authorise → delegate to
// db/commendation.ts and exports/commendation.ts.
import type { FastifyInstance } from 'fastify'
import * as v from 'valibot'
import { AwardDecisionWriteSchema, decisionNumber, EvaluationWriteSchema, TitleCriteriaSchema } from '../../shared/commendation'
import { CodeSchema, IsoDateSchema } from '../../shared/model'
import { communeFullName } from '../../shared/summary'
import { TextSchema } from '../../shared/text'
import { communeOf, requireManager } from '../auth/plugin'
import {
  decisionData,
  draftDecisionData,
  evaluationBoard,
  peopleAchievements,
  proposalData,
  recordAwardDecision,
  recordEvaluation,
  saveCriteria,
  unitAchievements,
} from '../db/commendation'
import { enforce } from '../db/rateLimits'
import type { Db } from '../db/types'
import { HttpError, parseWith, say } from '../errors'
import { buildDecisionDocx, buildProposalDocx } from '../exports/commendation'
import { DOCX_CONTENT_TYPE } from '../exports/nd30'
import { EXPORT_LIMIT, sendFile } from './exports'
import { requireReader, YearSchema } from './results'

const YearParams = v.object({ year: YearSchema })
const UnitParams = v.object({ year: YearSchema, unit: CodeSchema })
const TitleParams = v.object({ title: CodeSchema })
const IdParams = v.object({ id: v.pipe(TextSchema, v.regex(/^\d{1,15}$/, 'mã quyết định phải là số nguyên dương'), v.transform(Number)) })
const CriteriaBody = v.object({ criteria: v.nullable(TitleCriteriaSchema) })
const Optional = (what: string, max: number) => v.optional(v.pipe(TextSchema, v.trim(), v.maxLength(max, `${what} tối đa ${max} ký tự`)))
const ProposalQuery = v.object({ number: Optional('số tờ trình', 60), date: v.optional(v.union([v.literal(''), IsoDateSchema], 'ngày phải có dạng YYYY-MM-DD')), recipient: Optional('nơi nhận', 200) })
const DraftDecisionQuery = v.object({ ...AwardDecisionWriteSchema.entries, confirm: v.optional(v.picklist(['true', 'false'])) })
const PeopleQuery = v.object({ name: v.pipe(TextSchema, v.trim(), v.minLength(2, 'cần ít nhất 2 ký tự để tìm'), v.maxLength(120, 'họ tên tối đa 120 ký tự')) })

/** “Quyết định khen thưởng 12-QĐ-UBND …”: a number's slashes made safe for a file name. */
const fileNumber = (number: string): string => number.replace(/[\\/:*?"<>|]/g, '-')

export function commendationRoutes(app: FastifyInstance, { db, clock }: { db: Db; clock: () => Date }): void {
  app.get<{ Params: { commune: string; year: string } }>('/communes/:commune/commendation/:year', async (req) => {
    const actor = requireReader(req, 'kết quả bình xét thi đua')
    const commune = await communeOf(db, actor, req.params.commune)
    const { year } = parseWith(YearParams, req.params, 'Địa chỉ')
    return evaluationBoard(db, commune.id, year, clock())
  })

  app.put<{ Params: { commune: string; title: string } }>('/communes/:commune/commendation-criteria/:title', async (req) => {
    const actor = requireManager(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const { title } = parseWith(TitleParams, req.params, 'Địa chỉ')
    const { criteria } = parseWith(CriteriaBody, req.body, 'Tiêu chuẩn danh hiệu')
    return saveCriteria(db, actor, commune.id, title, criteria, clock())
  })

  app.put<{ Params: { commune: string; year: string; unit: string } }>('/communes/:commune/commendation/:year/:unit', async (req) => {
    const actor = requireManager(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const { year, unit } = parseWith(UnitParams, req.params, 'Địa chỉ')
    const write = parseWith(EvaluationWriteSchema, req.body, 'Bình xét')
    return recordEvaluation(db, actor, commune.id, year, unit, write, clock())
  })

  app.post<{ Params: { commune: string; year: string } }>('/communes/:commune/commendation/:year/decisions', async (req) => {
    const actor = requireManager(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const { year } = parseWith(YearParams, req.params, 'Địa chỉ')
    const write = parseWith(AwardDecisionWriteSchema, req.body ?? {}, 'Quyết định khen thưởng')
    return recordAwardDecision(db, actor, commune.id, year, write, clock())
  })

  app.get<{ Params: { commune: string; year: string } }>('/communes/:commune/commendation/:year/to-trinh.docx', async (req, reply) => {
    const actor = requireReader(req, 'tờ trình đề nghị khen thưởng')
    const commune = await communeOf(db, actor, req.params.commune)
    const { year } = parseWith(YearParams, req.params, 'Địa chỉ')
    const q = parseWith(ProposalQuery, req.query, 'Tham số')
    const now = clock()
    await enforce(db, EXPORT_LIMIT, String(actor.userId), now, say('too_many_exports'))
    const data = await proposalData(db, commune.id, year)
    const number = q.number ? decisionNumber(q.number, 'TTr') : null
    const file = await buildProposalDocx(data, { number, date: q.date || null, recipient: q.recipient || null })
    return sendFile(reply, file, DOCX_CONTENT_TYPE, `to-trinh-khen-thuong-${commune.code}-${year}.docx`, `Tờ trình đề nghị khen thưởng ${year} - ${communeFullName(data.commune)}.docx`)
  })

  // A draft of the next decision (the approved lines not yet awarded), before it is recorded: it needs its number and date too.
  app.get<{ Params: { commune: string; year: string } }>('/communes/:commune/commendation/:year/quyet-dinh.docx', async (req, reply) => {
    const actor = requireReader(req, 'quyết định khen thưởng')
    const commune = await communeOf(db, actor, req.params.commune)
    const { year } = parseWith(YearParams, req.params, 'Địa chỉ')
    const q = parseWith(DraftDecisionQuery, req.query, 'Tham số')
    if (!q.number || !q.signedOn) throw new HttpError(400, 'decision_number_required', say('decision_number_required'))
    const now = clock()
    await enforce(db, EXPORT_LIMIT, String(actor.userId), now, say('too_many_exports'))
    const data = await draftDecisionData(db, commune.id, year)
    const decision = { number: decisionNumber(q.number, 'QĐ'), signedOn: q.signedOn, signer: q.signer || data.plan.signedBy || '', signerTitle: q.signerTitle ?? ('chu_tich' as const) }
    const file = await buildDecisionDocx(data, decision)
    return sendFile(reply, file, DOCX_CONTENT_TYPE, `quyet-dinh-khen-thuong-${commune.code}-${year}.docx`, `Quyết định khen thưởng ${fileNumber(decision.number)} - ${communeFullName(data.commune)}.docx`)
  })

  app.get<{ Params: { commune: string; id: string } }>('/communes/:commune/commendation-decisions/:id/quyet-dinh.docx', async (req, reply) => {
    const actor = requireReader(req, 'quyết định khen thưởng')
    const commune = await communeOf(db, actor, req.params.commune)
    const { id } = parseWith(IdParams, req.params, 'Địa chỉ')
    const now = clock()
    await enforce(db, EXPORT_LIMIT, String(actor.userId), now, say('too_many_exports'))
    const { decision, data } = await decisionData(db, commune.id, id)
    const file = await buildDecisionDocx(data, decision)
    return sendFile(reply, file, DOCX_CONTENT_TYPE, `quyet-dinh-khen-thuong-${commune.code}-${data.year}-${id}.docx`, `Quyết định khen thưởng ${fileNumber(decision.number)} - ${communeFullName(data.commune)}.docx`)
  })

  app.get<{ Params: { commune: string; unit: string } }>('/communes/:commune/achievements/units/:unit', async (req) => {
    const actor = requireReader(req, 'hồ sơ thành tích')
    const commune = await communeOf(db, actor, req.params.commune)
    const { unit } = parseWith(v.object({ unit: CodeSchema }), req.params, 'Địa chỉ')
    return unitAchievements(db, commune.id, unit)
  })

  app.get<{ Params: { commune: string } }>('/communes/:commune/achievements/people', async (req) => {
    const actor = requireReader(req, 'hồ sơ thành tích')
    const commune = await communeOf(db, actor, req.params.commune)
    const { name } = parseWith(PeopleQuery, req.query, 'Tham số')
    return peopleAchievements(db, commune.id, name)
  })
}
