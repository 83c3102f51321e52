// Reads the demo communes shipped as src/server/demo/plans/*.json, each checked against the plan-file schema.
import { readdir, readFile } from 'node:fs/promises'
import { loadPlanFile, type PlanFile } from '../../shared/planFile'
import type { ValidationIssue } from '../../shared/validation'

export interface DemoPlan {
  fileName: string
  file: PlanFile
  /** The plan's own inconsistencies (the seeds' arithmetic slips): shown to people, never a reason to refuse the start. */
  issues: ValidationIssue[]
}

export const DEMO_PLANS_DIR = new URL('./plans/', import.meta.url)

/** A demo file the server cannot use: unreadable JSON or a plan file that fails the schema. */
export class DemoPlanError extends Error {
  override name = 'DemoPlanError'
  constructor(
    readonly fileName: string,
    readonly problems: readonly { path: string; message: string }[],
    summary: string,
  ) {
    super(`Demo plan ${fileName}: ${summary}${problems.map((p) => `\n  ${p.path || '(file)'}: ${p.message}`).join('')}`)
  }
}

/** Loads every demo plan, sorted by commune name. A missing or empty folder gives no communes. */
export async function loadDemo(dir: URL = DEMO_PLANS_DIR): Promise<DemoPlan[]> {
  const names = (await listJson(dir)).sort()
  const plans: DemoPlan[] = []
  for (const fileName of names) {
    plans.push(parseDemoFile(fileName, await readFile(new URL(fileName, dir), 'utf8')))
  }
  refuseDuplicateCodes(plans)
  return plans.sort((a, b) => a.file.commune.name.localeCompare(b.file.commune.name, 'vi'))
}

async function listJson(dir: URL): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true })
    return entries.filter((e) => e.isFile() && e.name.endsWith('.json')).map((e) => e.name)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw err
  }
}

export function parseDemoFile(fileName: string, text: string): DemoPlan {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw new DemoPlanError(fileName, [], `is not valid JSON (${(err as Error).message})`)
  }
  const result = loadPlanFile(json)
  if (!result.ok) throw new DemoPlanError(fileName, result.errors, 'does not match the plan-file schema:')
  return { fileName, file: result.file, issues: result.issues }
}

/** The commune code is the address of a plan (/api/communes/:code/plan): two files may not share one. */
function refuseDuplicateCodes(plans: readonly DemoPlan[]): void {
  const seen = new Map<string, string>()
  for (const p of plans) {
    const code = p.file.commune.code
    const other = seen.get(code)
    if (other !== undefined) throw new DemoPlanError(p.fileName, [], `uses commune code "${code}", already used by ${other}`)
    seen.set(code, p.fileName)
  }
}
