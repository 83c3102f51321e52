// The plan viewer's addresses (vue-router, history mode): `/ke-hoach` the communes the user may
// see, `/ke-hoach/<code>` one commune's latest plan, `/ke-hoach/<code>/<year>` its plan of that year.
// The router knows them as one route ('plan', a RouteName of routeNames.ts); which of the viewer's screens it
// shows is `screen` here, not a route name.

export type ViewerScreen = { screen: 'home' } | { screen: 'commune'; code: string; year?: number }

/** The viewer's screen from the route's params (`commune`, `year`). */
export function viewerRoute(params: Record<string, string | string[] | undefined>): ViewerScreen {
  const code = typeof params.commune === 'string' ? params.commune : ''
  if (code === '') return { screen: 'home' }
  const year = typeof params.year === 'string' && /^\d{4}$/.test(params.year) ? Number(params.year) : undefined
  return year === undefined ? { screen: 'commune', code } : { screen: 'commune', code, year }
}

export function communeHref(code: string, year?: number): string {
  const href = `/ke-hoach/${encodeURIComponent(code)}`
  return year === undefined ? href : `${href}/${year}`
}
