// The communes and plans the API answers with, held in memory from the demo files until the database arrives.
import type { Commune, Plan, Unit } from '../shared/model'
import type { ValidationIssue } from '../shared/validation'
import type { DemoPlan } from './demo/loadDemo'

/** One row of GET /api/communes. */
export interface CommuneSummary {
  code: string
  name: string
  kind: Commune['kind']
  district: string
  province: string
  planYear: number
  planTitle: string
  indicatorCount: number
  unitCount: number
}

/** GET /api/communes/:code/plan. Built field by field: a plan file's accounts (with passwords) never get in. */
export interface CommunePlan {
  commune: Commune
  units: Unit[]
  plan: Plan
  issues: ValidationIssue[]
}

export interface Catalog {
  list(): CommuneSummary[]
  plan(code: string): CommunePlan | undefined
}

export function createCatalog(demo: readonly DemoPlan[]): Catalog {
  const byCode = new Map(demo.map((d) => [d.file.commune.code, d]))
  return {
    list: () => demo.map(summarize),
    plan: (code) => {
      const d = byCode.get(code)
      return d && { commune: d.file.commune, units: d.file.units, plan: d.file.plan, issues: d.issues }
    },
  }
}

function summarize({ file }: DemoPlan): CommuneSummary {
  const { commune, plan } = file
  return {
    code: commune.code,
    name: commune.name,
    kind: commune.kind,
    district: commune.district,
    province: commune.province,
    planYear: plan.year,
    planTitle: plan.title,
    indicatorCount: plan.indicators.length,
    unitCount: file.units.length,
  }
}
