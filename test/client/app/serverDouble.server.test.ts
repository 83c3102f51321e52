// @vitest-environment node
// The app harness's double (serverDouble.ts) decides as the REAL server does (PGlite, and
// PostgreSQL when TEST_DATABASE_URL is set): the same pushes, sent to both by a village head of
// T1, get the same outcomes: the same statuses, codes and words, the same conflicts, versions
// that move together. A rule changed in the server and not in the double fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Me } from '../../../src/client/api'
import type { SyncTransport } from '../../../src/client/sync/api'
import type { MutationOutcome, PushRequest } from '../../../src/shared/protocol'
import { DATABASES, startServer, type TestServer } from '../../server/harness'
import { openCommune, type Office } from '../../support/phoneServer'
import { ServerDouble } from './serverDouble'

const T = '2024-05-10T08:00:00.000Z'
const num = (value: number) => ({ kind: 'number' as const, value })
const head: Pick<Me, 'role' | 'units' | 'displayName'> = { role: 'reporter', units: [{ code: 'T1', name: 'Thôn 1', kind: 'thon' }], displayName: 'Trưởng thôn 1' }

/** One side: a transport, what the office does on it, and the versions it has answered (to compare by rank). */
interface Side {
  transport: SyncTransport
  lock(period: string, reason: string): Promise<unknown>
  write(unit: string, period: string, indicator: string, value: ReturnType<typeof num>): Promise<unknown>
  versions: number[]
}

/** An outcome with each version replaced by its rank among the versions this side has answered. */
function normalised(side: Side, o: MutationOutcome): unknown {
  const rank = (v: number) => {
    if (!side.versions.includes(v)) side.versions.push(v)
    return `v${side.versions.indexOf(v)}`
  }
  const strip = (x: MutationOutcome): unknown => {
    if (x.status === 'applied') return { ...x, version: rank(x.version) }
    if (x.status === 'conflict') return { ...x, server: { ...x.server, version: x.server.version === 0 ? 0 : rank(x.server.version) } }
    if (x.status === 'duplicate') return { ...x, original: strip(x.original) }
    return x
  }
  return strip(o)
}

