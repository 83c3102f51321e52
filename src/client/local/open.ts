// The phone's database, made with Dexie: the one module of the phone's own code that loads Dexie.
// The first screen does without it (rawReader.ts): the app loads this module once that screen is
// shown (setup.ts), or before any other screen (router.ts), or at the first save.
import Dexie from 'dexie'
import { DB_NAME, type ThiDuaDb } from './db'

/** Opens (lazily, on first use) the database of that name; tests give each "device" its own name. */
export function createDb(name: string = DB_NAME): ThiDuaDb {
  // No query cache: a save is written on the bare IndexedDB (bareSave.ts), and Dexie keeps its
  // cache of live queries' results up to date only for its own writes.
  const db = new Dexie(name, { cache: 'disabled' }) as ThiDuaDb
  db.version(1).stores({
    meta: 'key',
    plans: '[commune+year]',
    units: '[commune+code]',
    periods: '[commune+code]',
    cells: '[commune+unit+period+indicator], [commune+unit+period]',
    reports: '[commune+unit+period]',
    // [commune+state] lists a state in seq order (equal index keys sort by primary key).
    outbox: '++seq, &mutationId, [commune+state], [commune+unit+period+indicator], [commune+unit+period]',
    syncState: 'commune',
  })
  // Registration for emulation titles: new tables only, every existing row (the outbox above all) kept as it is.
  db.version(2).stores({
    registrations: '[commune+unit+year]',
    registrationTitles: '[commune+code]',
    registrationSettings: '[commune+year]',
  })
  return db
}

let shared: ThiDuaDb | undefined

/** The app's database. */
export function getDb(): ThiDuaDb {
  shared ??= createDb()
  return shared
}

