// Parsing and formatting of numbers written the Vietnamese way (vi-VN):
// dot groups thousands, comma separates decimals: "1.448,5" is 1448.5.
//
// The parser is deliberately strict. Village heads type figures on phones and
// may use English habits ("1,448.5") or leave a separator ambiguous ("13,345").
// Whenever an input could mean two different numbers it is rejected with a
// message explaining both readings; it never returns a silently wrong number.
//
// Pure TypeScript: no DOM, no Node APIs.

export type NumberParseErrorCode =
  | 'empty'
  | 'not_a_number'
  | 'malformed_grouping'
  | 'ambiguous_separator'
  | 'mixed_separators'
  | 'negative_not_allowed'
  | 'too_many_digits'
  | 'too_many_decimals'
  | 'suffix_not_allowed'

export type NumberSuffix = '' | '%' | '‰'

export type NumberParseResult =
  | { ok: true; value: number; suffix: NumberSuffix }
  | {
      ok: false
      code: NumberParseErrorCode
      /** Vietnamese, shown to the user. */
      message: string
      messageEn: string
      input: string
    }

export type NumberParseError = Extract<NumberParseResult, { ok: false }>

export interface NumberParseOptions {
  /** Accept a leading '-' or '−'. Default false. */
  allowNegative?: boolean
  /** Maximum number of fraction digits (trailing zeros not counted). Default 6. */
  maxFractionDigits?: number
  /** Accept one trailing '%' or '‰' (returned in `suffix`, value unchanged). Default false. */
  allowSuffix?: boolean
}

/** Numbers with more significant digits than this cannot round-trip through a double. */
export const MAX_SIGNIFICANT_DIGITS = 15

const DEFAULT_PARSE_FRACTION_DIGITS = 6
const DEFAULT_FORMAT_FRACTION_DIGITS = 2
/** Upper bound accepted by every Intl implementation for maximumFractionDigits. */
const MAX_FORMAT_FRACTION_DIGITS = 20

// Thousands-grouping spaces accepted: space, NBSP U+00A0, narrow NBSP U+202F, thin space U+2009.
const SUFFIX_RE = /[ \u00A0\u202F\u2009]*([%‰])$/
const ALLOWED_BODY_RE = /^[0-9., \u00A0\u202F\u2009]*$/

// ---------------------------------------------------------------------------
// Error construction
// ---------------------------------------------------------------------------

/** Quote the user's input in messages, shortened so a pasted paragraph stays readable. */
function quote(text: string): string {
  const chars = Array.from(text)
  const shown = chars.length > 24 ? `${chars.slice(0, 23).join('')}…` : text
  return `“${shown}”`
}

function fail(
  input: string,
  code: NumberParseErrorCode,
  message: string,
  messageEn: string,
): NumberParseError {
  return { ok: false, code, message, messageEn, input }
}

function notANumber(input: string, shown: string): NumberParseError {
  return fail(
    input,
    'not_a_number',
    `${quote(shown)} không phải là số hợp lệ. Chỉ dùng chữ số, dấu chấm để phân cách hàng nghìn và dấu phẩy cho phần thập phân, ví dụ 1.448,5.`,
    `${quote(shown)} is not a valid number. Use digits only, dots to group thousands and a comma for decimals, e.g. 1.448,5.`,
  )
}

function malformedGrouping(input: string, shown: string): NumberParseError {
  return fail(
    input,
    'malformed_grouping',
    `${quote(shown)} phân cách hàng nghìn không đúng: nhóm đầu có 1–3 chữ số, các nhóm sau có đúng 3 chữ số, ví dụ 1.448.800. Phần thập phân viết sau dấu phẩy, ví dụ 1.448,5.`,
    `${quote(shown)} has malformed thousands grouping: the first group has 1–3 digits and every following group exactly 3, e.g. 1.448.800. Decimals go after a comma, e.g. 1.448,5.`,
  )
}

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

type Sep = '.' | ',' | ' '

interface Tokens {
  /** Digit runs; always one more than `seps`. */
  runs: string[]
  seps: Sep[]
}

/** Split a body made only of digits and separators into digit runs and separators. */
function tokenize(body: string): Tokens | null {
  const runs: string[] = []
  const seps: Sep[] = []
  let current = ''
  for (const ch of body) {
    if (ch >= '0' && ch <= '9') {
      current += ch
      continue
    }
    if (current === '') return null // separator at the start or right after another one
    runs.push(current)
    current = ''
    seps.push(ch === '.' || ch === ',' ? ch : ' ')
  }
  if (current === '') return null // trailing separator
  runs.push(current)
  return { runs, seps }
}

