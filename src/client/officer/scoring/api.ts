// The ranking and the council's scores (src/server/routes/ranking.ts).
import type { Ranking } from '../../../shared/scoring'
import { apiRequest, communePath } from '../../api'
import { resultsSearch, type ResultsQuery } from '../dashboard/api'

export function getRanking(commune: string, q: ResultsQuery, signal?: AbortSignal): Promise<Ranking> {
  return apiRequest(communePath(commune, `ranking${resultsSearch(q)}`), { signal })
}

export function putCouncilScores(commune: string, year: number, unit: string, scores: Record<string, number | null>): Promise<{ unit: string; year: number; scores: Record<string, number> }> {
  return apiRequest(communePath(commune, `council-scores/${year}/${encodeURIComponent(unit)}`), { method: 'PUT', body: { scores } })
}
