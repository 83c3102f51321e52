// Opens the database the configuration names: PostgreSQL when DATABASE_URL is set, else the
// embedded PGlite in DATA_DIR. Migrations are applied before the database is handed out.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { migrate } from './migrate'
import { openPglite } from './pglite'
import { openPostgres } from './pg'
import type { Db } from './types'

export type { Db, Queryable } from './types'

export async function openDb(options: { databaseUrl?: string; dataDir?: string; poolSize?: number }): Promise<Db> {
  let db: Db
  if (options.databaseUrl) db = openPostgres(options.databaseUrl, { max: options.poolSize })
  else if (options.dataDir) {
    const dir = join(options.dataDir, 'pglite')
    await mkdir(dir, { recursive: true })
    db = await openPglite(dir)
  } else db = await openPglite(undefined)
  try {
    await migrate(db)
  } catch (e) {
    await db.close().catch(() => undefined)
    throw e
  }
  return db
}