/** Groups of a grouped integer: first 1–3 digits not starting with 0, then exactly 3 digits. */
function isWellGrouped(runs: readonly string[]): boolean {
  if (runs.length === 1) return true
  return runs.every((run, i) =>
    i === 0 ? run.length >= 1 && run.length <= 3 && run[0] !== '0' : run.length === 3,
  )
}

const allZeros = (digits: string): boolean => /^0+$/.test(digits)

/** "0013345" -> "13.345": digits grouped the Vietnamese way, for suggestions in messages. */
function groupThousands(digits: string): string {
  const stripped = digits.replace(/^0+(?=\d)/, '')
  return stripped.replace(/\B(?=(\d{3})+$)/g, '.')
}

/** How the input is decorated around its digits, so suggestions can be copied as they are. */
interface Affixes {
  sign: string
  suffix: string
}

/** Does the body look like an English number: 1,234,567 or 1,448.5? */
function englishReading(tokens: Tokens, affixes: Affixes): string | null {
  const { runs, seps } = tokens
  const lastSep = seps[seps.length - 1]
  const hasDecimal = lastSep === '.'
  const groupSeps = hasDecimal ? seps.slice(0, -1) : seps
  const groupRuns = hasDecimal ? runs.slice(0, -1) : runs
  if (groupSeps.length === 0 || !groupSeps.every((s) => s === ',')) return null
  if (!isWellGrouped(groupRuns)) return null
  const integer = groupRuns.join('.')
  const number = hasDecimal ? `${integer},${runs[runs.length - 1] ?? ''}` : integer
  return `${affixes.sign}${number}${affixes.suffix}`
}

interface Digits {
  integer: string
  fraction: string
}

/** Interpret a tokenized body. Returns the digit strings or an error. */
function interpret(
  input: string,
  shown: string,
  tokens: Tokens,
  affixes: Affixes,
): Digits | NumberParseError {
  const { runs, seps } = tokens
  const firstComma = seps.indexOf(',')

  if (firstComma !== -1) {
    // Comma is the decimal separator, so nothing may follow its fraction digits.
    if (firstComma !== seps.length - 1) {
      const vi = englishReading(tokens, affixes)
      if (vi !== null) {
        return fail(
          input,
          'mixed_separators',
          `${quote(shown)} đang viết theo kiểu tiếng Anh. Cách viết Việt Nam dùng dấu chấm để phân cách hàng nghìn và dấu phẩy cho phần thập phân: hãy viết ${vi}.`,
          `${quote(shown)} is written the English way. In Vietnamese, dots group thousands and the comma marks decimals: write ${vi}.`,
        )
      }
      if (seps.filter((s) => s === ',').length > 1) {
        return fail(
          input,
          'malformed_grouping',
          `${quote(shown)} có nhiều dấu phẩy. Số chỉ có một dấu phẩy, đặt trước phần thập phân, ví dụ 1.448,5.`,
          `${quote(shown)} has more than one comma. A number has a single comma, before its decimals, e.g. 1.448,5.`,
        )
      }
      return malformedGrouping(input, shown)
    }

    const intRuns = runs.slice(0, -1)
    const intSeps = seps.slice(0, -1)
    const fraction = runs[runs.length - 1] ?? ''
    if (!intSeps.every((s) => s === intSeps[0])) return malformedGrouping(input, shown)
    if (!isWellGrouped(intRuns)) return malformedGrouping(input, shown)

    const integer = intRuns.join('')
    // "13,345" may be 13.345 written the English way. A dot before the comma
    // ("1.448,500") settles it, and so does a zero integer part ("0,345"),
    // which English grouping never produces.
    const ambiguous =
      fraction.length === 3 && !intSeps.includes('.') && !(intRuns.length === 1 && allZeros(integer))
    if (ambiguous) {
      const { sign, suffix } = affixes
      const thousands = `${sign}${groupThousands(integer + fraction)}${suffix}`
      const plain = `${sign}${(integer + fraction).replace(/^0+(?=\d)/, '')}${suffix}`
      const decimal = `${sign}${groupThousands(integer)},${fraction}`
      return fail(
        input,
        'ambiguous_separator',
        `${quote(shown)} chưa rõ: có thể là ${thousands} (số nguyên) hoặc ${decimal}${suffix} (số thập phân). Nếu là số nguyên, hãy viết ${plain} hoặc ${thousands}; nếu là số thập phân, hãy thêm số 0 ở cuối: ${decimal}0${suffix}.`,
        `${quote(shown)} is ambiguous: it may be the whole number ${thousands} or the decimal ${decimal}${suffix}. For the whole number write ${plain} or ${thousands}; for the decimal add a trailing zero: ${decimal}0${suffix}.`,
      )
    }
    return { integer, fraction }
  }

  // No comma. A single dot is a decimal point only where it cannot be a
  // thousands separator: it is the last separator and either is not followed by
  // exactly three digits ("1448.5", "22.10") or follows a zero integer part ("0.345").
  const dotCount = seps.filter((s) => s === '.').length
  const lastRun = runs[runs.length - 1] ?? ''
  const dotIsDecimal =
    dotCount === 1 &&
    seps[seps.length - 1] === '.' &&
    (lastRun.length !== 3 || (runs.length === 2 && allZeros(runs[0] ?? '')))
  if (dotIsDecimal) {
    const intRuns = runs.slice(0, -1)
    if (!isWellGrouped(intRuns)) return malformedGrouping(input, shown)
    return { integer: intRuns.join(''), fraction: lastRun }
  }

  if (seps.length > 0) {
    if (!seps.every((s) => s === seps[0])) {
      return fail(
        input,
        'malformed_grouping',
        `${quote(shown)} dùng lẫn dấu chấm và dấu cách để phân cách hàng nghìn. Hãy dùng một loại, ví dụ 1.448.500.`,
        `${quote(shown)} mixes dots and spaces to group thousands. Use one kind, e.g. 1.448.500.`,
      )
    }
    if (!isWellGrouped(runs)) return malformedGrouping(input, shown)
  }
  return { integer: runs.join(''), fraction: '' }
}

