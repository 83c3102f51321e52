// Drafting a plan from the plan's own document (issue 13): the document's text in, a PlanDraft
// out, every item with the span it was read from, how sure the reading is, and the other readings
// when it is genuinely ambiguous. Pure: no DOM, no Node, no I/O. How it reads: docs/domain.md,
// "Drafting a plan from its document".
// This file reads the document line by line (draftPlan) and keeps the drafter's exports; the parts
// it calls: sections.ts (headings, the section tree), figures.ts (a line's figures that are targets),
// shape.ts (a figure to an indicator), goals.ts (qualitative goals), guards.ts (what sets no
// target), build.ts (codes and items), fromFound.ts (a line's items and their relations), crops.ts,
// table.ts (tables), passes.ts (passes over every item once read), planFromDraft.ts (the plan).
import * as v from 'valibot'
import { CodeSchema, type Field, type Indicator, IndicatorSchema, PLAN_LIMITS } from '../model'
import { agreesWith, validatePlan } from '../validation'
import { type Line, linesOf, readHeader } from './header'
import {
  DIRECTION_RE,
  ONGOING_RE,
  READINESS_RE,
  describesSetting,
  ALL_UNITS_STATE_RE,
  ATTACHED_RE,
  CORRECTION_RE,
  EACH_UNIT_RE,
  EACH_UNIT_STATE_RE,
  exclaimed,
  GENERIC_GOAL_RE,
  LEVEL_ONLY_NAME_RE,
  MEANS_RE,
  NAMING_HEAD_RE,
  PHASE_SECTION_RE,
  ORG_DUTY_RE,
  NON_TARGET_SECTION_RE,
  QUANTITY_RE,
  reviewsPastYear,
  RESULT_WITHIN_RE,
  SLIDE_MARK_RE,
  SPEAKER_NOTE_RE,
  STATE_GOAL_RE,
  TARGET_LIST_RE,
  unitFamily,
  unitsState,
  withoutClosingMarks,
} from './lexicon'
import { normalizeText } from './normalize'
import { type Drafted, PLAN_DRAFT_FORMAT, type PlanDraft } from './types'
import { bulletHeading, capsHeading, capsTitle, clip, CONTENT_NAME_RE, opensOnField, fieldHeading, fieldNameLine, fieldLabelPart, headingOf, isTitle, partNameHeading, ROOT, type Section, sectionName, slideHeading } from './sections'
import { byline, describesCommune, describingLines, guardedExtent, laterYear, laterYearFigure, markedNoTarget, midYearMilestone, opensOnPastYear, pastResults, pastYearFigure, pastYearTail, periodAims, pointsBack, routineDuty, wholeFraction, withoutChangeOfAll } from './guards'
import { clausesOf, elaborates, goalBody, goalClauses, LABELLED_ALL_UNITS_RE, proseConfidence, REACHED_RE } from './goals'
import { findTargets, type Found } from './figures'
import { draftContext } from './shape'
import { type Built, Codes, comparedToBase, figureOf, NOT_BELOW_RE, noneLeft, notAbove, notBelow, slug, yesNo } from './build'
import { fromFound } from './fromFound'
import { TOPIC_LABEL_RE } from './crops'
import { headingRow, measureColumns, MeasureTable, mergedRow, mergeHeadings, nameCellParts, notePart, planCellRest, readTableRow, sentenceCellRow, statementCell, tableColumns, turnedTable, unitCellOf, unlabelled } from './table'
import { applyCorrections, dropRestatedFigures, dropRestatedGoals, dropRestatedGrowths, dropVillageShares, linkCropRows, mergeRestatedParts, settleAggregations, settleBaselines, sumNearbyTotals } from './passes'
import { planFromDraft } from './planFromDraft'
import { lowerFirst } from './lines'

export { normalizeText } from './normalize'
export { CONTINUATION_RE, sameGoal } from './goals'
export { planFromDraft } from './planFromDraft'

/** "…, toàn xã phấn đấu:", "… để đến cuối năm đạt được:", "… phối hợp các thôn bảo đảm:": a sentence that introduces the targets listed under it. */
/** An item's label naming it as the means ("Giải pháp:", "Biện pháp thực hiện:", "Nhiệm vụ, giải pháp:"), words after it. */
const MEANS_LABEL_RE = /^(?:[-+•*–]\s*)?(?:các\s+)?(?:(?:nhiệm vụ|nội dung),?\s+(?:và\s+)?)?(?:giải pháp|biện pháp)(?:\s+(?:chủ yếu|thực hiện|chính))?\s*:\s*\S/iu
/** A section on scoring the units' emulation ("Tiêu chí và thang điểm chấm thi đua", "Cách chấm điểm"): its points and grades are no targets. */
// ("Tiêu chí bình xét thi đua đối với thôn, bon", "Tiêu chí xét khen thưởng": the bar a unit must
// clear to be rewarded, "từ 80% trở lên số hộ …", no target of the year either.)
const SCORING_SECTION_RE = /(?<![\p{L}])(?:thang điểm|chấm điểm|cách chấm|bảng điểm|(?:tiêu chí|điều kiện)\s+(?:bình xét|xét(?:\s+(?:khen thưởng|thi đua|danh hiệu|công nhận))?|khen thưởng))(?![\p{L}])/iu
/**
 * The minutes of a conference that launched the plan (a "biên bản"): what a delegate says is no
 * target, whatever figure it holds ("- Đồng chí Thạch Sô Phanh, Trưởng ấp Sóc Ruộng: ấp đăng ký …",
 * "Ông Lâm Văn Tư, đại biểu ấp 3: đề nghị nâng …"): a speaker named (capitals), a role after a comma or
 * none, and a colon before the words said.
 */
const SPEECH_RE = /^(?:[-+•*–]\s+)?(?:[Đđ]ồng chí|[Đđ]\/[Cc]|Ông|Bà|ông|bà)\s+\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,5}(?:\s*,[^:;.()]{1,100})?\s*:\s*\S/u
/** The debate's part of the minutes ("3. Ý kiến thảo luận", "Ý kiến phát biểu của đại biểu", "Thảo luận"): the delegates' words. */
const DEBATE_SECTION_RE = /^(?:(?:các\s+)?ý kiến(?:\s+(?:thảo luận|phát biểu|đóng góp|tham gia))?(?:\s+(?:của|tại)\s+(?:các\s+)?(?:đại biểu|hội nghị))?|thảo luận|tham luận|phát biểu(?:\s+(?:thảo luận|của (?:các\s+)?đại biểu))?)\s*:?$/iu
/**
 * "1. Đồng chí Nguyễn Hoàng Phúc, Phó Chủ tịch UBND xã, báo cáo tóm tắt kết quả phong trào thi đua
 * năm 2024: …": an item of the minutes in which an official reports a past year's results is that
 * year's review (reviewsPastYear on what is reported, the words before the colon).
 */
function reportsPastYear(rest: string, year: number | undefined): boolean {
  const m = /^(?:[Đđ]ồng chí|[Đđ]\/[Cc]|Ông|Bà)\s[^:;]{0,120}?(?<![\p{L}])(?:báo cáo|trình bày|thông qua báo cáo|đọc báo cáo)(?:\s+(?:tóm tắt|tổng hợp|khái quát|đánh giá))?\s+(?=\p{L})/u.exec(rest)
  return m !== null && reviewsPastYear(rest.slice(m[0].length).split(':')[0]!, year)
}
/** The conference's own formalities in its minutes: "Hội nghị biểu quyết: 88/88 đại biểu …", "Hội nghị kết thúc lúc 10 giờ 45 phút". */
const FORMALITY_RE = /^(?:[-+•*–]\s+)?hội nghị\s+(?:đã\s+)?(?:biểu quyết|kết thúc|bế mạc|khai mạc|bắt đầu|nhất trí|thống nhất)(?![\p{L}])(?![^:]*:\s*$)/iu
/** "4. Kết luận của đồng chí chủ trì", "Kết luận hội nghị": the conclusion, whose targets adjust the draft's read out before it. */
const CONCLUSION_SECTION_RE = /^kết luận(?![\p{L}])/iu

/** A section named for the means alone ("Nhiệm vụ, giải pháp chủ yếu", "Các giải pháp thực hiện"): how the targets are reached, none of its own. */
const MEANS_SECTION_RE = /^(?:các\s+)?(?:(?:nhiệm vụ|nội dung),?\s+(?:và\s+)?)?(?:giải pháp|biện pháp)(?:\s+(?:chủ yếu|thực hiện|chính|trọng tâm))?\s*:?$/iu
/**
 * "3. Thi đua giữ vững quốc phòng, an ninh, trật tự an toàn xã hội.": "Thi đua" with a verb and the
 * fields it covers, nothing more, names a line of the movement (what it is about), not a result.
 * (So with the place it covers after the fields: "… trật tự an toàn xã hội vùng ven biển", "… trên địa bàn xã".)
 */
const FIELD_TERM = String.raw`(?:kinh tế(?:\s*[-–]\s*xã hội)?|văn hóa|văn hoá|xã hội|quốc phòng|an ninh(?:\s+(?:chính trị|biên giới|quốc gia))?|chủ quyền(?:\s+(?:quốc gia|biên giới|lãnh thổ))?|biên giới(?:\s+quốc gia)?|trật tự(?:,?\s+an toàn xã hội|\s+xã hội)?|an toàn xã hội|nông thôn mới|đô thị văn minh|môi trường|giáo dục|y tế|đảng|chính quyền|hệ thống chính trị|mặt trận|các đoàn thể|đoàn thể)`
const EMULATION_LINE_RE = new RegExp(String.raw`^(?:[-+•*]\s+)?thi đua\s+(?:giữ vững|bảo đảm|đảm bảo|phát triển|xây dựng|bảo vệ)\s+${FIELD_TERM}(?:\s*(?:,|-|–|và|,\s*và)\s*${FIELD_TERM})*(?:\s+(?:vùng|khu vực|trên địa bàn|địa bàn|trên tuyến)(?:\s+\p{L}+){0,4})?\s*[.;]?$`, 'iu')
/** A sentence on how the targets' table is written, a note: its unit ("Đơn vị tính được ghi …", "ĐVT ghi …"), a column ("Cột “…” là / ghi …"), its figures ("Số liệu tại cột …"). */
const TABLE_NOTE_RE = /^(?:[-*]\s+)?(?:(?:đơn vị tính|đvt)(?:\s+(?:của|cho)\s+(?:từng|các|mỗi)\s+chỉ tiêu)?\s+(?:được\s+)?(?:ghi|tính|thể hiện)(?![\p{L}])|(?:các\s+)?cột\s+(?:[“"(]|số\s+\d|\d)[^;.]{0,40}?(?:\s|[”")])(?:là|ghi|được ghi|thể hiện|chỉ)(?![\p{L}])|(?:các\s+)?số liệu\s+(?:ở|tại|trong)\s+(?:cột|bảng)(?![\p{L}]))/iu
/** A sentence announcing the targets that follow: "… thi đua thực hiện các chỉ tiêu chủ yếu sau đây", "… đạt các mục tiêu như sau". */
const ANNOUNCES_TARGETS_RE = /(?<![\p{L}])(?:các|những)\s+(?:chỉ tiêu|mục tiêu|kết quả)(?:\s+[\p{L}]+){0,4}?\s+(?:sau đây|như sau|dưới đây|sau)\s*[.:]?\s*$/iu

/**
 * A sentence on which of the table's columns to follow, anywhere in it ("Xã phấn đấu thực hiện theo
 * cột “Xã phấn đấu”; chỉ tiêu nào để trống thì thực hiện theo mức huyện giao"): how to read the
 * table, when it holds no figure of its own.
 */
