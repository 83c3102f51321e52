// Whether this server runs the demo (GET /api/server-info): every page then wears a small
// "Bản trình diễn" ribbon. The last answer is kept in localStorage so the ribbon shows offline too.
import { shallowRef, type Ref } from 'vue'
import { apiRequest } from './api'
import type { ServerInfo } from '../shared/api'

export const DEMO_KEY = 'thidua.demo'

/**
 * The stored answer at once, then the server's when it can be reached (a failure keeps the stored
 * one), asked once `after` resolves (App.vue: once the first screen is shown).
 */
export function useDemoFlag(after: Promise<void> = Promise.resolve()): Readonly<Ref<boolean>> {
  const demo = shallowRef(false)
  try {
    demo.value = localStorage.getItem(DEMO_KEY) === '1'
  } catch {
    // blocked storage: no ribbon until the server answers
  }
  after.then(() => apiRequest<ServerInfo>('/api/server-info', { session: 'none' })).then(
    (info) => {
      demo.value = info.demo === true
      try {
        localStorage.setItem(DEMO_KEY, demo.value ? '1' : '0')
      } catch {
        // blocked storage: the answer lasts as long as the page
      }
    },
    () => undefined,
  )
  return demo
}
