import { describe, expect, it } from 'vitest'
import type { PlanResults } from '../../src/shared/api'
import {
  communeAuthority,
  communeFullName,
  communePlaceName,
  fieldSections,
  formatActual,
  formatActualWithUnit,
  formatProgress,
  formatViDateTime,
  periodLabel,
  statusText,
  summarizeResults,
  verdictText,
} from '../../src/shared/summary'
import { resultsFixture } from './resultsFixture'

const codes = (xs: { code: string }[]): string[] => xs.map((x) => x.code)

describe('summarizeResults', () => {
  it('sorts the targets into ahead, behind and without figures', () => {
    const s = summarizeResults(resultsFixture())
    expect(codes(s.ahead)).toEqual(['LUA_SL'])
    // VIEC_LAM is not met yet but on pace: not behind. LUA_DT and BHYT are below pace.
    expect(codes(s.behind)).toEqual(['LUA_DT', 'BHYT'])
    expect(codes(s.noData)).toEqual(['THU_NS', 'HO_NGHEO'])
  })

  it('says in Vietnamese how many targets stand where, and names them with vi-VN figures', () => {
    const s = summarizeResults(resultsFixture())
    expect(s.sentences[0]).toBe(
      'Tính đến hết quý II năm 2024 (30/06/2024), trong tổng số 8 chỉ tiêu của kế hoạch có 1 chỉ tiêu vượt, 2 chỉ tiêu đạt, 3 chỉ tiêu chưa đạt, 1 chỉ tiêu chưa có số liệu, 1 chỉ tiêu chưa có số gốc.',
    )
    const text = s.sentences.join(' ')
    expect(text).toContain('Các chỉ tiêu vượt kế hoạch: Sản lượng lúa (thực hiện 1.448,5 tấn, bằng 103,5% chỉ tiêu, chỉ tiêu đạt 1.400 tấn trở lên).')
    expect(text).toContain('Có 1 chỉ tiêu chưa hoàn thành kế hoạch năm nhưng đúng tiến độ: Tạo việc làm mới.')
    expect(text).toContain('Diện tích gieo trồng lúa (thực hiện 100 ha, bằng 43,7% chỉ tiêu')
    expect(text).toContain('Tỷ lệ dân số tham gia BHYT (thực hiện 93,5%, bằng 98,4% chỉ tiêu, chỉ tiêu đạt 95% trở lên)')
    expect(text).toContain('Chưa có số liệu để đánh giá 2 chỉ tiêu: Tổng thu ngân sách trên địa bàn; Số hộ nghèo (trong đó 1 chỉ tiêu chưa có số liệu gốc để so sánh).')
    expect(text).not.toContain('Lưu ý')
  })

  it('warns when unapproved figures are counted, and when units have not all reported', () => {
    const r = resultsFixture()
    r.basis = 'all'
    r.indicators[0]!.reportedUnits = 1
    const text = summarizeResults(r).sentences.join(' ')
    expect(text).toContain('Lưu ý: số liệu tổng hợp gồm cả báo cáo chưa gửi và chưa được duyệt, chưa phải số liệu chính thức.')
    expect(text).toContain('Có 1 chỉ tiêu chưa đủ số liệu của các đơn vị báo cáo')
    r.basis = 'submitted'
    expect(summarizeResults(r).sentences).toContain('Lưu ý: số liệu tổng hợp gồm cả báo cáo đã gửi nhưng chưa được duyệt.')
  })

  it('names at most ten targets without figures, and says so in one sentence when none has any', () => {
    const r = resultsFixture()
    const blank = r.indicators[3]!
    r.indicators = Array.from({ length: 14 }, (_, i) => ({ ...blank, code: `X${i}`, name: `Chỉ tiêu ${i + 1}` }))
    expect(summarizeResults(r).sentences.slice(1)).toEqual(['Chưa có số liệu để đánh giá chỉ tiêu nào.'])
    r.indicators.push(resultsFixture().indicators[0]!)
    const text = summarizeResults(r).sentences.join(' ')
    expect(text).toContain('Chưa có số liệu để đánh giá 14 chỉ tiêu: Chỉ tiêu 1; Chỉ tiêu 2;')
    expect(text).toContain('Chỉ tiêu 10 và 4 chỉ tiêu khác.')
    expect(text).not.toContain('Chỉ tiêu 11')
  })

  it('says when nothing is behind, and when the plan has no indicator', () => {
    const r = resultsFixture()
    r.indicators = r.indicators.filter((i) => !['LUA_DT', 'BHYT'].includes(i.code))
    const s = summarizeResults(r)
    expect(s.behind).toEqual([])
    expect(s.sentences).toContain('Không có chỉ tiêu nào chậm tiến độ.')
    const empty: PlanResults = { ...r, indicators: [] }
    expect(summarizeResults(empty).sentences).toEqual(['Kế hoạch chưa có chỉ tiêu nào để đánh giá.'])
  })

  it('says the same in short paragraphs: the counts, one per field in plan order, then the notes', () => {
    const r = resultsFixture()
    r.basis = 'submitted'
    const s = summarizeResults(r)
    expect(s.opening).toBe(s.sentences[0])
    expect(s.fields.map((f) => f.field)).toEqual(['Kinh tế', 'Văn hóa – xã hội', 'Quốc phòng – an ninh'])
    const [economy, society, security] = s.fields.map((f) => f.text)
    expect(economy).toBe(
      '4 chỉ tiêu, trong đó 1 chỉ tiêu vượt, 2 chỉ tiêu chưa đạt, 1 chỉ tiêu chưa có số liệu. ' +
        'Vượt kế hoạch: Sản lượng lúa (thực hiện 1.448,5 tấn, bằng 103,5% chỉ tiêu, chỉ tiêu đạt 1.400 tấn trở lên). ' +
        'Chưa hoàn thành kế hoạch năm nhưng đúng tiến độ: Tạo việc làm mới. ' +
        'Chưa đạt hoặc chậm tiến độ, cần tập trung chỉ đạo: Diện tích gieo trồng lúa (thực hiện 100 ha, bằng 43,7% chỉ tiêu, chỉ tiêu đạt 229 ha trở lên). ' +
        'Chưa có số liệu để đánh giá: Tổng thu ngân sách trên địa bàn.',
    )
    expect(society).toContain('Tỷ lệ dân số tham gia BHYT')
    expect(society).not.toContain('Sản lượng lúa')
    expect(security).toBe('1 chỉ tiêu đạt.')
    expect(s.notes).toEqual(['Lưu ý: số liệu tổng hợp gồm cả báo cáo đã gửi nhưng chưa được duyệt.'])
    expect(s.sentences.at(-1)).toBe(s.notes[0])
    const empty = summarizeResults({ ...r, indicators: [] })
    expect([empty.opening, empty.fields, empty.notes]).toEqual(['Kế hoạch chưa có chỉ tiêu nào để đánh giá.', [], []])
  })

  it('counts a failed target as behind at year end, and says when no period has ended', () => {
    const r = resultsFixture()
    r.asOf = null
    r.indicators[1]!.status = 'failed'
    r.indicators[1]!.onPace = null
    const s = summarizeResults(r)
    expect(codes(s.behind)).toContain('LUA_DT')
    expect(s.sentences[0]).toMatch(/^Chưa có kỳ báo cáo nào kết thúc, trong tổng số 8 chỉ tiêu/)
  })
})

