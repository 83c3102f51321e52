// A target as the officer types it (text in vi-VN numbers) and back: every number goes through
// parseViNumber, so "1.448,5" is 1448.5 and an ambiguous "13,345" is refused with its reason.
// Pure: no Vue, no valibot (model.ts is imported for its types only).
import type { Aggregation, Target, TargetKind } from '../../../shared/model'
import { formatViNumber } from '../../../shared/numbers'
import { readNumber, splitRange, type Lang, type NumberRule } from '../../../shared/targetText'

/** Which target kinds suit an aggregation; the same table the server checks (shared/validation.ts). */
export const KINDS_BY_AGGREGATION: Readonly<Record<Aggregation, readonly TargetKind[]>> = {
  flow: ['at_least', 'at_most', 'range', 'growth', 'shares', 'derived'],
  stock: ['at_least', 'at_most', 'range', 'reduce_by', 'growth', 'derived'],
  rate: ['rate_at_least', 'at_most', 'range', 'reduce_by', 'derived'],
  yes_no: ['yes_no'],
}

export interface SharePartDraft {
  indicator: string
  percent: string
}

/** Every input of every kind, kept while the kind changes so switching back loses nothing. */
export interface TargetDraft {
  /** '' = no target. */
  kind: TargetKind | ''
  value: string
  /** at_most: "dưới" rather than "không quá"; at_least, rate_at_least: "trên" rather than "đạt … trở lên". */
  strict: boolean
  /** reduce_by: the amount is a % of the start-of-year figure ("giảm 15% so với đầu năm"). */
  relative: boolean
  min: string
  max: string
  amount: string
  reduceMax: string
  baseline: string
  percent: string
  maxPercent: string
  baseYear: string
  baseValue: string
  parts: SharePartDraft[]
  tolerance: string
  derivedValue: string
}

export type TargetInput = Exclude<keyof TargetDraft, 'kind' | 'strict' | 'relative' | 'parts'>

/** A draft's problems, by input ('parts.0.percent' for a share), each a sentence to show. */
export type DraftErrors = Record<string, string>

export type DraftResult<T> = { ok: true; value: T } | { ok: false; errors: DraftErrors }

export function emptyTargetDraft(baseYear?: number): TargetDraft {
  return {
    kind: '',
    value: '',
    strict: false,
    relative: false,
    min: '',
    max: '',
    amount: '',
    reduceMax: '',
    baseline: '',
    percent: '',
    maxPercent: '',
    baseYear: baseYear === undefined ? '' : String(baseYear),
    baseValue: '',
    parts: [],
    tolerance: '1',
    derivedValue: '',
  }
}

/** A number as it is typed back into a box: "1.448,5". */
export const numberText = (x: number | undefined): string => (x === undefined ? '' : formatViNumber(x, 6))

export function targetToDraft(target: Target | undefined, baseYear?: number): TargetDraft {
  const d = emptyTargetDraft(baseYear)
  if (!target) return d
  d.kind = target.kind
  switch (target.kind) {
    case 'at_least':
    case 'rate_at_least':
      d.value = numberText(target.value)
      d.strict = target.strict === true
      break
    case 'at_most':
      d.value = numberText(target.value)
      d.strict = target.strict
      break
    case 'range':
      d.min = numberText(target.min)
      d.max = numberText(target.max)
      break
    case 'reduce_by':
      d.amount = numberText(target.amount)
      d.reduceMax = numberText(target.max)
      d.relative = target.relative === true
      d.baseline = numberText(target.baseline)
      break
    case 'growth':
      d.percent = numberText(target.percent)
      d.maxPercent = numberText(target.maxPercent)
      d.baseYear = String(target.baseYear)
      d.baseValue = numberText(target.baseValue)
      break
    case 'shares':
      d.parts = target.parts.map((p) => ({ indicator: p.indicator, percent: numberText(p.percent) }))
      d.tolerance = numberText(target.tolerance)
      break
    case 'derived':
      d.derivedValue = numberText(target.value)
      break
    case 'yes_no':
      break
  }
  return d
}

export { readNumber, splitRange, type Lang } from '../../../shared/targetText'

const MESSAGES = {
  vi: {
    minMax: 'Giá trị đầu phải nhỏ hơn hoặc bằng giá trị cuối.',
    reduceMax: 'Mức giảm tối đa phải lớn hơn hoặc bằng mức tối thiểu.',
    growthMax: 'Mức tăng tối đa phải lớn hơn hoặc bằng mức tối thiểu.',
    baseYear: 'Năm gốc phải là năm có 4 chữ số, từ 1990 đến 2100.',
    baseValue: 'Giá trị năm gốc phải lớn hơn 0.',
    partsCount: 'Cơ cấu cần ít nhất hai phần.',
    partIndicator: 'Chọn chỉ tiêu của phần này.',
    percent100: 'Tỷ trọng phải từ 0 đến 100%.',
    relativeBaseline: 'Số đầu năm của mức giảm theo phần trăm phải lớn hơn 0.',
    relative100: 'Mức giảm theo phần trăm không quá 100%.',
  },
  en: {
    minMax: 'The lower end must not exceed the upper end.',
    reduceMax: 'The largest reduction must be at least the smallest.',
    growthMax: 'The largest growth must be at least the smallest.',
    baseYear: 'The base year must be a 4-digit year from 1990 to 2100.',
    baseValue: 'The base-year value must be greater than 0.',
    partsCount: 'A structure needs at least two parts.',
    partIndicator: 'Choose the indicator of this part.',
    percent100: 'A share must be between 0 and 100%.',
    relativeBaseline: 'The start-of-year figure of a reduction in % must be greater than 0.',
    relative100: 'A reduction in % cannot exceed 100%.',
  },
} as const

