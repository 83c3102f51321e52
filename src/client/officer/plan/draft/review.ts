// The officer's review of a drafted plan: every drafted item (header entries, movements, phases,
// fields, indicators), what was decided about it (accepted, dropped, not yet), the value it now has
// (the drafted reading, another reading the officer chose, or the officer's edit), and the draft
// as decided, for shared/planDraft/extract.ts planFromDraft to build the plan from. Pure: no Vue.
import type { Field, Indicator, Phase } from '../../../../shared/model'
import type { Drafted, PlanDraft, PlanDraftHeader } from '../../../../shared/planDraft/types'

/** The header entries the plan takes; the commune and the year the document names are only shown. */
export type HeaderKey = Exclude<keyof PlanDraftHeader, 'commune' | 'year'>
export const HEADER_KEYS: readonly HeaderKey[] = ['title', 'number', 'issuedOn', 'theme', 'signedBy']

export type ReviewItem =
  | { kind: 'header'; key: HeaderKey; drafted: Drafted<string> }
  | { kind: 'movement'; drafted: Drafted<string> }
  | { kind: 'phase'; drafted: Drafted<Phase> }
  | { kind: 'field'; drafted: Drafted<Field> }
  | { kind: 'indicator'; drafted: Drafted<Indicator> }

export type ItemKind = ReviewItem['kind']
export type ItemValue = string | Phase | Field | Indicator

export type Decision = 'pending' | 'accepted' | 'dropped'

export interface ItemState {
  decision: Decision
  /** The value the plan takes if accepted: the drafted reading, a chosen alternative, or the officer's edit. */
  value: ItemValue
  /** An ambiguous item is resolved once the officer chose a reading or edited it. */
  resolved: boolean
  edited: boolean
}

export type ReviewState = Record<string, ItemState>

/** Every item of a draft, in the document's order of sections: header, movements, phases, fields, indicators. */
export function itemsOf(draft: PlanDraft): ReviewItem[] {
  const out: ReviewItem[] = []
  for (const key of HEADER_KEYS) {
    const d = draft.header[key]
    if (d) out.push({ kind: 'header', key, drafted: d })
  }
  for (const d of draft.movements) out.push({ kind: 'movement', drafted: d })
  for (const d of draft.phases) out.push({ kind: 'phase', drafted: d })
  for (const d of draft.fields) out.push({ kind: 'field', drafted: d })
  for (const d of draft.indicators) out.push({ kind: 'indicator', drafted: d })
  return out
}

/** Nothing decided yet: each item holds its drafted reading. */
export function initialState(draft: PlanDraft): ReviewState {
  const state: ReviewState = {}
  for (const item of itemsOf(draft)) state[item.drafted.id] = { decision: 'pending', value: item.drafted.value, resolved: !item.drafted.ambiguous, edited: false }
  return state
}

/** An ambiguous item is never taken silently: a reading must be chosen, or the item edited, first. */
export const canAccept = (item: ReviewItem, state: ItemState | undefined): boolean => state !== undefined && (!item.drafted.ambiguous || state.resolved)

/**
 * Items not decided yet that "accept every certain item" takes: read with high confidence, or with
 * medium confidence and nothing the extractor doubts (no reason given), never an ambiguous one.
 * On the three seed plans (`npm run plan:score`) the high and medium readings are all real
 * targets; the low ones (a direction of effort, a means of running the plan) wait for the officer.
 */
export function sureItems(items: readonly ReviewItem[], state: ReviewState): ReviewItem[] {
  const sure = (d: ReviewItem['drafted']): boolean => !d.ambiguous && (d.confidence === 'high' || (d.confidence === 'medium' && d.reasons.length === 0))
  return items.filter((i) => sure(i.drafted) && state[i.drafted.id]?.decision === 'pending')
}

export interface Tally {
  total: number
  accepted: number
  dropped: number
  pending: number
  /** Ambiguous items still without a decision. */
  unresolved: number
}

export function tally(items: readonly ReviewItem[], state: ReviewState): Tally {
  const t: Tally = { total: items.length, accepted: 0, dropped: 0, pending: 0, unresolved: 0 }
  for (const i of items) {
    const s = state[i.drafted.id]
    if (!s) continue
    t[s.decision] += 1
    if (i.drafted.ambiguous && !s.resolved && s.decision !== 'dropped') t.unresolved += 1
  }
  return t
}

/**
 * The draft as the officer decided it: each item with its current value (an ambiguous one that was
 * resolved no longer ambiguous), and the ids accepted. Items not accepted stay in the draft; the
 * accepted set says what the plan takes.
 */
export function decidedDraft(draft: PlanDraft, state: ReviewState): { draft: PlanDraft; accepted: Set<string> } {
  const take = <T>(d: Drafted<T>): Drafted<T> => {
    const s = state[d.id]
    if (!s) return d
    const resolved = !d.ambiguous || s.resolved
    return { ...d, value: s.value as T, ambiguous: !resolved, ...(resolved && d.ambiguous ? { alternatives: [] } : {}) }
  }
  const header: PlanDraftHeader = { ...draft.header }
  for (const key of HEADER_KEYS) {
    const d = draft.header[key]
    if (d) (header as Record<HeaderKey, unknown>)[key] = take(d as Drafted<unknown>)
  }
  const accepted = new Set(Object.entries(state).filter(([, s]) => s.decision === 'accepted').map(([id]) => id))
  return {
    draft: { ...draft, header, movements: draft.movements.map(take), phases: draft.phases.map(take), fields: draft.fields.map(take), indicators: draft.indicators.map(take) },
    accepted,
  }
}

export interface FieldGroup {
  /** Absent for the indicators of no drafted field. */
  field?: Extract<ReviewItem, { kind: 'field' }>
  /** How deep the field sits under other drafted fields (0 at the top). */
  depth: number
  /** Whether other drafted fields sit under it ("II. Chỉ tiêu" over "1. Kinh tế"). */
  hasChildren: boolean
  indicators: Extract<ReviewItem, { kind: 'indicator' }>[]
}

/** The drafted fields in the document's order, each with its drafted indicators; indicators of no drafted field last. */
export function fieldGroups(items: readonly ReviewItem[]): FieldGroup[] {
  const fields = items.filter((i): i is Extract<ReviewItem, { kind: 'field' }> => i.kind === 'field')
  const indicators = items.filter((i): i is Extract<ReviewItem, { kind: 'indicator' }> => i.kind === 'indicator')
  const parentOf = new Map(fields.map((f) => [f.drafted.value.code, f.drafted.value.parent]))
  const depthOf = (code: string): number => {
    let depth = 0
    const seen = new Set([code])
    for (let p = parentOf.get(code); p !== undefined && parentOf.has(p) && !seen.has(p); p = parentOf.get(p)) {
      seen.add(p)
      depth += 1
    }
    return depth
  }
  const parents = new Set(fields.map((f) => f.drafted.value.parent).filter((p) => p !== undefined))
  const groups: FieldGroup[] = fields.map((f) => ({
    field: f,
    depth: depthOf(f.drafted.value.code),
    hasChildren: parents.has(f.drafted.value.code),
    indicators: indicators.filter((i) => i.drafted.value.field === f.drafted.value.code),
  }))
  const known = new Set(fields.map((f) => f.drafted.value.code))
  const stray = indicators.filter((i) => !known.has(i.drafted.value.field))
  if (stray.length > 0) groups.push({ depth: 0, hasChildren: false, indicators: stray })
  return groups
}
