// The dashboard's calls: the results of a year (as of a period or a phase, on a basis), the years
// the commune has plans for, and the addresses of the two exports (downloaded by download.ts).
import type { CommunePlan, PlanResults, ResultsBasis } from '../../../shared/api'
import { apiRequest, communePath } from '../../api'

/** What the server computes the results for; every part optional (the server picks the latest plan, the last ended period, approved figures). */
export interface ResultsQuery {
  year?: number | undefined
  period?: string | undefined
  phase?: string | undefined
  basis?: ResultsBasis | undefined
}

export type ReviewKind = 'so_ket' | 'tong_ket'

/** `?year=2024&period=2024-Q2&basis=approved`, leaving out what is not set (no trailing `?`). */
export function resultsSearch(q: ResultsQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams()
  if (q.year !== undefined) params.set('year', String(q.year))
  if (q.period) params.set('period', q.period)
  if (q.phase) params.set('phase', q.phase)
  if (q.basis) params.set('basis', q.basis)
  for (const [k, v] of Object.entries(extra)) params.set(k, v)
  const text = params.toString()
  return text ? `?${text}` : ''
}

export function getResults(commune: string, q: ResultsQuery, signal?: AbortSignal): Promise<PlanResults> {
  return apiRequest(communePath(commune, `results${resultsSearch(q)}`), { signal })
}

/** Every year the commune has a plan for, newest first (from the plan of `year`, or the latest). */
export async function getPlanYears(commune: string, year: number | undefined, signal?: AbortSignal): Promise<number[]> {
  const query = year === undefined ? '' : `?year=${year}`
  const plan = await apiRequest<CommunePlan>(communePath(commune, `plan${query}`), { signal })
  return plan.years
}

export function resultsXlsxPath(commune: string, q: ResultsQuery): string {
  return communePath(commune, `exports/results.xlsx${resultsSearch(q)}`)
}

/** `evidence`: the photos chosen for the appendix, by id. */
export function reviewDocxPath(commune: string, q: ResultsQuery, kind: ReviewKind, evidence: readonly string[] = []): string {
  return communePath(commune, `exports/review.docx${resultsSearch(q, { kind, ...(evidence.length > 0 ? { evidence: evidence.join(',') } : {}) })}`)
}