const TABLE_READING_RE = /(?<![\p{L}])(?:thực hiện|lấy|tính|áp dụng|đánh giá|theo dõi)\s+theo\s+cột\s+[“"(\p{Lu}]|(?<![\p{L}])(?:ô|cột|chỉ tiêu)(?:\s+nào)?\s+(?:để trống|bỏ trống|không ghi)(?![\p{L}])/iu

/**
 * "3. Thi đua bảo đảm quốc phòng, an ninh, giữ vững chủ quyền, an ninh biên giới; thực hiện …",
 * "Thi đua đẩy mạnh …; bảo đảm quốc phòng, an ninh.": in a sentence that opens on "Thi đua" and its
 * verb (a line of the movement), a clause of such a verb and the fields it covers, nothing more,
 * names what the movement is about, not a result.
 */
const FIELDS_CLAUSE_RE = new RegExp(String.raw`^(?:thi đua\s+)?(?:giữ vững|bảo đảm|đảm bảo|phát triển|xây dựng|bảo vệ)\s+${FIELD_TERM}(?:\s*(?:,|-|–|và|,\s*và)\s*${FIELD_TERM})*$`, 'iu')
function movementFields(line: Line, clause: { text: string; start: number }): boolean {
  if (!FIELDS_CLAUSE_RE.test(withoutClosingMarks(clause.text.trim()))) return false
  // (The sentence's opening is looked for over the 600 characters before the clause: a movement's
  // line is short, and a line of thousands of clauses stays linear.)
  const at = Math.max(0, clause.start - line.start)
  const from = Math.max(0, at - 600)
  const before = line.text.slice(from, at)
  const stops = [...before.matchAll(/[.!?…]\s+(?=\p{Lu})/gu)]
  if (stops.length === 0 && from > 0) return false
  const stop = stops.length > 0 ? stops[stops.length - 1]!.index + stops[stops.length - 1]![0].length : 0
  // (Up to the clause, the movement's line names what it is about: no figure, no list opened by a colon.)
  return /^(?:[-+•*]\s+)?thi đua\s+\p{L}/iu.test(line.text.slice(from + stop, from + stop + 40)) && !/[:\d]/u.test(before.slice(stop))
}
/**
 * "Nhóm chỉ tiêu kinh tế", "Các chỉ tiêu về văn hóa - xã hội", "Chỉ tiêu lĩnh vực quốc phòng - an
 * ninh": a line that names a group of the targets listed under it, by the word for a group or by
 * the field the targets belong to. It names them; it is no goal.
 */
const TARGET_GROUP_RE = new RegExp(String.raw`^(?:(?:nhóm|khối|phần)\s+(?:các\s+)?(?:chỉ tiêu|mục tiêu)(?![\p{L}])|(?:các\s+)?(?:chỉ tiêu|mục tiêu)(?:\s+thi đua)?(?:\s+(?:về|thuộc|trong))?(?:\s+(?:lĩnh vực|nhóm|khối))?\s+(?:${FIELD_TERM}|nông nghiệp|nông,?\s+lâm|tài nguyên|đô thị|xây dựng)(?![\p{L}]))`, 'iu')

/** "a) Chỉ tiêu: …", "- Chỉ tiêu: …": a line naming a target's aim by its label. */
const AIM_LABEL_RE = /^\s*(?:(?:[a-zđ]|\d{1,2}(?:\.\d{1,2})*)[.)]\s+|[-+•*]\s+)?chỉ tiêu\s*:/iu
/** "Chỉ số: …", "- Chỉ số: …": the line giving that aim's measure. */
const MEASURE_LABEL_RE = /^(?:[-+•*]\s+)?chỉ số\s*:/iu
/** A schedule's title in the plan's attachments: "BIỂU CHỈ TIÊU THI ĐUA NĂM 2025", "Biểu tổng hợp các chỉ tiêu chủ yếu" (no sentence). */
const SCHEDULE_TITLE_RE = /^biểu\s+(?:(?:tổng hợp|giao)\s+)?(?:các\s+)?chỉ tiêu(?![\p{L}])[^.;:!?]{0,100}$/iu
/** A line that adds targets left out and leads into them: "Xin bổ sung 2 chỉ tiêu kinh tế còn sót:", "Bổ sung thêm các chỉ tiêu sau:". */
const ADDENDUM_RE = /(?<![\p{L}])bổ sung(?![\p{L}])[^.!?]{0,80}?(?<![\p{L}])(?:chỉ tiêu|mục tiêu)(?![\p{L}])[^.!?:]{0,60}:\s*$/iu
/** "Khen thưởng: …", "Hình thức khen thưởng: …": the awards named before a colon, their terms after it. */
const AWARDS_LABEL_RE = /^((?:hình thức\s+)?khen thưởng)\s*:\s*\S/iu
const LEAD_IN_RE = /(?:phấn đấu|đạt được|bảo đảm|đảm bảo|các chỉ tiêu(?: chủ yếu| cụ thể)?(?: sau| như sau)?)\s*:\s*$/iu

/** A heading naming a crop's production or measures: "Sản xuất lúa", "Năng suất, sản lượng bí đỏ", "Diện tích và sản lượng ngô". */
const CROP_HEADING_RE = /^(?:(?:sản xuất|trồng trọt|diện tích|năng suất|sản lượng)(?:\s*,\s*|\s+và\s+|\s+))+((?:cây\s+)?\p{L}[\p{L} ]*)$/iu
/** A measure's name that names no crop: "Diện tích gieo cấy cả năm", "Năng suất bình quân", "sản lượng". */
const BARE_MEASURE_RE = /^((?:diện tích|năng suất|sản lượng)(?:\s+(?:gieo cấy|gieo trồng|gieo sạ|thu hoạch))?)((?:\s+(?:cả năm|bình quân|trung bình))*)$/iu

/** A measure of a crop that names none: "Diện tích hiện có", "Diện tích gieo trồng cả năm", "Năng suất", "Sản lượng bình quân" (or a slide's "DT", "NS", "SL", lexicon.ts MEASURE_ABBREVIATIONS). */
const MEASURE_ALONE_RE = /^(diện tích|năng suất|sản lượng|DT|NS|SL)((?:\s+(?:gieo cấy|gieo trồng|gieo sạ|thu hoạch|cho thu hoạch|hiện có|trồng mới|kinh doanh|cả năm|bình quân|trung bình))*)$/iu

/** A field's words, no crop: "nông nghiệp", "nông, lâm nghiệp", "thủy sản", "chăn nuôi", "hàng hóa". */
const FIELD_WORDS_RE = /(?<![\p{L}])(?:nông|lâm|ngư|công|nghiệp|thủy sản|thuỷ sản|chăn nuôi|trồng trọt|kinh tế|kinh doanh|hàng hóa|hàng hoá|dịch vụ|thương mại|vật chất|tập trung|an toàn)(?![\p{L}])/iu

/** The line before `index` is the heading of the section `current`, one naming a target or a field (no figure in it). */
function underItsHeading(current: Section, lines: readonly Line[], index: number): boolean {
  return index > 0 && current.span.start === lines[index - 1]!.start && current.name !== '' && !/\d/u.test(current.name)
}

/** A phase named by its number: "Đợt 1: Từ ngày 15/01/2027 …", "Đợt 3 (đợt về đích): …". */
const PHASE_NUMBERED_RE = /^đợt\s+(?:\d{1,2}|[IVX]{1,4}|một|hai|ba|bốn|năm)(?![\p{L}\d])/iu
/** A sentence announcing the year's targets after it: "… phấn đấu đạt các chỉ tiêu cả năm sau:". */
const YEAR_TARGETS_RE = /(?<![\p{L}])chỉ tiêu\s+(?:cả năm|năm\s+\d{4})(?:\s+\d{4})?\s*(?:sau(?:\s+đây)?|như sau|dưới đây)\s*:?\s*$/iu
/** A part named for its purpose and its targets together ("MỤC ĐÍCH, YÊU CẦU VÀ CHỈ TIÊU THI ĐUA"). */
const NAMES_TARGETS_RE = /^(?:mục đích|yêu cầu|nội dung|(?:các\s+)?đợt thi đua)(?![\p{L}]).*(?<![\p{L}])chỉ tiêu(?![\p{L}])|(?<![\p{L}])chỉ tiêu(?![\p{L}])[^.;:]{0,40}?(?:,|\s+và)\s+(?:các\s+)?(?:nhiệm vụ|giải pháp|biện pháp)(?![\p{L}])/iu

/** The last line with text before `index` is the heading of the section `current`. */
function headingJustAbove(current: Section, lines: readonly Line[], index: number): boolean {
  let above = index - 1
  while (above >= 0 && lines[above]!.text === '') above--
  return above >= 0 && current.span.start === lines[above]!.start
}

/** A purpose's words in a part's name, which a plan read as a whole does not take for a part without targets. */
const PURPOSE_WORDS_RE = /mục đích|yêu cầu/giu

/**
 * A plan's draft. A plan-like text in which no target was found is read once more as a whole, in
 * case its layout hid the part of its targets (a part named as no other plan names it, a purpose
 * holding them): from its title on, its purpose too. What that reading finds is marked low for the
 * officer, who is told why; it is never taken for sure.
 */
export function draftPlan(input: string, options: { year?: number } = {}): PlanDraft {
  const draft = draftWith(input, options, false)
  if (!draft.noTargets || !PLAN_LIKE_RE.test(draft.text)) return draft
  const whole = draftWith(input, options, true)
  if (whole.noTargets) return draft
  for (const i of whole.indicators) {
    i.confidence = 'low'
    i.reasons.unshift(WHOLE_TEXT_REASON)
  }
  return whole
}

/**
 * "… 135 ha[2]", "… 2.860 triệu đồng[5];": the numbers a text writes in square brackets right after a
 * figure or a word, its footnotes' marks (a reference list's "[2] …" line is that footnote's text).
 */
