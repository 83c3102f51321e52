// This browser's device id, sent with every sign-in: made once and kept in localStorage under `thidua.deviceId`.
// Where storage is blocked (private mode, storage disabled) the id lasts as long as the page.

export const DEVICE_ID_KEY = 'thidua.deviceId'

/** What the server accepts (DeviceIdSchema in src/shared/protocol.ts); kept here so the bundle needs no schema library. */
const DEVICE_ID_RE = /^[A-Za-z0-9_-]{8,64}$/

/** localStorage's shape (written out: the service worker, which reaches this module, has no DOM types). */
type KeyValueStore = { getItem(key: string): string | null; setItem(key: string, value: string): void }

let current: string | undefined

/** The id of this device, the same on every call and, where storage works, across visits. */
export function deviceId(): string {
  current ??= readOrCreateDeviceId(browserStorage(), newDeviceId)
  return current
}

/**
 * Takes the id the server holds for this browser's session. The session's id wins over a stored
 * one: a cleared localStorage must not give a signed-in browser a second identity.
 */
export function adoptDeviceId(id: string): void {
  if (!DEVICE_ID_RE.test(id) || id === current) return
  current = id
  save(browserStorage(), id)
}

/** The stored id, or a new one, stored; a store that throws is treated as absent. */
export function readOrCreateDeviceId(storage: KeyValueStore | undefined, create: () => string): string {
  let stored: string | null = null
  try {
    stored = storage?.getItem(DEVICE_ID_KEY) ?? null
  } catch {
    // unreadable storage: make an id for this page
  }
  if (stored !== null && DEVICE_ID_RE.test(stored)) return stored
  const id = create()
  save(storage, id)
  return id
}

/** A random UUID; `crypto.randomUUID` exists only on HTTPS and localhost, so plain HTTP gets 32 random hex digits. */
export function newDeviceId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')
}

function save(storage: KeyValueStore | undefined, id: string): void {
  try {
    storage?.setItem(DEVICE_ID_KEY, id)
  } catch {
    // full or blocked storage: the id still serves this page
  }
}

/** Even reading `localStorage` throws where the browser blocks storage; a worker has none. */
function browserStorage(): KeyValueStore | undefined {
  try {
    return (globalThis as { localStorage?: KeyValueStore }).localStorage
  } catch {
    return undefined
  }
}
