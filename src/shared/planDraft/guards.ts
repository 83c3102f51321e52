// What sets no target: a figure that is all of a set (19/19) or where a duty is done ("trên 11,6 km
// đường biên"), a milestone within the year, a goal of a later year, a paragraph reviewing a past year.
import type { Line } from './header'
import { LEAD_BACK_RE, unitInfo } from './lexicon'
import { headingOf } from './sections'

/** "19/19 tiêu chí": a share that is the whole. */
export function wholeFraction(figure: string): boolean {
  const f = /^(\d+)\/(\d+)/u.exec(figure)
  return f !== null && f[1] === f[2]
}

/** A length or an area: where a duty is done may be measured so. */
const EXTENT_UNITS = new Set(['km', 'ha', 'm', 'm²', 'km²'])
/**
 * "Quản lý, bảo vệ vững chắc … an ninh biên giới trên 11,6 km đường biên": after a duty of
 * guarding whose object is already named, "trên" before a length or an area is "on", where the
 * duty is done, not "more than". "Bảo vệ tốt trên 300 ha rừng" (the figure is the object) bounds it.
 */
const GUARD_ON_RE =
  /(?<![\p{L}])(?:quản lý|bảo vệ|tuần tra|kiểm soát|canh gác)(?:[\s,]+(?:và\s+)?(?:quản lý|bảo vệ|tuần tra|kiểm soát|canh gác|tốt|vững chắc|chặt chẽ|hiệu quả))*\s+(?!(?:quản lý|bảo vệ|tuần tra|kiểm soát|canh gác|tốt|vững chắc|chặt chẽ|hiệu quả|trên)(?![\p{L}]))\p{L}[^;]*?\s+trên\s*$/iu
/**
 * "… không để xảy ra xâm phạm … trên đoạn biên giới dài 18,6 km do xã quản lý": the size of the
 * place where a state holds ("trên đoạn … dài", "tại tuyến … rộng") describes that place; it is no
 * figure to reach.
 */
const PLACE_SIZE_RE = /(?<![\p{L}])(?:trên|tại|ở|dọc)\s+(?:(?:toàn\s+)?(?:đoạn|tuyến|khu vực|vùng|dải))\s[^;,.]*?\s(?:dài|rộng|có chiều dài|có diện tích)\s*(?:khoảng\s+)?$/iu
export function guardedExtent(before: string, unit: string | undefined): boolean {
  return unit !== undefined && EXTENT_UNITS.has(unitInfo(unit)?.canonical ?? unit) && (GUARD_ON_RE.test(before) || PLACE_SIZE_RE.test(before))
}

/** "đến ngày 30/6/2024", "đến 30/6": a date within the year that a figure is to be reached by (not 31/12). */
export function midYearMilestone(text: string): boolean {
  const m = [...text.matchAll(/(?<![\p{L}])đến\s+(?:hết\s+)?(?:ngày\s+)?(\d{1,2})\/(\d{1,2})(?:\/\d{4})?(?!\d)/giu)].pop()
  return m !== undefined && !(Number(m[1]) === 31 && Number(m[2]) === 12)
}

/** "xây dựng xã đạt chuẩn nông thôn mới vào năm 2026" in a plan for 2025: a goal of a later year, not this plan's. */
export function laterYear(text: string, planYear: number | undefined): boolean {
  const m = /(?<![\p{L}])(?:vào|đến|trong|trước)\s+(?:hết\s+|cuối\s+)?năm (\d{4})(?!\d)/iu.exec(text)
  return m !== null && planYear !== undefined && Number(m[1]) > planYear
}

/**
 * "… năm 2024 đạt 92%, đến năm 2025 đạt 95%", "… phấn đấu đến cuối năm 2025 còn dưới 3%": a figure
 * whose sentence names, last before it, a later year than the plan's ("đến", "vào", "tới", "trước"
 * "năm 2025") or a period ("giai đoạn 2021 - 2025") is that year's or that period's aim, set beside
 * the plan year's figure: no target of this plan. `at` is the figure's offset in `text`; the sentence
 * is read back from it to the last stop, ";" or ":" (at most 300 characters).
 */
