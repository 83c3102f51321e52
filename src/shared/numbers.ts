// Parsing and formatting of numbers written the Vietnamese way (vi-VN):
// dot groups thousands, comma separates decimals: "1.448,5" is 1448.5.
//
// The parser is deliberately strict. Village heads type figures on phones and
// may use English habits ("1,448.5") or leave a separator ambiguous ("13,345").
// Whenever an input could mean two different numbers it is rejected with a
// message explaining both readings; it never returns a silently wrong number.
//
// Pure TypeScript: no DOM, no Node APIs. A refusal carries its wording's key and parameters
// (numberMessages.ts) and the Vietnamese filled in: the client words it in its user's language.
import { fill } from './messages'
import NUMBER_MESSAGES, { type NumberReason } from './numberMessages'

export type { NumberReason }

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
      /** The wording (numberMessages.ts) and its parameters, for other languages. */
      reason: NumberReason
      params: Readonly<Record<string, string | number>>
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

function fail(input: string, code: NumberParseErrorCode, reason: NumberReason, shown: string | null, more: Record<string, string | number> = {}): NumberParseError {
  const params = shown === null ? more : { input: quote(shown), ...more }
  return { ok: false, code, message: fill(NUMBER_MESSAGES[reason], params), reason, params, input }
}

function notANumber(input: string, shown: string): NumberParseError {
  return fail(input, 'not_a_number', 'notANumber', shown)
}

function malformedGrouping(input: string, shown: string): NumberParseError {
  return fail(input, 'malformed_grouping', 'malformedGrouping', shown)
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
        return fail(input, 'mixed_separators', 'englishWay', shown, { suggestion: vi })
      }
      if (seps.filter((s) => s === ',').length > 1) {
        return fail(input, 'malformed_grouping', 'manyCommas', shown)
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
      return fail(input, 'ambiguous_separator', 'ambiguous', shown, { thousands, decimal, suffix, plain })
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
      return fail(input, 'malformed_grouping', 'mixedGrouping', shown)
    }
    if (!isWellGrouped(runs)) return malformedGrouping(input, shown)
  }
  return { integer: runs.join(''), fraction: '' }
}

function explainUntokenizable(input: string, shown: string, body: string): NumberParseError {
  const first = body[0]
  if (first === ',' || first === '.') {
    const digits = body.slice(1)
    const hint = /^[0-9]+$/.test(digits)
    return fail(input, 'not_a_number', hint ? 'missingWholeOf' : 'missingWhole', shown, hint ? { separator: first, digits } : { separator: first })
  }
  const last = body[body.length - 1]
  if (last === ',' || last === '.') {
    return fail(input, 'not_a_number', 'incomplete', shown, { separator: last })
  }
  if (/[., \u00A0\u202F\u2009]{2}/.test(body)) {
    return fail(input, 'not_a_number', 'twoSeparators', shown)
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
    return fail(raw, 'empty', 'empty', null)
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
      ? fail(raw, 'too_many_decimals', 'wholeOnly', shown)
      : fail(raw, 'too_many_decimals', 'tooManyDecimals', shown, { max: maxFractionDigits })
  }

  const significant =
    integer === '' ? fraction.replace(/^0+/, '').length : integer.length + fraction.length
  if (significant > MAX_SIGNIFICANT_DIGITS) {
    return fail(raw, 'too_many_digits', 'tooManyDigits', shown, { max: MAX_SIGNIFICANT_DIGITS })
  }

  // "-0" is zero, not a negative number: accept it as 0 even without allowNegative.
  if (negative && !allowNegative && (integer !== '' || fraction !== '')) {
    return fail(raw, 'negative_not_allowed', 'negative', shown)
  }

  if (suffix !== '' && !allowSuffix) {
    return fail(raw, 'suffix_not_allowed', 'suffix', shown, { suffix })
  }

  // Exact conversion: build a canonical decimal string and let Number() round it once.
  const canonical = `${negative ? '-' : ''}${integer === '' ? '0' : integer}${fraction === '' ? '' : `.${fraction}`}`
  const value = Number(canonical)
  return { ok: true, value: value === 0 ? 0 : value, suffix }
}

// ---------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------

/**
 * 'vi-VN' by hand: digits grouped by three with ".", the decimal sign ",", at most
 * `maxFractionDigits` decimals without trailing zeros, "-" for a negative. As Intl does, the
 * double's shortest decimal form (what `String(x)` shows) is rounded, half away from zero, so the
 * text is Intl's (test/shared/numbers.test.ts compares them over random doubles). Intl is not used
 * for it because making a 'vi-VN' NumberFormat takes about 20 ms (80 ms on a slow phone) on the
 * first screen's path.
 */
function formatShortest(value: number, maxFractionDigits: number): string {
  // "4.739765670367645e-4": the shortest digits that read back as the double, and the exponent.
  const [mantissa = '0', exp = '0'] = Math.abs(value).toExponential().split('e')
  const digits = mantissa.replace('.', '')
  const point = Number(exp) + 1 // digits before the decimal point (may be ≤ 0)
  let whole = point > 0 ? digits.slice(0, point).padEnd(point, '0') : '0'
  let fraction = point > 0 ? digits.slice(point) : '0'.repeat(-point) + digits
  if (fraction.length > maxFractionDigits) {
    const up = fraction.charCodeAt(maxFractionDigits) >= 53 // '5'
    fraction = fraction.slice(0, maxFractionDigits)
    if (up) {
      // Add one unit in the last place kept, carrying through the fraction into the whole part.
      const carried = increment(whole + fraction)
      whole = carried.slice(0, carried.length - fraction.length)
      fraction = carried.slice(carried.length - fraction.length)
    }
  }
  const decimals = fraction.replace(/0+$/, '')
  const zero = /^0+$/.test(whole) && decimals === ''
  const grouped = whole.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+$)/g, '.')
  return `${value < 0 && !zero ? '-' : ''}${grouped}${decimals ? `,${decimals}` : ''}`
}

/** "0999" -> "1000": a string of decimal digits plus one, one digit longer on overflow. */
function increment(digits: string): string {
  let i = digits.length - 1
  while (i >= 0 && digits[i] === '9') i--
  if (i < 0) return `1${'0'.repeat(digits.length)}`
  return `${digits.slice(0, i)}${String(Number(digits[i]) + 1)}${'0'.repeat(digits.length - i - 1)}`
}

/** Format the 'vi-VN' way: 1448.5 -> "1.448,5". -0 and values rounding to zero give "0". */
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
  return formatShortest(value, maxFractionDigits)
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
