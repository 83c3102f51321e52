// The sections of a plan's document: its headings, the section tree and its root, a section's
// name and whether a heading titles its section; with the text helpers every part of the drafter
// uses (clip, lowerFirst, upperFirst).
import type { Line } from './header'
import type { SourceSpan } from './types'
import { withoutClosingMarks } from './lexicon'

export interface Section {
  level: number
  code: string
  name: string
  parent: Section | undefined
  span: SourceSpan
  /** Inside a list of targets: every item is a target, a figure or a yes/no goal. */
  list: boolean
  /** Purposes, requirements, solutions, how the plan is carried out: no targets there. */
  excluded: boolean
  /** A content section (nội dung, nhiệm vụ, chỉ tiêu, giao ước) where qualitative goals live. */
  content: boolean
}

export const ROOT: Section = { level: 0, code: 'CHUNG', name: 'Chỉ tiêu chung', parent: undefined, span: { start: 0, end: 0 }, list: false, excluded: false, content: false }

export function headingOf(text: string): { level: number; label: string; rest: string } | undefined {
  // "Phần thứ nhất", "PHẦN II. …": the document's parts, above its roman sections.
  let m = /^phần\s+(?:thứ\s+)?(nhất|hai|ba|tư|năm|[IVX]{1,4}|\d)\s*[.:]?\s*(.*)$/iu.exec(text)
  if (m) return { level: 0.5, label: `P${m[1]!.toUpperCase()}`, rest: m[2]! }
  // "PHỤ LỤC – CÁC CHỈ TIÊU THI ĐUA NĂM 2025", "Phụ lục 1: …": an appendix, after the signature.
  m = /^phụ lục(?:\s+(?:số\s+)?([\dIVX]{1,3}))?(?:\s*[-–:.]\s*|\s+)(\p{L}.*)$|^phụ lục(?:\s+(?:số\s+)?([\dIVX]{1,3}))?\s*$/iu.exec(text)
  if (m) return { level: 0.5, label: `PL${(m[1] ?? m[3] ?? '').toUpperCase()}`, rest: m[2] ?? '' }
  // "Biểu số 01", "Biểu mẫu 02: Chỉ tiêu thi đua": a numbered schedule of figures, an appendix too.
  m = /^biểu(?:\s+mẫu)?\s+(?:số\s+)?(\d{1,2}[a-z]?)\s*(?:[-–:.]\s*(\p{L}.*))?$/iu.exec(text)
  if (m) return { level: 0.5, label: `PL${m[1]!.toUpperCase()}`, rest: m[2] ?? '' }
  // "I/ MỤC ĐÍCH, YÊU CẦU": a hand-typed slash after the roman numeral, as after a point.
  // (Not "C." alone: no plan numbers a hundred parts; after "A." and "B." it is the third group, below.)
  m = /^(?!C[.)/])([IVXLC]{1,6})[.)/]\s+(.*)$/u.exec(text)
  if (m) return { level: 1, label: m[1]!, rest: m[2]! }
  // "Điều 1. Giao chỉ tiêu thi đua …", "Điều 2. Khen thưởng": the articles of a decision or a resolution.
  m = /^điều\s+(\d{1,2})\s*[.:]\s*(.*)$/iu.exec(text)
  if (m) return { level: 1, label: `Đ${m[1]!}`, rest: m[2]! }
  // "A. Về kinh tế", "B. Về văn hóa – xã hội": groups between the roman sections and the numbered items.
  m = /^([A-HJKMNO-UWYZĐ])[.)]\s+(\p{Lu}.*)$/u.exec(text)
  if (m) return { level: 1.5, label: m[1]!, rest: m[2]! }
  // "1.1/ Giá trị sản xuất …": a hand-typed slash after a sub-item's number, as after a point.
  m = /^(\d{1,2}(?:\.\d{1,2}){1,3})[./]?\s+(.*)$/u.exec(text)
  if (m) return { level: 2 + m[1]!.split('.').length - 1, label: m[1]!.split('.').pop()!, rest: m[2]! }
  // "2/ Chỉ tiêu thi đua": a hand-typed slash after an item's number too.
  m = /^(\d{1,2})[.)/]\s+(.*)$/u.exec(text)
  if (m) return { level: 2, label: m[1]!, rest: m[2]! }
  // "b/ Chủ tịch UBND xã tặng Giấy khen …": a hand-typed slash after a letter, as after a roman numeral.
  m = /^([a-zđ])[)./]\s+(.*)$/u.exec(text)
  if (m) return { level: 5, label: m[1]!, rest: m[2]! }
  return undefined
}

