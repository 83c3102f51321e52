// Server settings, read once at start from the environment: where to listen, where data lives, how much to log.

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

export interface Config {
  port: number
  host: string
  /** Folder for the server's own files (the embedded database arrives with the database issue). */
  dataDir: string
  /** `postgres://…` switches to PostgreSQL once the database lands; unused yet. */
  databaseUrl: string | undefined
  logLevel: LogLevel
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
  }
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
