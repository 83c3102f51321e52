// The results table as an Excel workbook: a "Tổng hợp" sheet (who, which plan, as of when, on
// which figures, counts per verdict), then one sheet per top-level field (lĩnh vực) with one row
// per indicator and one column per reporting unit. Figures are numeric cells with number formats,
// so the officer can sum and chart them; Excel shows the separators of the viewer's locale.
import ExcelJS from 'exceljs'
import type { IndicatorResult, PlanResults, UnitResult } from '../../shared/api'
import type { Ranking } from '../../shared/scoring'
import {
  asOfText,
  BASIS_LABELS,
  communeFullName,
  countStatuses,
  fieldSections,
  formatActual,
  formatViDate,
  formatViDateTime,
  indicatorNames,
  progressOf,
  STATUS_ORDER,
  statusText,
  summarizeResults,
  verdictText,
  type FieldSection,
} from '../../shared/summary'

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const SUMMARY_SHEET = 'Tổng hợp'
/** Rows above the table on a field's sheet: the title, the as-of line, then the header row. */
const HEADER_ROW = 3

/** The house style of the app's workbooks (the results here, the plan template in planFiles/xlsx.ts). */
export const FONT = 'Times New Roman'
export const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
}
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } }
const GROUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }

/** The fixed columns of a field's sheet, then one column per unit. */
const COLUMNS: { header: string; width: number }[] = [
  { header: 'STT', width: 6 },
  { header: 'Chỉ tiêu', width: 46 },
  { header: 'Đơn vị tính', width: 12 },
  { header: 'Chỉ tiêu năm', width: 30 },
  { header: 'Kết quả', width: 16 },
  { header: 'Cách tính kết quả', width: 14 },
  { header: '% so với chỉ tiêu', width: 12 },
  { header: 'Đánh giá', width: 22 },
  { header: 'Đúng tiến độ', width: 11 },
]
const UNIT_COLUMN_WIDTH = 14

/** What a result is, by how it combines: only a flow's is "lũy kế" (accrued since the year began). */
const RESULT_BASIS: Readonly<Record<IndicatorResult['aggregation'], string>> = {
  flow: 'Lũy kế từ đầu năm',
  stock: 'Số hiện có',
  rate: 'Tỷ lệ hiện tại',
  yes_no: 'Đạt / chưa đạt',
}

/** "#,##0" for a whole number, "#,##0.##" otherwise; a % or ‰ figure keeps its sign in the format. */
export function numberFormat(value: number, unitOfMeasure: string): string {
  const base = Number.isInteger(value) ? '#,##0' : '#,##0.##'
  const unit = unitOfMeasure.trim()
  return unit === '%' || unit === '‰' ? `${base}"${unit}"` : base
}

