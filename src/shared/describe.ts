// Wording of targets and statuses, shared by the entry screen, the dashboard and the exported
// review report, so that the three say the same thing. The phrases are targetMessages.ts's: in
// Vietnamese by default, in the user's language when the caller passes its wording (`say`).
import { fill, type Params } from './messages'
import type { Indicator, Target } from './model'
import { formatViAmount, formatViNumber } from './numbers'
import TARGET_MESSAGES, { type TargetPhrase } from './targetMessages'
import type { TargetStatus } from './targets'

/** Words a phrase of targetMessages.ts with its parameters, in some language. */
export type SayTarget = (phrase: TargetPhrase, params?: Params) => string
const sayVi: SayTarget = (phrase, params) => fill(TARGET_MESSAGES[phrase], params)

type Described = Pick<Indicator, 'unitOfMeasure'>

function amount(x: number, ind: Described): string {
  return formatViAmount(x, ind.unitOfMeasure, 4)
}

/** "15", "0,2 – 0,5": a figure or a span, without a unit. */
function range(min: number, max: number | undefined): string {
  return max === undefined ? formatViNumber(min, 4) : `${formatViNumber(min, 4)} – ${formatViNumber(max, 4)}`
}

/** A reduction of a percentage is in percentage points ("giảm 0,5 điểm phần trăm"), not a share of it. */
const isPercent = (ind: Described): boolean => ind.unitOfMeasure.trim() === '%'

/** "≥ 95%", "dưới 5,6%", "90 – 95%", "giảm 1 hộ", "tăng 10% so với năm 2022"… (numbers vi-VN in every language) */
export function describeTarget(target: Target, indicator: Described, say: SayTarget = sayVi): string {
  switch (target.kind) {
    case 'at_least':
    case 'rate_at_least':
      return say(target.strict ? 'above' : 'atLeast', { value: amount(target.value, indicator) })
    case 'at_most':
      return say(target.strict ? 'below' : 'atMost', { value: amount(target.value, indicator) })
    case 'range':
      return say('range', { min: formatViNumber(target.min, 4), max: amount(target.max, indicator) })
    case 'reduce_by': {
      const by = target.relative
        ? `${range(target.amount, target.max)}%`
        : isPercent(indicator)
          ? say('points', { by: range(target.amount, target.max) })
          : target.max === undefined
            ? amount(target.amount, indicator)
            : `${formatViNumber(target.amount, 4)} – ${amount(target.max, indicator)}`
      return target.baseline === undefined ? say('reduceNoBaseline', { by }) : say('reduceFrom', { by, baseline: amount(target.baseline, indicator) })
    }
    case 'growth': {
      const pct = target.maxPercent === undefined ? `${formatViNumber(target.percent, 2)}%` : `${formatViNumber(target.percent, 2)} – ${formatViNumber(target.maxPercent, 2)}%`
      return say('growth', { percent: pct, year: target.baseYear })
    }
    case 'shares':
      return say('shares', { parts: target.parts.map((p) => `${formatViNumber(p.percent, 2)}%`).join(' – ') })
    case 'derived':
      return target.value === undefined ? say('derivedFromParts') : say('derived', { value: amount(target.value, indicator) })
    case 'yes_no':
      return say('yesNo')
  }
}

/** The verdicts in Vietnamese (the exports' words); the phone shows `targets.status.*` in its language. */
export const STATUS_LABELS: Readonly<Record<TargetStatus, string>> = TARGET_MESSAGES.status

export const TARGET_KIND_LABELS: Readonly<Record<Target['kind'], string>> = {
  at_least: 'Đạt ít nhất',
  rate_at_least: 'Tỷ lệ đạt ít nhất',
  at_most: 'Không vượt quá / dưới',
  range: 'Trong khoảng',
  reduce_by: 'Giảm',
  growth: 'Tăng so với năm gốc',
  shares: 'Cơ cấu',
  derived: 'Tính toán',
  yes_no: 'Đạt / không đạt',
}
