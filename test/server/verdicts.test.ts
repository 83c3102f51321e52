// Verdicts people can trust (issue 14): the results open on the latest period that has figures,
// and a verdict on part of the units says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PlanResults } from '../../src/shared/api'
import { verdictText } from '../../src/shared/summary'
import { DATABASES, fixtureFile, startServer, type TestServer } from './harness'

const C = 'xa-q1'

describe.each(DATABASES)('verdicts on $name', (factory) => {
  let s: TestServer

  beforeAll(async () => {
    s = await startServer(factory, [fixtureFile(C)])
  }, 60_000)
  afterAll(() => s?.close())

  it('opens a year with only Q1 figures on Q1, not on the last quarter ended, and marks a verdict of 1 unit of 2 as provisional', async () => {
    const t1 = await s.login(`${C}.t1`)
    const pushed = await t1.push(C, [t1.value({ unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT', value: { kind: 'number', value: 240 }, baseVersion: 0 })])
    expect(pushed.outcomes[0]?.status).toBe('applied')
    // The year is over: every quarter has ended, only Q1 has a figure.
    s.clock.now = new Date('2025-01-20T03:00:00Z')
    const officer = await s.login(`${C}.canbo`)
    const res = await officer.request('GET', `/api/communes/${C}/results?year=2024&basis=all`)
    expect(res.statusCode, res.body).toBe(200)
    const r = res.json<PlanResults>()
    expect(r.asOf).toMatchObject({ period: '2024-Q1' })
    const area = r.indicators.find((i) => i.code === 'LUA_DT')!
    // 240 ha against 229: beyond the target, on one village's figure of two.
    expect([area.status, area.reportedUnits, area.expectedUnits]).toEqual(['exceeded', 1, 2])
    expect(verdictText(area)).toBe('Vượt (tạm tính, 1/2 đơn vị)')
    // Asked for the year's end, the same figure is judged over the whole year.
    const end = (await officer.request('GET', `/api/communes/${C}/results?year=2024&basis=all&period=2024-Q4`)).json<PlanResults>()
    expect(end.asOf).toMatchObject({ period: '2024-Q4' })
  })
})
