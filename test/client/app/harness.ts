import 'fake-indexeddb/auto'
// Mounts the whole app (router in memory, Pinia, vue-i18n, its own IndexedDB) the way main.ts
// does, and makes "phones": a database that has pulled a commune of its own from the run's one
// real server (test/support/liveServer.ts, started by test/globalSetup.ts) over HTTP, signed in as
// the phone's user (liveCommune.ts). The phone keeps the commune code C; its
// transport sends to the commune's code on the server.
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { beforeAll, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import type { ComponentOptions } from 'vue'
import App from '../../../src/client/App.vue'
import type { Me } from '../../../src/client/api'
import { saveSession, type ThiDuaDb } from '../../../src/client/local/db'
import { installApp, type AppOptions, type Installed } from '../../../src/client/setup'
import { syncOnce } from '../../../src/client/sync/engine'
import type { Plan } from '../../../src/shared/model'
import { C, freshDb, PLAN, T0 } from '../local/testDb'
import { FaultyWire } from '../sync/faults'
import { liveServerUp, openLiveCommune, type LiveCommune } from './liveCommune'

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
  /** The phone's commune on the real server, and the office's side of it. */
  server: LiveCommune
  /** The phone's wire to the server: the faults a test injects (a cut connection), and what went through. */
  wire: FaultyWire
  /** One sync run against the server. */
  sync: () => ReturnType<typeof syncOnce>
}

const opened: ThiDuaDb[] = []

/**
 * For a file whose tests make phones: waits, once, for the run's server to be up. The first file
 * to ask starts it, which takes tens of seconds on a busy machine: more than a test's timeout.
 */
export function withLiveServer(): void {
  beforeAll(liveServerUp, 240_000)
}

/** A phone signed in as `me` that has pulled the commune once. */
export async function phone(me: Me = reporter, plan: Plan = ENTRY_PLAN): Promise<Phone> {
  const db = freshDb('app')
  opened.push(db)
  const server = await openLiveCommune(me, plan)
  const wire = new FaultyWire(server.transport)
  await saveSession(db, me)
  const sync = () => syncOnce({ db, transport: wire, commune: C, clock: () => new Date(T0) })
  await sync()
  return { db, server, wire, sync }
}

export async function closePhones(): Promise<void> {
  for (const db of opened.splice(0)) {
    db.close()
    await db.delete()
  }
}

export interface Mounted extends Installed {
  w: VueWrapper
  /** The database the app was given (or, without one, the app's own once Dexie is loaded). */
  db: ThiDuaDb
}

/** Mounts the app at `path` and waits for the first screen. Sync is off unless asked for. */
export async function mountApp({ mixins, ...options }: AppOptions & { path?: string; mixins?: ComponentOptions[] } = {}): Promise<Mounted> {
  const history = createMemoryHistory()
  history.replace(options.path ?? '/')
  let installed: Installed | undefined
  const w = mount(App, {
    attachTo: document.body,
    global: { plugins: [{ install: (app) => void (installed = installApp(app, { sync: false, locale: 'vi', ...options, history })) }], mixins: mixins ?? [] },
  })
  const parts = installed as unknown as Installed
  await parts.router.isReady().catch(() => undefined)
  await settle()
  return { w, ...parts, db: options.db ?? (await parts.local.open()) }
}

/** Lets IndexedDB (fake-indexeddb answers on later macrotasks), liveQuery and Vue catch up. */
export async function settle(rounds = 8): Promise<void> {
  for (let i = 0; i < rounds; i++) await flushPromises()
}

/** Waits until `check` passes (IndexedDB and liveQuery take a few macrotasks). */
export function until(check: () => void): Promise<void> {
  return vi.waitFor(check, { timeout: 3000, interval: 10 })
}
