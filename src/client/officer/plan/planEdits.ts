// Changes made to the plan as the server has it now: its header, its fields, its equality rules.
// Each returns the whole plan to PUT back (indicators untouched), or throws PlanRefusal with the
// reason. Pure.
import type { EqualityRule, Field, Phase, Plan } from '../../../shared/model'
import { fieldAndDescendants } from './fieldOrder'
import { unknownCodes } from './ruleForm'
import { PlanRefusal } from './save'
import type { Translate } from '../../modules/i18n'

export interface PlanHeader {
  number?: string
  issuedOn?: string
  title: string
  theme?: string
  movements: string[]
  signedBy?: string
  phases: Phase[]
}

/** What the indicator editor is open on: an indicator's code, or a new one in a field. */
export type Editing = { code: string } | { field: string } | null

/** Translates a refusal: (key, params) → message, the screen's `t`. */
export type Say = Translate

/** The plan with its header replaced; an optional part left empty is removed. */
export function withHeader(plan: Plan, header: PlanHeader): Plan {
  const { number: _n, issuedOn: _i, theme: _t, signedBy: _s, ...rest } = plan
  return { ...rest, ...header }
}

/** A new plan of `year` with this header and nothing else yet. */
export function newPlan(year: number, header: PlanHeader): Plan {
  return { year, ...header, fields: [], indicators: [], rules: [] }
}

export function addField(plan: Plan, field: Field, say: Say): Plan {
  if (plan.fields.some((f) => f.code === field.code)) throw new PlanRefusal(say('planSetup.fields.codeTaken', { code: field.code }))
  return { ...plan, fields: [...plan.fields, field] }
}

/** Renames a field or moves it under another (never under itself or its own sub-fields). */
export function updateField(plan: Plan, field: Field, say: Say): Plan {
  if (!plan.fields.some((f) => f.code === field.code)) throw new PlanRefusal(say('planSetup.fields.gone', { code: field.code }))
  if (field.parent !== undefined && fieldAndDescendants(plan.fields, field.code).has(field.parent)) {
    throw new PlanRefusal(say('planSetup.fields.loop', { name: field.name }))
  }
  return { ...plan, fields: plan.fields.map((f) => (f.code === field.code ? field : f)) }
}

/** Removes a field that holds no indicator and no sub-field. */
export function removeField(plan: Plan, code: string, say: Say): Plan {
  const field = plan.fields.find((f) => f.code === code)
  if (!field) throw new PlanRefusal(say('planSetup.fields.gone', { code }))
  const used = plan.indicators.filter((i) => i.field === code).length
  if (used > 0) throw new PlanRefusal(say('planSetup.fields.inUse', { name: field.name, n: used }))
  if (plan.fields.some((f) => f.parent === code)) throw new PlanRefusal(say('planSetup.fields.hasChildren', { name: field.name }))
  return { ...plan, fields: plan.fields.filter((f) => f.code !== code) }
}

/** Refuses a rule reading an indicator the plan (as the server has it now) does not have. */
function checkRuleCodes(plan: Plan, rule: EqualityRule, say: Say): void {
  const unknown = unknownCodes(rule, plan)
  if (unknown.length > 0) throw new PlanRefusal(say('planSetup.rules.unknownInPlan', { code: rule.code, codes: unknown.join(', ') }))
}

export function addRule(plan: Plan, rule: EqualityRule, say: Say): Plan {
  if (plan.rules.some((r) => r.code === rule.code)) throw new PlanRefusal(say('planSetup.rules.codeTaken', { code: rule.code }))
  checkRuleCodes(plan, rule, say)
  return { ...plan, rules: [...plan.rules, rule] }
}

/** Replaces the rule `code` with `rule`, which may carry a new code (not one another rule has). */
export function updateRule(plan: Plan, code: string, rule: EqualityRule, say: Say): Plan {
  if (!plan.rules.some((r) => r.code === code)) throw new PlanRefusal(say('planSetup.rules.gone', { code }))
  if (rule.code !== code && plan.rules.some((r) => r.code === rule.code)) throw new PlanRefusal(say('planSetup.rules.codeTaken', { code: rule.code }))
  checkRuleCodes(plan, rule, say)
  return { ...plan, rules: plan.rules.map((r) => (r.code === code ? rule : r)) }
}

export function removeRule(plan: Plan, code: string, say: Say): Plan {
  if (!plan.rules.some((r) => r.code === code)) throw new PlanRefusal(say('planSetup.rules.gone', { code }))
  return { ...plan, rules: plan.rules.filter((r) => r.code !== code) }
}
