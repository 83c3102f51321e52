// What the entry screen shows for one (unit, period), read from IndexedDB in one liveQuery and
// then worked out with the shared pure functions: the unit's indicators grouped by field, each
// with its current value, the previous period's, the year to date, the target's verdict, the
// unit's own history and the other units' figures (for plausibility warnings) and the relations
// between the figures. A figure of an earlier plan year counts (previous period, prefill, history)
// only where that year's plan holds the same indicator (shared/sameIndicator).
import type { Field, Indicator, Plan, Target, ValueData } from '../../../shared/model'
import { isComputed, resolveComputed, unitToDate, valueNumber, type DatedValue } from '../../../shared/aggregation'
import { evaluateTarget, unitTargetOf, yearFractionOf, type TargetEvaluation } from '../../../shared/targets'
import { checkComputedFigure, checkRelations, plausibilityWarnings, targetFigures, type FigureContext, type ValidationIssue } from '../../../shared/validation'
import { communeRange, type CellRow, type PeriodRow, type ReportRow, type UnitRow } from '../../local/db'
import { readerOf, type Key, type ReadSource, type Reader } from '../../local/reader'
import { mergedValue, periodCells, reportState, type PeriodCells, type SheetCell, type SheetReport } from '../../local/queries'
import { buildFieldTree, type FieldNode } from '../plan/fieldTree'
import { countsAsHistory, type PlansByYear } from '../../../shared/sameIndicator'
import { sameData } from '../../../shared/sameData'

export interface EntryData {
  unit: UnitRow | undefined
  period: PeriodRow | undefined
  plan: Plan | undefined
  /**
   * The plans of the other years with an earlier period of this one's kind, by year, as far as the
   * phone holds them: a figure of such a year counts only for the same indicator of that plan.
   */
  plans: PlansByYear
  /** Every period of the commune. */
  periods: PeriodRow[]
  /** This period's cells, the phone's waiting value over the server's. */
  cells: Map<string, SheetCell>
  report: SheetReport
  /** The unit's stored cells of the other periods: its history (this period's are `cells`). */
  unitCells: CellRow[]
  /** The rejected outbox entry each cell of this period still waits on, by indicator. */
  rejectedSeq: Map<string, number>
  /** This period's cells of the other units of the same kind the phone holds (a reporter's phone: rarely any). */
  peerCells: CellRow[]
}

/**
 * What the entry screen reads besides the period's own cells: the unit, the periods and plans, the
 * unit's figures of the other periods, the other units' of this one, the report. An edit on the
 * screen touches none of it, so a save does not make its live query run again.
 */
export interface EntryFrame {
  unit: UnitRow | undefined
  period: PeriodRow | undefined
  plan: Plan | undefined
  plans: PlansByYear
  periods: PeriodRow[]
  /** The unit's stored cells of every other period: its history. */
  history: CellRow[]
  peerCells: CellRow[]
  report: ReportRow | undefined
}

/** One read of everything the screen needs; wrap it in liveQuery, or read its two halves apart (EntryPage). */
export async function loadEntry(source: ReadSource, commune: string, unit: string, period: string): Promise<EntryData> {
  const [frame, cells] = await Promise.all([loadEntryFrame(source, commune, unit, period), periodCells(source, commune, unit, period)])
  return entryData(frame, cells)
}

/** The screen's data from its two reads. */
export function entryData(frame: EntryFrame, { cells, rejectedSeq }: PeriodCells): EntryData {
  const filled = [...cells.values()].filter((c) => c.value !== null).length
  const { unit, period, plan, plans, periods, history, peerCells } = frame
  return { unit, period, plan, plans, periods, cells, report: reportState(frame.report, period, filled), unitCells: history, rejectedSeq, peerCells }
}

