// The review area's calls: the report list, one report, the decision on it, the completeness
// board, a cell's history and the commune's audit feed; plus the units and periods the screens
// name things by.
import type { AuditChoices, AuditFilters, AuditRow, CellChange, CompletenessBoard, PeriodView, ReportDetail, ReportSummary } from '../../../shared/api'
import type { Evidence } from '../../../shared/evidence'
import type { ReportStatus } from '../../../shared/model'
import { apiRequest, communePath } from '../../api'

export type { AuditFilters }

export type { ReportSummary }

/** A unit as GET /api/communes/:commune/units lists it (only what these screens read). */
export interface UnitName {
  code: string
  name: string
  kind: string
}

/** The officer's decision; a reason is required to return or reopen, comments are per indicator code. */
export type Decision =
  | { action: 'approve' }
  | { action: 'return'; reason: string; comments?: Record<string, string> }
  | { action: 'reopen'; reason: string; comments?: Record<string, string> }

export interface DecisionResult {
  status: ReportStatus
  version: number
}


/** `?a=1&b=2` of the set entries, or '' when none. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v))
  const s = q.toString()
  return s ? `?${s}` : ''
}

export function getReports(commune: string, filter: { period?: string; status?: ReportStatus }, signal?: AbortSignal): Promise<ReportSummary[]> {
  return apiRequest(communePath(commune, `reports${queryString(filter)}`), { signal })
}

export function getReport(commune: string, unit: string, period: string, signal?: AbortSignal): Promise<ReportDetail> {
  return apiRequest(communePath(commune, `reports/${encodeURIComponent(unit)}/${encodeURIComponent(period)}`), { signal })
}

export function decideReport(commune: string, unit: string, period: string, decision: Decision): Promise<DecisionResult> {
  return apiRequest(communePath(commune, `reports/${encodeURIComponent(unit)}/${encodeURIComponent(period)}/decision`), { method: 'POST', body: decision })
}

export function getCompleteness(commune: string, year: number, signal?: AbortSignal): Promise<CompletenessBoard> {
  return apiRequest(communePath(commune, `completeness${queryString({ year })}`), { signal })
}

export function getCellHistory(commune: string, cell: { unit: string; period: string; indicator: string }, signal?: AbortSignal): Promise<CellChange[]> {
  return apiRequest(communePath(commune, `history${queryString(cell)}`), { signal })
}

export function getAudit(commune: string, filter: AuditFilters, signal?: AbortSignal): Promise<AuditRow[]> {
  return apiRequest(communePath(commune, `audit${queryString({ ...filter })}`), { signal })
}

/** What the change log can be filtered by: the indicators and the people, by name. */
export function getAuditChoices(commune: string, signal?: AbortSignal): Promise<AuditChoices> {
  return apiRequest(communePath(commune, 'audit/choices'), { signal })
}

/** The commune's periods, of one year when given. */
export function getPeriods(commune: string, year?: number, signal?: AbortSignal): Promise<PeriodView[]> {
  return apiRequest(communePath(commune, `periods${queryString({ year })}`), { signal })
}

export function getUnits(commune: string, signal?: AbortSignal): Promise<UnitName[]> {
  return apiRequest(communePath(commune, 'units'), { signal })
}

/** A report's evidence files (photos, PDFs), in the order they came. */
export async function getEvidence(commune: string, unit: string, period: string, signal?: AbortSignal): Promise<Evidence[]> {
  const r = await apiRequest<{ evidence: Evidence[] }>(communePath(commune, `evidence${queryString({ unit, period })}`), { signal })
  return r.evidence
}

/** Where a stored file's bytes, or its thumbnail, are read (the session cookie goes with an <img>). */
export function evidenceUrl(commune: string, id: string, which: 'file' | 'thumbnail'): string {
  return communePath(commune, `evidence/${encodeURIComponent(id)}/${which}`)
}
