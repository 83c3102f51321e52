// The Vietnamese wording of a commune's results: the generated summary of a review report
// (sơ kết / tổng kết), and the small formatting helpers the XLSX and DOCX exports and the
// dashboard share, so that all three print the same figure the same way. Pure: no clock, no I/O.
import type { IndicatorResult, PlanResults, ResultsBasis } from './api'
import type { Commune, Field, PeriodKind, Phase } from './model'
import { formatViAmount, formatViNumber, formatViPercent } from './numbers'
import { STATUS_LABELS } from './describe'
import type { TargetStatus } from './targets'

export interface ResultsSummary {
  /** Targets already exceeded (vượt). */
  ahead: IndicatorResult[]
  /** Not met and not on pace (chưa đạt, không đạt), or met so far but ahead of an annual cap's pace. */
  behind: IndicatorResult[]
  /** Nothing to judge yet: no figure, or no baseline to measure a reduction or a growth from. */
  noData: IndicatorResult[]
  /** The summary in Vietnamese sentences, in reading order. */
  sentences: string[]
  /** The same in short paragraphs (the DOCX's "Đánh giá chung"): the counts over the plan, … */
  opening: string
  /** … then one paragraph per top-level field, in the plan's order (fields without targets left out), … */
  fields: FieldAssessment[]
  /** … then what qualifies the whole: units not all reported, unapproved figures counted. */
  notes: string[]
}

/** One field's assessment: its counts, then the targets ahead, on pace, behind and without figures. */
export interface FieldAssessment {
  /** The field's name: "Kinh tế". */
  field: string
  text: string
}

/** The order statuses are counted and listed in. */
export const STATUS_ORDER: readonly TargetStatus[] = ['exceeded', 'achieved', 'not_yet', 'failed', 'no_data', 'no_baseline']

const KIND_WORDS: Readonly<Record<Commune['kind'], string>> = { xa: 'Xã', phuong: 'Phường', dac_khu: 'Đặc khu', thi_tran: 'Thị trấn' }

/** "Phường Trương Quang Trọng" whether the stored name carries its kind or not. */
export function communeFullName(commune: Pick<Commune, 'name' | 'kind'>): string {
  const word = KIND_WORDS[commune.kind]
  return commune.name.toLocaleLowerCase('vi').startsWith(word.toLocaleLowerCase('vi')) ? commune.name : `${word} ${commune.name}`
}

/** "Trương Quang Trọng": the place name a dateline starts with. */
export function communePlaceName(commune: Pick<Commune, 'name' | 'kind'>): string {
  const full = communeFullName(commune)
  return full.slice(KIND_WORDS[commune.kind].length).trim() || full
}

/** "UBND PHƯỜNG TRƯƠNG QUANG TRỌNG": the issuing body of a commune's documents. */
export function communeAuthority(commune: Pick<Commune, 'name' | 'kind'>): string {
  return `UBND ${communeFullName(commune).toLocaleUpperCase('vi')}`
}

/** "Vượt", "Chưa đạt": a status label starting with a capital, for a table cell. */
export function statusText(status: TargetStatus): string {
  const label = STATUS_LABELS[status]
  return label.charAt(0).toLocaleUpperCase('vi') + label.slice(1)
}

/** "2024-06-30" → "30/06/2024". */
export function formatViDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-')
  return `${d}/${m}/${y}`
}

/** An instant in Vietnam's time (UTC+7, no daylight saving): "10/05/2024 15:00". */
export function formatViDateTime(isoInstant: string): string {
  const t = Date.parse(isoInstant)
  if (Number.isNaN(t)) return isoInstant
  const local = new Date(t + 7 * 3600_000).toISOString()
  return `${formatViDate(local.slice(0, 10))} ${local.slice(11, 16)}`
}

const ROMAN = ['I', 'II', 'III', 'IV']

