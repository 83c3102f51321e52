// The XLSX plan template, both ways: every plan round-trips, and every bad file ends in Vietnamese
// problems located by sheet, row and column, never an exception, never a partial plan.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { Document, Packer, Paragraph } from 'docx'
import * as v from 'valibot'
import { planBundleToXlsx, planTemplateXlsx, readPlanXlsx } from '../../src/server/planFiles/xlsx'
import { PeriodSchema, PlanSchema, UnitSchema } from '../../src/shared/model'
import { loadPlanFile } from '../../src/shared/planFile'
import { PLAN_FILE_MAX_BYTES, PLAN_XLSX_TEMPLATE, type PlanBundle, type PlanFileProblem } from '../../src/shared/planImport'
import { SHEET_NAMES } from '../../src/shared/planSheets'

const DEMOS = ['pho-thuan-2023', 'tra-phong-2022', 'truong-quang-trong-2022']

function demoBundle(name: string): PlanBundle {
  const loaded = loadPlanFile(JSON.parse(readFileSync(`src/server/demo/plans/${name}.json`, 'utf8')))
  if (!loaded.ok) throw new Error(name)
  return { plan: loaded.file.plan, units: loaded.file.units, periods: [] }
}

/** Every target kind and flag, special phases, unit targets and baselines, rules, month periods. */
function handMade(): PlanBundle {
  const plan = v.parse(PlanSchema, {
    year: 2025,
    number: '71/KH-UBND',
    issuedOn: '2025-01-15',
    title: 'Kế hoạch phát động phong trào thi đua năm 2025',
    theme: 'Đoàn kết, sáng tạo',
    movements: ['Cả nước chung tay vì người nghèo', 'Toàn dân bảo vệ an ninh Tổ quốc'],
    signedBy: 'Nguyễn Văn A',
    source: { number: '12/KH-UBND', issuedOn: '2023-02-01', year: 2023 },
    phases: [
      { code: 'D1', name: 'Đợt 1', from: '2025-01-01', to: '2025-06-30' },
      { code: 'D2', name: 'Đợt 2', from: '2025-07-01', to: '2025-12-31', special: false },
      { code: 'LU', name: 'Chống lũ', special: true },
      { code: 'KN', name: 'Kỷ niệm 80 năm', special: true, from: '2025-08-01' },
    ],
    fields: [
      { code: '1', name: 'Kinh tế' },
      { code: '1.a', name: 'Nông nghiệp', parent: '1' },
      { code: '2', name: 'Văn hóa – xã hội' },
      { code: '3', name: 'Quốc phòng – an ninh' },
    ],
    indicators: [
      { code: 'LUA_DT', name: 'Diện tích lúa', field: '1.a', unitOfMeasure: 'ha', aggregation: 'flow', target: { kind: 'at_least', value: 229 }, reporters: { kinds: ['thon'] } },
      { code: 'LUA_NS', name: 'Năng suất lúa', field: '1.a', unitOfMeasure: 'tạ/ha', aggregation: 'stock', target: { kind: 'at_least', value: 65, strict: false }, reporters: { kinds: ['thon'] } },
      {
        code: 'LUA_SL',
        name: 'Sản lượng lúa',
        field: '1.a',
        unitOfMeasure: 'tấn',
        aggregation: 'flow',
        formula: 'LUA_DT * LUA_NS / 10',
        target: { kind: 'derived', value: 1488.5 },
        reporters: { kinds: ['thon'] },
        source: '  Lúa: diện tích 229 ha, năng suất 65 tạ/ha, sản lượng 1.488,5 tấn\n(dòng hai)',
      },
      { code: 'NGO', name: 'Sản lượng ngô', field: '1.a', unitOfMeasure: 'tấn', aggregation: 'flow', target: { kind: 'derived' }, formula: 'LUA_SL * 0', reporters: { kinds: ['thon'] } },
      { code: 'LT', name: 'Lương thực', field: '1', unitOfMeasure: 'tấn', aggregation: 'flow', children: ['LUA_SL', 'NGO'], target: { kind: 'growth', percent: 5, maxPercent: 7.25, baseYear: 2022, baseValue: 1200.125 }, reporters: { kinds: [], units: ['VPTK'] } },
      { code: 'GTSX', name: 'Giá trị sản xuất', field: '1', unitOfMeasure: 'triệu đồng', aggregation: 'flow', target: { kind: 'growth', percent: 10, baseYear: 2022 }, reporters: { units: ['VPTK'] }, children: [] },
      { code: 'NN', name: 'Tỷ trọng nông nghiệp', field: '1', unitOfMeasure: '%', aggregation: 'stock', partOf: 'GTSX', reporters: { units: ['VPTK'] } },
      { code: 'CN', name: 'Tỷ trọng công nghiệp', field: '1', unitOfMeasure: '%', aggregation: 'stock', reporters: { units: ['VPTK'] } },
      { code: 'DV', name: 'Tỷ trọng dịch vụ', field: '1', unitOfMeasure: '%', aggregation: 'stock', reporters: { units: ['VPTK'] } },
      {
        code: 'CCKT',
        name: 'Cơ cấu kinh tế',
        field: '1',
        unitOfMeasure: '%',
        aggregation: 'flow',
        target: { kind: 'shares', parts: [{ indicator: 'NN', percent: 38.5 }, { indicator: 'CN', percent: 29.4 }, { indicator: 'DV', percent: 32.1 }], tolerance: 0.5 },
        reporters: { units: ['VPTK'] },
      },
      { code: 'BHYT', name: 'Tỷ lệ tham gia BHYT', field: '2', unitOfMeasure: '%', aggregation: 'rate', scale: 100, target: { kind: 'rate_at_least', value: 95, strict: true }, reporters: { kinds: ['thon', 'to_dan_pho'], units: ['TYT'] } },
      { code: 'TNBQ', name: 'Thu nhập bình quân', field: '2', unitOfMeasure: 'triệu đồng', aggregation: 'rate', scale: 1, proportion: false, target: { kind: 'rate_at_least', value: 13.345 }, reporters: { units: ['VPTK'] } },
      { code: 'SDD', name: 'Trẻ suy dinh dưỡng', field: '2', unitOfMeasure: '%', aggregation: 'rate', scale: 100, target: { kind: 'at_most', value: 5.6, strict: true }, reporters: { units: ['TYT'] } },
      { code: 'TDS', name: 'Tăng dân số tự nhiên', field: '2', unitOfMeasure: '‰', aggregation: 'rate', scale: 1000, proportion: false, target: { kind: 'at_most', value: 7.9, strict: false }, reporters: { units: ['TYT'] } },
      {
        code: 'GDVH',
        name: 'Gia đình văn hóa',
        field: '2',
        unitOfMeasure: '%',
        aggregation: 'rate',
        scale: 100,
        target: { kind: 'range', min: 90, max: 95 },
        reporters: { kinds: ['thon'] },
        unitTargets: { T1: { kind: 'range', min: 85, max: 90 }, T2: { kind: 'rate_at_least', value: 92, strict: true } },
      },
      {
        code: 'HN',
        name: 'Số hộ nghèo',
        field: '2',
        unitOfMeasure: 'hộ',
        aggregation: 'stock',
        target: { kind: 'reduce_by', amount: 15, relative: true, baseline: 120 },
        reporters: { kinds: ['thon'] },
        unitTargets: { T1: { kind: 'reduce_by', amount: 2, max: 3 } },
        baselines: { T1: 40, T2: 80 },
      },
      { code: 'TLHN', name: 'Tỷ lệ hộ nghèo', field: '2', unitOfMeasure: '%', aggregation: 'rate', scale: 100, target: { kind: 'reduce_by', amount: 0.2, max: 0.5, relative: false, baseline: 3.25 }, reporters: { kinds: ['thon'] } },
      { code: 'TN', name: 'Nhiệt độ thấp nhất', field: '2', unitOfMeasure: 'độ', aggregation: 'stock', target: { kind: 'range', min: -5, max: -1.5 }, reporters: { units: ['VPTK'] } },
      { code: 'ANTT', name: 'Giữ vững an toàn về ANTT', field: '3', unitOfMeasure: 'đạt', aggregation: 'yes_no', target: { kind: 'yes_no' }, reporters: { kinds: ['cong_an'] } },
      { code: 'KHAC', name: 'Chỉ tiêu chưa có mục tiêu', field: '3', unitOfMeasure: 'người', aggregation: 'flow', reporters: { kinds: ['doan_the', 'htx'] } },
    ],
    rules: [{ code: 'R1', left: 'LUA_SL', right: 'LUA_DT * LUA_NS / 10', message: 'Sản lượng = diện tích × năng suất' }],
  })
  const units = v.parse(v.array(UnitSchema), [
    { code: 'T1', name: 'Thôn 1', kind: 'thon' },
    { code: 'T2', name: 'Thôn 2', kind: 'thon' },
    { code: 'TDP1', name: 'Tổ dân phố 1', kind: 'to_dan_pho', parent: 'T1' },
    { code: 'TYT', name: 'Trạm y tế', kind: 'tram_y_te' },
    { code: 'VPTK', name: 'Văn phòng – Thống kê', kind: 'bo_phan' },
    { code: 'CA', name: 'Công an xã', kind: 'cong_an' },
  ])
  const periods = [
    { code: 'T01-2025', kind: 'month', year: 2025, from: '2025-01-01', to: '2025-01-31', deadline: '2025-02-05' },
    { code: 'T02-2025', kind: 'month', year: 2025, from: '2025-02-01', to: '2025-02-28', deadline: '2025-03-05' },
  ].map((p) => v.parse(PeriodSchema, p))
  return { plan, units, periods }
}

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  return wb
}

