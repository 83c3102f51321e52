// Cell values as the screens show them, with vi-VN numbers: `1.448,5 tấn`, `45/50 (90%)`, `Đạt`.
import type { Indicator, ValueData } from '../shared/model'
import { formatViAmount, formatViNumber } from '../shared/numbers'
import { valueNumber } from '../shared/aggregation'
import type { Translate } from './format'

/** `decimals`: how many the figure is shown with (shared/precision `figureDecimals`); by default as typed, a rate 2. */
type Shown = Pick<Indicator, 'unitOfMeasure' | 'scale'> & { decimals?: number | undefined }

/** A rate's figure in its unit: 96,5% or 7,9‰. */
export function formatRate(numerator: number, denominator: number, ind: Shown): string {
  const x = valueNumber({ kind: 'ratio', numerator, denominator }, ind.scale ?? 100)
  return x === undefined ? '—' : formatViAmount(x, ind.scale === 1000 ? '‰' : ind.scale === 1 ? '' : '%', ind.decimals ?? 2)
}

/** A cell's value in words: `1.448,5 tấn`, `45/50 (90%)`, `Đạt`. */
export function formatValue(t: Translate, v: ValueData | null | undefined, ind: Shown): string {
  if (!v) return t('value.empty')
  if (v.kind === 'number') return formatViAmount(v.value, ind.unitOfMeasure, ind.decimals ?? 6)
  if (v.kind === 'ratio') return `${formatViNumber(v.numerator, 6)}/${formatViNumber(v.denominator, 6)} (${formatRate(v.numerator, v.denominator, ind)})`
  return v.achieved ? t('value.yes') : t('value.no')
}
