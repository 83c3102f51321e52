// The embedded database: PGlite (PostgreSQL compiled to WebAssembly) keeping its files in DATA_DIR.
// One connection: PGlite runs one transaction at a time, so transactions queue here.
import { PGlite } from '@electric-sql/pglite'
import { beginStatement, type Db, type Queryable, type QueryResult, type TransactionOptions } from './types'

export async function openPglite(dataDir: string | undefined): Promise<Db> {
  // Without a folder the database lives in memory (tests).
  const pglite = dataDir ? await PGlite.create(dataDir) : await PGlite.create()
  // Queue of work on the single connection: a transaction holds it from BEGIN to COMMIT, and
  // queries outside it wait, as they would wait for a pool client.
  let tail: Promise<unknown> = Promise.resolve()
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work)
    tail = run.catch(() => undefined)
    return run
  }
  const raw: Queryable = {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const r = await pglite.query<T>(sql, params as unknown[])
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length }
    },
    async exec(sql: string): Promise<void> {
      await pglite.exec(sql)
    },
  }
  return {
    kind: 'pglite',
    query: (sql, params) => exclusive(() => raw.query(sql, params)),
    exec: (sql) => exclusive(() => raw.exec(sql)),
    transaction<T>(fn: (tx: Queryable) => Promise<T>, opts?: TransactionOptions): Promise<T> {
      return exclusive(async () => {
        await raw.query(beginStatement(opts))
        try {
          const result = await fn(raw)
          await raw.query('COMMIT')
          return result
        } catch (e) {
          await raw.query('ROLLBACK').catch(() => undefined)
          throw e
        }
      })
    },
    // One process owns an embedded database's folder: nobody else can be starting beside it.
    withLock: <T>(_key: number, fn: () => Promise<T>): Promise<T> => fn(),
    async close() {
      await exclusive(() => pglite.close())
    },
  }
}
