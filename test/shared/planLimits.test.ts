// A plan file's sizes are bounded: far above any real plan, low enough that a malformed or
// hostile file is refused with a reason instead of loading the server.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { PLAN_LIMITS } from '../../src/shared/model'
import { loadPlanFile, type PlanFile } from '../../src/shared/planFile'

const demo = JSON.parse(readFileSync(new URL('../../src/server/demo/plans/pho-thuan-2023.json', import.meta.url), 'utf8')) as PlanFile

describe('plan file limits', () => {
  it('takes a real plan, and one at the limit', () => {
    expect(loadPlanFile(demo).ok).toBe(true)
    const one = demo.plan.indicators[0]!
    const full = { ...demo, plan: { ...demo.plan, indicators: Array.from({ length: PLAN_LIMITS.indicators }, (_, i) => ({ ...one, code: `X${i}` })) } }
    expect(loadPlanFile(full).ok).toBe(true)
  })

  it('refuses a plan over the limit, saying how many it may hold', () => {
    const one = demo.plan.indicators[0]!
    const huge = { ...demo, plan: { ...demo.plan, indicators: Array.from({ length: PLAN_LIMITS.indicators + 1 }, (_, i) => ({ ...one, code: `X${i}` })) } }
    const r = loadPlanFile(huge)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors).toContainEqual({ path: 'plan.indicators', message: expect.stringContaining('tối đa 1.000 chỉ tiêu') })
    const units = { ...demo, units: Array.from({ length: 2001 }, (_, i) => ({ code: `U${i}`, name: `Thôn ${i}`, kind: 'thon' })) }
    expect(loadPlanFile(units).ok).toBe(false)
  })
})
