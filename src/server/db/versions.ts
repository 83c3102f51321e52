// The per-commune version counter (docs/sync.md).
import type { Queryable } from './types'

/**
 * Increments the commune's version and returns it. Call it first in every write transaction:
 * the row lock it takes is held until commit, so a commune's writers commit in version order
 * and a reader that sees version V has every change up to V committed.
 */
export async function bumpVersion(tx: Queryable, communeId: number): Promise<number> {
  const r = await tx.query<{ version: number }>('UPDATE communes SET version = version + 1 WHERE id = $1 RETURNING version', [communeId])
  const row = r.rows[0]
  if (!row) throw new Error(`commune ${communeId} does not exist`)
  return Number(row.version)
}