/** "quý II năm 2024", "6 tháng đầu năm 2024", "tháng 5 năm 2024", "năm 2024". */
export function periodLabel(
  asOf: { period: string; kind: PeriodKind; from: string; to: string },
  phases: readonly Phase[] = [],
): string {
  const year = Number(asOf.to.slice(0, 4))
  const month = Number(asOf.to.slice(5, 7))
  switch (asOf.kind) {
    case 'quarter':
      return `quý ${ROMAN[Math.ceil(month / 3) - 1] ?? month} năm ${year}`
    case 'month':
      return `tháng ${month} năm ${year}`
    case 'year':
      return `năm ${year}`
    case 'phase': {
      const phase = phases.find((p) => asOf.period.endsWith(p.code) || (p.from === asOf.from && p.to === asOf.to))
      return phase ? `${phase.name} năm ${year}` : `từ ${formatViDate(asOf.from)} đến ${formatViDate(asOf.to)}`
    }
  }
}

/** "tính đến hết quý II năm 2024 (30/06/2024)", or a note that no period has ended yet. */
export function asOfText(results: Pick<PlanResults, 'asOf' | 'phases'>): string {
  if (!results.asOf) return 'chưa có kỳ báo cáo nào kết thúc'
  return `tính đến hết ${periodLabel(results.asOf, results.phases)} (${formatViDate(results.asOf.to)})`
}

export const BASIS_LABELS: Readonly<Record<ResultsBasis, string>> = {
  approved: 'Chỉ số liệu của báo cáo đã duyệt',
  submitted: 'Số liệu của báo cáo đã gửi và đã duyệt',
  all: 'Mọi số liệu đã nhập (kể cả báo cáo nháp, chưa duyệt)',
}

/** The figure in the indicator's unit, without the unit: "1.448,5"; yes/no as "Đạt" / "Chưa đạt"; "" when none. */
export function formatActual(ind: IndicatorResult, nameOf: (code: string) => string = (c) => c): string {
  if (ind.aggregation === 'yes_no') {
    if (ind.achieved === undefined && ind.actual === null) return ''
    return (ind.achieved ?? ind.actual === 1) ? 'Đạt' : 'Chưa đạt'
  }
  if (ind.actual === null) return ind.shares ? sharesText(ind, nameOf) : ''
  return formatViNumber(ind.actual, 2)
}

/** A lookup of indicator names by code, for the parts of a shares target. */
export function indicatorNames(results: Pick<PlanResults, 'indicators'>): (code: string) => string {
  const names = new Map(results.indicators.map((i) => [i.code, i.name]))
  return (code) => names.get(code) ?? code
}

/** The figure with its unit, for running text: "1.448,5 tấn", "95,3%", "đạt". */
export function formatActualWithUnit(ind: IndicatorResult, nameOf?: (code: string) => string): string {
  const text = formatActual(ind, nameOf)
  if (text === '' || ind.aggregation === 'yes_no' || ind.actual === null) return text.toLocaleLowerCase('vi')
  const unit = ind.unitOfMeasure.trim()
  if (unit === '%' || unit === '‰') return `${text}${unit}`
  return unit ? `${text} ${unit}` : text
}

/** "Nông nghiệp 38,2% – Công nghiệp 29,9%": the parts of a shares target as they stand. */
function sharesText(ind: IndicatorResult, nameOf: (code: string) => string): string {
  return (ind.shares ?? []).map((s) => `${nameOf(s.indicator)} ${formatViPercent(s.percent, 1)}`).join(' – ')
}

/**
 * "% so với chỉ tiêu": the share of the target done (1 = met), and for a cap (at most) the figure
 * as a share of the cap (1,17 = 17% over it). None for a yes/no target or a structure (shares),
 * which are not a percentage of a figure.
 */
export function progressOf(ind: IndicatorResult): number | null {
  if (!ind.target || ind.target.kind === 'yes_no' || ind.target.kind === 'shares') return null
  if (ind.target.kind === 'at_most') return ind.actual === null || ind.target.value === 0 ? null : ind.actual / ind.target.value
  return ind.progress
}

/** The statuses that are a verdict on a figure (not "no figure", "no baseline"). */
const VERDICTS: ReadonlySet<TargetStatus> = new Set(['exceeded', 'achieved', 'not_yet', 'failed'])

