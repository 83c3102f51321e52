// Dexie's name for one part of a database that a commit changed: its live queries compare the
// parts a commit names (Dexie.on.storagemutated) with the parts they read. The writes made on the
// bare IndexedDB API (bareSave.ts, periodWrites.ts) name theirs the same way.

/** The part of `store` read through `index` ('' for the primary key, ':dels' for deletions and blind puts). */
export const changedPart = (dbName: string, store: string, index: string): string => `idb://${dbName}/${store}/${index}`
