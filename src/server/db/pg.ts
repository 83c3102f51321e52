// PostgreSQL through node-postgres, used when DATABASE_URL is set: a pool shared by requests.
import pg from 'pg'
import { createHash } from 'node:crypto'
import { beginStatement, type Db, type Queryable, type QueryOptions, type QueryResult, type TransactionOptions } from './types'

// bigint (int8) and numeric come back as JS numbers: every version and id stays below 2^53.
pg.types.setTypeParser(20, (v) => Number(v))
pg.types.setTypeParser(1700, (v) => Number(v))

/** A prepared statement's name: node-postgres prepares it once per connection under that name. */
const names = new Map<string, string>()
function statementName(sql: string): string {
  let name = names.get(sql)
  if (name === undefined) {
    name = `td_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`
    // Hot-path shapes are few; a caller preparing ever new text must not grow this without bound.
    if (names.size < 1000) names.set(sql, name)
  }
  return name
}

/**
 * A pool runs queries side by side; one client (a transaction) runs them one after another, so
 * its queries queue here rather than overlap (what node-postgres deprecates).
 */
function wrap(client: pg.Pool | pg.PoolClient, serial: boolean): Queryable {
  let tail: Promise<unknown> = Promise.resolve()
  const run = <T>(work: () => Promise<T>): Promise<T> => {
    if (!serial) return work()
    const next = tail.then(work, work)
    tail = next.catch(() => undefined)
    return next
  }
  return {
    query<T>(sql: string, params: readonly unknown[] = [], options?: QueryOptions): Promise<QueryResult<T>> {
      return run(async () => {
        const r = options?.prepare ? await client.query({ name: statementName(sql), text: sql, values: params as unknown[] }) : await client.query(sql, params as unknown[])
        return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 }
      })
    },
    exec(sql: string): Promise<void> {
      return run(async () => {
        await client.query(sql)
      })
    },
  }
}

export function openPostgres(connectionString: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 })
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => undefined)
  const root = wrap(pool, false)
  return {
    kind: 'postgres',
    query: root.query,
    exec: root.exec,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>, opts?: TransactionOptions): Promise<T> {
      const client = await pool.connect()
      try {
        await client.query(beginStatement(opts))
        const result = await fn(wrap(client, true))
        await client.query('COMMIT')
        return result
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw e
      } finally {
        client.release()
      }
    },
    async withLock<T>(key: number, fn: () => Promise<T>): Promise<T> {
      // A session lock lives on one connection: that client holds it, idle, while fn works
      // through the rest of the pool.
      const client = await pool.connect()
      try {
        await client.query('SELECT pg_advisory_lock($1)', [key])
        try {
          return await fn()
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined)
        }
      } finally {
        client.release()
      }
    },
    async close() {
      await pool.end()
    },
  }
}
