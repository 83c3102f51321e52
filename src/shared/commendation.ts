// Bình xét, khen thưởng (issue 15, items 3–4; Law 06/2022/QH15, decree 98/2023/NĐ-CP): each
// title's criteria as data, whether a registered line (a unit's collective title, or a person's
// or household's title) qualifies at the year's end, the council's decision on it, and the award
// decision (số, ngày, người ký) that the achievement record cites. Pure: the registration's
// timestamps, the deadline, the unit's results and ranking and the council's criterion are all
// arguments; the same call gives the same answer on the server and in a test.
import * as v from 'valibot'
import { CodeSchema, IsoDateSchema } from './model'
import type { RegistrationTitle, TitleScope } from './registration'
import { vietnamDate } from './periods'
import { TextSchema } from './text'

// ---------------------------------------------------------------------------
// Criteria

/**
 * What a title asks of a line before the council may approve it. The targets, score and rank
 * criteria judge a unit's results, so they apply to collective titles only; a person's or a
 * household's title is judged on its registration and the council's criterion.
 */
export const TitleCriteriaSchema = v.object({
  /** Registered (first sent) by the year's deadline: “không đăng ký thi đua thì không xét”. */
  onTime: v.boolean(),
  /** The least share (0…1) of the targets the unit is judged on that it met (đạt or vượt); null: not asked. */
  minAchievedShare: v.nullable(v.pipe(v.number('tỷ lệ chỉ tiêu phải là một số'), v.minValue(0, 'tỷ lệ chỉ tiêu từ 0 đến 100%'), v.maxValue(1, 'tỷ lệ chỉ tiêu từ 0 đến 100%'))),
  /** The least total score of the ranking (needs the plan's scoring table); null: not asked. */
  minScore: v.nullable(v.pipe(v.number('điểm tối thiểu phải là một số'), v.finite('điểm tối thiểu không hợp lệ'), v.minValue(0, 'điểm tối thiểu không được âm'), v.maxValue(100_000, 'điểm tối thiểu quá lớn'))),
  /** The worst rank that still qualifies (1: first only); null: not asked. */
  maxRank: v.nullable(v.pipe(v.number('thứ hạng phải là một số'), v.integer('thứ hạng phải là số nguyên'), v.minValue(1, 'thứ hạng từ 1 trở lên'), v.maxValue(10_000, 'thứ hạng quá lớn'))),
  /** The criterion the council judges and records by hand, in its words; null: none. */
  council: v.nullable(v.pipe(TextSchema, v.trim(), v.minLength(1, 'tiêu chuẩn của hội đồng không được để trống'), v.maxLength(500, 'tiêu chuẩn của hội đồng tối đa 500 ký tự'))),
})
export type TitleCriteria = v.InferOutput<typeof TitleCriteriaSchema>

/** A title not among the defaults asks for a registration on time and the council's judgement. */
export const GENERIC_CRITERIA: TitleCriteria = { onTime: true, minAchievedShare: null, minScore: null, maxRank: null, council: 'Đạt tiêu chuẩn của danh hiệu' }

/**
 * The defaults of the commune-level titles (shared/registration.ts DEFAULT_TITLES), from Law
 * 06/2022/QH15 and decree 98/2023/NĐ-CP (individuals and collectives) and decree 86/2023/NĐ-CP
 * (Gia đình văn hóa; Thôn, tổ dân phố văn hóa). Every title needs a registration: a unit or person
 * that did not register is not considered. A commune changes them on the evaluation screen.
 */
export const DEFAULT_CRITERIA: Readonly<Record<string, TitleCriteria>> = {
  LDTT: { onTime: true, minAchievedShare: null, minScore: null, maxRank: null, council: 'Hoàn thành tốt nhiệm vụ trở lên; chấp hành tốt chủ trương, chính sách, pháp luật; tích cực tham gia phong trào thi đua' },
  CSTDCS: { onTime: true, minAchievedShare: null, minScore: null, maxRank: null, council: 'Đạt danh hiệu Lao động tiên tiến; hoàn thành xuất sắc nhiệm vụ; có sáng kiến được công nhận (tối đa 15% số cá nhân đạt Lao động tiên tiến)' },
  TTLDTT: {
    onTime: true,
    minAchievedShare: 1,
    minScore: null,
    maxRank: null,
    council: 'Phong trào thi đua thường xuyên, thiết thực, hiệu quả; trên 50% cá nhân đạt Lao động tiên tiến; không có cá nhân bị kỷ luật từ cảnh cáo trở lên',
  },
  TDPVH: { onTime: true, minAchievedShare: 1, minScore: null, maxRank: null, council: 'Đạt các tiêu chuẩn Thôn, tổ dân phố văn hóa (Nghị định 86/2023/NĐ-CP)' },
  GDVH: { onTime: true, minAchievedShare: null, minScore: null, maxRank: null, council: 'Đạt các tiêu chuẩn Gia đình văn hóa (Nghị định 86/2023/NĐ-CP)' },
}

