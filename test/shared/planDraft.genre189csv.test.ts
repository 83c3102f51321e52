// Drafting a plan from its document (issue 13): the rules added after held-out set 189 (an Excel
// sheet of targets saved as "CSV UTF-8", with "," between its cells), each on hand-written rows in
// the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { draftPlan, normalizeText } from '../../src/shared/planDraft/extract'
import { bySource, named, planHead, planWithList } from './planDraftText'

/** An Excel sheet saved as "CSV UTF-8 (comma delimited)": a byte-order mark and CRLF line ends. */
const excel = (rows: string[]): string => `\uFEFF${rows.join('\r\n')}\r\n`

const SHEET = excel([
  'UBND XÃ ĐĂK HÒA,,,,,',
  '"BẢNG CHỈ TIÊU THI ĐUA NĂM 2026 (Kèm theo Kế hoạch số 12/KH-UBND ngày 14/01/2026 của UBND xã Đăk Hòa, tỉnh Lâm Đồng)",,,,,',
  ',,,,,',
  'TT,Chỉ tiêu,ĐVT,Ước thực hiện 2025,KH 2026,Ghi chú',
  'A,PHÁT TRIỂN KINH TẾ,,,,',
  '1,"Giá trị sản xuất nông nghiệp, lâm nghiệp (giá so sánh 2010) tăng",%,"6,4","7,2",',
  '2,Cây cà phê,,,,',
  ',- Diện tích hiện có,ha,2.350,2.400,"Tái canh 60 ha, ghép cải tạo 40 ha"',
  ',- Trong đó: diện tích được chứng nhận bền vững,ha,610,700,',
  ',- Sản lượng nhân,tấn,"6.580,5",6.960,',
  '3,"Tổng đàn bò, trâu",con,4.120,4.300,Theo điều tra 01/10',
  '4,Thu ngân sách trên địa bàn,triệu đồng,9.850,10.400,"Huyện giao 10.000"',
  'B,VĂN HÓA - XÃ HỘI,,,,',
  '5,Tỷ lệ hộ nghèo,%,"4,12","Giảm 0,8 - 1",',
  '6,"Số buôn đạt danh hiệu ""Buôn văn hóa""",buôn,9/12,10/12,',
  '7,"Tỷ lệ hộ dùng nước',
  'hợp vệ sinh",%,"91,2",≥ 93,Ô dòng xuống hàng trong ô',
  '8,Số vụ cháy rừng,vụ,2,≤ 1,',
  ',,,,,',
  ',"Ghi chú: Cột ""Ước thực hiện 2025"" không phải chỉ tiêu thi đua, số liệu đến 15/12/2025.",,,,',
  ',,,,TM. ỦY BAN NHÂN DÂN,',
  ',,,,CHỦ TỊCH,',
  ',,,,,',
  ',,,,Y Blô Niê,',
])

