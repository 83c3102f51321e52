// The XLSX plan template (docs/domain.md, “Bảng tính kế hoạch”) as a workbook, both ways: ExcelJS
// writes and reads the cells, src/shared/planSheets.ts turns them into a plan and back.
//
// Reading never throws and never loads a hostile file: before ExcelJS sees the bytes, the zip's
// central directory is read by hand and every entry inflated with a cap on its size, the sheets'
// rows counted, their dimension and the ranges ExcelJS would expand cell by cell (merged cells,
// data validations, defined names) bounded. A file over the caps is refused with a Vietnamese reason.
import ExcelJS from 'exceljs'
import type { Unit } from '../../shared/model'
import { PLAN_FILE_MAX_BYTES, PLAN_XLSX_TEMPLATE, type PlanBundle, type PlanFileProblem } from '../../shared/planImport'
import {
  bundleToGrids,
  columnLetter,
  columnOf,
  dateCell,
  EXAMPLE_PREFIX,
  gridsToBundle,
  type Grid,
  numberCell,
  PLAN_SHEET_MAX_ROWS,
  type PlanGrids,
  ProblemList,
  SHEET_COLUMNS,
  SHEET_NAMES,
  SHEET_ORDER,
  sheetKeyOf,
  type SheetKey,
  templateGrids,
  NO,
  YES,
} from '../../shared/planSheets'
import { BORDER, FONT, HEADER_FILL } from '../exports/xlsx'
import { inflateZip, readZipDirectory, type ZipEntry } from './zip'

export { PLAN_XLSX_TEMPLATE }

export type ReadPlanXlsxResult = { ok: true; bundle: PlanBundle; warnings: PlanFileProblem[] } | { ok: false; problems: PlanFileProblem[] }

/** Caps checked before ExcelJS loads a file. A real plan's workbook is far below each. */
export const XLSX_LIMITS = {
  /** Uncompressed bytes of one entry of the zip (a sheet's XML, the shared strings). */
  entryBytes: 8 * 1024 * 1024,
  /** Uncompressed bytes of all entries. */
  totalBytes: 24 * 1024 * 1024,
  entries: 500,
  /** Cells of one sheet. */
  cells: 150_000,
  /** Cells one range (merged cells, a drop-down, a defined name) may span: ExcelJS visits each. */
  rangeCells: 100_000,
  /** Columns read from a sheet. */
  columns: 100,
} as const

const EXAMPLE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } }
const EXAMPLE_NOTE = `Dòng ví dụ: mã bắt đầu bằng “${EXAMPLE_PREFIX}” nên dòng này không được đọc. Có thể xóa, hoặc ghi đè bằng số liệu thật (và đổi mã).`
/** Rows below the data that keep the drop-downs, for rows the officer adds. */
const SPARE_ROWS = 500

// ---------------------------------------------------------------------------
// Writing

/** The plan as the template's workbook. */
export async function planBundleToXlsx(bundle: PlanBundle): Promise<Buffer> {
  return gridsToXlsx(bundleToGrids(bundle))
}

/** The blank template of a year: headers, the plan's items to fill in, one example row per kind of row, drop-downs. */
export async function planTemplateXlsx(year: number, communeUnits: readonly Unit[] = []): Promise<Buffer> {
  const { grids, examples } = templateGrids(year, communeUnits)
  return gridsToXlsx(grids, examples)
}

interface WithValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void }
}

