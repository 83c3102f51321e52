// The change log words a commendation's audit rows (entity `commendation`): a line's evaluation,
// an award decision, a title's criteria — not raw field names.
import { describe, expect, it } from 'vitest'
import { changeSideText } from '../../../src/client/officer/review/format'
import type { Translate } from '../../../src/client/format'

const t = ((key: string, params?: Record<string, unknown>) => (params ? `${key} ${JSON.stringify(params)}` : key)) as unknown as Translate

describe('changeSideText of a commendation', () => {
  it('words a line’s evaluation: the title and person, the decision, the council, the award', () => {
    expect(changeSideText(t, 'commendation', { year: 2024, title: 'LDTT', person: 'Phạm Văn Dũng', councilMet: true, decision: 'approved', award: 'Giấy khen', note: '' })).toBe(
      'LDTT – Phạm Văn Dũng, review.history.commendation.approved, review.history.commendation.councilMet, Giấy khen',
    )
    expect(changeSideText(t, 'commendation', { year: 2024, title: 'TDPVH', councilMet: null, decision: null, award: null, note: '' })).toBe('TDPVH')
  })

  it('words an award decision and a title’s criteria', () => {
    expect(changeSideText(t, 'commendation', { year: 2024, awardDecision: { number: '12/QĐ-UBND', signedOn: '2025-01-15' }, awarded: [{}, {}, {}] })).toBe(
      'review.history.commendation.decision {"number":"12/QĐ-UBND","date":"15/01/2025","n":3}',
    )
    expect(changeSideText(t, 'commendation', { criteria: { title: 'TDPVH', onTime: true } })).toBe('review.history.commendation.criteria {"title":"TDPVH"}')
  })
})