function bracketedMarks(text: string): Set<string> {
  return new Set([...text.matchAll(/(?<=[^\s[(])\[(\d{1,2})\]/gu)].map((m) => m[1]!))
}

/** "[2] Năm 2024 có 118 ha …": a line opening on a mark the text sets after a figure is that footnote's text. */
function footnoteOfMark(line: string, marks: ReadonlySet<string>): boolean {
  const m = /^\[(\d{1,2})\]\s*\p{L}/u.exec(line)
  return m !== null && marks.has(m[1]!)
}

/**
 * "[Comment NVA2]: Đề nghị nâng lên 3.300 tấn?", "Nhận xét [TT4]: …", "Commented [AB1]: …": a
 * reviewer's comment a word processor's export keeps, labelled by the reviewer's initials and the
 * comment's number in brackets, after the paragraph it sits on. Like a footnote's text it remarks on
 * the plan; it sets nothing.
 */
const REVIEW_COMMENT_RE = /^(?:\[(?:comment(?:ed)?|(?:đã\s+)?nhận xét|bình luận|góp ý)\s+\p{L}{1,8}\d{1,3}\]|(?:comment(?:ed)?|(?:đã\s+)?nhận xét|bình luận|góp ý)\s*\[\p{L}{1,8}\d{1,3}\])\s*:/iu

/**
 * "III. NỘI DUNG THI ĐUA: 1. Thi đua …; giữ gìn vệ sinh môi trường. … 4. Thi đua giữ vững quốc phòng,
 * an ninh … Các chỉ tiêu thi đua cụ thể tại Phụ lục kèm theo Kế hoạch này.": a plan whose body names
 * no figure and sends its targets to an appendix ("Phụ lục") after the signature states them there;
 * the body's movements are the wording of the call, no goals of their own. Where the body states a
 * target with a figure beside the appendix, its goals are read as they are.
 */
function dropMovementWording(built: Built[], sections: readonly Section[], text: string): void {
  const appendix = sections.find((s) => s.level === 0.5 && /^PL[\dIVX]*$/u.test(s.code))
  if (!appendix) return
  const at = appendix.span.start
  const goal = (b: Built): boolean => b.value.aggregation === 'yes_no' || b.value.target?.kind === 'yes_no'
  const body = built.filter((b) => b.source.start < at)
  if (body.length === 0 || body.some((b) => !goal(b))) return
  if (!built.some((b) => b.source.start >= at && !goal(b))) return
  if (!/(?<![\p{L}])phụ lục(?![\p{L}])/iu.test(text.slice(0, at))) return
  const kept = built.filter((b) => b.source.start >= at)
  built.splice(0, built.length, ...kept)
}

/** Figures outside any numbered section are read only in a text that reads as a plan. */
const PLAN_LIKE_RE = /kế hoạch|chỉ tiêu|thi đua|phấn đấu|nghị quyết|mục tiêu/iu

/** Why an item read by the second, whole reading is not sure. */
export const WHOLE_TEXT_REASON = 'không nhận ra phần chỉ tiêu của văn bản nên đã đọc cả văn bản: mục này có thể là kết quả năm trước hay mục đích, không phải chỉ tiêu'

function draftWith(input: string, options: { year?: number }, relaxed: boolean): PlanDraft {
  const text = normalizeText(input)
  const lines = linesOf(text)
  const read = readHeader(text, lines, options)
  const { header, movements, phases } = read
  // (Read as a whole: from the title on, the letterhead before it.)
  const bodyStart = relaxed ? Math.min(read.bodyStart, header.title?.source.end ?? read.bodyStart) : read.bodyStart
  const year = header.year?.value ?? options.year
  const doc = draftContext(text)
  // The labelled lines describing a movement beside the one labelled "Chỉ tiêu:" (guards.ts).
  const describing = describingLines(lines)
  // A plan that gives each target as labelled fields (its name, last year's result, the plan, a
  // note: normalize.ts makes them rows "| Chỉ tiêu: … | Thực hiện năm 2025: … | Kế hoạch năm 2026: … |")
  // states its targets there: a paragraph without a bullet between them in its list comments.
  const labelledRows = (text.match(/^\| Chỉ tiêu: /gmu) ?? []).length >= 2
  const planLike = PLAN_LIKE_RE.test(text)
  const bracketMarks = bracketedMarks(text)
  const codes = new Codes()
  const built: Built[] = []
  const sectionsUsed = new Set<Section>()
  const sections: Section[] = []
  let current: Section = ROOT
  let listSeen = false
  // A plan with no numbered sections at all (a web page's copy) titles its parts in capitals
  // alone on their line ("NỘI DUNG THI ĐUA", "KHEN THƯỞNG"): those lines are its sections.
  // (So does a plan whose numbers are only its lists' items, "1." to "6." under "* Về kinh tế:" and again
  // from "1." under the next group: no roman part, no "1.2", and "1." twice at least, as a chat or a message writes it.)
  const numberedLines = lines.filter((l) => l.start >= bodyStart && /^(?:[IVXLC]{1,6}[.)]|\d{1,2}(?:\.\d{1,2})*[.)]?)\s/u.test(l.text))
  const itemsOnly = numberedLines.every((l) => /^\d{1,2}[.)]\s/u.test(l.text)) && numberedLines.filter((l) => /^1[.)]\s/u.test(l.text)).length >= 2
  const unnumbered = numberedLines.length === 0 || itemsOnly
  let capsSections = 0
  // "1. Mục tiêu chung" beside "2. Mục tiêu cụ thể": the general aim is prose, the specific one holds the targets.
  // ("1. Mục tiêu tổng quát" beside "2. Các chỉ tiêu chủ yếu:", as a resolution writes them: the same.)
  // ("2. Các chỉ tiêu thi đua cụ thể", "Chỉ tiêu thi đua chủ yếu năm 2025:": the targets named with their movement and year too.)
  // ("2. Hệ thống 23 chỉ tiêu thi đua chủ yếu": the targets counted, or called a system of targets, too.)
  const specificAims = lines.some((l) => /^(?:\S+\s+)?(?:mục tiêu cụ thể|(?:hệ thống\s+)?(?:các\s+)?(?:\d{1,3}\s+)?chỉ tiêu(?:\s+thi đua)?\s+(?:chủ yếu|cụ thể)(?:\s+năm\s+\d{4})?\s*:?\s*$)(?![\p{L}])/iu.test(l.text))
  // The table of figures per column being read, if any.
  let table: MeasureTable | undefined
  // The heading row of the table being read, if it had one, and the row naming the rows under it.
  let tableHead: string[] | undefined
  let headRowLast = false
  // The unit of the table's row above, for a unit cell a merged cell left empty.
  let unitAbove: string | undefined
  let rowGroup: string | undefined
  // The field a row of a table of sentences names ("| 3. Lâm nghiệp | Trồng mới …; … |"), while its cell is read.
  let cellField: Section | undefined
  // "| 4 | Sản lượng lương thực có hạt (tấn) | … | 9.530 |" over "| | Trong đó: | | |": the row whose
  // parts the "- Thóc (tấn)", "- Ngô (tấn)" rows under it are.
  let rowParts: { whole: Built; parts: Built[] } | undefined
  // The target read from the table's row just above, if any.
  let lastRow: Built | undefined
  const settleParts = (): void => {
    if (rowParts) sumOfPartRows(rowParts.whole, rowParts.parts)
    rowParts = undefined
  }
  // The line that titles a part ("Phần thứ nhất" / "KẾT QUẢ …"), read with it.
  let partTitle: Line | undefined
  // Content lines outside lists, with where their figures are: a clause holding a figure is a target already.
  const proseLines: { line: Line; section: Section; figures: number[] }[] = []

  let signed = false
  // The top part that holds the plan's targets, the last one read: where an addendum's items go.
  let targetsPart: Section | undefined
  // The list a lead-in line opened in a text without sections, while it is read.
  let leadIn: Section | undefined
  // A list numbered again from "1." right under a numbered heading of its own level (renumbered).
  let renumbered: { level: number; next: number } | undefined
  // The spans of the corrections read ("sửa lại: …"), for applyCorrections.
  const corrections: { start: number; end: number; why?: string }[] = []
  // A conference's slides copied slide by slide ("Slide 1" … "Slide 10", SLIDE_MARK_RE): each slide's
  // title, the line after its mark (or the mark's own words after a colon), opens a top section, as a
  // title in capitals does where a plan numbers nothing; what the presenter says over a slide
  // (SPEAKER_NOTE_RE: last year's figures, how a target was set) is no target.
  const deck = lines.filter((l) => SLIDE_MARK_RE.test(l.text)).length >= 2
  let slideOpen = false
  // The statement read last, when it ended on a colon: its "Trong đó" items under it are its parts.
  let colonWhole: Built | undefined
  // The items of the last statement read, and its line: the whole a "Trong đó" item right under it is part of.
  let lineAbove: Built[] = []
  let aboveAt = -1
  // The last line with text before this one.
  let lastTextAt = -1
  // Inside a slide's notes: what the presenter says, from "Ghi chú của người trình bày:" to the next slide's mark.
  let inNotes = false
  // A line of a slide under its title, to its notes or the next slide's mark: a bullet, whatever marks
  // it ("⇥⇥GTSX tăng ≥ 9% …", its level a run of tabs lost in normalizing).
  const slideItem = (l: Line): boolean => deck && !SLIDE_MARK_RE.test(l.text) && !SPEAKER_NOTE_RE.test(l.text)
  // The crop a bullet named alone over the measures under it ("- Sầu riêng" over "- Sản lượng: 21.500 tấn").
  let cropTopic: string | undefined
  // The area of that crop read last under its bullet, whose part a "trong đó" item under it may be.
  let topicArea: Built | undefined
  // The rows of a table turned on its side, read with its heading (turnedTable): the line after them.
  let turnedUntil = -1
  for (const [index, line] of lines.entries()) {
    // A plan holds at most PLAN_LIMITS.indicators: past that, the text is not a plan to read on.
    if (built.length >= PLAN_LIMITS.indicators) break
    if (index < turnedUntil) continue
    if (line.start < bodyStart || line.text === '' || line === partTitle) continue
    const textAbove = lastTextAt
    lastTextAt = index
    // The signature ends the plan; an appendix after it ("PHỤ LỤC – CÁC CHỈ TIÊU …") opens it again.
    // (Not the issuing body's name in the letterhead, "ỦY BAN NHÂN DÂN …", nor the kind of document, "KẾ HOẠCH".)
    const apart = !/^(?:KẾ HOẠCH|QUYẾT ĐỊNH|NGHỊ QUYẾT|THÔNG BÁO|CHỈ THỊ|BÁO CÁO|TỜ TRÌNH|CHƯƠNG TRÌNH|CHỦ TỊCH|PHÓ CHỦ TỊCH)\s*$|^(?:ỦY BAN|UỶ BAN|UBND|HĐND|HỘI ĐỒNG|CỘNG HÒA|CỘNG HOÀ|ĐỘC LẬP|ĐẢNG BỘ|BAN\s)/u.test(line.text)
    // ("• CHỈ TIÊU THI ĐUA NĂM 2025", "• Khen thưởng:": a bullet opening a part's title or name.)
    const numbered = headingOf(line.text)
    const mark = deck ? SLIDE_MARK_RE.exec(line.text) : null
    if (mark) inNotes = false
    if (mark && mark[1] === undefined) {
      slideOpen = true
      continue
    }
    // ("Ghi chú của người trình bày:" alone on its line: the notes are the lines under it, to the next slide.)
    if (deck && SPEAKER_NOTE_RE.test(line.text)) {
      inNotes = true
      continue
    }
    if (inNotes) continue
    const slideTitle = !deck || numbered ? undefined : mark ? mark[1] : slideOpen && !/^[-+•*]\s/u.test(line.text) ? line.text : undefined
    slideOpen = false
    const slide = slideTitle === undefined ? undefined : slideHeading(slideTitle, capsSections + 1)
    if (slide) capsSections++
    const n = !numbered && !slide && unnumbered && apart ? ++capsSections : 0
    // "BIỂU CHỈ TIÊU THI ĐUA NĂM 2025" after the signature, unnumbered: the title of a schedule of
    // targets the plan attaches, an appendix as "Phụ lục …" or "Biểu số 01" is.
    const schedule = signed && !numbered && SCHEDULE_TITLE_RE.test(line.text) ? { level: 0.5, label: 'PL', rest: line.text.trim() } : undefined
    const h: { level: number; label: string; rest: string; name?: string } | undefined = numbered ?? schedule ?? slide ?? (n > 0 ? (bulletHeading(line.text, n) ?? capsHeading(line.text, n) ?? (current.excluded ? (partNameHeading(line.text, n) ?? fieldLabelPart(line.text, n, text.slice(current.span.start, current.span.end), year)) : undefined) ?? (current !== ROOT && current.content && !current.excluded ? fieldHeading(line.text, n) : undefined)) : undefined)
    // A web page's copy: "Xem thêm: <title>" is a link; "Xem thêm:", "Tin liên quan", "Tệp đính kèm",
    // "Đánh giá bài viết" close the article, like a signature.
    if (/^xem thêm\s*:\s*\S/iu.test(line.text)) continue
    // ("Tuấn Kiệt - Văn phòng HĐND và UBND phường", "Chia sẻ: Facebook | Zalo" under the article: its
    // byline and share line, no goals, guards.ts.)
    if (!numbered && byline(line.text)) continue
    if (/^(?:xem thêm\s*:?|tin liên quan|tin cùng chuyên mục|bài viết liên quan|các tin khác|tệp đính kèm|đánh giá bài viết)(?![\p{L}])/iu.test(line.text)) signed = true
    // A decision that issues the plan ("Quyết định … ban hành Kế hoạch") is signed before the plan it
    // attaches: "(Ban hành kèm theo Quyết định số …)" under the plan's title opens the plan again.
    if (signed && ATTACHED_RE.test(line.text)) signed = false
    // "Dạ em xin bổ sung: phần chỉ tiêu kinh tế lúc nãy em gửi sót 2 chỉ tiêu ạ:" after the signature (a
    // later message, a note under the plan): the items it leads into are targets of the plan's part of
    // targets, read there as the others.
    if (signed && targetsPart && ADDENDUM_RE.test(line.text)) {
      signed = false
      current = targetsPart
      continue
    }
    if (signed && !h?.label.startsWith('PL')) continue
    signed = false
    // ("THƯ KÝ          CHỦ TRÌ" over "(đã ký)": the minutes' signatures, its secretary's and its chair's,
    // in capitals, the two columns on one line.)
    if (/^(?:- |\| )?nơi nhận\b/iu.test(line.text) || /^(?:TM\.|KT\.|CHỦ TỊCH|PHÓ CHỦ TỊCH|(?:THƯ KÝ|CHỦ TRÌ|CHỦ TỌA|CHỦ TOẠ)(?:\s+(?:HỘI NGHỊ|CUỘC HỌP|THƯ KÝ|CHỦ TRÌ|CHỦ TỌA|CHỦ TOẠ))*\s*(?:\(|$))/u.test(line.text)) {
      signed = true
      continue
    }
    // "a) Chỉ tiêu: Tăng trưởng kinh tế." over "Chỉ số: tổng giá trị sản xuất tăng 8% …": a target
    // stated as an aim and its measure, the "Chỉ tiêu" line names the aim only (no target, no field
    // of its own); the measure on the "Chỉ số" line under it is the target.
    if (AIM_LABEL_RE.test(line.text) && MEASURE_LABEL_RE.test(lines.slice(index + 1).find((l) => l.text.trim() !== '')?.text.trim() ?? '')) continue
    let itemText = line.text
    let itemStart = line.start
    // The name of the target whose plan's cell is read as a line (groupPlanCell).
    let groupName: string | undefined
    // "3. Các chỉ tiêu thi đua chủ yếu năm 2027" over "1. Tổng giá trị …" to "17. …", then "4. Thời
    // gian": a list numbered again from 1 right under a numbered heading that names the targets is that
    // heading's items, one level deeper, for as long as its numbers run on; a number out of the run ends it.
    if (h && numbered && /^\d{1,2}[.)/]\s/u.test(line.text)) {
      const number = Number(h.label)
      if (renumbered && number === renumbered.next) {
        h.level = renumbered.level
        renumbered.next++
      } else if (number === 1 && current !== ROOT && current.level === h.level && !current.excluded && (current.list || current.content) && !/\d/u.test(current.name.replace(/\s+năm\s+\d{4}/iu, '')) && headingJustAbove(current, lines, index)) {
        renumbered = { level: h.level + 0.5, next: 2 }
        h.level = renumbered.level
      } else renumbered = undefined
    } else if (h) renumbered = undefined
    if (h) {
      cropTopic = undefined
      while (current.level >= h.level && current.parent) current = current.parent
      const code = current === ROOT ? h.label : `${current.code}.${h.label}`
      // "Phần thứ nhất" alone on its line: its title is the next line.
      if (h.level === 0.5 && h.rest === '') {
        const next = lines.slice(index + 1).find((l) => l.text !== '')
        if (next && !headingOf(next.text)) {
          h.rest = next.text
          partTitle = next
        }
      }
      // "6. Khen thưởng: tập thể xuất sắc … 1.000.000 đồng; …": a numbered item naming the awards before
      // a colon is the awards' part, however its words go on; the sums it gives are no targets.
      const name = h.name ?? AWARDS_LABEL_RE.exec(h.rest)?.[1] ?? sectionName(h.rest)
      // "2. Mục tiêu tổng quát: Phát huy …", "4. Nhiệm vụ, giải pháp chủ yếu: thống nhất với …": an item
      // led by a part's name before a colon is that part, its words after the colon its text.
      const runIn = /^([^:;.\d]{2,60}?)\s*:\s*\S/u.exec(h.rest)?.[1]?.trim()
      // "Điều 1. Tán thành đánh giá … năm 2023 và thông qua mục tiêu, các chỉ tiêu chủ yếu, nhiệm vụ,
      // giải pháp năm 2024 như sau:": an article of a resolution or a decision is a sentence; one that
      // names the targets holds them, whatever means it names beside them.
      const articleOfTargets = /^Đ\d/u.test(h.label) && /(?<![\p{L}])chỉ tiêu(?![\p{L}])/iu.test(name)
      const sec: Section = {
        level: h.level,
        code,
        name: name || h.label,
        parent: current,
        span: { start: line.start, end: line.start + line.text.length },
        // A section of content ("Nội dung thi đua cụ thể") under a list of targets is prose again.
        list: (current.list && !CONTENT_NAME_RE.test(name)) || (TARGET_LIST_RE.test(name) && (name.length <= 80 || /:$/u.test(h.rest))),
        excluded:
          current.excluded ||
          // "4. Đợt thi đua đặc biệt" under the targets' part: the phases, at any depth.
          // ("III. CÁC ĐỢT THI ĐUA VÀ CHỈ TIÊU": a part naming its targets beside its phases holds them;
          // each phase under it, "1. Đợt 1: Từ ngày …", is a phase again, its milestones no targets.)
          (PHASE_SECTION_RE.test(name) && !NAMES_TARGETS_RE.test(name)) ||
          // ("3. Đợt 3 (đợt về đích): … Đến hết năm 2027, phấn đấu đạt các chỉ tiêu cả năm sau:": a phase
          // announcing the year's targets holds them, below.)
          (PHASE_NUMBERED_RE.test(name) && PHASE_SECTION_RE.test(current.name) && !YEAR_TARGETS_RE.test(line.text)) ||
          // "6. Khen thưởng: tập thể … 1.000.000 đồng": the awards, at any depth; so are the titles a
          // unit registers for ("4. Đăng ký danh hiệu thi đua và hình thức khen thưởng").
          /^(?:hình thức\s+)?khen thưởng$|^(?:đăng ký\s+)?(?:các\s+)?danh hiệu(?:\s+thi đua)?(?:\s*(?:,|và)\s*(?:hình thức\s+)?khen thưởng)?$/iu.test(name) ||
          // "III. TIÊU CHÍ VÀ THANG ĐIỂM CHẤM THI ĐUA": how the units' emulation is scored, its points
          // and grades, at any depth (a part naming targets as well is still read).
          (SCORING_SECTION_RE.test(name) && !/(?<![\p{L}])(?:chỉ tiêu|mục tiêu)(?![\p{L}])/iu.test(name)) ||
          // (Read again as a whole, a plan whose targets were found nowhere: its purpose may hold them.)
          (relaxed ? h.level <= 2 && NON_TARGET_SECTION_RE.test(name.replace(PURPOSE_WORDS_RE, ' ')) :
          // ("II. MỤC ĐÍCH, YÊU CẦU VÀ CHỈ TIÊU THI ĐUA": a part naming its targets beside its purpose holds them.)
          ((h.level <= 1 || (current === ROOT && h.level <= 2)) && NON_TARGET_SECTION_RE.test(name) && !NAMES_TARGETS_RE.test(name) && !articleOfTargets) ||
          // "D. NHIỆM VỤ VÀ GIẢI PHÁP" after "C. CÁC CHỈ TIÊU …" and its roman fields: a title in capitals
          // is one of the plan's parts, whatever its depth reads as; a part for solutions holds no targets.
          (h.level <= 2 && capsTitle(name) && NON_TARGET_SECTION_RE.test(name) && !NAMES_TARGETS_RE.test(name)) ||
          // "1. Mục đích, yêu cầu" under "II. MỤC ĐÍCH, YÊU CẦU VÀ CHỈ TIÊU THI ĐUA": the purpose, at any depth.
          /^(?:mục đích(?:,?\s*(?:và\s+)?yêu cầu)?|yêu cầu)$/iu.test(name) ||
          // "3. Nhiệm vụ, giải pháp chủ yếu" under the targets' part: the means, at any depth.
          MEANS_SECTION_RE.test(name) ||
          (runIn !== undefined && MEANS_SECTION_RE.test(runIn)) ||
          reviewsPastYear(name, year) ||
          describesSetting(name) ||
          // ("3. Ý kiến thảo luận" in a conference's minutes: the delegates' words; "1. Đồng chí …, Phó Chủ
          // tịch UBND xã, báo cáo tóm tắt kết quả … năm 2024: …": last year's review, read by an official.)
          DEBATE_SECTION_RE.test(name) ||
          reportsPastYear(h.rest, year) ||
          (specificAims && h.level >= 1 && /^mục tiêu (?:chung|tổng quát)$/iu.test(runIn ?? name)) ||
          // "1. Năm 2024, mặc dù còn nhiều khó khăn, … thu ngân sách đạt 23.870 triệu đồng; …": an item that reviews.
          (h.level >= 2 && h.rest.length > 60 && opensOnPastYear(h.rest, year))),
        // A section of content: the plan's targets or duties, or one field of them ("Về quốc phòng - an ninh").
        // ("ĐÔ THỊ - MÔI TRƯỜNG", "Tài nguyên - môi trường": a phường's fields of its town and its land.)
        content: current.content || /nội dung|nhiệm vụ|chỉ tiêu|tiêu chí|mục tiêu|giao ước|đăng ký|^(?:lĩnh vực\s+|thi đua\s+)?(?:về\s+)?(?:phát triển\s+)?(?:kinh tế|văn hóa|văn hoá|xã hội|quốc phòng|an ninh|nông nghiệp|nông, lâm|môi trường|giáo dục|y tế|xây dựng (?:đảng|chính quyền|nông thôn mới)|(?:đô thị|tài nguyên)\s*(?:[-–,]|và)\s*môi trường)/iu.test(name),
      }
      if (sec.list) listSeen = true
      if ((sec.list || sec.content) && !sec.excluded) {
        let top = sec
        while (top.parent && top.parent !== ROOT) top = top.parent
        targetsPart = top
      }
      sections.push(sec)
      current = sec
      itemText = h.rest
      itemStart = line.start + line.text.length - h.rest.length
      // "2. Thi đua hoàn thành các chỉ tiêu chủ yếu năm 2025 (theo biểu …):": a heading that
      // introduces the list of targets under it states none of its own, whatever its verb.
      if (TARGET_LIST_RE.test(h.rest) && /:\s*$/u.test(h.rest)) continue
    }
    // A letter with no sections ("Thông báo" of the emulation council): "Về phát triển kinh tế, toàn xã
    // phấn đấu:" over "- …" lines introduces a list of targets, as a section of targets would; the
    // list ends at the first line after it that is no bullet.
    if (!h && leadIn && current === leadIn && !line.text.startsWith('- ')) current = ROOT
    if (!h && unnumbered && current === ROOT && LEAD_IN_RE.test(line.text)) {
      const next = lines.slice(index + 1).find((l) => l.text !== '')
      if (next?.text.startsWith('- ')) {
        const name = clip((/([^.;]+):\s*$/u.exec(line.text)?.[1] ?? line.text).trim(), 80)
        const span = { start: line.start, end: line.start + line.text.length }
        leadIn = { level: 1, code: `M${++capsSections}`, name, parent: ROOT, span, list: true, excluded: false, content: true }
        sections.push(leadIn)
        current = leadIn
        listSeen = true
        continue
      }
    }
    // "3. Đợt 3 (đợt về đích): …" over "Đến hết năm 2027, phấn đấu đạt các chỉ tiêu cả năm sau:": a
    // phase that announces the year's targets holds them, whatever the phases before it hold.
    if (current.excluded && PHASE_NUMBERED_RE.test(current.name) && !h && YEAR_TARGETS_RE.test(line.text) && !current.parent?.excluded) {
      current.excluded = false
      current.list = true
      listSeen = true
      continue
    }
    if (current.excluded) continue
    // "- Nội dung: …", "- Đối tượng: …", "- Thời gian: …" beside a movement's "- Chỉ tiêu: …": no goals.
    if (!h && describing.has(line)) continue
    // A delegate's words and the conference's formalities in its minutes: no targets (SPEECH_RE, FORMALITY_RE).
    if (!h && (SPEECH_RE.test(line.text) || FORMALITY_RE.test(line.text))) continue
    // (Unless it strives for more: "Bên cạnh các chỉ tiêu trên, xã phấn đấu giữ vững …".)
    if (labelledRows && !h && current.list && !line.text.startsWith('| ') && !/^[-+•*–]\s/u.test(line.text) && !/phấn đấu|quyết tâm|giữ vững|không để/iu.test(line.text)) continue
    // "Tiêu chí 1. Có từ 90% số hộ trở lên đạt …": a criterion a title asks of each unit, met or not
    // as a whole, whatever figure it holds (a yes/no each unit reports).
    const criterion = !h ? /^(?:[-+•]\s+)?tiêu chí\s+(?:số\s+)?\d{1,2}\s*[:.]\s*(.+)$/iu.exec(itemText) : null
    if (criterion && current.content) {
      const start = itemStart + itemText.length - criterion[1]!.length
      const text = withoutClosingMarks(criterion[1]!, /[.;\s]/u)
      built.push(yesNo({ text, start, end: start + text.length }, current, codes, built.length, 'medium', ['tiêu chí của một danh hiệu: mỗi đơn vị báo đạt hay không đạt']))
      sectionsUsed.add(current)
      continue
    }
    // "Chỉ tiêu 1: …", "Chỉ tiêu số 2. …": a numbered item's label, not its words.
    // ("Chỉ số: tỷ lệ hộ nghèo giảm còn dưới 2%": the label of a measure under its aim, the same.)
    // ("- Chỉ tiêu: Tạo việc làm mới cho 300 lao động; …" in a movement's block: the label of the line
    // holding its targets, no name of them, nor a crop's.)
    // ("- Bổ sung chỉ tiêu: Không để dịch … xảy ra trên diện rộng" in a conference's conclusion: the label of a target added.)
    const label = /^((?:[-+•]\s+)?)(?:chỉ tiêu\s+(?:số\s+)?\d{1,2}\s*[:.]|(?:bổ sung\s+|thêm\s+)?chỉ tiêu\s*:(?=\s*\S)|chỉ số\s*:)\s*/iu.exec(itemText)
    if (label) {
      itemText = itemText.slice(label[0].length)
      itemStart += label[0].length
    }
    let item: Line = { text: itemText, start: itemStart }
    // "sửa lại: tỷ lệ … là 95% (em gõ nhầm 93%, …). Các thôn cập nhật …": a correction of a figure
    // stated earlier; its first clause states the target, without the label, what it says in
    // brackets (the figure mistyped) or the sentences after it (applyCorrections).
    const correction = !h ? CORRECTION_RE.exec(item.text) : null
    if (correction) {
      const body = item.text.slice(correction[0].length)
      const cut = body.search(/\s\(|[.!?](?:\s|$)/u)
      item = { text: cut > 0 ? body.slice(0, cut) : body, start: item.start + correction[0].length }
      corrections.push({ start: item.start, end: item.start + item.text.length })
    }
    let beforeIntro = false
    // "… với các chỉ tiêu cụ thể sau:": what follows in this section is a list of targets. The
    // sentences before the introduction, on the same line, are read as they are.
    if (!h && current !== ROOT && TARGET_LIST_RE.test(line.text) && /:\s*$/u.test(line.text)) {
      current.list = true
      listSeen = true
      const cut = line.text.lastIndexOf('. ')
      if (cut <= 0) continue
      item = { text: line.text.slice(0, cut + 1), start: line.start }
      beforeIntro = true
      // "Phát huy truyền thống …; khơi dậy ý chí …, giữ vững …, phấn đấu hoàn thành toàn diện các chỉ
      // tiêu năm 2025. Các chỉ tiêu cụ thể:": the sentences that lead into the list and end in the
      // plan's closing call state its purpose, the aims the call sums up, no goal of their own.
      const last = /(?:^|[,;]\s*)(?:phấn đấu\s+)?([^,;]{10,160}?)[.\s]*$/iu.exec(item.text.slice(-200))
      if (last && GENERIC_GOAL_RE.test(last[1]!.trim())) continue
    }
    if (!h && /^(?:- )?(?:căn cứ|trên cơ sở)(?![\p{L}])/iu.test(line.text)) continue
    // A footnote ("(1) Tính trên khối lượng phát sinh …", "* Ghi chú: …") explains, it sets nothing.
    // ("¹ Số liệu thống kê đến 31/12 …", "[3] Năm trước đạt …": the text of a footnote a figure's
    // superscript or bracketed mark points to, at the page's end, likewise.)
    // ("[Comment NVA2]: Đề nghị nâng lên 3.300 tấn?", "Nhận xét [TT6]: Đã sửa từ 14/16 thôn …": a
    // reviewer's comment kept by the export, REVIEW_COMMENT_RE, likewise.)
    if (!h && (/^(?:\(\d{1,2}\)|\(\*+\)|\*+|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\s*\p{L}/u.test(line.text) || footnoteOfMark(line.text, bracketMarks) || REVIEW_COMMENT_RE.test(line.text))) continue
    // "(Bảng chỉ tiêu dán từ file Excel …)": a remark in brackets, the whole line.
    // ("(Biểu kèm theo Nghị quyết số 14/NQ-HĐND, cột (5) là chỉ tiêu giao năm 2026)": a column's or an
    // item's number in brackets inside it keeps it one remark.)
    if (!h && /^\([^()]*(?:\([^()]{1,6}\)[^()]*)*\)\.?$/u.test(line.text)) continue
    // "Ghi chú: cột … là …", "Chú thích:", "Lưu ý:": a note on what comes before.
    // ("Ghi chú: Cột … không phải chỉ tiêu. Ngoài các chỉ tiêu trên, xã phấn đấu giữ vững …": a sentence
    // after the note leading back to the targets above adds one; the note's own sentences go.)
    if (!h && /^(?:ghi chú|chú thích|lưu ý)\s*:/iu.test(line.text)) {
      const back = /[.;]\s+(?=(?:ngoài|bên cạnh)\s+(?:(?:các|những)\s+)?(?:chỉ tiêu|mục tiêu)(?![\p{L}]))/iu.exec(item.text)
      if (!back) continue
      item = { text: item.text.slice(back.index + back[0].length), start: item.start + back.index + back[0].length }
    }
    // The same note without its label, on how the table is written: "Đơn vị tính được ghi cùng mức
    // chỉ tiêu; cột “Ghi chú” ghi …", "Cột “KH 2026” là chỉ tiêu giao …", "Số liệu tại cột (4) là …".
    if (!h && (TABLE_NOTE_RE.test(line.text) || (TABLE_READING_RE.test(line.text) && !/\d/u.test(line.text)))) continue
    // "- Giải pháp: đẩy mạnh liên kết …; hỗ trợ các hộ … tham gia …" after a field's "- Các chỉ
    // tiêu:": an item labelled as the means names how the targets above are reached, as a section
    // "Giải pháp" does; none of its clauses is a target.
    if (!h && MEANS_LABEL_RE.test(line.text)) continue
    // A table's caption ("Bảng 1. Chỉ tiêu sản xuất trồng trọt năm 2024", "Biểu: Các chỉ tiêu …") names what follows.
    if (!h && /^(?:bảng|biểu)(?:\s+(?:số\s+)?[\dIVX]+)?\s*[.:]\s|^(?:bảng|biểu)\s+(?:dự toán|chỉ tiêu|tổng hợp|phân bổ|đăng ký)(?![\p{L}])/iu.test(line.text) && !/[.;]\s*$/u.test(line.text)) continue
    if (cellField && current === cellField && cellField.parent) current = cellField.parent
    cellField = undefined
    // A row of a table of sentences: its cell is read below as a line of the list, under its field.
    const sentenceRow = line.text.startsWith('| ') && !h && !table ? sentenceCellRow(line) : undefined
    // A row of a table whose content cell holds the whole statement beside who is in charge and by
    // when: its content cell is read below as a line of the list (statementCell).
    const statement = line.text.startsWith('| ') && !h && !table && !sentenceRow && tableHead ? statementCell(line, tableHead, year) : undefined
    if (statement) {
      item = statement
      listSeen = true
    } else if (sentenceRow) {
      const span = { start: line.start, end: line.start + line.text.length }
      cellField = { level: current.level + 1, code: `${current.code}.L${sections.filter((s) => s.parent === current).length + 1}`, name: clip(sentenceRow.field, 80), parent: current, span, list: true, excluded: false, content: true }
      sections.push(cellField)
      current = cellField
      item = sentenceRow.cell
      listSeen = true
    } else if (labelledRows && groupPlanCell(line) && tableHead) {
      // A target's labelled lines whose plan says several figures or goals: its plan read as a line.
      const group = groupPlanCell(line)!
      item = group.cell
      groupName = group.name
    } else if (line.text.startsWith('| ')) {
      // "| Năm | Tốc độ tăng … (%) | Sản lượng lúa (tấn) |" over "| TH 2025 | … |", "| KH 2026 | … |": a
      // table turned on its side; each column is read as a row, its source the column's heading cell.
      const turned = item.text === line.text ? turnedTable(lines, index, year) : undefined
      if (turned) {
        table?.close()
        table = undefined
        tableHead = undefined
        headRowLast = false
        settleParts()
        lastRow = undefined
        for (const row of turned.rows) {
          const got = readTableRow(row.line, current, year, doc, codes, turned.head)
          if (!got) continue
          const span = { start: row.heading.start, end: row.heading.start + row.heading.text.length }
          got.value = { ...got.value, source: row.heading.text }
          for (const alt of got.alternatives ?? []) alt.source = row.heading.text
          got.source = span
          if (got.found) got.found = { ...got.found, span, at: span.start }
          got.reasons.push('bảng xoay: mỗi cột là một chỉ tiêu, đọc như một dòng')
          built.push(got)
          sectionsUsed.add(current)
        }
        turnedUntil = turned.next
        continue
      }
      // "| Cây trồng | Diện tích (ha) | Năng suất (tạ/ha) | Sản lượng (tấn) |": a figure per column.
      const columns = measureColumns(line.text)
      if (columns) {
        table?.close()
        table = new MeasureTable(columns, current)
        continue
      }
      if (table && table.section === current) {
        const rows = table.row(item, year, doc, codes, built.length)
        if (rows) {
          for (const b of rows) built.push(b)
          if (rows.length > 0) sectionsUsed.add(current)
          continue
        }
      }
      // Under a table's heading, a row without figures is a second heading row only if it names
      // columns; "| Cháy, nổ gây thiệt hại … | Không để xảy ra |" is a row whose plan is in words.
      const heading = headingRow(unlabelled(line, tableHead).text, tableHead !== undefined)
      if (heading) {
        // "| TT | Chỉ tiêu | ĐVT | Năm 2025 | | Ghi chú |" over "| | | | Kế hoạch | Phấn đấu | |": a
        // merged heading of two rows; each column is named by the lower row where it has a name.
        // ("⇥⇥⇥KH⇥TH⇥KH" under a spreadsheet's "TT⇥Chỉ tiêu⇥ĐVT⇥Năm 2026⇥⇥Năm 2027⇥Ghi chú", its empty
        // cells at the end dropped: a lower row leaving its first cell empty, under the upper's merged-down
        // "TT", is that row's lower half whatever its length.)
        const lowerHalf = tableHead !== undefined && headRowLast && (tableHead.length === heading.length || (heading[0] === '' && heading.length > 1))
        tableHead = tableHead && lowerHalf ? mergeHeadings(tableHead, heading) : heading
        headRowLast = true
        continue
      }
      headRowLast = false
      if (mergedRow(line.text.slice(1, -1).split('|').map((c) => c.trim()))) continue
      // ("| Chỉ tiêu: … | Kế hoạch: … |": cells naming their column read as the values after the names; the source is the row as written.)
      const bare = unlabelled(item, tableHead)
      const got = readTableRow(bare, current, year, doc, codes, tableHead, rowGroup, unitAbove)
      unitAbove = unitCellOf(bare, tableHead, year) || (got ? unitAbove : undefined)
      if (got && bare !== item) {
        got.value = { ...got.value, source: item.text }
        for (const alt of got.alternatives ?? []) alt.source = item.text
      }
      // "| 4 | Sản lượng lương thực có hạt | tấn | … |" over "| | - Sản lượng lúa | tấn | … |", "| | - Sản lượng
      // ngô | … |": rows marked "- " right under a row read as a target may be its parts, as under a
      // "Trong đó:" row; they are if they add up to it (sumOfPartRows).
      const subRow = /\|\s*[-+–]\s+\p{L}/u.test(line.text)
      if (got && subRow && !rowParts && lastRow && !/\|\s*[-+–]\s+\p{L}/u.test(lastRow.value.source ?? '')) rowParts = { whole: lastRow, parts: [] }
      if (got && rowParts && subRow) rowParts.parts.push(got)
      else settleParts()
      lastRow = got
      if (got) {
        // A "Trong đó: …" row is a part of the row above it that counts the same things.
        const whole = got.found?.afterWhole ? [...built].reverse().find((b) => b.value.source?.startsWith('| ') && b.found?.afterWhole === false) : undefined
        if (whole && unitFamily(whole.value.unitOfMeasure) === unitFamily(got.value.unitOfMeasure) && !whole.value.children) {
          got.value = { ...got.value, partOf: whole.value.code }
          got.reasons.push(`“trong đó”: là một phần của “${whole.value.name}”`)
        }
        built.push(got)
        sectionsUsed.add(current)
        // "| Diện tích lúa cả năm (vụ Xuân 365 ha, vụ Mùa 355 ha) | ha | 720 |": parts named in the name cell's bracket.
        if (bare === item) for (const part of nameCellParts(bare, current, year, doc, codes, tableHead, got, built.length) ?? []) built.push(part)
        // "| Giải quyết việc làm mới | lao động | 220 | Trong đó XKLĐ 25 người |": a part stated in the row's note.
        const part = notePart(bare, current, year, doc, codes, tableHead, built.length)
        if (part && unitFamily(part.value.unitOfMeasure) === unitFamily(got.value.unitOfMeasure) && got.value.aggregation !== 'rate' && !got.value.children) {
          part.value = { ...part.value, partOf: got.value.code }
          part.reasons.push(`“trong đó”: là một phần của “${got.value.name}”`)
          built.push(part)
        }
        // "| Tổng đàn gia cầm | 160.000 con trở lên, trong đó gà Tiên Yên 95.000 con |", "| … | Duy trì 210 ha;
        // trồng mới 25 ha |": a second statement in the plan cell, a part or a target of its own.
        const rest = bare === item ? planCellRest(bare, current, year, doc, codes, tableHead, got, built.length) : undefined
        // (A part in another unit than the row's, or of a rate, is none: it is left out, and the row kept whole.)
        const more = (rest?.more ?? []).filter(({ part, read }) => !part || (unitFamily(read.value.unitOfMeasure) === unitFamily(got.value.unitOfMeasure) && got.value.aggregation !== 'rate' && !got.value.children))
        if (rest && more.length > 0) {
          const source = item.text.slice(0, rest.end - item.start)
          got.value = { ...got.value, source }
          got.source = { start: got.source.start, end: item.start + source.length }
          for (const alt of got.alternatives ?? []) alt.source = source
          for (const { read, part } of more) {
            if (part) {
              read.value = { ...read.value, partOf: got.value.code }
              read.reasons.push(`“trong đó”: là một phần của “${got.value.name}”`)
            }
            built.push(read)
          }
        }
      } else {
        // "| 4 | Cây lúa cả năm | | | |": a row of one name and no figure heads the rows under it,
        // whatever its notes cell says ("| 3 | Lúa vụ Mùa | | | | Vùng lúa đặc sản |", a note merged
        // down the crop's rows).
        const notesAt = tableHead ? tableColumns(tableHead, year).notes : undefined
        const cells = line.text.slice(1, -1).split('|').map((c) => c.trim()).filter((_, i) => i !== notesAt)
        const named = cells.filter((c) => /\p{L}{2,}/u.test(c))
        const last = built[built.length - 1]
        if (named.length === 1 && /^trong đó\s*:?$/iu.test(named[0]!) && last?.value.source?.startsWith('| ')) rowParts = { whole: last, parts: [] }
        else if (named.length === 1 && !/\d/u.test(cells.map((c, i) => (i === 0 && /^\d+$/u.test(c) ? '' : c)).join('|'))) rowGroup = named[0]
      }
      continue
    }
    if (!sentenceRow && !statement && groupName === undefined) {
      rowGroup = undefined
      settleParts()
      table?.close()
      table = undefined
      tableHead = undefined
      headRowLast = false
      unitAbove = undefined
      lastRow = undefined
    }
    if (current === ROOT && !planLike) continue
    // Before the plan's sections, a paragraph on a past year's results ("Năm 2025 … phường đã
    // hoàn thành …: tổng thu … đạt 16,9 tỷ đồng") states results reached, not targets.
    // In a list of targets too, a paragraph that opens on a past year ("Năm 2024, tổng giá trị sản
    // xuất tăng 8,1%; …") recalls where the year starts.
    // "Năm 2025, … còn 157 hộ nghèo. Năm 2026, xã phấn đấu …": the review ends where the plan's year begins.
    // "Năm 2024, … đạt 5.870 tấn …. Bước sang năm 2025, … . Phấn đấu …": so does a sentence that steps into the plan's year or strives.
    // ("Phường … được thành lập trên cơ sở sắp xếp …, có diện tích tự nhiên 58,6 km², dân số 46.320 người,
    // gồm 15 khóm. Năm 2025, …" under a portal's masthead: a paragraph describing the commune as it is,
    // describesCommune, in any part, ends where the plan's year begins as a review does; a paragraph
    // that never turns to it is left out whole.)
    const describes = !h && describesCommune(item.text)
    const turn = year !== undefined && (opensOnPastYear(item.text, year) || describes) ? new RegExp(String.raw`[.;]\s+(?=(?:(?:trong|bước\s+(?:sang|vào)|sang)\s+)?năm ${year}(?!\d)|phấn đấu(?![\p{L}]))`, 'iu').exec(item.text) : null
    if (!h && turn) item = { text: item.text.slice(turn.index + turn[0].length), start: item.start + turn.index + turn[0].length }
    else if (describes) continue
    else if (!h && (current === ROOT || !current.list || opensOnPastYear(line.text, year)) && pastResults(line.text, year, current === ROOT)) continue
    else if (!h && pastYearTail(item.text, year) > 0) item = { text: item.text.slice(0, pastYearTail(item.text, year)), start: item.start }
    // Before the sections, the commune as it is ("Phường … được thành lập trên cơ sở sắp xếp …, có
    // diện tích tự nhiên 11,86 km², quy mô dân số 61.240 người"): a description, not targets.
    // "Xã … có 14 ấp, sóc, trong đó đồng bào … chiếm 43,6% dân số, …": so is what the commune is made of.
    // ("Phường … được sắp xếp từ ngày 01/7/2025 trên cơ sở …, gồm 18 khu phố": so is a commune formed by merging.)
    // ("Xã … (thành lập từ ngày 01/7/2025 trên cơ sở …) có 16 thôn …": with how it was formed in brackets after its name.)
    // ("Xã … có 8 đơn vị dân cư (5 plei … và 3 thôn), 1.964 hộ": the villages counted under their common name, or as plei, xóm, khu.)
    // ("Tân Lập là xã miền núi có 9 thôn, đồng bào … chiếm trên 90% dân số": what the commune is, said with "là".)
    if (!h && current === ROOT && !/phấn đấu/iu.test(line.text) && /^[^,.;:()]{1,40}?\s+là\s+(?:một\s+)?(?:xã|phường|thị trấn)(?![\p{L}])/iu.test(line.text)) continue
    // (Not a paragraph that opens on its field, "Về phát triển kinh tế, phường phấn đấu …; diện tích cao su hiện có duy trì 1.620 ha",
    // "Về kinh tế: Diện tích sản xuất muối đạt …; diện tích nuôi tôm … hiện có duy trì trên 420 ha": the year's content.)
    if (!h && current === ROOT && !opensOnField(item.text) && (/được (?:thành lập|sắp xếp|sáp nhập|hợp nhất)(?![\p{L}])|diện tích tự nhiên|quy mô dân số|hiện có .*\d|nhân khẩu/iu.test(line.text) || /^(?:xã|phường|thị trấn)\s+[^,.;:()]{1,40}?\s+(?:\([^()]*\)\s+)?(?:có|gồm)\s+\d+\s+(?:thôn|ấp|sóc|bản|buôn|làng|plei|xóm|tổ dân phố|khu phố|khóm|khu dân cư|khu|đơn vị (?:dân cư|hành chính))(?![\p{L}])/iu.test(line.text))) continue
    if (EMULATION_LINE_RE.test(item.text.trim())) continue
    // "Mục tiêu giai đoạn 2021 - 2025 …: …": a period's aims, not the year's targets.
    if (!h && periodAims(item.text, year)) continue
    // (A target's plan cell read as a line, groupPlanCell, is a line of a list of targets wherever its
    // card stands: "Mức phấn đấu năm 2026: 100% bếp ăn …; không để xảy ra ngộ độc …" under "IV. BỘ CHỈ SỐ
    // THI ĐUA" sets the goal after its ";" as a list's item does.)
    const inList = (current.list || groupName !== undefined) && !h && !beforeIntro
    // "… cao hơn năm 2022 ít nhất 8% (năm 2022: 72 triệu đồng/người/năm)": against a stated base.
    const compared = !h || !isTitle(h.rest, lines, index) ? comparedToBase(item, current, year, doc, codes, built.length) : undefined
    if (compared) {
      built.push(compared)
      sectionsUsed.add(current)
      continue
    }
    // ("… năm 2024 đạt 92%, đến năm 2025 đạt 95%": the later year's figure beside the plan year's is no target.)
    // ("Năm 2026, toàn phường đón … ước đạt 1.480 tỷ đồng. Năm 2027, phấn đấu …": so is a past year's result beside it.)
    const found = pastYearNamed(
      findTargets(item, current, true).filter((f) => !laterYearFigure(item.text, f.at - item.start, year)),
      item,
      year,
    )
    // (The first figure of a target's plan is the target the row names: "đạt 12.000 tấn trở lên (lúa …)".)
    // (Not a figure after a ";": "cuối năm không còn hộ nghèo; giảm ít nhất 30 hộ cận nghèo" under
    // "Hộ nghèo, hộ cận nghèo" names its own quantity, the first clause being the row's first target.)
    if (groupName !== undefined && found[0] && !item.text.slice(0, found[0].at - item.start).includes(';')) found[0] = { ...found[0], name: groupName }
    // "7. Sản lượng rắn thương phẩm xuất bán" over "Đạt 260 tấn trở lên, …", "1. Tốc độ tăng giá trị
    // sản xuất" over "Tăng từ 8,5% trở lên so với năm 2024.": a statement right under a heading that
    // names one target (no figure in it), naming nothing but its level, takes its name from the heading.
    // (Not where the statement holds several targets: "5. Chăn nuôi rắn" over "Duy trì ổn định từ 320 hộ
    // …; tổng đàn rắn … 185.000 con" names their field; its parts after "trong đó" are no others.)
    else if (!h && found[0] && found.filter((f) => !f.afterWhole).length === 1 && LEVEL_ONLY_NAME_RE.test(found[0].name.trim()) && underItsHeading(current, lines, index)) found[0] = { ...found[0], name: current.name }
    // "2. Sản xuất lúa" over "Diện tích gieo cấy cả năm 980 ha, năng suất bình quân 62 tạ/ha, sản lượng
    // 6.076 tấn", "4. Năng suất, sản lượng bí đỏ" over "Năng suất bình quân 250 tạ/ha; sản lượng …": the
    // crop the heading names is the crop of the statement's measures that name none.
    const crop = !h && underItsHeading(current, lines, index) ? CROP_HEADING_RE.exec(current.name)?.[1] : undefined
    // (Only where the statement opens on a measure naming no crop, and the heading's words are a
    // crop's, not a field's: "a) Sản xuất nông nghiệp" over "- Lúa vụ Đông Xuân: gieo sạ …, năng suất …".)
    if (crop && crop.split(/\s+/u).length <= 4 && !FIELD_WORDS_RE.test(crop) && BARE_MEASURE_RE.test(found[0]?.name.trim() ?? '')) {
      for (const [at, f] of found.entries()) {
        const measure = BARE_MEASURE_RE.exec(f.name.trim())
        if (measure) found[at] = { ...f, name: `${measure[1]} ${lowerFirst(crop)}${measure[2] ?? ''}` }
      }
    }
    // "- Sầu riêng" over "- Diện tích hiện có: 2.150 ha", "- Trong đó được cấp mã số vùng trồng: 900 ha",
    // "- Sản lượng: 21.500 tấn" (a slide's bullet over its sub-bullets, their indent lost): the items
    // right under a crop's bulleted name that measure its area, yield or output without naming a crop,
    // or a part of that area after "trong đó", are that crop's; the first item naming its own ends them.
    // (A part of that area after "trong đó" is a part of the crop's area read just above it.)
    const topicPart = cropTopic !== undefined && /^trong đó(?![\p{L}])/iu.test(item.text.replace(/^[-+•*]\s+/u, ''))
    let measured = false
    if (cropTopic !== undefined) {
      const bulleted = !h && (/^[-+•*]\s/u.test(line.text) || slideItem(line))
      measured = bulleted && found.length > 0 && found.every((f) => MEASURE_ALONE_RE.test(f.name.trim()) || (topicPart && f.unit === 'ha'))
      if (measured) {
        const crop = lowerFirst(cropTopic)
        for (const [at, f] of found.entries()) {
          const measure = MEASURE_ALONE_RE.exec(f.name.trim())
          found[at] = { ...f, name: measure ? `${measure[1]} ${crop}${measure[2] ?? ''}` : `Diện tích ${crop} ${lowerFirst(f.name.trim())}` }
        }
      } else cropTopic = undefined
    }
    const fromLine = fromFound(found, item, year, doc, codes, built.length)
    if (measured) {
      for (const b of fromLine) {
        if (b.value.unitOfMeasure !== 'ha' || b.value.partOf !== undefined) continue
        if (topicPart && topicArea) {
          b.value = { ...b.value, partOf: topicArea.value.code }
          b.reasons.push(`“trong đó”: là một phần của “${topicArea.value.name}”`)
        } else if (!topicPart) topicArea = b
      }
    } else topicArea = undefined
    // "- Giải quyết việc làm cho 2.400 lao động:" over "+ Trong đó qua sàn giao dịch … 900 lao động": a
    // statement ending on a colon opens the parts under it; a "Trong đó" item there, in its unit, is one.
    // ("- Diện tích điều hiện có: 2.900 ha trở lên" over "+ Trong đó điều ghép cao sản: 600 ha": so is a
    // "Trong đó" item right under any statement, a part of the statement's last figure in its unit,
    // unless it is a rate or a part already.)
    const partsItem = !h && /^[-+•*]\s+trong đó(?![\p{L}])/iu.test(line.text)
    if (partsItem && colonWhole) {
      for (const b of fromLine) {
        if (b.value.partOf !== undefined || b.value.children || unitFamily(b.value.unitOfMeasure) !== unitFamily(colonWhole.value.unitOfMeasure)) continue
        b.value = { ...b.value, partOf: colonWhole.value.code }
        b.reasons.push(`“trong đó”: là một phần của “${colonWhole.value.name}”`)
      }
    } else if (partsItem && aboveAt === textAbove) {
      for (const b of fromLine) {
        const whole = [...lineAbove].reverse().find((a) => a.value.aggregation !== 'rate' && a.value.aggregation !== 'yes_no' && a.value.partOf === undefined && unitFamily(a.value.unitOfMeasure) === unitFamily(b.value.unitOfMeasure))
        if (!whole || b.value.partOf !== undefined || b.value.children) continue
        b.value = { ...b.value, partOf: whole.value.code }
        b.reasons.push(`“trong đó”: là một phần của “${whole.value.name}”`)
      }
    } else colonWhole = !h && fromLine.length === 1 && /:\s*$/u.test(line.text) && fromLine[0]!.value.aggregation !== 'rate' ? fromLine[0] : undefined
    // (Several "Trong đó" items in a row are each a part of the statement above them all.)
    if (!partsItem) lineAbove = h ? [] : fromLine
    aboveAt = index
    for (const b of fromLine) built.push(b)
    if (fromLine.length > 0) sectionsUsed.add(current)
    // "- Về phát triển kinh tế" over "+ Nông nghiệp, lâm nghiệp" over "* Trồng mới 145 ha …": a short
    // line without a figure or a closing stop, followed by more items, names the items under it.
    // So does a field's name alone, unbulleted, over bulleted items ("Về kinh tế" over "* Thu …").
    const next = lines.slice(index + 1).find((l) => l.text !== '')
    // ("* Về kinh tế" over "1) Tổng diện tích gieo trồng …": a field's name over numbered items too.)
    // ("* Lĩnh vực kinh tế" is such a name: a field named by "lĩnh vực" as by "về"; a lone dash is no
    // word of it, and over numbered items it may run to twelve words: "… quốc phòng - an ninh, trật tự xã hội".)
    // ("Lĩnh vực kinh tế" over a table "| TT | Nội dung chỉ tiêu | … |": a field's name over a table of its targets too.)
    // ("Nhóm chỉ tiêu kinh tế" over "- Tổng mức bán lẻ …", "(1) …": a line naming a group of targets, TARGET_GROUP_RE, is such a name too.)
    const namesGroup = TARGET_GROUP_RE.test(line.text)
    const numberedNext = next !== undefined && (/^(?:[-+•*]\s+)?(?:về|lĩnh vực)\s/iu.test(line.text) || namesGroup) && ((headingOf(next.text)?.level ?? 0) >= 2 || next.text.startsWith('| '))
    // ("Tăng trưởng - thu ngân sách" over "GTSX tăng ≥ 9% …" on a slide whose levels were tabs alone,
    // lost: in a deck every line of a slide under its title is a bullet, slideItem.)
    const topic = inList && found.length === 0 && !/[.;:!…]\s*$/u.test(item.text) && item.text.split(/\s+/u).filter((w) => /[\p{L}\d]/u.test(w)).length <= (numberedNext ? 12 : 9) && next !== undefined && (/^[-+•*]\s/u.test(next.text) || numberedNext || (!h && slideItem(next))) && (/^[-+•]\s/u.test(line.text) || /^(?:về|lĩnh vực)\s/iu.test(line.text) || namesGroup || (!h && slideItem(line))) && !STATE_GOAL_RE.test(goalBody(item.text.replace(/^[-+•]\s+/u, ''))) && !REACHED_RE.test(goalBody(item.text.replace(/^[-+•]\s+/u, '')))
    if (topic) {
      topicArea = undefined
      const words = item.text.replace(/^[-+•*]\s+/u, '').trim()
      // ("Lúa 2 vụ" over "DT 980 ha": a crop named with its seasons, figures.ts SEASONS_HEAD_RE.)
      cropTopic = /^\p{L}+(?:\s+\p{L}+){0,3}(?:\s+\d{1,2}\s*vụ)?$/u.test(words) && !FIELD_WORDS_RE.test(words) && !TOPIC_LABEL_RE.test(words) && !capsTitle(words) && !/^(?:về|lĩnh vực|nhóm|chỉ tiêu)(?![\p{L}])/iu.test(words) ? words.replace(/^cây\s+/iu, '') : undefined
      continue
    }
    if (inList) {
      // The clauses of a list item without a figure are qualitative goals: yes/no.
      // A paragraph of running prose in the list (no bullet, sentences on end: "Tập trung khai
      // hoang …. Năm 2025 gieo cấy 328 ha …"), as a movement's text writes it, mixes its targets
      // with the efforts that reach them: as in prose, only a result is a goal of its own.
      const prose = !h && !/^[-+•*–]\s/u.test(line.text) && (/[.;]\s+\p{Lu}/u.test(item.text) || item.text.length > 150)
      let k = 0
      for (const c of clausesOf(item)) {
        // (A plan holds at most PLAN_LIMITS.indicators, one line's clauses too: every later pass compares the goals.)
        if (built.length >= PLAN_LIMITS.indicators) break
        while (k < found.length && found[k]!.at < c.start) k++
        if (k < found.length && found[k]!.at < c.end) {
          // "Tỷ lệ hộ gia đình văn hóa bằng hoặc cao hơn năm 2025 và 100% ấp giữ vững danh hiệu": a
          // level held at last year's, joined by "và" to the figure after it, is a target of its own.
          const joined = /^(.+?)\s+và\s*$/u.exec(c.text.slice(0, found[k]!.at - c.start))
          const held = joined && NOT_BELOW_RE.test(joined[1]!.trim()) ? notBelow({ text: joined[1]!.trim(), start: c.start, end: c.start + joined[1]!.trim().length }, current, codes, built.length, year, doc, prose) : undefined
          if (held) {
            built.push(held)
            sectionsUsed.add(current)
          }
          continue
        }
        // "Diện tích sen giữ bằng hoặc cao hơn năm 2025" in running prose: a level last year's
        // account states is a result the plan sets, as a figure would be.
        // (So is a rate or a count of incidents held at or under a past year's level the review states,
        // "tỷ lệ sinh con thứ ba trở lên bằng hoặc thấp hơn năm 2025": at most that level.)
        const stated = !prose ? undefined : NOT_BELOW_RE.test(withoutClosingMarks(c.text)) ? notBelow(c, current, codes, built.length, year, doc, true) : notAbove(c, current, codes, built.length, year, doc)
        if (stated) {
          built.push(stated)
          sectionsUsed.add(current)
          continue
        }
        // ("Tiếp tục phong trào “…”": carrying a movement on names it, as its name alone does.)
        // ("*Văn hóa - xã hội*" over the field's items, "NHÓM CHỈ TIÊU VỀ VĂN HÓA - XÃ HỘI" after an item "Chỉ tiêu 7. …":
        // a field's or a group's name alone heads them, it is none of them.)
        // ("Năm 2027, UBND xã phát động … thi đua thực hiện các chỉ tiêu chủ yếu sau đây.": a sentence announcing the targets that follow, with a stop for its colon.)
        if (/:\s*$/u.test(c.text) || ANNOUNCES_TARGETS_RE.test(c.text) || exclaimed(c.text) || c.text.split(/\s+/u).length < 3 || fieldNameLine(c.text) || TARGET_GROUP_RE.test(c.text.trim()) || GENERIC_GOAL_RE.test(goalBody(c.text)) || NAMING_HEAD_RE.test(c.text) || NAMING_HEAD_RE.test(goalBody(c.text)) || pointsBack(c.text)) continue
        // A direction of effort or a means in a list ("tăng cường tuần tra …", "thường xuyên tuyên
        // truyền …") is how the list's targets are reached, not one of them.
        const body = goalBody(c.text)
        if (prose && !STATE_GOAL_RE.test(body) && !REACHED_RE.test(body) && !unitsState(body) && !RESULT_WITHIN_RE.test(body)) continue
        // ("phát triển chăn nuôi theo hướng trang trại, …": the way to go is a direction too, unless it names a result.)
        if ((DIRECTION_RE.test(body) || READINESS_RE.test(c.text.trim()) || (ONGOING_RE.test(c.text.trim()) && !REACHED_RE.test(body) && !STATE_GOAL_RE.test(body)) || MEANS_RE.test(body.split(',')[0]!) || (ORG_DUTY_RE.test(body) && !EACH_UNIT_STATE_RE.test(body)) || (/\stheo hướng\s/iu.test(body) && !STATE_GOAL_RE.test(body) && !REACHED_RE.test(body))) && !/,\s*(?:không để|không còn|giữ vững|hoàn thành)\s/iu.test(body)) continue
        // "Tập trung chăm sóc, cải tạo vườn cây …": what the effort goes to, unless it is a state to reach ("tập trung hoàn thành …").
        if (/^(?:tiếp tục\s+)?tập trung\s/iu.test(c.text) && !STATE_GOAL_RE.test(c.text) && !REACHED_RE.test(body)) continue
        // ("… (không tính là chỉ tiêu giao)": a clause the plan itself marks as no target; guards.ts, markedNoTarget.)
        if (midYearMilestone(c.text) || laterYear(c.text, year) || routineDuty(c.text) || markedNoTarget(c.text)) continue
        // "Để tổ chức thực hiện, UBND xã phân bổ …": a purpose and a means, no goal.
        if (/^(?:để|nhằm)\s/iu.test(body)) continue
        // "hoàn thành trước ngày 10/02/2026": a deadline for what the item asks, not a goal.
        if (/^hoàn thành\s+(?:trước|trong|chậm nhất)\s+(?:ngày|tháng|quý|năm)/iu.test(body)) continue
        // “Chung tay xây dựng đô thị văn minh”: a movement's name alone, in quotes.
        if (/^[“"][^“”"]+[”"]$/u.test(c.text.trim())) continue
        // A clause with a figure that is no target (a starting point, an amount given) is no goal either.
        // (A size in brackets, "(…, dài 1,2 km)", describes what the goal is about.)
        // A figure asked of each village: the state every one must have is a goal ("Mỗi thôn có ít
        // nhất 01 tuyến đường hoa …"); a duty of some of them or an action asked of each is not.
        const each = EACH_UNIT_RE.exec(body) ?? ALL_UNITS_STATE_RE.exec(body)
        if (each && !EACH_UNIT_STATE_RE.test(body.slice(each.index)) && !ALL_UNITS_STATE_RE.test(body.slice(each.index))) continue
        // (Nor does the change after a count of all the units, "4/4 trường … (tăng 01 trường …)"; guards.ts.)
        const told = withoutChangeOfAll((each ? c.text.slice(0, c.text.length - body.length + each.index) : c.text).replace(/\([^()]*?(?:dài|rộng|cao|quy mô|diện tích)\s*(?:khoảng\s+)?\d[^()]*\)/giu, ''))
        // "giảm cả 3 tiêu chí": all of a set, named by their number, is no figure of that kind.
        // ("… an ninh biên giới trên 11,6 km đường biên …": where the duty is done, no figure of it.)
        if ([...told.matchAll(new RegExp(QUANTITY_RE.source, 'giu'))].some((q) => !wholeFraction(q[0]) && !/(?:^|\s)cả\s*$/iu.test(told.slice(0, q.index)) && !guardedExtent(told.slice(0, q.index), q[5]))) continue
        built.push(notBelow(c, current, codes, built.length, year, doc) ?? notAbove(c, current, codes, built.length, year, doc) ?? noneLeft(c, current, codes, built.length) ?? yesNo(c, current, codes, built.length, 'medium', ['mục tiêu định tính trong danh sách chỉ tiêu: đạt/không đạt']))
        sectionsUsed.add(current)
      }
    } else if ((current.content || opensOnField(item.text)) && !(h && isTitle(h.rest, lines, index))) {
      // "Về văn hóa - xã hội: …": a paragraph that names its field is content, sections or not.
      // So is one that opens on its field before a comma ("Trên lĩnh vực kinh tế, …", "Về quốc phòng, an ninh, …"), as a letter writes it.
      // ("Năm là, về quốc phòng - an ninh: hoàn thành …; giữ vững …": after the paragraph's ordinal too.)
      proseLines.push({ line: item, section: current, figures: found.map((f) => f.at) })
    }
  }

  table?.close()
  settleParts()

  // A crop's measures on lines of their own, linked (passes.ts).
  linkCropRows(built)

  // A plan that lists no targets states its goals in prose: each clause opening with a goal verb
  // ("giữ vững…", "thực hiện tốt…", "không để…") in its content sections is a yes/no goal.
  // A plan with a list of targets keeps its prose for results only ("giữ vững …", "không để …"):
  // its directions of effort and means there are not targets.
  {
    // An item's first goal leads it; a later clause of the same item that only intensifies or
    // carries out (elaborates) is part of that goal, named in its reasons, not a target of its own.
    const leads = new Map<Section, Built>()
    // A plan that sets figures states its goals as figures and as results ("giữ vững …", "không
    // để …"); its directions of effort and its means ("đẩy mạnh …", "tuyên truyền …") are how it
    // gets there, left out. A plan with no figure at all states its goals as directions: they are
    // drafted, with low confidence, for the officer to keep or drop.
    const setsFigures = built.some((b) => b.value.aggregation !== 'yes_no')
    for (const { line, section, figures } of proseLines) {
      if (built.length >= PLAN_LIMITS.indicators) break
      for (const c of goalClauses(line, figures)) {
        // (So does one line's: a line of thousands of clauses is no plan either, and every later pass
        // compares its goals.)
        if (built.length >= PLAN_LIMITS.indicators) break
        // ("1. Thi đua hoàn thành các chỉ tiêu chủ yếu năm 2024 … (biểu sao chép từ Nghị quyết):": a clause
        // ending on a colon introduces what follows it, a table or a list, as in a list of targets.)
        if (/:\s*$/u.test(c.text) || laterYear(c.text, year) || routineDuty(c.text) || pointsBack(c.text) || markedNoTarget(c.text) || movementFields(line, c)) continue
        const reasons = [listSeen ? 'mục tiêu định tính lấy từ đoạn văn, ngoài danh sách chỉ tiêu: cán bộ xác nhận' : 'mục tiêu định tính lấy từ đoạn văn (kế hoạch không có danh sách chỉ tiêu): cán bộ xác nhận']
        for (const j of c.joined) reasons.push(`phần nối tiếp thuộc mục tiêu này, không phải mục tiêu riêng: “${clip(j, 160)}”`)
        const confidence = proseConfidence(c.text, reasons)
        // ("… không để xảy ra trọng án; số vụ tai nạn giao thông bằng hoặc thấp hơn năm 2026": a count
        // held at a past year's that the review states is a result the plan sets, as a figure would be.)
        const held = listSeen || setsFigures ? notAbove(c, section, codes, built.length, year, doc) : undefined
        if (held) {
          built.push(held)
          sectionsUsed.add(section)
          continue
        }
        // ("Mỗi bản có ít nhất một tổ tự quản …": what every village must have is a state as well.)
        // ("Số ấp giữ vững danh hiệu Ấp văn hóa: 8/8 ấp": so is a line labelled by the count of the units keeping a state, all of them.)
        if ((listSeen || setsFigures) && ((!STATE_GOAL_RE.test(goalBody(c.text)) && !REACHED_RE.test(goalBody(c.text)) && !unitsState(goalBody(c.text)) && !LABELLED_ALL_UNITS_RE.test(c.text.trim())) || (ORG_DUTY_RE.test(c.text) && !unitsState(goalBody(c.text))))) continue
        const lead = leads.get(section)
        if (lead && confidence === 'low' && elaborates(c.text)) {
          lead.reasons.push(`cùng mục còn nêu hướng nỗ lực hoặc cách làm, gộp vào mục tiêu này, không tách thành chỉ tiêu riêng: “${clip(c.text, 160)}”`)
          continue
        }
        const b = notBelow(c, section, codes, built.length, year, doc) ?? notAbove(c, section, codes, built.length, year, doc) ?? noneLeft(c, section, codes, built.length) ?? yesNo(c, section, codes, built.length, confidence, reasons)
        built.push(b)
        if (!lead) leads.set(section, b)
        sectionsUsed.add(section)
      }
    }
  }

  // Items stated twice or shared out, and totals of nearby items (passes.ts).
  mergeRestatedParts(built)
  sumNearbyTotals(built, text)
  dropVillageShares(built, doc)
  dropRestatedGrowths(built, text)
  dropRestatedFigures(built)
  dropRestatedGoals(built, text)
  dropMovementWording(built, sections, text)
  // The conclusion of a conference's minutes ("4. Kết luận của đồng chí chủ trì": "Trồng mới 50 ha dừa
  // (tăng 10 ha so với dự thảo)") sets the figures of the draft read out before it: a target it states
  // replaces the draft's of the same measure, as a correction does.
  for (const [at, sec] of sections.entries()) {
    if (sec.excluded || !CONCLUSION_SECTION_RE.test(sec.name)) continue
    const next = sections.slice(at + 1).find((x) => x.level <= sec.level)
    corrections.push({ start: sec.span.start, end: next?.span.start ?? text.length, why: 'kết luận của hội nghị thay chỉ tiêu của dự thảo' })
  }
  applyCorrections(built, corrections)
  // How each amount rolls up over the year: a flow or a stock (passes.ts).
  settleAggregations(built, text)
  // The figure each cut is measured from, where the document states it (passes.ts).
  settleBaselines(built, text, year, doc)
  sectionsUsed.clear()
  for (const b of built) sectionsUsed.add(b.found?.section ?? ROOT)

  // Fields: the sections holding targets and their ancestors, outermost first.
  const fieldSections = new Set<Section>()
  for (const s of sectionsUsed) for (let x: Section | undefined = s; x && x !== ROOT; x = x.parent) fieldSections.add(x)
  const fields: Drafted<Field>[] = []
  const fieldCodes = new Codes()
  const codeOf = new Map<Section, string>()
  for (const s of sections) {
    if (!fieldSections.has(s)) continue
    const code = fieldCodes.take(v.is(CodeSchema, s.code) ? s.code : slug(s.name))
    codeOf.set(s, code)
    const parent = s.parent && s.parent !== ROOT ? codeOf.get(s.parent) : undefined
    fields.push({ id: `field.${fields.length}`, value: { code, name: clip(s.name, 200), ...(parent ? { parent } : {}) }, source: s.span, confidence: 'high', reasons: [], ambiguous: false })
  }
  if (sectionsUsed.has(ROOT)) {
    fields.unshift({ id: `field.${fields.length}`, value: { code: fieldCodes.take(ROOT.code), name: ROOT.name }, source: { start: 0, end: 0 }, confidence: 'medium', reasons: ['chỉ tiêu không nằm trong mục nào'], ambiguous: false })
    codeOf.set(ROOT, ROOT.code)
  }
  const indicators: Drafted<Indicator>[] = built.slice(0, PLAN_LIMITS.indicators).map((b, i) => {
    const field = codeOf.get(b.found?.section ?? ROOT) ?? b.value.field
    const fix = (x: Indicator): Indicator => {
      const out = { ...x, field }
      // A reading the model refuses (a reduction whose top is below its bottom, a share over
      // 100%) keeps its indicator without a target, and says why.
      const checked = v.safeParse(IndicatorSchema, out)
      if (checked.success) return out
      delete out.target
      b.confidence = 'low'
      b.reasons.push(`không lập được chỉ tiêu: ${checked.issues.map((e) => e.message).join('; ')}`)
      return out
    }
    return {
      id: `indicator.${i}`,
      value: fix(b.value),
      source: b.source,
      confidence: b.confidence,
      reasons: b.reasons,
      ambiguous: b.ambiguous,
      ...(b.alternatives ? { alternatives: b.alternatives.map(fix) } : {}),
    }
  })
  const draft: PlanDraft = {
    format: PLAN_DRAFT_FORMAT,
    text,
    header,
    movements,
    phases,
    fields,
    indicators,
    issues: [],
    noTargets: indicators.length === 0,
  }
  if (!draft.noTargets) {
    try {
      draft.issues = validatePlan(planFromDraft(draft, 'all', year ?? (Number(header.issuedOn?.value.slice(0, 4)) || 2000)))
    } catch {
      // planFromDraft refuses only what the items above already say is wrong.
    }
  }
  return draft
}

/**
 * The figures of a line without those of a past year's result beside the plan year's (guards.ts,
 * pastYearFigure). "Tỷ lệ bao phủ bảo hiểm y tế năm 2026 đạt 94,1%, năm 2027 đạt 95% trở lên": the
 * plan year's figure, named by its year alone, is the measure the past year's result names; its
 * source runs from that name.
 */
function pastYearNamed(found: Found[], item: Line, year: number | undefined): Found[] {
  const out: Found[] = []
  let dropped: Found | undefined
  for (const f of found) {
    if (pastYearFigure(item.text, f.at - item.start, year)) {
      dropped = f
      continue
    }
    const bare = year !== undefined && new RegExp(String.raw`^(?:(?:trong|cuối)\s+)?năm ${year}$`, 'iu').test(f.name.trim())
    const between = dropped ? item.text.slice(dropped.at - item.start, f.at - item.start) : ''
    const measure = dropped?.name.replace(/\s+(?:(?:trong|cuối)\s+)?năm\s+\d{4}$/iu, '').trim()
    out.push(bare && measure && !/[.;:]\s/u.test(between) ? { ...f, name: measure, span: { ...f.span, start: dropped!.span.start } } : f)
    dropped = undefined
  }
  return out
}

/**
 * "| 4 | Sản lượng lương thực có hạt (tấn) | 9.530 |", "| | Trong đó: | |", "| | - Thóc (tấn) | 8.750 |",
 * "| | - Ngô (tấn) | 780 |": the rows under a "Trong đó:" row, of the row's unit, adding up to its
 * figure, are its parts: the row is their sum.
 */
function sumOfPartRows(whole: Built, parts: readonly Built[]): void {
  const figure = figureOf(whole.value.target)
  if (figure === undefined || parts.length < 2 || whole.value.children || whole.value.formula || whole.value.target?.kind !== 'at_least') return
  if (parts.some((p) => p.value.unitOfMeasure !== whole.value.unitOfMeasure || p.value.formula || p.value.children || figureOf(p.value.target) === undefined)) return
  if (!agreesWith(figure, parts.reduce((sum, p) => sum + figureOf(p.value.target)!, 0))) return
  whole.value = { ...whole.value, children: parts.map((p) => p.value.code), target: { kind: 'derived', value: figure } }
  whole.reasons.push(`tổng của ${parts.map((p) => `“${p.value.name}”`).join(', ')}: các dòng “trong đó” cộng lại bằng dòng này`)
}

/**
 * "| Chỉ tiêu: Lúa cả năm | Thực hiện năm 2025: … | Kế hoạch năm 2026: gieo cấy ổn định 2.000 ha, năng
 * suất bình quân 57 tạ/ha |" (a target's labelled lines, normalize.ts): the plan's cell, its words
 * after the label, when it says more than one figure or goal (several figures, "trong đó", "; "). It
 * is read as a line of the list, each figure and clause with its own span, under the row's name.
 */
function groupPlanCell(line: Line): { name: string; cell: Line } | undefined {
  if (!line.text.startsWith('| Chỉ tiêu: ')) return undefined
  let pos = 1
  let name: string | undefined
  for (const raw of line.text.slice(1, -1).split('|')) {
    const label = /^\s*(?:chỉ tiêu|kế hoạch|mục tiêu|(?:mức\s+)?phấn đấu)(?:\s+(?:năm\s+)?\d{4})?\s*:\s*/iu.exec(raw)
    if (label && name === undefined) name = raw.slice(label[0].length).trim()
    else if (label && name !== undefined) {
      const text = raw.slice(label[0].length).trim()
      const figures = [...text.matchAll(new RegExp(QUANTITY_RE.source, 'giu'))].length
      if (figures < 2 && !/;\s|trong đó/iu.test(text)) return undefined
      return { name, cell: { text, start: line.start + pos + label[0].length } }
    }
    pos += raw.length + 1
  }
  return undefined
}
