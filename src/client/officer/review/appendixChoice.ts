// The evidence photos the officer chose for the review report's appendix, by commune: ticked in a
// report's review, sent with the Word download (`?evidence=`). Kept in this browser's storage,
// so the choice survives moving between reports; at most APPENDIX_MAX photos.
import { ref, type Ref } from 'vue'

export const APPENDIX_MAX = 30
const key = (commune: string): string => `thidua.appendix.${commune}`
const chosen = new Map<string, Ref<string[]>>()

function read(commune: string): string[] {
  try {
    const v = JSON.parse(globalThis.localStorage?.getItem(key(commune)) ?? '[]') as unknown
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, APPENDIX_MAX) : []
  } catch {
    return []
  }
}

/** The ids chosen for this commune (reactive, shared by the screens). */
export function appendixChoice(commune: string): Ref<string[]> {
  let r = chosen.get(commune)
  if (!r) chosen.set(commune, (r = ref(read(commune))))
  return r
}

function save(commune: string, ids: string[]): void {
  appendixChoice(commune).value = ids
  try {
    globalThis.localStorage?.setItem(key(commune), JSON.stringify(ids))
  } catch {
    // Private browsing: the choice lasts the page.
  }
}

/** Ticks or unticks a photo; a tick past the maximum is ignored (false). */
export function toggleAppendix(commune: string, id: string): boolean {
  const ids = appendixChoice(commune).value
  if (ids.includes(id)) {
    save(commune, ids.filter((x) => x !== id))
    return true
  }
  if (ids.length >= APPENDIX_MAX) return false
  save(commune, [...ids, id])
  return true
}

export function clearAppendix(commune: string): void {
  save(commune, [])
}
