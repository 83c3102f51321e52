// What the "Cần xử lý" lists (conflicts and rejections, quarantined changes) share about a change
// waiting on the phone: its title, the user's own figure or report action and note, and an action
// on it whose outcome is said above the list. Written once for AttentionPage and QuarantineList.
import { shallowRef } from 'vue'
import type { Indicator, ValueData } from '../../../shared/model'
import type { OutboxItemView } from '../../composables/useOutboxItems'
import { formatValue } from '../../formatValue'
import type { ReportAction } from '../../local/db'
import type { Translate } from '../../modules/i18n'
import { useSyncStore } from '../../stores/sync'

/** A waiting change as both lists hold it. */
export type WaitingChange = OutboxItemView<{
  indicator: string | null
  indicatorName: string | null
  mine: { value: ValueData | null; note?: string | null } | { action: ReportAction }
}>

/** The indicator's unit and scale, or none when the plan no longer has it. */
const PLAIN: Pick<Indicator, 'unitOfMeasure' | 'scale'> = { unitOfMeasure: '' }

/** A figure of this change's indicator, as the entry screen shows it. */
export function figureOf(t: Translate, s: WaitingChange, value: ValueData | null | undefined): string {
  return formatValue(t, value, s.indicator ?? PLAIN)
}

/** The user's side: their figure, or the report action (submit, recall). */
export function mineOf(t: Translate, s: WaitingChange): string {
  const m = s.item.mine
  return 'action' in m ? t(`attention.action.${m.action}`) : figureOf(t, s, m.value)
}

/** The note the user wrote with their figure; '' for none or a report action. */
export function mineNoteOf(s: WaitingChange): string {
  return 'action' in s.item.mine ? '' : (s.item.mine.note ?? '')
}

/** The indicator's name (its code when the name is unknown), or "the report" for a report action. */
export function titleOf(t: Translate, s: WaitingChange): string {
  return s.item.indicator === null ? t('attention.report') : (s.item.indicatorName ?? s.item.indicator)
}

/** An action on a waiting change: `done` said when it went through (and a sync asked for), the error otherwise. */
export function useWaitingAction() {
  const sync = useSyncStore()
  const notice = shallowRef('')
  const failure = shallowRef('')
  async function run(what: () => Promise<unknown>, done: string): Promise<void> {
    notice.value = ''
    failure.value = ''
    try {
      await what()
      notice.value = done
      sync.notifyEdit()
    } catch (err) {
      failure.value = err instanceof Error ? err.message : String(err)
    }
  }
  return { notice, failure, run }
}
