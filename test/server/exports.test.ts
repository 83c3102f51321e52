import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { loadResults } from '../../src/server/db/results'
import { loadDemo } from '../../src/server/demo/loadDemo'
import { buildReviewDocx } from '../../src/server/exports/docx'
import { buildResultsXlsx, sheetName } from '../../src/server/exports/xlsx'
import type { PlanResults } from '../../src/shared/api'
import { summarizeResults } from '../../src/shared/summary'
import { resultsFixture } from '../shared/resultsFixture'
import { DATABASES, fixtureFile, mid, startServer, type Agent, type TestServer } from './harness'
import { expectRefusal } from './management'

// ---------------------------------------------------------------------------
// Reading the files back

async function openXlsx(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(buffer as unknown as ArrayBuffer)
  return wb
}

/** The rows of a field's sheet that hold an indicator (a number in the STT column), by indicator name. */
function indicatorRows(ws: ExcelJS.Worksheet): Map<string, ExcelJS.Row> {
  const rows = new Map<string, ExcelJS.Row>()
  ws.eachRow((row, n) => {
    if (n > 3 && typeof row.getCell(1).value === 'number') rows.set(String(row.getCell(2).value), row)
  })
  return rows
}

function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
}

/** The text of each paragraph of a piece of WordprocessingML. */
function paragraphs(xml: string): string[] {
  return xml
    .split('</w:p>')
    .map((p) => decode([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')))
    .filter((t) => t !== '')
}

/** Each table of the document as rows of cell texts. */
function tables(xml: string): { xml: string; rows: string[][] }[] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => ({
    xml: m[1]!,
    rows: [...m[1]!.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((r) => [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => paragraphs(c[1]!).join('\n'))),
  }))
}

async function openDocx(buffer: Buffer): Promise<{ xml: string; text: string[]; styles: string }> {
  const zip = await JSZip.loadAsync(buffer)
  const xml = await zip.file('word/document.xml')!.async('string')
  const styles = await zip.file('word/styles.xml')!.async('string')
  return { xml, text: paragraphs(xml), styles }
}

/** The results tables (their first row is the STT… header) and their indicator rows. */
function resultRows(xml: string): string[][] {
  return tables(xml)
    .filter((t) => t.rows[0]?.[0] === 'STT')
    .flatMap((t) => t.rows.slice(1))
    .filter((r) => /^\d+$/.test(r[0] ?? ''))
}

// ---------------------------------------------------------------------------
// Generators, from a hand-made PlanResults

describe('buildResultsXlsx', () => {
  let results: PlanResults
  let wb: ExcelJS.Workbook

  beforeAll(async () => {
    results = resultsFixture()
    wb = await openXlsx(await buildResultsXlsx(results))
  })

  it('has a summary sheet, then one sheet per top-level field', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Kinh tế', 'Văn hóa – xã hội', 'Quốc phòng – an ninh'])
  })

  it('heads each field sheet with the Vietnamese columns and one column per reporting unit', () => {
    const ws = wb.getWorksheet('Kinh tế')!
    expect(ws.getRow(1).getCell(1).value).toBe('Kinh tế')
    expect(ws.getRow(3).values).toEqual([
      undefined,
      'STT',
      'Chỉ tiêu',
      'Đơn vị tính',
      'Chỉ tiêu năm',
      'Kết quả',
      'Cách tính kết quả',
      '% so với chỉ tiêu',
      'Đánh giá',
      'Đúng tiến độ',
      'Tổ dân phố 1',
      'Tổ dân phố 2',
    ])
    expect(wb.getWorksheet('Quốc phòng – an ninh')!.getRow(3).getCell(10).value).toBe('Công an phường')
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, xSplit: 2 })
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' })
    expect(ws.getColumn(2).width).toBeGreaterThan(30)
    expect(ws.getRow(4).getCell(2).alignment).toMatchObject({ wrapText: true })
  })

  it('has one row per indicator, sub-fields as bold group rows', () => {
    const rows = wb.worksheets.slice(1).flatMap((ws) => [...indicatorRows(ws).keys()])
    expect(rows.sort()).toEqual(results.indicators.map((i) => i.name).sort())
    const kt = wb.getWorksheet('Kinh tế')!
    // The economy's own indicators, then the agriculture sub-field's under its group row.
    expect([...indicatorRows(kt).keys()]).toEqual(['Tạo việc làm mới', 'Tổng thu ngân sách trên địa bàn', 'Sản lượng lúa', 'Diện tích gieo trồng lúa'])
    const group = kt.getRow(6)
    expect(group.getCell(1).value).toBeNull()
    expect(String(group.getCell(2).value)).toMatch(/^Nông nghiệp/)
    expect(group.getCell(2).font).toMatchObject({ bold: true })
  })

  it('stores figures as numbers with number formats, statuses and yes/no in Vietnamese', () => {
    const kt = indicatorRows(wb.getWorksheet('Kinh tế')!)
    const rice = kt.get('Sản lượng lúa')!
    expect(rice.getCell(3).value).toBe('tấn')
    expect(rice.getCell(4).value).toBe('đạt 1.400 tấn trở lên')
    expect(rice.getCell(5).value).toBe(1448.5)
    expect(rice.getCell(5).type).toBe(ExcelJS.ValueType.Number)
    expect(rice.getCell(5).numFmt).toBe('#,##0.##')
    // Only a flow's result is "lũy kế"; a stock is what there is, a rate what it stands at.
    expect(rice.getCell(6).value).toBe('Lũy kế từ đầu năm')
    expect(rice.getCell(7).value).toBeCloseTo(1448.5 / 1400, 10)
    expect(rice.getCell(7).numFmt).toBe('0.0%')
    expect(rice.getCell(8).value).toBe('Vượt')
    expect(rice.getCell(9).value).toBe('Có')
    expect(rice.getCell(10).value).toBe(800.25)
    expect(rice.getCell(11).value).toBe(648.25)
    const area = kt.get('Diện tích gieo trồng lúa')!
    expect([area.getCell(5).value, area.getCell(5).numFmt, area.getCell(8).value, area.getCell(9).value]).toEqual([100, '#,##0', 'Chưa đạt', 'Không'])
    const budget = kt.get('Tổng thu ngân sách trên địa bàn')!
    expect([budget.getCell(5).value, budget.getCell(7).value, budget.getCell(8).value]).toEqual([null, null, 'Chưa có số liệu'])

    const vh = indicatorRows(wb.getWorksheet('Văn hóa – xã hội')!)
    const insured = vh.get('Tỷ lệ dân số tham gia BHYT')!
    expect([insured.getCell(5).value, insured.getCell(5).numFmt, insured.getCell(6).value]).toEqual([93.5, '#,##0.##"%"', 'Tỷ lệ hiện tại'])
    expect([insured.getCell(10).value, insured.getCell(10).numFmt]).toEqual([94, '#,##0"%"'])
    // A cap's "% so với chỉ tiêu" is the figure as a share of the cap.
    const sdd = vh.get('Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng')!
    expect(sdd.getCell(7).value).toBeCloseTo(Number(sdd.getCell(5).value) / 5.6, 10)
    expect(vh.get('Số hộ nghèo')!.getCell(6).value).toBe('Số hiện có')
    expect(vh.get('Số hộ nghèo')!.getCell(8).value).toBe('Chưa có số gốc')

    const order = indicatorRows(wb.getWorksheet('Quốc phòng – an ninh')!).get('Giữ vững phường đạt tiêu chuẩn “An toàn về an ninh, trật tự”')!
    expect([order.getCell(5).value, order.getCell(8).value, order.getCell(10).value]).toEqual(['Đạt', 'Đạt', 'Đạt'])
  })

  it('sums up the commune, plan, as-of period, basis and counts per status on the first sheet', () => {
    const ws = wb.getWorksheet('Tổng hợp')!
    const cells: unknown[] = []
    ws.eachRow((row) => row.eachCell((c) => cells.push(c.value)))
    expect(cells).toContain('Phường Trương Quang Trọng, Thành phố Quảng Ngãi, Tỉnh Quảng Ngãi')
    expect(cells).toContain('Kế hoạch số 15/KH-UBND ngày 25/01/2024')
    expect(cells).toContain(results.planTitle)
    expect(cells).toContain('tính đến hết quý II năm 2024 (30/06/2024)')
    expect(cells).toContain('Chỉ số liệu của báo cáo đã duyệt')
    expect(cells).toContain('10/07/2024 15:00')
    let header: ExcelJS.Row | undefined
    let total: ExcelJS.Row | undefined
    ws.eachRow((row) => {
      if (row.getCell(2).value === 'Lĩnh vực') header = row
      if (row.getCell(2).value === 'Tổng cộng') total = row
    })
    expect((header!.values as unknown[]).slice(3)).toEqual(['Vượt', 'Đạt', 'Chưa đạt', 'Không đạt', 'Chưa có số liệu', 'Chưa có số gốc', 'Tổng số chỉ tiêu'])
    expect((total!.values as unknown[]).slice(3)).toEqual([1, 2, 3, 0, 1, 1, 8])
    expect(total!.getCell(3).type).toBe(ExcelJS.ValueType.Number)
    for (const sentence of summarizeResults(results).sentences) expect(cells).toContain(sentence)
  })

  it('names sheets within Excel’s rules: no []:*?/\\, at most 31 characters, unique', async () => {
    const taken = new Set<string>(['tổng hợp'])
    const long = 'Đẩy mạnh phong trào thi đua [yêu nước]: thực hiện Nghị quyết * / \\ ? lần thứ XXVI'
    const a = sheetName(long, taken)
    const b = sheetName(long, taken)
    expect(a).toBe('Đẩy mạnh phong trào thi đua yêu')
    expect(b).toBe('Đẩy mạnh phong trào thi đua (2)')
    for (const name of [a, b]) {
      expect(name.length).toBeLessThanOrEqual(31)
      expect(name).not.toMatch(/[[\]:*?/\\]/)
    }
    expect(sheetName('Tổng hợp', taken)).toBe('Tổng hợp (2)')
    expect(sheetName("'History'", new Set())).toBe('Lĩnh vực')

    // The same rules on a real workbook: two top-level fields whose names clash once shortened.
    const r = resultsFixture()
    r.fields = [
      { code: 'A', name: long },
      { code: 'B', name: `${long} (bis)` },
    ]
    r.indicators = r.indicators.slice(0, 2).map((ind, i) => ({ ...ind, field: i === 0 ? 'A' : 'B' }))
    const book = await openXlsx(await buildResultsXlsx(r))
    expect(book.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', a, b])
  })
})