async function save(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** The workbook of the hand-made plan, changed by `edit`. */
async function edited(edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = await load(await planBundleToXlsx(handMade()))
  edit(wb)
  return save(wb)
}

const sheet = (wb: ExcelJS.Workbook, key: keyof typeof SHEET_NAMES): ExcelJS.Worksheet => {
  const ws = wb.getWorksheet(SHEET_NAMES[key])
  if (!ws) throw new Error(key)
  return ws
}

/** The row of a code in column B. */
function rowOf(ws: ExcelJS.Worksheet, code: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(`B${r}`).value === code) return r
  throw new Error(code)
}

/** The column letter of a header. */
function colOf(ws: ExcelJS.Worksheet, header: string): string {
  for (let c = 1; c <= ws.columnCount; c++) if (ws.getRow(1).getCell(c).value === header) return ws.getColumn(c).letter
  throw new Error(header)
}

async function problemsOf(bytes: Buffer): Promise<PlanFileProblem[]> {
  const r = await readPlanXlsx(bytes)
  if (r.ok) throw new Error('expected a refusal')
  for (const p of r.problems) expect(p.message).toMatch(/[ạảãàáâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữựíìỉĩịúùủũụýỳỷỹỵéèẻẽẹóòỏõọ]/i)
  return r.problems
}

