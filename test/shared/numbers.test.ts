import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { fill } from '../../src/shared/messages'
import numbersEn from '../../src/shared/numberMessages.en'
import {
  formatViAmount,
  formatViNumber,
  formatViPercent,
  formatViPerMille,
  parseViNumber,
  type NumberParseErrorCode,
  type NumberParseOptions,
} from '../../src/shared/numbers'

const NBSP = '\u00A0'
const NNBSP = '\u202F'
const THIN = '\u2009'

/** Lower-case Vietnamese letters carrying a diacritic (upper case is matched with the i flag). */
const VI_DIACRITIC = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i

type Row = [input: string, options: NumberParseOptions | undefined, expected: number | NumberParseErrorCode]

const NEG: NumberParseOptions = { allowNegative: true }
const SUFFIX: NumberParseOptions = { allowSuffix: true }

const rows: Row[] = [
  // Vietnamese decimals and grouping
  ['1.448,5', undefined, 1448.5],
  ['1448,5', undefined, 1448.5],
  ['22,1', undefined, 22.1],
  ['0,5', undefined, 0.5],
  ['1.448,500', undefined, 1448.5], // a dot before the comma settles the reading
  ['13,3450', undefined, 13.345], // the unambiguous way to write three decimals
  ['0,345', undefined, 0.345], // zero integer part: cannot be English grouping
  ['13.345', undefined, 13345],
  ['1.164', undefined, 1164],
  ['1.000', undefined, 1000],
  ['999', undefined, 999],
  ['007', undefined, 7],
  ['0', undefined, 0],
  ['  42  ', undefined, 42],
  ['+12,5', undefined, 12.5],
  // large real values from commune plans
  ['11.327.811.000', undefined, 11327811000],
  ['7.925.641.000', undefined, 7925641000],
  ['6.830.000.000', undefined, 6830000000],
  // whitespace grouping variants
  ['1 448,5', undefined, 1448.5],
  [`1${NBSP}448,5`, undefined, 1448.5],
  [`1${NNBSP}448,5`, undefined, 1448.5],
  [`1${THIN}448,5`, undefined, 1448.5],
  [`11${NBSP}327${NBSP}811${NBSP}000`, undefined, 11327811000],
  [`${NBSP}1 448${THIN}`, undefined, 1448],
  ['1 448.5', undefined, 1448.5], // space grouping with an unambiguous decimal dot
  ['12 34', undefined, 'malformed_grouping'],
  ['1  448', undefined, 'not_a_number'],
  ['1.448 500', undefined, 'malformed_grouping'],
  ['1 448,500', undefined, 'ambiguous_separator'],
  // a dot read as decimal point only where unambiguous
  ['1448.5', undefined, 1448.5],
  ['22.10', undefined, 22.1],
  ['0.75', undefined, 0.75],
  ['0.345', undefined, 0.345],
  ['1.4485', undefined, 1.4485],
  ['1448.500', undefined, 'malformed_grouping'],
  ['1.44.800', undefined, 'malformed_grouping'],
  ['1.448.5', undefined, 'malformed_grouping'],
  ['1234.567.890', undefined, 'malformed_grouping'],
  ['0.345.678', undefined, 'malformed_grouping'],
  ['012.345', undefined, 'malformed_grouping'],
  // comma + three digits without a dot
  ['13,345', undefined, 'ambiguous_separator'],
  ['1,448', undefined, 'ambiguous_separator'],
  ['1234,567', undefined, 'ambiguous_separator'],
  ['-13,345', NEG, 'ambiguous_separator'],
  // English style
  ['1,448.5', undefined, 'mixed_separators'],
  ['1,234,567.8', undefined, 'mixed_separators'],
  ['1,234,567', undefined, 'mixed_separators'],
  ['1,2,3', undefined, 'malformed_grouping'],
  ['1,5.3', undefined, 'malformed_grouping'],
  ['1.448,5.3', undefined, 'malformed_grouping'],
  ['1,5 3', undefined, 'malformed_grouping'],
  // incomplete numbers
  [',5', undefined, 'not_a_number'],
  ['.5', undefined, 'not_a_number'],
  ['12,', undefined, 'not_a_number'],
  ['12.', undefined, 'not_a_number'],
  ['1..2', undefined, 'not_a_number'],
  ['1,,2', undefined, 'not_a_number'],
  // not numbers
  ['', undefined, 'empty'],
  ['   ', undefined, 'empty'],
  [`${NBSP}${THIN}`, undefined, 'empty'],
  ['abc', undefined, 'not_a_number'],
  ['1e5', undefined, 'not_a_number'],
  ['1,5E3', undefined, 'not_a_number'],
  ['0x1F', undefined, 'not_a_number'],
  ['Infinity', undefined, 'not_a_number'],
  ['NaN', undefined, 'not_a_number'],
  ['--1', NEG, 'not_a_number'],
  ['+-1', NEG, 'not_a_number'],
  ['-', NEG, 'not_a_number'],
  ['- 5', NEG, 'not_a_number'],
  ['5 tấn', undefined, 'not_a_number'],
  ['100.000 đồng', undefined, 'not_a_number'],
  ['100.000đ', undefined, 'not_a_number'],
  ['1٫5', undefined, 'not_a_number'], // Arabic decimal separator
  ['１２', undefined, 'not_a_number'], // full-width digits
  // negatives
  ['-5', undefined, 'negative_not_allowed'],
  ['−5', undefined, 'negative_not_allowed'],
  ['-1.448,5', NEG, -1448.5],
  ['−1.448,5', NEG, -1448.5],
  ['-0,5', NEG, -0.5],
  ['-0', undefined, 0],
  ['-0,000', NEG, 0],
  ['-abc', undefined, 'not_a_number'],
  // suffixes
  ['99,64%', SUFFIX, 99.64],
  ['99,64 %', SUFFIX, 99.64],
  [`99,64${NBSP}%`, SUFFIX, 99.64],
  ['7,9‰', SUFFIX, 7.9],
  ['7,9 ‰', SUFFIX, 7.9],
  ['-2,5%', { allowSuffix: true, allowNegative: true }, -2.5],
  ['99,64%', undefined, 'suffix_not_allowed'],
  ['7,9‰', undefined, 'suffix_not_allowed'],
  ['5%%', SUFFIX, 'not_a_number'],
  ['%5', SUFFIX, 'not_a_number'],
  ['%', SUFFIX, 'not_a_number'],
  // digit limits: 15 significant digits is the maximum
  ['999.999.999.999.999', undefined, 999999999999999],
  ['1.000.000.000.000.000', undefined, 'too_many_digits'],
  ['123.456.789.012,345', undefined, 123456789012.345],
  ['123.456.789.012,3456', undefined, 'too_many_digits'],
  ['0,000000000000001', { maxFractionDigits: 15 }, 1e-15],
  ['00000000000000000012', undefined, 12], // leading zeros are not significant
  ['12,50000000000000000', undefined, 12.5], // nor are trailing fraction zeros
  // fraction-digit limits
  ['0,123456', undefined, 0.123456],
  ['0,1234567', undefined, 'too_many_decimals'],
  ['1,25', { maxFractionDigits: 2 }, 1.25],
  ['1,2555', { maxFractionDigits: 2 }, 'too_many_decimals'],
  ['1,255', { maxFractionDigits: 2 }, 'ambiguous_separator'], // ambiguity is reported first
  ['12,5', { maxFractionDigits: 0 }, 'too_many_decimals'],
  ['12,0', { maxFractionDigits: 0 }, 12],
]