export function laterYearFigure(text: string, at: number, planYear: number | undefined): boolean {
  if (planYear === undefined) return false
  const before = text.slice(Math.max(0, at - 300), at)
  const stop = Math.max(before.lastIndexOf('.'), before.lastIndexOf(';'), before.lastIndexOf(':'))
  const sentence = before.slice(stop + 1)
  let last: RegExpExecArray | undefined
  for (const m of sentence.matchAll(YEAR_MENTION_RE)) last = m
  if (!last) return false
  if (last[3] !== undefined) return Number(last[4]) > Number(last[3]) && Number(last[4]) >= planYear
  return last[1] !== undefined && Number(last[2]) > planYear
}
/**
 * "Năm 2026, toàn phường đón khoảng 1,12 triệu lượt khách, doanh thu … ước đạt 1.480 tỷ đồng. Năm
 * 2027, phấn đấu …", "Cuối năm 2026 phường còn 18 hộ nghèo …; năm 2027 phấn đấu giảm …", "Tỷ lệ bao
 * phủ bảo hiểm y tế năm 2026 đạt 94,1%, năm 2027 đạt 95%": a figure whose sentence names, last before
 * it, a year before the plan's, that sentence opening on it ("Năm 2026, …", "Cuối năm 2026 …") or the
 * year followed by what it reached ("năm 2026 đạt …", "… còn …"), is that year's result, stated
 * beside the plan year's target: no target of this plan. Not a year the figure is compared with ("so
 * với năm 2026", "cùng kỳ năm 2026"), a year to reach ("đến năm 2030"), nor one the sentence strives
 * after ("năm 2026 … phấn đấu …"). `at` is the figure's offset in `text`; the sentence is read back
 * from it to the last full stop, ";" or ":" (at most 300 characters).
 */
export function pastYearFigure(text: string, at: number, planYear: number | undefined): boolean {
  if (planYear === undefined) return false
  const before = text.slice(Math.max(0, at - 300), at)
  let stop = -1
  for (const m of before.matchAll(/[;:]|\.(?!\d)/gu)) stop = m.index
  // ("… 3.840 ha (năm 2025 đạt 3.865 ha), trong đó … 2.300 ha": a bracket closed before the figure
  // that states a past year's own figure is a note on the figure before it; the sentence goes on as
  // the plan's.)
  const sentence = before.slice(stop + 1).replace(/\([^()]*\)/gu, (b) => (/\d/u.test(b.replace(/(?<!\d)\d{4}(?!\d)/gu, '')) && /(?<![\p{L}])năm\s+\d{4}(?!\d)/iu.test(b) ? ' '.repeat(b.length) : b))
  let last: RegExpExecArray | undefined
  for (const m of sentence.matchAll(PAST_YEAR_MENTION_RE)) last = m
  if (!last || last[1] !== undefined || Number(last[2]) >= planYear) return false
  const lead = sentence.slice(0, last.index)
  const after = sentence.slice(last.index + last[0].length)
  const opens = /^[\s,–-]*(?:[-+•]\s*)?(?:(?:trong|cuối|hết|(?:tính\s+)?đến\s+(?:hết|cuối))\s+)?$/iu.test(lead)
  const reached = /^\s*(?:[^\d,;:]{0,40}?\s)?(?:ước\s+)?(?:đạt|là|còn|có)(?![\p{L}])/iu.test(after)
  return (opens || reached) && !/phấn đấu|kế hoạch|chỉ tiêu/iu.test(after)
}

/** A year named after "năm", and the words before it that make it no year of a result: "so với", "cùng kỳ", "đến", "vào", "tới", "trước". */
const PAST_YEAR_MENTION_RE = /(?<![\p{L}])((?:so với|cùng kỳ|vào|đến|tới|trước|từ|sau)\s+(?:(?:hết|cuối|đầu)\s+)?)?năm\s+(\d{4})(?!\d)/giu

/**
 * A year named in a sentence, after the word that makes it a time to reach ("đến năm 2025") or not
 * ("năm 2024"), or a period "giai đoạn 2021 - 2025" (not the period a standard is set for, "theo
 * chuẩn nghèo đa chiều giai đoạn 2026 - 2030", which names the standard).
 */
const YEAR_MENTION_RE = /(?<![\p{L}])(?:((?:vào|đến|tới|trước)\s+(?:hết\s+|cuối\s+)?)?năm\s+(\d{4})(?!\d)|(?<!chuẩn(?:\s+\p{L}+){0,3}\s+)giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})(?!\d))/giu

/**
 * "Mục tiêu giai đoạn 2021 - 2025 theo Nghị quyết Đại hội …: …", "Mục tiêu đến năm 2025: …": a
 * paragraph that opens on the aims of a period of several years, or of a later year, sets no target
 * of the plan's year (its own targets are stated as that year's).
 */
