// The figures on this phone saved with a warning and no note yet, for "Cần xử lý". Worked out with
// the entry screen's own sheet (the same checks, the same data), for every (unit, period) the user
// can still edit: a reporter's own units, or, for anyone else, the cells edited on this phone.
import type { ValueData } from '../../../shared/model'
import { communeRange, currentUser, type PeriodRow, type ThiDuaDb } from '../../local/db'
import { mergedValue } from '../../local/queries'
import { buildSheet, loadEntry } from '../entry/sheet'

export interface UnnotedWarning {
  unit: string
  unitName: string
  period: PeriodRow
  indicator: string
  name: string
  /** The stored figure (null for a computed one: it is in the messages). */
  value: ValueData | null
  messages: string[]
}

export async function unnotedWarnings(db: ThiDuaDb, commune: string): Promise<UnnotedWarning[]> {
  const [cells, user] = await Promise.all([db.cells.where('[commune+unit+period+indicator]').between(...communeRange(commune), true, true).toArray(), currentUser(db)])
  const mine = user?.role === 'reporter' ? new Set(user.units.map((u) => u.code)) : undefined
  const pairs = new Map<string, [string, string]>()
  for (const c of cells) {
    if ((mine ? !mine.has(c.unit) : c.local === null) || mergedValue(c).value === null) continue
    pairs.set(`${c.unit}\u0000${c.period}`, [c.unit, c.period])
  }
  const out: UnnotedWarning[] = []
  for (const [unit, period] of pairs.values()) {
    const data = await loadEntry(db, commune, unit, period)
    // A report sent or approved, or a locked period, cannot take a note: the officer sees the warning.
    const sheet = data.report.readOnly ? undefined : buildSheet(data)
    for (const row of sheet?.rows ?? []) {
      if (!row.needsNote) continue
      out.push({ unit, unitName: sheet!.unit.name, period: sheet!.period, indicator: row.indicator.code, name: row.indicator.name, value: row.value, messages: row.warnings.map((w) => w.message) })
    }
  }
  return out.sort((a, b) => a.period.to.localeCompare(b.period.to) || a.unit.localeCompare(b.unit))
}
