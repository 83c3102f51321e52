// What every workspace screen reads first: the commune its address names (/quan-ly/:commune/…) and
// whether the signed-in user manages it (officers and administrators write; leaders read).
import { computed, type ComputedRef } from 'vue'
import { useRoute } from 'vue-router'
import { MANAGERS } from '../../roles'
import { useSessionStore } from '../../stores/session'

export function useWorkspace(): { commune: ComputedRef<string>; manager: ComputedRef<boolean> } {
  const route = useRoute()
  const session = useSessionStore()
  return {
    commune: computed(() => String(route.params.commune)),
    manager: computed(() => session.me !== null && MANAGERS.includes(session.me.role)),
  }
}