export function periodAims(text: string, planYear: number | undefined): boolean {
  if (planYear === undefined) return false
  const m = /^(?:[-+•*]\s+)?(?:các\s+)?mục tiêu(?:\s+(?:chung|chủ yếu|tổng quát))?\s+(?:(?:của\s+)?giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})(?!\d)|(?:đến|tới)\s+(?:hết\s+|cuối\s+)?năm\s+(\d{4})(?!\d))/iu.exec(text)
  if (!m) return false
  return m[3] !== undefined ? Number(m[3]) > planYear : Number(m[2]) > Number(m[1]) && Number(m[2]) >= planYear
}

/** "Năm 2025 …", "Trong năm 2025, …", "Năm qua, …": the paragraph opens on a year it reviews. */
export function opensOnPastYear(text: string, planYear: number | undefined): boolean {
  if (planYear === undefined) return false
  // Also "Đến hết năm 2023, xã đạt 14/19 tiêu chí …", "Tính đến cuối năm 2023, …".
  // And "Đến ngày 31/12/2023, toàn xã có …", a date of a past year.
  // ("Nhìn lại năm 2024, sản lượng lúa … đạt 51.920 tấn", "Điểm lại năm 2024, …": looking back at it, the same.)
  const opening = /^(?:(?:nhìn lại|điểm lại|tổng kết|đánh giá)\s+)?(?:trong\s+|(?:tính\s+)?đến\s+(?:hết|cuối)\s+|cuối\s+|hết\s+)?năm (\d{4})(?!\d)/iu.exec(text) ?? /^(?:tính\s+)?đến\s+(?:hết\s+)?(?:ngày\s+)?\d{1,2}\/\d{1,2}\/(\d{4})(?!\d)/iu.exec(text)
  // "Trong 8 tháng đầu năm, thu ngân sách … đạt 28,7 tỷ đồng": what the year has reached so far.
  // "Tình hình 2025 (…): thu NS 16,8 tỷ đ, …", "Kết quả năm 2025: …": a review of that year.
  // "Căn cứ kết quả thực hiện nhiệm vụ năm 2022: …": the past year's results, the plan's basis.
  const review = /^(?:căn cứ(?:\s+vào)?\s+)?(?:tình hình|kết quả)(?:\s+(?:thực hiện|đạt được)(?:\s+(?:nhiệm vụ|kế hoạch|chỉ tiêu)(?:\s+[\p{L}-]+){0,4}?)?)?(?:\s+năm)?\s+(\d{4})(?!\d)/iu.exec(text)
  if (review && Number(review[1]) < planYear) return true
  // "Đầu năm 2023, toàn xã còn 98 hộ nghèo, …": where the plan's year starts, stated.
  // (Also without the comma, as a PDF copy or a hurried hand writes it: "Đầu năm 2027 toàn xã còn
  // …; năm 2026 …", when the paragraph strives for nothing: a "phấn đấu" there turns to the plan's targets.)
  const start = /^(?:tính đến\s+|đến\s+)?đầu năm (\d{4})(?!\d)\s*,/iu.exec(text) ?? (/phấn đấu/iu.test(text) ? null : /^(?:tính đến\s+|đến\s+)?đầu năm (\d{4})(?!\d)\s+\p{L}/iu.exec(text))
  if (start && Number(start[1]) <= planYear) return true
  return (opening !== null && Number(opening[1]) < planYear) || /^(?:trong\s+)?năm qua(?![\p{L}])/iu.test(text) || /^(?:trong\s+)?(?:\d{1,2}|sáu|chín) tháng (?:đầu|qua)(?: năm)?(?:\s+\d{4})?,/iu.test(text)
}

/**
 * "Đầu năm 2026, toàn xã còn 214 hộ nghèo, tỷ lệ … là 17,6%.": a sentence inside a paragraph that
 * opens on the start of a year states where that year starts; its figures are starting points, not
 * targets (unless the sentence strives for them: "phấn đấu", "giảm", "tăng" before the figure).
 */
export function startOfYearSentence(sentence: string, before: string): boolean {
  // (Also without the comma: "Đầu năm 2025 toàn xã còn 187 hộ nghèo.")
  return /^[\s,;.:–-]*(?:tính\s+)?(?:đến\s+)?đầu năm \d{4}(?!\d)\s*,?/iu.test(sentence) && !/phấn đấu|giảm|tăng/iu.test(before)
}

/**
 * "Tiếp tục thực hiện các phong trào …. Năm 2025, trên địa bàn có 146 doanh nghiệp …; xảy ra 31
 * vụ …": a paragraph that turns, after a full stop, to a past year's review and does not come back
 * to the plan's year; where that review begins (its figures are starting points), or -1.
 */
