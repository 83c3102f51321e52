import 'fake-indexeddb/auto'
// The route table in two parts (router.ts, lateRoutes.ts) and its typed names (routeNames.ts): the
// first load's table has the village head's screens only; the rest is added before anything needs it
// (a deep link, a workspace user's landing, the account menu's links), and every name is typed.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Router } from 'vue-router'
import type { Me } from '../../src/client/api'
import { saveSession } from '../../src/client/local/db'
import type { RouteName } from '../../src/client/routeNames'
import { fakeServer, json, officer, UNAUTHORIZED } from './fakeServer'
import { closePhones, mountApp, reporter, until } from './app/harness'
import { freshDb } from './local/testDb'

/** Every RouteName, checked both ways: a name missing here, or one the union lacks, fails the type-check. */
const ALL = [
  'login', 'inbox', 'entry', 'attention', 'plan', 'officer-home', 'not-found',
  'registration', 'enrol', 'officer', 'dashboard', 'completeness', 'review-queue', 'review-report', 'history',
  'plan-setup', 'plan-draft', 'people', 'periods', 'registration-office', 'commendation', 'slips',
  'provinces', 'province-board', 'province-slips',
] as const satisfies readonly RouteName[]
const everyName: [Exclude<RouteName, (typeof ALL)[number]>] extends [never] ? true : false = true

const LATE: RouteName[] = ['registration', 'enrol', 'dashboard', 'province-board']
/** What deferred work waits for, never released: the test sees the first navigation alone. */
const never = () => new Promise<void>(() => undefined)

afterEach(async () => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
  await closePhones()
})

async function open(me: Me | null, path: string, later?: () => Promise<void>) {
  const db = freshDb('routes')
  if (me) await saveSession(db, me)
  fakeServer({ 'GET /api/auth/me': me ? json(200, me) : json(401, UNAUTHORIZED) })
  return mountApp({ db, path, ...(later ? { later } : {}) })
}

const names = (router: Router) => router.getRoutes().flatMap((r) => (typeof r.name === 'string' ? [r.name] : []))

describe('the route table', () => {
  it('types every name, and knows each one once the late routes are added', async () => {
    expect(everyName).toBe(true)
    const { router } = await open(reporter, '/')
    await until(() => expect(names(router)).toContain('enrol'))
    expect(names(router).sort()).toEqual([...ALL].sort())
    // A misspelt name fails the type-check (and would throw "No match" at run time).
    // @ts-expect-error 'dashbord' is not a RouteName
    const misspelt = () => router.push({ name: 'dashbord' })
    expect(typeof misspelt).toBe('function')
  })

  it('opens the village head’s inbox without the late routes: they wait for the first screen', async () => {
    const { router } = await open(reporter, '/', never)
    expect(router.currentRoute.value.name).toBe('inbox')
    for (const name of LATE) expect(router.hasRoute(name)).toBe(false)
  })

  it('adds the late routes before a cold deep link to the workspace resolves', async () => {
    const { router } = await open(officer, `/quan-ly/${officer.commune!.code}/tien-do`, never)
    expect(router.currentRoute.value.name).toBe('completeness')
    expect(router.currentRoute.value.params).toEqual({ commune: officer.commune!.code })
  })

  it('lands an officer on the workspace before the first screen is shown', async () => {
    const { router } = await open(officer, '/', never)
    expect(router.currentRoute.value.fullPath).toBe(`/quan-ly/${officer.commune!.code}/tong-hop`)
  })

  it('sends a signed-out deep link to the sign-in screen with the address to come back to; an enrolment link opens', async () => {
    const path = `/quan-ly/${officer.commune!.code}/tong-hop`
    const { router } = await open(null, path, never)
    expect(router.currentRoute.value.name).toBe('login')
    expect(router.currentRoute.value.query).toEqual({ next: path })
    document.body.innerHTML = ''
    const enrol = await open(null, '/kich-hoat/abc', never)
    expect(enrol.router.currentRoute.value.name).toBe('enrol')
  })

  it('opens the start screen for an address no route matches', async () => {
    const { router } = await open(reporter, '/khong-co-trang-nay', never)
    expect(router.currentRoute.value.fullPath).toBe('/')
    expect(router.currentRoute.value.name).toBe('inbox')
  })
})