describe.each(DATABASES)('the app harness’s double against the server on $name', (factory) => {
  let s: TestServer
  beforeAll(async () => {
    s = await startServer(factory, [])
  }, 60_000)
  afterAll(async () => {
    await s?.close()
  })

  it('answers every push with the outcomes the server gives', async () => {
    const office: Office = await openCommune(s)
    const deviceId = `${office.prefix}-device-0001`
    const double = new ServerDouble(head)
    // The double's office writes at its own clock; the server's officer at the server's.
    const real: Side = {
      transport: await office.transport(deviceId, 't1'),
      lock: (period, reason) => office.lock(period, reason),
      write: (unit, period, indicator, value) => office.write(unit, period, indicator, value),
      versions: [],
    }
    const fake: Side = {
      transport: double.transport,
      lock: async (period, reason) => double.lock(period, reason),
      write: async (unit, period, indicator, value) => double.write(unit, period, indicator, value),
      versions: [],
    }
    let n = 0
    const id = () => `${office.prefix}-mut-${String(++n).padStart(4, '0')}`
    const value = (over: Record<string, unknown>) => ({ kind: 'value', mutationId: id(), deviceId, unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT', value: num(1), baseVersion: 0, clientTime: T, ...over })
    const report = (action: 'submit' | 'recall', baseVersion: number, over: Record<string, unknown> = {}) => ({ kind: 'report', action, mutationId: id(), deviceId, unit: 'T1', period: '2024-Q2', baseVersion, clientTime: T, ...over })
    const registration = (over: Record<string, unknown>) => ({
      kind: 'registration',
      action: 'submit',
      mutationId: id(),
      deviceId,
      unit: 'T1',
      year: 2024,
      content: { collective: ['TDPVH'], people: [], pledges: 'Giữ vững thôn văn hóa' },
      baseVersion: 0,
      clientTime: T,
      ...over,
    })

    /** Sends the same push to both (a base version picked on each side from its own answers); the outcomes must agree. */
    const both = async (mutations: (sideOf: Side) => unknown[]) => {
      const start = n
      const answers = await Promise.all(
        [real, fake].map(async (side) => {
          n = start // the same mutation ids on both sides
          const body = { deviceId, mutations: mutations(side) } as PushRequest
          const res = await side.transport.push(office.C, structuredClone(body))
          return res.outcomes.map((o) => normalised(side, o))
        }),
      )
      expect(answers[1]).toEqual(answers[0])
      return answers[0]!
    }
    /** The version ranked `r` on a side. */
    const v = (side: Side, r: number) => side.versions[r]!

    // Malformed, unknown, not this account's, computed, out of range.
    const rejected = await both(() => [
      value({ value: { kind: 'number', value: 'mười' } }),
      value({ unit: 'T9' }),
      value({ period: '2031-Q1' }),
      value({ indicator: 'KHONG_CO' }),
      value({ unit: 'T2' }),
      value({ indicator: 'LUA_NS' }),
      value({ indicator: 'BHYT', value: { kind: 'ratio', numerator: 11, denominator: 10 } }),
      report('submit', 0, { unit: 'T2' }),
      registration({ unit: 'T2' }),
    ])
    expect(rejected.map((o) => (o as { code: string }).code)).toEqual(['invalid', 'not_found', 'not_found', 'not_found', 'forbidden', 'invalid', 'invalid', 'forbidden', 'forbidden'])

    // Applied, the same content again, a stale base, a resend.
    const first = value({ value: num(229), note: 'vụ Đông Xuân' })
    expect(await both(() => [first])).toMatchObject([{ status: 'applied', version: 'v0' }])
    expect(await both((side) => [value({ value: num(229), note: 'vụ Đông Xuân', baseVersion: v(side, 0) }), value({ value: num(230), baseVersion: 0 }), first])).toMatchObject([
      { status: 'applied', version: 'v0' },
      { status: 'conflict', server: { value: num(229), note: 'vụ Đông Xuân', version: 'v0', updatedBy: 'Trưởng thôn 1' } },
      { status: 'duplicate', original: { status: 'applied', version: 'v0' } },
    ])
    expect(await both(() => [value({ indicator: 'LUA_SL', value: num(1448.5), note: null })])).toMatchObject([{ status: 'applied', version: 'v1' }])

    // The office writes; the phone's edit on the old base conflicts, showing the office's figure.
    await real.write('T1', '2024-Q3', 'LUA_DT', num(50))
    await fake.write('T1', '2024-Q3', 'LUA_DT', num(50))
    // The office's name and time are the double's own: compared without them.
    const start = n
    const conflict = await Promise.all(
      [real, fake].map(async (side) => {
        n = start
        const res = await side.transport.push(office.C, { deviceId, mutations: [value({ period: '2024-Q3', value: num(40) })] } as PushRequest)
        const o = res.outcomes[0]!
        return o.status === 'conflict' && 'value' in o.server ? { status: o.status, value: o.server.value, note: o.server.note } : o
      }),
    )
    expect(conflict[1]).toEqual(conflict[0])
    expect(conflict[0]).toMatchObject({ status: 'conflict', value: num(50) })

    // The report: submitted with a value in the same batch; its figures then refused; recalled, twice.
    const last = (side: Side) => v(side, side.versions.length - 1)
    expect(await both(() => [value({ period: '2024-Q2', value: num(7) }), report('submit', 0)])).toMatchObject([{ status: 'applied' }, { status: 'applied' }])
    expect(await both((side) => [value({ period: '2024-Q2', value: num(8), baseVersion: last(side) }), report('submit', 0)])).toMatchObject([{ status: 'rejected', code: 'report_submitted' }, { status: 'applied' }])
    expect(await both((side) => [report('recall', last(side))])).toMatchObject([{ status: 'applied', version: 'v3' }])
    expect(await both((side) => [report('recall', last(side))])).toMatchObject([{ status: 'applied', version: 'v3' }])

    // A locked period refuses with the officer's reason.
    await real.lock('2024-Q4', 'Đã tổng hợp gửi huyện')
    await fake.lock('2024-Q4', 'Đã tổng hợp gửi huyện')
    expect(await both(() => [value({ period: '2024-Q4' }), report('submit', 0, { period: '2024-Q4' })])).toMatchObject([
      { status: 'rejected', code: 'period_locked', message: expect.stringContaining('Đã tổng hợp gửi huyện') },
      { status: 'rejected', code: 'period_locked' },
    ])

    // A registration: applied, the same again, a stale base, recalled, a title the commune does not offer.
    expect(await both(() => [registration({})])).toMatchObject([{ status: 'applied', version: 'v4' }])
    expect(await both((side) => [registration({ baseVersion: last(side) }), registration({ content: { collective: ['TDPVH'], people: [], pledges: 'khác' } })])).toMatchObject([
      { status: 'applied', version: 'v4' },
      { status: 'conflict', server: { status: 'submitted', version: 'v4' } },
    ])
    expect(await both((side) => [registration({ action: 'recall', content: undefined, baseVersion: last(side) })])).toMatchObject([{ status: 'applied', version: 'v5' }])
    expect(await both((side) => [registration({ content: { collective: ['KHONG_CO'], people: [], pledges: '' }, baseVersion: last(side) })])).toMatchObject([{ status: 'rejected' }])
  }, 120_000)
})
