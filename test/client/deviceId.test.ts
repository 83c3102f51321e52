// The device id: made once, kept under thidua.deviceId, and never in the way of signing in when storage fails.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEVICE_ID_KEY, newDeviceId, readOrCreateDeviceId } from '../../src/client/deviceId'

const memoryStore = (initial: Record<string, string> = {}) => {
  const data = new Map(Object.entries(initial))
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data }
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('readOrCreateDeviceId', () => {
  it('makes an id once and then keeps it', () => {
    const store = memoryStore()
    const create = vi.fn(() => 'b6f1c2de-0000-4000-8000-000000000001')
    expect(readOrCreateDeviceId(store, create)).toBe('b6f1c2de-0000-4000-8000-000000000001')
    expect(store.data.get(DEVICE_ID_KEY)).toBe('b6f1c2de-0000-4000-8000-000000000001')
    expect(readOrCreateDeviceId(store, () => 'another-id-0002')).toBe('b6f1c2de-0000-4000-8000-000000000001')
    expect(create).toHaveBeenCalledTimes(1)
  })

  it('replaces a stored value the server would refuse', () => {
    const store = memoryStore({ [DEVICE_ID_KEY]: 'not a device id!' })
    expect(readOrCreateDeviceId(store, () => 'fresh-device-0001')).toBe('fresh-device-0001')
    expect(store.data.get(DEVICE_ID_KEY)).toBe('fresh-device-0001')
  })

  it('still gives an id when storage throws or is missing', () => {
    const blocked = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError')
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError')
      },
    }
    expect(readOrCreateDeviceId(blocked, () => 'page-device-0001')).toBe('page-device-0001')
    expect(readOrCreateDeviceId(undefined, () => 'page-device-0002')).toBe('page-device-0002')
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
