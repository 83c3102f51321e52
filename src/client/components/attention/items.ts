// The "cần xử lý" list, read from IndexedDB: conflicts and rejections waiting for the user, oldest
// first. Loaded with the attention screen: local/ is pinned into the entry's first load, this is not.
import type { ValueData } from '../../../shared/model'
import type { RejectionCode, ServerCell } from '../../../shared/protocol'
import { communeRange, type ReportAction, type ReportConflict, type ThiDuaDb } from '../../local/db'
import { mergedValue } from '../../local/queries'

export interface AttentionItem {
  /** Pass to resolveConflict / discardRejected / retryRejected. */
  seq: number
  kind: 'conflict' | 'rejected'
  unit: string
  unitName: string | null
  period: string
  /** Null for a report's submit or recall. */
  indicator: string | null
  indicatorName: string | null
  /** The user's side: for a cell, the value the phone shows now (its latest edit); for a report, the action. */
  mine: { value: ValueData | null; note: string | null } | { action: ReportAction }
  /** For a conflict: the server's side, who changed it and when. */
  server: ServerCell | ReportConflict | null
  /** For a rejection: why, in Vietnamese. */
  rejection: { code: RejectionCode; message: string } | null
  createdAt: string
}

/** The "cần xử lý" list: conflicts and rejections, oldest first. */
export async function attentionItems(db: ThiDuaDb, commune: string): Promise<AttentionItem[]> {
  const [conflicts, rejected] = await Promise.all([
    db.outbox.where('[commune+state]').equals([commune, 'conflict']).toArray(),
    db.outbox.where('[commune+state]').equals([commune, 'rejected']).toArray(),
  ])
  const entries = [...conflicts, ...rejected].sort((a, b) => a.seq - b.seq)
  if (entries.length === 0) return []
  const [units, periods, plans] = await Promise.all([
    db.units.bulkGet(entries.map((e) => [commune, e.unit] as [string, string])),
    db.periods.bulkGet(entries.map((e) => [commune, e.period] as [string, string])),
    db.plans.where('[commune+year]').between(...communeRange(commune), true, true).toArray(),
  ])
  const cells = await db.cells.bulkGet(entries.map((e) => [commune, e.unit, e.period, e.indicator] as [string, string, string, string]))
  const planOf = new Map(plans.map((p) => [p.year, p.plan]))
  return entries.map((e, i) => {
    const m = e.mutation
    const plan = planOf.get(periods[i]?.year ?? -1)
    const mine = m.kind !== 'value' ? { action: m.action } : mergedValue(cells[i]?.local ? cells[i] : { server: null, local: { value: m.value, note: m.note } })
    return {
      seq: e.seq,
      kind: e.state === 'conflict' ? 'conflict' : 'rejected',
      unit: e.unit,
      unitName: units[i]?.name ?? null,
      period: e.period,
      indicator: m.kind === 'value' ? m.indicator : null,
      indicatorName: m.kind === 'value' ? (plan?.indicators.find((ind) => ind.code === m.indicator)?.name ?? null) : null,
      mine,
      server: e.state === 'conflict' ? e.conflict : null,
      rejection: e.state === 'rejected' ? e.rejection : null,
      createdAt: e.createdAt,
    }
  })
}
