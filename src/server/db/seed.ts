// Writes a plan file (commune, units, plan, periods, accounts) into the database, and loads the
// demo communes on first start.
import type { PlanFile } from '../../shared/planFile'
import { provinceCodeOf } from '../../shared/province'
import { hashPassword } from '../auth/passwords'
import { writeSampleReports } from '../demo/sampleReports'
import { insertYearPeriods } from './periods'
import { writePlan } from './plans'
import { provinceByName } from './provinces'
import type { Db } from './types'
import { bumpVersion } from './versions'

/**
 * Creates the commune of a plan file with everything in it, in one transaction; its province is
 * found by name or created. Returns its id. Accounts from a demo file are marked `demo`: their
 * password is published, and a production server refuses to start while one is active.
 */
export async function seedPlanFile(db: Db, file: PlanFile, options: { demo?: boolean } = {}): Promise<number> {
  // Hash outside the transaction: scrypt is slow on purpose, a transaction should not wait for it.
  const hashes = await Promise.all(file.accounts.map((a) => hashPassword(a.password)))
  return db.transaction(async (tx) => {
    const c = file.commune
    const provinceId = await provinceByName(tx, c.province, provinceCodeOf(c.province))
    const created = await tx.query<{ id: number }>(
      'INSERT INTO communes (code, name, kind, district, province_id, admin_code) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [c.code, c.name, c.kind, c.district ?? null, provinceId, c.adminCode ?? null],
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
      const scope = a.role === 'admin' ? [null, null] : a.role === 'province_admin' || a.role === 'province_viewer' ? [null, provinceId] : [communeId, null]
      const r = await tx.query<{ id: number }>(
        'INSERT INTO users (commune_id, province_id, username, display_name, role, password_hash, demo) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
        [...scope, a.username, a.displayName, a.role, hashes[i], options.demo === true],
      )
      for (const code of a.units) {
        await tx.query('INSERT INTO user_units (user_id, unit_id) VALUES ($1, $2)', [r.rows[0]!.id, unitIds.get(code)])
      }
    }
    return communeId
  })
}

/**
 * Loads the demo communes when the database has no commune yet, with sample reports for the
 * quarters already past when asked (src/server/demo/sampleReports.ts). Returns the codes loaded.
 * Callers starting several instances at once hold the start-up lock around it (start.ts).
 */
export async function seedDemoIfEmpty(db: Db, files: readonly PlanFile[], options: { sampleReports?: boolean; now?: Date } = {}): Promise<string[]> {
  const existing = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM communes')
  if (Number(existing.rows[0]?.n) > 0) return []
  const loaded: string[] = []
  for (const f of files) {
    const communeId = await seedPlanFile(db, f, { demo: true })
    if (options.sampleReports) await writeSampleReports(db, communeId, f, options.now ?? new Date())
    loaded.push(f.commune.code)
  }
  return loaded
}
