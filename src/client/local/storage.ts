// The browser's storage for this site: asking it to keep the data, and how much space is left.
// Apart from the edits (edits.ts) so that the screens that warn of a full disk load no database code.

/** navigator.storage's shape, written out: a service worker's lacks `persist`. */
type StorageLike = {
  persist?: () => Promise<boolean>
  persisted?: () => Promise<boolean>
  estimate?: () => Promise<{ usage?: number; quota?: number }>
}

function browserStorage(): StorageLike | undefined {
  return typeof navigator === 'undefined' ? undefined : (navigator.storage as StorageLike | undefined)
}

/**
 * Asks the browser to keep this site's data under storage pressure. `unsupported` where the API
 * is missing (old iOS, plain HTTP); never throws.
 */
export async function requestPersistence(storage: StorageLike | undefined = browserStorage()): Promise<'persisted' | 'not_persisted' | 'unsupported'> {
  if (!storage?.persist) return 'unsupported'
  try {
    if (storage.persisted && (await storage.persisted())) return 'persisted'
    return (await storage.persist()) ? 'persisted' : 'not_persisted'
  } catch {
    return 'not_persisted'
  }
}

export interface StorageEstimate {
  usage: number
  quota: number
  /** Bytes still free for this site. */
  free: number
  /** True when space is short: under 20 MB or over 90 % used. */
  low: boolean
}

const LOW_FREE_BYTES = 20 * 1024 * 1024

/** How much space this site uses and may use; null where the browser cannot tell. Never throws. */
export async function storageEstimate(storage: StorageLike | undefined = browserStorage()): Promise<StorageEstimate | null> {
  if (!storage?.estimate) return null
  try {
    const { usage, quota } = await storage.estimate()
    if (typeof usage !== 'number' || typeof quota !== 'number' || quota <= 0) return null
    const free = Math.max(0, quota - usage)
    return { usage, quota, free, low: free < LOW_FREE_BYTES || usage / quota > 0.9 }
  } catch {
    return null
  }
}
