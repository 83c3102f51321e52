// The phone's merge rules (src/client/sync/merge.ts) as properties, without IndexedDB: a pull
// taken twice changes nothing, an edit still waiting is never overwritten, and a push's answers
// never move the server state backwards.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CellRow, RegistrationRow, ReportRow } from '../../../src/client/local/db'
import { SettledCells, cellFromApplied, cellFromConflict, cellFromPull, forward, registrationFromPull, registrationMoved, reportFromPull, reportMoved } from '../../../src/client/sync/merge'
import type { PulledRegistration, PulledReport, PulledValue, ServerCell } from '../../../src/shared/protocol'

const KEY = { commune: 'tqt', unit: 'TDP01', period: '2024-Q1', indicator: 'LUA_SL' }
const stamp = { by: 'Trưởng thôn', now: new Date('2024-05-10T08:00:00.000Z') }

const numberArb = fc.integer({ min: 0, max: 10_000 }).map((value) => ({ kind: 'number' as const, value }))
const serverArb = fc.record({
  value: fc.option(numberArb, { nil: null }),
  note: fc.option(fc.string({ maxLength: 8 }), { nil: null }),
  version: fc.integer({ min: 1, max: 50 }),
  updatedBy: fc.option(fc.string({ maxLength: 8 }), { nil: null }),
  updatedAt: fc.option(fc.constant('2024-05-01T00:00:00.000Z'), { nil: null }),
})
const localArb = fc.option(fc.record({ value: fc.option(numberArb, { nil: null }), note: fc.option(fc.string({ maxLength: 8 }), { nil: null }), at: fc.constant('2024-05-02T00:00:00.000Z') }), { nil: null })
const cellArb: fc.Arbitrary<CellRow | undefined> = fc.option(
  fc.record({ server: fc.option(serverArb, { nil: null }), local: localArb }).map((c) => ({ ...KEY, ...c }) as CellRow),
  { nil: undefined },
)
const pulledValueArb: fc.Arbitrary<PulledValue> = serverArb.map((s) => ({ ...s, unit: KEY.unit, period: KEY.period, indicator: KEY.indicator }) as PulledValue)

/** A push's answer for the cell: applied at a version, or a conflict with the server's state. */
const answerArb = fc.oneof(
  fc.record({ kind: fc.constant('applied' as const), value: fc.option(numberArb, { nil: null }), version: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ kind: fc.constant('conflict' as const), server: serverArb as fc.Arbitrary<ServerCell> }),
)

describe('forward: the server state only moves forward', () => {
  it('keeps the newer of two states, the incoming one on a tie unless strict', () => {
    const a = { version: 3, x: 'a' }
    const b = { version: 3, x: 'b' }
    expect(forward(a, b)).toBe(b)
    expect(forward(a, b, true)).toBe(a)
    expect(forward(a, { version: 2, x: 'c' })).toBe(a)
    expect(forward(null, a)).toBe(a)
  })
})

describe('cells', () => {
  it('property: a pull taken twice is the pull taken once', () => {
    fc.assert(
      fc.property(cellArb, pulledValueArb, (stored, v) => {
        const once = cellFromPull(stored, KEY.commune, v)
        // The second time it is the stored row itself: the engine does not write it again.
        expect(cellFromPull(once, KEY.commune, v)).toBe(once)
      }),
    )
  })

  it("a value applied with the server's time is the row the pull brings: the pull gives the stored row back", () => {
    const applied = cellFromApplied(undefined, KEY, { value: { kind: 'number', value: 12 }, note: null }, 7, stamp, false)
    const pulled: PulledValue = { ...KEY, value: { kind: 'number', value: 12 }, note: null, version: 7, updatedBy: stamp.by, updatedAt: stamp.now.toISOString() }
    expect(cellFromPull(applied, KEY.commune, pulled)).toBe(applied)
    // Any difference (here another writer's name) is taken from the pull.
    expect(cellFromPull(applied, KEY.commune, { ...pulled, updatedBy: 'Cán bộ xã' }).server?.updatedBy).toBe('Cán bộ xã')
  })

  it('property: a pulled value the run settled is the stored row (skipping it is what cellFromPull does); any other is not held', () => {
    fc.assert(
      fc.property(cellArb, fc.option(numberArb, { nil: null }), fc.integer({ min: 1, max: 50 }), (arbitrary, value, version) => {
        // As read from IndexedDB: plain objects (fast-check's records have no prototype).
        const stored = arbitrary && { ...arbitrary, server: arbitrary.server && { ...arbitrary.server } }
        const settled = cellFromApplied(stored, KEY, { value, note: null }, version, stamp, false)
        const run = new SettledCells()
        run.remember([settled])
        const pulled: PulledValue = { ...KEY, ...settled.server!, updatedAt: settled.server!.updatedAt! }
        expect(run.holds(pulled)).toBe(true)
        expect(cellFromPull(settled, KEY.commune, pulled)).toBe(settled)
        // Another state of the same cell (a later version, another writer) is pulled as usual.
        expect(run.holds({ ...pulled, version: pulled.version + 1 })).toBe(false)
        expect(run.holds({ ...pulled, updatedBy: 'Cán bộ xã' })).toBe(false)
        expect(run.holds({ ...pulled, indicator: 'LUA_DT' })).toBe(false)
      }),
    )
  })

  it('property: an edit still waiting is never overwritten, by a pull, an applied answer for another entry or a conflict', () => {
    fc.assert(
      fc.property(cellArb, pulledValueArb, answerArb, (stored, v, answer) => {
        const local = stored?.local ?? null
        expect(cellFromPull(stored, KEY.commune, v).local).toEqual(local)
        const after = answer.kind === 'applied' ? cellFromApplied(stored, KEY, { value: answer.value }, answer.version, stamp, true) : cellFromConflict(stored, KEY, answer.server)
        expect(after.local).toEqual(local)
      }),
    )
  })

  it('property: a push’s answers, in any order and repeated, never move the server version backwards', () => {
    fc.assert(
      fc.property(cellArb, fc.array(answerArb, { maxLength: 12 }), (stored, answers) => {
        let cell = stored
        let version = stored?.server?.version ?? 0
        for (const a of answers) {
          cell = a.kind === 'applied' ? cellFromApplied(cell, KEY, { value: a.value }, a.version, stamp, true) : cellFromConflict(cell, KEY, a.server)
          const now = cell.server?.version ?? 0
          expect(now).toBeGreaterThanOrEqual(version)
          version = now
        }
      }),
    )
  })

  it('an applied value takes the server state and keeps the note when the mutation sent none; a late duplicate changes nothing', () => {
    const stored: CellRow = { ...KEY, server: { value: { kind: 'number', value: 5 }, note: 'ghi chú', version: 4, updatedBy: null, updatedAt: null }, local: null }
    const applied = cellFromApplied(stored, KEY, { value: { kind: 'number', value: 7 } }, 6, stamp, false)
    expect(applied.server).toEqual({ value: { kind: 'number', value: 7 }, note: 'ghi chú', version: 6, updatedBy: 'Trưởng thôn', updatedAt: '2024-05-10T08:00:00.000Z' })
    expect(cellFromApplied(applied, KEY, { value: { kind: 'number', value: 7 } }, 6, stamp, false).server).toBe(applied.server)
    expect(cellFromApplied(applied, KEY, { value: { kind: 'number', value: 1 } }, 5, stamp, false).server).toBe(applied.server)
  })

  it('a pull is the server’s word as it is now, even older than what the phone holds (a server restored from a backup)', () => {
    const stored: CellRow = { ...KEY, server: { value: { kind: 'number', value: 9 }, note: null, version: 40, updatedBy: null, updatedAt: null }, local: null }
    const v = { ...KEY, value: { kind: 'number', value: 3 }, note: null, version: 12, updatedBy: null, updatedAt: null } as unknown as PulledValue
    expect(cellFromPull(stored, KEY.commune, v).server?.version).toBe(12)
  })
})

