// The value history and the change log in words (issue 14, item 7): indicators and units by their
// names, people by theirs, a device by its kind (from the user agent its sign-in sent) and the
// person who used it; and what the log can be filtered by, as lists of names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditChoices, AuditRow, CellChange } from '../../src/shared/api'
import { DATABASES, fixtureFile, startServer, type Agent, type TestServer } from './harness'
import { expectRefusal } from './management'

const C = 'xa-ten'
const api = `/api/communes/${C}`
const ANDROID = 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36'

describe.each(DATABASES)('the change log in words on $name', (factory) => {
  let s: TestServer
  let t1: Agent
  let officer: Agent
  let leader: Agent

  beforeAll(async () => {
    s = await startServer(factory, [fixtureFile(C), fixtureFile('xa-khac')])
    t1 = await s.login(`${C}.t1`)
    officer = await s.login(`${C}.canbo`)
    leader = await s.login(`${C}.lanhdao`)
    // The head signed in on an Android phone: the server keeps the user agent with the session.
    await s.db.query('UPDATE sessions SET user_agent = $1 WHERE device_id = $2', [ANDROID, t1.deviceId])
    await t1.push(C, [t1.value({ unit: 'T1', indicator: 'LUA_DT', value: { kind: 'number', value: 229 } })])
  }, 60_000)
  afterAll(() => s?.close())

  it('names the indicator, the unit, the person and the device of a change in the feed', async () => {
    const res = await officer.request('GET', `${api}/audit?entity=value&limit=5`)
    expect(res.statusCode, res.body).toBe(200)
    const [row] = res.json<AuditRow[]>()
    expect(row).toMatchObject({
      unit: 'T1',
      unitName: 'Thôn 1',
      indicator: 'LUA_DT',
      indicatorName: 'Diện tích lúa',
      user: { username: `${C}.t1`, displayName: 'Trưởng thôn 1' },
      deviceId: t1.deviceId,
      device: { kind: 'phone', detail: 'Android · Chrome' },
    })
  })

  it('names the device in a cell’s history; one whose browser said nothing is of unknown kind', async () => {
    const res = await officer.request('GET', `${api}/history?unit=T1&period=2024-Q1&indicator=LUA_DT`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json<CellChange[]>()[0]).toMatchObject({ user: { displayName: 'Trưởng thôn 1' }, device: { kind: 'phone', detail: 'Android · Chrome' } })
    const t2 = await s.login(`${C}.t2`)
    await t2.push(C, [t2.value({ unit: 'T2', indicator: 'LUA_DT', value: { kind: 'number', value: 12 } })])
    const other = await officer.request('GET', `${api}/history?unit=T2&period=2024-Q1&indicator=LUA_DT`)
    expect(other.json<CellChange[]>()[0]!.device).toEqual({ kind: null, detail: '' })
  })

  it('answers the log’s filter lists: indicators and people by name', async () => {
    const res = await leader.request('GET', `${api}/audit/choices`)
    expect(res.statusCode, res.body).toBe(200)
    const choices = res.json<AuditChoices>()
    expect(choices.indicators).toContainEqual({ code: 'LUA_SL', name: 'Sản lượng lúa' })
    expect(choices.indicators.map((i) => i.code).sort()).toEqual(['ANTT', 'BHYT', 'LUA_DT', 'LUA_NS', 'LUA_SL'])
    expect(choices.users).toContainEqual({ username: `${C}.t1`, displayName: 'Trưởng thôn 1' })
    expect(choices.users).toContainEqual({ username: `${C}.canbo`, displayName: 'Cán bộ Văn phòng – Thống kê' })
    // Sorted by name, as the list shows them.
    const names = choices.users.map((u) => u.displayName)
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi')))
  })

  it('keeps the filter lists from reporters and other communes', async () => {
    expectRefusal(await t1.request('GET', `${api}/audit/choices`), 403, 'forbidden')
    const stranger = await s.login('xa-khac.canbo')
    expectRefusal(await stranger.request('GET', `${api}/audit/choices`), 404, 'not_found')
  })
})
