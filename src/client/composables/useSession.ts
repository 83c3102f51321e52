// Who is signed in, for the UI: asked of the server at start, set by signing in, cleared by signing
// out or by any request the server refuses for want of a session. The session itself is the server's httpOnly cookie.
import { onScopeDispose, shallowRef, type ShallowRef } from 'vue'
import { ApiRequestError, errorMessage, getMe, logout, onSessionLost, type Me } from '../api'
import { adoptDeviceId } from '../deviceId'

export const SESSION_EXPIRED_MESSAGE = 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.'
export const SIGNED_OUT_MESSAGE = 'Bạn đã đăng xuất.'

export type SessionState =
  | { status: 'checking' }
  /** The server could not say who is signed in (offline, server down). */
  | { status: 'unreachable'; message: string }
  /** `notice` says why the sign-in screen is back, or is empty on a first visit. */
  | { status: 'signed-out'; notice: string }
  | { status: 'signed-in'; me: Me }

export interface Session {
  state: Readonly<ShallowRef<SessionState>>
  /** Asks the server who is signed in. */
  check: () => Promise<void>
  signedIn: (me: Me) => void
  /** Ends the session on the server; rejects, and stays signed in, when the server cannot be reached. */
  signOut: () => Promise<void>
}

export function useSession(): Session {
  const state = shallowRef<SessionState>({ status: 'checking' })
  let checking: AbortController | undefined

  async function check(): Promise<void> {
    checking?.abort()
    const controller = (checking = new AbortController())
    state.value = { status: 'checking' }
    try {
      const me = await getMe(controller.signal)
      if (!controller.signal.aborted) signedIn(me)
    } catch (err) {
      if (controller.signal.aborted) return
      const nobody = err instanceof ApiRequestError && err.status === 401
      state.value = nobody ? { status: 'signed-out', notice: '' } : { status: 'unreachable', message: errorMessage(err) }
    }
  }

  function signedIn(me: Me): void {
    adoptDeviceId(me.deviceId)
    state.value = { status: 'signed-in', me }
  }

  async function signOut(): Promise<void> {
    await logout()
    state.value = { status: 'signed-out', notice: SIGNED_OUT_MESSAGE }
  }

  const stopListening = onSessionLost(() => {
    if (state.value.status === 'signed-in') state.value = { status: 'signed-out', notice: SESSION_EXPIRED_MESSAGE }
  })
  onScopeDispose(() => {
    stopListening()
    checking?.abort()
  })

  return { state, check, signedIn, signOut }
}
