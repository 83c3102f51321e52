// The one database interface the server codes against; pglite.ts and pg.ts implement it.

export interface QueryResult<T> {
  rows: T[]
  rowCount: number
}

export interface QueryOptions {
  /**
   * Keep the statement prepared on the connection (PostgreSQL: a named statement, parsed and
   * planned once per connection instead of at every call). For the hot paths (push, session),
   * whose SQL text is one of a few fixed shapes; PGlite ignores it.
   */
  prepare?: boolean
}

/** Something that runs SQL: the database itself, or a transaction on it. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<QueryResult<T>>
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>
}

export type IsolationLevel = 'read committed' | 'repeatable read' | 'serializable'

export interface TransactionOptions {
  isolation?: IsolationLevel
  readOnly?: boolean
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws.
   * Nothing `fn` wrote survives a throw.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>
  /**
   * Runs `fn` while holding the PostgreSQL session advisory lock `key`: instances started at the
   * same moment on one database run it one after another (start-up seeding). `fn` uses the
   * database as usual, in as many transactions as it likes.
   */
  withLock<T>(key: number, fn: () => Promise<T>): Promise<T>
  close(): Promise<void>
}

export function beginStatement(options: TransactionOptions = {}): string {
  const parts = ['BEGIN']
  if (options.isolation) parts.push(`ISOLATION LEVEL ${options.isolation.toUpperCase()}`)
  if (options.readOnly) parts.push('READ ONLY')
  return parts.join(' ')
}
