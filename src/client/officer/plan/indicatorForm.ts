// An indicator as its form holds it (text boxes, choices) and the Indicator it saves as. Pure.
import type { Aggregation, Indicator, Target, UnitKind } from '../../../shared/model'
import { formulaRefs, parseFormula } from '../../../shared/formula'
import { indicatorCodeFromName } from '../../../shared/codes'
import { draftToTarget, targetToDraft, type DraftErrors, type DraftResult, type Lang, type TargetDraft } from './targetForm'

/** The rule of shared/model.ts CodeSchema, repeated here so the chunk carries no valibot. */
export const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/
/** A date as the plan's forms take it (YYYY-MM-DD); the server's IsoDateSchema has the last word. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

export interface UnitTargetDraft {
  unit: string
  target: TargetDraft
}

export interface IndicatorDraft {
  code: string
  name: string
  field: string
  unitOfMeasure: string
  aggregation: Aggregation
  scale: '1' | '100' | '1000'
  proportion: boolean
  target: TargetDraft
  children: string[]
  formula: string
  partOf: string
  reporterKinds: UnitKind[]
  reporterUnits: string[]
  unitTargets: UnitTargetDraft[]
  source: string
}

export function emptyIndicatorDraft(field: string, planYear: number): IndicatorDraft {
  return {
    code: '',
    name: '',
    field,
    unitOfMeasure: '',
    aggregation: 'flow',
    scale: '100',
    proportion: true,
    target: targetToDraft(undefined, planYear - 1),
    children: [],
    formula: '',
    partOf: '',
    reporterKinds: [],
    reporterUnits: [],
    unitTargets: [],
    source: '',
  }
}

export function indicatorToDraft(i: Indicator, planYear: number): IndicatorDraft {
  return {
    code: i.code,
    name: i.name,
    field: i.field,
    unitOfMeasure: i.unitOfMeasure,
    aggregation: i.aggregation,
    scale: String(i.scale ?? 100) as IndicatorDraft['scale'],
    proportion: i.proportion,
    target: targetToDraft(i.target, planYear - 1),
    children: [...(i.children ?? [])],
    formula: i.formula ?? '',
    partOf: i.partOf ?? '',
    reporterKinds: [...i.reporters.kinds],
    reporterUnits: [...i.reporters.units],
    unitTargets: Object.entries(i.unitTargets ?? {}).map(([unit, t]) => ({ unit, target: targetToDraft(t, planYear - 1) })),
    source: i.source ?? '',
  }
}

/**
 * The code offered to a new indicator whose code box is empty: made from its name
 * ("Sản lượng lúa" → SAN_LUONG_LUA), unique among the plan's other indicators; none without a name.
 */
export function suggestedCode(d: Pick<IndicatorDraft, 'code' | 'name'>, existing: Iterable<string>): string | undefined {
  if (d.code.trim() !== '' || d.name.trim() === '') return undefined
  return indicatorCodeFromName(d.name, existing)
}

/** Where a formula goes wrong, for the live check under its box. */
export type FormulaCheck = { ok: true; unknown: string[] } | { ok: false; at: number; message: string }

export function checkFormula(src: string, known: ReadonlySet<string>): FormulaCheck | undefined {
  if (src.trim() === '') return undefined
  const r = parseFormula(src)
  if (!r.ok) return { ok: false, at: r.at, message: r.message }
  return { ok: true, unknown: formulaRefs(r.expr).filter((c) => !known.has(c)) }
}