/** The sentence that ends a plan's opening paragraph by issuing it: "UBND xã ban hành (xây dựng) Kế hoạch … như sau:". */
const ISSUES_PLAN_RE = /(?:^|[.;]\s+)[^.;]*?(?:ban hành|xây dựng)\s+kế hoạch[^.;]*?như sau\s*:?\s*$/iu

export function pastYearTail(text: string, planYear: number | undefined): number {
  if (planYear === undefined) return -1
  // (Also without the comma, as a hard-wrapped or hurried copy writes it: "…; năm 2023 trồng mới 18 ha
  // cam, sản lượng chè …", what that year did, read to the paragraph's end.)
  // ("…. Cuối năm 2023, toàn xã còn 157 hộ nghèo, tỷ lệ …": so does a sentence opening on a past
  // year's end, "hết năm 2023", "tính đến cuối năm 2023", or on its last date, "Tính đến 31/12/2023, …":
  // the state the year ended in, a starting point.)
  const m = /[.;]\s+(?:trong\s+|(?:tính\s+)?đến\s+(?:hết|cuối)\s+|cuối\s+|hết\s+)?năm (\d{4})(?!\d)(?:\s*,|\s+(?=\p{L}))/iu.exec(text) ?? /[.;]\s+(?:tính\s+)?đến\s+(?:hết\s+)?(?:ngày\s+)?\d{1,2}\/\d{1,2}\/(\d{4})(?!\d)\s*,/iu.exec(text)
  if (m === null || Number(m[1]) >= planYear) return -1
  // ("…; xảy ra 20 vụ …. UBND phường ban hành Kế hoạch … năm 2026 như sau:": the sentence that
  // issues the plan names its year without coming back to it.)
  const tail = text.slice(m.index + 1).replace(ISSUES_PLAN_RE, '')
  return new RegExp(String.raw`năm ${planYear}(?!\d)|phấn đấu`, 'iu').test(tail) ? -1 : m.index + 1
}

/**
 * "Phường … được thành lập trên cơ sở sắp xếp …, có diện tích tự nhiên 58,6 km², dân số 46.320 người":
 * a paragraph opening on the commune itself, named by its kind and its name (capitalised words or a
 * number, "phường 5"), saying how it was formed, where it lies or how large it is, describes the
 * commune as it is, wherever it stands (a portal's page sets its masthead above it, read as parts of
 * the plan); its figures are no targets. ("Xã … (thành lập từ …) có dân số 12.400 người", "Xã … nằm
 * ở phía tây …": the same.) The kind's words are written in both cases, not matched case-blind, so
 * that the name's capitals are told from the verb's small letters ("Xã Hòa Lợi phấn đấu có dân số
 * tham gia …" is no description).
 */
const DESCRIBES_COMMUNE_RE =
  /^(?:[Xx]ã|[Pp]hường|[Tt]hị trấn|[Đđ]ặc khu)\s+(?:\p{Lu}[\p{Ll}\p{M}]*|\d{1,3})(?:\s+(?:\p{Lu}[\p{Ll}\p{M}]*|\d{1,3})){0,5}\s+(?:\([^()]{0,200}\)\s+)?(?:được\s+(?:thành lập|sắp xếp|sáp nhập|hợp nhất)|nằm\s+(?:ở|phía|tại|trên|cách)|có\s+(?:tổng\s+)?(?:diện tích tự nhiên|quy mô dân số|dân số\s+(?:là\s+|khoảng\s+|hơn\s+|trên\s+)?\d))(?![\p{L}])/u

/**
 * A news article's byline, alone on its line after the text: its writer's name (or pen name), each
 * word capitalised, then " - " or a bracket and the office they write for ("Tuấn Kiệt - Văn phòng
 * HĐND và UBND phường", "Minh Hà (Trung tâm Văn hóa - Thể thao)"), or a label ("Tác giả: …", "Bài và
 * ảnh: …"). It is the page's, no goal. (Case is matched as written: a name is its capitals.)
 */
const BYLINE_RE =
  /^(?:(?:[Tt]ác giả|[Nn]gười viết|(?:[Bb]ài|[Tt]in)(?:\s+và\s+|\s*,\s*)ảnh)\s*:\s*[^\d:;]{2,120}|\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*){1,4}\s*(?:[-–—]\s*|\(\s*)(?:Văn phòng|VP|Phòng|Ban|Trung tâm|TT|TTVH|Đài|Báo|Cổng|Bộ phận|UBND|HĐND|Ủy ban|Uỷ ban|Đảng ủy|Đảng uỷ|MTTQ|Mặt trận|Hội|Đoàn|Công an|Trạm|CTV|Cộng tác viên|PV|Phóng viên)(?![\p{L}])[^\d:;.!?]{0,100}\)?)\s*$/u

