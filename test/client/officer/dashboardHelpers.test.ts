// The dashboard's pure parts: the filters in the address, the fields' sections, figures in vi-VN
// words, the target lines the charts draw, which review fits the period, and the file name a
// download takes from Content-Disposition.
import { describe, expect, it } from 'vitest'
import { resultsSearch } from '../../../src/client/officer/dashboard/api'
import { filenameFromDisposition, formatBytes } from '../../../src/client/officer/dashboard/download'
import {
  countByStatus,
  fieldScope,
  fieldSections,
  figureText,
  filtersFromQuery,
  progressText,
  queryFromFilters,
  ratioText,
  serverQuery,
  suggestedReviewKind,
  targetLines,
  unitVerdict,
} from '../../../src/client/officer/dashboard/present'
import { formatViNumber } from '../../../src/shared/numbers'
import { ANTT, BHYT, LUA, results } from './dashboard.fixture'

const t = (key: string) =>
  ({
    'dashboard.table.yes': 'Đạt',
    'dashboard.table.no': 'Không đạt',
    'dashboard.detail.communeTarget': 'theo chỉ tiêu xã',
    'dashboard.detail.noUnitTarget': 'không có chỉ tiêu riêng',
  })[key] ?? key

describe('the filters in the address', () => {
  it('read back what they wrote; defaults stay out of the address', () => {
    const f = { year: 2024, phase: 'D1', basis: 'submitted' as const, field: 'VHXH', status: 'not_yet' as const }
    const q = queryFromFilters(f)
    expect(q).toEqual({ year: '2024', phase: 'D1', basis: 'submitted', field: 'VHXH', status: 'not_yet' })
    expect(filtersFromQuery(q as Record<string, string>)).toEqual(f)
    expect(queryFromFilters({ basis: 'approved' })).toEqual({})
  })

  it('ignore what they do not know, and a phase wins over a period', () => {
    expect(filtersFromQuery({ year: 'abc', basis: 'maybe', status: 'great', period: '2024-Q2', phase: 'D2' })).toEqual({ basis: 'approved', phase: 'D2' })
    expect(filtersFromQuery({ year: ['2023', '2022'], period: '' })).toEqual({ basis: 'approved', year: 2023 })
  })

  it('send the server only what it computes with, in a stable order', () => {
    const q = serverQuery({ year: 2023, period: '2023-Q2', basis: 'all', field: 'KT', status: 'failed' })
    expect(q).toEqual({ year: 2023, period: '2023-Q2', phase: undefined, basis: 'all' })
    expect(resultsSearch(q)).toBe('?year=2023&period=2023-Q2&basis=all')
    expect(resultsSearch({}, { kind: 'so_ket' })).toBe('?kind=so_ket')
    expect(resultsSearch({})).toBe('')
  })
})

describe('fields', () => {
  const r = results()
  it('a field takes its sub-fields along', () => {
    expect([...fieldScope(r.fields, 'VHXH')].sort()).toEqual(['VHXH', 'YT'])
    expect([...fieldScope(r.fields, 'KT')]).toEqual(['KT'])
  })

  it('sections follow the plan, name the parent of a sub-field, skip empty fields and keep stray indicators', () => {
    const stray = { ...LUA, code: 'X', field: 'GONE' }
    const sections = fieldSections(r, [...r.indicators, stray])
    expect(sections.map((s) => [s.code, s.title, s.depth, s.top, s.indicators.map((i) => i.code)])).toEqual([
      ['KT', 'Kinh tế', 0, 'KT', ['LUA', 'VL']],
      ['YT', 'Văn hóa – xã hội › Y tế', 1, 'VHXH', ['BHYT', 'SDD']],
      ['ANQP', 'Quốc phòng – an ninh', 0, 'ANQP', ['ANTT']],
      ['__other__', 'Khác', 0, '__other__', ['X']],
    ])
  })

  it('counts by status', () => {
    expect(countByStatus(r.indicators)).toEqual(r.counts)
  })
})

