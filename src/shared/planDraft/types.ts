// A plan drafted from the plan's own document (issue 13): every drafted item keeps the span of text
// it was read from, how sure the reading is, and why not when it is not. Shared by the extractor
// (./extract.ts), the server route that reads the uploaded document, and the officer's review
// screen, which shows the document beside the draft and builds the plan from what was accepted.
import type { Field, Indicator, Phase } from '../model'
import type { ValidationIssue } from '../validation'

export const PLAN_DRAFT_FORMAT = 'thi-dua.plan-draft/1'

/** The largest document the server reads: a plan is tens of pages. */
export const PLAN_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024

/** Where in `PlanDraft.text` an item was read: UTF-16 offsets, `end` exclusive. */
export interface SourceSpan {
  start: number
  end: number
}

export type Confidence = 'high' | 'medium' | 'low'

/** One drafted item and where it came from. */
export interface Drafted<T> {
  /** Stable within one draft: `header.title`, `phase.0`, `field.3`, `indicator.17`. */
  id: string
  value: T
  source: SourceSpan
  confidence: Confidence
  /** Why the reading is uncertain, in Vietnamese ("13.345 có thể là 13345 hoặc 13,345"). */
  reasons: string[]
  /** The officer must decide: an ambiguous item is never taken silently. */
  ambiguous: boolean
  /** For an ambiguous reading, the other readings the officer may choose instead of `value`. */
  alternatives?: T[]
}

export interface PlanDraftHeader {
  /** Số hiệu văn bản, `71/KH-UBND`. */
  number?: Drafted<string>
  /** ISO date. */
  issuedOn?: Drafted<string>
  /** The commune's name as the document writes it ("xã Phổ Thuận"). */
  commune?: Drafted<string>
  year?: Drafted<number>
  title?: Drafted<string>
  theme?: Drafted<string>
  signedBy?: Drafted<string>
}

export interface PlanDraft {
  format: typeof PLAN_DRAFT_FORMAT
  /** The document's text as read (normalised: joined lines, no page numbers); spans point into it. */
  text: string
  header: PlanDraftHeader
  movements: Drafted<string>[]
  phases: Drafted<Phase>[]
  fields: Drafted<Field>[]
  /** Each with its target (if any), unit of measure, aggregation, parts and formula. */
  indicators: Drafted<Indicator>[]
  /** The plan's own checks (shared/validation.ts) on the draft with every item taken. */
  issues: ValidationIssue[]
  /** Nothing in the text reads as a target: the document is probably not a plan. */
  noTargets: boolean
}

/** What reading an uploaded document gave: the kind of document, and the draft. */
export interface PlanDraftResponse {
  source: 'docx' | 'pdf' | 'text'
  draft: PlanDraft
  /** Notes for the officer, Vietnamese: "PDF không có lớp chữ…", "đã bỏ số trang". */
  notes: string[]
}
