// Writes a plan file (commune, units, plan, periods, accounts) into the database, and loads the
// demo communes on first start.
import type { PlanFile } from '../../shared/planFile'
import { hashPassword } from '../auth/passwords'
import { writeSampleReports } from '../demo/sampleReports'
import { insertYearPeriods } from './periods'
import { writePlan } from './plans'
import type { Db } from './types'
import { bumpVersion } from './versions'

/** Creates the commune of a plan file with everything in it, in one transaction. Returns its id. */
export async function seedPlanFile(db: Db, file: PlanFile): Promise<number> {
  // Hash outside the transaction: scrypt is slow on purpose, a transaction should not wait for it.
  const hashes = await Promise.all(file.accounts.map((a) => hashPassword(a.password)))
  return db.transaction(async (tx) => {
    const c = file.commune
    const created = await tx.query<{ id: number }>(
      'INSERT INTO communes (code, name, kind, district, province) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [c.code, c.name, c.kind, c.district, c.province],
    )
    const communeId = Number(created.rows[0]!.id)
    const version = await bumpVersion(tx, communeId)
    const unitIds = new Map<string, number>()
    for (const u of file.units) {
      const r = await tx.query<{ id: number }>(
        'INSERT INTO units (commune_id, code, name, kind, parent_code, version) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
        [communeId, u.code, u.name, u.kind, u.parent ?? null, version],
      )
      unitIds.set(u.code, Number(r.rows[0]!.id))
    }
    await writePlan(tx, communeId, file.plan, version)
    await insertYearPeriods(tx, communeId, file.plan, version)
    for (const [i, a] of file.accounts.entries()) {
      const r = await tx.query<{ id: number }>(
        'INSERT INTO users (commune_id, username, display_name, role, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id',
        [a.role === 'admin' ? null : communeId, a.username, a.displayName, a.role, hashes[i]],
      )
      for (const code of a.units) {
        await tx.query('INSERT INTO user_units (user_id, unit_id) VALUES ($1, $2)', [r.rows[0]!.id, unitIds.get(code)])
      }
    }
    return communeId
  })
}

/**
 * Loads the demo communes when the database has no commune yet, with a year of sample reports
 * when asked (src/server/demo/sampleReports.ts). Returns the codes loaded.
 */
export async function seedDemoIfEmpty(db: Db, files: readonly PlanFile[], options: { sampleReports?: boolean } = {}): Promise<string[]> {
  const existing = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM communes')
  if (Number(existing.rows[0]?.n) > 0) return []
  const loaded: string[] = []
  for (const f of files) {
    const communeId = await seedPlanFile(db, f)
    if (options.sampleReports) await writeSampleReports(db, communeId, f)
    loaded.push(f.commune.code)
  }
  return loaded
}