async function gridsToXlsx(grids: PlanGrids, examples?: Record<SheetKey, number[]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Thi đua – Báo cáo chỉ tiêu'
  wb.title = PLAN_XLSX_TEMPLATE
  for (const key of SHEET_ORDER) {
    const specs = SHEET_COLUMNS[key]
    const grid = grids[key]
    const ws = wb.addWorksheet(SHEET_NAMES[key], { views: [{ state: 'frozen', ySplit: 1 }] })
    // Text cells: Excel keeps "1.448,5", "30/06/2025" and a code "2.4" as typed.
    ws.columns = specs.map((s) => ({ width: s.width, style: { numFmt: '@', font: { name: FONT, size: 11 }, alignment: { vertical: 'top', wrapText: s.width >= 30 } } }))
    for (const row of grid) ws.addRow(row.map((c) => (c === '' ? null : c)))
    const header = ws.getRow(1)
    header.height = 36
    specs.forEach((s, i) => {
      const cell = header.getCell(i + 1)
      cell.font = { name: FONT, bold: true, size: 11 }
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
      cell.border = BORDER
      cell.fill = HEADER_FILL
      if (s.note) cell.note = s.note
    })
    for (const r of examples?.[key] ?? []) {
      const row = ws.getRow(r + 1)
      for (let c = 1; c <= specs.length; c++) {
        const cell = row.getCell(c)
        cell.font = { name: FONT, size: 11, italic: true, color: { argb: 'FF7F7F7F' } }
        cell.fill = EXAMPLE_FILL
      }
      row.getCell(2).note = EXAMPLE_NOTE
    }
    const last = Math.min(PLAN_SHEET_MAX_ROWS, grid.length + SPARE_ROWS)
    const validations = (ws as unknown as WithValidations).dataValidations
    specs.forEach((s, i) => {
      if (!s.list) return
      const formula = `"${s.list.join(',')}"`
      // Excel's limit for a list written in place.
      if (formula.length > 257) throw new Error(`drop-down of “${s.header}” too long`)
      const col = columnLetter(i)
      validations.add(`${col}2:${col}${last}`, {
        type: 'list',
        allowBlank: true,
        formulae: [formula],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: s.header,
        error: `Chọn một giá trị trong danh sách: ${s.list.join('; ')}`,
      })
    })
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

// ---------------------------------------------------------------------------
// Reading

const refuse = (message: string): ReadPlanXlsxResult => ({ ok: false, problems: [{ message }] })
const MB = (n: number): string => `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`

/** The plan in a workbook of the template, or every problem found (never throws). */
export async function readPlanXlsx(bytes: Buffer): Promise<ReadPlanXlsxResult> {
  try {
    return await readUnsafe(bytes)
  } catch {
    return refuse('Tệp bảng tính hỏng hoặc không đúng định dạng .xlsx, không đọc được: hãy mở bằng Excel, lưu lại dưới dạng .xlsx rồi thử lại')
  }
}

async function readUnsafe(bytes: Buffer): Promise<ReadPlanXlsxResult> {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) return refuse('Tệp rỗng')
  if (bytes.length > PLAN_FILE_MAX_BYTES) return refuse(`Tệp quá lớn (${MB(bytes.length)}; tối đa ${MB(PLAN_FILE_MAX_BYTES)})`)
  const kind = notAZip(bytes)
  if (kind !== undefined) return refuse(kind)
  const zip = inspectZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length))
  if (typeof zip === 'string') return refuse(zip)

  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  const out = new ProblemList()
  const grids: Partial<Record<SheetKey, Grid>> = {}
  for (const ws of wb.worksheets) {
    const key = sheetKeyOf(ws.name)
    if (key === undefined || grids[key] !== undefined) continue
    grids[key] = sheetGrid(ws, key, out)
  }
  return gridsToBundle(grids, out)
}

/** The reason a file is not a zip at all, by its first bytes; undefined for a zip. */
function notAZip(bytes: Uint8Array): string | undefined {
  const starts = (magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b)
  if (starts([0x50, 0x4b, 0x03, 0x04]) || starts([0x50, 0x4b, 0x05, 0x06])) return undefined
  if (starts([0xd0, 0xcf, 0x11, 0xe0])) return 'Tệp là bảng tính Excel 97–2003 (.xls) hoặc Word cũ (.doc): hãy mở bằng Excel và lưu lại dưới dạng .xlsx'
  if (starts([0x25, 0x50, 0x44, 0x46])) return 'Tệp là tài liệu PDF, không phải bảng tính Excel (.xlsx)'
  const head = Buffer.from(bytes.subarray(0, 64)).toString('utf8').replace(/^\uFEFF/, '').trimStart()
  if (head.startsWith('{') || head.startsWith('[')) return 'Tệp là văn bản JSON, không phải bảng tính Excel (.xlsx): tệp kế hoạch JSON được nhập như tệp .json'
  return 'Tệp không phải bảng tính Excel (.xlsx): hãy dùng mẫu bảng tính kế hoạch'
}

/**
 * The zip's entries from its central directory, each inflated once with a cap on its size (the
 * sizes a zip declares may lie), the sheets checked for rows and ranges: a reason to refuse, or ok.
 */
