// A unit's report of a period, its lifecycle written once (the server's ingest and the officer's
// decisions, the phone's sync engine and the test double all read it here):
//
//   (none) ─┐
//   draft ──┼─ submit ─▶ submitted ─ approve ─▶ approved
//   returned┘            │    │                   │
//     ▲                  │    └─ recall ─▶ draft  │
//     └──── return ──────┘                        │
//     └──── reopen ───────────────────────────────┘
//
// A unit submits and recalls (from the phone, through the outbox); the officer approves, returns
// with a reason, and reopens an approved report. Figures are edited only while the report is
// not sent: a draft, a returned one, or none yet.
import type { ReportStatus } from './model'

/** A report's status, or none yet (no figure and no action so far). */
export type ReportState = ReportStatus | 'none'

export type ReportAction = 'submit' | 'recall' | 'approve' | 'return' | 'reopen'

/** Each action: the statuses it starts from, the one it leads to, and who takes it. */
export const REPORT_MOVES: Readonly<Record<ReportAction, { from: readonly ReportState[]; to: ReportStatus; by: 'unit' | 'officer' }>> = {
  submit: { from: ['none', 'draft', 'returned'], to: 'submitted', by: 'unit' },
  recall: { from: ['submitted'], to: 'draft', by: 'unit' },
  approve: { from: ['submitted'], to: 'approved', by: 'officer' },
  return: { from: ['submitted'], to: 'returned', by: 'officer' },
  // Reopening an approved report sends it back to the unit, with the officer's reason.
  reopen: { from: ['approved'], to: 'returned', by: 'officer' },
}

/** Whether `action` may be taken on a report in `from`. */
export function canMove(action: ReportAction, from: ReportState): boolean {
  return REPORT_MOVES[action].from.includes(from)
}

/**
 * Why a report's figures may not change, or undefined when they may: a sent report waits for the
 * officer (recall it to edit), an approved one is closed (the officer may reopen it).
 */
export function figuresLocked(status: ReportState): 'report_submitted' | 'report_approved' | undefined {
  if (status === 'submitted') return 'report_submitted'
  if (status === 'approved') return 'report_approved'
  return undefined
}