/**
 * A page's share line under an article ("Chia sẻ: Facebook | Zalo | Twitter", "Chia sẻ bài viết: …"),
 * or its toolbar of buttons, the networks and buttons named alone; copied as text it may read as a
 * table's row ("| Chia sẻ: Facebook | Zalo | Twitter |"). The page's, no goal.
 */
const SHARE_LINE_RE =
  /^(?:chia sẻ(?:\s+bài viết)?|share)\s*:?\s*(?:(?:facebook|zalo|twitter|x|email|e-mail|messenger|linkedin|telegram|in bài(?:\s+viết)?|gửi email|sao chép liên kết|copy link)\s*(?:[|,·•/]\s*)?){1,10}$/iu

/** A news article's byline (BYLINE_RE) or the page's share line (SHARE_LINE_RE). */
export function byline(text: string): boolean {
  const bare = text.trim()
  return BYLINE_RE.test(bare) || SHARE_LINE_RE.test(bare.replace(/^\|\s*|\s*\|$/gu, ''))
}

/** A paragraph opening on a description of the commune as it is (DESCRIBES_COMMUNE_RE). */
export function describesCommune(text: string): boolean {
  return DESCRIBES_COMMUNE_RE.test(text)
}

/**
 * A paragraph that reports a year before the plan's: it opens on that year, or names only past
 * years and says what was done ("đã", "đạt được").
 */
export function pastResults(text: string, planYear: number | undefined, beforeSections: boolean): boolean {
  if (planYear === undefined) return false
  if (opensOnPastYear(text, planYear)) return true
  if (!beforeSections || !/(?<![\p{L}])(?:đã|đạt được)(?![\p{L}])/iu.test(text)) return false
  // ("… Những kết quả trên là cơ sở để xã đặt ra các chỉ tiêu thi đua năm 2026": the plan's year named
  // as that of its targets or tasks is no event of the paragraph's.)
  const years = [...text.replace(/(?<![\p{L}])(?:chỉ tiêu|nhiệm vụ|kế hoạch|mục tiêu)(?:\s+\p{L}+){0,3}?\s+năm \d{4}/giu, '').matchAll(/năm (\d{4})(?!\d)/giu)].map((m) => Number(m[1]))
  return years.length > 0 && years.every((y) => y < planYear)
}

/** A routine task done as laid down: its verb, then "đúng kế hoạch", "đúng dự toán", "đúng quy định" (no result of its own). */
const BY_THE_BOOK_RE = /^(?:tổ chức|quản lý|thực hiện|triển khai|chi)(?![\p{L}])[^;.:]{0,80}?\sđúng\s+(?:kế hoạch|dự toán|quy định|luật)(?![\p{L}])/iu

/** An award given or considered, a paper sent by a date, a standing rule kept strictly (routineDuty). */
const AWARD_OR_PAPER_RE =
  /(?<![\p{L}])(?:(?:tặng|trao)\s+(?:Giấy khen|Bằng khen|Cờ thi đua)\s+(?:\p{L}+\s+){0,6}?cho(?![\p{L}])|được xem xét(?:,?\s+đề nghị)?(?![\p{L}])|được\s+xét\s+(?:khen thưởng|tặng|công nhận|đề nghị)(?![\p{L}])|(?:gửi|nộp)\s+(?:bản\s+)?(?:đăng ký|báo cáo|hồ sơ)(?![\p{L}])[^;.]{0,120}?(?:trước|chậm nhất)\s+(?:ngày|tháng)(?![\p{L}])|(?:hoàn thành|hoàn thiện|hoàn chỉnh)\s+(?:bản\s+)?(?:đăng ký|báo cáo|hồ sơ)(?![\p{L}])[^;.,]{0,80}?(?:trước|chậm nhất)\s+(?:ngày|tháng)(?![\p{L}])|^thực hiện\s+(?:nghiêm|tốt|đúng)\s+(?:quy chế|quy định|chế độ|nội quy)(?![\p{L}]))/iu

/**
 * "duy trì ra quân “Ngày Chủ nhật xanh” vào sáng Chủ nhật đầu tiên của mỗi tháng", "mỗi phòng, đơn
 * vị đăng ký ít nhất 01 sáng kiến": a duty done every month or week, or a choice each office must
 * register, is how the movement runs, not a goal of the year.
 */
