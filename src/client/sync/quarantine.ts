// What "Cần xử lý" shows of the quarantined changes (sync/engine.ts): a read of IndexedDB like
// local/queries.ts, kept here, in the lazily loaded sync code, because queries.ts travels in the
// entry screen's first load and only the attention page needs this.
import type { ValueData } from '../../shared/model'
import { communeRange, type ReportAction, type ThiDuaDb } from '../local/db'

/** A change the server failed on by itself (sync/engine.ts quarantine), as "Cần xử lý" shows it. */
export interface QuarantinedItem {
  /** Pass to retryQuarantined / discardQuarantined. */
  seq: number
  unit: string
  unitName: string | null
  period: string
  /** Null for a report's submit or recall. */
  indicator: string | null
  indicatorName: string | null
  /** The figure (and note) of this very change, or the report action. */
  mine: { value: ValueData | null; note: string | null | undefined } | { action: ReportAction }
  createdAt: string
  /** When it was quarantined. */
  at: string | null
}

/** The quarantined changes, oldest first. */
export async function quarantinedItems(db: ThiDuaDb, commune: string): Promise<QuarantinedItem[]> {
  const entries = await db.outbox.where('[commune+state]').equals([commune, 'quarantined']).toArray()
  if (entries.length === 0) return []
  const [units, periods, plans] = await Promise.all([
    db.units.bulkGet(entries.map((e) => [commune, e.unit] as [string, string])),
    db.periods.bulkGet(entries.map((e) => [commune, e.period] as [string, string])),
    db.plans.where('[commune+year]').between(...communeRange(commune), true, true).toArray(),
  ])
  const planOf = new Map(plans.map((p) => [p.year, p.plan]))
  return entries.map((e, i) => {
    const m = e.mutation
    const plan = planOf.get(periods[i]?.year ?? -1)
    return {
      seq: e.seq,
      unit: e.unit,
      unitName: units[i]?.name ?? null,
      period: e.period,
      indicator: m.kind === 'value' ? m.indicator : null,
      indicatorName: m.kind === 'value' ? (plan?.indicators.find((ind) => ind.code === m.indicator)?.name ?? null) : null,
      mine: m.kind !== 'value' ? { action: m.action } : { value: m.value, note: m.note },
      createdAt: e.createdAt,
      at: e.quarantine?.at ?? null,
    }
  })
}
