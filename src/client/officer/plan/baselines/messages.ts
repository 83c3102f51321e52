// The starting figures' messages (Số gốc của chỉ tiêu giảm / tăng), Vietnamese and English.
import { defineMessages } from '../../../modules/i18n'

export const baselineMessages = defineMessages({
  vi: {
    baselines: {
      title: 'Số gốc (số đầu năm, số năm gốc)',
      intro: 'Chỉ tiêu “giảm … so với đầu năm” và “tăng … so với năm gốc” cần số gốc của toàn xã và của từng đơn vị thì mới đánh giá được. Số gợi ý lấy từ số liệu đã duyệt của các năm trước, cùng chỉ tiêu.',
      none: 'Kế hoạch chưa có chỉ tiêu giảm hay tăng so với số gốc.',
      start: 'số đầu năm',
      base: 'số năm gốc',
      unit: 'Đơn vị',
      commune: 'Toàn xã',
      figure: 'Số gốc',
      figureOf: 'Số gốc của {unit}',
      suggested: 'Gợi ý',
      suggestedFrom: 'Gợi ý (số liệu năm {year})',
      useSuggestions: 'Điền số gợi ý vào ô còn trống',
      save: 'Lưu số gốc',
      unitTargetsOnly: 'chỉ tiêu riêng của từng đơn vị',
      suggestFailed: 'Chưa tải được số gợi ý: {reason}',
    },
  },
  en: {
    baselines: {
      title: 'Starting figures (start of year, base year)',
      intro: 'Targets such as “down … on the start of the year” and “up … on the base year” need the starting figure of the commune and of each unit to be judged. Suggestions come from approved figures of earlier years, for the same indicator.',
      none: 'The plan has no reduction or growth measured from a starting figure.',
      start: 'start-of-year figure',
      base: 'base-year figure',
      unit: 'Unit',
      commune: 'Whole commune',
      figure: 'Starting figure',
      figureOf: 'Starting figure of {unit}',
      suggested: 'Suggested',
      suggestedFrom: 'Suggested (figures of {year})',
      useSuggestions: 'Fill the suggestions into the empty boxes',
      save: 'Save starting figures',
      unitTargetsOnly: 'each unit’s own target',
      suggestFailed: 'The suggestions could not be loaded: {reason}',
    },
  },
})
