// Plans in the database: a header row, and one row per field and per indicator (as JSON in the
// shape of the shared schema), each stamped with the version that last changed it.
import type { Plan } from '../../shared/model'
import type { Queryable } from './types'

export interface PlanRow {
  id: number
  year: number
  version: number
}

function header(plan: Plan): object {
  const { fields: _f, indicators: _i, ...rest } = plan
  return rest
}

/**
 * Writes a whole plan for its year: creates it or replaces its header, fields and indicators.
 * Fields and indicators no longer in the plan are marked deleted (their values stay).
 */
export async function writePlan(tx: Queryable, communeId: number, plan: Plan, version: number): Promise<number> {
  const r = await tx.query<{ id: number }>(
    `INSERT INTO plans (commune_id, year, header, version) VALUES ($1, $2, $3, $4)
     ON CONFLICT (commune_id, year) DO UPDATE SET header = EXCLUDED.header, version = EXCLUDED.version
     RETURNING id`,
    [communeId, plan.year, JSON.stringify(header(plan)), version],
  )
  const planId = Number(r.rows[0]!.id)
  await upsertRows(tx, 'fields', planId, plan.fields, version)
  await upsertRows(tx, 'indicators', planId, plan.indicators, version)
  return planId
}

async function upsertRows(tx: Queryable, table: 'fields' | 'indicators', planId: number, rows: readonly { code: string }[], version: number): Promise<void> {
  await tx.query(
    `INSERT INTO ${table} (plan_id, code, position, def, deleted, version)
     SELECT $1, r.code, r.position, r.def, false, $3
       FROM jsonb_to_recordset($2::jsonb) AS r(code text, position int, def jsonb)
     ON CONFLICT (plan_id, code) DO UPDATE
       SET position = EXCLUDED.position, def = EXCLUDED.def, deleted = false, version = EXCLUDED.version
     WHERE ${table}.def IS DISTINCT FROM EXCLUDED.def OR ${table}.position <> EXCLUDED.position OR ${table}.deleted`,
    [planId, JSON.stringify(rows.map((def, position) => ({ code: def.code, position, def }))), version],
  )
  await tx.query(
    `UPDATE ${table} SET deleted = true, version = $3
      WHERE plan_id = $1 AND NOT deleted AND NOT (code = ANY($2::text[]))`,
    [planId, rows.map((r) => r.code), version],
  )
}

/** The plan of a year as the shared schema shapes it, or undefined. Deleted rows are left out. */
export async function readPlan(q: Queryable, communeId: number, year: number): Promise<{ plan: Plan; version: number } | undefined> {
  const p = await q.query<{ id: number; year: number; header: Omit<Plan, 'fields' | 'indicators'>; version: number }>(
    'SELECT id, year, header, version FROM plans WHERE commune_id = $1 AND year = $2',
    [communeId, year],
  )
  const row = p.rows[0]
  if (!row) return undefined
  return { plan: await assemble(q, row), version: Number(row.version) }
}

export async function assemble(q: Queryable, row: { id: number; header: Omit<Plan, 'fields' | 'indicators'> }): Promise<Plan> {
  const fields = await q.query<{ def: Plan['fields'][number]; v: number }>('SELECT def, version AS v FROM fields WHERE plan_id = $1 AND NOT deleted ORDER BY position', [row.id])
  const indicators = await q.query<{ def: Plan['indicators'][number] }>('SELECT def FROM indicators WHERE plan_id = $1 AND NOT deleted ORDER BY position', [row.id])
  return { ...row.header, fields: fields.rows.map((r) => r.def), indicators: indicators.rows.map((r) => r.def) }
}

/** Plans whose header, fields or indicators changed after `cursor`, up to `upTo`. */
export async function changedPlans(q: Queryable, communeId: number, cursor: number, upTo: number): Promise<{ year: number; version: number; plan: Plan }[]> {
  const r = await q.query<{ id: number; year: number; header: Omit<Plan, 'fields' | 'indicators'>; version: number }>(
    `SELECT p.id, p.year, p.header,
            GREATEST(p.version,
                     COALESCE((SELECT max(version) FROM fields f WHERE f.plan_id = p.id AND f.version <= $3), 0),
                     COALESCE((SELECT max(version) FROM indicators i WHERE i.plan_id = p.id AND i.version <= $3), 0)) AS version
       FROM plans p
      WHERE p.commune_id = $1 AND p.version <= $3
        AND (p.version > $2
             OR EXISTS (SELECT 1 FROM fields f WHERE f.plan_id = p.id AND f.version > $2 AND f.version <= $3)
             OR EXISTS (SELECT 1 FROM indicators i WHERE i.plan_id = p.id AND i.version > $2 AND i.version <= $3))
      ORDER BY p.year`,
    [communeId, cursor, upTo],
  )
  return Promise.all(r.rows.map(async (row) => ({ year: row.year, version: Number(row.version), plan: await assemble(q, row) })))
}
