// An equality rule as its form holds it (four text boxes) and the EqualityRule it saves as, checked
// with the shared formula parser against the plan's indicators. Pure.
import { formulaRefs, parseFormula, renderFormula } from '../../../shared/formula'
import type { EqualityRule, Plan } from '../../../shared/model'
import { formatViNumber } from '../../../shared/numbers'
import { CODE_RE } from './indicatorForm'
import type { Say } from './planEdits'

export interface RuleDraft {
  code: string
  left: string
  right: string
  message: string
}

export type RuleErrors = Partial<Record<keyof RuleDraft, string>>
export type RuleResult = { ok: true; value: EqualityRule } | { ok: false; errors: RuleErrors }

/** The bounds of shared/model.ts EqualityRuleSchema, repeated so the chunk carries no valibot. */
export const RULE_LIMITS = { side: 200, message: 300 } as const

export function emptyRuleDraft(): RuleDraft {
  return { code: '', left: '', right: '', message: '' }
}

export function ruleToDraft(r: EqualityRule): RuleDraft {
  return { code: r.code, left: r.left, right: r.right, message: r.message }
}

/** The code a new rule gets when none is typed: QT1, QT2… one past the highest QTn in use. */
export function nextRuleCode(rules: readonly Pick<EqualityRule, 'code'>[]): string {
  let top = 0
  for (const r of rules) {
    const m = /^QT(\d+)$/.exec(r.code)
    if (m) top = Math.max(top, Number(m[1]))
  }
  return `QT${top + 1}`
}

/** What is wrong with one side of a rule (syntax or codes the plan lacks), or undefined. */
export function sideProblem(src: string, known: ReadonlySet<string>, say: Say): string | undefined {
  const text = src.trim()
  if (text === '') return say('planSetup.rules.required')
  if (text.length > RULE_LIMITS.side) return say('planSetup.rules.tooLong', { max: RULE_LIMITS.side })
  const parsed = parseFormula(text)
  if (!parsed.ok) {
    // The tokenizer points at the blanks before a bad character; count from the character itself.
    const rest = text.slice(parsed.at)
    const at = parsed.at + rest.length - rest.trimStart().length
    return say('planSetup.rules.syntax', { at: at + 1, message: parsed.message })
  }
  const unknown = formulaRefs(parsed.expr).filter((c) => !known.has(c))
  return unknown.length > 0 ? say('planSetup.rules.unknown', { codes: unknown.join(', ') }) : undefined
}

/** Codes a rule reads that the plan has no indicator for (nothing when a side does not parse). */
export function unknownCodes(rule: Pick<EqualityRule, 'left' | 'right'>, plan: Pick<Plan, 'indicators'>): string[] {
  const known = new Set(plan.indicators.map((i) => i.code))
  const out: string[] = []
  for (const side of [rule.left, rule.right]) {
    const parsed = parseFormula(side)
    if (parsed.ok) for (const c of formulaRefs(parsed.expr)) if (!known.has(c) && !out.includes(c)) out.push(c)
  }
  return out
}

/** A side written with the indicators' names, `Thu ngân sách (NS_THU) + …`; undefined when it does not parse. */
export function readableSide(src: string, plan: Pick<Plan, 'indicators'>): string | undefined {
  const parsed = parseFormula(src)
  if (!parsed.ok) return undefined
  const names = new Map(plan.indicators.map((i) => [i.code, i.name]))
  return renderFormula(parsed.expr, (c) => (names.has(c) ? `${names.get(c)} (${c})` : c), (x) => formatViNumber(x, 4))
}

/**
 * The rule a draft describes, or what is wrong with it, by box. `editing` is the code of the rule
 * being changed (undefined for a new one); an empty code becomes the next QTn.
 */
export function draftToRule(d: RuleDraft, plan: Pick<Plan, 'indicators' | 'rules'>, editing: string | undefined, say: Say): RuleResult {
  const errors: RuleErrors = {}
  const typed = d.code.trim()
  const code = typed === '' ? nextRuleCode(plan.rules) : typed
  if (!CODE_RE.test(code)) errors.code = say('planSetup.rules.codeBad')
  else if (code !== editing && plan.rules.some((r) => r.code === code)) errors.code = say('planSetup.rules.codeTaken', { code })
  const known = new Set(plan.indicators.map((i) => i.code))
  const left = sideProblem(d.left, known, say)
  const right = sideProblem(d.right, known, say)
  if (left !== undefined) errors.left = left
  if (right !== undefined) errors.right = right
  const message = d.message.trim()
  if (message === '') errors.message = say('planSetup.rules.messageRequired')
  else if (message.length > RULE_LIMITS.message) errors.message = say('planSetup.rules.tooLong', { max: RULE_LIMITS.message })
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, value: { code, left: d.left.trim(), right: d.right.trim(), message } }
}