function inspectZip(buf: Buffer): { entries: ZipEntry[] } | string {
  const broken = 'Tệp bảng tính hỏng (tệp nén không đọc được): hãy mở bằng Excel, lưu lại dưới dạng .xlsx rồi thử lại'
  const tooBig = `Tệp bung ra quá lớn (tối đa ${MB(XLSX_LIMITS.totalBytes)}, mỗi phần ${MB(XLSX_LIMITS.entryBytes)}): bảng tính kế hoạch không lớn như vậy`
  const dir = readZipDirectory(buf, XLSX_LIMITS)
  if (!dir.ok) return dir.problem.kind === 'entries' ? `Tệp có quá nhiều thành phần (${dir.problem.count}); bảng tính kế hoạch có vài chục` : broken
  const { entries, names } = dir
  if (names.has('word/document.xml')) return 'Tệp là văn bản Word (.docx) đổi tên, không phải bảng tính Excel: hãy dùng mẫu bảng tính kế hoạch (.xlsx)'
  if (names.has('ppt/presentation.xml')) return 'Tệp là bài trình chiếu PowerPoint (.pptx), không phải bảng tính Excel: hãy dùng mẫu bảng tính kế hoạch (.xlsx)'
  if (names.has('content.xml') && names.has('mimetype')) return 'Tệp là tài liệu OpenDocument (.ods/.odt): hãy mở bằng LibreOffice và lưu dưới dạng Excel (.xlsx)'
  if (!names.has('xl/workbook.xml')) return 'Tệp nén không phải bảng tính Excel (.xlsx): thiếu phần sổ tính (xl/workbook.xml)'
  const refused = inflateZip(buf, entries, XLSX_LIMITS, (e, content) => {
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/.test(e.name)
    return sheet || e.name === 'xl/workbook.xml' ? checkXml(content.toString('latin1'), sheet) : undefined
  })
  if (typeof refused === 'string') return refused
  if (refused !== undefined) return refused.kind === 'too_big' ? tooBig : broken
  return { entries }
}

/** "A1:Q1000000" → its rows and cells; undefined for no range. */
function rangeSize(ref: string): { bottom: number; cells: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref.trim())
  if (!m) return undefined
  const col = (s: string): number => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0)
  const top = Number(m[2])
  const bottom = m[4] === undefined ? top : Number(m[4])
  const left = col(m[1] ?? 'A')
  const right = m[3] === undefined ? left : col(m[3])
  return { bottom: Math.max(top, bottom), cells: (Math.abs(bottom - top) + 1) * (Math.abs(right - left) + 1) }
}

const tooManyRows = (n: number): string =>
  `Trang bảng tính có ${n.toLocaleString('vi-VN')} dòng; mỗi trang của bảng tính kế hoạch tối đa ${PLAN_SHEET_MAX_ROWS.toLocaleString('vi-VN')} dòng: hãy xóa các dòng thừa (kể cả dòng trống đã định dạng) rồi lưu lại`

/** A sheet's rows, dimension and the ranges ExcelJS expands cell by cell; the workbook's defined names. */
function checkXml(xml: string, sheet: boolean): string | undefined {
  const hugeRange = (ref: string): string | undefined => {
    for (const part of ref.split(/[\s,]+/)) {
      const r = rangeSize(part.replace(/^.*!/, '').replace(/'/g, ''))
      if (r && (r.bottom > PLAN_SHEET_MAX_ROWS || r.cells > XLSX_LIMITS.rangeCells)) {
        return `Bảng tính có vùng ô quá lớn (${part.slice(0, 40)}): hãy bỏ gộp ô, danh sách chọn hay tên vùng áp cho cả cột rồi lưu lại`
      }
    }
    return undefined
  }
  if (!sheet) {
    for (const m of xml.matchAll(/<(?:\w+:)?definedName\b[^>]*>([^<]*)</g)) {
      const problem = hugeRange(m[1] ?? '')
      if (problem) return problem
    }
    return undefined
  }
  const dimension = /<(?:\w+:)?dimension\b[^>]*\bref="([^"]*)"/.exec(xml)
  if (dimension) {
    const r = rangeSize(dimension[1] ?? '')
    if (r && r.bottom > PLAN_SHEET_MAX_ROWS) return tooManyRows(r.bottom)
  }
  let rows = 0
  let lastRow = 0
  for (const m of xml.matchAll(/<(?:\w+:)?row\b([^>]*)>/g)) {
    rows++
    const r = /\br="(\d+)"/.exec(m[1] ?? '')
    lastRow = r ? Number(r[1]) : lastRow + 1
    if (rows > PLAN_SHEET_MAX_ROWS || lastRow > PLAN_SHEET_MAX_ROWS) return tooManyRows(Math.max(rows, lastRow))
  }
  let cells = 0
  for (const _ of xml.matchAll(/<(?:\w+:)?c[\s>/]/g)) {
    if (++cells > XLSX_LIMITS.cells) return `Trang bảng tính có quá nhiều ô (hơn ${XLSX_LIMITS.cells.toLocaleString('vi-VN')}): bảng tính kế hoạch không lớn như vậy`
  }
  for (const m of xml.matchAll(/<(?:\w+:)?(?:mergeCell|dataValidation|hyperlink)\b[^>]*?\b(?:sqref|ref)="([^"]*)"/g)) {
    const problem = hugeRange(m[1] ?? '')
    if (problem) return problem
  }
  return undefined
}