/**
 * "NỘI DUNG THI ĐUA", "TỔ CHỨC THỰC HIỆN": a title in capitals alone on its line, two to eight
 * words and no figure but a year after "NĂM", read as a top section where the plan numbers none.
 */
export function capsHeading(text: string, n: number): { level: number; label: string; rest: string } | undefined {
  // ("CHỈ TIÊU THI ĐUA NĂM 2026": the plan's year after the title is no figure.)
  const title = text.trim().replace(/\s+NĂM\s+\d{4}(?=:?$)/u, '')
  const words = title.split(/\s+/u)
  if (words.length < 2 || words.length > 8 || /\d/u.test(title) || !/^[\p{Lu}\s,–-]+:?$/u.test(title)) return undefined
  return { level: 1, label: `M${n}`, rest: text.trim() }
}

/**
 * "CHỈ TIÊU KINH TẾ (1/2)", "Chỉ tiêu văn hóa - xã hội", "THỜI GIAN VÀ KHEN THƯỞNG": a slide's title,
 * the first line of a slide of a deck (no bullet, no number, fifteen words at most, no closing stop),
 * opens a top section, named without the mark of a slide continued ("(1/2)", "(tiếp)", "(tiếp theo)").
 */
export function slideHeading(text: string, n: number): { level: number; label: string; rest: string; name: string } | undefined {
  const title = text.trim().replace(/\s*\((?:\d{1,2}\s*\/\s*\d{1,2}|tiếp(?:\s+theo)?)\)$/iu, '').replace(/\s*:$/u, '')
  if (title === '' || /[.;,!?…]$/u.test(title) || title.split(/\s+/u).length > 15) return undefined
  return { level: 1, label: `M${n}`, rest: '', name: title }
}

/**
 * "• CHỈ TIÊU THI ĐUA NĂM 2025", "• Khen thưởng:", "• Tổ chức thực hiện: VP theo dõi, …" (a bullet
 * read as "- "): where a plan numbers nothing, a bulleted title in capitals, or a bulleted name of
 * one of a plan's parts before a colon (its purpose, its targets, its time, its awards, how it is
 * carried out; five words at most), opens one of its top sections. The name is the title or the
 * words before the colon; what follows the colon is the section's text.
 */