/** The frame of one (unit, period): wrap it in liveQuery apart from periodCells. */
export async function loadEntryFrame(source: ReadSource, commune: string, unit: string, period: string): Promise<EntryFrame> {
  const r = readerOf(source)
  // Every period of the unit but this one: the primary key's ranges below and above it, read apart
  // so that the live query observes those two ranges only (inAnyRange would observe the span).
  const cellsBetween = (from: Key, to: Key) => r.between('cells', '[commune+unit+period+indicator]', from, to, true)
  // Two rounds of reads: what the keys name, then what the unit, the period and the periods tell.
  const [units, periodRow, periods, before, after, report] = await Promise.all([
    r.between('units', '[commune+code]', ...communeRange(commune)),
    r.get('periods', [commune, period]),
    r.between('periods', '[commune+code]', ...communeRange(commune)),
    cellsBetween([commune, unit], [commune, unit, period]),
    cellsBetween([commune, unit, period, []], [commune, unit, []]),
    r.get('reports', [commune, unit, period]),
  ])
  const unitRow = units.find((u) => u.code === unit)
  const [planRow, plans, peerCells] = await Promise.all([
    periodRow ? r.get('plans', [commune, periodRow.year]) : undefined,
    periodRow ? earlierPlans(r, commune, periodRow, periods) : new Map<number, Plan>(),
    otherUnitsCells(r, commune, unitRow, units, period),
  ])
  return { unit: unitRow, period: periodRow, plan: planRow?.plan, plans, periods, history: [...before, ...after], peerCells, report }
}

/** The plans of the other years that have an earlier period of the same kind. */
async function earlierPlans(r: Reader, commune: string, period: PeriodRow, periods: PeriodRow[]): Promise<Map<number, Plan>> {
  const years = [...new Set(periods.filter((p) => p.kind === period.kind && p.to < period.to && p.year !== period.year).map((p) => p.year))]
  const rows = await Promise.all(years.map((y) => r.get('plans', [commune, y])))
  return new Map(rows.flatMap((row) => (row ? [[row.year, row.plan] as const] : [])))
}

/** This period's cells of the commune's other active units of the unit's kind (the units come in key order). */
function otherUnitsCells(r: Reader, commune: string, unit: UnitRow | undefined, units: readonly UnitRow[], period: string): Promise<CellRow[]> {
  if (!unit) return Promise.resolve([])
  const peers = units.filter((u) => u.kind === unit.kind && u.code !== unit.code && u.active).map((u) => [commune, u.code, period])
  return r.anyOf('cells', '[commune+unit+period]', peers)
}

export type InputKind = 'number' | 'ratio' | 'yes_no' | 'computed'

export interface EntryRow {
  indicator: Indicator
  kind: InputKind
  /** A part listed under its whole: indented. */
  sub: boolean
  cell: SheetCell | undefined
  /** What the cell holds now (null: empty). */
  value: ValueData | null
  /** For a computed indicator: its figure from this period's inputs. */
  computed: number | undefined
  /** The same indicator in the previous period of the same kind; undefined when that period's plan holds no such indicator. */
  prev: { period: PeriodRow; value: ValueData | null; figure: number | undefined } | undefined
  /** The year to date (lũy kế), where it differs from this period's figure. */
  ytd: number | undefined
  /** The target this unit is measured against: its own, or a rate's or yes/no's commune target. */
  target: Target | undefined
  evaluation: TargetEvaluation | undefined
  /** What a figure typed here is judged against (the unit's history, its previous figure, the other units). */
  context: FigureContext
  /** Relations between this period's figures that fail, shown on this row. */
  issues: ValidationIssue[]
  /** Plausibility warnings on the stored figure: each asks for a note, none holds the figure back. */
  warnings: ValidationIssue[]
  /** A warning with no note yet: on this cell, or for a computed figure on any of its inputs. */
  needsNote: boolean
  /** A rejected edit of this cell waiting for the user: fixing the value retries it. */
  rejectedSeq: number | undefined
}

export interface EntrySection {
  field: Field
  /** 0 for a top field. */
  level: number
  rows: EntryRow[]
}

export interface EntrySheet {
  unit: UnitRow
  period: PeriodRow
  plan: Plan
  sections: EntrySection[]
  rows: EntryRow[]
  /** Rows the user types in. */
  enterable: EntryRow[]
  previousPeriod: PeriodRow | undefined
  issues: ValidationIssue[]
}

