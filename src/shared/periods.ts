// Reporting periods of a year: quarters by default, plus months, phases (đợt) and the year.
import type { Period, Phase } from './model'

const pad = (n: number): string => String(n).padStart(2, '0')

function lastDayOfMonth(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`
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

export function phasePeriods(year: number, phases: readonly Phase[], graceDays = 5): Period[] {
  return phases.map((p) => ({ code: `${year}-${p.code}`, kind: 'phase', year, from: p.from, to: p.to, deadline: addDays(p.to, graceDays), locked: false }))
}

export function yearPeriod(year: number, graceDays = 15): Period {
  return { code: `${year}-Y`, kind: 'year', year, from: `${year}-01-01`, to: `${year}-12-31`, deadline: addDays(`${year}-12-31`, graceDays), locked: false }
}
