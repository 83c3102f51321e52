// Plans in and out as files: what the import of a plan file (JSON `thi-dua.plan/1` or the XLSX
// template) answers before anything is written, and after. Shared by the server that reads the file
// and the plan screen that shows the preview.
import type { Period, Plan, Unit } from './model'
import type { ValidationIssue } from './validation'

/** The version of the XLSX template, written in the workbook and checked on import. */
export const PLAN_XLSX_TEMPLATE = 'thi-dua.plan-xlsx/1'

/** The largest plan file the server reads; real plans are a few hundred kilobytes at most. */
export const PLAN_FILE_MAX_BYTES = 5 * 1024 * 1024

/**
 * One thing wrong with a file, where it is: the sheet, row (1-based, as Excel numbers rows) and
 * column letter of a workbook, or the path in a JSON file. The message is Vietnamese.
 */
export interface PlanFileProblem {
  sheet?: string
  row?: number
  column?: string
  /** JSON: the dotted path (`plan.indicators.3.target.value`); XLSX: absent. */
  path?: string
  message: string
}

/** A plan as read from a file, before it is matched to a commune. */
export interface PlanBundle {
  plan: Plan
  units: Unit[]
  /** Periods of the year beyond its quarters, phases and the year (see PlanFileSchema). */
  periods: Period[]
}

export type PlanFileFormat = 'json' | 'xlsx'

/** What importing a file into a year would do; nothing is written to produce it. */
export interface PlanImportPreview {
  format: PlanFileFormat
  year: number
  /** The plan as it would be written: the file's, moved to `year` when the file is of another year. Null when the file could not be read at all. */
  plan: Plan | null
  /** Units the file names that the commune does not have yet: created by the import. */
  newUnits: Unit[]
  /** Periods the file names that the commune does not have yet: created by the import. */
  newPeriods: Period[]
  /** What stops the import. A file with any problem writes nothing. */
  problems: PlanFileProblem[]
  /** What does not stop it but deserves a look (the plan's own arithmetic, a unit named differently). */
  warnings: PlanFileProblem[]
  /** The plan the year has now: how many indicators, and how many figures were reported against it. */
  existing: { indicators: number; values: number } | null
  /** Notes for the officer, in Vietnamese: the year moved, phases shifted… */
  notes: string[]
}

export interface PlanImportResult {
  year: number
  version: number
  /** Whether the year had no plan before. */
  created: boolean
  unitsCreated: string[]
  periodsCreated: string[]
  issues: ValidationIssue[]
}
