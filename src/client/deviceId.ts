// This device's id: one source, the `meta` row `deviceId` of the phone's database, which the
// sign-in, the session and every mutation share. Made once. The server keeps what it applied by
// device and mutation, so a device must never change identity: an id an older version of the app
// kept in localStorage (`thidua.deviceId`) is taken over the first time the database has none, and
// that key is never written again. The session's id, once signed in, is stored here by
// local/db.ts saveSession (a cleared database must not give a signed-in browser a second identity).
import type { ThiDuaDb } from './local/db'

/** Where versions before the database held the id kept it; read once, to keep that id. */
export const LEGACY_DEVICE_ID_KEY = 'thidua.deviceId'

/** What the server accepts (DeviceIdSchema in src/shared/protocol.ts); kept here so the bundle needs no schema library. */
const DEVICE_ID_RE = /^[A-Za-z0-9_-]{8,64}$/

/** localStorage's shape (written out: the service worker, which reaches this module, has no DOM types). */
type KeyValueStore = { getItem(key: string): string | null }

/**
 * This device's id: the stored one; else the id localStorage kept before (stored now); else
 * `create()`, stored. Inside a rw transaction that includes `meta` it joins it, else opens one.
 * `legacy`: where the older id is looked for, the browser's localStorage by default.
 */
export function deviceIdOf(db: ThiDuaDb, create: () => string = newDeviceId, legacy?: KeyValueStore): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get('deviceId')
    if (row?.key === 'deviceId') return row.value
    const id = legacyDeviceId(legacy) ?? create()
    await db.meta.put({ key: 'deviceId', value: id })
    return id
  })
}

/** The id the older version stored, if readable and one the server accepts (reading `localStorage` throws where the browser blocks storage; a worker has none). */
function legacyDeviceId(storage: KeyValueStore | undefined): string | undefined {
  try {
    const stored = (storage ?? (globalThis as { localStorage?: KeyValueStore }).localStorage)?.getItem(LEGACY_DEVICE_ID_KEY)
    return stored && DEVICE_ID_RE.test(stored) ? stored : undefined
  } catch {
    return undefined
  }
}

/** A random UUID; `crypto.randomUUID` exists only on HTTPS and localhost, so plain HTTP gets 32 random hex digits. */
export function newDeviceId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')
}
