// The schemas of the sync responses (docs/sync.md): the phone checks every push and pull answer
// with them before it writes anything, so a broken or foreign answer (a proxy's page, a server
// bug, a newer server's change of shape) is a server error to retry, never data in IndexedDB.
// Built from the same domain schemas the server parses its input with. The phone loads this
// module lazily, with the sync engine: valibot stays out of the entry bundle (vite.config.ts).
import * as v from 'valibot'
import { EvidenceSchema } from './evidence'
import { PeriodSchema, PlanSchema, ReportStatusSchema, UnitSchema, ValueDataSchema } from './model'
import { RegistrationContentSchema, RegistrationSettingsSchema, RegistrationStatusSchema, RegistrationTitleSchema } from './registration'
import type { MutationOutcome, PullResponse, PushResponse, RejectionCode } from './protocol'

const VersionSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER))
const IdSchema = v.pipe(v.string(), v.minLength(1))

// Every code RejectionCode names, checked both ways by the compiler: a code added there must be
// added here, or the phone would refuse the answers that carry it.
const REJECTION_CODES = {
  invalid: true,
  not_found: true,
  forbidden: true,
  not_assigned: true,
  period_locked: true,
  report_submitted: true,
  report_approved: true,
  invalid_transition: true,
  registration_closed: true,
  title_not_offered: true,
  duplicate_registration: true,
  registration_approved: true,
} as const satisfies Record<RejectionCode, true>

const ServerCellSchema = v.object({
  value: v.nullable(ValueDataSchema),
  note: v.nullable(v.string()),
  version: VersionSchema,
  updatedBy: v.nullable(v.string()),
  updatedAt: v.nullable(v.string()),
})

const ReportConflictSchema = v.object({ status: v.picklist([...ReportStatusSchema.options, 'none']), version: VersionSchema })

const FinalOutcomeSchema = v.variant('status', [
  v.object({ mutationId: IdSchema, status: v.literal('applied'), version: VersionSchema }),
  // A cell conflict carries the cell (it has `value`); a report conflict only status and version.
  v.object({ mutationId: IdSchema, status: v.literal('conflict'), server: v.union([ServerCellSchema, ReportConflictSchema]) }),
  v.object({ mutationId: IdSchema, status: v.literal('rejected'), code: v.picklist(Object.keys(REJECTION_CODES) as RejectionCode[]), message: IdSchema }),
])

const OutcomeSchema = v.variant('status', [...FinalOutcomeSchema.options, v.object({ mutationId: IdSchema, status: v.literal('duplicate'), original: FinalOutcomeSchema })])

export const PushResponseSchema = v.object({
  outcomes: v.array(OutcomeSchema),
  version: VersionSchema,
  // A server from before it sent its time sends none.
  at: v.optional(v.pipe(v.string(), v.isoTimestamp())),
  by: v.optional(v.string()),
  // A server from before it said whether the push wrote at `version` sends none.
  written: v.optional(v.boolean()),
})

export const PullResponseSchema = v.object({
  cursor: VersionSchema,
  more: v.boolean(),
  values: v.array(
    v.object({
      unit: IdSchema,
      period: IdSchema,
      indicator: IdSchema,
      value: v.nullable(ValueDataSchema),
      note: v.nullable(v.string()),
      version: VersionSchema,
      updatedBy: v.nullable(v.string()),
      updatedAt: v.string(),
    }),
  ),
  reports: v.array(
    v.object({
      unit: IdSchema,
      period: IdSchema,
      status: ReportStatusSchema,
      returnReason: v.nullable(v.string()),
      // A server from before comments sends none.
      comments: v.optional(v.record(v.string(), v.string()), {}),
      version: VersionSchema,
    }),
  ),
  periods: v.array(v.intersect([PeriodSchema, v.object({ version: VersionSchema })])),
  units: v.array(v.object({ ...UnitSchema.entries, active: v.boolean(), version: VersionSchema })),
  plans: v.array(v.object({ year: v.pipe(v.number(), v.integer()), version: VersionSchema, plan: PlanSchema })),
  // A server from before registration sends none of these.
  registrations: v.optional(
    v.array(
      v.object({
        unit: IdSchema,
        year: v.pipe(v.number(), v.integer()),
        status: RegistrationStatusSchema,
        content: RegistrationContentSchema,
        returnReason: v.nullable(v.string()),
        version: VersionSchema,
      }),
    ),
    [],
  ),
  registrationTitles: v.optional(v.array(v.object({ ...RegistrationTitleSchema.entries, version: VersionSchema })), []),
  registrationSettings: v.optional(v.array(v.object({ ...RegistrationSettingsSchema.entries, year: v.pipe(v.number(), v.integer()), version: VersionSchema })), []),
  // Evidence files' metadata (a server before evidence sends none): kept by the phone's evidence database.
  evidence: v.optional(v.array(EvidenceSchema), []),
})

/** The push answer as the phone may use it, or undefined when it is not one. */
export function parsePushResponse(data: unknown): PushResponse | undefined {
  const r = v.safeParse(PushResponseSchema, data)
  if (!r.success) return undefined
  const { outcomes, version, at, by, written } = r.output
  return { outcomes: outcomes satisfies MutationOutcome[], version, ...(at === undefined ? {} : { at }), ...(by === undefined ? {} : { by }), ...(written === undefined ? {} : { written }) }
}

/** The pull answer as the phone may save it, or undefined when it is not one. */
export function parsePullResponse(data: unknown): PullResponse | undefined {
  const r = v.safeParse(PullResponseSchema, data)
  return r.success ? r.output : undefined
}