/**
 * The target a draft describes, or the message of each wrong box. `unitOfMeasure` decides which
 * sign a value may carry ("95%" for a rate in %).
 */
export function draftToTarget(d: TargetDraft, unitOfMeasure: string, lang: Lang = 'vi'): DraftResult<Target | undefined> {
  const errors: DraftErrors = {}
  const msg = MESSAGES[lang]
  const unitSign = unitOfMeasure.trim() === '%' ? '%' : unitOfMeasure.trim() === '‰' ? '‰' : undefined
  const num = (key: string, text: string, rule: NumberRule): number | undefined => {
    const r = readNumber(text, rule, lang)
    if (!r.ok) {
      errors[key] = r.message
      return undefined
    }
    return r.value
  }
  const done = (t: Target): DraftResult<Target> => (Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: t })
  switch (d.kind) {
    case '':
      return { ok: true, value: undefined }
    case 'yes_no':
      return { ok: true, value: { kind: 'yes_no' } }
    case 'at_least':
    case 'rate_at_least': {
      const value = num('value', d.value, { allowNegative: true, suffix: unitSign })
      return done({ kind: d.kind, value: value ?? 0, ...(d.strict ? { strict: true } : {}) })
    }
    case 'at_most': {
      const value = num('value', d.value, { allowNegative: true, suffix: unitSign })
      return done({ kind: 'at_most', value: value ?? 0, strict: d.strict })
    }
    case 'range': {
      // "90 - 95" typed into the first box, the second left empty: both ends at once.
      const split = d.max.trim() === '' ? splitRange(d.min) : undefined
      const [minText, maxText] = split ?? [d.min, d.max]
      const min = num('min', minText, { allowNegative: true, suffix: unitSign })
      const max = num('max', maxText, { allowNegative: true, suffix: unitSign })
      if (min !== undefined && max !== undefined && min > max) errors.max = msg.minMax
      return done({ kind: 'range', min: min ?? 0, max: max ?? 0 })
    }
    case 'reduce_by': {
      const split = d.reduceMax.trim() === '' ? splitRange(d.amount) : undefined
      const [amountText, maxText] = split ?? [d.amount, d.reduceMax]
      // A relative reduction is in % of the start-of-year figure, whatever the indicator's unit.
      const bySign = d.relative ? '%' : unitSign
      const amount = num('amount', amountText, { suffix: bySign })
      const max = num('reduceMax', maxText, { suffix: bySign, optional: true })
      const baseline = num('baseline', d.baseline, { allowNegative: !d.relative, suffix: unitSign, optional: true })
      if (amount !== undefined && max !== undefined && max < amount) errors.reduceMax = msg.reduceMax
      if (d.relative && (max ?? amount ?? 0) > 100) errors[max === undefined ? 'amount' : 'reduceMax'] = msg.relative100
      if (d.relative && baseline !== undefined && baseline <= 0) errors.baseline = msg.relativeBaseline
      return done({
        kind: 'reduce_by',
        amount: amount ?? 0,
        ...(max === undefined ? {} : { max }),
        ...(d.relative ? { relative: true } : {}),
        ...(baseline === undefined ? {} : { baseline }),
      })
    }
    case 'growth': {
      const split = d.maxPercent.trim() === '' ? splitRange(d.percent) : undefined
      const [pctText, maxText] = split ?? [d.percent, d.maxPercent]
      const percent = num('percent', pctText, { allowNegative: true, suffix: '%' })
      const maxPercent = num('maxPercent', maxText, { allowNegative: true, suffix: '%', optional: true })
      const baseYear = num('baseYear', d.baseYear, { integer: true })
      const baseValue = num('baseValue', d.baseValue, { optional: true })
      if (percent !== undefined && maxPercent !== undefined && maxPercent < percent) errors.maxPercent = msg.growthMax
      if (baseYear !== undefined && (baseYear < 1990 || baseYear > 2100)) errors.baseYear = msg.baseYear
      if (baseValue !== undefined && baseValue <= 0) errors.baseValue = msg.baseValue
      return done({
        kind: 'growth',
        percent: percent ?? 0,
        ...(maxPercent === undefined ? {} : { maxPercent }),
        baseYear: baseYear ?? 0,
        ...(baseValue === undefined ? {} : { baseValue }),
      })
    }
    case 'shares': {
      const parts = d.parts.map((p, i) => {
        if (p.indicator === '') errors[`parts.${i}.indicator`] = msg.partIndicator
        const percent = num(`parts.${i}.percent`, p.percent, { suffix: '%' })
        if (percent !== undefined && percent > 100) errors[`parts.${i}.percent`] = msg.percent100
        return { indicator: p.indicator, percent: percent ?? 0 }
      })
      if (d.parts.length < 2) errors.parts = msg.partsCount
      const tolerance = num('tolerance', d.tolerance, { suffix: '%', optional: true })
      return done({ kind: 'shares', parts, tolerance: tolerance ?? 1 })
    }
    case 'derived': {
      const value = num('derivedValue', d.derivedValue, { allowNegative: true, suffix: unitSign, optional: true })
      return done(value === undefined ? { kind: 'derived' } : { kind: 'derived', value })
    }
  }
}
