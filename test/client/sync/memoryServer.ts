// An in-memory stand-in for the sync server (docs/sync.md), for the tests of the screens and
// queries that need a server's answers but not the server (the engine itself is tested against the
// real server in engine.test.ts and engine.server.test.ts): one
// version counter, idempotent outcomes, conflicts on a stale base, rejections on a locked period,
// pull in pages of whole versions. Failures are queued per call to simulate the network.
// Mutations are checked by the very code the real server runs (the shared schemas and
// checkValue), so a figure the server would refuse is refused here too, and one it takes is taken.
import * as v from 'valibot'
import { issueMessage, type Plan, type ReportStatus, type ValueData } from '../../../src/shared/model'
import { MutationSchema } from '../../../src/shared/protocol'
import { checkValue } from '../../../src/shared/validation'
import { isComputed } from '../../../src/shared/aggregation'
import { isReporter } from '../../../src/shared/planFile'
import { DEFAULT_TITLES, registrationProblem, sameContent, type RegistrationSettings } from '../../../src/shared/registration'
import { canMove, figuresLocked, REPORT_MOVES } from '../../../src/shared/reportLifecycle'
import type { Mutation, MutationOutcome, RejectionCode, PulledRegistration, PulledPeriod, PulledReport, PulledUnit, PulledValue, PullResponse, PushRequest, PushResponse } from '../../../src/shared/protocol'
import { CursorAheadError, NetworkError, ServerError, UnauthorizedError, type SyncTransport } from '../../../src/client/sync/api'

export type Failure = 'network' | 'server' | 'unauthorized' | 'lost' | 'cursor_ahead'
type Outcome = Exclude<MutationOutcome, { status: 'duplicate' }>

export const PLAN: Plan = {
  year: 2024,
  title: 'Kế hoạch thi đua năm 2024',
  movements: [],
  phases: [],
  rules: [],
  fields: [{ code: 'KT', name: 'Kinh tế' }],
  indicators: [
    { code: 'LUA_DT', name: 'Diện tích lúa', field: 'KT', unitOfMeasure: 'ha', aggregation: 'flow', proportion: true, reporters: { kinds: ['thon'], units: [] } },
    { code: 'LUA_SL', name: 'Sản lượng lúa', field: 'KT', unitOfMeasure: 'tấn', aggregation: 'flow', proportion: true, reporters: { kinds: ['thon'], units: [] } },
    { code: 'LUA_NS', name: 'Năng suất lúa', field: 'KT', unitOfMeasure: 'tạ/ha', aggregation: 'stock', proportion: true, formula: 'LUA_SL * 10 / LUA_DT', reporters: { kinds: ['thon'], units: [] } },
    { code: 'BHYT', name: 'Tỷ lệ tham gia BHYT', field: 'KT', unitOfMeasure: '%', aggregation: 'rate', scale: 100, proportion: true, reporters: { kinds: ['thon'], units: [] } },
  ],
}

type Cell = PulledValue

const key = (...parts: string[]) => parts.join('|')
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
/** The server's comparison of two values (key order does not matter). */
function canonical(value: ValueData | null): unknown {
  if (value === null) return null
  if (value.kind === 'number') return ['number', value.value]
  if (value.kind === 'ratio') return ['ratio', value.numerator, value.denominator]
  return ['yes_no', value.achieved, value.note ?? null]
}

export class MemoryServer {
  version = 1
  cells = new Map<string, Cell>()
  reports = new Map<string, PulledReport>()
  registrations = new Map<string, PulledRegistration>()
  /** Registration settings by year (none: open). */
  registrationSettings = new Map<number, RegistrationSettings>()
  /** The registration service's clock (the deadline is judged by it). */
  now = new Date('2024-02-10T08:00:00Z')
  periods = new Map<string, PulledPeriod>()
  units: PulledUnit[] = [
    { code: 'T1', name: 'Thôn 1', kind: 'thon', active: true, version: 1 },
    { code: 'T2', name: 'Thôn 2', kind: 'thon', active: true, version: 1 },
  ]
  plans = [{ year: 2024, version: 1, plan: PLAN as unknown }]
  recorded = new Map<string, Outcome>()
  /** What each push carried. */
  pushes: PushRequest[] = []
  /** The cursor of each pull. */
  pulls: number[] = []
  /** One per call, in order: a failure, or null for a call that goes through. */
  pushFailures: (Failure | null)[] = []
  pullFailures: (Failure | null)[] = []
  /** Called before each pull answers (to change data between pages). */
  beforePull?: (cursor: number) => void

  constructor() {
    for (const q of [1, 2, 3, 4]) {
      const from = `2024-${String(q * 3 - 2).padStart(2, '0')}-01`
      const to = ['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31'][q - 1]!
      this.periods.set(`2024-Q${q}`, { code: `2024-Q${q}`, kind: 'quarter', year: 2024, from, to, deadline: to, locked: false, version: 1 })
    }
  }

