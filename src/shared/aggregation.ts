// Roll-ups across units and across time (docs/domain.md, "Aggregation" under the nine target kinds). Pure functions of
// their arguments; the result never depends on the order values arrive in.
import type { Aggregation, Indicator, ValueData } from './model'
import { evaluateFormula, parseFormula, type Expr } from './formula'

export type Aggregate =
  | { kind: 'number'; value: number; units: number }
  | { kind: 'ratio'; numerator: number; denominator: number; units: number }
  | { kind: 'yes_no'; achieved: boolean; yes: number; units: number }

/** The value shape an indicator's cells take: a rate keeps numerator and denominator. */
export function valueKindOf(indicator: Pick<Indicator, 'aggregation'>): ValueData['kind'] {
  if (indicator.aggregation === 'rate') return 'ratio'
  if (indicator.aggregation === 'yes_no') return 'yes_no'
  return 'number'
}

/** A unit's figure for one period. `to` is the period's last day (ISO), which orders periods. */
export interface DatedValue {
  to: string
  data: ValueData
}

function expectKind<K extends ValueData['kind']>(data: ValueData, kind: K, aggregation: Aggregation): Extract<ValueData, { kind: K }> {
  if (data.kind !== kind) {
    throw new TypeError(`a ${aggregation} indicator holds ${kind} values, got ${data.kind}`)
  }
  return data as Extract<ValueData, { kind: K }>
}

/**
 * Combines one figure per unit: amounts and counts sum; a rate is Σnumerator ÷ Σdenominator
 * (never the mean of percentages); yes/no holds only when every unit said yes.
 * Returns undefined when no unit has a figure.
 */
export function aggregateUnits(aggregation: Aggregation, values: readonly ValueData[]): Aggregate | undefined {
  if (values.length === 0) return undefined
  switch (aggregation) {
    case 'flow':
    case 'stock':
      return { kind: 'number', value: sumExact(values.map((d) => expectKind(d, 'number', aggregation).value)), units: values.length }
    case 'rate': {
      const ratios = values.map((d) => expectKind(d, 'ratio', aggregation))
      return {
        kind: 'ratio',
        numerator: sumExact(ratios.map((r) => r.numerator)),
        denominator: sumExact(ratios.map((r) => r.denominator)),
        units: values.length,
      }
    }
    case 'yes_no': {
      const yes = values.filter((d) => expectKind(d, 'yes_no', aggregation).achieved).length
      return { kind: 'yes_no', achieved: yes === values.length, yes, units: values.length }
    }
  }
}

/**
 * One unit's figure up to a date: a flow accumulates the year's periods (lũy kế); a stock,
 * a rate or a yes/no takes the latest period that has a figure. `series` holds one
 * period kind of one year; periods ending after `upTo` are ignored.
 */
export function unitToDate(aggregation: Aggregation, series: readonly DatedValue[], upTo: string): ValueData | undefined {
  const inRange = series.filter((s) => s.to <= upTo)
  if (inRange.length === 0) return undefined
  if (aggregation === 'flow') {
    return { kind: 'number', value: sumExact(inRange.map((s) => expectKind(s.data, 'number', aggregation).value)) }
  }
  const dates = new Set(inRange.map((s) => s.to))
  if (dates.size !== inRange.length) throw new RangeError('a unit has two figures for the same period')
  return inRange.reduce((latest, s) => (s.to > latest.to ? s : latest)).data
}

/** The number an aggregate stands for, in the indicator's unit: a rate scaled to % or ‰. */
export function aggregateNumber(agg: Aggregate, scale = 100): number | undefined {
  if (agg.kind === 'number') return agg.value
  if (agg.kind === 'ratio') return agg.denominator === 0 ? undefined : (agg.numerator / agg.denominator) * scale
  return undefined
}

/** The number one cell stands for (a ratio scaled), or undefined for yes/no. */
export function valueNumber(data: ValueData, scale = 100): number | undefined {
  if (data.kind === 'number') return data.value
  if (data.kind === 'ratio') return data.denominator === 0 ? undefined : (data.numerator / data.denominator) * scale
  return undefined
}

/**
 * Sums so that the result does not depend on the order of the terms: each term is split into
 * an integer count of 1e-6 steps where it is one, and summed as a BigInt. Figures with more
 * than six decimals fall back to Neumaier's compensated sum of the sorted terms.
 */
export function sumExact(terms: readonly number[]): number {
  let micros = 0n
  const rest: number[] = []
  for (const t of terms) {
    const scaled = Math.round(t * 1e6)
    if (Number.isSafeInteger(scaled) && Math.abs(scaled / 1e6 - t) <= Number.EPSILON * Math.abs(t)) micros += BigInt(scaled)
    else rest.push(t)
  }
  const exact = Number(micros) / 1e6
  if (rest.length === 0) return exact
  rest.sort((a, b) => a - b)
  let sum = exact
  let c = 0
  for (const t of rest) {
    const s = sum + t
    c += Math.abs(sum) >= Math.abs(t) ? sum - s + t : t - s + sum
    sum = s
  }
  return sum + c
}

type IndicatorShape = Pick<Indicator, 'code' | 'formula' | 'children'>

/** An indicator whose figure is computed (a formula, or the sum of its parts), never typed: one rule, one place. */
export function isComputed(i: Pick<Indicator, 'formula' | 'children'>): boolean {
  return i.formula !== undefined || (i.children?.length ?? 0) > 0
}

/**
 * Fills in the indicators computed from others: a formula, or the sum of children. Works on a
 * unit's own figures and on the commune's roll-up alike, in dependency order. Inputs that
 * are missing leave the computed figure missing. Figures already present are kept.
 */
export function resolveComputed(indicators: readonly IndicatorShape[], known: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map(known)
  const computed = indicators
    .filter(isComputed)
    .map((i) => ({ code: i.code, expr: computedExpr(i) }))
    .filter((c): c is { code: string; expr: Expr } => c.expr !== undefined)
  // Each pass resolves at least one more figure or stops: at most n passes for n indicators.
  for (let pass = 0; pass < computed.length; pass++) {
    let progressed = false
    for (const c of computed) {
      if (out.has(c.code)) continue
      const value = evaluateFormula(c.expr, out)
      if (value !== undefined) {
        out.set(c.code, value)
        progressed = true
      }
    }
    if (!progressed) break
  }
  return out
}

/** The expression that computes an indicator: its formula, else the sum of its children. */
export function computedExpr(indicator: Pick<Indicator, 'formula' | 'children'>): Expr | undefined {
  if (indicator.formula !== undefined) {
    const parsed = parseFormula(indicator.formula)
    return parsed.ok ? parsed.expr : undefined
  }
  const children = indicator.children ?? []
  if (children.length === 0) return undefined
  return children
    .map((code): Expr => ({ kind: 'ref', code }))
    .reduce((left, right) => ({ kind: 'bin', op: '+', left, right }))
}