/** A zip of the given files (deflated), e.g. a workbook with one sheet's XML replaced. */
async function rezip(bytes: Buffer, replace: Record<string, string>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes)
  for (const [name, text] of Object.entries(replace)) zip.file(name, text)
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}

/** The zip path of a sheet's XML, by the sheet's name. */
async function sheetPath(bytes: Buffer, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes)
  const wbXml = (await zip.file('xl/workbook.xml')?.async('string')) ?? ''
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? ''
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(wbXml)?.[1]
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1]
  return `xl/${(target ?? '').replace(/^\/?xl\//, '')}`
}

describe('round trip', () => {
  for (const name of DEMOS) {
    it(`the demo plan ${name} reads back as it was written`, async () => {
      const bundle = demoBundle(name)
      const read = await readPlanXlsx(await planBundleToXlsx(bundle))
      if (!read.ok) throw new Error(JSON.stringify(read.problems.slice(0, 5)))
      expect(read.bundle).toEqual(bundle)
    })
  }

  it('a plan with every target kind, flag, special phase, unit target, rule and month period reads back as it was', async () => {
    const bundle = handMade()
    const read = await readPlanXlsx(await planBundleToXlsx(bundle))
    if (!read.ok) throw new Error(JSON.stringify(read.problems.slice(0, 5)))
    expect(read.bundle).toEqual(bundle)
    // Key order aside, strictly the same: no property added as undefined.
    expect(JSON.parse(JSON.stringify(read.bundle))).toEqual(JSON.parse(JSON.stringify(bundle)))
  })

  it('writes numbers the vi-VN way and never the ambiguous “13,345”', async () => {
    const wb = await load(await planBundleToXlsx(handMade()))
    const ws = sheet(wb, 'indicators')
    const value = colOf(ws, 'Giá trị chỉ tiêu')
    expect(ws.getCell(`${value}${rowOf(ws, 'LUA_SL')}`).value).toBe('1.488,5')
    expect(ws.getCell(`${value}${rowOf(ws, 'TNBQ')}`).value).toBe('13,3450')
    expect(ws.getCell(`${value}${rowOf(ws, 'GDVH')}`).value).toBe('90 – 95')
    expect(ws.getCell(`${value}${rowOf(ws, 'CCKT')}`).value).toBe('NN 38,5; CN 29,4; DV 32,1')
    expect(ws.getCell(`${colOf(ws, 'Loại chỉ tiêu')}${rowOf(ws, 'BHYT')}`).value).toBe('Tỷ lệ đạt ít nhất')
    expect(ws.getCell(`${colOf(ws, 'Cách tổng hợp')}${rowOf(ws, 'LUA_DT')}`).value).toBe('Cộng dồn')
    expect(ws.getCell(`${colOf(ws, 'Đơn vị báo cáo')}${rowOf(ws, 'BHYT')}`).value).toBe('thôn; tổ dân phố; TYT')
    const plan = sheet(wb, 'plan')
    expect(plan.getCell(`D${rowOf(plan, 'D1')}`).value).toBe('01/01/2025')
  })

  it('reads what an officer types: real numbers, dates and booleans, labels without accents or in other case', async () => {
    const bytes = await edited((wb) => {
      const ws = sheet(wb, 'indicators')
      ws.getCell(`${colOf(ws, 'Giá trị chỉ tiêu')}${rowOf(ws, 'LUA_DT')}`).value = 229
      const bhyt = ws.getCell(`${colOf(ws, 'Giá trị chỉ tiêu')}${rowOf(ws, 'BHYT')}`)
      bhyt.value = 0.95
      bhyt.style = { ...bhyt.style, numFmt: '0%' } // a style of its own: ExcelJS shares the column's
      ws.getCell(`${colOf(ws, 'Giá trị chỉ tiêu')}${rowOf(ws, 'SDD')}`).value = '5,6%'
      ws.getCell(`${colOf(ws, 'Cách tổng hợp')}${rowOf(ws, 'LUA_DT')}`).value = 'cong don'
      ws.getCell(`${colOf(ws, 'Loại chỉ tiêu')}${rowOf(ws, 'SDD')}`).value = 'KHÔNG VƯỢT QUÁ/DƯỚI'
      ws.getCell(`${colOf(ws, 'Trên/dưới hẳn')}${rowOf(ws, 'SDD')}`).value = true
      ws.getCell(`${colOf(ws, 'Đơn vị báo cáo')}${rowOf(ws, 'BHYT')}`).value = 'Thon; to_dan_pho; TYT'
      const plan = sheet(wb, 'plan')
      plan.getCell(`D${rowOf(plan, 'D1')}`).value = new Date(Date.UTC(2025, 0, 1))
    })
    const read = await readPlanXlsx(bytes)
    if (!read.ok) throw new Error(JSON.stringify(read.problems))
    expect(read.bundle).toEqual(handMade())
  })
})

