// The plan viewer's addresses (vue-router, history mode): `/ke-hoach` the communes the user may
// see, `/ke-hoach/<code>` one commune's latest plan, `/ke-hoach/<code>/<year>` its plan of that year.

export type Route = { name: 'home' } | { name: 'commune'; code: string; year?: number }

/** The viewer's screen from the route's params (`commune`, `year`). */
export function viewerRoute(params: Record<string, string | string[] | undefined>): Route {
  const code = typeof params.commune === 'string' ? params.commune : ''
  if (code === '') return { name: 'home' }
  const year = typeof params.year === 'string' && /^\d{4}$/.test(params.year) ? Number(params.year) : undefined
  return year === undefined ? { name: 'commune', code } : { name: 'commune', code, year }
}

export function communeHref(code: string, year?: number): string {
  const href = `/ke-hoach/${encodeURIComponent(code)}`
  return year === undefined ? href : `${href}/${year}`
}