describe('parseViNumber', () => {
  it('has a large table', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40)
  })

  it.each(rows)('%j %j -> %j', (input, options, expected) => {
    const result = parseViNumber(input, options)
    if (typeof expected === 'number') {
      expect(result).toEqual({ ok: true, value: expected, suffix: expect.any(String) })
      if (result.ok) expect(Object.is(result.value, expected)).toBe(true)
    } else {
      expect(result).toMatchObject({ ok: false, code: expected, input })
    }
  })

  it('returns the suffix it accepted', () => {
    expect(parseViNumber('99,64%', SUFFIX)).toEqual({ ok: true, value: 99.64, suffix: '%' })
    expect(parseViNumber('7,9 ‰', SUFFIX)).toEqual({ ok: true, value: 7.9, suffix: '‰' })
    expect(parseViNumber('12', SUFFIX)).toEqual({ ok: true, value: 12, suffix: '' })
  })

  it('never returns -0', () => {
    for (const input of ['-0', '-0,0', '−0', '+0']) {
      const result = parseViNumber(input, NEG)
      expect(result.ok && Object.is(result.value, 0)).toBe(true)
    }
  })

  it('keeps the original input in errors', () => {
    expect(parseViNumber('  1,448  ')).toMatchObject({ ok: false, input: '  1,448  ' })
  })

  it('explains both readings of an ambiguous comma', () => {
    const result = parseViNumber('13,345')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.message).toContain('13.345')
    expect(result.message).toContain('13,345')
    expect(result.message).toContain('13345')
    expect(result.message).toContain('13,3450')
    expect(result).toMatchObject({ reason: 'ambiguous', params: { thousands: '13.345' } })
  })

  it('suggests the Vietnamese spelling of English-style input', () => {
    const result = parseViNumber('1,448.5')
    expect(!result.ok && result.message).toContain('1.448,5')
    const big = parseViNumber('-1,234,567.8', NEG)
    expect(!big.ok && big.message).toContain('-1.234.567,8')
  })

  it('says the whole-number part is missing', () => {
    const result = parseViNumber(',5')
    expect(!result.ok && result.message).toContain('thiếu phần nguyên')
    expect(!result.ok && result.message).toContain('0,5')
  })

  it('rejects an invalid maxFractionDigits option', () => {
    expect(() => parseViNumber('1', { maxFractionDigits: -1 })).toThrow(RangeError)
    expect(() => parseViNumber('1', { maxFractionDigits: 1.5 })).toThrow(RangeError)
  })

  it('every error carries a Vietnamese message with diacritics and an English one', () => {
    const alphabet = ['0', '1', '5', '9', '.', ',', ' ', NBSP, '-', '−', '+', '%', '‰', 'e', 'a', 'đ']
    const inputs = fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 20 }),
    )
    const options = fc.record(
      {
        allowNegative: fc.boolean(),
        allowSuffix: fc.boolean(),
        maxFractionDigits: fc.integer({ min: 0, max: 8 }),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(inputs, options, (input, opts) => {
        const result = parseViNumber(input, opts)
        if (result.ok) {
          expect(Number.isFinite(result.value)).toBe(true)
          return
        }
        expect(result.message.trim()).not.toBe('')
        expect(result.message).toMatch(VI_DIACRITIC)
        // Every placeholder of the wording is filled, in both languages (an input with braces of
        // its own, quoted in the message, would look like one).
        if (!/[{}]/.test(input)) {
          expect(result.message).not.toMatch(/\{\w+\}/)
          expect(fill(numbersEn[result.reason], result.params)).not.toMatch(/\{\w+\}/)
        }
        expect(result.input).toBe(input)
      }),
      { numRuns: 2000 },
    )
  })

  it('writes what Intl’s vi-VN formatter writes, for any double and any number of decimals', () => {
    const intl = (x: number, digits: number): string => {
      const text = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits, useGrouping: true }).format(x)
      return /^-0(,0*)?$/.test(text) ? text.slice(1) : text
    }
    const ties = fc.tuple(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.integer({ min: 1, max: 12 })).map(([n, k]) => n / 2 ** k)
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), ties), fc.integer({ min: 0, max: 20 }), (x, digits) => {
        expect(formatViNumber(x, digits)).toBe(intl(x, digits))
      }),
      { numRuns: 20000 },
    )
    for (const [x, digits] of [[1e21, 0], [9.995, 2], [999.9996, 3], [0.0005, 3], [-1.5e300, 2], [0.5, 0], [-0.5, 0], [2.5, 0], [1.005, 2], [123456.785, 2], [5e-324, 20], [-1e-7, 6]] as const) expect(formatViNumber(x, digits), `${x}, ${digits}`).toBe(intl(x, digits))
  })
})

