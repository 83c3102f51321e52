// Server settings, read once at start from the environment: where to listen, where data lives, how much to log.

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

export interface Config {
  port: number
  host: string
  /** Folder for the server's own files: the embedded PGlite database lives in DATA_DIR/pglite. */
  dataDir: string
  /** `postgres://…` switches to PostgreSQL; unset means the embedded database. */
  databaseUrl: string | undefined
  logLevel: LogLevel
  /** Session cookies carry `Secure` (set COOKIE_SECURE=true behind HTTPS). */
  secureCookies: boolean
  /** Trust X-Forwarded-* from a reverse proxy (TRUST_PROXY=true). */
  trustProxy: boolean
  /** Load the demo communes into an empty database at start (DEMO=false to skip). */
  demo: boolean
  /** With the demo: a year of sample reports for the units without a demo account (DEMO_REPORTS=false to skip). */
  demoReports: boolean
  /** Connections in the PostgreSQL pool of one instance. */
  poolSize: number
  /** The built PWA to serve (DIST_DIR); unset means the project's dist/. */
  distDir: string | undefined
}

type Env = Record<string, string | undefined>

/** Reads the settings from `env`; an unusable value stops the start with a message naming the variable. */
export function readConfig(env: Env): Config {
  return {
    port: readPort(env.PORT),
    host: nonEmpty(env.HOST) ?? '0.0.0.0',
    dataDir: nonEmpty(env.DATA_DIR) ?? './data',
    databaseUrl: nonEmpty(env.DATABASE_URL),
    logLevel: readLogLevel(env.LOG_LEVEL),
    secureCookies: readBool('COOKIE_SECURE', env.COOKIE_SECURE, false),
    trustProxy: readBool('TRUST_PROXY', env.TRUST_PROXY, false),
    demo: readBool('DEMO', env.DEMO, true),
    demoReports: readBool('DEMO_REPORTS', env.DEMO_REPORTS, true),
    poolSize: readInt('DB_POOL_SIZE', env.DB_POOL_SIZE, 10, 1, 200),
    distDir: nonEmpty(env.DIST_DIR),
  }
}

function readBool(name: string, raw: string | undefined, fallback: boolean): boolean {
  const text = nonEmpty(raw)?.toLowerCase()
  if (text === undefined) return fallback
  if (['1', 'true', 'yes', 'on'].includes(text)) return true
  if (['0', 'false', 'no', 'off'].includes(text)) return false
  throw new Error(`${name} must be true or false, got "${raw}"`)
}

function readInt(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  const text = nonEmpty(raw)
  if (text === undefined) return fallback
  const n = /^\d{1,6}$/.test(text) ? Number(text) : NaN
  if (!(n >= min && n <= max)) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`)
  return n
}

function nonEmpty(value: string | undefined): string | undefined {
  const v = value?.trim()
  return v === undefined || v === '' ? undefined : v
}

function readPort(raw: string | undefined): number {
  const text = nonEmpty(raw)
  if (text === undefined) return 8080
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN
  if (!(port >= 1 && port <= 65535)) {
    throw new Error(`PORT must be a whole number from 1 to 65535, got "${raw}"`)
  }
  return port
}

function readLogLevel(raw: string | undefined): LogLevel {
  const text = nonEmpty(raw)?.toLowerCase()
  if (text === undefined) return 'info'
  const level = LOG_LEVELS.find((l) => l === text)
  if (level === undefined) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`)
  }
  return level
}
