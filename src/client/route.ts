// Which screen the address names: `#/` the list of communes, `#/xa/<code>` one commune's latest plan,
// `#/xa/<code>/<year>` its plan of that year. The hash keeps the choice across reloads and gives the
// phone's back button something to go back to.

export type Route = { name: 'home' } | { name: 'commune'; code: string; year?: number }

const COMMUNE_RE = /^#\/xa\/([^/?#]+)(?:\/(\d{4}))?\/?$/

export function parseHash(hash: string): Route {
  const m = COMMUNE_RE.exec(hash)
  if (m?.[1] === undefined) return { name: 'home' }
  let code: string
  try {
    code = decodeURIComponent(m[1])
  } catch {
    return { name: 'home' } // a malformed %-escape: show the list rather than fail
  }
  return m[2] === undefined ? { name: 'commune', code } : { name: 'commune', code, year: Number(m[2]) }
}

export function communeHref(code: string, year?: number): string {
  const href = `#/xa/${encodeURIComponent(code)}`
  return year === undefined ? href : `${href}/${year}`
}
