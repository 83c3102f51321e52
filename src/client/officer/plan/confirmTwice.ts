// Removal in two presses, as the plan's lists do it (RowActions.vue): the first press on a row only
// asks (its button turns into "confirm removal"), a second press on the same row goes ahead.
import { shallowRef, type ShallowRef } from 'vue'

export function useConfirmTwice(): { confirming: ShallowRef<string | null>; confirmed: (code: string) => boolean } {
  /** The row whose removal is being asked about; null when none. */
  const confirming = shallowRef<string | null>(null)
  /** Whether this press on `code` is the second one; the first only asks. */
  function confirmed(code: string): boolean {
    if (confirming.value === code) return true
    confirming.value = code
    return false
  }
  return { confirming, confirmed }
}
