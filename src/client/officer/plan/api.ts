// The plan set-up screen's calls: a year's plan (or none), the commune's units, and the writes of
// src/server/routes/plans.ts. Failures reject with ApiRequestError (a Vietnamese message); the
// plan file's import with PlanFileError (its kind, for the screen to word).
import { ApiRequestError, apiRequest, communePath, getCommunePlan, sessionLost, type CommunePlan } from '../../api'
import type { Indicator, Plan, Unit } from '../../../shared/model'
import type { PlanFileFormat, PlanFileProblem, PlanImportPreview, PlanImportResult } from '../../../shared/planImport'
import type { ValidationIssue } from '../../../shared/validation'

/** What every plan write answers (db/planChanges.ts PlanChangeResult). */
export interface PlanChangeResult {
  year: number
  version: number
  issues: ValidationIssue[]
}

/** POST …/plans/:year/copy: the copy, and what must be entered again (base values, baselines). */
export interface PlanCopyResult extends PlanChangeResult {
  notes: string[]
}

export type SetupUnit = Unit & { active: boolean }

/** The plan of `year` (the latest when undefined), or null when the commune has none for it. */
export async function loadPlan(commune: string, year: number | undefined, signal?: AbortSignal): Promise<CommunePlan | null> {
  try {
    return await getCommunePlan(commune, year, signal)
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 404) return null
    throw err
  }
}

/** Every unit of the commune, active or not (a 404 here means the commune itself is unknown). */
export function loadUnits(commune: string, signal?: AbortSignal): Promise<SetupUnit[]> {
  return apiRequest(communePath(commune, 'units'), { signal })
}

export function createPlan(commune: string, plan: Plan): Promise<PlanChangeResult> {
  return apiRequest(communePath(commune, 'plans'), { method: 'POST', body: plan })
}

export function replacePlan(commune: string, plan: Plan): Promise<PlanChangeResult> {
  return apiRequest(communePath(commune, `plans/${plan.year}`), { method: 'PUT', body: plan })
}

export function copyPlan(commune: string, year: number, from: number): Promise<PlanCopyResult> {
  return apiRequest(communePath(commune, `plans/${year}/copy`), { method: 'POST', body: { from } })
}

export function putIndicator(commune: string, year: number, indicator: Indicator): Promise<PlanChangeResult & { created: boolean }> {
  return apiRequest(communePath(commune, `plans/${year}/indicators/${encodeURIComponent(indicator.code)}`), { method: 'PUT', body: indicator })
}

export function deleteIndicator(commune: string, year: number, code: string): Promise<PlanChangeResult> {
  return apiRequest(communePath(commune, `plans/${year}/indicators/${encodeURIComponent(code)}`), { method: 'DELETE' })
}

/**
 * Changes the plan as it is on the server now (read first, so nothing another tab or person
 * saved meanwhile is dropped), then writes it whole. `change` may throw to refuse.
 */
export async function changePlan(commune: string, year: number, change: (plan: Plan) => Plan): Promise<PlanChangeResult> {
  const current = await getCommunePlan(commune, year)
  return replacePlan(commune, change(current.plan))
}

// ---------------------------------------------------------------------------
// Plans in and out as files (src/server/routes/planFiles.ts): the downloads go through the
// dashboard's downloadFile; the import sends the file's bytes as they are.

/** GET …/plans/:year/export.json|xlsx: the year's plan as a file. */
export function planExportPath(commune: string, year: number, format: PlanFileFormat): string {
  return communePath(commune, `plans/${year}/export.${format}`)
}

/** GET …/plans/template.xlsx?year=: the blank workbook, with an example row and drop-downs. */
export function planTemplatePath(commune: string, year: number): string {
  return communePath(commune, `plans/template.xlsx?year=${year}`)
}

/**
 * Why an import request failed: `network` (never answered), `too_big` (413), `invalid` (422, the
 * file's problems in `problems`), `has_reports` (409, replacing needs the officer's word),
 * `server` (5xx, or an answer that is no JSON), `refused` (any other 4xx, the server's message).
 */
export type PlanFileFailure = 'network' | 'too_big' | 'invalid' | 'has_reports' | 'server' | 'refused'

export class PlanFileError extends Error {
  override name = 'PlanFileError'
  constructor(
    readonly kind: PlanFileFailure,
    readonly status: number | undefined,
    /** The server's own (Vietnamese) message, when it sent one. */
    readonly serverMessage?: string,
    readonly code?: string,
    readonly problems: PlanFileProblem[] = [],
  ) {
    super(serverMessage ?? kind)
  }
}

function isProblem(x: unknown): x is PlanFileProblem {
  return typeof x === 'object' && x !== null && typeof (x as { message?: unknown }).message === 'string'
}

/** The failure an answer means; the error body is `{ code, message, details? }` (server/errors.ts). */
async function importFailure(res: Response): Promise<PlanFileError> {
  const body: unknown = await res.json().catch(() => undefined)
  const e = (typeof body === 'object' && body !== null ? body : {}) as { code?: unknown; message?: unknown; details?: unknown }
  const message = typeof e.message === 'string' && e.message.length > 0 ? e.message : undefined
  const code = typeof e.code === 'string' ? e.code : undefined
  const problems = Array.isArray(e.details) ? e.details.filter(isProblem) : []
  const s = res.status
  const kind: PlanFileFailure = s === 413 ? 'too_big' : s === 422 ? 'invalid' : s === 409 ? 'has_reports' : s >= 400 && s < 500 ? 'refused' : 'server'
  return new PlanFileError(kind, s, message, code, problems)
}

/**
 * POSTs a plan's document (a plan file's bytes, a document to draft from, pasted text) to one of
 * the commune's plan endpoints (`path` below /communes/:commune/) and reads its JSON answer. Every
 * failure is a PlanFileError: `network` when it never answered, else by the answer's status.
 */
export async function postPlanDocument<T>(commune: string, path: string, document: Blob | string, contentType: string, signal?: AbortSignal): Promise<{ status: number; body: T }> {
  let res: Response
  try {
    res = await fetch(communePath(commune, path), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': contentType },
      body: document,
      signal,
    })
  } catch (err) {
    if (signal?.aborted) throw err
    throw new PlanFileError('network', undefined)
  }
  if (res.status === 401) sessionLost()
  if (!res.ok) throw await importFailure(res)
  const body = (await res.json().catch(() => undefined)) as T | undefined
  if (body === undefined) throw new PlanFileError('server', res.status)
  return { status: res.status, body }
}

function sendPlanFile<T>(commune: string, year: number, file: Blob, query: string, signal?: AbortSignal): Promise<{ status: number; body: T }> {
  return postPlanDocument<T>(commune, `plans/${year}/import?${query}`, file, 'application/octet-stream', signal)
}

/** POST …/import?mode=preview: what the file would write into `year`; nothing is written. */
export async function previewPlanFile(commune: string, year: number, file: Blob, signal?: AbortSignal): Promise<PlanImportPreview> {
  return (await sendPlanFile<PlanImportPreview>(commune, year, file, 'mode=preview', signal)).body
}

/** POST …/import?mode=write (&replace=1 once the officer agreed to replace a plan with reports). */
export async function writePlanFile(commune: string, year: number, file: Blob, replace: boolean, signal?: AbortSignal): Promise<PlanImportResult> {
  return (await sendPlanFile<PlanImportResult>(commune, year, file, replace ? 'mode=write&replace=1' : 'mode=write', signal)).body
}