describe('an Excel sheet of targets saved as CSV with commas', () => {
  it('reads each record as a table row: quoted cells with their commas and doubled quotes, a cell broken over two lines, merged cells empty', () => {
    const rows = normalizeText(SHEET).split('\n')
    expect(rows[0]).toBe('UBND XÃ ĐĂK HÒA')
    expect(rows[1]).toMatch(/^BẢNG CHỈ TIÊU THI ĐUA NĂM 2026 \(Kèm theo Kế hoạch số 12\/KH-UBND/u)
    expect(rows).toContain('| TT | Chỉ tiêu | ĐVT | Ước thực hiện 2025 | KH 2026 | Ghi chú |')
    expect(rows).toContain('| 1 | Giá trị sản xuất nông nghiệp, lâm nghiệp (giá so sánh 2010) tăng | % | 6,4 | 7,2 | |')
    expect(rows).toContain('| 2 | Cây cà phê | | | | |')
    expect(rows).toContain('| | - Diện tích hiện có | ha | 2.350 | 2.400 | Tái canh 60 ha, ghép cải tạo 40 ha |')
    expect(rows).toContain('| 6 | Số buôn đạt danh hiệu "Buôn văn hóa" | buôn | 9/12 | 10/12 | |')
    expect(rows).toContain('| 7 | Tỷ lệ hộ dùng nước hợp vệ sinh | % | 91,2 | ≥ 93 | Ô dòng xuống hàng trong ô |')
    // (The note and the signature, each in one cell under the table, are lines of their own.)
    expect(rows).toContain('TM. ỦY BAN NHÂN DÂN')
    expect(rows[rows.length - 1]).toBe('Y Blô Niê')
  })

  it('takes the plan column chosen by its heading, the unit cell, a "Trong đó" row as a part, and no note', () => {
    const d = draftPlan(SHEET)
    const target = (words: RegExp): unknown => bySource(d, words)[0]?.value.target
    expect(target(/Giá trị sản xuất/u)).toMatchObject({ kind: 'growth', percent: 7.2, baseYear: 2025 })
    expect(bySource(d, /Diện tích hiện có/u)[0]?.value).toMatchObject({ unitOfMeasure: 'ha', target: { kind: 'at_least', value: 2400 } })
    const part = bySource(d, /chứng nhận bền vững/u)[0]?.value
    expect(part?.target).toMatchObject({ value: 700 })
    expect(part?.partOf).toBe(bySource(d, /Diện tích hiện có/u)[0]?.value.code)
    expect(target(/Sản lượng nhân/u)).toMatchObject({ value: 6960 })
    expect(target(/Tổng đàn bò, trâu/u)).toMatchObject({ kind: 'at_least', value: 4300 })
    expect(target(/Thu ngân sách/u)).toMatchObject({ kind: 'at_least', value: 10400 })
    expect(target(/hộ nghèo/u)).toEqual({ kind: 'reduce_by', amount: 0.8, max: 1, baseline: 4.12 })
    expect(target(/Buôn văn hóa/u)).toMatchObject({ kind: 'at_least', value: 10 })
    expect(target(/nước hợp vệ sinh/u)).toMatchObject({ kind: 'rate_at_least', value: 93 })
    expect(target(/cháy rừng/u)).toMatchObject({ kind: 'at_most', value: 1 })
    expect(d.indicators).toHaveLength(10)
    // Neither a note cell nor the note under the table is a target.
    expect(d.indicators.some((i) => /Huyện giao|Tái canh|điều tra|15\/12\/2025/u.test(i.value.name))).toBe(false)
    expect(bySource(d, /Ghi chú:/u)).toEqual([])
    // Every source is the span of the draft's text it points at.
    for (const i of d.indicators) expect(d.text.slice(i.source.start, i.source.end)).toBe(i.value.source)
  })

  it('reads a comma sheet pasted under a plan\'s heading as its table', () => {
    const table = ['STT,Chỉ tiêu,Đơn vị tính,Thực hiện 2025,Kế hoạch 2026,Ghi chú', '1,Sản lượng sầu riêng,tấn,"1.240,5","1.380",', '2,Số hộ dùng điện lưới,hộ,"2.905",2.950,', '3,"Tỷ lệ trẻ em 5 tuổi đi học mẫu giáo, nhà trẻ",%,"98,6",100,']
    const d = draftPlan(planWithList({ head: planHead('Đăk Hòa', '12', '14 tháng 01', 2026), year: 2026, items: table, bare: true }))
    expect(named(d, /sầu riêng/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 1380 })
    expect(named(d, /điện lưới/iu)?.value.target).toMatchObject({ value: 2950 })
    expect(named(d, /mẫu giáo/iu)?.value.target).toMatchObject({ value: 100 })
  })
})

describe('prose with commas is no comma-separated table', () => {
  it.each([
    'Phấn đấu năng suất lúa đạt 62,5 tạ/ha, sản lượng 8.450 tấn, giá trị sản xuất tăng 7,5%.',
    'Chỉ tiêu,kế hoạch,đơn vị tính được các thôn đăng ký trước ngày 20/01/2026.',
    'Diện tích cà phê 2.400 ha,sản lượng 6.960 tấn,tăng 5,8% so với năm 2025,giữ vững 9/12 buôn văn hóa.',
  ])('leaves "%s" as written', (line) => {
    expect(normalizeText(line)).toBe(line)
    expect(normalizeText(`${line}\n${line}\n${line}`)).not.toMatch(/\|/u)
  })

  it('leaves a line naming columns with commas as prose where no records of its width follow', () => {
    const text = 'Biểu mẫu gồm các cột STT,Chỉ tiêu,ĐVT,Kế hoạch năm 2026,Ghi chú.\nCác thôn điền đủ, gửi về Văn phòng.\nTỷ lệ hộ nghèo giảm 1,2%, tỷ lệ bao phủ bảo hiểm y tế đạt 95,5%.'
    expect(normalizeText(text)).not.toMatch(/\|/u)
  })
})