  /** An officer's write from the office, at a new version. */
  write(unit: string, period: string, indicator: string, value: ValueData | null, note: string | null = null): number {
    const v = ++this.version
    this.cells.set(key(unit, period, indicator), { unit, period, indicator, value, note, version: v, updatedBy: 'Cán bộ xã', updatedAt: '2024-05-01T00:00:00.000Z' })
    return v
  }

  lock(period: string, reason: string): number {
    const v = ++this.version
    const p = this.periods.get(period)!
    this.periods.set(period, { ...p, locked: true, lockReason: reason, version: v })
    return v
  }

  decide(unit: string, period: string, status: ReportStatus, returnReason: string | null = null, comments: Record<string, string> = {}): number {
    const v = ++this.version
    this.reports.set(key(unit, period), { unit, period, status, returnReason, comments, version: v })
    return v
  }

  /** The officer's decision on a registration, at a new version. */
  decideRegistration1(unit: string, year: number, status: PulledRegistration['status'], returnReason: string | null = null): number {
    const v = ++this.version
    const r = this.registrations.get(key(unit, String(year)))!
    this.registrations.set(key(unit, String(year)), { ...r, status, returnReason, version: v })
    return v
  }

  /** The same rules as the server (shared/registration.ts), against the default titles; every unit here is a village. */
  private decideRegistration(m: Extract<Mutation, { kind: 'registration' }>, version: number, wrote: () => void): Outcome {
    const rk = key(m.unit, String(m.year))
    const r = this.registrations.get(rk)
    const current = { status: r?.status ?? ('none' as const), content: r?.content ?? { collective: [], people: [], pledges: '' } }
    const content = m.content ?? current.content
    const to = m.action === 'submit' ? 'submitted' : 'draft'
    if (current.status === to && (m.action === 'recall' || sameContent(content, current.content))) return { mutationId: m.mutationId, status: 'applied', version: r!.version }
    if ((r?.version ?? 0) !== m.baseVersion) return { mutationId: m.mutationId, status: 'conflict', server: { status: current.status, version: r?.version ?? 0 } }
    const settings = this.registrationSettings.get(m.year) ?? { deadline: null, allowLate: false, allowLateUnits: [] }
    const problem = registrationProblem({ action: m.action, content: m.content, unit: { code: m.unit, kind: 'thon' }, titles: DEFAULT_TITLES, settings, current, now: this.now })
    if (problem) return { mutationId: m.mutationId, status: 'rejected', code: problem.code, message: problem.message }
    this.registrations.set(rk, { unit: m.unit, year: m.year, status: to, content, returnReason: r?.returnReason ?? null, version })
    wrote()
    return { mutationId: m.mutationId, status: 'applied', version }
  }

  cell(unit: string, period: string, indicator: string): Cell | undefined {
    return this.cells.get(key(unit, period, indicator))
  }

  readonly transport: SyncTransport = {
    push: async (_commune, body) => {
      this.pushes.push(structuredClone(body))
      const failure = this.pushFailures.shift()
      if (failure === 'network') throw new NetworkError()
      if (failure === 'server') throw new ServerError(500)
      if (failure === 'unauthorized') throw new UnauthorizedError()
      const response = this.ingest(body.mutations)
      if (failure === 'lost') throw new NetworkError()
      return structuredClone(response)
    },
    pull: async (_commune, cursor, limit = 2000) => {
      this.pulls.push(cursor)
      this.beforePull?.(cursor)
      const failure = this.pullFailures.shift()
      if (failure === 'network') throw new NetworkError()
      if (failure === 'server') throw new ServerError(503)
      if (failure === 'unauthorized') throw new UnauthorizedError()
      if (failure === 'cursor_ahead' || cursor > this.version) throw new CursorAheadError()
      return structuredClone(this.pull(cursor, limit))
    },
  }

  ingest(mutations: Mutation[]): PushResponse {
    const version = this.version + 1
    let writes = false
    const batchReports = new Set<string>()
    const outcomes: MutationOutcome[] = mutations.map((m) => {
      const earlier = this.recorded.get(m.mutationId)
      if (earlier) return { mutationId: m.mutationId, status: 'duplicate', original: earlier }
      const outcome = this.decide1(m, version, batchReports, () => (writes = true))
      this.recorded.set(m.mutationId, outcome)
      return outcome
    })
    if (writes) this.version = version
    return { outcomes, version: writes ? version : version - 1 }
  }