/** 45838 (days since 30/12/1899) → its date. */
function serialDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400 * 1000))
}

const dateText = (d: Date): string => dateCell(d.toISOString().slice(0, 10))

/** A sheet's cells as text; formulas, errors and merged cells become problems where they are. */
function sheetGrid(ws: ExcelJS.Worksheet, key: SheetKey, out: ProblemList): Grid {
  const sheet = SHEET_NAMES[key]
  const rowCount = Math.min(ws.rowCount, PLAN_SHEET_MAX_ROWS)
  const width = Math.min(ws.columnCount, XLSX_LIMITS.columns)
  const headerRow = ws.getRow(1)
  const types = Array.from({ length: width }, (_, c) => columnOf(key, plainText(headerRow.getCell(c + 1).value))?.type ?? 'text')
  for (const merge of ws.model.merges ?? []) {
    const [first] = merge.split(':')
    const m = /^([A-Z]+)(\d+)$/.exec(first ?? '')
    const row = m ? Number(m[2]) : undefined
    out.add({
      sheet,
      ...(row === undefined ? {} : { row }),
      ...(m?.[1] === undefined ? {} : { column: m[1] }),
      message: row === 1 ? `Ô tiêu đề bị gộp (${merge}): hãy bỏ gộp ô, mỗi cột một tiêu đề như trong mẫu` : `Ô bị gộp (${merge}): hãy bỏ gộp ô, mỗi ô một giá trị`,
    })
  }
  const grid: Grid = []
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.getRow(r)
    const cells: string[] = []
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c)
      const at = { sheet, row: r, column: columnLetter(c - 1) }
      if (cell.type === ExcelJS.ValueType.Merge) {
        cells.push('')
        continue
      }
      const text = cellText(cell.value, types[c - 1] ?? 'text', cell.numFmt)
      if (typeof text === 'string') cells.push(text)
      else {
        cells.push('')
        if (!out.has(at.sheet, at.row, at.column)) out.add({ ...at, message: text.problem })
      }
    }
    grid.push(cells)
  }
  return grid
}

function plainText(value: ExcelJS.CellValue): string {
  const t = cellText(value, 'text')
  return typeof t === 'string' ? t : ''
}

/** A cell's value as the text the sheet reader takes, or why it cannot be read. */
function cellText(value: ExcelJS.CellValue, type: 'text' | 'number' | 'date', numFmt?: string): string | { problem: string } {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { problem: 'Ô có số không hợp lệ' }
    if (type === 'date') return dateText(serialDate(value))
    // 95% typed in a cell Excel formats as a percentage is stored as 0,95.
    if (type === 'number' && numFmt?.includes('%')) return `${numberCell(Number((value * 100).toFixed(6)))}%`
    return type === 'number' ? numberCell(value) : String(value)
  }
  if (typeof value === 'boolean') return value ? YES : NO
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { problem: 'Ô có ngày không hợp lệ' } : dateText(value)
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) return { problem: 'Ô có công thức; hãy dán giá trị (Dán đặc biệt → Giá trị) thay cho công thức' }
    if ('error' in value) return { problem: `Ô báo lỗi ${String(value.error)}; hãy ghi giá trị` }
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('text' in value) return typeof value.text === 'string' ? value.text : plainText(value.text as ExcelJS.CellValue)
  }
  return { problem: 'Ô có nội dung không đọc được; hãy ghi lại giá trị' }
}