/** A title's criteria: the commune's own when it set them, else the default of its code, else the generic one. */
export function criteriaOf(code: string, stored: Readonly<Record<string, TitleCriteria>>): TitleCriteria {
  return stored[code] ?? DEFAULT_CRITERIA[code] ?? GENERIC_CRITERIA
}

// ---------------------------------------------------------------------------
// Qualification

export type CheckKey = 'on_time' | 'targets' | 'score' | 'rank' | 'council'
/** met, unmet, or pending: nothing to judge yet (the council has not recorded its criterion). */
export type CheckState = 'met' | 'unmet' | 'pending'

/** One criterion judged, with what the screen words it by (dates as ISO, shares as 0…1). */
export interface Check {
  key: CheckKey
  state: CheckState
  params: Record<string, string | number>
}

export interface Qualification {
  /** Every criterion met. */
  qualifies: boolean
  checks: Check[]
}

export interface QualificationInput {
  scope: TitleScope
  criteria: TitleCriteria
  /** The registration's deadline (an ISO day in Vietnam); null: none. */
  deadline: string | null
  /** When the registration was first sent (an instant); null: never sent. */
  firstSubmittedAt: string | null
  /** The unit's targets: judged on, and met (results.ts unitTargetTally). */
  targets: { judged: number; achieved: number }
  /** The unit's place in the ranking; null: not ranked (judged on no scored target); undefined: the plan has no scoring table. */
  ranking: { rank: number; total: number } | null | undefined
  /** The council's criterion: met, not met, or not recorded yet (null). */
  councilMet: boolean | null
}


/** Whether a registered line qualifies for its title, criterion by criterion (in the order above). */
export function qualify(input: QualificationInput): Qualification {
  const { criteria: c } = input
  const checks: Check[] = []
  if (c.onTime) {
    const sent = input.firstSubmittedAt === null ? null : vietnamDate(new Date(input.firstSubmittedAt))
    const met = sent !== null && (input.deadline === null || sent <= input.deadline)
    checks.push({ key: 'on_time', state: met ? 'met' : 'unmet', params: { ...(sent ? { sent } : {}), ...(input.deadline ? { deadline: input.deadline } : {}) } })
  }
  if (input.scope === 'collective') {
    if (c.minAchievedShare !== null) {
      const { judged, achieved } = input.targets
      // A unit judged on no target has nothing to show: the share asked for is not reached.
      const met = judged > 0 && achieved >= c.minAchievedShare * judged - 1e-9
      checks.push({ key: 'targets', state: met ? 'met' : 'unmet', params: { achieved, judged, share: c.minAchievedShare } })
    }
    if (c.minScore !== null) {
      const r = input.ranking
      checks.push({ key: 'score', state: r && r.total >= c.minScore ? 'met' : 'unmet', params: { min: c.minScore, ...(r ? { total: r.total } : {}) } })
    }
    if (c.maxRank !== null) {
      const r = input.ranking
      checks.push({ key: 'rank', state: r && r.rank <= c.maxRank ? 'met' : 'unmet', params: { max: c.maxRank, ...(r ? { rank: r.rank } : {}) } })
    }
  }
  if (c.council !== null) {
    checks.push({ key: 'council', state: input.councilMet === null ? 'pending' : input.councilMet ? 'met' : 'unmet', params: { text: c.council } })
  }
  return { qualifies: checks.every((x) => x.state === 'met'), checks }
}

// ---------------------------------------------------------------------------
// Decisions

/** The council's decision on a line: approved (the commune awards it), not approved, or proposed to the level above. */
export const EvaluationDecisionSchema = v.picklist(['approved', 'not_approved', 'proposed_upward'], 'quyết định phải là approved, not_approved hoặc proposed_upward')
export type EvaluationDecision = v.InferOutput<typeof EvaluationDecisionSchema>

const Text = (what: string, max: number) => v.pipe(TextSchema, v.trim(), v.maxLength(max, `${what} tối đa ${max} ký tự`))

/** What the officer records for a line: the council's criterion, its decision, the form of award, a note. */
export const EvaluationWriteSchema = v.object({
  title: CodeSchema,
  /** The person's (or household head's) name as registered; absent or null: the unit's collective title. */
  person: v.optional(v.nullable(v.pipe(Text('họ tên', 120), v.minLength(1, 'cần ghi họ tên')))),
  councilMet: v.optional(v.nullable(v.boolean())),
  decision: v.optional(v.nullable(EvaluationDecisionSchema)),
  /** The form of award (“Giấy khen của Chủ tịch UBND xã”); empty: the title itself. */
  award: v.optional(v.nullable(Text('hình thức khen thưởng', 200))),
  note: v.optional(Text('ghi chú', 1000)),
  /** The officer confirms deciding before the year has ended. */
  confirm: v.optional(v.boolean()),
})
export type EvaluationWrite = v.InferOutput<typeof EvaluationWriteSchema>

