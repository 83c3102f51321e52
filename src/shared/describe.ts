// Vietnamese wording of targets and statuses, shared by the entry screen, the dashboard
// and the exported review report, so that the three say the same thing.
import type { Indicator, Target } from './model'
import { formatViAmount, formatViNumber } from './numbers'
import type { TargetStatus } from './targets'

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

/** "≥ 95%", "dưới 5,6%", "90 – 95%", "giảm 1 hộ", "tăng 10% so với năm 2022"… */
export function describeTarget(target: Target, indicator: Described): string {
  switch (target.kind) {
    case 'at_least':
    case 'rate_at_least':
      return target.strict ? `trên ${amount(target.value, indicator)}` : `đạt ${amount(target.value, indicator)} trở lên`
    case 'at_most':
      return target.strict ? `dưới ${amount(target.value, indicator)}` : `không quá ${amount(target.value, indicator)}`
    case 'range':
      return `đạt ${formatViNumber(target.min, 4)} – ${amount(target.max, indicator)}`
    case 'reduce_by': {
      const by = target.relative
        ? `${range(target.amount, target.max)}%`
        : isPercent(indicator)
          ? `${range(target.amount, target.max)} điểm phần trăm`
          : target.max === undefined
            ? amount(target.amount, indicator)
            : `${formatViNumber(target.amount, 4)} – ${amount(target.max, indicator)}`
      const base = target.baseline === undefined ? ' (chưa có số đầu năm)' : ` so với đầu năm (${amount(target.baseline, indicator)})`
      return `giảm ${by}${base}`
    }
    case 'growth': {
      const pct = target.maxPercent === undefined ? `${formatViNumber(target.percent, 2)}%` : `${formatViNumber(target.percent, 2)} – ${formatViNumber(target.maxPercent, 2)}%`
      return `tăng ${pct} so với năm ${target.baseYear}`
    }
    case 'shares':
      return `cơ cấu ${target.parts.map((p) => `${formatViNumber(p.percent, 2)}%`).join(' – ')}`
    case 'derived':
      return target.value === undefined ? 'tính từ các chỉ tiêu thành phần' : `đạt ${amount(target.value, indicator)} (tính toán)`
    case 'yes_no':
      return 'đạt / giữ vững'
  }
}

export const STATUS_LABELS: Readonly<Record<TargetStatus, string>> = {
  exceeded: 'vượt',
  achieved: 'đạt',
  not_yet: 'chưa đạt',
  failed: 'không đạt',
  no_data: 'chưa có số liệu',
  no_baseline: 'chưa có số gốc',
}

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