  /**
   * The server's decision (server/sync/ingest.ts decideValue, decideReport), in the server's order
   * and with its codes and words: the unit, the period, the lock; then for a value the indicator,
   * a computed one, the reporters, the report's status, the figure (shared checkValue), the same
   * content, the base; for a report the same status, the base, approval, the move
   * (shared/reportLifecycle.ts). Every village head here may write every unit.
   */
  private decide1(m: Mutation, version: number, batchReports: Set<string>, wrote: () => void): Outcome {
    const parsed = v.safeParse(MutationSchema, m)
    if (!parsed.success) return { mutationId: m.mutationId, status: 'rejected', code: 'invalid', message: issueMessage(parsed.issues[0]) }
    if (m.kind === 'registration') return this.decideRegistration(m, version, wrote)
    const reject = (code: RejectionCode, message: string): Outcome => ({ mutationId: m.mutationId, status: 'rejected', code, message })
    const unit = this.units.find((u) => u.code === m.unit)
    if (!unit || !unit.active) return reject('not_found', `Không có đơn vị “${m.unit}”`)
    const period = this.periods.get(m.period)
    if (!period) return reject('not_found', `Không có kỳ báo cáo “${m.period}”`)
    if (period.locked) return reject('period_locked', `Kỳ báo cáo ${m.period} đã khóa${period.lockReason ? `: ${period.lockReason}` : ''}`)
    const rk = key(m.unit, m.period)
    const report = this.reports.get(rk)
    if (m.kind === 'report') {
      const to: ReportStatus = REPORT_MOVES[m.action].to
      if (report?.status === to) return { mutationId: m.mutationId, status: 'applied', version: report.version }
      if (!batchReports.has(rk) && (report?.version ?? 0) !== m.baseVersion) {
        return { mutationId: m.mutationId, status: 'conflict', server: { status: report?.status ?? 'none', version: report?.version ?? 0 } }
      }
      if (report?.status === 'approved') return reject('report_approved', 'Báo cáo kỳ này đã được duyệt')
      if (!canMove(m.action, report?.status ?? 'none')) {
        return reject('invalid_transition', m.action === 'submit' ? 'Báo cáo không gửi được ở trạng thái này' : 'Chỉ rút lại được báo cáo đã gửi, chưa duyệt')
      }
      this.reports.set(rk, { unit: m.unit, period: m.period, status: to, returnReason: report?.returnReason ?? null, comments: report?.comments ?? {}, version })
      batchReports.add(rk)
      wrote()
      return { mutationId: m.mutationId, status: 'applied', version }
    }
    const def = PLAN.indicators.find((i) => i.code === m.indicator)
    if (!def) return reject('not_found', `Không có chỉ tiêu “${m.indicator}” trong kế hoạch năm ${period.year}`)
    if (isComputed(def)) return reject('invalid', `“${def.name}” được tính tự động, không nhập trực tiếp`)
    if (!isReporter(def.reporters, unit)) return reject('not_assigned', `Chỉ tiêu “${def.name}” không giao cho đơn vị “${unit.code}”`)
    const locked = figuresLocked(report?.status ?? 'none')
    if (locked === 'report_approved') return reject(locked, 'Báo cáo kỳ này đã được duyệt, không sửa được số liệu')
    if (locked === 'report_submitted') return reject(locked, 'Báo cáo kỳ này đã gửi, đang chờ duyệt. Rút lại báo cáo để sửa.')
    if (m.value !== null) {
      const problem = checkValue(def, m.value)[0]
      if (problem) return reject('invalid', problem.message)
    }
    const ck = key(m.unit, m.period, m.indicator)
    const cell = this.cells.get(ck)
    const note = m.note === undefined ? (cell?.note ?? null) : m.note
    if (cell && same(canonical(cell.value), canonical(m.value)) && cell.note === note) return { mutationId: m.mutationId, status: 'applied', version: cell.version }
    if ((cell?.version ?? 0) !== m.baseVersion) {
      return {
        mutationId: m.mutationId,
        status: 'conflict',
        server: cell ? { value: cell.value, note: cell.note, version: cell.version, updatedBy: cell.updatedBy, updatedAt: cell.updatedAt } : { value: null, note: null, version: 0, updatedBy: null, updatedAt: null },
      }
    }
    this.cells.set(ck, { unit: m.unit, period: m.period, indicator: m.indicator, value: m.value, note, version, updatedBy: 'Trưởng thôn 1', updatedAt: '2024-05-10T08:00:00.000Z' })
    if (!report) {
      this.reports.set(rk, { unit: m.unit, period: m.period, status: 'draft', returnReason: null, comments: {}, version })
      batchReports.add(rk)
    }
    wrote()
    return { mutationId: m.mutationId, status: 'applied', version }
  }

  pull(cursor: number, limit: number): PullResponse {
    const head = this.version
    const changed = [...this.cells.values(), ...this.reports.values()].filter((r) => r.version > cursor).map((r) => r.version)
    const counts = new Map<number, number>()
    for (const v of changed) counts.set(v, (counts.get(v) ?? 0) + 1)
    let upTo = head
    let total = 0
    for (const v of [...counts.keys()].sort((a, b) => a - b)) {
      total += counts.get(v)!
      if (total >= limit) {
        upTo = v
        break
      }
    }
    const inRange = (r: { version: number }) => r.version > cursor && r.version <= upTo
    return {
      cursor: upTo,
      more: upTo < head,
      values: [...this.cells.values()].filter(inRange),
      reports: [...this.reports.values()].filter(inRange),
      periods: [...this.periods.values()].filter(inRange),
      units: this.units.filter(inRange),
      plans: this.plans.filter(inRange),
      registrations: [...this.registrations.values()].filter(inRange),
    }
  }
}