export function routineDuty(text: string): boolean {
  // ("tổ chức huấn luyện dân quân đúng kế hoạch", "quản lý, chi ngân sách đúng dự toán": a task done
  // by the book, as the plan or the rules lay it down, is how the office works, not a result.)
  if (BY_THE_BOOK_RE.test(text.trim())) return true
  // ("… tặng Giấy khen cho không quá 10 tập thể và 20 cá nhân", "… được xem xét đề nghị … tặng Bằng
  // khen", "… được xét khen thưởng khi …": how the movement rewards, the giver's act or a condition for
  // it; "gửi bản đăng ký … trước ngày 28/02", "… phải hoàn thành hồ sơ trước ngày 30/10": a paper the
  // units send or complete by a date (not a paper completed on the way to a result whose date the
  // clause goes on to set: "hoàn thiện hồ sơ đề nghị thẩm định, phấn đấu được công nhận trước ngày …"); "Thực hiện nghiêm quy chế dân chủ ở cơ sở": a
  // standing rule kept. None is a result of the year.)
  if (AWARD_OR_PAPER_RE.test(text)) return true
  // (Also how often, as a count per period: "sinh hoạt chuyên đề 01 lần/tháng", "2 lần/quý", sessions
  // on air "phát 04 buổi/tuần"; and
  // rounds a year, "phun tiêu độc khử trùng 2 đợt/năm": a duty's schedule, not a goal.)
  // ("Duy trì nghiêm chế độ trực sẵn sàng chiến đấu", "… chế độ giao ban, báo cáo": a standing routine kept is a duty too.)
  // ("… ra quân dọn vệ sinh vào ngày Chủ nhật cuối tháng", "… vào sáng thứ Bảy đầu tiên của tháng": a
  // weekday of every month or quarter is a schedule too; "cuối tháng 6" is a date, no schedule.)
  // ("định kỳ tổ chức 01 lần kiểm tra", "kiểm tra định kỳ …": a duty at set intervals is a schedule too.)
  return /(?<![\p{L}])(?:mỗi|hằng|hàng)\s+(?:tháng|tuần|quý|ngày)(?![\p{L}])|(?<![\p{L}])định kỳ(?![\p{L}])|(?<![\p{L}])(?:chủ nhật|thứ\s+(?:hai|ba|tư|năm|sáu|bảy))\s+(?:đầu tiên|cuối cùng|cuối|đầu)\s+(?:của\s+)?(?:tháng|quý)(?![\p{L}])(?!\s*(?:\d|[IVX]{1,4}(?![\p{L}])|này|tới|sau))|(?<![\p{L}])chế độ\s+(?:trực|giao ban|sinh hoạt|báo cáo|thông tin|tuần tra|họp)(?![\p{L}])|(?<![\p{L}\d])\d{1,2}\s*(?:lần|buổi)\s*(?:\/|trên\s|một\s)\s*(?:tháng|tuần|quý|ngày)(?![\p{L}])|(?<![\p{L}\d])\d{1,2}\s*đợt\s*(?:\/|trên\s|một\s|mỗi\s)\s*(?:năm|tháng|quý|tuần)(?![\p{L}])/iu.test(text) || /(?:^|[\s,;])(?:mỗi|từng)\s[^;]*?\sđăng ký\s+(?:thực hiện\s+)?(?:ít nhất|tối thiểu)?\s*\d/iu.test(text)
}

/**
 * "(không tính là chỉ tiêu giao)", "(không phải là chỉ tiêu thi đua)", "(không giao thành chỉ tiêu)",
 * "nội dung này không được tính vào chỉ tiêu": the plan itself says the clause sets no target (an
 * aim it encourages, an example for the units): no goal, whatever figure it holds.
 */
const NO_TARGET_MARK_RE =
  /(?<![\p{L}])(?:không|chưa)\s+(?:(?:được\s+)?(?:tính|coi|xem|đưa|xét|dùng)(?:\s+(?:là|vào|như|thành|làm))?|phải(?:\s+là)?|là|giao(?:\s+(?:thành|làm))?)\s+(?:(?:một|các)\s+)?chỉ tiêu(?![\p{L}])/iu
/**
 * "Chỉ tiêu thu nhập bình quân đầu người giữ nguyên như dự thảo": a target a conference's conclusion
 * keeps as its draft states it; the draft's figure is the target, this clause none of its own.
 */
const AS_DRAFTED_RE = /(?<![\p{L}])(?:giữ nguyên|không thay đổi|không điều chỉnh)(?:\s+như)?\s+(?:(?:bản|trong)\s+)?dự thảo(?![\p{L}])/iu
/**
 * "có 4/4 trường đạt chuẩn quốc gia (tăng 01 trường so với năm 2024)": the change that brings all of
 * the units to a state, in brackets after their count, says how the count is reached; the count (a
 * yes/no of every unit) is the target, the change's figure none of its own.
 */
