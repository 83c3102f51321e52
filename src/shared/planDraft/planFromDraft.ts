// From the accepted items of a draft to a plan (planFromDraft): the review screen's last step, and
// the check of a whole draft (draftPlan's issues).
import * as v from 'valibot'
import { type Field, type Indicator, type Plan, PlanSchema } from '../model'
import type { Drafted, PlanDraft } from './types'

/**
 * The plan made of the accepted items (`'all'`: every item, an ambiguous one in its first
 * reading): fields left empty are dropped, references to indicators not taken are removed (a
 * derived figure whose inputs are gone becomes a plain "at least" of its stated figure).
 */
export function planFromDraft(draft: PlanDraft, accepted: ReadonlySet<string> | 'all', year: number): Plan {
  const take = (id: string): boolean => accepted === 'all' || accepted.has(id)
  const indicators = draft.indicators.filter((d) => take(d.id)).map((d) => JSON.parse(JSON.stringify(d.value)) as Indicator)
  const codes = new Set(indicators.map((i) => i.code))
  for (const i of indicators) {
    if (i.children) {
      i.children = i.children.filter((c) => codes.has(c))
      if (i.children.length === 0) delete i.children
    }
    if (i.partOf !== undefined && !codes.has(i.partOf)) delete i.partOf
    if (i.formula !== undefined && (i.formula.match(/[A-Za-z][A-Za-z0-9._-]*/g) ?? []).some((c) => !codes.has(c))) delete i.formula
    if (i.target?.kind === 'derived' && i.formula === undefined && !i.children) {
      if (i.target.value === undefined) delete i.target
      else i.target = i.aggregation === 'rate' ? { kind: 'rate_at_least', value: i.target.value } : { kind: 'at_least', value: i.target.value }
    }
    if (i.target?.kind === 'shares') {
      const parts = i.target.parts.filter((p) => codes.has(p.indicator))
      if (parts.length < 2) delete i.target
      else i.target = { ...i.target, parts }
    }
  }
  const allFields = draft.fields.map((d) => d.value)
  const takenFields = new Map(draft.fields.filter((d) => take(d.id)).map((d) => [d.value.code, d.value]))
  const byCode = new Map(allFields.map((f) => [f.code, f]))
  /** The nearest taken field up from `code`. */
  const nearest = (code: string | undefined): string | undefined => {
    for (let c = code; c !== undefined; c = byCode.get(c)?.parent) if (takenFields.has(c)) return c
    return undefined
  }
  let fallback: Field | undefined
  for (const i of indicators) {
    const f = nearest(i.field)
    if (f !== undefined) i.field = f
    else {
      fallback ??= { code: takenFields.has('CHUNG') ? 'CHUNG_2' : 'CHUNG', name: 'Chỉ tiêu chung' }
      i.field = fallback.code
    }
  }
  const used = new Set<string>()
  for (const i of indicators) for (let c: string | undefined = i.field; c !== undefined && !used.has(c); c = takenFields.get(c)?.parent) used.add(c)
  const fields: Field[] = [...takenFields.values()]
    .filter((f) => used.has(f.code))
    .map((f) => {
      const parent = nearest(f.parent)
      const copy: Field = { code: f.code, name: f.name }
      if (parent !== undefined) copy.parent = parent
      return copy
    })
  if (fallback) fields.push(fallback)
  const h = draft.header
  const head = <T>(d: Drafted<T> | undefined): T | undefined => (d && take(d.id) ? d.value : undefined)
  const plan = {
    year,
    title: head(h.title) ?? `Kế hoạch phát động phong trào thi đua năm ${year}`,
    ...(head(h.number) !== undefined ? { number: head(h.number) } : {}),
    ...(head(h.issuedOn) !== undefined ? { issuedOn: head(h.issuedOn) } : {}),
    ...(head(h.theme) !== undefined ? { theme: head(h.theme) } : {}),
    ...(head(h.signedBy) !== undefined ? { signedBy: head(h.signedBy) } : {}),
    movements: draft.movements.filter((d) => take(d.id)).map((d) => d.value),
    phases: draft.phases.filter((d) => take(d.id)).map((d) => d.value),
    fields,
    indicators,
    rules: [],
  }
  const parsed = v.safeParse(PlanSchema, plan)
  if (!parsed.success) throw new Error(`planFromDraft: ${parsed.issues.map((i) => `${v.getDotPath(i) ?? ''} ${i.message}`).join('; ')}`)
  return parsed.output
}
