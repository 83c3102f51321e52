// A screen's action, the busy / try / finally written once: `busy` disables the buttons while it
// runs (a second run meanwhile is ignored), and a failure's words go to whoever shows them.
import { shallowRef, type Ref } from 'vue'
import { errorMessage } from '../api'

export interface Action {
  /** True while an action runs. */
  busy: Ref<boolean>
  /**
   * Runs `body` unless an action is running. A throw is worded (the server's refusal in the
   * user's language, or the network message) and handed to `fail`. True when `body` finished.
   */
  run(body: () => Promise<unknown>, fail: (message: string, err: unknown) => void): Promise<boolean>
}

/** `words`: how an error is worded (errorMessage by default; the plan screens add their own refusals). */
export function useAction(words: (err: unknown) => string = errorMessage): Action {
  const busy = shallowRef(false)
  return {
    busy,
    async run(body, fail) {
      if (busy.value) return false
      busy.value = true
      try {
        await body()
        return true
      } catch (err) {
        fail(words(err), err)
        return false
      } finally {
        busy.value = false
      }
    },
  }
}
