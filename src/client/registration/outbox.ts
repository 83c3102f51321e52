// A unit's registration of a year in the outbox (IndexedDB `outbox`, `registrations`): queued with
// its local state in the caller's rw transaction over OUTBOX_TABLES (local/outbox.ts), like a
// report's submit. Kept out of src/client/local so that the phone's first load does not carry it:
// the registration screen and the sync engine, both loaded lazily, use it.
import type { RegistrationMutation } from '../../shared/protocol'
import type { RegistrationContent } from '../../shared/registration'
import { REPORT_TARGET, type RegistrationRow, type ReportAction, type ThiDuaDb } from '../local/db'
import { addEntry, coalescible, entriesFor, readEntries, type CellTarget, type Queued, type WriteContext } from '../local/outbox'

export interface RegistrationTarget {
  commune: string
  unit: string
  year: number
}

/** The outbox key `period` of a registration: never a period code (codes have no `:`). */
export const registrationPeriod = (year: number): string => `dk:${year}`

/** The outbox key of a unit's registration of a year. */
export const registrationKey = (t: RegistrationTarget): CellTarget => ({ commune: t.commune, unit: t.unit, period: registrationPeriod(t.year), indicator: REPORT_TARGET })

export const emptyRegistration = (commune: string, unit: string, year: number): RegistrationRow => ({
  commune,
  unit,
  year,
  status: 'none',
  content: { collective: [], people: [], pledges: '' },
  returnReason: null,
  version: 0,
  pending: null,
  draft: null,
})

/** A registration's content copied field by field: a Vue proxy becomes a plain object, in the wire shape. */
export function plainContent(c: RegistrationContent): RegistrationContent {
  return {
    collective: c.collective.map(String),
    people: c.people.map((p) => ({ name: String(p.name), position: String(p.position), title: String(p.title) })),
    pledges: String(c.pledges),
  }
}

/**
 * Queues a submit (with the whole content) or a recall of a unit's registration. An unsent
 * submit takes new content in place; an unsent submit followed by a recall cancel each other. A
 * submit after an unsent recall is a new entry: the recall must reach the server first.
 */
export async function queueRegistration(ctx: WriteContext, t: RegistrationTarget, action: ReportAction, content?: RegistrationContent, baseVersion?: number): Promise<Queued | null> {
  const { db } = ctx
  const key = registrationKey(t)
  const plain = content && plainContent(content)
  const open = coalescible(...(await readEntries(db, key)))
  const row = (await db.registrations.get([t.commune, t.unit, t.year])) ?? emptyRegistration(t.commune, t.unit, t.year)
  if (open && open.mutation.kind === 'registration' && open.mutation.action === 'submit') {
    if (action === 'recall') {
      await db.outbox.delete(open.seq)
      await settleRegistration(db, t)
      return null
    }
    const m: RegistrationMutation = { ...open.mutation, clientTime: ctx.now.toISOString(), ...(plain ? { content: plain } : {}), ...(baseVersion !== undefined ? { baseVersion } : {}) }
    await db.outbox.update(open.seq, { mutation: m })
    await db.registrations.put({ ...row, pending: { action, ...(m.content ? { content: m.content } : {}) }, draft: null })
    return { seq: open.seq, mutationId: open.mutationId, coalesced: true }
  }
  const mutation: RegistrationMutation = {
    kind: 'registration',
    mutationId: ctx.newId(),
    deviceId: ctx.deviceId,
    unit: t.unit,
    year: t.year,
    action,
    ...(plain && action === 'submit' ? { content: plain } : {}),
    baseVersion: baseVersion ?? row.version,
    clientTime: ctx.now.toISOString(),
  }
  const seq = await addEntry(db, key, mutation, ctx.now)
  await db.registrations.put({ ...row, pending: { action, ...(mutation.content ? { content: mutation.content } : {}) }, draft: action === 'submit' ? null : row.draft })
  return { seq, mutationId: mutation.mutationId, coalesced: false }
}

/** After a registration entry left the outbox: the pending action is the last remaining entry's, or none. */
export async function settleRegistration(db: ThiDuaDb, t: RegistrationTarget): Promise<void> {
  const last = (await entriesFor(db, registrationKey(t))).at(-1)?.mutation
  const pending = last?.kind === 'registration' ? { action: last.action, ...(last.content ? { content: last.content } : {}) } : null
  const row = await db.registrations.get([t.commune, t.unit, t.year])
  if (row && JSON.stringify(row.pending) !== JSON.stringify(pending)) await db.registrations.put({ ...row, pending })
}
