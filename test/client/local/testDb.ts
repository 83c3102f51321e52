// Test helpers: a fresh Dexie database per test (fake-indexeddb), a fixed clock, predictable ids.
import { type ThiDuaDb } from '../../../src/client/local/db'
import { createDb } from '../../../src/client/local/open'
import type { EditDeps } from '../../../src/client/local/edits'
import type { Plan } from '../../../src/shared/model'

let count = 0

/** A database of its own: tests never see each other's rows. */
export function freshDb(label = 'test'): ThiDuaDb {
  count += 1
  return createDb(`thidua-${label}-${count}-${Math.random().toString(36).slice(2)}`)
}

/** Ids the server accepts (8–64 of [A-Za-z0-9_-]), in order: `mut-0001`, `mut-0002`… */
export function sequentialIds(prefix = 'mut'): () => string {
  let i = 0
  return () => `${prefix}-${String(++i).padStart(4, '0')}`
}

export const T0 = '2024-05-10T08:00:00.000Z'

export function editDeps(db: ThiDuaDb, prefix = 'mut'): EditDeps {
  return { db, clock: () => new Date(T0), newId: sequentialIds(prefix) }
}

export const C = 'xa-thu'

/**
 * The test commune's plan: two flows, a computed yield and a rate, every one reported by the
 * villages. The real server is seeded with it for the sync tests (test/support/phoneServer.ts); the
 * screen tests' phones get it (app/harness.ts ENTRY_PLAN adds to it); dbUpgrade stores it as a
 * first-release phone did.
 */
export const PLAN: Plan = {
  year: 2024,
  title: 'Kế hoạch thi đua năm 2024',
  movements: [],
  phases: [],
  rules: [],
  fields: [{ code: 'KT', name: 'Kinh tế' }],
  indicators: [
    { code: 'LUA_DT', name: 'Diện tích lúa', field: 'KT', unitOfMeasure: 'ha', aggregation: 'flow', proportion: true, reporters: { kinds: ['thon'], units: [] } },
    { code: 'LUA_SL', name: 'Sản lượng lúa', field: 'KT', unitOfMeasure: 'tấn', aggregation: 'flow', proportion: true, reporters: { kinds: ['thon'], units: [] } },
    { code: 'LUA_NS', name: 'Năng suất lúa', field: 'KT', unitOfMeasure: 'tạ/ha', aggregation: 'stock', proportion: true, formula: 'LUA_SL * 10 / LUA_DT', reporters: { kinds: ['thon'], units: [] } },
    { code: 'BHYT', name: 'Tỷ lệ tham gia BHYT', field: 'KT', unitOfMeasure: '%', aggregation: 'rate', scale: 100, proportion: true, reporters: { kinds: ['thon'], units: [] } },
  ],
}