/** A verdict on part of the units: how many of those who should have reported a figure; none when all did. */
export function coverageOf(ind: Pick<IndicatorResult, 'status' | 'reportedUnits' | 'expectedUnits'>): { reported: number; expected: number } | null {
  if (!VERDICTS.has(ind.status) || ind.expectedUnits === 0 || ind.reportedUnits >= ind.expectedUnits) return null
  return { reported: ind.reportedUnits, expected: ind.expectedUnits }
}

/** A cap the figure went past: the cap, in the indicator's unit ("7,9 tỷ đồng"); none otherwise. */
export function ceilingPassed(ind: Pick<IndicatorResult, 'target' | 'actual' | 'unitOfMeasure'>): string | null {
  if (ind.target?.kind !== 'at_most' || ind.actual === null) return null
  const over = ind.target.strict ? ind.actual >= ind.target.value : ind.actual > ind.target.value
  return over ? formatViAmount(ind.target.value, ind.unitOfMeasure, 4) : null
}

/**
 * The verdict with what qualifies it, the same words on screen, in the XLSX and in the DOCX:
 * "Chưa đạt (vượt trần 7,9 tỷ đồng)", "Vượt (tạm tính, 2/12 đơn vị)"; with `pace`, "Chưa đạt (chậm tiến độ)".
 */
export function verdictText(
  ind: Pick<IndicatorResult, 'status' | 'target' | 'actual' | 'unitOfMeasure' | 'reportedUnits' | 'expectedUnits' | 'onPace'>,
  options: { pace?: boolean } = {},
): string {
  const notes: string[] = []
  const cap = ceilingPassed(ind)
  if (cap) notes.push(`vượt trần ${cap}`)
  // Where no column of its own says it (the review report): short of the year's pace.
  if (options.pace && ind.status === 'not_yet' && ind.onPace === false && !cap) notes.push('chậm tiến độ')
  const coverage = coverageOf(ind)
  if (coverage) notes.push(`tạm tính, ${coverage.reported}/${coverage.expected} đơn vị`)
  return notes.length > 0 ? `${statusText(ind.status)} (${notes.join('; ')})` : statusText(ind.status)
}

/** "102,1%" or "". */
export function formatProgress(ind: IndicatorResult): string {
  const p = progressOf(ind)
  return p === null ? '' : formatViPercent(p * 100, 1)
}

/** "Đúng tiến độ" / "Chậm tiến độ" / "". */
export function paceText(ind: IndicatorResult): string {
  return ind.onPace === null ? '' : ind.onPace ? 'Đúng tiến độ' : 'Chậm tiến độ'
}

/** One group of rows: a field (a top-level one, or a sub-field shown as a bold group row) and its indicators. */
export interface FieldGroup {
  field: Field
  /** 0 for a top-level field, 1 for its sub-field, … */
  depth: number
  indicators: IndicatorResult[]
}

/** A top-level field (lĩnh vực) with its own indicators first, then each sub-field's, depth first. */
export interface FieldSection {
  field: Field
  groups: FieldGroup[]
  /** Every indicator of the section, in the order printed. */
  indicators: IndicatorResult[]
}

/**
 * The results arranged the way the plan reads: one section per top-level field, in the plan's
 * order; indicators of a field the plan does not list end up in a last "Khác" section.
 */
