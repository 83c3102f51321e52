// What a server does before it takes requests, once the database is migrated: load the demo into
// an empty database, and refuse a production start that would let anyone in with a published
// password. Several instances starting together on one PostgreSQL do this one after another.
import type { Config } from './config'
import { seedDemoIfEmpty } from './db/seed'
import type { Db } from './db/types'
import { presentAsYear } from './demo/presentYear'
import type { DemoPlan } from './demo/loadDemo'

/** The advisory lock held while an instance prepares the database (migrations hold their own). */
export const STARTUP_LOCK = 71_352_025

/** A production start that must not go on; the message says what to do. */
export class UnsafeStartError extends Error {
  override name = 'UnsafeStartError'
}

export interface Prepared {
  /** The demo communes loaded by this instance (none when the database had communes already). */
  loaded: string[]
  /** The demo plans as shown: this year's (their source year kept in the header). */
  demo: DemoPlan[]
}

/** The demo's plans as the current year's: the inbox then shows this quarter as due. */
export function demoForYear(demo: readonly DemoPlan[], year: number): DemoPlan[] {
  return demo.map((d) => ({ ...d, file: presentAsYear(d.file, year) }))
}

export async function prepareDatabase(db: Db, config: Pick<Config, 'demo' | 'demoReports' | 'demoYear' | 'production'>, demo: readonly DemoPlan[], now: Date): Promise<Prepared> {
  if (config.production && config.demo) {
    throw new UnsafeStartError('DEMO=true cannot be used with NODE_ENV=production: the demo accounts share a published password. Unset DEMO.')
  }
  const shown = demoForYear(demo, config.demoYear ?? now.getUTCFullYear())
  return db.withLock(STARTUP_LOCK, async () => {
    const loaded = config.demo ? await seedDemoIfEmpty(db, shown.map((d) => d.file), { sampleReports: config.demoReports, now }) : []
    if (config.production) await refuseDemoAccounts(db)
    return { loaded, demo: shown }
  })
}

/** Accounts whose password was published with the demo: none may sign in on a production server. */
export async function activeDemoAccounts(db: Db): Promise<string[]> {
  const r = await db.query<{ username: string }>('SELECT username FROM users WHERE demo AND active ORDER BY username')
  return r.rows.map((u) => u.username)
}

async function refuseDemoAccounts(db: Db): Promise<void> {
  const names = await activeDemoAccounts(db)
  if (names.length === 0) return
  throw new UnsafeStartError(
    `This database has ${names.length} active demo account(s) (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}) whose password is published. ` +
      'A production server will not start with them. Use a new, empty database, or close them with `npm run admin -- close-demo-accounts`.',
  )
}
