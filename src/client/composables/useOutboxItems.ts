// Waiting changes of the signed-in commune ("Cần xử lý": conflicts and rejections, quarantined
// changes) read live from IndexedDB, each with its indicator from the plan of its period's year
// and its period's name, so that a list can show the figure as the entry screen does.
import { computed } from 'vue'
import type { Indicator } from '../../shared/model'
import { periodLabel } from '../format'
import { communeRange, type ThiDuaDb } from '../local/db'
import { useI18n } from '../modules/i18n'
import { useSessionStore } from '../stores/session'
import { useDb } from './useDb'
import { useLiveQuery } from './useLiveQuery'

export interface OutboxItemView<T> {
  item: T
  /** Undefined when the plan no longer has it (or the item is a whole report's). */
  indicator: Indicator | undefined
  periodName: string
}

export function useOutboxItems<T extends { period: string; indicator: string | null }>(load: (db: ThiDuaDb, commune: string) => Promise<T[]>) {
  const { t } = useI18n()
  const db = useDb()
  const session = useSessionStore()
  const commune = computed(() => session.me?.commune?.code ?? '')
  const { data } = useLiveQuery(async (): Promise<OutboxItemView<T>[]> => {
    const c = commune.value
    const [items, plans, periods] = await Promise.all([
      load(db, c),
      db.plans.where('[commune+year]').between(...communeRange(c), true, true).toArray(),
      db.periods.where('[commune+code]').between(...communeRange(c), true, true).toArray(),
    ])
    const periodOf = new Map(periods.map((p) => [p.code, p]))
    return items.map((item) => {
      const period = periodOf.get(item.period)
      const indicator = plans.find((p) => p.year === period?.year)?.plan.indicators.find((i) => i.code === item.indicator)
      // A registration's entry is keyed `dk:<year>` (registration/outbox.ts), not a period.
      const registration = item.period.startsWith('dk:') ? `${t('account.registration')} ${item.period.slice(3)}` : item.period
      return { item, indicator, periodName: period ? periodLabel(t, period) : registration }
    })
  }, [commune])
  return { commune, data }
}
