import { describe, expect, it } from 'vitest'
import { canMove, figuresLocked, REPORT_MOVES, type ReportAction, type ReportState } from '../../src/shared/reportLifecycle'

const STATES: ReportState[] = ['none', 'draft', 'submitted', 'approved', 'returned']
const ACTIONS = Object.keys(REPORT_MOVES) as ReportAction[]

describe('the report lifecycle', () => {
  it('moves as the plan says: submit from a draft or a returned report, recall a sent one, the officer decides a sent one and reopens an approved one', () => {
    const allowed = Object.fromEntries(ACTIONS.map((a) => [a, STATES.filter((s) => canMove(a, s))]))
    expect(allowed).toEqual({
      submit: ['none', 'draft', 'returned'],
      recall: ['submitted'],
      approve: ['submitted'],
      return: ['submitted'],
      reopen: ['approved'],
    })
    expect(Object.fromEntries(ACTIONS.map((a) => [a, REPORT_MOVES[a].to]))).toEqual({ submit: 'submitted', recall: 'draft', approve: 'approved', return: 'returned', reopen: 'returned' })
  })

  it('lets figures change only while the report is not sent', () => {
    expect(STATES.map((s) => [s, figuresLocked(s)])).toEqual([
      ['none', undefined],
      ['draft', undefined],
      ['submitted', 'report_submitted'],
      ['approved', 'report_approved'],
      ['returned', undefined],
    ])
  })

  it('from every status a unit can always come back to editing, through the unit or the officer', () => {
    // Every state reaches an editable one by some sequence of moves.
    const editable = (s: ReportState) => figuresLocked(s) === undefined
    for (const start of STATES) {
      const seen = new Set<ReportState>([start])
      const queue = [start]
      while (queue.length > 0) {
        const s = queue.shift()!
        for (const a of ACTIONS) {
          const to = REPORT_MOVES[a].to
          if (!canMove(a, s) || seen.has(to)) continue
          seen.add(to)
          queue.push(to)
        }
      }
      expect([...seen].some(editable), start).toBe(true)
    }
  })
})