function explainUntokenizable(input: string, shown: string, body: string): NumberParseError {
  const first = body[0]
  if (first === ',' || first === '.') {
    const digits = body.slice(1)
    const hint = /^[0-9]+$/.test(digits) ? ` Hãy viết 0,${digits}.` : ''
    const hintEn = /^[0-9]+$/.test(digits) ? ` Write 0,${digits}.` : ''
    return fail(
      input,
      'not_a_number',
      `${quote(shown)} thiếu phần nguyên trước dấu “${first}”.${hint}`,
      `${quote(shown)} is missing the whole-number part before “${first}”.${hintEn}`,
    )
  }
  const last = body[body.length - 1]
  if (last === ',' || last === '.') {
    return fail(
      input,
      'not_a_number',
      `${quote(shown)} chưa hoàn chỉnh: thiếu chữ số sau dấu “${last}”.`,
      `${quote(shown)} is incomplete: digits are missing after “${last}”.`,
    )
  }
  if (/[., \u00A0\u202F\u2009]{2}/.test(body)) {
    return fail(
      input,
      'not_a_number',
      `${quote(shown)} có hai dấu phân cách liền nhau. Viết số như 1.448,5 hoặc 1 448,5.`,
      `${quote(shown)} has two separators in a row. Write numbers like 1.448,5 or 1 448,5.`,
    )
  }
  return notANumber(input, shown)
}

