// The commendation routes (src/server/routes/commendation.ts): the evaluation board, the council's
// decisions, the titles' criteria, the award decisions, the Word files, the achievement records.
import type { AwardDecision, AwardDecisionWrite, EvaluationBoard, EvaluationWrite, PeopleAchievements, TitleCriteria, UnitAchievements } from '../../../shared/commendation'
import { apiRequest, communePath } from '../../api'

export function getBoard(commune: string, year: number, signal?: AbortSignal): Promise<EvaluationBoard> {
  return apiRequest(communePath(commune, `commendation/${year}`), { signal })
}

export function putEvaluation(commune: string, year: number, unit: string, write: EvaluationWrite): Promise<unknown> {
  return apiRequest(communePath(commune, `commendation/${year}/${encodeURIComponent(unit)}`), { method: 'PUT', body: write })
}

export function putCriteria(commune: string, title: string, criteria: TitleCriteria | null): Promise<{ code: string; criteria: TitleCriteria; custom: boolean }> {
  return apiRequest(communePath(commune, `commendation-criteria/${encodeURIComponent(title)}`), { method: 'PUT', body: { criteria } })
}

export function postDecision(commune: string, year: number, write: AwardDecisionWrite): Promise<AwardDecision> {
  return apiRequest(communePath(commune, `commendation/${year}/decisions`), { method: 'POST', body: write })
}

const query = (params: Record<string, string>): string => {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== ''))
  const s = q.toString()
  return s === '' ? '' : `?${s}`
}

export function proposalPath(commune: string, year: number, o: { number: string; date: string }): string {
  return communePath(commune, `commendation/${year}/to-trinh.docx${query(o)}`)
}

/** The next decision's draft (the approved titles not yet awarded) with the number and date typed, before it is recorded. */
export function draftDecisionPath(commune: string, year: number, o: { number: string; signedOn: string; signer: string; signerTitle: string }): string {
  return communePath(commune, `commendation/${year}/quyet-dinh.docx${query(o)}`)
}

export function decisionPath(commune: string, id: number): string {
  return communePath(commune, `commendation-decisions/${id}/quyet-dinh.docx`)
}

export function getUnitRecord(commune: string, unit: string, signal?: AbortSignal): Promise<UnitAchievements> {
  return apiRequest(communePath(commune, `achievements/units/${encodeURIComponent(unit)}`), { signal })
}

export function searchPeople(commune: string, name: string, signal?: AbortSignal): Promise<PeopleAchievements> {
  return apiRequest(communePath(commune, `achievements/people${query({ name })}`), { signal })
}
