// The plan text the drafter's genre tests (planDraft.genre*.test.ts) draft: a commune plan's
// sections around the lines a test is about, so that each test writes only its own sentences.
import type { Indicator } from '../../src/shared/model'
import { draftPlan } from '../../src/shared/planDraft/extract'
import type { Drafted, PlanDraft } from '../../src/shared/planDraft/types'

export interface PlanList {
  /** The plan's head: the commune, its number, the date and the title. */
  head: string
  year: number
  /** The targets, one a line ("- " added unless `bare`). */
  items: string[]
  /** What follows the list inside the targets' section. */
  extra?: string
  bare?: boolean
  /** The purpose paragraph before the targets' section. */
  intro?: string
}

/** A plan whose list of targets is `items`, after its purposes and before its duties. */
export function planWithList({ head, year, items, extra = '', bare = false, intro = `Động viên cán bộ và Nhân dân thi đua hoàn thành các chỉ tiêu năm ${year}.` }: PlanList): string {
  return `${head}
I. MỤC ĐÍCH, YÊU CẦU
${intro}
II. NỘI DUNG THI ĐUA VÀ CÁC CHỈ TIÊU CHỦ YẾU
${items.map((i) => (bare ? i : `- ${i}`)).join('\n')}
${extra}
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp kết quả trước ngày 10/12/${year}.
`
}

/** The drafted indicator whose name matches `words`. */
export const named = (d: { indicators: Drafted<Indicator>[] }, words: RegExp): Drafted<Indicator> | undefined => d.indicators.find((i) => words.test(i.value.name))

/** A xã plan's head as the genre tests open it: the committee, the number, the place and date, the title. */
export const planHead = (commune: string, number: string, date: string, year: number): string => `ỦY BAN NHÂN DÂN XÃ ${commune.toUpperCase()}
Số: ${number}/KH-UBND
${commune}, ngày ${date} năm ${year}
KẾ HOẠCH
Phát động phong trào thi đua năm ${year}
`

/** The draft of a plan whose list of targets is `list.items` (planWithList), for the plan's year. */
export const draftList = (list: PlanList): PlanDraft => draftPlan(planWithList(list))

/** The drafted items whose source holds `words`. */
export const bySource = (d: { indicators: Drafted<Indicator>[] }, words: RegExp): Drafted<Indicator>[] => d.indicators.filter((i) => words.test(i.value.source ?? ''))

/** The genre tests' usual draft: a bare list of targets for 2026 under `head`. */
export const listDrafter =
  (head: string): ((items: string[]) => PlanDraft) =>
  (items) =>
    draftList({ head, year: 2026, items, bare: true })
