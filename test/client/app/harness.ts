import 'fake-indexeddb/auto'
// Mounts the whole app (router in memory, Pinia, vue-i18n, its own IndexedDB) the way main.ts
// does, and makes "phones": a database that has pulled a commune from the sync server's double
// (serverDouble.ts: the real server cannot start in this happy-dom project; the double decides
// with the server's shared rules and in its order).
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import App from '../../../src/client/App.vue'
import type { Me } from '../../../src/client/api'
import { saveSession, type ThiDuaDb } from '../../../src/client/local/db'
import { installApp, type AppOptions, type Installed } from '../../../src/client/setup'
import { syncOnce } from '../../../src/client/sync/engine'
import type { Plan } from '../../../src/shared/model'
import { C, freshDb, PLAN, T0 } from '../local/testDb'
import { ServerDouble } from './serverDouble'

export { C }

export const reporter: Me = {
  username: 'truongthon.thon1',
  displayName: 'Nguyễn Văn An',
  role: 'reporter',
  deviceId: 'device-0001',
  commune: { code: C, name: 'Xã Thử' },
  units: [{ code: 'T1', name: 'Thôn 1', kind: 'thon' }],
}

/** The test plan: the sync server's, plus a yes/no indicator and a second field. */
export const ENTRY_PLAN: Plan = {
  ...PLAN,
  fields: [...PLAN.fields, { code: 'AN', name: 'Quốc phòng, an ninh' }],
  indicators: [
    ...PLAN.indicators,
    { code: 'ANTT', name: 'Giữ vững an toàn về an ninh trật tự', field: 'AN', unitOfMeasure: 'đạt/không đạt', aggregation: 'yes_no', proportion: true, target: { kind: 'yes_no' }, reporters: { kinds: ['thon'], units: [] } },
  ],
}

export interface Phone {
  db: ThiDuaDb
  server: ServerDouble
  /** One sync run against the server's double. */
  sync: () => ReturnType<typeof syncOnce>
}

const opened: ThiDuaDb[] = []

/** A phone signed in as `me` that has pulled the commune once. */
export async function phone(me: Me = reporter, plan: Plan = ENTRY_PLAN): Promise<Phone> {
  const db = freshDb('app')
  opened.push(db)
  const server = new ServerDouble(me)
  server.plans = [{ year: 2024, version: 1, plan }]
  await saveSession(db, me)
  const sync = () => syncOnce({ db, transport: server.transport, commune: C, clock: () => new Date(T0) })
  await sync()
  return { db, server, sync }
}

export async function closePhones(): Promise<void> {
  for (const db of opened.splice(0)) {
    db.close()
    await db.delete()
  }
}

export interface Mounted extends Installed {
  w: VueWrapper
}

/** Mounts the app at `path` and waits for the first screen. Sync is off unless asked for. */
export async function mountApp(options: AppOptions & { path?: string } = {}): Promise<Mounted> {
  const history = createMemoryHistory()
  history.replace(options.path ?? '/')
  let installed: Installed | undefined
  const w = mount(App, {
    attachTo: document.body,
    global: { plugins: [{ install: (app) => void (installed = installApp(app, { sync: false, locale: 'vi', ...options, history })) }] },
  })
  const parts = installed as unknown as Installed
  await parts.router.isReady().catch(() => undefined)
  await settle()
  return { w, ...parts }
}

/** Lets IndexedDB (fake-indexeddb answers on later macrotasks), liveQuery and Vue catch up. */
export async function settle(rounds = 8): Promise<void> {
  for (let i = 0; i < rounds; i++) await flushPromises()
}

/** Waits until `check` passes (IndexedDB and liveQuery take a few macrotasks). */
export function until(check: () => void): Promise<void> {
  return vi.waitFor(check, { timeout: 3000, interval: 10 })
}
