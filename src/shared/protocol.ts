// The sync wire contract (docs/sync.md), imported by the phone's sync engine and by the
// server's ingest alike. Push sends mutations; pull returns changes above a cursor.
import * as v from 'valibot'
import { CodeSchema, PeriodSchema, ReportStatusSchema, UnitSchema, ValueDataSchema } from './model'
import { TextSchema } from './text'
import type { Evidence } from './evidence'
import { RegistrationContentSchema, RegistrationYearSchema, type RegistrationContent, type RegistrationSettings, type RegistrationStatus, type RegistrationTitle } from './registration'

export { MAX_PUSH_BATCH, PULL_PAGE_LIMIT } from './limits'
import { MAX_PUSH_BATCH, PULL_PAGE_LIMIT, PULL_SKIP_LIMIT } from './limits'

/** A client-made id: a UUID or any 8–64 characters of [A-Za-z0-9_-]. */
export const MutationIdSchema = v.pipe(TextSchema, v.regex(/^[A-Za-z0-9_-]{8,64}$/, 'mutationId phải gồm 8–64 ký tự chữ, số, _ hoặc -'))
export const DeviceIdSchema = v.pipe(TextSchema, v.regex(/^[A-Za-z0-9_-]{8,64}$/, 'deviceId phải gồm 8–64 ký tự chữ, số, _ hoặc -'))

/** The version a mutation was based on: the cell's version the device last saw, 0 when it saw none. */
const BaseVersionSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER))
const ClientTimeSchema = v.pipe(TextSchema, v.isoTimestamp('clientTime phải là thời điểm ISO 8601'))
const NoteSchema = v.pipe(TextSchema, v.maxLength(2000, 'ghi chú tối đa 2.000 ký tự'))

/** Sets (or, with `value: null`, clears) one cell: (unit, period, indicator). */
export const ValueMutationSchema = v.object({
  kind: v.literal('value'),
  mutationId: MutationIdSchema,
  deviceId: DeviceIdSchema,
  unit: CodeSchema,
  period: CodeSchema,
  indicator: CodeSchema,
  value: v.nullable(ValueDataSchema),
  note: v.optional(v.nullable(NoteSchema)),
  baseVersion: BaseVersionSchema,
  clientTime: ClientTimeSchema,
})
export type ValueMutation = v.InferOutput<typeof ValueMutationSchema>

/** Submits a unit's report for a period, or recalls a submitted one not yet approved. */
export const ReportMutationSchema = v.object({
  kind: v.literal('report'),
  mutationId: MutationIdSchema,
  deviceId: DeviceIdSchema,
  unit: CodeSchema,
  period: CodeSchema,
  action: v.picklist(['submit', 'recall']),
  baseVersion: BaseVersionSchema,
  clientTime: ClientTimeSchema,
})
export type ReportMutation = v.InferOutput<typeof ReportMutationSchema>

/**
 * A unit's registration for emulation titles of a year (đăng ký thi đua): `submit` sends it with
 * its whole content (absent: the content the server holds), `recall` takes back a submitted one
 * not yet approved. Its `baseVersion` is the registration's version (0 if none).
 */
export const RegistrationMutationSchema = v.object({
  kind: v.literal('registration'),
  mutationId: MutationIdSchema,
  deviceId: DeviceIdSchema,
  unit: CodeSchema,
  year: RegistrationYearSchema,
  action: v.picklist(['submit', 'recall']),
  content: v.optional(RegistrationContentSchema),
  baseVersion: BaseVersionSchema,
  clientTime: ClientTimeSchema,
})
export type RegistrationMutation = v.InferOutput<typeof RegistrationMutationSchema>

export const MutationSchema = v.variant('kind', [ValueMutationSchema, ReportMutationSchema, RegistrationMutationSchema])
export type Mutation = v.InferOutput<typeof MutationSchema>

// ---------------------------------------------------------------------------
// Protocol version: push and pull say which protocol the phone speaks (docs/sync.md)

export { MIN_PROTOCOL_VERSION, PROTOCOL_VERSION } from './limits'

const ProtocolVersionNumberSchema = v.pipe(v.number(), v.integer(), v.minValue(1, 'protocolVersion phải là số nguyên dương'), v.maxValue(9999))

/** The version of a push body, read before anything else in it; absent is version 1. */
export const PushVersionSchema = v.object({ protocolVersion: v.optional(ProtocolVersionNumberSchema, 1) })

/** The version of a pull query string, read before the rest; absent is version 1. */
export const PullVersionSchema = v.object({
  protocolVersion: v.optional(v.pipe(TextSchema, v.regex(/^\d{1,4}$/, 'protocolVersion phải là số nguyên dương'), v.transform(Number), v.minValue(1)), '1'),
})

/**
 * A push body. Mutations are checked one by one on the server (a malformed one is rejected
 * alone), so the body schema only fixes the envelope.
 */
export const PushRequestSchema = v.object({
  protocolVersion: PushVersionSchema.entries.protocolVersion,
  deviceId: DeviceIdSchema,
  mutations: v.pipe(v.array(v.unknown()), v.minLength(1, 'không có thay đổi nào'), v.maxLength(MAX_PUSH_BATCH, `tối đa ${MAX_PUSH_BATCH} thay đổi mỗi lần gửi`)),
})
export type PushRequest = { protocolVersion?: number; deviceId: string; mutations: Mutation[] }