export function fieldSections(results: Pick<PlanResults, 'fields' | 'indicators'>): FieldSection[] {
  const known = new Set(results.fields.map((f) => f.code))
  const children = new Map<string, Field[]>()
  const tops: Field[] = []
  for (const f of results.fields) {
    if (f.parent !== undefined && known.has(f.parent) && f.parent !== f.code) {
      const list = children.get(f.parent) ?? []
      list.push(f)
      children.set(f.parent, list)
    } else tops.push(f)
  }
  const byField = new Map<string, IndicatorResult[]>()
  const orphans: IndicatorResult[] = []
  for (const ind of results.indicators) {
    if (!known.has(ind.field)) {
      orphans.push(ind)
      continue
    }
    const list = byField.get(ind.field) ?? []
    list.push(ind)
    byField.set(ind.field, list)
  }
  const sections: FieldSection[] = []
  for (const top of tops) {
    const groups: FieldGroup[] = []
    const seen = new Set<string>()
    const walk = (f: Field, depth: number): void => {
      if (seen.has(f.code)) return
      seen.add(f.code)
      groups.push({ field: f, depth, indicators: byField.get(f.code) ?? [] })
      for (const c of children.get(f.code) ?? []) walk(c, depth + 1)
    }
    walk(top, 0)
    const indicators = groups.flatMap((g) => g.indicators)
    if (indicators.length > 0) sections.push({ field: top, groups, indicators })
  }
  if (orphans.length > 0) {
    const field: Field = { code: 'KHAC', name: 'Khác' }
    sections.push({ field, groups: [{ field, depth: 0, indicators: orphans }], indicators: orphans })
  }
  return sections
}

/** Counts per status, from the indicators themselves. */
export function countStatuses(indicators: readonly IndicatorResult[]): Record<TargetStatus, number> {
  const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<TargetStatus, number>
  for (const ind of indicators) counts[ind.status] += 1
  return counts
}

function isBehind(ind: IndicatorResult): boolean {
  if (ind.status === 'failed') return true
  if (ind.status === 'not_yet') return ind.onPace !== true
  // A cap on a flow (spending, incidents) still within the year's limit but past its pace.
  return ind.status === 'achieved' && ind.onPace === false
}

/** "Sản lượng lúa (1.448,5 tấn, đạt 102,1% chỉ tiêu)". */
function named(ind: IndicatorResult, withFigure: boolean): string {
  if (!withFigure) return ind.name
  const parts: string[] = []
  const figure = formatActualWithUnit(ind)
  if (figure) parts.push(ind.aggregation === 'yes_no' ? figure : `thực hiện ${figure}`)
  const progress = formatProgress(ind)
  if (progress) parts.push(`bằng ${progress} chỉ tiêu`)
  if (ind.targetText) parts.push(`chỉ tiêu ${ind.targetText}`)
  return parts.length > 0 ? `${ind.name} (${parts.join(', ')})` : ind.name
}

/** Names, in full; past `limit` the rest are counted ("… và 12 chỉ tiêu khác"). */
function list(inds: readonly IndicatorResult[], withFigure: boolean, limit = Infinity): string {
  const shown = inds.slice(0, limit).map((i) => named(i, withFigure)).join('; ')
  return inds.length > limit ? `${shown} và ${inds.length - limit} chỉ tiêu khác` : shown
}

/** How many targets without figures, or on pace, are named before the rest are only counted. */
const NAMED_AT_MOST = 10

