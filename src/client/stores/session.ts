// Who uses the app on this device. The session is the server's httpOnly cookie; the user it
// belongs to is kept in IndexedDB (`meta.user`) so the app opens at once, offline, for months.
// The server confirms it in the background whenever it can be reached.
import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import { ApiRequestError, errorMessage, getMe, logout, onSessionLost, type Me } from '../api'
import { communeRange, currentUser, saveSession, type ThiDuaDb } from '../local/db'
import { later, useLocal, useServices } from '../composables/useDb'
import { useSyncStore } from './sync'

/**
 * `starting`: reading the stored user; `unreachable`: nobody stored and the server could not say
 * who is signed in; `signed-out`: the sign-in screen; `signed-in`: the app (offline or not).
 */
export type SessionStatus = 'starting' | 'unreachable' | 'signed-out' | 'signed-in'

/** Why the sign-in screen is shown again: the session ended on the server, or the user signed out. */
export type SessionNotice = '' | 'expired' | 'signedOut'

const isUnauthorized = (err: unknown): boolean => err instanceof ApiRequestError && err.status === 401

/**
 * A village head newly given another unit needs its history, which earlier pulls left out: pull
 * again from the start at the next sync (docs/sync.md). The outbox and stored figures stay.
 */
async function pullAgainForNewUnits(db: ThiDuaDb, user: Me): Promise<void> {
  const commune = user.commune?.code
  if (!commune || user.units.length === 0) return
  const known = new Set((await db.units.where('[commune+code]').between(...communeRange(commune), true, true).toArray()).map((u) => u.code))
  if (known.size > 0 && user.units.some((u) => !known.has(u.code))) {
    const { requestFullPull } = await import('../sync/engine')
    await requestFullPull(db, commune)
  }
}

export const useSessionStore = defineStore('session', () => {
  const local = useLocal()
  const services = useServices()
  const sync = useSyncStore()
  const status = ref<SessionStatus>('starting')
  const me = shallowRef<Me | null>(null)
  const notice = ref<SessionNotice>('')
  const unreachableMessage = ref('')
  /** The server confirmed the session during this visit; false while it could not be reached. */
  const confirmed = ref(false)
  let starting: Promise<void> | undefined

  /** Opens the app with the stored user at once, or asks the server when none is stored. Runs once. */
  function start(): Promise<void> {
    starting ??= boot()
    return starting
  }

  async function boot(): Promise<void> {
    const stored = await local
      .firstReader()
      .then(currentUser)
      .catch(() => null)
    if (stored) {
      performance.mark('thidua:user')
      enter(stored)
      // Asked once the first screen is shown: the stored user opens the app, offline or not, and
      // the answer (a 401 ends the session) need not compete with the first screen for the network.
      void later(services).then(confirm)
      return
    }
    await check()
  }

  /** Nobody is stored: the server may still know a session (a browser signed in before this version). */
  async function check(): Promise<void> {
    status.value = 'starting'
    try {
      await signedIn(await getMe())
    } catch (err) {
      if (isUnauthorized(err)) {
        status.value = 'signed-out'
      } else {
        unreachableMessage.value = errorMessage(err)
        status.value = 'unreachable'
      }
    }
  }

  /** Asks the server whether the stored session still holds: 401 ends it; no network keeps it (offline). */
  async function confirm(): Promise<void> {
    try {
      const fresh = await getMe()
      if (status.value !== 'signed-in') return
      confirmed.value = true
      if (JSON.stringify(fresh) !== JSON.stringify(me.value)) {
        const db = await local.open().catch(() => undefined)
        if (db) {
          await saveSession(db, fresh).catch(() => undefined)
          await pullAgainForNewUnits(db, fresh).catch(() => undefined)
        }
        enter(fresh)
      }
    } catch (err) {
      if (isUnauthorized(err) && status.value === 'signed-in') await end('expired')
    }
  }

  function enter(user: Me): void {
    me.value = user
    notice.value = ''
    status.value = 'signed-in'
    if (user.commune) void sync.start(user.commune.code)
    else sync.stop()
  }

  /** After a sign-in: the user is stored before sync starts, and the browser is asked to keep the data. */
  async function signedIn(user: Me): Promise<void> {
    confirmed.value = true
    await local
      .open()
      .then((db) => saveSession(db, user))
      .catch(() => undefined)
    enter(user)
    // Asked once signed in (edits.ts is a small chunk of its own, loaded with the first save anyway).
    void import('../local/storage').then((m) => m.requestPersistence())
  }

  /** Drops the session on this device. The outbox and every stored figure stay. */
  async function end(why: SessionNotice): Promise<void> {
    sync.stop()
    await local
      .open()
      .then((db) => saveSession(db, null))
      .catch(() => undefined)
    me.value = null
    confirmed.value = false
    notice.value = why
    status.value = 'signed-out'
  }

  /** Ends the session on the server, then here; rejects (still signed in) when the server cannot be reached. */
  async function signOut(): Promise<void> {
    await logout()
    await end('signedOut')
  }

  onSessionLost(() => {
    if (status.value === 'signed-in') void end('expired')
  })
  // A sync refused for want of a session: ask the server whether it really ended.
  watch(
    () => sync.lastRunError,
    (kind) => {
      if (kind === 'unauthorized') void confirm()
    },
  )

  return { status, me, notice, unreachableMessage, confirmed, start, check, confirm, signedIn, signOut }
})
