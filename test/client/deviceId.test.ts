import 'fake-indexeddb/auto'
// The device id: one source (the database's `meta` row), made once, never changed by an update of
// the app: an id kept in localStorage by an older version is taken over, one already in the
// database wins, and the session's id is the one stored once signed in.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { deviceIdOf, LEGACY_DEVICE_ID_KEY, newDeviceId } from '../../src/client/deviceId'
import { saveSession, type ThiDuaDb } from '../../src/client/local/db'
import { saveValue } from '../../src/client/local/edits'
import { C, editDeps, freshDb } from './local/testDb'

const dbs: ThiDuaDb[] = []
const open = () => {
  const db = freshDb('device')
  dbs.push(db)
  return db
}
afterEach(async () => {
  vi.unstubAllGlobals()
  for (const db of dbs.splice(0)) await db.delete()
})

const memoryStore = (initial: Record<string, string> = {}) => {
  const data = new Map(Object.entries(initial))
  return { getItem: (k: string) => data.get(k) ?? null, data }
}
const stored = async (db: ThiDuaDb) => (await db.meta.get('deviceId'))?.value

describe('deviceIdOf', () => {
  it('makes an id once and then keeps it, in the database', async () => {
    const db = open()
    const create = vi.fn(() => 'b6f1c2de-0000-4000-8000-000000000001')
    expect(await deviceIdOf(db, create, memoryStore())).toBe('b6f1c2de-0000-4000-8000-000000000001')
    expect(await deviceIdOf(db, () => 'another-id-0002', memoryStore())).toBe('b6f1c2de-0000-4000-8000-000000000001')
    expect(create).toHaveBeenCalledTimes(1)
    expect(await stored(db)).toBe('b6f1c2de-0000-4000-8000-000000000001')
  })

  it('takes over the id an older version kept in localStorage, and keeps it after that key changes', async () => {
    const db = open()
    const legacy = memoryStore({ [LEGACY_DEVICE_ID_KEY]: 'old-phone-0001' })
    const create = vi.fn(() => 'fresh-device-0001')
    expect(await deviceIdOf(db, create, legacy)).toBe('old-phone-0001')
    expect(await stored(db)).toBe('old-phone-0001')
    legacy.data.set(LEGACY_DEVICE_ID_KEY, 'other-phone-0002')
    expect(await deviceIdOf(db, create, legacy)).toBe('old-phone-0001')
    expect(create).not.toHaveBeenCalled()
  })

  it('keeps the id already in the database over one left in localStorage', async () => {
    const db = open()
    await db.meta.put({ key: 'deviceId', value: 'queued-with-0001' })
    expect(await deviceIdOf(db, () => 'fresh-device-0001', memoryStore({ [LEGACY_DEVICE_ID_KEY]: 'old-phone-0001' }))).toBe('queued-with-0001')
  })

  it('makes a new id when localStorage held one the server would refuse, or cannot be read', async () => {
    const refused = open()
    expect(await deviceIdOf(refused, () => 'fresh-device-0001', memoryStore({ [LEGACY_DEVICE_ID_KEY]: 'not a device id!' }))).toBe('fresh-device-0001')
    const blocked = open()
    const throwing = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError')
      },
    }
    expect(await deviceIdOf(blocked, () => 'page-device-0001', throwing)).toBe('page-device-0001')
    expect(await deviceIdOf(open(), () => 'page-device-0002')).toBe('page-device-0002')
  })

  it('reads localStorage by default: a phone updated from the version that kept its id there keeps it', async () => {
    localStorage.setItem(LEGACY_DEVICE_ID_KEY, 'updated-phone-0001')
    try {
      expect(await deviceIdOf(open())).toBe('updated-phone-0001')
    } finally {
      localStorage.removeItem(LEGACY_DEVICE_ID_KEY)
    }
  })

  it('is the session’s id once signed in', async () => {
    const db = open()
    await deviceIdOf(db, () => 'before-login-0001', memoryStore())
    await saveSession(db, { username: 'an', displayName: 'An', role: 'reporter', commune: null, units: [], deviceId: 'session-dev-0001' })
    expect(await deviceIdOf(db, () => 'unused-id-0001', memoryStore())).toBe('session-dev-0001')
  })

  it('is the id a change saved on the phone carries, the older version’s included', async () => {
    const db = open()
    localStorage.setItem(LEGACY_DEVICE_ID_KEY, 'updated-phone-0002')
    try {
      const saved = await saveValue(editDeps(db), { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT', value: { kind: 'number', value: 1 } })
      const entry = await db.outbox.get(saved.seq)
      expect(entry?.mutation.deviceId).toBe('updated-phone-0002')
      expect(await stored(db)).toBe('updated-phone-0002')
    } finally {
      localStorage.removeItem(LEGACY_DEVICE_ID_KEY)
    }
  })
})

describe('newDeviceId', () => {
  const ACCEPTED = /^[A-Za-z0-9_-]{8,64}$/

  it('is a random UUID where the browser offers one', () => {
    const id = newDeviceId()
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(newDeviceId()).not.toBe(id)
  })

  it('falls back to random hex on plain HTTP, where randomUUID is missing', () => {
    vi.stubGlobal('crypto', { getRandomValues: (a: Uint8Array) => a.fill(171) })
    expect(newDeviceId()).toBe('ab'.repeat(16))
    expect(newDeviceId()).toMatch(ACCEPTED)
  })
})