describe('formatViNumber', () => {
  it.each([
    [1448.5, undefined, '1.448,5'],
    [0, undefined, '0'],
    [-0, undefined, '0'],
    [-0.001, undefined, '0'],
    [-0.004, 2, '0'],
    [-5, undefined, '-5'],
    [-1448.5, undefined, '-1.448,5'],
    [22.1, undefined, '22,1'],
    [999, undefined, '999'],
    [1000, undefined, '1.000'],
    [11327811000, undefined, '11.327.811.000'],
    [7925641000, 0, '7.925.641.000'],
    [999999999999.99, 2, '999.999.999.999,99'],
    [1.23456, undefined, '1,23'],
    [1.23456, 4, '1,2346'],
    [1.999, undefined, '2'],
    [0.125, 2, '0,13'],
    [1448.5, 0, '1.449'],
    [22.1, 3, '22,1'],
  ])('formatViNumber(%j, %j) = %j', (value, digits, expected) => {
    expect(formatViNumber(value, digits)).toBe(expected)
  })

  it('rejects non-finite values and bad digit counts', () => {
    expect(() => formatViNumber(Number.NaN)).toThrow(RangeError)
    expect(() => formatViNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError)
    expect(() => formatViNumber(Number.NEGATIVE_INFINITY)).toThrow(RangeError)
    expect(() => formatViNumber(1, -1)).toThrow(RangeError)
    expect(() => formatViNumber(1, 2.5)).toThrow(RangeError)
    expect(() => formatViPercent(Number.NaN)).toThrow(RangeError)
    expect(() => formatViAmount(Number.NaN, 'tấn')).toThrow(RangeError)
  })

  it('round-trips through parseViNumber for numbers with at most 2 decimals below 1e12', () => {
    const twoDecimals = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 12n - 1n }), fc.integer({ min: 0, max: 99 }))
      .map(([negative, whole, cents]) =>
        Number(`${negative ? '-' : ''}${whole}.${String(cents).padStart(2, '0')}`),
      )
    fc.assert(
      fc.property(fc.oneof(twoDecimals, fc.constantFrom(0, -0, 0.01, -0.01, 1000, 999999999999.99)), (x) => {
        const text = formatViNumber(x, 2)
        const result = parseViNumber(text, { allowNegative: true })
        expect(result).toEqual({ ok: true, value: x === 0 ? 0 : x, suffix: '' })
      }),
      { numRuns: 2000 },
    )
  })
})

