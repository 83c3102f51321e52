import 'fake-indexeddb/auto'
// The officer's per-value comments on a returned report, on the phone: pulled with the report,
// stored in IndexedDB, shown next to the value they are about (vi and en), gone once the report
// is no longer returned.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setLocale } from '../../../src/client/modules/i18n'
import type { SyncTransport } from '../../../src/client/sync/api'
import { syncOnce } from '../../../src/client/sync/engine'
import type { PulledReport } from '../../../src/shared/protocol'
import { T0 } from '../local/testDb'
import { fakeServer, json } from '../fakeServer'
import { C, closePhones, mountApp, phone, reporter, until, withLiveServer, type Mounted } from './harness'

withLiveServer()

afterEach(async () => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  document.body.innerHTML = ''
  await closePhones()
})

const Q1 = '/nhap/T1/2024-Q1'
const comment = (m: Mounted, code: string) => m.w.find(`#ind-${code} .ind__comment`)

async function returnedWithComments() {
  fakeServer({ 'GET /api/auth/me': json(200, reporter) })
  const p = await phone()
  await p.server.decide('T1', '2024-Q1', 'returned', 'Cần bổ sung số liệu', { LUA_DT: 'Diện tích lúa thấp hơn quý trước, kiểm tra lại', BHYT: 'Mẫu số phải là tổng số dân' })
  await p.sync()
  return p
}

describe('per-value comments of a returned report', () => {
  it('are stored with the report when pulled', async () => {
    const p = await returnedWithComments()
    const row = await p.db.reports.get([C, 'T1', '2024-Q1'])
    expect(row?.status).toBe('returned')
    expect(row?.comments).toEqual({ LUA_DT: 'Diện tích lúa thấp hơn quý trước, kiểm tra lại', BHYT: 'Mẫu số phải là tổng số dân' })
    // A server from before comments sends none: stored as an empty set, never undefined.
    // The office approves another quarter; the phone pulls it through a wire that drops the field.
    await p.server.decide('T1', '2024-Q2', 'approved')
    const older: SyncTransport = {
      push: (commune, body) => p.wire.push(commune, body),
      pull: async (commune, cursor, limit) => {
        const page = await p.wire.pull(commune, cursor, limit)
        return { ...page, reports: page.reports.map(({ comments: _, ...report }) => report as PulledReport) }
      },
    }
    await syncOnce({ db: p.db, transport: older, commune: C, clock: () => new Date(T0) })
    const other = await p.db.reports.get([C, 'T1', '2024-Q2'])
    expect(other?.status).toBe('approved')
    expect(other?.comments).toEqual({})
  })

  it('show next to the value they are about, in Vietnamese and in English', async () => {
    const p = await returnedWithComments()
    const m = await mountApp({ db: p.db, path: Q1 })
    await until(() => expect(m.w.find('#entry-title').exists()).toBe(true))
    expect(m.w.find('.banner--returned').text()).toContain('Cần bổ sung số liệu')
    expect(comment(m, 'LUA_DT').text()).toContain('Cán bộ xã nhận xét: Diện tích lúa thấp hơn quý trước, kiểm tra lại')
    expect(comment(m, 'BHYT').text()).toContain('Cán bộ xã nhận xét: Mẫu số phải là tổng số dân')
    expect(comment(m, 'LUA_SL').exists()).toBe(false)
    await setLocale(m.i18n, 'en', false)
    await until(() => expect(comment(m, 'LUA_DT').text()).toContain('Commune officer’s comment: Diện tích lúa thấp hơn quý trước, kiểm tra lại'))
  })

  it('are no longer shown once the report is approved', async () => {
    const p = await returnedWithComments()
    const m = await mountApp({ db: p.db, path: Q1 })
    await until(() => expect(comment(m, 'LUA_DT').exists()).toBe(true))
    await p.server.decide('T1', '2024-Q1', 'approved')
    await p.sync()
    await until(() => expect(m.w.find('.banner--locked').text()).toContain('Báo cáo đã được duyệt'))
    expect(m.w.findAll('.ind__comment')).toHaveLength(0)
  })

  it('a report row stored before comments existed reads as having none', async () => {
    fakeServer({ 'GET /api/auth/me': json(200, reporter) })
    const p = await phone()
    // As an older version of the app stored it: no `comments` field.
    await p.db.reports.put({ commune: C, unit: 'T1', period: '2024-Q1', status: 'returned', returnReason: 'Sửa lại', version: 5, pendingAction: null } as never)
    const m = await mountApp({ db: p.db, path: Q1 })
    await until(() => expect(m.w.find('.banner--returned').text()).toContain('Sửa lại'))
    expect(m.w.findAll('.ind__comment')).toHaveLength(0)
  })
})
