// Which screen the address names: `#/` the list of communes, `#/xa/<code>` one commune's plan.
// The hash keeps the choice across reloads and gives the phone's back button something to go back to.

export type Route = { name: 'home' } | { name: 'commune'; code: string }

const COMMUNE_RE = /^#\/xa\/([^/?#]+)\/?$/

export function parseHash(hash: string): Route {
  const m = COMMUNE_RE.exec(hash)
  if (m?.[1] === undefined) return { name: 'home' }
  try {
    return { name: 'commune', code: decodeURIComponent(m[1]) }
  } catch {
    return { name: 'home' } // a malformed %-escape: show the list rather than fail
  }
}

export function communeHref(code: string): string {
  return `#/xa/${encodeURIComponent(code)}`
}
