// Scoring and ranking (issue 15, item 2): the ranking for the readers of the results, and the
// council's scores, written by the officer. Parse → authorise → delegate to db/ranking.ts.
import type { FastifyInstance } from 'fastify'
import * as v from 'valibot'
import { CodeSchema } from '../../shared/model'
import { communeOf, requireManager } from '../auth/plugin'
import { councilScores, loadRanking, scoringOf, setCouncilScores } from '../db/ranking'
import type { Db } from '../db/types'
import { parseWith } from '../errors'
import { onePoint, requireReader, ResultsQueryEntries, YearSchema } from './results'

const ScoreSchema = v.nullable(
  v.pipe(v.number('điểm phải là một số'), v.finite('điểm không hợp lệ'), v.minValue(0, 'điểm không được âm'), v.maxValue(100_000, 'điểm quá lớn')),
)
const ScoresBodySchema = v.object({
  scores: v.pipe(
    v.record(CodeSchema, ScoreSchema),
    v.check((r) => Object.keys(r).length <= 50, 'tối đa 50 tiêu chí một lần'),
  ),
})

export function rankingRoutes(app: FastifyInstance, { db, clock }: { db: Db; clock: () => Date }): void {
  // Built here, not at load: routes/results.ts registers these routes and this file reads its schemas.
  const RankingQuerySchema = v.pipe(v.object(ResultsQueryEntries), onePoint())
  const ScoresQuerySchema = v.object({ year: YearSchema })
  const ScoresParamsSchema = v.object({ year: YearSchema, unit: CodeSchema })

  app.get<{ Params: { commune: string } }>('/communes/:commune/ranking', async (req) => {
    const actor = requireReader(req, 'bảng xếp hạng thi đua của toàn xã')
    const commune = await communeOf(db, actor, req.params.commune)
    const q = parseWith(RankingQuerySchema, req.query, 'Tham số')
    return loadRanking(db, commune.id, q, clock())
  })

  app.get<{ Params: { commune: string } }>('/communes/:commune/council-scores', async (req) => {
    const actor = requireReader(req, 'điểm chấm của hội đồng thi đua')
    const commune = await communeOf(db, actor, req.params.commune)
    const { year } = parseWith(ScoresQuerySchema, req.query, 'Tham số')
    const scoring = await scoringOf(db, commune.id, year)
    return { year, criteria: scoring.criteria, scores: await councilScores(db, commune.id, year) }
  })

  app.put<{ Params: { commune: string; year: string; unit: string } }>('/communes/:commune/council-scores/:year/:unit', async (req) => {
    const actor = requireManager(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const { year, unit } = parseWith(ScoresParamsSchema, req.params, 'Địa chỉ')
    const { scores } = parseWith(ScoresBodySchema, req.body ?? {}, 'Điểm chấm')
    return setCouncilScores(db, actor, commune.id, year, unit, scores, clock())
  })
}
