// A special phase (đợt thi đua đặc biệt): no dates in the plan until the officer opens it, a
// reporting period from then to the year's end, cut short when the officer closes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Plan } from '../../src/shared/model'
import { DATABASES, fixtureFile, startServer, type Agent, type TestServer } from './harness'
import { expectRefusal } from './management'

const C = 'xa-dot'
const api = `/api/communes/${C}`

describe.each(DATABASES)('a special phase on $name', (factory) => {
  let s: TestServer
  let officer: Agent

  beforeAll(async () => {
    s = await startServer(factory, [fixtureFile(C)])
    officer = await s.login(`${C}.canbo`)
  }, 60_000)
  afterAll(() => s?.close())

  const plan = async (): Promise<Plan> => (await officer.request('GET', `${api}/plan?year=2024`)).json<{ plan: Plan }>().plan
  const save = async (phase: Plan['phases'][number]) => {
    const res = await officer.request('PUT', `${api}/plans/2024`, { ...(await plan()), phases: [phase] })
    expect(res.statusCode, res.body).toBe(200)
  }
  const period = async () =>
    (await s.db.query<{ from: string; to: string; deadline: string }>(
      `SELECT to_char(p.starts_on, 'YYYY-MM-DD') AS "from", to_char(p.ends_on, 'YYYY-MM-DD') AS "to", to_char(p.deadline, 'YYYY-MM-DD') AS deadline
         FROM periods p JOIN communes c ON c.id = p.commune_id WHERE c.code = $1 AND p.code = '2024-LU'`,
      [C],
    )).rows[0]

  it('is saved without dates and has no period until opened', async () => {
    await save({ code: 'LU', name: 'Đợt thi đua khắc phục hậu quả lũ', special: true })
    expect((await plan()).phases).toEqual([{ code: 'LU', name: 'Đợt thi đua khắc phục hậu quả lũ', special: true }])
    expect(await period()).toBeUndefined()
    expectRefusal(await officer.request('GET', `${api}/results?year=2024&phase=LU`), 409, 'phase_not_open')
  })

  it('gets its period when opened, running to the year’s end, and cut when closed', async () => {
    await save({ code: 'LU', name: 'Đợt thi đua khắc phục hậu quả lũ', special: true, from: '2024-09-10' })
    expect(await period()).toEqual({ from: '2024-09-10', to: '2024-12-31', deadline: '2025-01-05' })
    await save({ code: 'LU', name: 'Đợt thi đua khắc phục hậu quả lũ', special: true, from: '2024-09-10', to: '2024-10-20' })
    expect(await period()).toEqual({ from: '2024-09-10', to: '2024-10-20', deadline: '2024-10-25' })
    const res = await officer.request('GET', `${api}/results?year=2024&phase=LU`)
    expect(res.statusCode, res.body).toBe(200)
  })

  it('refuses a phase without dates that is not special, and one closed before it opened', async () => {
    const p = await plan()
    expectRefusal(await officer.request('PUT', `${api}/plans/2024`, { ...p, phases: [{ code: 'D1', name: 'Đợt 1' }] }), 400, 'invalid')
    expectRefusal(await officer.request('PUT', `${api}/plans/2024`, { ...p, phases: [{ code: 'LU', name: 'Lũ', special: true, to: '2024-10-01' }] }), 400, 'invalid')
  })
})
