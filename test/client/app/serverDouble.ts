// The one sync-server double left: the app harness's (harness.ts), for the ~20 screen tests that
// mount the whole app in happy-dom. Every other phone test runs against the real server in-process
// (test/support/phoneServer.ts, *.server.test.ts). The real server cannot start in this project:
// under the dom environment Vite serves src/server/db/migrate.ts's
// `new URL('./migrations/', import.meta.url)` as an http: URL, so its readdir throws "The URL must
// be of scheme file"; and a PGlite boot per file (5–20 s on this machine) would dwarf a screen
// file's 2 s of tests.
//
// So that it answers like the server, it decides with the server's own rules and in the server's
// order (server/sync/ingest.ts checkTarget, decideValue, decideReport; registrationIngest.ts):
// the shared MutationSchema first, with the server's "invalid" wording; then the unit, the period,
// the signed-in account's right to write the unit (canWriteUnit), the lock; for a value the
// indicator, a computed one, the reporters, the report's status (shared figuresLocked), the
// figure (shared checkValue), the same content, the base; for a report the same status, the base,
// approval, the move (shared reportLifecycle); for a registration the unit, the right, the same
// content, the base, then shared registrationProblem. Mutation ids are idempotent (a resend is a
// `duplicate` of the first outcome). Pull pages hold whole versions.
//
// What it does not do as the server does: it serves every unit's rows to every account (the
// server gives a village head only their own), and the office's side (write, decide, lock) is
// set directly, not through the officer's API.
import * as v from 'valibot'
import type { Me } from '../../../src/client/api'
import { issueMessage, type Plan, type ReportStatus, type ValueData } from '../../../src/shared/model'
import { MutationSchema } from '../../../src/shared/protocol'
import { checkValue } from '../../../src/shared/validation'
import { isComputed } from '../../../src/shared/aggregation'
import { isReporter } from '../../../src/shared/planFile'
import { DEFAULT_TITLES, registrationProblem, sameContent, type RegistrationSettings } from '../../../src/shared/registration'
import { canMove, figuresLocked, REPORT_MOVES } from '../../../src/shared/reportLifecycle'
import type { Mutation, MutationOutcome, RejectionCode, PulledRegistration, PulledPeriod, PulledReport, PulledUnit, PulledValue, PullResponse, PushRequest, PushResponse } from '../../../src/shared/protocol'
import { NetworkError, type SyncTransport } from '../../../src/client/sync/api'
import { PLAN } from '../local/testDb'

type Outcome = Exclude<MutationOutcome, { status: 'duplicate' }>

const key = (...parts: string[]) => parts.join('|')
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
/** The server's comparison of two values (key order does not matter). */
function canonical(value: ValueData | null): unknown {
  if (value === null) return null
  if (value.kind === 'number') return ['number', value.value]
  if (value.kind === 'ratio') return ['ratio', value.numerator, value.denominator]
  return ['yes_no', value.achieved, value.note ?? null]
}

export class ServerDouble {
  version = 1
  cells = new Map<string, PulledValue>()
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
  plans: { year: number; version: number; plan: Plan }[] = [{ year: 2024, version: 1, plan: PLAN }]
  recorded = new Map<string, Outcome>()
  /** The wire's faults, one per push: 'network' (nothing reaches the server), or null. */
  pushFailures: ('network' | null)[] = []