describe('reports and registrations', () => {
  const statusArb = fc.constantFrom('draft', 'submitted', 'approved', 'returned') as fc.Arbitrary<ReportRow['status']>
  const reportArb: fc.Arbitrary<ReportRow | undefined> = fc.option(
    fc.record({ status: fc.constantFrom('none', 'draft', 'submitted', 'approved', 'returned') as fc.Arbitrary<ReportRow['status']>, version: fc.integer({ min: 0, max: 50 }), pendingAction: fc.constantFrom(null, 'submit', 'recall') as fc.Arbitrary<ReportRow['pendingAction']> }).map(
      (r) => ({ commune: KEY.commune, unit: KEY.unit, period: KEY.period, returnReason: null, comments: {}, ...r }),
    ),
    { nil: undefined },
  )
  const pulledReportArb = fc.record({ status: statusArb, version: fc.integer({ min: 1, max: 50 }), returnReason: fc.option(fc.string({ maxLength: 6 }), { nil: null }) }).map(
    (r) => ({ unit: KEY.unit, period: KEY.period, comments: {}, ...r }) as PulledReport,
  )

  it('property: a pulled report taken twice is taken once, and keeps the user’s pending submit or recall', () => {
    fc.assert(
      fc.property(reportArb, pulledReportArb, (stored, r) => {
        const once = reportFromPull(stored, KEY.commune, r)
        expect(reportFromPull(once, KEY.commune, r)).toBe(once)
        expect(once.pendingAction).toBe(stored?.pendingAction ?? null)
      }),
    )
  })

  it('property: answers never move a report’s version backwards, and keep its pending action', () => {
    fc.assert(
      fc.property(reportArb.filter((r): r is ReportRow => r !== undefined), fc.array(fc.tuple(statusArb, fc.integer({ min: 0, max: 50 })), { maxLength: 10 }), (stored, moves) => {
        let r = stored
        for (const [status, version] of moves) {
          const next = reportMoved(r, status, version)
          expect(next.version).toBeGreaterThanOrEqual(r.version)
          expect(next.pendingAction).toBe(stored.pendingAction)
          r = next
        }
      }),
    )
  })

  it('a pulled registration keeps the user’s pending action and draft; a move never goes back', () => {
    const stored: RegistrationRow = {
      commune: KEY.commune,
      unit: KEY.unit,
      year: 2024,
      status: 'draft',
      content: { collective: [], people: [], pledges: '' },
      returnReason: null,
      version: 5,
      pending: { action: 'submit' },
      draft: { collective: ['TDPVH'], people: [], pledges: 'giữ vững' },
    }
    const pulled: PulledRegistration = { unit: KEY.unit, year: 2024, status: 'returned', content: { collective: [], people: [], pledges: '' }, returnReason: 'thiếu', version: 7 } as PulledRegistration
    const after = registrationFromPull(stored, KEY.commune, pulled)
    expect([after.status, after.version, after.pending, after.draft]).toEqual(['returned', 7, stored.pending, stored.draft])
    expect(registrationFromPull(after, KEY.commune, pulled)).toEqual(after)
    expect(registrationMoved(after, { status: 'submitted' }, 6)).toBe(after)
  })
})