describe('the template', () => {
  it('has the version, headers, frozen header, drop-downs and example rows the reader skips', async () => {
    const bytes = await planTemplateXlsx(2026)
    const wb = await load(bytes)
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEET_NAMES.indicators, SHEET_NAMES.units, SHEET_NAMES.plan])
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
      expect(ws.getColumn(3).width).toBeGreaterThan(10)
    }
    const plan = sheet(wb, 'plan')
    expect(plan.getCell('A2').value).toBe('Phiên bản mẫu')
    expect(plan.getCell('C2').value).toBe(PLAN_XLSX_TEMPLATE)
    const ind = sheet(wb, 'indicators')
    expect(String(ind.getCell('B3').value)).toMatch(/^VD:/)
    const validations = (ind as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model
    const aggregation = Object.entries(validations).find(([addr]) => addr.startsWith(`${colOf(ind, 'Cách tổng hợp')}`))?.[1]
    expect(aggregation?.type).toBe('list')
    expect(aggregation?.formulae?.[0]).toContain('Cộng dồn')
    for (const header of ['Loại dòng', 'Loại chỉ tiêu', 'Trên/dưới hẳn', 'Giảm theo %', 'Thang tỷ lệ', 'Tử số thuộc mẫu số']) {
      expect(Object.keys(validations).some((a) => a.startsWith(colOf(ind, header)))).toBe(true)
    }
    const units = sheet(wb, 'units')
    const unitValidations = (units as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model
    expect(Object.entries(unitValidations).find(([a]) => a.startsWith(colOf(units, 'Loại đơn vị')))?.[1].formulae?.[0]).toContain('tổ dân phố')

    // Blank: the title is missing, and nothing else (the example rows are skipped).
    const blank = await problemsOf(bytes)
    expect(blank).toHaveLength(1)
    expect(blank[0]?.message).toContain('Tiêu đề')

    plan.getCell(`C${[...Array(plan.rowCount).keys()].map((i) => i + 1).find((r) => plan.getCell(`A${r}`).value === 'Tiêu đề')}`).value = 'Kế hoạch thi đua năm 2026'
    const filled = await readPlanXlsx(await save(wb))
    if (!filled.ok) throw new Error(JSON.stringify(filled.problems))
    expect(filled.bundle.plan).toMatchObject({ year: 2026, title: 'Kế hoạch thi đua năm 2026', indicators: [], fields: [], phases: [] })
    expect(filled.bundle.units).toEqual([])
  })
})