export function bulletHeading(text: string, n: number): { level: number; label: string; rest: string; name: string } | undefined {
  const m = /^-\s+(.+)$/u.exec(text.trim())
  if (!m) {
    // "Thời gian: đợt 1 từ …", "Khen thưởng: Chủ tịch UBND xã tặng …" without a bullet, as a message
    // writes them: the name of a part that holds no targets (its purpose, time, awards, how it is
    // carried out, its funds) before a colon opens that part too. (Not "Chỉ tiêu: …", a form's label.)
    // ("**Đánh giá năm 2026:** Xã … có 21 thôn. Năm 2026 sản lượng lúa đạt …": so does a review of the year before.)
    const bare = /^(\p{Lu}[^:\d;.,()“”"]{1,40}?)\s*:\s*(.*)$/u.exec(text.trim()) ?? REVIEW_LABEL_RE.exec(text.trim())
    const name = bare?.[1]!.trim()
    if (!bare || !name || !(NON_TARGET_PART_RE.test(name) || REVIEW_LABEL_RE.test(text.trim()))) return undefined
    return { level: 1, label: `M${n}`, rest: bare[2]!, name }
  }
  const body = m[1]!
  const caps = body.replace(/:\s*$/u, '').trim()
  if (capsTitle(caps) && caps.split(/\s+/u).length <= 12) return { level: 1, label: `M${n}`, rest: body, name: caps }
  // "• Kết quả 2025 (để so sánh)", "• Chỉ tiêu kinh tế - đô thị", "• Nhiệm vụ": a part's name alone on
  // its bulleted line, no colon, no stop, a remark in brackets at most, opens the part too.
  if (caps === body.trim() && /^\p{Lu}/u.test(caps) && BARE_PART_NAME_RE.test(caps)) return { level: 1, label: `M${n}`, rest: '', name: caps }
  const named = /^(\p{Lu}[^:\d;.,()“”"]{1,40}?)\s*:\s*(.*)$/u.exec(body)
  const name = named?.[1]!.trim()
  if (!named || !name || name.split(/\s+/u).length > 5 || !PART_NAME_RE.test(name)) return undefined
  return { level: 1, label: `M${n}`, rest: named[2]!, name }
}

/**
 * "Mục đích: …" over "Chỉ tiêu thi đua năm 2025" alone on its line (bold in the source), then "Về kinh
 * tế: …": where a plan numbers nothing, a part's name alone on its line, without a bullet, ends the
 * part without targets it follows and opens its own. (Only after such a part: elsewhere a line
 * "Chỉ tiêu thi đua năm 2024" among a plan's indented levels is one of them.)
 */
export function partNameHeading(text: string, n: number): { level: number; label: string; rest: string; name: string } | undefined {
  const alone = text.trim().replace(/\s*:$/u, '')
  return /^\p{Lu}/u.test(alone) && BARE_PART_NAME_RE.test(alone) ? { level: 1, label: `M${n}`, rest: '', name: alone } : undefined
}

/**
 * "Về kinh tế", "Về quốc phòng, an ninh", "Lĩnh vực văn hóa - xã hội": where a plan numbers nothing
 * (a Word document whose automatic numbering was lost), a field's name alone on its line, without
 * a bullet, a stop or a figure, nine words at most, opens a field of the part it stands in.
 */
export function fieldHeading(text: string, n: number): { level: number; label: string; rest: string } | undefined {
  const t = text.trim()
  if (!FIELD_NAME_LINE_RE.test(t) || t.split(/\s+/u).length > 9) return undefined
  return { level: 2, label: `M${n}`, rest: t }
}

/** A field's bare name ("Kinh tế", "Văn hóa - xã hội", "Quốc phòng - an ninh", "Xây dựng Đảng, chính quyền"). */
const FIELD_WORDS = String.raw`(?:kinh tế|văn hóa|văn hoá|xã hội|quốc phòng|an ninh|trật tự|nông nghiệp|nông,\s*lâm(?:\s+nghiệp)?|môi trường|giáo dục|y tế|chính quyền|xây dựng (?:đảng|chính quyền|hệ thống chính trị|nông thôn mới))`

/** A field named after "Về" or "Lĩnh vực" ("Về kinh tế", "Lĩnh vực văn hóa", "Về xây dựng chính quyền"): a field's heading or run-in label opens on it. */
const FIELD_HEAD = String.raw`(?:về|lĩnh vực)\s+(?:lĩnh vực\s+)?(?:phát triển\s+)?${FIELD_WORDS}`

/**
 * A line that is only a field's name: after "Về" or "Lĩnh vực" ("Về kinh tế", "Lĩnh vực văn hóa - xã
 * hội"), or bare, as a plan sets it in italics or bold over its items ("*Văn hóa - xã hội*",
 * "Quốc phòng - an ninh"): field words only, joined by a dash, a comma or "và".
 */
const FIELD_NAME_LINE_RE = new RegExp(String.raw`^(?:${FIELD_HEAD}(?:\s*(?:[-–,&]|và)\s*[^.;:!?…\d]{1,40})?|${FIELD_WORDS}(?:\s*(?:[-–,&]|và)\s*${FIELD_WORDS}){0,3})$`, 'iu')

/** The line is only a field's name (FIELD_NAME_LINE_RE): a heading over items, never an item. */
export const fieldNameLine = (text: string): boolean => FIELD_NAME_LINE_RE.test(text.trim()) && text.trim().split(/\s+/u).length <= 9

/** A field's run-in label and the words after it ("Về kinh tế: Phấn đấu …"). */
const FIELD_LABEL_RE = new RegExp(String.raw`^(${FIELD_HEAD}[^.;:!?…\d]{0,40}?)\s*:\s*(\S.*)$`, 'iu')

/**
 * "**Về kinh tế:** Phấn đấu tổng sản lượng lương thực …" after a review of the year before written as a
 * run-in label ("**Tình hình năm 2024:** …", REVIEW_LABEL_RE): where a plan numbers nothing, a field's
 * run-in label opening a paragraph that does not open on a past year opens the year's content again,
 * a part of that field; the paragraph, label and all, is its first item. `review` is the text of the
 * line that opened the part the paragraph stands in.
 */
export function fieldLabelPart(text: string, n: number, review: string, year: number | undefined): { level: number; label: string; rest: string; name: string } | undefined {
  const m = FIELD_LABEL_RE.exec(text.trim())
  const opened = REVIEW_LABEL_RE.exec(review.trim())
  if (!m || !opened || opened[2]!.trim() === '' || new RegExp(`^(?:năm|trong năm|cả năm)\\s+${year === undefined ? '\\d{4}' : String(year - 1)}(?![\\d])`, 'iu').test(m[2]!)) return undefined
  return { level: 1, label: `M${n}`, rest: text.trim(), name: m[1]!.trim() }
}

/** A review of a year named as a label before a colon ("Đánh giá năm 2026", "Kết quả thực hiện năm 2025", "Tình hình năm 2024"). */
const REVIEW_LABEL_RE = /^((?:đánh giá|kết quả|tình hình)(?:\s+(?:kết quả|thực hiện|đạt được|chung))?\s+năm\s+\d{4})\s*:\s*(.*)$/iu

/** The name of one of a plan's parts that holds no targets, as a label before a colon writes it ("Mục đích", "Thời gian", "Khen thưởng"). */
const NON_TARGET_PART_RE = /^(?:mục đích(?:,\s*yêu cầu)?|yêu cầu|thời gian(?:\s+(?:thực hiện|phát động|thi đua|tổ chức))?|(?:hình thức\s+)?khen thưởng|tổ chức thực hiện|kinh phí(?:\s+thực hiện)?)$/iu

/** The name of one of a plan's parts, as a bulleted label writes it ("Mục đích", "Thời gian", "Khen thưởng", "Tổ chức thực hiện"). */
const PART_NAME_RE = /^(?:mục đích(?:,\s*yêu cầu)?|yêu cầu|(?:các\s+)?(?:chỉ tiêu|mục tiêu|nội dung)(?:\s+thi đua)?|(?:các\s+)?phong trào(?:\s+thi đua)?|thời gian(?:\s+(?:thực hiện|phát động|thi đua|tổ chức))?|(?:hình thức\s+)?khen thưởng|tổ chức thực hiện|kinh phí(?:\s+thực hiện)?)$/iu

/**
 * The name of one of a plan's parts alone on a bulleted line, as a message copy writes them
 * ("Căn cứ", "Mục đích", "Kết quả 2025 (để so sánh)", "Chỉ tiêu kinh tế - đô thị", "Chỉ tiêu thi đua năm 2025", "Nhiệm vụ",
 * "Thời gian", "Khen thưởng"): its grounds, its purpose, last year's results, its targets or
 * those of one field, its tasks, its time, its awards; an upper-case first letter, a remark in
 * brackets at most after it.
 */
const BARE_PART_NAME_RE = new RegExp(
  String.raw`^(?:căn cứ|mục đích(?:,\s*yêu cầu)?|yêu cầu|kết quả(?:\s+(?:thực hiện|đạt được))?(?:\s+năm)?\s+\d{4}|(?:các\s+)?(?:chỉ tiêu|mục tiêu)(?:\s+thi đua)?(?:\s+(?:chủ yếu|cụ thể))?(?:\s+năm\s+\d{4})?(?:\s+(?:về\s+|lĩnh vực\s+)?(?:kinh tế|văn hóa|văn hoá|xã hội|quốc phòng|an ninh|nông nghiệp|môi trường|giáo dục|y tế|đô thị|xây dựng (?:đảng|chính quyền|hệ thống chính trị|nông thôn mới))(?:\s*(?:[-–,&]|và)\s*[\p{L}\s]{2,30}?)?)?|nhiệm vụ(?:,?\s+giải pháp)?|thời gian(?:\s+(?:thực hiện|phát động|thi đua|tổ chức))?|(?:hình thức\s+)?khen thưởng|tổ chức thực hiện|kinh phí(?:\s+thực hiện)?)(?:\s*\([^()\d]{1,40}\))?$`,
  'iu',
)

/** A section's name written in capitals, as a plan titles its parts ("NHIỆM VỤ VÀ GIẢI PHÁP"): two words or more, no lower case letter. */
export const capsTitle = (name: string): boolean => /\p{L}{2,}\s+\p{L}{2,}/u.test(name) && !/\p{Ll}/u.test(name)

/** A section's name: its first clause, without the trailing colon. */
export function sectionName(rest: string): string {
  const first = rest.split(/(?<=[^\d])[.;](?:\s|$)|:\s*$/u)[0] ?? rest
  return clip(withoutClosingMarks(first, /[:.\s]/u).trim(), 200) || rest.slice(0, 200)
}

export function clip(s: string, max: number): string {
  if (s.length <= max) return s
  const cut = s.slice(0, max - 1)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`
}

/**
 * A heading that names its section ("1. Thi đua phát triển kinh tế, xây dựng nông thôn mới")
 * rather than stating a goal: no punctuation at its end, and a paragraph (not another heading)
 * under it. A numbered goal ("3. Giữ vững an ninh chính trị; …", "9. Kiểm soát dịch bệnh,")
 * ends with punctuation or stands alone.
 */
export function isTitle(rest: string, lines: readonly Line[], index: number): boolean {
  // "3. Giữ vững quốc phòng, an ninh …. Chỉ tiêu cụ thể:": a group's direction that opens the list of its targets.
  if (/(?:^|[.:]\s+)(?:các\s+|một số\s+)?chỉ tiêu(?:\s+(?:cụ thể|chủ yếu|chính))?(?:\s+như sau)?\s*:\s*$/iu.test(rest) && /[.:]\s+\S/u.test(rest)) return true
  if (/[.;:,…]\s*$/u.test(rest)) return false
  const next = lines.slice(index + 1).find((l) => l.text !== '')
  if (next === undefined) return false
  // Followed by prose, or by its own sub-headings ("3. Thi đua bảo đảm quốc phòng, an ninh", then "a) Quốc phòng. …").
  const own = headingOf(lines[index]!.text)
  const sub = headingOf(next.text)
  return sub === undefined || (own !== undefined && sub.level > own.level)
}

/** "Một là, …" to "Mười là, …": the ordinal a plan in prose paragraphs opens each paragraph on, before its field. */
export const PARAGRAPH_ORDINAL_RE = /^(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+là\s*,\s*/iu

/**
 * A paragraph opening on the field it is about, before a comma: "Trên lĩnh vực văn hóa - xã hội,
 * …", "Trong lĩnh vực nông nghiệp, …", "Về quốc phòng, an ninh, …", "Đối với lĩnh vực y tế, …",
 * "Về sản xuất nông, lâm nghiệp, gieo cấy …".
 */
export const FIELD_OPENING_RE = new RegExp(
  String.raw`^(?:(?:trên|trong|đối với)\s+lĩnh vực\s+[^,;.:]{2,40},\s|(?:về|đối với)\s+(?:lĩnh vực\s+)?(?:phát triển\s+|sản xuất\s+)?${FIELD_WORDS}(?![\p{L}])[^;.:]{0,40}?,\s)`,
  'iu',
)

/** A field's name as a run-in heading closed by a stop ("**Về quốc phòng - an ninh.** Hoàn thành …"): field words only before the stop. */
const FIELD_LABEL_STOP_RE = new RegExp(String.raw`^về\s+(?:lĩnh vực\s+)?${FIELD_WORDS}(?:\s*(?:[-–,&]|và)\s*${FIELD_WORDS}){0,3}\.\s+\p{Lu}`, 'iu')

/**
 * A paragraph that names its field first, before a comma (FIELD_OPENING_RE), as a run-in label
 * before a colon ("Về kinh tế: …", "Về văn hóa - xã hội: …") or before a stop ("Về quốc phòng - an
 * ninh. Hoàn thành …"), after its ordinal if it has one ("Năm là, về quốc phòng - an ninh: …"): the
 * year's content, a letter's way of writing its targets.
 */
export function opensOnField(text: string): boolean {
  const rest = text.replace(PARAGRAPH_ORDINAL_RE, '')
  return /^về\s[^:;.]{2,60}:\s/iu.test(rest) || FIELD_OPENING_RE.test(rest) || FIELD_LABEL_STOP_RE.test(rest)
}

/**
 * A section of prose content: its goals are read clause by clause, not as a list. So is a section
 * on the movements the plan carries on ("Các phong trào thi đua (trọng tâm)"): its items launch and
 * carry out movements, they are no list of targets.
 */
export const CONTENT_NAME_RE = /^(?:\d+\.\s*)?(?:nội dung|nhiệm vụ|các nhiệm vụ|(?:các\s+)?phong trào thi đua(?:\s+(?:trọng tâm|chủ yếu|cụ thể))?\s*$)(?![\p{L}])/iu
