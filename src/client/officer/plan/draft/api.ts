// The draft screen's calls: the plan's document sent to be drafted (POST …/plans/:year/draft, the
// file's bytes as they are or the pasted text), and the commune a plan file names. The plan the
// officer accepted goes through the plan file import of ../api.ts (previewPlanFile, writePlanFile),
// the same path as a file chosen on the plan screen.
import type { Commune, Plan } from '../../../../shared/model'
import type { PlanFile } from '../../../../shared/planFile'
import type { PlanDraftResponse } from '../../../../shared/planDraft/types'
import { getCommunes } from '../../../api'
import { PlanFileError, postPlanDocument } from '../api'

/**
 * Why drafting failed: `network` (never answered), `too_big` (413), `invalid` (422
 * `unreadable_document`, the reasons in `problems`), `server` (5xx, or no JSON), `refused` (any
 * other 4xx, the server's message). The same error as a plan file's import.
 */
export { PlanFileError as PlanDraftError }

/** POST …/plans/:year/draft: a file's bytes (`application/octet-stream`) or pasted text (`text/plain`). */
export async function draftFromDocument(commune: string, year: number, document: Blob | string, signal?: AbortSignal): Promise<PlanDraftResponse> {
  const contentType = typeof document === 'string' ? 'text/plain; charset=utf-8' : 'application/octet-stream'
  const { status, body } = await postPlanDocument<PlanDraftResponse>(commune, `plans/${year}/draft`, document, contentType, signal)
  if (typeof body !== 'object' || body === null || !('draft' in body)) throw new PlanFileError('server', status)
  return body
}

/**
 * The commune as a plan file names it, from the communes list (GET /api/communes). The import
 * keeps the commune it writes into whatever the file names; the file only has to be well formed.
 */
export async function communeOf(code: string, signal?: AbortSignal): Promise<Commune> {
  const found = (await getCommunes(signal)).find((c) => c.code === code)
  if (!found) return { code, name: code, kind: 'xa', province: '—' }
  return {
    code: found.code,
    name: found.name,
    kind: found.kind,
    province: found.province,
    ...(found.district ? { district: found.district } : {}),
    ...(found.adminCode && /^\d{5}$/.test(found.adminCode) ? { adminCode: found.adminCode } : {}),
  }
}

/** shared/planFile.ts PLAN_FILE_FORMAT, repeated so the chunk carries no valibot. */
const PLAN_FILE_FORMAT: PlanFile['format'] = 'thi-dua.plan/1'

/** The plan as a `thi-dua.plan/1` file: no units (the import keeps the commune's), no extra periods. */
export function planFileOf(plan: Plan, commune: Commune): Blob {
  const file: PlanFile = { format: PLAN_FILE_FORMAT, commune, units: [], plan, periods: [], accounts: [] }
  return new Blob([JSON.stringify(file)], { type: 'application/json' })
}