describe('bad files', () => {
  it('refuses what is not a workbook', async () => {
    expect((await problemsOf(Buffer.alloc(0)))[0]?.message).toMatch(/rỗng/)
    expect((await problemsOf(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)))).length).toBe(1)
    expect((await problemsOf(Buffer.from('{"format":"thi-dua.plan/1"}')))[0]?.message).toMatch(/JSON/)
    expect((await problemsOf(Buffer.from('PK\u0003\u0004 not really a zip')))[0]?.message).toMatch(/hỏng/)
    const zip = new JSZip()
    zip.file('hello.txt', 'xin chào')
    expect((await problemsOf(await zip.generateAsync({ type: 'nodebuffer' })))[0]?.message).toMatch(/không phải bảng tính/)
  })

  it('says a renamed .docx is a Word document', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Kế hoạch')] }] }))
    const problems = await problemsOf(Buffer.from(docx))
    expect(problems).toHaveLength(1)
    expect(problems[0]?.message).toMatch(/Word/)
  })

  it('refuses a wrong or missing template version', async () => {
    const wrong = await problemsOf(await edited((wb) => (sheet(wb, 'plan').getCell('C2').value = 'thi-dua.plan-xlsx/0')))
    expect(wrong).toEqual([expect.objectContaining({ sheet: SHEET_NAMES.plan, row: 2, column: 'C', message: expect.stringContaining(PLAN_XLSX_TEMPLATE) })])
    const missing = await problemsOf(await edited((wb) => sheet(wb, 'plan').spliceRows(2, 1)))
    expect(missing).toEqual([expect.objectContaining({ sheet: SHEET_NAMES.plan, message: expect.stringContaining('Phiên bản mẫu') })])
  })

  it('refuses a missing sheet and a changed header row', async () => {
    const noUnits = await problemsOf(await edited((wb) => wb.removeWorksheet(sheet(wb, 'units').id)))
    expect(noUnits).toEqual([expect.objectContaining({ sheet: SHEET_NAMES.units, message: expect.stringContaining('Thiếu trang') })])
    const noColumn = await problemsOf(
      await edited((wb) => {
        const ws = sheet(wb, 'indicators')
        ws.getCell(`${colOf(ws, 'Đơn vị tính')}1`).value = 'ĐVT'
      }),
    )
    expect(noColumn).toContainEqual(expect.objectContaining({ sheet: SHEET_NAMES.indicators, row: 1, message: expect.stringContaining('thiếu cột “Đơn vị tính”') }))
  })

  it('refuses duplicate codes of indicators, fields and units, each on its row', async () => {
    const problems = await problemsOf(
      await edited((wb) => {
        const ind = sheet(wb, 'indicators')
        ind.getCell(`B${rowOf(ind, 'LUA_NS')}`).value = 'LUA_DT'
        ind.getCell(`B${rowOf(ind, '3')}`).value = '2'
        const units = sheet(wb, 'units')
        units.getCell(`B${rowOf(units, 'T2')}`).value = 'T1'
      }),
    )
    expect(problems).toContainEqual(expect.objectContaining({ sheet: SHEET_NAMES.indicators, column: 'B', message: expect.stringMatching(/Mã chỉ tiêu “LUA_DT” trùng với dòng \d+/) }))
    expect(problems).toContainEqual(expect.objectContaining({ sheet: SHEET_NAMES.indicators, column: 'B', message: expect.stringMatching(/Mã lĩnh vực “2” trùng/) }))
    expect(problems).toContainEqual(expect.objectContaining({ sheet: SHEET_NAMES.units, column: 'B', message: expect.stringMatching(/Mã đơn vị “T1” trùng/) }))
  })

  it('refuses an ambiguous number and an unknown label, with every problem of the file', async () => {
    let at: { row: number; value: string; kind: string; unitKind: string; unitRow: number } | undefined
    const problems = await problemsOf(
      await edited((wb) => {
        const ws = sheet(wb, 'indicators')
        const units = sheet(wb, 'units')
        at = { row: rowOf(ws, 'LUA_DT'), value: colOf(ws, 'Giá trị chỉ tiêu'), kind: colOf(ws, 'Loại chỉ tiêu'), unitKind: colOf(units, 'Loại đơn vị'), unitRow: rowOf(units, 'T2') }
        ws.getCell(`${at.value}${at.row}`).value = '13,345'
        ws.getCell(`${at.kind}${rowOf(ws, 'BHYT')}`).value = 'Vượt chỉ tiêu'
        units.getCell(`${at.unitKind}${at.unitRow}`).value = 'xóm'
      }),
    )
    if (!at) throw new Error('no edit')
    expect(problems).toContainEqual({ sheet: SHEET_NAMES.indicators, row: at.row, column: at.value, message: expect.stringContaining('“13,345” chưa rõ') })
    expect(problems).toContainEqual(expect.objectContaining({ sheet: SHEET_NAMES.indicators, column: at.kind, message: expect.stringContaining('“Vượt chỉ tiêu” không có trong danh sách') }))
    expect(problems).toContainEqual({ sheet: SHEET_NAMES.units, row: at.unitRow, column: at.unitKind, message: expect.stringContaining('“xóm”') })
  })

  it('lists many problems, up to a cap', async () => {
    const problems = await problemsOf(
      await edited((wb) => {
        const ws = sheet(wb, 'indicators')
        const value = colOf(ws, 'Giá trị chỉ tiêu')
        const kind = colOf(ws, 'Loại chỉ tiêu')
        for (let r = 0; r < 300; r++) ws.addRow([]).getCell(1).value = 'Chỉ tiêu'
        for (let r = 2; r <= ws.rowCount; r++) {
          ws.getCell(`${kind}${r}`).value = 'Đạt ít nhất'
          ws.getCell(`${value}${r}`).value = '1,234'
        }
      }),
    )
    expect(problems).toHaveLength(201)
    expect(problems[200]?.message).toMatch(/lỗi khác/)
  })

  it('refuses a formula where a value is expected, and merged cells', async () => {
    let row = 0
    let col = ''
    const formula = await problemsOf(
      await edited((wb) => {
        const ws = sheet(wb, 'indicators')
        row = rowOf(ws, 'LUA_DT')
        col = colOf(ws, 'Giá trị chỉ tiêu')
        ws.getCell(`${col}${row}`).value = { formula: '200+29', result: 229 }
      }),
    )
    expect(formula).toEqual([{ sheet: SHEET_NAMES.indicators, row, column: col, message: expect.stringContaining('Ô có công thức; hãy dán giá trị') }])
    const merged = await problemsOf(await edited((wb) => sheet(wb, 'units').mergeCells('C1:D1')))
    expect(merged).toContainEqual({ sheet: SHEET_NAMES.units, row: 1, column: 'C', message: expect.stringContaining('Ô tiêu đề bị gộp (C1:D1)') })
  })

  it('refuses a file over the size limit before reading it', async () => {
    const big = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(PLAN_FILE_MAX_BYTES)])
    expect((await problemsOf(big))[0]?.message).toMatch(/quá lớn/)
  })

  it('refuses a sheet that claims a million rows, before ExcelJS loads it', async () => {
    const bytes = await planBundleToXlsx(handMade())
    const path = await sheetPath(bytes, SHEET_NAMES.units)
    const xml = (await (await JSZip.loadAsync(bytes)).file(path)?.async('string')) ?? ''
    const claimed = await rezip(bytes, { [path]: xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:Q1000000"/>') })
    expect((await problemsOf(claimed))[0]?.message).toMatch(/1\.000\.000 dòng/)
    const far = await rezip(bytes, { [path]: xml.replace('</sheetData>', '<row r="1000000"><c r="A1000000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>').replace(/<dimension ref="[^"]*"\/>/, '') })
    expect((await problemsOf(far))[0]?.message).toMatch(/1\.000\.000 dòng/)
    const mergedAll = await rezip(bytes, { [path]: xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A3:XFD4000"/></mergeCells>') })
    expect((await problemsOf(mergedAll))[0]?.message).toMatch(/vùng ô quá lớn/)
  })

  it('refuses a million real rows, compressed small, without allocating hundreds of MB', async () => {
    const bytes = await planBundleToXlsx(handMade())
    const path = await sheetPath(bytes, SHEET_NAMES.indicators)
    const xml = (await (await JSZip.loadAsync(bytes)).file(path)?.async('string')) ?? ''
    const rows = '<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(1_000_000)
    const huge = await rezip(bytes, { [path]: xml.replace(/<dimension ref="[^"]*"\/>/, '').replace('</sheetData>', `${rows}</sheetData>`) })
    expect(huge.length).toBeLessThan(PLAN_FILE_MAX_BYTES)
    // Its sheet really is big: what ExcelJS would have parsed into a million row objects.
    const zip = await JSZip.loadAsync(huge)
    expect(((await zip.file(path)?.async('uint8array'))?.length ?? 0) > 40_000_000).toBe(true)

    global.gc?.()
    const before = process.memoryUsage()
    let peak = 0
    const sample = (): void => {
      const m = process.memoryUsage()
      peak = Math.max(peak, m.rss - before.rss, m.heapUsed + m.arrayBuffers - (before.heapUsed + before.arrayBuffers))
    }
    const timer = setInterval(sample, 1)
    const problems = await problemsOf(huge)
    clearInterval(timer)
    sample()
    expect(problems).toHaveLength(1)
    expect(problems[0]?.message).toMatch(/quá lớn|dòng/)
    expect(peak).toBeLessThan(120 * 1024 * 1024)
  })
})
