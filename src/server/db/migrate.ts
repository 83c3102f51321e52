// Applies the plain SQL files in ./migrations in name order, once each. Safe to run at every
// start and from several instances at once (an advisory lock serialises them).
import { readdir, readFile } from 'node:fs/promises'
import type { Db } from './types'

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url)
const LOCK_KEY = 71_352_024

export async function migrate(db: Db): Promise<string[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort()
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY])
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())')
    const done = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name))
    const applied: string[] = []
    for (const file of files) {
      if (done.has(file)) continue
      await tx.exec(await readFile(new URL(file, MIGRATIONS_DIR), 'utf8'))
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file])
      applied.push(file)
    }
    return applied
  })
}
