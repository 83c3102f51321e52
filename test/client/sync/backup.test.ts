import 'fake-indexeddb/auto'
// The backup of unsent changes: what it holds, a checksum that catches any change, and the two
// ways it leaves the phone (share sheet, download).
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ThiDuaDb } from '../../../src/client/local/db'
import { saveValue, submitReport } from '../../../src/client/local/edits'
import { BackupUnsupportedError, backupFileName, canonicalJson, createBackup, sha256Hex, shareBackup, verifyBackup } from '../../../src/client/sync/backup'
import { C, editDeps, freshDb, T0 } from '../local/testDb'

const dbs: ThiDuaDb[] = []
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete()
})

async function phoneWithChanges() {
  const db = freshDb('backup')
  dbs.push(db)
  await db.meta.put({ key: 'deviceId', value: 'device-0001' })
  await db.meta.put({ key: 'user', value: { username: 'xa-thu.t1', displayName: 'Trưởng thôn 1', role: 'reporter', deviceId: 'device-0001', commune: { code: C, name: 'Xã Thử' }, units: [] } })
  const edits = editDeps(db)
  await saveValue(edits, { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT', value: { kind: 'number', value: 1448.5 }, note: 'sản lượng' })
  await saveValue(edits, { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'BHYT', value: { kind: 'ratio', numerator: 940, denominator: 1000 } })
  await submitReport(edits, { commune: C, unit: 'T1', period: '2024-Q1' })
  await saveValue(edits, { commune: 'xa-khac', unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT', value: { kind: 'number', value: 1 } })
  await db.outbox.update(2, { state: 'rejected', rejection: { code: 'period_locked', message: 'Đã khóa' } })
  return db
}

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order, drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: null }], c: 'x' }, u: undefined })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":1}]},"b":1}')
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }))
    expect(canonicalJson('Thôn 1')).toBe('"Thôn 1"')
  })
})

describe('sha256Hex', () => {
  it('hashes the UTF-8 text', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(await sha256Hex('Thôn')).toHaveLength(64)
  })
})

describe('createBackup / verifyBackup', () => {
  it('holds every unsent change of the commune, in order, whatever its state', async () => {
    const db = await phoneWithChanges()
    const backup = await createBackup(db, C, () => new Date(T0))
    expect(backup).toMatchObject({
      format: 'thi-dua.backup/1',
      commune: C,
      deviceId: 'device-0001',
      user: { username: 'xa-thu.t1', displayName: 'Trưởng thôn 1' },
      createdAt: T0,
    })
    expect(backup.mutations.map((m) => m.mutationId)).toEqual(['mut-0001', 'mut-0002', 'mut-0003'])
    expect(backup.mutations[0]).toEqual((await db.outbox.get(1))!.mutation)
    expect(backup.checksum).toMatch(/^[0-9a-f]{64}$/)
    expect(await verifyBackup(backup)).toEqual({ ok: true, backup })
    // As the officer uploads it: text, pretty-printed, keys in any order.
    expect((await verifyBackup(JSON.stringify(backup, null, 2))).ok).toBe(true)
  })

  it('detects any change to the file', async () => {
    const db = await phoneWithChanges()
    const backup = await createBackup(db, C, () => new Date(T0))
    const tampered = structuredClone(backup)
    ;(tampered.mutations[0] as { value: unknown }).value = { kind: 'number', value: 14485 }
    expect(await verifyBackup(tampered)).toEqual({ ok: false, reason: expect.stringMatching(/mã kiểm tra không khớp/) })
    const dropped = { ...structuredClone(backup), mutations: backup.mutations.slice(1) }
    expect((await verifyBackup(dropped)).ok).toBe(false)
    expect((await verifyBackup({ ...backup, commune: 'xa-khac' })).ok).toBe(false)
    expect((await verifyBackup({ ...backup, checksum: backup.checksum.replace(/.$/, (c) => (c === '0' ? '1' : '0')) })).ok).toBe(false)
    expect(await verifyBackup('{not json')).toEqual({ ok: false, reason: expect.stringMatching(/không đọc được/) })
    expect((await verifyBackup({ ...backup, format: 'other/1' })).ok).toBe(false)
    expect((await verifyBackup({ format: 'thi-dua.backup/1' })).ok).toBe(false)
    expect((await verifyBackup([])).ok).toBe(false)
  })

  it('names the file after the commune and the time', () => {
    expect(backupFileName({ commune: C, createdAt: '2024-05-10T08:03:59.000Z' })).toBe('thidua-xa-thu-20240510-0803.json')
  })
})

const WORDS = { title: 'Backup', text: 'Unsent figures' }

describe('shareBackup', () => {
  it('uses the share sheet with a file where the browser can share files', async () => {
    const db = await phoneWithChanges()
    const backup = await createBackup(db, C, () => new Date(T0))
    const share = vi.fn(async (_data: ShareData) => {})
    const result = await shareBackup(backup, WORDS, { navigator: { share, canShare: () => true } })
    expect(result).toBe('shared')
    expect(share.mock.calls[0]![0]).toMatchObject(WORDS)
    const file = share.mock.calls[0]![0].files![0]!
    expect(file.name).toBe('thidua-xa-thu-20240510-0800.json')
    expect((await verifyBackup(await file.text())).ok).toBe(true)
  })

  it('says so, for the screen to word, where the browser can neither share nor download', async () => {
    const db = await phoneWithChanges()
    const backup = await createBackup(db, C)
    await expect(shareBackup(backup, WORDS, {})).rejects.toBeInstanceOf(BackupUnsupportedError)
  })

  it('says cancelled when the user closes the share sheet', async () => {
    const db = await phoneWithChanges()
    const backup = await createBackup(db, C)
    const share = vi.fn(() => Promise.reject(new DOMException('closed', 'AbortError')))
    expect(await shareBackup(backup, WORDS, { navigator: { share, canShare: () => true } })).toBe('cancelled')
  })

  it('downloads through an object URL where sharing files is not possible', async () => {
    const db = freshDb('backup')
    dbs.push(db)
    const backup = await createBackup(db, C, () => new Date(T0))
    expect(backup.mutations).toEqual([])
    // fake-indexeddb needs real timers: fake them only for the revoke.
    vi.useFakeTimers()
    try {
      const url = { createObjectURL: vi.fn(() => 'blob:thidua-1'), revokeObjectURL: vi.fn() }
      const clicked: { href: string; download: string }[] = []
      const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push({ href: this.href, download: this.download })
      })
      const result = await shareBackup(backup, WORDS, { navigator: { share: vi.fn(), canShare: () => false }, document, url })
      expect(result).toBe('downloaded')
      expect(clicked).toEqual([{ href: 'blob:thidua-1', download: 'thidua-xa-thu-20240510-0800.json' }])
      expect(document.querySelectorAll('a[download]')).toHaveLength(0)
      vi.advanceTimersByTime(60_000)
      expect(url.revokeObjectURL).toHaveBeenCalledWith('blob:thidua-1')
      click.mockRestore()
    } finally {
      vi.useRealTimers()
    }
  })
})
