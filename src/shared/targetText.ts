// A typed number of a target, shared by the plan screen (client/officer/plan/targetForm.ts, which
// re-exports these) and the XLSX plan template read on the server: vi-VN numbers through
// parseViNumber, a range typed in one box ("90 – 95").
import { fill } from './messages'
import NUMBER_MESSAGES, { type NumberReason } from './numberMessages'
import NUMBER_MESSAGES_EN from './numberMessages.en'
import { parseViNumber, type NumberParseOptions } from './numbers'

const RANGE_RE = /^\s*([+\-−]?[^\-–—]*?[0-9][^\-–—]*?)\s*(?:[-–—]|đến)\s*([+\-−]?.*[0-9].*?)\s*$/

/** "90 - 95", "90 – 95%", "1.448,5 đến 2.000" → its two ends as typed; undefined for one number. */
export function splitRange(text: string): [string, string] | undefined {
  const m = RANGE_RE.exec(text)
  if (!m || !m[1] || !m[2]) return undefined
  return [m[1].trim(), m[2].trim()]
}

export interface NumberRule {
  allowNegative?: boolean
  /** The sign a typed number may end with: the indicator's own % or ‰, or % for a percentage. */
  suffix?: '%' | '‰' | undefined
  optional?: boolean
  integer?: boolean
}

export type Lang = 'vi' | 'en'

const say = (lang: Lang, reason: NumberReason, params?: Record<string, string | number>): { ok: false; message: string } => ({
  ok: false,
  message: fill((lang === 'vi' ? NUMBER_MESSAGES : NUMBER_MESSAGES_EN)[reason], params),
})

/** One typed number: its value, undefined for an empty optional box, or the message to show. */
export function readNumber(text: string, rule: NumberRule, lang: Lang = 'vi'): { ok: true; value: number | undefined } | { ok: false; message: string } {
  if (text.trim() === '') return rule.optional ? { ok: true, value: undefined } : say(lang, 'empty')
  const options: NumberParseOptions = { allowNegative: rule.allowNegative ?? false, allowSuffix: rule.suffix !== undefined, ...(rule.integer ? { maxFractionDigits: 0 } : {}) }
  const r = parseViNumber(text, options)
  if (!r.ok) return say(lang, r.reason, r.params)
  if (r.suffix !== '' && r.suffix !== rule.suffix) return rule.suffix ? say(lang, 'otherSuffix', { unit: rule.suffix, suffix: r.suffix }) : say(lang, 'plainSuffix', { suffix: r.suffix })
  return { ok: true, value: r.value }
}

