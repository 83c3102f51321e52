// The head's evidence settings, stored on this phone (localStorage): whether a photo keeps its
// location. Off by default: a photo's location leaves the phone only when the head chose so.
export const KEEP_LOCATION_KEY = 'thidua.evidence.keepLocation'

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage
  } catch {
    return undefined
  }
}

export function keepLocation(): boolean {
  return storage()?.getItem(KEEP_LOCATION_KEY) === '1'
}

export function setKeepLocation(on: boolean): void {
  const s = storage()
  if (on) s?.setItem(KEEP_LOCATION_KEY, '1')
  else s?.removeItem(KEEP_LOCATION_KEY)
}