describe('formatViPercent / formatViPerMille / formatViAmount', () => {
  it('formats percentages without a space', () => {
    expect(formatViPercent(99.64)).toBe('99,64%')
    expect(formatViPercent(100)).toBe('100%')
    expect(formatViPercent(-0)).toBe('0%')
    expect(formatViPercent(12.3456, 1)).toBe('12,3%')
  })

  it('formats per-mille without a space', () => {
    expect(formatViPerMille(7.9)).toBe('7,9‰')
    expect(formatViPerMille(-1.25, 1)).toBe('-1,3‰')
  })

  it('formats amounts with their unit', () => {
    expect(formatViAmount(1448.5, 'tấn')).toBe('1.448,5 tấn')
    expect(formatViAmount(6830000000, 'đồng')).toBe('6.830.000.000 đồng')
    expect(formatViAmount(99.64, '%')).toBe('99,64%')
    expect(formatViAmount(7.9, '‰')).toBe('7,9‰')
    expect(formatViAmount(7.9, ' ‰ ')).toBe('7,9‰')
    expect(formatViAmount(12, '')).toBe('12')
    expect(formatViAmount(2.345678, 'ha', 3)).toBe('2,346 ha')
    expect(formatViAmount(-0, 'hộ')).toBe('0 hộ')
  })
})