const ALL_COUNT = String.raw`(?<![\d/])(?<all>\d{1,3})\s*\/\s*\k<all>\s[^()]{0,100}?`
const CHANGE_OPENING = String.raw`\(\s*(?:tăng|giảm)(?:\s+thêm)?\s`
const IN_CHANGE_OF_ALL_RE = new RegExp(String.raw`${ALL_COUNT}${CHANGE_OPENING}[^()]*$`, 'iu')
const CHANGE_OF_ALL_RE = new RegExp(String.raw`(${ALL_COUNT})${CHANGE_OPENING}[^()]*\)`, 'giu')
/** The text before a figure ends inside such a bracket. */
export const inChangeOfAll = (before: string): boolean => IN_CHANGE_OF_ALL_RE.test(before)
/** The text without such brackets (the count kept). */
export const withoutChangeOfAll = (text: string): string => (text.includes('(') ? text.replace(CHANGE_OF_ALL_RE, (_, head: string) => head) : text)

/**
 * "Ví dụ cách ghi: “Tỷ lệ hộ nghèo giảm 0,3 - 0,5% so với cuối năm 2024”", "VD: “…”": an example of
 * how to write a target, in a template's guidance, quoted after the word for an example.
 */
const EXAMPLE_RE = /(?<![\p{L}])(?:ví dụ|vd)(?:\s+(?:cách ghi|cách viết|ghi|mẫu|như))?\s*:\s*[“"]/iu
export function markedNoTarget(text: string): boolean {
  return NO_TARGET_MARK_RE.test(text) || AS_DRAFTED_RE.test(text) || EXAMPLE_RE.test(text)
}

/**
 * A sentence about the list of targets rather than a target: one that introduces it ("Các chỉ tiêu
 * dưới đây …", "Dưới đây là các chỉ tiêu …"), or says how its targets are written or who is given
 * them ("mỗi chỉ tiêu ghi rõ mức phấn đấu", "các chỉ tiêu được giao cho từng thôn", "từng chỉ tiêu do
 * … theo dõi"), or where they stand or come from ("Các chỉ tiêu chủ yếu được giao tại bảng dưới đây",
 * "Các chỉ tiêu theo Nghị quyết số 05/NQ-HĐND …").
 */
const LIST_INTRO_RE = /^(?:(?:các|những|mỗi|từng)\s+(?:chỉ tiêu|mục tiêu|nội dung)(?:\s+(?:thi đua|chủ yếu|cụ thể|chính))*\s+(?:dưới đây|sau đây|như sau|được trích|trích|sau)(?![\p{L}])|(?:dưới đây|sau đây) là\s+(?:các|những)\s+(?:chỉ tiêu|mục tiêu)|(?:các|những|mỗi|từng)\s+chỉ tiêu(?:\s+(?:thi đua|trên|này))?\s+(?:(?:đều|được)\s+)?(?:ghi(?:\s+rõ)?|nêu(?:\s+rõ)?|kèm(?:\s+theo)?|giao cho|phân công cho|do)(?![\p{L}])|(?:các|những)\s+chỉ tiêu(?:\s+(?:thi đua|chủ yếu|cụ thể|chính))*\s+(?:(?:được\s+)?(?:giao|ghi|nêu|trình bày|tổng hợp)\s+)?(?:tại|ở|trong|theo)\s+(?:bảng|biểu|phụ lục|nghị quyết|quyết định|văn bản)(?![\p{L}]))/iu

/**
 * "Hoàn thành vượt dự toán thu ngân sách … theo chỉ tiêu tại mục 1": a clause that points back to
 * an item of the list (or a row of a table: "… tại dòng 1 của bảng trên") restates that item's
 * target; it is no goal of its own.
 */
export function pointsBack(text: string): boolean {
  // "Các chỉ tiêu dưới đây được trích từ phụ lục …", "Dưới đây là các chỉ tiêu chủ yếu": a sentence
  // about the list that follows introduces it; it is no goal either.
  if (LIST_INTRO_RE.test(text.trim())) return true
  // (So is a sentence on a column of the table, named in quotes: "cột “Đơn vị chủ trì” chỉ để phân công theo dõi".)
  if (/^cột\s+[“"][^”"]{1,60}[”"]/iu.test(text.trim())) return true
  // (Also without "theo": "… đạt và vượt chỉ tiêu tại dòng 2 của bảng trên", a row of a table above.)
  // ("Ngoài các chỉ tiêu tại bảng trên, phấn đấu giữ vững …": a lead-in back to the whole list opens a goal of its own.)
  // ("Phấn đấu thu ngân sách … vượt dự toán giao (chỉ tiêu số 7)": a listed target cited by its number in
  // brackets, "(xem chỉ tiêu 12)", "(như chỉ tiêu thứ 3 nêu trên)", "(chỉ tiêu số 5 tại Biểu)", restates it as well.)
  if (/\((?:(?:xem|như|theo|tại)\s+)?chỉ tiêu\s+(?:số\s+|thứ\s+)?\d{1,3}(?![\d.,]?\d)(?:\s+(?:đã\s+)?(?:nêu\s+)?(?:ở\s+)?trên|\s+(?:tại|ở|trong)\s+(?:biểu|bảng|phụ lục)(?![\p{L}])[^()]{0,60})?\)/iu.test(text)) return true
  return /(?<![\p{L}])(?:(?:theo|như)\s+(?:các\s+)?)?(?:chỉ tiêu|mức|mục tiêu)\s+(?:(?:đã\s+)?nêu\s+)?(?:tại|ở|trong)\s+(?:mục|điểm|phần|bảng|biểu|phụ lục|dòng|hàng)(?![\p{L}])/iu.test(text.replace(LEAD_BACK_RE, ''))
}

/**
 * "- Nội dung: …", "- Đối tượng: …", "- Thời gian: …", "- Hình thức: …": a labelled line of a
 * movement's block that describes how the movement is run (what it is about, who takes part, when,
 * where, how, who leads it), beside the line labelled "Chỉ tiêu:" that holds its targets.
 */
const DESCRIBING_LABEL_RE =
  /^(?:([-+•*–])\s+)?(?:nội dung|đối tượng|thời gian|phạm vi|địa bàn|địa điểm|hình thức|cách thức|phương thức|biện pháp|giải pháp|yêu cầu|mục đích|ý nghĩa|chủ đề|khẩu hiệu|phân công|trách nhiệm|kinh phí|khen thưởng|(?:đơn vị|cơ quan|lực lượng|thành phần)(?:\s+(?:chủ trì|thực hiện|phụ trách|phối hợp|tham gia|theo dõi))?)(?:\s+(?:thi đua|thực hiện|tham gia|áp dụng|phát động|triển khai|tổ chức|khen thưởng|chủ yếu|trọng tâm|cụ thể))?\s*:/iu
/** "- Chỉ tiêu: …", "- Các chỉ tiêu cụ thể:": the labelled line of a movement's block that holds its targets. */
const TARGETS_LABEL_RE = /^(?:([-+•*–])\s+)?(?:các\s+)?chỉ tiêu(?:\s+(?:thi đua|cụ thể|chủ yếu))?\s*:/iu

/**
 * "1. Phong trào thi đua “…”" over "- Nội dung: …", "- Chỉ tiêu: …", "- Đối tượng: …", "- Thời gian:
 * …": in a block (the lines under one numbered heading) whose targets are labelled "Chỉ tiêu:", the
 * lines its other labels open, of the same bullet, and the deeper bullets under them, describe the
 * movement; they hold no target and no goal (its content's phrases are how it is carried out).
 * Returns those lines.
 */
export function describingLines(lines: readonly Line[]): Set<Line> {
  const out = new Set<Line>()
  let block: Line[] = []
  const settle = (): void => {
    // (A line's bullet, '' for none: the labels of one block are written alike.)
    const bullets = new Set<string>()
    for (const l of block) {
      const m = TARGETS_LABEL_RE.exec(l.text)
      if (m) bullets.add(m[1] ?? '')
    }
    // The describing label read last: its bullet, and whether it ends at its colon (the bulleted
    // lines after it, of any bullet once normalize.ts has made "+" a "-", are its own).
    let under: { bullet: string; open: boolean } | undefined
    for (const l of block) {
      const bullet = /^([-+•*–])\s/u.exec(l.text)?.[1]
      const label = DESCRIBING_LABEL_RE.exec(l.text)
      if (label && bullets.has(label[1] ?? '')) {
        under = { bullet: label[1] ?? '', open: l.text.slice(label[0].length).trim() === '' }
        out.add(l)
      } else if (under && bullet !== undefined && (under.open || bullet !== under.bullet) && !TARGETS_LABEL_RE.test(l.text)) out.add(l)
      else if (l.text.trim() !== '') under = undefined
    }
    block = []
  }
  for (const l of lines) {
    if (headingOf(l.text)) settle()
    block.push(l)
  }
  settle()
  return out
}