/** The generated "Đánh giá chung": counts per verdict, then the targets ahead, behind and without figures, by name. */
export function summarizeResults(results: PlanResults): ResultsSummary {
  const inds = results.indicators
  const ahead = inds.filter((i) => i.status === 'exceeded')
  const behind = inds.filter(isBehind)
  const noData = inds.filter((i) => i.status === 'no_data' || i.status === 'no_baseline')
  const onTrack = inds.filter((i) => i.status === 'not_yet' && i.onPace === true)
  const counts = countStatuses(inds)
  const sentences: string[] = []

  if (inds.length === 0) {
    const opening = 'Kế hoạch chưa có chỉ tiêu nào để đánh giá.'
    return { ahead, behind, noData, sentences: [opening], opening, fields: [], notes: [] }
  }

  const when = asOfText(results)
  const opening = `${when.charAt(0).toLocaleUpperCase('vi')}${when.slice(1)}, trong tổng số ${inds.length} chỉ tiêu của kế hoạch có ${countsText(counts)}.`
  sentences.push(opening)

  if (ahead.length > 0) sentences.push(`Các chỉ tiêu vượt kế hoạch: ${list(ahead, true)}.`)
  if (onTrack.length > 0) {
    sentences.push(`Có ${onTrack.length} chỉ tiêu chưa hoàn thành kế hoạch năm nhưng đúng tiến độ: ${list(onTrack, false, NAMED_AT_MOST)}.`)
  }
  if (behind.length > 0) {
    sentences.push(`Các chỉ tiêu chưa đạt hoặc chậm tiến độ, cần tập trung chỉ đạo: ${list(behind, true)}.`)
  } else if (inds.length > noData.length) {
    sentences.push('Không có chỉ tiêu nào chậm tiến độ.')
  }
  if (noData.length > 0 && noData.length === inds.length) {
    sentences.push('Chưa có số liệu để đánh giá chỉ tiêu nào.')
  } else if (noData.length > 0) {
    const noBaseline = noData.filter((i) => i.status === 'no_baseline')
    sentences.push(
      `Chưa có số liệu để đánh giá ${noData.length} chỉ tiêu: ${list(noData, false, NAMED_AT_MOST)}` +
        (noBaseline.length > 0 ? ` (trong đó ${noBaseline.length} chỉ tiêu chưa có số liệu gốc để so sánh)` : '') +
        '.',
    )
  }
  const notes: string[] = []
  const missing = inds.filter((i) => i.expectedUnits > 0 && i.reportedUnits < i.expectedUnits && i.status !== 'no_data')
  if (missing.length > 0) {
    notes.push(`Có ${missing.length} chỉ tiêu chưa đủ số liệu của các đơn vị báo cáo, kết quả có thể còn thay đổi.`)
  }
  if (results.basis === 'submitted') {
    notes.push('Lưu ý: số liệu tổng hợp gồm cả báo cáo đã gửi nhưng chưa được duyệt.')
  } else if (results.basis === 'all') {
    notes.push('Lưu ý: số liệu tổng hợp gồm cả báo cáo chưa gửi và chưa được duyệt, chưa phải số liệu chính thức.')
  }
  sentences.push(...notes)
  const fields = fieldSections(results).map((s) => ({ field: s.field.name, text: assessField(s.indicators) }))
  return { ahead, behind, noData, sentences, opening, fields, notes }
}

/** "1 chỉ tiêu vượt, 2 chỉ tiêu đạt, 3 chỉ tiêu chưa đạt". */
function countsText(counts: Record<TargetStatus, number>): string {
  return STATUS_ORDER.filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} chỉ tiêu ${STATUS_LABELS[s]}`)
    .join(', ')
}

/** One field's paragraph: "4 chỉ tiêu, trong đó 1 chỉ tiêu vượt, …. Vượt kế hoạch: …. Chưa đạt hoặc chậm tiến độ, …: …". */
function assessField(inds: readonly IndicatorResult[]): string {
  const ahead = inds.filter((i) => i.status === 'exceeded')
  const behind = inds.filter(isBehind)
  const noData = inds.filter((i) => i.status === 'no_data' || i.status === 'no_baseline')
  const onTrack = inds.filter((i) => i.status === 'not_yet' && i.onPace === true)
  const counts = countStatuses(inds)
  const only = STATUS_ORDER.find((s) => counts[s] === inds.length)
  const parts = [only ? `${inds.length} chỉ tiêu ${STATUS_LABELS[only]}.` : `${inds.length} chỉ tiêu, trong đó ${countsText(counts)}.`]
  if (ahead.length > 0) parts.push(`Vượt kế hoạch: ${list(ahead, true)}.`)
  if (onTrack.length > 0) parts.push(`Chưa hoàn thành kế hoạch năm nhưng đúng tiến độ: ${list(onTrack, false, NAMED_AT_MOST)}.`)
  if (behind.length > 0) parts.push(`Chưa đạt hoặc chậm tiến độ, cần tập trung chỉ đạo: ${list(behind, true)}.`)
  if (noData.length > 0 && noData.length < inds.length) parts.push(`Chưa có số liệu để đánh giá: ${list(noData, false, NAMED_AT_MOST)}.`)
  return parts.join(' ')
}
