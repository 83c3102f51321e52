import 'fake-indexeddb/auto'
// What the review screens' tests share: an officer's and a leader's browser (own IndexedDB, the
// whole app mounted at an address) and the server's answers in the shapes of src/shared/api.ts.
import type { AuditRow, CellChange, CompletenessBoard, PeriodView, ReportDetail } from '../../../src/shared/api'
import type { Me } from '../../../src/client/api'
import { saveSession, type ThiDuaDb } from '../../../src/client/local/db'
import type { ReportSummary, UnitName } from '../../../src/client/officer/review/api'
import { fakeServer, json, officer, type Answer } from '../fakeServer'
import { mountApp, until, type Mounted } from '../app/harness'
import { freshDb } from '../local/testDb'
import { expect } from 'vitest'

export { officer }
export const leader: Me = { ...officer, username: 'chutich.phothuan', displayName: 'Lê Văn Hùng', role: 'leader', deviceId: 'leader-device-0001' }

export const API = '/api/communes/pho-thuan'
export const BASE = '/quan-ly/pho-thuan'

export const units: UnitName[] = [
  { code: 'T1', name: 'Thôn Hải Tân', kind: 'thon' },
  { code: 'T2', name: 'Thôn Vĩnh Xuyên', kind: 'thon' },
  { code: 'T3', name: 'Thôn An Thổ', kind: 'thon' },
  { code: 'T4', name: 'Thôn Thạch By', kind: 'thon' },
]

const period = (code: string, from: string, to: string, deadline: string, extra: Partial<PeriodView> = {}): PeriodView => ({
  code,
  kind: 'quarter',
  year: Number(from.slice(0, 4)),
  from,
  to,
  deadline,
  locked: false,
  lockReason: null,
  version: 1,
  inUse: true,
  unsentDrafts: 0,
  ...extra,
})

export const periods: PeriodView[] = [
  period('2023-Q4', '2023-10-01', '2023-12-31', '2024-01-05', { locked: true, lockReason: 'Đã tổng kết năm' }),
  period('2024-Q1', '2024-01-01', '2024-03-31', '2024-04-05'),
  period('2024-Q2', '2024-04-01', '2024-06-30', '2024-07-05'),
]

export const reports: ReportSummary[] = [
  { unit: 'T4', period: '2024-Q1', status: 'approved', returnReason: null, submittedAt: '2024-04-01T03:00:00.000Z', version: 40 },
  { unit: 'T1', period: '2024-Q1', status: 'submitted', returnReason: null, submittedAt: '2024-04-09T03:00:00.000Z', version: 41 },
  { unit: 'T3', period: '2024-Q1', status: 'returned', returnReason: 'Thiếu BHYT', submittedAt: '2024-04-02T03:00:00.000Z', version: 42 },
  { unit: 'T2', period: '2024-Q1', status: 'submitted', returnReason: null, submittedAt: '2024-04-03T03:00:00.000Z', version: 43 },
]

export function detail(over: Partial<ReportDetail> = {}): ReportDetail {
  return {
    unit: { code: 'T1', name: 'Thôn Hải Tân', kind: 'thon' },
    period: { code: '2024-Q1', kind: 'quarter', from: '2024-01-01', to: '2024-03-31', deadline: '2024-04-05', locked: false, lockReason: null },
    status: 'submitted',
    returnReason: null,
    comments: {},
    submittedAt: '2024-04-09T03:00:00.000Z',
    decidedAt: null,
    decidedBy: null,
    version: 41,
    values: [
      {
        indicator: 'LUA_DT',
        name: 'Diện tích lúa',
        field: 'KT',
        unitOfMeasure: 'ha',
        aggregation: 'flow',
        data: { kind: 'number', value: 1448.5 },
        note: 'Gieo thêm vụ đông',
        targetText: 'Đạt ít nhất 229 ha',
        previous: [],
        decimals: 6,
        previousPeriod: { period: '2023-Q4', data: { kind: 'number', value: 240 } },
        lastYear: { period: '2023-Q1', data: null },
        issues: [{ code: 'outlier', severity: 'warning', refs: ['LUA_DT'], message: 'Diện tích lúa cao gấp 6 lần quý trước' }],
        comment: null,
        updatedAt: '2024-04-08T02:30:00.000Z',
        updatedBy: 'Nguyễn Văn An',
      },
      {
        indicator: 'BHYT',
        name: 'Tỷ lệ tham gia BHYT',
        field: 'YT',
        unitOfMeasure: '%',
        aggregation: 'rate',
        scale: 100,
        data: { kind: 'ratio', numerator: 45, denominator: 50 },
        note: null,
        targetText: 'Đạt ít nhất 95%',
        previous: [{ period: '2023-Q4', data: { kind: 'ratio', numerator: 44, denominator: 50 } }],
        decimals: 1,
        previousPeriod: { period: '2023-Q4', data: { kind: 'ratio', numerator: 44, denominator: 50 } },
        lastYear: null,
        issues: [{ code: 'ratio_bounds', severity: 'error', refs: ['BHYT'], message: 'Tử số lớn hơn mẫu số' }],
        comment: null,
        updatedAt: '2024-04-08T02:31:00.000Z',
        updatedBy: 'Nguyễn Văn An',
      },
    ],
    issues: [],
    ...over,
  }
}