/** The award decision (quyết định khen thưởng): its number, date and signer. Checked by hand for clear refusals. */
export const AwardDecisionWriteSchema = v.object({
  number: v.optional(Text('số quyết định', 60)),
  signedOn: v.optional(v.union([v.literal(''), IsoDateSchema], 'ngày ký phải có dạng YYYY-MM-DD')),
  signer: v.optional(Text('người ký', 120)),
  /** “Chủ tịch” or “Phó Chủ tịch” (signing for the chairman, KT.). */
  signerTitle: v.optional(v.picklist(['chu_tich', 'pho_chu_tich'], 'chức vụ người ký phải là chu_tich hoặc pho_chu_tich')),
  confirm: v.optional(v.boolean()),
})
export type AwardDecisionWrite = v.InferOutput<typeof AwardDecisionWriteSchema>

/** “12/QĐ-UBND” or “12”: the number as stored, its document code added when only digits were given. */
export function decisionNumber(raw: string, code: 'QĐ' | 'TTr'): string {
  const n = raw.normalize('NFC').trim().replace(/\s+/g, '')
  return /^\d+$/.test(n) ? `${n}/${code}-UBND` : n
}

/** A decision number compared for duplicates: case, spacing, Unicode composition and Đ/D aside. */
export function decisionKey(number: string): string {
  return number.normalize('NFC').replace(/\s+/g, '').toLocaleUpperCase('vi').replace(/Đ/g, 'D')
}

/** The wording of a title's award, when the council set none: “Danh hiệu “Lao động tiên tiến””. */
export function awardText(title: Pick<RegistrationTitle, 'name'>, award: string | null): string {
  return award !== null && award.trim() !== '' ? award : `Danh hiệu “${title.name}”`
}

/** Whether the year (its 31 December, in Vietnam) has ended at `today` (an ISO day in Vietnam). */
export function yearEnded(year: number, today: string): boolean {
  return today > `${year}-12-31`
}

// ---------------------------------------------------------------------------
// What the API answers (routes/commendation.ts)

/** A decision recorded: the award decision a line was awarded by. */
export interface AwardDecisionRef {
  id: number
  number: string
  signedOn: string
}

export interface AwardDecision extends AwardDecisionRef {
  year: number
  signer: string
  signerTitle: 'chu_tich' | 'pho_chu_tich'
  /** The lines it awarded. */
  lines: number
  createdAt: string
}

/** One registered line of a year, with its qualification and the council's evaluation. */
export interface EvaluationLine {
  unit: string
  unitName: string
  title: string
  titleName: string
  scope: TitleScope
  /** The person's (or household head's) name; null: the unit's collective title. */
  person: string | null
  position: string
  registrationStatus: 'draft' | 'submitted' | 'approved' | 'returned'
  firstSubmittedAt: string | null
  qualification: Qualification
  councilMet: boolean | null
  decision: EvaluationDecision | null
  award: string | null
  /** The form of award as the documents print it. */
  awardText: string
  note: string
  awarded: AwardDecisionRef | null
}

export interface TitleCriteriaView {
  code: string
  name: string
  scope: TitleScope
  criteria: TitleCriteria
  /** The commune set them (else the defaults). */
  custom: boolean
}

/** GET /api/communes/:commune/commendation/:year */
export interface EvaluationBoard {
  year: number
  /** Today in Vietnam, and whether the year has ended by it (deciding earlier asks for a confirmation). */
  today: string
  yearEnded: boolean
  deadline: string | null
  /** Whether the plan has a scoring table (the score and rank criteria need one). */
  scoring: boolean
  /** The results the targets criterion judged: approved figures, to the latest period ended. */
  asOf: { period: string; to: string } | null
  titles: TitleCriteriaView[]
  lines: EvaluationLine[]
  decisions: AwardDecision[]
}

/** One title or award in an achievement record. */
export interface AchievementEntry {
  year: number
  unit: string
  unitName: string
  person: string | null
  position: string
  title: string
  titleName: string
  awardText: string
  /** awarded: by the decision cited; proposed_upward: the commune proposed it to the level above. */
  kind: 'awarded' | 'proposed_upward'
  decision: AwardDecisionRef | null
}

/** GET /api/communes/:commune/achievements/units/:unit */
export interface UnitAchievements {
  unit: { code: string; name: string; kind: string }
  /** The unit's own titles and awards, newest year first. */
  entries: AchievementEntry[]
  /** Its people's and households', newest year first. */
  people: AchievementEntry[]
}

/** GET /api/communes/:commune/achievements/people?name= */
export interface PeopleAchievements {
  name: string
  people: { name: string; entries: AchievementEntry[] }[]
}
