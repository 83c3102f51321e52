// Server settings, read once at start from the environment: where to listen, where data lives, how much to log.
import type { S3Settings } from './evidence/storage'

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
  /**
   * Session cookies carry `Secure` on every request, plain HTTP included: COOKIE_SECURE, on by
   * default when NODE_ENV=production. Over HTTPS they carry it whatever this says (routes/auth.ts).
   */
  secureCookies: boolean
  /**
   * Trust X-Forwarded-For and X-Forwarded-Proto from a reverse proxy (TRUST_PROXY=true): the
   * client address that sign-in throttling counts by, and whether the request came over HTTPS.
   */
  trustProxy: boolean
  /** NODE_ENV=production: no demo by default, and no start while a demo account is active. */
  production: boolean
  /** Load the demo communes into an empty database at start; on by default except in production. */
  demo: boolean
  /** With the demo: sample reports for the units without a demo account (DEMO_REPORTS=false to skip). */
  demoReports: boolean
  /** The year the demo presents its plans as (DEMO_YEAR); unset means the current year. */
  demoYear: number | undefined
  /** Connections in the PostgreSQL pool of one instance. */
  poolSize: number
  /** The built PWA to serve (DIST_DIR); unset means the project's dist/. */
  distDir: string | undefined
  /** The address people open (PUBLIC_URL, `https://thidua.quangngai.gov.vn`): enrolment links printed by the CLI start with it. */
  publicUrl: string
  /** Evidence files (issue 16): where their bytes live and how much a commune may store. */
  evidence: EvidenceConfig
}

export interface EvidenceConfig {
  /** EVIDENCE_S3_BUCKET set: files in S3-compatible storage; unset: under DATA_DIR/evidence. */
  s3: S3Settings | undefined
  /**
   * EVIDENCE_UPLOADS_S3=true: uploads in progress in the bucket too (several instances behind one
   * address); otherwise under DATA_DIR/evidence/uploads, so a phone resumes on the same instance.
   */
  uploadsInS3: boolean
  /** EVIDENCE_QUOTA_MB: what one commune may store in all (2048 MB unless told). */
  quotaBytes: number
}

type Env = Record<string, string | undefined>

/** Reads the settings from `env`; an unusable value stops the start with a message naming the variable. */
export function readConfig(env: Env): Config {
  const production = nonEmpty(env.NODE_ENV) === 'production'
  const port = readPort(env.PORT)
  return {
    port,
    host: nonEmpty(env.HOST) ?? '0.0.0.0',
    dataDir: nonEmpty(env.DATA_DIR) ?? './data',
    databaseUrl: nonEmpty(env.DATABASE_URL),
    logLevel: readLogLevel(env.LOG_LEVEL),
    secureCookies: readBool('COOKIE_SECURE', env.COOKIE_SECURE, env.NODE_ENV === 'production'),
    trustProxy: readBool('TRUST_PROXY', env.TRUST_PROXY, false),
    production,
    demo: readBool('DEMO', env.DEMO, !production),
    demoReports: readBool('DEMO_REPORTS', env.DEMO_REPORTS, true),
    demoYear: nonEmpty(env.DEMO_YEAR) === undefined ? undefined : readInt('DEMO_YEAR', env.DEMO_YEAR, 0, 2000, 2100),
    poolSize: readInt('DB_POOL_SIZE', env.DB_POOL_SIZE, 10, 1, 200),
    distDir: nonEmpty(env.DIST_DIR),
    publicUrl: readUrl(env.PUBLIC_URL) ?? `http://localhost:${port}`,
    evidence: readEvidence(env),
  }
}

function readEvidence(env: Env): EvidenceConfig {
  const bucket = nonEmpty(env.EVIDENCE_S3_BUCKET)
  const endpoint = nonEmpty(env.S3_ENDPOINT)
  if (endpoint !== undefined && !/^https?:\/\//.test(endpoint)) throw new Error(`S3_ENDPOINT must start with http:// or https://, got "${endpoint}"`)
  const accessKeyId = nonEmpty(env.S3_ACCESS_KEY_ID)
  const secretAccessKey = nonEmpty(env.S3_SECRET_ACCESS_KEY)
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) throw new Error('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both or neither')
  const prefix = nonEmpty(env.EVIDENCE_S3_PREFIX) ?? 'evidence/'
  if (bucket === undefined && nonEmpty(env.EVIDENCE_UPLOADS_S3) !== undefined && readBool('EVIDENCE_UPLOADS_S3', env.EVIDENCE_UPLOADS_S3, false)) {
    throw new Error('EVIDENCE_UPLOADS_S3 needs EVIDENCE_S3_BUCKET')
  }
  return {
    s3:
      bucket === undefined
        ? undefined
        : {
            bucket,
            prefix: prefix.endsWith('/') ? prefix : `${prefix}/`,
            endpoint,
            region: nonEmpty(env.S3_REGION) ?? 'us-east-1',
            forcePathStyle: readBool('S3_FORCE_PATH_STYLE', env.S3_FORCE_PATH_STYLE, endpoint !== undefined),
            accessKeyId,
            secretAccessKey,
          },
    uploadsInS3: readBool('EVIDENCE_UPLOADS_S3', env.EVIDENCE_UPLOADS_S3, false),
    quotaBytes: readInt('EVIDENCE_QUOTA_MB', env.EVIDENCE_QUOTA_MB, 2048, 1, 999_999) * 1024 * 1024,
  }
}

function readUrl(raw: string | undefined): string | undefined {
  const text = nonEmpty(raw)
  if (text === undefined) return undefined
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new Error(`PUBLIC_URL must be an http(s) address such as https://thidua.example.gov.vn, got "${raw}"`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`PUBLIC_URL must start with http:// or https://, got "${raw}"`)
  return url.origin + url.pathname.replace(/\/+$/, '')
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
