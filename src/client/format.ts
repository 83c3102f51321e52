// Dates, times and periods as the screens show them, vi-VN style (dd/mm/yyyy) whatever the UI
// language. Kept free of the number code so the inbox loads light (values: formatValue.ts).
import type { PeriodKind } from '../shared/model'
import type { Translate } from './modules/i18n'

export type { Translate }

const pad = (n: number): string => String(n).padStart(2, '0')

/** Today on the phone's calendar, as an ISO date (deadlines are calendar days). */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** `14:05`, or `14:05 12/03` when not today. */
export function formatTime(iso: string, now: Date = new Date()): string {
  const d = new Date(iso)
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`
  return todayIso(d) === todayIso(now) ? time : `${time} ${pad(d.getDate())}/${pad(d.getMonth() + 1)}`
}

/** `14:05 12/03/2024`. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso)
  return `${pad(d.getHours())}:${pad(d.getMinutes())} ${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`
}

/** `2022-12-22` → `22/12/2022`, read as written: no time zone can move the day. */
export function formatIsoDate(iso: string): string {
  const [y, m, d] = iso.split('-')
  return y && m && d ? `${d}/${m}/${y}` : iso
}

/** A phase's dates: "01/03/2024 – 30/06/2024", "từ 01/03/2024, đang diễn ra", or "chưa mở" (a special phase). */
export function phaseDates(t: Translate, phase: { from?: string; to?: string }): string {
  if (phase.from === undefined) return t('period.phaseNotOpened')
  if (phase.to === undefined) return t('period.phaseOpen', { from: formatIsoDate(phase.from) })
  return `${formatIsoDate(phase.from)} – ${formatIsoDate(phase.to)}`
}

/** "Quý 2/2024", "Tháng 3/2024", "Năm 2024", or a phase by its dates. */
export function periodLabel(t: Translate, p: { code: string; kind: PeriodKind; year: number; from: string; to: string }): string {
  const n = /(?:Q|M)(\d+)$/.exec(p.code)?.[1]
  if (p.kind === 'quarter' && n) return t('period.quarter', { n: Number(n), year: p.year })
  if (p.kind === 'month' && n) return t('period.month', { n: Number(n), year: p.year })
  if (p.kind === 'year') return t('period.year', { year: p.year })
  return t('period.phase', { from: formatIsoDate(p.from).slice(0, 5), to: formatIsoDate(p.to) })
}
