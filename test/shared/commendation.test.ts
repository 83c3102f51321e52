// Qualification for a title at the year's end (shared/commendation.ts): each criterion alone, the
// defaults of the commune-level titles, and properties: more targets met never loses a line its
// qualification, and the answer depends only on its inputs.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  awardText,
  criteriaOf,
  decisionKey,
  decisionNumber,
  DEFAULT_CRITERIA,
  GENERIC_CRITERIA,
  qualify,
  yearEnded,
  type QualificationInput,
  type TitleCriteria,
} from '../../src/shared/commendation'
import { DEFAULT_TITLES } from '../../src/shared/registration'
import { unitTargetTally } from '../../src/shared/results'
import type { PlanResults } from '../../src/shared/api'

const NONE: TitleCriteria = { onTime: false, minAchievedShare: null, minScore: null, maxRank: null, council: null }

const input = (over: Partial<QualificationInput> = {}): QualificationInput => ({
  scope: 'collective',
  criteria: NONE,
  deadline: '2024-03-31',
  firstSubmittedAt: '2024-03-20T03:00:00.000Z',
  targets: { judged: 4, achieved: 4 },
  ranking: { rank: 1, total: 92 },
  councilMet: true,
  ...over,
})

describe('qualify', () => {
  it('judges the registration on time by the day in Vietnam, the deadline day included', () => {
    const c = { ...NONE, onTime: true }
    // 31 March 23:30 in Vietnam is 16:30 UTC: still the deadline's day.
    expect(qualify(input({ criteria: c, firstSubmittedAt: '2024-03-31T16:30:00.000Z' }))).toEqual({
      qualifies: true,
      checks: [{ key: 'on_time', state: 'met', params: { sent: '2024-03-31', deadline: '2024-03-31' } }],
    })
    // 1 April 00:30 in Vietnam is 31 March 17:30 UTC: a day late.
    expect(qualify(input({ criteria: c, firstSubmittedAt: '2024-03-31T17:30:00.000Z' })).qualifies).toBe(false)
    expect(qualify(input({ criteria: c, firstSubmittedAt: null })).checks[0]).toMatchObject({ key: 'on_time', state: 'unmet' })
    // No deadline: sent at all is on time.
    expect(qualify(input({ criteria: c, deadline: null, firstSubmittedAt: '2024-12-20T00:00:00.000Z' })).qualifies).toBe(true)
  })

  it('asks a collective for the share of its targets met, and none judged is not enough', () => {
    const c = { ...NONE, minAchievedShare: 0.75 }
    expect(qualify(input({ criteria: c, targets: { judged: 4, achieved: 3 } })).checks).toEqual([{ key: 'targets', state: 'met', params: { achieved: 3, judged: 4, share: 0.75 } }])
    expect(qualify(input({ criteria: c, targets: { judged: 4, achieved: 2 } })).qualifies).toBe(false)
    expect(qualify(input({ criteria: c, targets: { judged: 0, achieved: 0 } })).qualifies).toBe(false)
    // 2 of 3 is two thirds: a share of 2/3 asked is met despite the floating point.
    expect(qualify(input({ criteria: { ...c, minAchievedShare: 2 / 3 }, targets: { judged: 3, achieved: 2 } })).qualifies).toBe(true)
  })

  it('asks for a score and a rank, unmet without a ranking', () => {
    const c = { ...NONE, minScore: 80, maxRank: 2 }
    expect(qualify(input({ criteria: c, ranking: { rank: 2, total: 80 } })).qualifies).toBe(true)
    expect(qualify(input({ criteria: c, ranking: { rank: 3, total: 95 } })).checks.map((x) => x.state)).toEqual(['met', 'unmet'])
    expect(qualify(input({ criteria: c, ranking: null })).checks.map((x) => x.state)).toEqual(['unmet', 'unmet'])
    expect(qualify(input({ criteria: c, ranking: undefined })).qualifies).toBe(false)
  })

  it('judges a person on the registration and the council only', () => {
    const c = { ...NONE, onTime: true, minAchievedShare: 1, minScore: 99, maxRank: 1, council: 'Hoàn thành tốt nhiệm vụ' }
    const r = qualify(input({ scope: 'individual', criteria: c, targets: { judged: 3, achieved: 0 }, ranking: null }))
    expect(r.checks.map((x) => x.key)).toEqual(['on_time', 'council'])
    expect(r.qualifies).toBe(true)
  })

  it('waits for the council: pending is not qualified', () => {
    const c = { ...NONE, council: 'Đạt tiêu chuẩn' }
    expect(qualify(input({ criteria: c, councilMet: null }))).toEqual({ qualifies: false, checks: [{ key: 'council', state: 'pending', params: { text: 'Đạt tiêu chuẩn' } }] })
    expect(qualify(input({ criteria: c, councilMet: false })).checks[0]!.state).toBe('unmet')
  })

  it('never loses a qualification for more targets met, and depends only on its inputs', () => {
    const criteria = fc.record({
      onTime: fc.boolean(),
      minAchievedShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
      minScore: fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
      maxRank: fc.option(fc.integer({ min: 1, max: 20 })),
      council: fc.option(fc.constant('Đạt tiêu chuẩn')),
    })
    fc.assert(
      fc.property(criteria, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), fc.option(fc.boolean()), (c, judged, a, extra, council) => {
        const achieved = Math.min(judged, a)
        const base = input({ criteria: c, targets: { judged, achieved }, councilMet: council })
        const better = input({ criteria: c, targets: { judged, achieved: Math.min(judged, achieved + extra) }, councilMet: council })
        if (qualify(base).qualifies) expect(qualify(better).qualifies).toBe(true)
        expect(qualify(structuredClone(base))).toEqual(qualify(base))
      }),
      { numRuns: 300 },
    )
  })
})

