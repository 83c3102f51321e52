// The moment the first screen is shown. What that screen does not need (the service worker, the
// sync engine, the account menu, the server's word on the session and on the demo) waits for it:
// on a slow phone it would otherwise take the network and the CPU from the entry screen's first
// input. Stores nothing.
//
// A screen says it is shown (its data rendered, its inputs usable) with firstScreenShown(): the
// entry screen and the inbox do. Any other first screen (sign-in, a workspace) releases the wait
// RELEASE_MS after the router's first navigation.

/** How long after the first navigation deferred work starts when no screen said it was shown. */
export const RELEASE_MS = 1500

let release: () => void = () => undefined
let released = false
const shown = new Promise<void>((resolve) => (release = resolve))

/** Called by a screen once its data is on screen; only the first call counts. */
export function firstScreenShown(): void {
  if (!released) performance.mark('thidua:shown') // for the cold-load bench (BENCH_LOAD_LOG)
  released = true
  release()
}

/** Releases the wait RELEASE_MS after `navigated`, for first screens that never call firstScreenShown(). */
export function releaseAfter(navigated: Promise<unknown>): void {
  void navigated.catch(() => undefined).then(() => setTimeout(release, RELEASE_MS))
}

/** Resolves once the first screen is shown and painted, and the browser is idle (or 1 s has passed). */
export function afterFirstScreen(): Promise<void> {
  return shown.then(idle)
}

type IdleWindow = { requestIdleCallback?: (cb: () => void, options?: { timeout: number }) => number }

function idle(): Promise<void> {
  return new Promise((resolve) => {
    // After the next frame is painted, then in the first idle period.
    requestAnimationFrame(() =>
      setTimeout(() => {
        const ric = (window as IdleWindow).requestIdleCallback
        if (ric) ric(() => resolve(), { timeout: 1000 })
        else resolve()
      }, 0),
    )
  })
}