describe('buildReviewDocx', () => {
  let results: PlanResults

  beforeAll(() => {
    results = resultsFixture()
  })

  it('opens with the borderless header block of an administrative document', async () => {
    const { xml, text } = await openDocx(await buildReviewDocx(results, 'so_ket'))
    const [header] = tables(xml)
    expect(header!.rows).toEqual([
      ['UBND PHƯỜNG TRƯƠNG QUANG TRỌNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc'],
      ['Số: …/BC-UBND', 'Trương Quang Trọng, ngày … tháng … năm 2024'],
    ])
    expect(header!.xml).toMatch(/<w:tblBorders>.*<w:top w:val="none"/)
    expect(xml.indexOf('<w:tbl>')).toBeLessThan(xml.indexOf('BÁO CÁO'))
    // The motto underlined, the dateline in italics.
    expect(xml).toMatch(/<w:u w:val="single"\/>[^]*?Độc lập - Tự do - Hạnh phúc/)
    expect(xml).toMatch(/<w:i\/>[^]*?Trương Quang Trọng, ngày … tháng … năm 2024/)
    expect(text).toContain('BÁO CÁO')
    expect(text).toContain(
      'Sơ kết 6 tháng đầu năm 2024 việc thực hiện Kế hoạch số 15/KH-UBND ngày 25/01/2024 về “Phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2024”',
    )
  })

  it('uses Times New Roman 14 pt on A4 with 2 cm margins and 3 cm on the left', async () => {
    const { xml, styles } = await openDocx(await buildReviewDocx(results, 'so_ket'))
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman"/)
    expect(styles).toMatch(/<w:sz w:val="28"\/>/)
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701"/)
  })

  it('has one results table row per target with vi-VN figures, % of target and the verdict', async () => {
    const { xml, text } = await openDocx(await buildReviewDocx(results, 'so_ket'))
    const headers = tables(xml).filter((t) => t.rows[0]?.[0] === 'STT').map((t) => t.rows[0])
    expect(headers).toHaveLength(3)
    expect(headers[0]).toEqual(['STT', 'Chỉ tiêu', 'ĐVT', 'Chỉ tiêu năm', 'Thực hiện', 'Tỷ lệ %', 'Đánh giá'])
    const rows = resultRows(xml)
    expect(rows.map((r) => r[1]).sort()).toEqual(results.indicators.map((i) => i.name).sort())
    expect(rows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8'])
    const byName = new Map(rows.map((r) => [r[1], r]))
    expect(byName.get('Sản lượng lúa')).toEqual(['3', 'Sản lượng lúa', 'tấn', 'đạt 1.400 tấn trở lên', '1.448,5', '103,5%', 'Vượt'])
    expect(byName.get('Diện tích gieo trồng lúa')).toEqual(['4', 'Diện tích gieo trồng lúa', 'ha', 'đạt 229 ha trở lên', '100', '43,7%', 'Chưa đạt (chậm tiến độ)'])
    expect(byName.get('Tỷ lệ dân số tham gia BHYT')!.slice(4)).toEqual(['93,5', '98,4%', 'Chưa đạt (chậm tiến độ)'])
    expect(byName.get('Tổng thu ngân sách trên địa bàn')!.slice(3)).toEqual(['đạt 11.327.811.000 đồng trở lên', '–', '', 'Chưa có số liệu'])
    expect(byName.get('Giữ vững phường đạt tiêu chuẩn “An toàn về an ninh, trật tự”')!.slice(4)).toEqual(['Đạt', '', 'Đạt'])
    // The sub-field is a group row inside the economy's table, and each field has its heading.
    expect(tables(xml)[1]!.rows.some((r) => r.length === 2 && r[1]!.startsWith('Nông nghiệp'))).toBe(true)
    expect(text).toEqual(expect.arrayContaining(['I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THI ĐUA', '1. Kinh tế', '2. Văn hóa – xã hội', '3. Quốc phòng – an ninh']))
  })

  it('writes the general assessment from the summary, leaves the directions to the officer, and ends with the signature block', async () => {
    const { xml, text } = await openDocx(await buildReviewDocx(results, 'so_ket'))
    const at = text.indexOf('II. ĐÁNH GIÁ CHUNG')
    expect(at).toBeGreaterThan(0)
    const summary = summarizeResults(results)
    // Short paragraphs: the counts, then one per field (numbered, in the plan's order), then the notes.
    expect(text.slice(at + 1, at + 5)).toEqual([
      summary.opening,
      ...summary.fields.map((f, i) => `${i + 1}. ${f.field}: ${f.text}`),
    ])
    expect(summary.fields.map((f) => f.field)).toEqual(['Kinh tế', 'Văn hóa – xã hội', 'Quốc phòng – an ninh'])
    expect(text[at + 2]).toMatch(/^1\. Kinh tế: 4 chỉ tiêu, trong đó 1 chỉ tiêu vượt, 2 chỉ tiêu chưa đạt, 1 chỉ tiêu chưa có số liệu\. Vượt kế hoạch: Sản lượng lúa \(thực hiện 1\.448,5 tấn, bằng 103,5% chỉ tiêu/)
    expect(text[at + 2]).not.toContain('BHYT')
    expect(text[at + 4]).toBe('3. Quốc phòng – an ninh: 1 chỉ tiêu đạt.')
    // The field's name in bold, the rest not.
    expect(xml).toMatch(/<w:b\/>(?:(?!<\/w:r>)[^])*1\. Kinh tế: <\/w:t>/)
    // None is page-long: each paragraph of the section under 700 characters.
    const end = text.indexOf('III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024')
    for (const p of text.slice(at + 1, end)) expect(p.length).toBeLessThan(700)
    expect(text).toContain('III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024')
    expect(text).toContain('1. …')
    const signature = tables(xml).at(-1)!
    expect(signature.rows[0]![0]).toMatch(/^Nơi nhận:\n- UBND thành phố Quảng Ngãi \(báo cáo\);/)
    expect(signature.rows[0]![1]).toBe('TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTrương Thanh Thảo')
  })

  it('numbers the pages from the second, centred at the top, and none on the first (Nghị định 30/2020)', async () => {
    const zip = await JSZip.loadAsync(await buildReviewDocx(results, 'so_ket'))
    const xml = await zip.file('word/document.xml')!.async('string')
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string')
    const sect = xml.match(/<w:sectPr[^>]*>([\s\S]*?)<\/w:sectPr>/)![1]!
    // A different first page…
    expect(sect).toMatch(/<w:titlePg(?: w:val="(?:true|1)")?\/>/)
    const partOf = (type: string): string => {
      const id = sect.match(new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"`))![1]
      return `word/${rels.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`))![1]}`
    }
    const first = await zip.file(partOf('first'))!.async('string')
    const others = await zip.file(partOf('default'))!.async('string')
    // … whose header is empty, while every other page's holds the PAGE field, centred.
    expect(first).not.toMatch(/PAGE/)
    expect(paragraphs(first)).toEqual([])
    expect(others).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/)
    expect(others).toMatch(/<w:jc w:val="center"\/>/)
    // No footer carries a number either.
    for (const name of Object.keys(zip.files).filter((n) => /^word\/footer/.test(n))) expect(await zip.file(name)!.async('string')).not.toMatch(/PAGE/)
  })

  it('lays the results tables out with fixed column widths, STT and % wide enough not to wrap', async () => {
    const { xml } = await openDocx(await buildReviewDocx(results, 'so_ket'))
    const widths = [13, 42, 14, 30, 22, 21, 18].map((mm) => Math.round((mm * 1440) / 25.4))
    const resultTables = tables(xml).filter((t) => t.rows[0]?.[0] === 'STT')
    expect(resultTables.length).toBe(3)
    for (const t of resultTables) {
      expect(t.xml).toMatch(/<w:tblLayout w:type="fixed"\/>/)
      expect([...t.xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))).toEqual(widths)
      // Every cell of an indicator row has the width of its column.
      const row = [...t.xml.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)][1]![1]!
      expect([...row.matchAll(/<w:tcW w:type="dxa" w:w="(\d+)"\/>|<w:tcW w:w="(\d+)" w:type="dxa"\/>/g)].map((m) => Number(m[1] ?? m[2]))).toEqual(widths)
    }
    // The longest texts of STT ("STT", "999") and % ("Tỷ lệ %", "1.234,5%") at 13 pt fit within the
    // cell's margins, at Times New Roman's advance widths rounded up (em: a capital 0,72, a small
    // letter or a digit 0,5, a space or a stop 0,25, % 0,833).
    const em = (c: string): number => (c === '%' ? 0.833 : /[ .,]/.test(c) ? 0.25 : c !== c.toLocaleLowerCase('vi') ? 0.72 : 0.5)
    const fits = (text: string, twips: number): boolean => [...text].reduce((w, c) => w + em(c) * 13 * 20, 0) <= twips - 160
    expect(fits('STT', widths[0]!) && fits('999', widths[0]!)).toBe(true)
    expect(fits('Tỷ lệ %', widths[5]!) && fits('1.234,5%', widths[5]!)).toBe(true)
  })

  it('titles a year-end review and looks ahead to next year', async () => {
    const r = resultsFixture()
    r.asOf = { period: '2024-Q4', kind: 'quarter', from: '2024-10-01', to: '2024-12-31' }
    delete r.planNumber
    delete r.signedBy
    const { xml, text } = await openDocx(await buildReviewDocx(r, 'tong_ket'))
    expect(text).toContain('Tổng kết năm 2024 việc thực hiện Kế hoạch ngày 25/01/2024 về “Phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2024”')
    expect(text).toContain('III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025')
    expect(text.join('\n')).toContain('Tính đến hết quý IV năm 2024 (31/12/2024)')
    expect(tables(xml).at(-1)!.rows[0]![1]).toBe('TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n…')
  })
})

// ---------------------------------------------------------------------------
// Routes, on each database

const C = 'xa-thu'
const api = `/api/communes/${C}`

describe.each(DATABASES)('export routes on $name', (factory) => {
  let s: TestServer
  let officer: Agent
  let leader: Agent
  let t1: Agent
  let stranger: Agent

  beforeAll(async () => {
    s = await startServer(factory, [fixtureFile(C), fixtureFile('xa-khac')])
    let t2: Agent
    let ca: Agent
    ;[officer, leader, t1, t2, ca, stranger] = await Promise.all([
      s.login(`${C}.canbo`),
      s.login(`${C}.lanhdao`),
      s.login(`${C}.t1`),
      s.login(`${C}.t2`),
      s.login(`${C}.ca`),
      s.login('xa-khac.canbo'),
    ])
    const submit = (a: Agent, unit: string) => ({ kind: 'report', mutationId: mid(), deviceId: a.deviceId, unit, period: '2024-Q1', action: 'submit', baseVersion: 0, clientTime: '2024-04-02T00:00:00Z' })
    const pushed = await Promise.all([
      t1.push(C, [
        t1.value({ unit: 'T1', indicator: 'LUA_DT', value: { kind: 'number', value: 120.5 } }),
        t1.value({ unit: 'T1', indicator: 'LUA_SL', value: { kind: 'number', value: 700.25 } }),
        t1.value({ unit: 'T1', indicator: 'BHYT', value: { kind: 'ratio', numerator: 940, denominator: 1000 } }),
        submit(t1, 'T1'),
      ]),
      t2.push(C, [
        t2.value({ unit: 'T2', indicator: 'LUA_DT', value: { kind: 'number', value: 100 } }),
        t2.value({ unit: 'T2', indicator: 'LUA_SL', value: { kind: 'number', value: 748.25 } }),
        t2.value({ unit: 'T2', indicator: 'BHYT', value: { kind: 'ratio', numerator: 960, denominator: 1000 } }),
        submit(t2, 'T2'),
      ]),
      ca.push(C, [ca.value({ unit: 'CA', indicator: 'ANTT', value: { kind: 'yes_no', achieved: true } }), submit(ca, 'CA')]),
    ])
    for (const p of pushed) expect(p.outcomes.every((o) => o.status === 'applied')).toBe(true)
    for (const unit of ['T1', 'T2']) {
      const res = await officer.request('POST', `${api}/reports/${unit}/2024-Q1/decision`, { action: 'approve' })
      expect(res.statusCode, res.body).toBe(200)
    }
    // Mid-July: the first quarter has been reported and approved; the police's report waits for review.
    s.clock.now = new Date('2024-07-10T03:00:00Z')
  }, 60_000)
  afterAll(() => s?.close())

  const rowOf = (wb: ExcelJS.Workbook, sheet: string, name: string): ExcelJS.Row => indicatorRows(wb.getWorksheet(sheet)!).get(name)!

  it('sends the results workbook to the officer as a download with the approved figures', async () => {
    const res = await officer.request('GET', `${api}/exports/results.xlsx?year=2024`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="ket-qua-thi-dua-${C}-2024.xlsx"; filename*=UTF-8''${encodeURIComponent('Kết quả thi đua 2024 - Xã xa-thu.xlsx')}`,
    )
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length)
    expect(res.headers['cache-control']).toBe('private, no-store')
    const wb = await openXlsx(res.rawPayload)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Kinh tế', 'Quốc phòng – an ninh'])
    const rice = rowOf(wb, 'Kinh tế', 'Sản lượng lúa')
    expect(rice.getCell(5).value).toBe(1448.5)
    expect([rice.getCell(10).value, rice.getCell(11).value]).toEqual([700.25, 748.25])
    expect(rowOf(wb, 'Kinh tế', 'Tỷ lệ tham gia BHYT').getCell(5).value).toBe(95)
    // Only approved reports count by default: the police's submitted report does not.
    expect(rowOf(wb, 'Quốc phòng – an ninh', 'Giữ vững an ninh trật tự').getCell(8).value).toBe('Chưa có số liệu')
    const cells: unknown[] = []
    wb.getWorksheet('Tổng hợp')!.eachRow((row) => row.eachCell((c) => cells.push(c.value)))
    // The latest period with approved figures (Q1), not the latest period ended (Q2), which has none.
    expect(cells).toContain('tính đến hết quý I năm 2024 (31/03/2024)')
  })

  it('counts submitted reports when asked, and takes the figures to the period asked for', async () => {
    const res = await leader.request('GET', `${api}/exports/results.xlsx?year=2024&basis=submitted&period=2024-Q1`)
    expect(res.statusCode, res.body).toBe(200)
    const wb = await openXlsx(res.rawPayload)
    expect(rowOf(wb, 'Quốc phòng – an ninh', 'Giữ vững an ninh trật tự').getCell(5).value).toBe('Đạt')
    const cells: unknown[] = []
    wb.getWorksheet('Tổng hợp')!.eachRow((row) => row.eachCell((c) => cells.push(c.value)))
    expect(cells).toContain('tính đến hết quý I năm 2024 (31/03/2024)')
    expect(cells).toContain('Số liệu của báo cáo đã gửi và đã duyệt')
  })

  it('sends the review report draft to the leader, sơ kết by default at mid-year', async () => {
    const res = await leader.request('GET', `${api}/exports/review.docx?year=2024`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="bao-cao-so-ket-${C}-2024.docx"; filename*=UTF-8''${encodeURIComponent('Báo cáo sơ kết 2024 - Xã xa-thu.docx')}`,
    )
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length)
    const { xml, text } = await openDocx(res.rawPayload)
    expect(text).toContain('UBND XÃ XA-THU')
    expect(text).toContain('Sơ kết 6 tháng đầu năm 2024 việc thực hiện Kế hoạch về “Kế hoạch thi đua năm 2024”')
    const rows = new Map(resultRows(xml).map((r) => [r[1], r]))
    expect(rows.get('Sản lượng lúa')!.slice(2, 5)).toEqual(['tấn', 'đạt 1.448,5 tấn trở lên', '1.448,5'])
    expect(rows.get('Diện tích lúa')![4]).toBe('220,5')
    expect(rows.get('Tỷ lệ tham gia BHYT')!.slice(4)).toEqual(['95', '100%', 'Đạt'])
    expect(rows.size).toBe(5)
  })

  it('takes a year-end review to the end of the figures asked for', async () => {
    const res = await officer.request('GET', `${api}/exports/review.docx?year=2024&kind=tong_ket&basis=all`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-disposition']).toContain(`filename="bao-cao-tong-ket-${C}-2024.docx"`)
    const { text } = await openDocx(res.rawPayload)
    expect(text.some((t) => t.startsWith('Tổng kết năm 2024'))).toBe(true)
    expect(text).toContain('Lưu ý: số liệu tổng hợp gồm cả báo cáo chưa gửi và chưa được duyệt, chưa phải số liệu chính thức.')
  })

  it('takes a mid-year review to the end of June once the year has run past it, unless a period is chosen', async () => {
    const before = s.clock.now
    s.clock.now = new Date('2024-10-10T03:00:00Z')
    try {
      const asOfLine = async (query: string) => {
        const res = await officer.request('GET', `${api}/exports/review.docx?${query}`)
        expect(res.statusCode, res.body).toBe(200)
        return (await openDocx(res.rawPayload)).text.find((t) => t.startsWith('Số liệu tính đến'))
      }
      expect(await asOfLine('kind=so_ket')).toMatch(/^Số liệu tính đến hết quý II năm 2024 \(30\/06\/2024\)/)
      // A year-end review goes as far as the figures do: Q1, the latest period with approved ones.
      expect(await asOfLine('kind=tong_ket')).toMatch(/^Số liệu tính đến hết quý I năm 2024 \(31\/03\/2024\)/)
      expect(await asOfLine('kind=so_ket&period=2024-Q1')).toMatch(/^Số liệu tính đến hết quý I năm 2024/)
    } finally {
      s.clock.now = before
    }
  })

  it('refuses a village’s reporter, another commune’s officer and a visitor', async () => {
    expectRefusal(await t1.request('GET', `${api}/exports/results.xlsx?year=2024`), 403, 'forbidden')
    expectRefusal(await t1.request('GET', `${api}/exports/review.docx?year=2024&kind=so_ket`), 403, 'forbidden')
    expectRefusal(await stranger.request('GET', `${api}/exports/results.xlsx?year=2024`), 404, 'not_found')
    const anonymous = await s.app.inject({ method: 'GET', url: `${api}/exports/review.docx` })
    expect(anonymous.statusCode).toBe(401)
  })

  it('answers 400 with the reason for a bad kind, year, basis or a period and a phase together', async () => {
    for (const query of ['kind=bao_cao', 'year=20x4', 'year=1999', 'basis=tat_ca', 'period=2024-Q1&phase=DOT1']) {
      const res = await officer.request('GET', `${api}/exports/review.docx?${query}`)
      expectRefusal(res, 400, 'invalid')
    }
    expectRefusal(await officer.request('GET', `${api}/exports/results.xlsx?year=abcd`), 400, 'invalid')
    expectRefusal(await officer.request('GET', `${api}/exports/results.xlsx?year=2031`), 404, 'not_found')
  })
})

// ---------------------------------------------------------------------------
// The three real plans: long field names, nested fields, every target kind.

describe('exports of the demo plans', () => {
  let s: TestServer
  let demos: Awaited<ReturnType<typeof loadDemo>>

  beforeAll(async () => {
    demos = await loadDemo()
    s = await startServer(DATABASES[0]!, demos.map((d) => d.file))
  }, 60_000)
  afterAll(() => s?.close())

  it('builds a workbook with valid sheet names and a row per indicator, and a report with a table row per indicator', async () => {
    for (const { file } of demos) {
      const communeId = Number((await s.db.query<{ id: number }>('SELECT id FROM communes WHERE code = $1', [file.commune.code])).rows[0]!.id)
      const results = await loadResults(s.db, communeId, { year: file.plan.year, basis: 'all' }, new Date(`${file.plan.year}-07-10T03:00:00Z`))
      const wb = await openXlsx(await buildResultsXlsx(results))
      const names = wb.worksheets.map((w) => w.name)
      expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length)
      for (const n of names) {
        expect(n.length).toBeLessThanOrEqual(31)
        expect(n).not.toMatch(/[[\]:*?/\\]/)
      }
      const rows = wb.worksheets.slice(1).flatMap((ws) => [...indicatorRows(ws).keys()])
      expect(rows.length, file.commune.code).toBe(file.plan.indicators.length)
      const { xml } = await openDocx(await buildReviewDocx(results, 'so_ket'))
      expect(resultRows(xml).length, file.commune.code).toBe(file.plan.indicators.length)
    }
  }, 60_000)
})