describe('the criteria of the titles', () => {
  it('has defaults for every default title, each asking for a registration on time', () => {
    for (const t of DEFAULT_TITLES) expect(DEFAULT_CRITERIA[t.code], t.code).toMatchObject({ onTime: true })
    // The collectives' titles ask for the plan's targets (“hoàn thành tốt nhiệm vụ và kế hoạch được giao”).
    expect(DEFAULT_CRITERIA.TTLDTT!.minAchievedShare).toBe(1)
    expect(DEFAULT_CRITERIA.CSTDCS!.council).toMatch(/sáng kiến/)
  })

  it('takes the commune’s own, else the default, else the generic', () => {
    const own = { ...NONE, council: 'Riêng của xã' }
    expect(criteriaOf('LDTT', { LDTT: own })).toBe(own)
    expect(criteriaOf('LDTT', {})).toBe(DEFAULT_CRITERIA.LDTT)
    expect(criteriaOf('KHAC', {})).toBe(GENERIC_CRITERIA)
  })
})

describe('decision numbers and wording', () => {
  it('completes a bare number and compares numbers without regard to case, spacing or Đ', () => {
    expect(decisionNumber(' 12 ', 'QĐ')).toBe('12/QĐ-UBND')
    expect(decisionNumber('12/TTr-UBND', 'TTr')).toBe('12/TTr-UBND')
    expect(decisionKey('12/QĐ-UBND')).toBe(decisionKey('12 / qđ-ubnd'))
    expect(decisionKey('12/QĐ-UBND')).toBe(decisionKey('12/QD-UBND'))
    expect(decisionKey('12/QĐ-UBND')).not.toBe(decisionKey('13/QĐ-UBND'))
  })

  it('prints the title itself when the council set no form of award', () => {
    expect(awardText({ name: 'Lao động tiên tiến' }, null)).toBe('Danh hiệu “Lao động tiên tiến”')
    expect(awardText({ name: 'Lao động tiên tiến' }, 'Giấy khen của Chủ tịch UBND xã')).toBe('Giấy khen của Chủ tịch UBND xã')
  })

  it('ends a year after its 31 December', () => {
    expect(yearEnded(2024, '2024-12-31')).toBe(false)
    expect(yearEnded(2024, '2025-01-01')).toBe(true)
  })
})

describe('unitTargetTally', () => {
  it('counts the targets a unit is judged on, as the ranking does: no baseline and no verdict aside, no figure as not met', () => {
    const unit = (status: string | null) => ({ unit: 'T1', unitName: 'Thôn 1', actual: null, status, target: status ? 'own' : null })
    const results = {
      indicators: [
        { byUnit: [unit('achieved')] },
        { byUnit: [unit('exceeded')] },
        { byUnit: [unit('failed')] },
        { byUnit: [unit('no_data')] },
        { byUnit: [unit('no_baseline')] },
        { byUnit: [unit(null)] },
        { byUnit: [] },
      ],
    } as unknown as Pick<PlanResults, 'indicators'>
    expect(unitTargetTally(results, 'T1')).toEqual({ judged: 4, achieved: 2 })
    expect(unitTargetTally(results, 'T9')).toEqual({ judged: 0, achieved: 0 })
  })
})