describe('figures in words', () => {
  it('numbers, rates, yes/no and progress in vi-VN', () => {
    expect(figureText(t, LUA)).toBe('1.303,65')
    expect(figureText(t, { ...LUA, actual: 1448.5 })).toBe('1.448,5')
    expect(figureText(t, BHYT)).toBe('96,5%')
    expect(figureText(t, { ...BHYT, unitOfMeasure: 'hộ/100 hộ', scale: 1000, actual: 7.9 })).toBe('7,9‰')
    expect(ratioText(BHYT)).toBe('1.930/2.000')
    expect(ratioText(LUA)).toBeNull()
    expect(figureText(t, ANTT)).toBe('Không đạt')
    expect(figureText(t, { ...ANTT, achieved: true, actual: 1 })).toBe('Đạt')
    expect(figureText(t, { ...ANTT, achieved: undefined, actual: null })).toBe('—')
    expect(figureText(t, { ...LUA, actual: null })).toBe('—')
    expect(progressText(0.9)).toBe('90%')
    expect(progressText(1.125)).toBe('112,5%')
    expect(progressText(null)).toBe('—')
  })

  it('a unit’s verdict: against its own target, against the commune’s (said so), or none', () => {
    expect(unitVerdict(t, { status: 'achieved', target: 'own' })).toEqual({ status: 'achieved', basis: null })
    expect(unitVerdict(t, BHYT.byUnit[0]!)).toEqual({ status: 'achieved', basis: 'theo chỉ tiêu xã' })
    expect(unitVerdict(t, ANTT.byUnit[0]!)).toEqual({ status: 'failed', basis: 'theo chỉ tiêu xã' })
    for (const u of LUA.byUnit) expect(unitVerdict(t, u)).toEqual({ status: null, text: 'không có chỉ tiêu riêng' })
  })

  it('sizes for the download progress', () => {
    expect(formatBytes(512, formatViNumber)).toBe('512 B')
    expect(formatBytes(1536, formatViNumber)).toBe('1,5 KB')
    expect(formatBytes(340 * 1024, formatViNumber)).toBe('340 KB')
    expect(formatBytes(1.25 * 1024 * 1024, formatViNumber)).toBe('1,3 MB')
  })
})

describe('target lines of the charts', () => {
  it('one level per target figure; a range draws both ends; growth and reduction from their base', () => {
    expect(targetLines({ kind: 'at_least', value: 270 })).toEqual([{ value: 270, upper: false }])
    expect(targetLines({ kind: 'range', min: 90, max: 95 })).toEqual([
      { value: 90, upper: false },
      { value: 95, upper: true },
    ])
    expect(targetLines({ kind: 'growth', percent: 10, baseYear: 2022, baseValue: 200 })[0]!.value).toBeCloseTo(220)
    expect(targetLines({ kind: 'growth', percent: 10, baseYear: 2022 })).toEqual([])
    expect(targetLines({ kind: 'reduce_by', amount: 1, baseline: 12 })).toEqual([{ value: 11, upper: false }])
    expect(targetLines({ kind: 'derived' })).toEqual([])
    expect(targetLines({ kind: 'yes_no' })).toEqual([])
    expect(targetLines(undefined)).toEqual([])
  })
})

describe('the review that fits', () => {
  it('sơ kết up to 30 June, tổng kết after', () => {
    expect(suggestedReviewKind(results())).toBe('so_ket')
    expect(suggestedReviewKind(results({ yearFraction: 0.75 }))).toBe('tong_ket')
    expect(suggestedReviewKind(results({ asOf: null, yearFraction: 0 }))).toBe('so_ket')
    expect(suggestedReviewKind(null)).toBe('so_ket')
  })
})

describe('Content-Disposition', () => {
  it('prefers filename* (UTF-8, percent-encoded) over filename', () => {
    const name = 'Báo cáo sơ kết 6 tháng 2023.docx'
    expect(filenameFromDisposition(`attachment; filename="bao-cao.docx"; filename*=UTF-8''${encodeURIComponent(name)}`)).toBe(name)
    expect(filenameFromDisposition(`attachment; filename*=utf-8'vi'${encodeURIComponent(name)}`)).toBe(name)
    expect(filenameFromDisposition(`attachment;filename*=UTF-8''K%E1%BA%BFt%20qu%E1%BA%A3.xlsx;filename="ket-qua.xlsx"`)).toBe('Kết quả.xlsx')
  })

  it('reads a plain, quoted or bare filename, and strips any path', () => {
    expect(filenameFromDisposition('attachment; filename="ket qua \\"2023\\".xlsx"')).toBe('ket qua "2023".xlsx')
    expect(filenameFromDisposition('attachment; filename=ket-qua.xlsx')).toBe('ket-qua.xlsx')
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd')
    expect(filenameFromDisposition(`attachment; filename*=ISO-8859-1''caf%E9.txt`)).toBe('café.txt')
  })

  it('falls back to filename when filename* is malformed, and gives null when there is none', () => {
    expect(filenameFromDisposition(`attachment; filename*=UTF-8''%E1%BA; filename="ket-qua.xlsx"`)).toBe('ket-qua.xlsx')
    expect(filenameFromDisposition('attachment')).toBeNull()
    expect(filenameFromDisposition(null)).toBeNull()
  })
})
