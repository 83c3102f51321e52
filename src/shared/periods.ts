// Reporting periods of a year: quarters by default, plus months, phases (đợt) and the year.
import type { Period, Phase } from './model'

const pad = (n: number): string => String(n).padStart(2, '0')

/** The calendar day of an instant in Vietnam (UTC+7, no daylight saving), as an ISO date. */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10)
}

function lastDayOfMonth(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`
}

/** `2024-02-29` moved by one year is `2025-02-28`: the day is kept within the month. */
export function shiftDate(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  const year = y + years
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate()
  return `${year}-${pad(m)}-${pad(Math.min(d, last))}`
}

/**
 * A phase moved by some years: its dates move with it; a special phase starts the new year not
 * opened, since the officer opens it when the occasion comes.
 */
export function shiftPhase(phase: Phase, years: number): Phase {
  if (phase.special) {
    const { from: _f, to: _t, ...rest } = phase
    return rest
  }
  return { ...phase, ...(phase.from !== undefined ? { from: shiftDate(phase.from, years) } : {}), ...(phase.to !== undefined ? { to: shiftDate(phase.to, years) } : {}) }
}

/** `to` plus `days`, as an ISO date. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** The four quarters of a year (kỳ báo cáo mặc định), each due `graceDays` after it ends. */
export function quarterPeriods(year: number, graceDays = 5): Period[] {
  return [1, 2, 3, 4].map((q) => {
    const to = lastDayOfMonth(year, q * 3)
    return { code: `${year}-Q${q}`, kind: 'quarter', year, from: `${year}-${pad(q * 3 - 2)}-01`, to, deadline: addDays(to, graceDays), locked: false }
  })
}

export function monthPeriods(year: number, graceDays = 5): Period[] {
  return Array.from({ length: 12 }, (_, i) => {
    const to = lastDayOfMonth(year, i + 1)
    return { code: `${year}-M${pad(i + 1)}`, kind: 'month', year, from: `${year}-${pad(i + 1)}-01`, to, deadline: addDays(to, graceDays), locked: false }
  })
}

/**
 * The reporting period of each phase that has begun. A special phase not opened yet has none; one
 * opened and not closed yet runs to the end of its year until the officer closes it.
 */
export function phasePeriods(year: number, phases: readonly Phase[], graceDays = 5): Period[] {
  return phases.flatMap((p) => {
    if (p.from === undefined) return []
    const to = phaseEnd(year, p)
    return [{ code: `${year}-${p.code}`, kind: 'phase' as const, year, from: p.from, to, deadline: addDays(to, graceDays), locked: false }]
  })
}

/** The last day a phase counts: its own end, or for an open special phase the end of the year. */
export function phaseEnd(year: number, phase: Pick<Phase, 'to'>): string {
  return phase.to ?? `${year}-12-31`
}

/** Where a phase stands: planned with dates, special and not opened, open, or closed. */
export type PhaseState = 'dated' | 'not_opened' | 'open' | 'closed'

export function phaseState(phase: Pick<Phase, 'from' | 'to' | 'special'>): PhaseState {
  if (!phase.special) return 'dated'
  if (phase.from === undefined) return 'not_opened'
  return phase.to === undefined ? 'open' : 'closed'
}

export function yearPeriod(year: number, graceDays = 15): Period {
  return { code: `${year}-Y`, kind: 'year', year, from: `${year}-01-01`, to: `${year}-12-31`, deadline: addDays(`${year}-12-31`, graceDays), locked: false }
}

/**
 * The plan year a screen opens on when none is asked for: this year when it has a plan, else the
 * latest plan year before it, else the first one after it; this year when there is no plan.
 */
export function planYearFor(years: readonly number[], thisYear: number): number {
  if (years.includes(thisYear)) return thisYear
  const before = years.filter((y) => y < thisYear)
  if (before.length > 0) return Math.max(...before)
  return years.length > 0 ? Math.min(...years) : thisYear
}