const MESSAGES = {
  vi: {
    code: 'Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch dưới hoặc gạch ngang, tối đa 40 ký tự.',
    codeTaken: 'Đã có chỉ tiêu mã này.',
    required: 'Không được để trống.',
    reporters: 'Chọn ít nhất một loại đơn vị hoặc một đơn vị báo cáo.',
    formula: (at: number, m: string) => `Công thức sai ở vị trí ${at}: ${m}`,
    unknownRef: (codes: string) => `Công thức dùng chỉ tiêu không có trong kế hoạch: ${codes}`,
    self: 'Chỉ tiêu không thể là thành phần của chính nó.',
    unitTarget: 'Chọn đơn vị.',
    unitTwice: 'Đơn vị này đã có chỉ tiêu riêng ở dòng trên.',
  },
  en: {
    code: 'A code has unaccented letters, digits, dot, underscore or hyphen, at most 40 characters.',
    codeTaken: 'An indicator with this code exists already.',
    required: 'Must not be empty.',
    reporters: 'Choose at least one kind of unit or one reporting unit.',
    formula: (at: number, m: string) => `The formula is wrong at position ${at}: ${m}`,
    unknownRef: (codes: string) => `The formula uses indicators not in the plan: ${codes}`,
    self: 'An indicator cannot be a part of itself.',
    unitTarget: 'Choose a unit.',
    unitTwice: 'This unit already has its own target above.',
  },
} as const

/**
 * The indicator a draft describes, or what is wrong with it, by input (`target.min`,
 * `unitTargets.0.target.value`…). `existing` are the plan's other indicators' codes. A new one
 * with an empty code box gets the code suggested from its name (`suggestedCode`).
 */
export function draftToIndicator(d: IndicatorDraft, existing: ReadonlySet<string>, isNew: boolean, lang: Lang = 'vi'): DraftResult<Indicator> {
  const msg = MESSAGES[lang]
  const errors: DraftErrors = {}
  // A new indicator left without a code takes the one its name suggests.
  const code = d.code.trim() || (isNew ? (suggestedCode(d, existing) ?? '') : '')
  if (!CODE_RE.test(code)) errors.code = msg.code
  else if (isNew && existing.has(code)) errors.code = msg.codeTaken
  const name = d.name.trim()
  const unitOfMeasure = d.unitOfMeasure.trim()
  if (name === '') errors.name = msg.required
  if (unitOfMeasure === '') errors.unitOfMeasure = msg.required
  if (d.field === '') errors.field = msg.required
  if (d.reporterKinds.length + d.reporterUnits.length === 0) errors.reporters = msg.reporters
  const formula = d.formula.trim()
  const known = new Set([...existing, code])
  const fc = checkFormula(formula, known)
  if (fc && !fc.ok) errors.formula = msg.formula(fc.at + 1, fc.message)
  else if (fc && fc.unknown.length > 0) errors.formula = msg.unknownRef(fc.unknown.join(', '))
  if (d.children.includes(code) || d.partOf === code) errors.children = msg.self

  const unit = unitOfMeasure
  const target = draftToTarget(d.target, unit, lang)
  if (!target.ok) for (const [k, m] of Object.entries(target.errors)) errors[`target.${k}`] = m
  const unitTargets: Record<string, Target> = {}
  d.unitTargets.forEach((ut, n) => {
    if (ut.unit === '') errors[`unitTargets.${n}.unit`] = msg.unitTarget
    else if (ut.unit in unitTargets) errors[`unitTargets.${n}.unit`] = msg.unitTwice
    const t = draftToTarget(ut.target, unit, lang)
    if (!t.ok) for (const [k, m] of Object.entries(t.errors)) errors[`unitTargets.${n}.target.${k}`] = m
    else if (t.value !== undefined && ut.unit !== '') unitTargets[ut.unit] = t.value
  })
  if (Object.keys(errors).length > 0 || !target.ok) return { ok: false, errors }

  const rate = d.aggregation === 'rate'
  const source = d.source.trim()
  const indicator: Indicator = {
    code,
    name,
    field: d.field,
    unitOfMeasure,
    aggregation: d.aggregation,
    ...(rate ? { scale: Number(d.scale) as 1 | 100 | 1000 } : {}),
    proportion: rate ? d.proportion : true,
    ...(target.value === undefined ? {} : { target: target.value }),
    ...(d.children.length > 0 ? { children: [...d.children] } : {}),
    ...(formula === '' ? {} : { formula }),
    ...(d.partOf === '' ? {} : { partOf: d.partOf }),
    reporters: { kinds: [...d.reporterKinds], units: [...d.reporterUnits] },
    ...(Object.keys(unitTargets).length > 0 ? { unitTargets } : {}),
    ...(source === '' ? {} : { source }),
  }
  return { ok: true, value: indicator }
}
