// Codes from Vietnamese names, one rule (shared/codes): units in lower case with hyphens,
// indicators in upper case with underscores, unique within the plan.
import { describe, expect, it } from 'vitest'
import { codeFromName, indicatorCodeFromName, plainWords } from '../../src/shared/codes'
import { codeFromName as viaProvince, freeUnitCode } from '../../src/shared/province'

const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/

describe('plainWords', () => {
  it('drops the marks, đ included, and splits on anything but letters and digits', () => {
    expect(plainWords('Sản lượng lúa (tấn)')).toEqual(['san', 'luong', 'lua', 'tan'])
    expect(plainWords('Đường giao thông nông thôn – bê tông hóa')).toEqual(['duong', 'giao', 'thong', 'nong', 'thon', 'be', 'tong', 'hoa'])
    expect(plainWords('  ')).toEqual([])
  })
})

describe('codeFromName (units)', () => {
  it('is the same rule from shared/province', () => {
    expect(viaProvince).toBe(codeFromName)
    expect(codeFromName('Thôn An Thạch')).toBe('an-thach')
    expect(codeFromName('Tổ dân phố 5')).toBe('5')
    expect(codeFromName('Trạm y tế')).toBe('tram-y-te')
    expect(codeFromName('!!!')).toBe('dv')
    expect(freeUnitCode('Thôn An Thạch', new Set(['an-thach']))).toBe('an-thach-2')
  })
})

describe('indicatorCodeFromName', () => {
  it('makes SAN_LUONG_LUA of "Sản lượng lúa"', () => {
    expect(indicatorCodeFromName('Sản lượng lúa')).toBe('SAN_LUONG_LUA')
    expect(indicatorCodeFromName('Tỷ lệ hộ nghèo')).toBe('TY_LE_HO_NGHEO')
    expect(indicatorCodeFromName('Đường GTNT được bê tông hóa')).toBe('DUONG_GTNT_DUOC_BE_TONG_HOA')
  })

  it('numbers on while the plan has the code, case-blind', () => {
    expect(indicatorCodeFromName('Sản lượng lúa', ['SAN_LUONG_LUA'])).toBe('SAN_LUONG_LUA_2')
    expect(indicatorCodeFromName('Sản lượng lúa', ['san_luong_lua', 'SAN_LUONG_LUA_2'])).toBe('SAN_LUONG_LUA_3')
  })

  it('cuts a long name at a word and always fits the code rule', () => {
    const long = 'Tỷ lệ dân số tham gia bảo hiểm y tế trên tổng dân số toàn xã năm hai nghìn hai mươi tư'
    const code = indicatorCodeFromName(long)
    expect(code.length).toBeLessThanOrEqual(36)
    expect(code).toMatch(CODE_RE)
    expect(code.endsWith('_')).toBe(false)
    expect(indicatorCodeFromName(long, [code])).toMatch(CODE_RE)
    expect(indicatorCodeFromName('%%%')).toBe('CT')
    expect(indicatorCodeFromName('1. Giá trị sản xuất')).toBe('1_GIA_TRI_SAN_XUAT')
  })
})
