// Copying last year's plan as the start of this year's: the same fields, indicators, reporters,
// per-unit targets, rules and movements, the phases moved to the new year. What belongs to the
// old document (its number, date, signer) and the figures only the new year can give (growth base
// values, the start-of-year level of a reduction) are left out, and listed for the officer.
import type { Indicator, Phase, Plan, Target } from '../../shared/model'
import { shiftPhase } from '../../shared/periods'
import type { Actor } from '../auth/actor'
import { notFound, say } from '../errors'
import { createPlan, type PlanChangeResult } from './planChanges'
import { readPlan } from './plans'
import type { Db } from './types'

export interface PlanCopyResult extends PlanChangeResult {
  from: number
  /** What the officer must re-enter or check, in Vietnamese. */
  notes: string[]
}

type Change = 'growth' | 'reduce'

/** A target for the new year, and what had to be dropped from it. */
function copyTarget(target: Target, year: number): { target: Target; change?: Change } {
  if (target.kind === 'growth') {
    const { baseValue: _drop, ...rest } = target
    return { target: { ...rest, baseYear: year - 1 }, change: 'growth' }
  }
  if (target.kind === 'reduce_by' && target.baseline !== undefined) {
    const { baseline: _drop, ...rest } = target
    return { target: rest, change: 'reduce' }
  }
  return { target }
}

/** The plan of `year` made from the plan of another year, with the notes for the officer. */
export function copyPlan(source: Plan, year: number): { plan: Plan; notes: string[] } {
  const from = source.year
  const growth: string[] = []
  const reduce: string[] = []
  const indicators: Indicator[] = source.indicators.map((ind) => {
    const next: Indicator = structuredClone(ind)
    if (ind.target) {
      const t = copyTarget(ind.target, year)
      next.target = t.target
      if (t.change === 'growth') growth.push(ind.name)
      if (t.change === 'reduce') reduce.push(ind.name)
    }
    if (ind.unitTargets) {
      const unitTargets: Record<string, Target> = {}
      for (const [unit, target] of Object.entries(ind.unitTargets)) {
        const t = copyTarget(target, year)
        unitTargets[unit] = t.target
        if (t.change === 'growth' && !growth.includes(ind.name)) growth.push(ind.name)
        if (t.change === 'reduce' && !reduce.includes(ind.name)) reduce.push(ind.name)
      }
      next.unitTargets = unitTargets
    }
    return next
  })
  const phases: Phase[] = source.phases.map((p) => shiftPhase(p, year - from))
  const { number, issuedOn, signedBy, ...header } = source
  const title = source.title.replace(new RegExp(`(?<!\\d)${from}(?!\\d)`, 'g'), String(year))
  const plan: Plan = { ...structuredClone(header), year, title, phases, indicators }

  const notes: string[] = []
  if (number !== undefined || issuedOn !== undefined || signedBy !== undefined) {
    notes.push(`Số hiệu, ngày ban hành và người ký của kế hoạch năm ${from} không được chép: nhập lại khi kế hoạch năm ${year} được ban hành.`)
  }
  if (title === source.title) notes.push(`Tiêu đề không có năm ${from} để thay: kiểm tra lại tiêu đề.`)
  if (source.theme !== undefined && source.theme.includes(String(from))) notes.push(`Chủ đề thi đua còn nhắc năm ${from}: kiểm tra lại chủ đề.`)
  if (phases.length > 0) notes.push(`Các đợt thi đua đã được dời sang năm ${year}: kiểm tra lại ngày bắt đầu, kết thúc.`)
  if (growth.length > 0) {
    notes.push(`Chỉ tiêu tăng trưởng nay so với năm ${year - 1}; cần nhập giá trị năm ${year - 1} làm số gốc: ${growth.join('; ')}.`)
  }
  if (reduce.length > 0) notes.push(`Chỉ tiêu giảm cần nhập lại số đầu năm ${year}: ${reduce.join('; ')}.`)
  notes.push(`Các mức chỉ tiêu được giữ như năm ${from}: điều chỉnh theo kế hoạch năm ${year}.`)
  return { plan, notes }
}

/** Creates the plan of `year` from the plan of `from`. 404 when `from` has none, 409 when `year` already has one. */
export async function copyPlanFrom(db: Db, actor: Actor, communeId: number, year: number, from: number, now: Date): Promise<PlanCopyResult> {
  const source = await readPlan(db, communeId, from)
  if (!source) throw notFound(say('no_plan_to_copy', { year: from }))
  const { plan, notes } = copyPlan(source.plan, year)
  const result = await createPlan(db, actor, communeId, plan, now)
  return { ...result, from, notes }
}