describe('formatting helpers', () => {
  it('words the commune as its documents do', () => {
    const c = resultsFixture().commune
    expect(communeAuthority(c)).toBe('UBND PHƯỜNG TRƯƠNG QUANG TRỌNG')
    expect(communePlaceName(c)).toBe('Trương Quang Trọng')
    expect(communeFullName({ name: 'Trà Phong', kind: 'xa' })).toBe('Xã Trà Phong')
    expect(communeAuthority({ name: 'Trà Phong', kind: 'thi_tran' })).toBe('UBND THỊ TRẤN TRÀ PHONG')
  })

  it('formats figures, progress and statuses the vi-VN way', () => {
    const [luaSl, , , thuNs, bhyt, sdd, , antt] = resultsFixture().indicators
    expect(formatActual(luaSl!)).toBe('1.448,5')
    expect(formatActualWithUnit(bhyt!)).toBe('93,5%')
    expect(formatActual(antt!)).toBe('Đạt')
    expect(formatActual(thuNs!)).toBe('')
    expect(formatProgress(luaSl!)).toBe('103,5%')
    // A cap's "% so với chỉ tiêu" is the figure as a share of the cap (4,2% against a cap of 5,6%: 75%).
    expect(formatProgress(sdd!)).toBe('75%')
    // One vocabulary: the verdict with what qualifies it, as the dashboard, the XLSX and the DOCX say it.
    expect(verdictText(sdd!)).toBe('Đạt')
    const overCap = { ...sdd!, actual: 5.6, status: 'not_yet' as const }
    expect(verdictText(overCap)).toBe('Chưa đạt (vượt trần 5,6%)')
    const partial = { ...luaSl!, reportedUnits: 2, expectedUnits: 12 }
    expect(verdictText(partial)).toBe('Vượt (tạm tính, 2/12 đơn vị)')
    expect(verdictText({ ...partial, status: 'no_data' as const })).toBe('Chưa có số liệu')
    expect(verdictText({ ...bhyt!, status: 'not_yet', onPace: false }, { pace: true })).toBe('Chưa đạt (chậm tiến độ)')
    expect(statusText('not_yet')).toBe('Chưa đạt')
    expect(formatViDateTime('2024-07-10T20:30:00.000Z')).toBe('11/07/2024 03:30')
  })

  it('names periods', () => {
    expect(periodLabel({ period: '2024-M05', kind: 'month', from: '2024-05-01', to: '2024-05-31' })).toBe('tháng 5 năm 2024')
    expect(periodLabel({ period: '2024-Y', kind: 'year', from: '2024-01-01', to: '2024-12-31' })).toBe('năm 2024')
    expect(periodLabel({ period: '2024-DOT1', kind: 'phase', from: '2024-01-01', to: '2024-06-30' }, [{ code: 'DOT1', name: 'Đợt 1', from: '2024-01-01', to: '2024-06-30' }])).toBe(
      'Đợt 1 năm 2024',
    )
  })

  it('arranges indicators by top-level field, sub-fields as groups, unknown fields last', () => {
    const r = resultsFixture()
    r.indicators.push({ ...r.indicators[0]!, code: 'X', field: 'GONE' })
    const sections = fieldSections(r)
    expect(sections.map((s) => s.field.code)).toEqual(['KT', 'VHXH', 'AN', 'KHAC'])
    expect(sections[0]!.groups.map((g) => [g.field.code, g.depth, codes(g.indicators)])).toEqual([
      ['KT', 0, ['VIEC_LAM', 'THU_NS']],
      ['NN', 1, ['LUA_SL', 'LUA_DT']],
    ])
    expect(codes(sections[3]!.indicators)).toEqual(['X'])
  })
})
