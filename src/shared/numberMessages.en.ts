// Why a typed number was refused, in English (numberMessages.ts has the Vietnamese, the source of
// the keys): loaded by the client with its English only.
import type { Translation } from './messages'
import type { NumberMessages } from './numberMessages'

const en: Translation<NumberMessages> = {
  empty: 'No number was entered.',
  notANumber: '{input} is not a valid number. Use digits only, dots to group thousands and a comma for decimals, e.g. 1.448,5.',
  malformedGrouping: '{input} has malformed thousands grouping: the first group has 1–3 digits and every following group exactly 3, e.g. 1.448.800. Decimals go after a comma, e.g. 1.448,5.',
  englishWay: '{input} is written the English way. In Vietnamese, dots group thousands and the comma marks decimals: write {suggestion}.',
  manyCommas: '{input} has more than one comma. A number has a single comma, before its decimals, e.g. 1.448,5.',
  ambiguous: '{input} is ambiguous: it may be the whole number {thousands} or the decimal {decimal}{suffix}. For the whole number write {plain} or {thousands}; for the decimal add a trailing zero: {decimal}0{suffix}.',
  mixedGrouping: '{input} mixes dots and spaces to group thousands. Use one kind, e.g. 1.448.500.',
  missingWhole: '{input} is missing the whole-number part before “{separator}”.',
  missingWholeOf: '{input} is missing the whole-number part before “{separator}”. Write 0,{digits}.',
  incomplete: '{input} is incomplete: digits are missing after “{separator}”.',
  twoSeparators: '{input} has two separators in a row. Write numbers like 1.448,5 or 1 448,5.',
  wholeOnly: '{input} must be a whole number, without decimals.',
  tooManyDecimals: '{input} has too many decimals: at most {max} digits after the comma.',
  tooManyDigits: '{input} has too many digits (at most {max} significant digits); it cannot be stored exactly.',
  negative: '{input} is negative; this field does not accept negative numbers.',
  suffix: 'This field takes a plain number without “{suffix}”. Remove “{suffix}” from {input}.',
  otherSuffix: 'This box is in {unit}, not “{suffix}”.',
  plainSuffix: 'This box is in plain numbers, not “{suffix}”.',
}

export default en