  /** `account`: the signed-in account, whose role and units decide what it may write. */
  constructor(private readonly account: Pick<Me, 'role' | 'units' | 'displayName'>) {
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

  /** The office's decision on a report (its comments too), at a new version. */
  decide(unit: string, period: string, status: ReportStatus, returnReason: string | null = null, comments: Record<string, string> = {}): number {
    const v = ++this.version
    this.reports.set(key(unit, period), { unit, period, status, returnReason, comments, version: v })
    return v
  }

  /** The officer's decision on a registration, at a new version. */
  decideRegistration(unit: string, year: number, status: PulledRegistration['status'], returnReason: string | null = null): number {
    const v = ++this.version
    const r = this.registrations.get(key(unit, String(year)))!
    this.registrations.set(key(unit, String(year)), { ...r, status, returnReason, version: v })
    return v
  }

  cell(unit: string, period: string, indicator: string): PulledValue | undefined {
    return this.cells.get(key(unit, period, indicator))
  }

  readonly transport: SyncTransport = {
    push: async (_commune, body) => {
      if (this.pushFailures.shift() === 'network') throw new NetworkError()
      return structuredClone(this.ingest(body))
    },
    pull: async (_commune, cursor, limit = 2000) => structuredClone(this.pull(cursor, limit)),
  }

  /** server/auth/actor.ts canWriteUnit. */
  private canWrite(unit: string): boolean {
    if (this.account.role === 'officer' || this.account.role === 'admin') return true
    return this.account.role === 'reporter' && this.account.units.some((u) => u.code === unit)
  }

  private ingest(body: PushRequest): PushResponse {
    const version = this.version + 1
    let writes = false
    const batch = new Set<string>()
    const outcomes: MutationOutcome[] = (body.mutations as unknown[]).map((raw, index) => {
      const parsed = v.safeParse(MutationSchema, raw)
      if (!parsed.success) {
        const issue = parsed.issues[0]
        const path = v.getDotPath(issue)
        const id = (raw as { mutationId?: unknown } | null)?.mutationId
        return { mutationId: typeof id === 'string' ? id : `#${index}`, status: 'rejected', code: 'invalid', message: `Thay đổi không hợp lệ${path ? ` (${path})` : ''}: ${issueMessage(issue)}` }
      }
      const m = parsed.output
      const earlier = this.recorded.get(m.mutationId)
      if (earlier) return { mutationId: m.mutationId, status: 'duplicate', original: earlier }
      const outcome = this.decide1(m, version, batch, () => (writes = true))
      this.recorded.set(m.mutationId, outcome)
      return outcome
    })
    if (writes) this.version = version
    return { outcomes, version: writes ? version : version - 1 }
  }

  private decide1(m: Mutation, version: number, batch: Set<string>, wrote: () => void): Outcome {
    const reject = (code: RejectionCode, message: string): Outcome => ({ mutationId: m.mutationId, status: 'rejected', code, message })
    const unit = this.units.find((u) => u.code === m.unit)
    if (!unit || !unit.active) return reject('not_found', `Không có đơn vị “${m.unit}”`)
    if (m.kind === 'registration') {
      if (!this.canWrite(unit.code)) return reject('forbidden', `Tài khoản này không được đăng ký thi đua cho đơn vị “${unit.code}”`)
      return this.decideRegistration1(m, unit, version, batch, wrote)
    }
    const period = this.periods.get(m.period)
    if (!period) return reject('not_found', `Không có kỳ báo cáo “${m.period}”`)
    if (!this.canWrite(unit.code)) return reject('forbidden', `Tài khoản này không được nhập số liệu cho đơn vị “${unit.code}”`)
    if (period.locked) return reject('period_locked', `Kỳ báo cáo ${m.period} đã khóa${period.lockReason ? `: ${period.lockReason}` : ''}`)
    const rk = key(m.unit, m.period)
    const report = this.reports.get(rk)
    if (m.kind === 'report') {
      const to: ReportStatus = REPORT_MOVES[m.action].to
      if (report?.status === to) return { mutationId: m.mutationId, status: 'applied', version: report.version }
      if (!batch.has(rk) && (report?.version ?? 0) !== m.baseVersion) {
        return { mutationId: m.mutationId, status: 'conflict', server: { status: report?.status ?? 'none', version: report?.version ?? 0 } }
      }
      if (report?.status === 'approved') return reject('report_approved', 'Báo cáo kỳ này đã được duyệt')
      if (!canMove(m.action, report?.status ?? 'none')) {
        return reject('invalid_transition', m.action === 'submit' ? 'Báo cáo không gửi được ở trạng thái này' : 'Chỉ rút lại được báo cáo đã gửi, chưa duyệt')
      }
      this.reports.set(rk, { unit: m.unit, period: m.period, status: to, returnReason: report?.returnReason ?? null, comments: report?.comments ?? {}, version })
      batch.add(rk)
      wrote()
      return { mutationId: m.mutationId, status: 'applied', version }
    }
    const def = this.plans.find((p) => p.year === period.year)?.plan.indicators.find((i) => i.code === m.indicator)
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
    this.cells.set(ck, { unit: m.unit, period: m.period, indicator: m.indicator, value: m.value, note, version, updatedBy: this.account.displayName, updatedAt: '2024-05-10T08:00:00.000Z' })
    if (!report) {
      this.reports.set(rk, { unit: m.unit, period: m.period, status: 'draft', returnReason: null, comments: {}, version })
      batch.add(rk)
    }
    wrote()
    return { mutationId: m.mutationId, status: 'applied', version }
  }

  /** registrationIngest.ts decideRegistration, against the default titles. */
  private decideRegistration1(m: Extract<Mutation, { kind: 'registration' }>, unit: PulledUnit, version: number, batch: Set<string>, wrote: () => void): Outcome {
    const rk = key(m.unit, String(m.year))
    const r = this.registrations.get(rk)
    const current = { status: r?.status ?? ('none' as const), content: r?.content ?? { collective: [], people: [], pledges: '' } }
    const content = m.content ?? current.content
    const to = m.action === 'submit' ? 'submitted' : 'draft'
    if (current.status === to && (m.action === 'recall' || sameContent(content, current.content))) return { mutationId: m.mutationId, status: 'applied', version: r!.version }
    if (!batch.has(`reg|${rk}`) && (r?.version ?? 0) !== m.baseVersion) return { mutationId: m.mutationId, status: 'conflict', server: { status: current.status, version: r?.version ?? 0 } }
    const settings = this.registrationSettings.get(m.year) ?? { deadline: null, allowLate: false, allowLateUnits: [] }
    const exempt = this.account.role === 'officer' || this.account.role === 'admin'
    const problem = registrationProblem({ action: m.action, content: m.content, unit, titles: DEFAULT_TITLES, settings, current, now: this.now, exempt })
    if (problem) return { mutationId: m.mutationId, status: 'rejected', code: problem.code, message: problem.message }
    this.registrations.set(rk, { unit: m.unit, year: m.year, status: to, content, returnReason: r?.returnReason ?? null, version })
    batch.add(`reg|${rk}`)
    wrote()
    return { mutationId: m.mutationId, status: 'applied', version }
  }

  private pull(cursor: number, limit: number): PullResponse {
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
