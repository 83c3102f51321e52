// One request's state for the UI (loading / ready / error), with retry; a newer load cancels the older one.
import { onScopeDispose, shallowRef, type ShallowRef } from 'vue'
import { errorMessage } from '../api'

export type Loadable<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; message: string }

export interface Resource<T> {
  state: Readonly<ShallowRef<Loadable<T>>>
  reload: () => Promise<void>
}

export function useResource<T>(load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const state = shallowRef<Loadable<T>>({ status: 'loading' })
  let current: AbortController | undefined

  async function reload(): Promise<void> {
    current?.abort()
    const controller = (current = new AbortController())
    state.value = { status: 'loading' }
    try {
      const data = await load(controller.signal)
      if (!controller.signal.aborted) state.value = { status: 'ready', data }
    } catch (err) {
      if (!controller.signal.aborted) state.value = { status: 'error', message: errorMessage(err) }
    }
  }

  onScopeDispose(() => current?.abort())
  return { state, reload }
}