export const board: CompletenessBoard = {
  year: 2024,
  today: '2024-05-10',
  units: units.slice(0, 3),
  periods: [
    { code: '2024-Q1', kind: 'quarter', from: '2024-01-01', to: '2024-03-31', deadline: '2024-04-05', locked: false },
    { code: '2024-Q2', kind: 'quarter', from: '2024-04-01', to: '2024-06-30', deadline: '2024-07-05', locked: false },
  ],
  cells: [
    { unit: 'T1', period: '2024-Q1', timeliness: 'late', status: 'submitted', submittedAt: '2024-04-09T03:00:00.000Z', deadline: '2024-04-05' },
    { unit: 'T2', period: '2024-Q1', timeliness: 'on_time', status: 'approved', submittedAt: '2024-04-03T03:00:00.000Z', deadline: '2024-04-05' },
    { unit: 'T3', period: '2024-Q1', timeliness: 'returned', status: 'returned', submittedAt: '2024-04-02T03:00:00.000Z', deadline: '2024-04-05' },
    { unit: 'T1', period: '2024-Q2', timeliness: 'draft', status: 'draft', submittedAt: null, deadline: '2024-07-05' },
    { unit: 'T2', period: '2024-Q2', timeliness: 'not_due', status: null, submittedAt: null, deadline: '2024-07-05' },
    { unit: 'T3', period: '2024-Q2', timeliness: 'missing', status: null, submittedAt: null, deadline: '2024-07-05' },
  ],
  totals: { on_time: 1, late: 1, missing: 1, returned: 1, draft: 1, not_due: 1 },
}

export const changes: CellChange[] = [
  {
    at: '2024-04-08T02:30:00.000Z',
    user: { username: 'truongthon.t1', displayName: 'Nguyễn Văn An' },
    deviceId: 'device-0001',
    device: { kind: 'phone', detail: 'Android · Chrome' },
    mutationId: 'mut-0002',
    old: { value: { kind: 'number', value: 240 }, note: null, version: 7 },
    new: { value: { kind: 'number', value: 1448.5 }, note: 'Gieo thêm vụ đông' },
  },
  {
    at: '2024-04-01T02:00:00.000Z',
    user: { username: 'truongthon.t1', displayName: 'Nguyễn Văn An' },
    deviceId: 'device-0001',
    device: { kind: 'phone', detail: 'Android · Chrome' },
    mutationId: 'mut-0001',
    old: null,
    new: { value: { kind: 'number', value: 240 }, note: null },
  },
]

export function auditRow(id: number, over: Partial<AuditRow> = {}): AuditRow {
  return {
    id,
    at: '2024-04-08T02:30:00.000Z',
    entity: 'value',
    unit: 'T1',
    unitName: 'Thôn Hải Tân',
    period: '2024-Q1',
    indicator: 'LUA_DT',
    indicatorName: 'Diện tích lúa',
    user: { username: 'truongthon.t1', displayName: 'Nguyễn Văn An' },
    deviceId: 'device-0001',
    device: { kind: 'phone', detail: 'Android · Chrome' },
    old: { value: { kind: 'number', value: id }, note: null, version: id },
    new: { value: { kind: 'number', value: id + 1 }, note: null },
    ...over,
  }
}

const opened: ThiDuaDb[] = []

export type Server = ReturnType<typeof fakeServer>

/** The whole app, signed in as `me`, opened at `path`, the server answering `answers`. */
export async function openAs(me: Me, path: string, answers: Record<string, Answer>): Promise<Mounted & { server: Server }> {
  const server = fakeServer({ 'GET /api/auth/me': json(200, me), [`GET ${API}/units`]: json(200, units), [`GET ${API}/periods`]: json(200, periods), ...answers })
  const db = freshDb('review')
  opened.push(db)
  await saveSession(db, me)
  const m = await mountApp({ db, path })
  await until(() => expect(m.w.find('.officer').exists()).toBe(true))
  return { ...m, server }
}

export async function closeAll(): Promise<void> {
  for (const db of opened.splice(0)) {
    db.close()
    await db.delete()
  }
}