function checkFractionOption(maxFractionDigits: number, name: string): void {
  if (!Number.isInteger(maxFractionDigits) || maxFractionDigits < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${String(maxFractionDigits)}`)
  }
}

/**
 * Parse a number typed the Vietnamese way ("1.448,5", "1 448,5", "22,1").
 * Ambiguous or malformed input is rejected with a Vietnamese explanation.
 */
export function parseViNumber(input: string, options: NumberParseOptions = {}): NumberParseResult {
  const allowNegative = options.allowNegative ?? false
  const allowSuffix = options.allowSuffix ?? false
  const maxFractionDigits = options.maxFractionDigits ?? DEFAULT_PARSE_FRACTION_DIGITS
  checkFractionOption(maxFractionDigits, 'maxFractionDigits')

  const raw = typeof input === 'string' ? input : ''
  const shown = raw.trim()
  if (shown === '') {
    return fail(raw, 'empty', 'Chưa nhập số.', 'No number was entered.')
  }

  // Optional trailing % or ‰, possibly after a space.
  let text = shown
  let suffix: NumberSuffix = ''
  const suffixMatch = SUFFIX_RE.exec(text)
  if (suffixMatch !== null) {
    suffix = suffixMatch[1] === '%' ? '%' : '‰'
    text = text.slice(0, suffixMatch.index)
  }

  // Optional sign.
  let negative = false
  const sign = text[0]
  if (sign === '+' || sign === '-' || sign === '−') {
    negative = sign !== '+'
    text = text.slice(1)
  }

  if (text === '' || !ALLOWED_BODY_RE.test(text)) return notANumber(raw, shown)
  const tokens = tokenize(text)
  if (tokens === null) return explainUntokenizable(raw, shown, text)

  const digits = interpret(raw, shown, tokens, { sign: negative ? '-' : '', suffix })
  if ('ok' in digits) return digits

  const integer = digits.integer.replace(/^0+/, '')
  const fraction = digits.fraction.replace(/0+$/, '')

  if (fraction.length > maxFractionDigits) {
    return maxFractionDigits === 0
      ? fail(
          raw,
          'too_many_decimals',
          `${quote(shown)} phải là số nguyên, không có phần thập phân.`,
          `${quote(shown)} must be a whole number, without decimals.`,
        )
      : fail(
          raw,
          'too_many_decimals',
          `${quote(shown)} có quá nhiều chữ số thập phân: tối đa ${maxFractionDigits} chữ số sau dấu phẩy.`,
          `${quote(shown)} has too many decimals: at most ${maxFractionDigits} digits after the comma.`,
        )
  }

  const significant =
    integer === '' ? fraction.replace(/^0+/, '').length : integer.length + fraction.length
  if (significant > MAX_SIGNIFICANT_DIGITS) {
    return fail(
      raw,
      'too_many_digits',
      `${quote(shown)} có quá nhiều chữ số (tối đa ${MAX_SIGNIFICANT_DIGITS} chữ số có nghĩa); số dài như vậy không lưu được chính xác.`,
      `${quote(shown)} has too many digits (at most ${MAX_SIGNIFICANT_DIGITS} significant digits); it cannot be stored exactly.`,
    )
  }

  // "-0" is zero, not a negative number: accept it as 0 even without allowNegative.
  if (negative && !allowNegative && (integer !== '' || fraction !== '')) {
    return fail(
      raw,
      'negative_not_allowed',
      `${quote(shown)} là số âm; ô này không nhận số âm.`,
      `${quote(shown)} is negative; this field does not accept negative numbers.`,
    )
  }

  if (suffix !== '' && !allowSuffix) {
    return fail(
      raw,
      'suffix_not_allowed',
      `Ô này chỉ nhận số, không kèm ký hiệu “${suffix}”. Hãy bỏ “${suffix}” trong ${quote(shown)}.`,
      `This field takes a plain number without “${suffix}”. Remove “${suffix}” from ${quote(shown)}.`,
    )
  }

  // Exact conversion: build a canonical decimal string and let Number() round it once.
  const canonical = `${negative ? '-' : ''}${integer === '' ? '0' : integer}${fraction === '' ? '' : `.${fraction}`}`
  const value = Number(canonical)
  return { ok: true, value: value === 0 ? 0 : value, suffix }
}

// ---------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------

const formatters = new Map<number, Intl.NumberFormat>()

function formatterFor(maxFractionDigits: number): Intl.NumberFormat {
  let formatter = formatters.get(maxFractionDigits)
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat('vi-VN', {
      minimumFractionDigits: 0,
      maximumFractionDigits: maxFractionDigits,
      useGrouping: true,
    })
    formatters.set(maxFractionDigits, formatter)
  }
  return formatter
}

/** Format with Intl 'vi-VN': 1448.5 -> "1.448,5". -0 and values rounding to zero give "0". */
export function formatViNumber(
  value: number,
  maxFractionDigits: number = DEFAULT_FORMAT_FRACTION_DIGITS,
): string {
  if (!Number.isFinite(value)) {
    throw new RangeError(`Cannot format non-finite number ${String(value)}`)
  }
  checkFractionOption(maxFractionDigits, 'maxFractionDigits')
  if (maxFractionDigits > MAX_FORMAT_FRACTION_DIGITS) {
    throw new RangeError(`maxFractionDigits must be at most ${MAX_FORMAT_FRACTION_DIGITS}`)
  }
  const text = formatterFor(maxFractionDigits).format(value === 0 ? 0 : value)
  // A small negative can round to "-0"; never show a signed zero.
  return /^[-−]0(,0*)?$/.test(text) ? text.slice(1) : text
}

/** 99.64 -> "99,64%" (no space, as Vietnamese documents write it). */
export function formatViPercent(valueInPercent: number, maxFractionDigits?: number): string {
  return `${formatViNumber(valueInPercent, maxFractionDigits)}%`
}

/** 7.9 -> "7,9‰". */
export function formatViPerMille(valueInPerMille: number, maxFractionDigits?: number): string {
  return `${formatViNumber(valueInPerMille, maxFractionDigits)}‰`
}

/** (1448.5, 'tấn') -> "1.448,5 tấn"; '%' and '‰' attach without a space. */
export function formatViAmount(value: number, unitOfMeasure: string, maxFractionDigits?: number): string {
  const number = formatViNumber(value, maxFractionDigits)
  const unit = unitOfMeasure.trim()
  if (unit === '') return number
  if (unit === '%' || unit === '‰') return `${number}${unit}`
  return `${number} ${unit}`
}