export function inputKind(i: Indicator): InputKind {
  if (isComputed(i)) return 'computed'
  return i.aggregation === 'rate' ? 'ratio' : i.aggregation === 'yes_no' ? 'yes_no' : 'number'
}

/** The number a value stands for in its indicator's unit (a rate scaled to % or ‰); undefined for yes/no. */
export function figureOf(v: ValueData | null | undefined, ind: Pick<Indicator, 'scale'>): number | undefined {
  return v ? valueNumber(v, ind.scale ?? 100) : undefined
}

function safeToDate(ind: Indicator, series: DatedValue[], upTo: string): ValueData | undefined {
  try {
    return unitToDate(ind.aggregation, series, upTo)
  } catch {
    return undefined // a value of the wrong shape (the plan changed): no year-to-date figure
  }
}

export function buildSheet(data: EntryData): EntrySheet | undefined {
  const { unit, period, plan } = data
  if (!unit || !period || !plan) return undefined
  const assigned = plan.indicators.filter((i) => i.reporters.kinds.includes(unit.kind) || i.reporters.units.includes(unit.code))
  const typed = assigned.filter((i) => !isComputed(i))

  // The unit's values by period, the current one from the sheet (same merge: local over server).
  const byPeriod = new Map<string, Map<string, ValueData | null>>()
  for (const c of data.unitCells) {
    let m = byPeriod.get(c.period)
    if (!m) byPeriod.set(c.period, (m = new Map()))
    m.set(c.indicator, mergedValue(c).value)
  }
  const current = new Map([...data.cells].map(([code, c]) => [code, c.value]))
  byPeriod.set(period.code, current)
  const valueAt = (p: string, code: string): ValueData | null => byPeriod.get(p)?.get(code) ?? null
  const figuresOf = (values: (i: Indicator) => ValueData | null | undefined): Map<string, number> => {
    const known = new Map<string, number>()
    for (const i of typed) {
      const f = figureOf(values(i), i)
      if (f !== undefined) known.set(i.code, f)
    }
    return resolveComputed(assigned, known)
  }

  const sameKind = data.periods.filter((p) => p.kind === period.kind).sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0)) // ISO dates: no collator on the first screen's path
  const earlier = sameKind.filter((p) => p.to < period.to)
  const previousPeriod = earlier.at(-1)
  // A figure of another year is this indicator's only when that year's plan holds the same one.
  const comparable = (i: Indicator, p: PeriodRow): boolean => countsAsHistory(data.plans, period.year, i, p.year)
  const toDate = sameKind.filter((p) => p.year === period.year && p.to <= period.to)
  const showYtd = period.kind !== 'year' && toDate.length > 1

  const now = figuresOf((i) => current.get(i.code))
  const before = previousPeriod ? figuresOf((i) => (comparable(i, previousPeriod) ? valueAt(previousPeriod.code, i.code) : null)) : new Map<string, number>()
  const ytdValues = new Map<string, ValueData | undefined>()
  for (const i of typed) {
    const series = toDate.flatMap((p) => {
      const v = valueAt(p.code, i.code)
      return v ? [{ to: p.to, data: v }] : []
    })
    ytdValues.set(i.code, safeToDate(i, series, period.to))
  }
  const ytd = figuresOf((i) => ytdValues.get(i.code))
  const issues = checkRelations(assigned, plan.rules, now, 'value')
  const peers = new Map<string, number[]>()
  for (const c of data.peerCells) {
    const ind = typed.find((i) => i.code === c.indicator)
    const f = ind ? figureOf(mergedValue(c).value, ind) : undefined
    if (f !== undefined) peers.set(c.indicator, [...(peers.get(c.indicator) ?? []), f])
  }
  const inputTargets = targetFigures(plan)
  const nameOf = (code: string): string => plan.indicators.find((i) => i.code === code)?.name ?? code
  const noted = (code: string): boolean => (data.cells.get(code)?.note ?? '') !== ''
  const yearFraction = yearFractionOf(period)

  const rowOf = (indicator: Indicator, sub: boolean): EntryRow => {
    const kind = inputKind(indicator)
    const code = indicator.code
    const target = unitTargetOf(indicator, unit.code)?.target
    let evaluation: TargetEvaluation | undefined
    if (target) {
      const soFar = kind === 'computed' ? undefined : ytdValues.get(code)
      const actual = soFar?.kind === 'yes_no' ? { achieved: soFar.achieved } : { value: kind === 'computed' ? ytd.get(code) : figureOf(soFar, indicator) }
      evaluation = evaluateTarget(target, actual, { aggregation: indicator.aggregation, yearFraction })
    }
    const history = earlier.flatMap((p) => {
      const f = comparable(indicator, p) ? figureOf(valueAt(p.code, code), indicator) : undefined
      return f === undefined ? [] : [f]
    })
    // The previous period's figure, where it is this indicator's (a computed one's inputs may be, it not).
    const prevOk = previousPeriod !== undefined && comparable(indicator, previousPeriod)
    const context: FigureContext = { history, previous: prevOk ? before.get(code) : undefined, peers: peers.get(code) ?? [] }
    let warnings: ValidationIssue[] = []
    if (kind === 'computed') {
      const w = checkComputedFigure(indicator, now, { inputTargets, nameOf })
      if (w) warnings = [w]
    } else {
      const figure = now.get(code)
      if (figure !== undefined) warnings = plausibilityWarnings(indicator, figure, context)
    }
    const needsNote = warnings.length > 0 && !(kind === 'computed' ? (warnings[0]?.refs ?? []).some(noted) : noted(code))
    return {
      indicator,
      kind,
      sub,
      cell: data.cells.get(code),
      value: kind === 'computed' ? null : (current.get(code) ?? null),
      computed: kind === 'computed' ? now.get(code) : undefined,
      prev: prevOk ? { period: previousPeriod, value: valueAt(previousPeriod.code, code), figure: before.get(code) } : undefined,
      ytd: showYtd && (indicator.aggregation === 'flow' || kind === 'computed') ? ytd.get(code) : undefined,
      target,
      evaluation,
      context,
      issues: issues.filter((i) => i.refs[0] === code),
      warnings,
      needsNote,
      rejectedSeq: data.rejectedSeq.get(code),
    }
  }

  const sections: EntrySection[] = []
  const visit = (node: FieldNode, level: number): void => {
    const rows = node.indicators.map((r) => rowOf(r.indicator, r.sub))
    if (rows.length > 0 || hasIndicators(node)) sections.push({ field: node.field, level, rows })
    for (const child of node.children) visit(child, level + 1)
  }
  for (const root of buildFieldTree({ fields: plan.fields, indicators: assigned })) visit(root, 0)
  const rows = sections.flatMap((s) => s.rows)
  return { unit, period, plan, sections, rows, enterable: rows.filter((r) => r.kind !== 'computed'), previousPeriod, issues }
}

function hasIndicators(node: FieldNode): boolean {
  return node.indicators.length > 0 || node.children.some(hasIndicators)
}

/** A row is filled when its cell holds a value. */
export const isFilled = (row: Pick<EntryRow, 'value'>): boolean => row.value !== null

/**
 * The sheet with each row that says the same as in `previous` replaced by that earlier object, so
 * that a save re-renders the rows it changed (its own, the computed ones and those its relations
 * touch) and Vue skips the others: their `row` prop is the same object as before.
 */
export function keepUnchangedRows(next: EntrySheet, previous: EntrySheet | undefined): EntrySheet {
  if (!previous) return next
  const before = new Map(previous.rows.map((r) => [r.indicator.code, r]))
  const keep = (r: EntryRow): EntryRow => {
    const old = before.get(r.indicator.code)
    return old && sameData(old, r) ? old : r
  }
  const sections = next.sections.map((s) => ({ ...s, rows: s.rows.map(keep) }))
  const rows = sections.flatMap((s) => s.rows)
  return { ...next, sections, rows, enterable: rows.filter((r) => r.kind !== 'computed') }
}