/** Why the server refused a mutation. The message is Vietnamese, for the user. */
export type RejectionCode =
  | 'invalid'
  | 'not_found'
  | 'forbidden'
  | 'not_assigned'
  | 'period_locked'
  | 'report_submitted'
  | 'report_approved'
  | 'invalid_transition'
  // Registration mutations only (a phone that sends none never gets these).
  | 'registration_closed'
  | 'title_not_offered'
  | 'duplicate_registration'
  | 'registration_approved'

export interface ServerCell {
  value: v.InferOutput<typeof ValueDataSchema> | null
  note: string | null
  version: number
  updatedBy: string | null
  updatedAt: string | null
}

export type MutationOutcome =
  | { mutationId: string; status: 'applied'; version: number }
  /** Seen before: `original` is what the first push got. Nothing changed this time. */
  | { mutationId: string; status: 'duplicate'; original: Exclude<MutationOutcome, { status: 'duplicate' }> }
  /** The cell moved on since `baseVersion`: the server's current state, for the user to choose. */
  | { mutationId: string; status: 'conflict'; server: ServerCell | { status: v.InferOutput<typeof ReportStatusSchema> | 'none'; version: number } }
  | { mutationId: string; status: 'rejected'; code: RejectionCode; message: string }

export interface PushResponse {
  outcomes: MutationOutcome[]
  /** The commune's version after this push (not a pull cursor: pull to catch up). */
  version: number
  /**
   * The server's time of this push's writes (ISO 8601) and the name it writes them by: the
   * `updatedAt` and `updatedBy` its applied values got, so that the phone's copy is what a pull
   * will bring. Absent from an older server.
   */
  at?: string
  by?: string
  /**
   * This push wrote its changes at `version` (every row stamped with it is this push's); false
   * when it wrote nothing and `version` is the commune's as it was. Absent from an older server.
   */
  written?: boolean
}

// ---------------------------------------------------------------------------
// Pull

export const PullQuerySchema = v.object({
  protocolVersion: PullVersionSchema.entries.protocolVersion,
  cursor: v.pipe(TextSchema, v.regex(/^\d{1,15}$/, 'cursor phải là số nguyên không âm'), v.transform(Number)),
  limit: v.optional(v.pipe(TextSchema, v.regex(/^\d{1,5}$/), v.transform(Number), v.minValue(1), v.maxValue(PULL_PAGE_LIMIT)), String(PULL_PAGE_LIMIT)),
  /**
   * Versions written by this device's own pushes whose every value it already holds as the server
   * wrote it (the push's answer, with its `at` and `by`): their values are not sent. Comma-separated,
   * at most PULL_SKIP_LIMIT. An older server ignores it and sends them; so does this one for any
   * other row of those versions (reports, registrations).
   */
  skip: v.optional(
    v.pipe(
      TextSchema,
      v.regex(new RegExp(`^\\d{1,15}(?:,\\d{1,15}){0,${PULL_SKIP_LIMIT - 1}}$`, 'u'), `skip phải là tối đa ${PULL_SKIP_LIMIT} số nguyên không âm, cách nhau bởi dấu phẩy`),
      v.transform((s) => s.split(',').map(Number)),
    ),
  ),
})

export interface PulledValue {
  unit: string
  period: string
  indicator: string
  value: v.InferOutput<typeof ValueDataSchema> | null
  note: string | null
  version: number
  updatedBy: string | null
  updatedAt: string
}

export interface PulledReport {
  unit: string
  period: string
  status: v.InferOutput<typeof ReportStatusSchema>
  returnReason: string | null
  /** The officer's comments on single values when returning the report, by indicator code ({} when none). */
  comments: Record<string, string>
  version: number
}

export type PulledPeriod = v.InferOutput<typeof PeriodSchema> & { version: number }
export type PulledUnit = v.InferOutput<typeof UnitSchema> & { active: boolean; version: number }

/** A unit's registration of a year (a village head gets their own units' only). */
export interface PulledRegistration {
  unit: string
  year: number
  status: RegistrationStatus
  content: RegistrationContent
  returnReason: string | null
  version: number
}

/** A title of the commune's list: sent once the officer edited the list (until then the phone uses the defaults). */
export type PulledRegistrationTitle = RegistrationTitle & { version: number }

/** A year's registration deadline and who may register after it. */
export type PulledRegistrationSettings = RegistrationSettings & { year: number; version: number }

export interface PullResponse {
  /** Pass back as `cursor` next time. Everything up to it has been sent. */
  cursor: number
  /** More changes wait beyond `cursor`: pull again at once. */
  more: boolean
  values: PulledValue[]
  reports: PulledReport[]
  periods: PulledPeriod[]
  units: PulledUnit[]
  /** Plans changed since the cursor, whole (plan header, fields, indicators), by year. */
  plans: { year: number; version: number; plan: unknown }[]
  /** Registrations changed since the cursor (absent from a server before registration: none). */
  registrations?: PulledRegistration[]
  registrationTitles?: PulledRegistrationTitle[]
  registrationSettings?: PulledRegistrationSettings[]
  /**
   * Evidence files' metadata changed since the cursor (uploaded, or removed: `deleted`), of the
   * units the puller may see; the bytes are fetched by id. Absent from a server before evidence: none.
   */
  evidence?: Evidence[]
}