/** A sheet name Excel accepts: no []:*?/\, no leading or trailing apostrophe, at most 31 characters, unique. */
export function sheetName(wanted: string, taken: Set<string>): string {
  let base = wanted
    .normalize('NFC')
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim()
  if (base === '' || base.toLowerCase() === 'history') base = 'Lĩnh vực'
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`
    const name = `${shorten(base, 31 - suffix.length)}${suffix}`
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase())
      return name
    }
  }
}

/** At most `max` characters, cut at a word boundary when one is near, without a dangling separator. */
function shorten(text: string, max: number): string {
  const chars = Array.from(text)
  if (chars.length <= max) return text
  const cut = chars.slice(0, max).join('')
  const space = cut.lastIndexOf(' ')
  const words = space >= max / 2 && chars[max] !== ' ' ? cut.slice(0, space) : cut
  return words.replace(/[\s,;.\-–—]+$/u, '').trim() || cut.trim()
}

function styleHeader(row: ExcelJS.Row, count: number): void {
  row.height = 36
  for (let c = 1; c <= count; c++) {
    const cell = row.getCell(c)
    cell.font = { name: FONT, bold: true, size: 11 }
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    cell.border = BORDER
    cell.fill = HEADER_FILL
  }
}

function printSetup(ws: ExcelJS.Worksheet, titleRows?: string): void {
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(titleRows ? { printTitlesRow: titleRows } : {}),
  }
  ws.headerFooter = { oddFooter: '&C&"Times New Roman"&10Trang &P / &N' }
}

/** The units that report any indicator of the section, in the order they first appear. */
function unitsOf(indicators: readonly IndicatorResult[]): { unit: string; unitName: string }[] {
  const seen = new Map<string, string>()
  for (const ind of indicators) for (const u of ind.byUnit) if (!seen.has(u.unit)) seen.set(u.unit, u.unitName)
  return [...seen].map(([unit, unitName]) => ({ unit, unitName }))
}

function setFigure(cell: ExcelJS.Cell, ind: Pick<IndicatorResult, 'aggregation' | 'unitOfMeasure'>, actual: number | null, achieved: boolean | undefined, text = ''): void {
  if (ind.aggregation === 'yes_no') {
    if (achieved !== undefined || actual !== null) cell.value = (achieved ?? actual === 1) ? 'Đạt' : 'Chưa đạt'
    cell.alignment = { horizontal: 'center', vertical: 'top' }
    return
  }
  if (actual === null) {
    if (text) {
      cell.value = text
      cell.alignment = { vertical: 'top', wrapText: true }
    }
    return
  }
  cell.value = actual
  cell.numFmt = numberFormat(actual, ind.unitOfMeasure)
  cell.alignment = { horizontal: 'right', vertical: 'top' }
}

function fieldSheet(wb: ExcelJS.Workbook, name: string, section: FieldSection, results: PlanResults, nameOf: (code: string) => string): void {
  const units = unitsOf(section.indicators)
  const columnCount = COLUMNS.length + units.length
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW, activeCell: `C${HEADER_ROW + 1}` }],
  })
  ws.columns = [...COLUMNS.map((c) => ({ width: c.width })), ...units.map(() => ({ width: UNIT_COLUMN_WIDTH }))]

  const title = ws.getRow(1)
  title.getCell(1).value = section.field.name
  title.getCell(1).font = { name: FONT, bold: true, size: 13 }
  title.getCell(1).alignment = { vertical: 'middle', wrapText: true }
  ws.mergeCells(1, 1, 1, columnCount)
  title.height = section.field.name.length > 100 ? 36 : 20
  const sub = ws.getRow(2)
  sub.getCell(1).value = `${communeFullName(results.commune)}, năm ${results.year}: số liệu ${asOfText(results)}. ${BASIS_LABELS[results.basis]}.`
  sub.getCell(1).font = { name: FONT, italic: true, size: 11 }
  ws.mergeCells(2, 1, 2, columnCount)

  const header = ws.getRow(HEADER_ROW)
  header.values = [...COLUMNS.map((c) => c.header), ...units.map((u) => u.unitName)]
  styleHeader(header, columnCount)

  let stt = 0
  for (const group of section.groups) {
    if (group.depth > 0) {
      const row = ws.addRow([])
      row.getCell(2).value = `${'  '.repeat(group.depth - 1)}${group.field.name}`
      for (let c = 1; c <= columnCount; c++) {
        const cell = row.getCell(c)
        cell.font = { name: FONT, bold: true, size: 11 }
        cell.fill = GROUP_FILL
        cell.border = BORDER
        cell.alignment = { vertical: 'top', wrapText: true }
      }
      ws.mergeCells(row.number, 2, row.number, columnCount)
    }
    for (const ind of group.indicators) {
      stt += 1
      const row = ws.addRow([])
      row.getCell(1).value = stt
      row.getCell(2).value = ind.name
      row.getCell(3).value = ind.unitOfMeasure
      row.getCell(4).value = ind.targetText
      setFigure(row.getCell(5), ind, ind.actual, ind.achieved, formatActual(ind, nameOf))
      row.getCell(6).value = RESULT_BASIS[ind.aggregation]
      const progress = progressOf(ind)
      if (progress !== null) {
        row.getCell(7).value = progress
        row.getCell(7).numFmt = '0.0%'
      }
      row.getCell(8).value = verdictText(ind)
      if (ind.onPace !== null) row.getCell(9).value = ind.onPace ? 'Có' : 'Không'
      const byUnit = new Map<string, UnitResult>(ind.byUnit.map((u) => [u.unit, u]))
      units.forEach((u, i) => {
        const r = byUnit.get(u.unit)
        if (r) setFigure(row.getCell(COLUMNS.length + 1 + i), ind, r.actual, r.achieved)
      })
      for (let c = 1; c <= columnCount; c++) {
        const cell = row.getCell(c)
        cell.font = { name: FONT, size: 11, ...(c === 8 && (ind.status === 'failed' || ind.status === 'not_yet') ? { bold: true } : {}) }
        cell.border = BORDER
        if (!cell.alignment) cell.alignment = { vertical: 'top', wrapText: c === 2 || c === 4 }
      }
      row.getCell(1).alignment = { horizontal: 'center', vertical: 'top' }
      row.getCell(3).alignment = { horizontal: 'center', vertical: 'top', wrapText: true }
      row.getCell(6).alignment = { horizontal: 'center', vertical: 'top', wrapText: true }
      row.getCell(8).alignment = { horizontal: 'center', vertical: 'top', wrapText: true }
      row.getCell(9).alignment = { horizontal: 'center', vertical: 'top' }
    }
  }
  printSetup(ws, `${HEADER_ROW}:${HEADER_ROW}`)
}

function summarySheet(wb: ExcelJS.Workbook, results: PlanResults, sections: readonly FieldSection[]): void {
  const ws = wb.addWorksheet(SUMMARY_SHEET)
  const statusColumns = STATUS_ORDER.filter((s) => s !== 'no_baseline' || results.indicators.some((i) => i.status === s))
  const columnCount = 2 + statusColumns.length + 1
  ws.columns = [{ width: 6 }, { width: 46 }, ...statusColumns.map(() => ({ width: 13 })), { width: 13 }]

  const title = ws.addRow([`KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THI ĐUA NĂM ${results.year}`])
  title.getCell(1).font = { name: FONT, bold: true, size: 14 }
  title.getCell(1).alignment = { horizontal: 'center' }
  ws.mergeCells(title.number, 1, title.number, columnCount)
  ws.addRow([])

  const plan = results.planNumber
    ? `Kế hoạch số ${results.planNumber}${results.planIssuedOn ? ` ngày ${formatViDate(results.planIssuedOn)}` : ''}`
    : 'Kế hoạch'
  const info: [string, string][] = [
    ['Xã/phường', [communeFullName(results.commune), results.commune.district, results.commune.province].filter(Boolean).join(', ')],
    [plan, results.planTitle],
    ['Số liệu', asOfText(results)],
    ['Cơ sở số liệu', BASIS_LABELS[results.basis]],
    ['Thời điểm xuất', formatViDateTime(results.generatedAt)],
  ]
  for (const [label, value] of info) {
    const row = ws.addRow(['', label, value])
    row.getCell(2).font = { name: FONT, bold: true, size: 11 }
    row.getCell(3).font = { name: FONT, size: 11 }
    row.getCell(3).alignment = { vertical: 'top', wrapText: true }
    ws.mergeCells(row.number, 3, row.number, columnCount)
    if (value.length > 80) row.height = 15 * Math.ceil(value.length / 80)
  }
  ws.addRow([])

  const header = ws.addRow(['STT', 'Lĩnh vực', ...statusColumns.map(statusText), 'Tổng số chỉ tiêu'])
  styleHeader(header, columnCount)
  const countRow = (cells: (string | number)[], bold: boolean): void => {
    const row = ws.addRow(cells)
    for (let c = 1; c <= columnCount; c++) {
      const cell = row.getCell(c)
      cell.font = { name: FONT, size: 11, bold }
      cell.border = BORDER
      if (c > 2) cell.numFmt = '#,##0'
      cell.alignment = c === 2 ? { vertical: 'top', wrapText: true } : { horizontal: 'center', vertical: 'top' }
    }
  }
  sections.forEach((s, i) => {
    const counts = countStatuses(s.indicators)
    countRow([i + 1, s.field.name, ...statusColumns.map((st) => counts[st]), s.indicators.length], false)
  })
  const total = countStatuses(results.indicators)
  countRow(['', 'Tổng cộng', ...statusColumns.map((st) => total[st]), results.indicators.length], true)
  ws.addRow([])

  const heading = ws.addRow(['', 'Đánh giá chung'])
  heading.getCell(2).font = { name: FONT, bold: true, size: 12 }
  for (const sentence of summarizeResults(results).sentences) {
    const row = ws.addRow(['', sentence])
    row.getCell(2).font = { name: FONT, size: 11 }
    row.getCell(2).alignment = { vertical: 'top', wrapText: true }
    ws.mergeCells(row.number, 2, row.number, columnCount)
    row.height = 15 * Math.max(1, Math.ceil(sentence.length / 110))
  }
  printSetup(ws)
}

const RANKING_SHEET = 'Xếp hạng'
/** How ties are broken, as docs/domain.md and shared/scoring.ts say. */
export const TIE_BREAK_TEXT =
  'Bằng điểm: xếp trước đơn vị đạt nhiều chỉ tiêu hơn, rồi đơn vị có ít báo cáo trễ hơn, ít lần bị trả lại hơn, rồi theo tên đơn vị (thứ tự chữ cái tiếng Việt).'

/** Chấm điểm, xếp hạng (issue 15, item 2): one row per unit ranked, its points part by part. */
function rankingSheet(wb: ExcelJS.Workbook, ranking: Ranking, results: PlanResults): void {
  const ws = wb.addWorksheet(RANKING_SHEET, { views: [{ state: 'frozen', ySplit: 4 }] })
  const headers = [
    'Hạng',
    'Đơn vị',
    'Điểm chỉ tiêu',
    'Số chỉ tiêu đạt',
    'Điểm thưởng',
    'Báo cáo trễ',
    'Lần bị trả lại',
    'Điểm trừ',
    ...ranking.criteria.map((c) => `${c.name} (tối đa ${c.max.toLocaleString('vi-VN')})`),
    'Tổng điểm',
  ]
  ws.columns = headers.map((h, i) => ({ width: i === 1 ? 30 : i === 0 ? 7 : Math.min(24, Math.max(11, h.length * 0.6)) }))
  const title = ws.addRow([`BẢNG XẾP HẠNG THI ĐUA NĂM ${ranking.year}`])
  title.getCell(1).font = { name: FONT, bold: true, size: 14 }
  ws.mergeCells(title.number, 1, title.number, headers.length)
  const vi = (n: number): string => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 })
  const scale = `Thang điểm ${vi(ranking.total)}${ranking.bonusMax > 0 ? `, điểm thưởng tối đa ${vi(ranking.bonusMax)}` : ''}; ${asOfText(results)}; ${BASIS_LABELS[results.basis]}.`
  const info = ws.addRow([scale])
  info.getCell(1).font = { name: FONT, italic: true, size: 11 }
  ws.mergeCells(info.number, 1, info.number, headers.length)
  ws.addRow([])
  styleHeader(ws.addRow(headers), headers.length)
  for (const u of ranking.units) {
    const row = ws.addRow([
      u.rank,
      u.unitName,
      u.indicatorPoints,
      `${u.achieved}/${u.indicators.length}`,
      u.bonus,
      u.late,
      u.returned,
      u.deduction,
      ...u.criteria.map((c) => c.score ?? 'chưa chấm'),
      u.total,
    ])
    for (let c = 1; c <= headers.length; c++) {
      const cell = row.getCell(c)
      cell.font = { name: FONT, size: 11, bold: c === headers.length }
      cell.border = BORDER
      cell.alignment = c === 2 ? { vertical: 'top', wrapText: true } : { horizontal: 'center', vertical: 'top' }
      if (typeof cell.value === 'number' && c !== 1) cell.numFmt = '#,##0.##'
    }
  }
  ws.addRow([])
  const note = ws.addRow([TIE_BREAK_TEXT])
  note.getCell(1).font = { name: FONT, italic: true, size: 10 }
  ws.mergeCells(note.number, 1, note.number, headers.length)
  printSetup(ws, '4:4')
}

/** The workbook of a commune's results, as the bytes of an .xlsx file; with a “Xếp hạng” sheet when the plan has a scoring table. */
export async function buildResultsXlsx(results: PlanResults, ranking?: Ranking): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const at = new Date(results.generatedAt)
  wb.creator = 'Thi đua'
  wb.title = `Kết quả thực hiện chỉ tiêu thi đua năm ${results.year} - ${communeFullName(results.commune)}`
  wb.created = at
  wb.modified = at
  const sections = fieldSections(results)
  const taken = new Set<string>([SUMMARY_SHEET.toLowerCase()])
  summarySheet(wb, results, sections)
  if (ranking) {
    taken.add(RANKING_SHEET.toLowerCase())
    rankingSheet(wb, ranking, results)
  }
  const nameOf = indicatorNames(results)
  for (const section of sections) fieldSheet(wb, sheetName(section.field.name, taken), section, results, nameOf)
  const out = await wb.xlsx.writeBuffer()
  return Buffer.from(out as unknown as ArrayBuffer)
}
