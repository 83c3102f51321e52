// The figures of a line that are targets (findTargets): what is read of each (Found), the name it
// measures (cleanName), where the line's clauses end, and the figures that state rather than set.
import { PLAN_LIMITS } from '../model'
import type { Line } from './header'
import { type Cue, cueBefore, ALL_UNITS_STATE_RE, ANNUAL_CROP_RE, EACH_UNIT_RE, ITEM_NUMBER, LEAD_BACK_RE, type Post, QUANTITY_RE, readPost, spelledNumbers, UNIT_NOUN_RE, unitInfo } from './lexicon'
import type { SourceSpan } from './types'
import { FIELD_OPENING_RE, type Section } from './sections'
import { guardedExtent, inChangeOfAll, markedNoTarget, midYearMilestone, startOfYearSentence, wholeFraction } from './guards'
import { goalJoins, semicolonsInBrackets } from './goals'
import { upperFirst } from './lines'

export interface Found {
  name: string
  span: SourceSpan
  /** Absolute offset of the figure. */
  at: number
  digits: [string, string | undefined]
  unit: string
  cue: Cue | undefined
  post: Post
  /** "Giảm tỷ lệ … 15%": the verb opens the sentence, far from the figure. */
  verbFirst: 'reduce' | 'growth' | undefined
  afterWhole: boolean
  /**
   * In a run-in paragraph of several sentences, the offset (in the line) where the sentence of the
   * "trong đó" a part follows starts: its whole is in that sentence, not in the paragraph's first.
   */
  wholeFrom?: number
  section: Section
  /** What the clause says after the figure: a starting figure it states ("(năm 2025 … 14 vụ)"). */
  rest?: string
  /** "vượt 5% chỉ tiêu tỉnh giao", "vượt tối thiểu 5% kế hoạch …": the figure is how far past the assigned plan (105% of it, at least). */
  overPlan?: boolean
  /** "có thêm 01 trường …, nâng tổng số … lên 11/13": the increase the total is raised by, the other reading. */
  added?: { digits: string }
  /** "Thành lập mới" of "Thành lập mới hợp tác xã nông nghiệp": the verb of making alone that named it, before what it makes. */
  verb?: string
}

const SUBJECT_AFTER_RE = /^(?:phấn đấu|phân đấu)?\s*(?:hoàn thành|có|đạt|đảm bảo|bảo đảm|giao|trên|khoảng)?$/iu

const UNIT_WORDS = String.raw`(?:thôn|bản|buôn|bon|ấp|làng|xóm|sóc|plei|khóm|tổ dân phố|TDP|khu phố|khối phố|khu dân cư)(?![\p{L}])`
/** "các khu phố tổ chức …", "các thôn, tổ dân phố mở … ít nhất": the units named together, then what each holds. */
const SESSIONS_OF_UNITS_RE = new RegExp(String.raw`(?:^|[,;:])\s*(?:[-+•]\s*)?các\s+${UNIT_WORDS}(?:\s*(?:,|và)\s*${UNIT_WORDS})*\s+(?:tổ chức|mở|họp|thực hiện|ra quân)(?![\p{L}])[^,;:]*?(?:ít nhất|tối thiểu)?\s*$`, 'iu')

/**
 * The figure found last is a share of things served ("100% hộ kinh doanh được kiểm tra"), and the
 * sentence runs on from it to the position `at` (no stop, ";" or ":" between), with no subject of
 * its own after a comma (the commune, its units, an organisation): the times at `at` are each thing's.
 */
function timesOfShare(out: readonly Found[], lineStart: number, text: string, at: number): boolean {
  const prev = out[out.length - 1]
  if (prev?.unit !== '%') return false
  const from = prev.at - lineStart
  if (from < 0 || from >= at || at - from > 300) return false
  const between = text.slice(from, at)
  return /^\d{1,3}(?:[.,]\d+)?\s*%\s[^.;:]*?(?<![\p{L}])được\s[^.;:]*$/iu.test(between) && !/,\s*(?:(?:xã|phường|thị trấn|các|mỗi|từng|ủy ban|ubnd|công an|hội|đoàn|ban)(?![\p{L}]))/iu.test(between)
}

/** "… điểm trở lên được xếp loại xuất sắc", "… điểm: loại khá": a grade the points earn, up to the clause's end. */
const GRADE_AFTER_RE = /^[^;.\n]{0,40}?(?<![\p{L}])(?:xếp loại|xếp hạng|loại\s+(?:xuất sắc|khá|tốt|trung bình|yếu|hoàn thành))(?![\p{L}])/iu

/**
 * "Hệ thống gồm 25 chỉ tiêu, tổng số 100 điểm", "thang điểm 100", "tối đa 20 điểm": the scale of
 * the emulation's scoring, the points all its items are worth together or one item at most, no
 * target ("đạt tổng số 95 điểm" is one: a score to reach).
 */
const POINT_SCALE_RE = /(?<![\p{L}])(?:(?<!đạt\s{1,3})tổng(?:\s+số)?(?:\s+điểm)?|thang\s+điểm|(?:điểm\s+)?tối\s+đa)\s{0,3}(?:là\s+|:\s*)?$/iu

/**
 * A clause's words before its figure without the label that opens it: a field named before a comma
 * ("Về văn hóa - xã hội, …", FIELD_OPENING_RE) or a run-in label before a colon ("Giảm nghèo: …", a
 * numbered target's "Chỉ tiêu 8 - Giảm nghèo: …").
 */
function withoutRunInLabel(before: string): string {
  return before.replace(/^[\s,;.:–-]*/u, '').replace(FIELD_OPENING_RE, '').replace(RUN_IN_LABEL_RE, '')
}

/** A run-in label before a colon, a numbered target's ("Chỉ tiêu 8 - Giảm nghèo:") or a topic's ("Giảm nghèo:"), a few words with no figure. */
const RUN_IN_LABEL_RE = /^(?:chỉ tiêu\s+\d{1,2}\s*[-–.]\s*)?[^:;.\d]{2,60}:\s*/iu

/** "… 280 ha với sản lượng gỗ keo đạt …", "… 410 ha cho sản lượng …": "với", "cho" opening a measure of its own join a second figure's clause. */
const WITH_MEASURE_RE = /^(?:với\s+(?=(?:tổng\s+)?(?:sản lượng|năng suất|diện tích|giá trị|doanh thu)(?![\p{L}]))|cho\s+(?=(?:sản lượng|năng suất)(?![\p{L}])))/iu

export function cleanName(raw: string): { name: string; whole: boolean } {
  let s = raw.trim()
  let whole = false
  s = s.replace(/^[\s,;.:–-]+/u, '')
  // "320 ha (trồng mới 45 ha, …)": a part opening a bracket after its whole.
  if (/^\(\s*\p{L}/u.test(s) && !s.includes(')')) {
    s = s.replace(/^\(\s*/u, '')
    whole = true
  }
  // "…; đồng thời thu ngân sách … đạt …": the connective joins the sentence, it names nothing.
  s = s.replace(/^đồng thời\s+/iu, '')
  // ("… không quá 8,5% và 100% trẻ em …": so does "và" before a share named after its figure.)
  s = s.replace(/^và(?:\s+|$)/iu, '')
  // ("… 280 ha với sản lượng gỗ đạt …": so does "với" before a measure of its own.)
  s = s.replace(WITH_MEASURE_RE, '')
  // "a) Về kinh tế: Năm 2024 xã phấn đấu gieo trồng …": the field's label opening a run-in paragraph
  // goes first, so that the year and the commune that strives after it go as well.
  s = s.replace(/^về\s[^:;.]{2,60}:\s+(?=(?:(?:trong\s+)?năm \d{4}|(?:toàn\s+)?(?:xã|phường|thị trấn|đặc khu)\s+(?:phấn đấu|phân đấu)))/iu, '')
  // "Ngoài các chỉ tiêu trên, phấn đấu 100% cơ sở …", "Ngoài ra, …": a lead-in that points back to the list names nothing.
  s = s.replace(LEAD_BACK_RE, '')
  // "sản lượng = diện tích × năng suất = 1.480 tấn": the measure is named before the formula.
  s = s.replace(/\s*=.*$/u, '')
  const td = /^(?:trong đó\s*(?:có)?\s*:?|gồm\s*:)\s*/iu.exec(s)
  if (td) {
    whole = true
    s = s.slice(td[0].length)
  }
  // "Toàn xã thi đua đẩy mạnh sản xuất, thu hút đầu tư, phấn đấu tổng giá trị sản xuất …": the measure follows "phấn đấu".
  // ("…, các khu phố, doanh nghiệp phối hợp phấn đấu hoàn thành …": so it does after the units that strive together,
  // and after the commune that strives: "Phát huy lợi thế …, phường phấn đấu đón 1,5 triệu lượt khách …".)
  const strive = [...s.matchAll(/(?:,\s*(?:(?:toàn\s+)?(?:xã|phường|thị trấn|đặc khu)\s+)?|\s(?:phối hợp|cùng nhau|cùng|tích cực)\s+)(?=(?:phấn đấu|phân đấu)\s+)/giu)].pop()
  if (strive && strive.index + strive[0].length < s.length) s = s.slice(strive.index + strive[0].length).trim()
  // "Năm 2026, xã phấn đấu tốc độ tăng …": the year and the commune that strives are no part of the name.
  // ("Toàn xã phấn đấu gieo trồng …": so is the commune alone, with no year.)
  s = s.replace(/^(?:(?:trong\s+)?năm \d{4},?\s+(?:(?:toàn\s+)?(?:xã|phường|thị trấn|đặc khu)\s+)?|(?:toàn\s+)?(?:xã|phường|thị trấn|đặc khu)\s+)(?=phấn đấu|phân đấu)/iu, '')
  // ("Năm nay, xã đặt mục tiêu trồng 160 ha …", "Chúng tôi xác định xóa 35 căn nhà tạm …": a
  // reporter's or a speaker's lead-in, who sets the target and when, names no measure.)
  s = s.replace(/^(?:(?:trong\s+)?(?:năm nay|năm \d{4}),?\s+)?(?:(?:toàn\s+)?(?:xã|phường|thị trấn|đặc khu)|chúng tôi|địa phương)\s+(?:đặt\s+(?:ra\s+)?(?:mục tiêu|chỉ tiêu)|xác định|quyết tâm)\s+(?=\p{L})/iu, '')
  // "…, Ủy ban nhân dân thị trấn đề nghị … phối hợp … để hoàn thành 100% chỉ tiêu giao quân", "…, cùng
  // kéo giảm số vụ …": in a long sentence the measure starts after the last comma or "để" before it.
  if (s.split(/\s+/u).length > 12) {
    // So does "… đề nghị Ủy ban Mặt trận chủ trì vận động Quỹ …": the organisation's part before the measure's verb.
    const lead = [...s.matchAll(/(?:,\s+(?:cùng\s+)?|\s+(?:để|nhằm|chủ trì|phối hợp|cùng)\s+)(?=(?:tỷ lệ|tỉ lệ|số|tổng|thu|chi|giá trị|sản lượng|diện tích|năng suất|hoàn thành|vận động|kéo giảm|giảm|tăng)(?:\s|$))/giu)].pop()
    if (lead) s = s.slice(lead.index + lead[0].length)
  }
  // "Thực hiện có hiệu quả phong trào thi đua “…”, trong năm giảm ít nhất 12 hộ nghèo": the movement
  // the target serves, named in quotes before a comma, is no part of the measure.
  s = s.replace(/^[^“”";]*[“"][^“”"]*[”"]\s*,\s*(?=\p{L}+\s+\p{L})/u, '')
  s = s.replace(/^trong năm(?:\s+(?=(?:kéo\s+)?(?:giảm|tăng)\s)|\s*$)/iu, '')
  // "Riêng cây sầu riêng, diện tích cho trái …": a crop singled out before a comma labels its measures, as "Cây sầu riêng: …" does.
  s = s.replace(/^riêng\s+((?:cây\s+)?[^,;:]{2,30}?),\s*(?=(?:diện tích|năng suất|sản lượng)(?![\p{L}]))/iu, (_, crop: string) => `${upperFirst(crop)}: `)
  s = s.replace(/^(?:phấn đấu|phân đấu)\s+(?:đạt\s+)?/iu, '')
  // "Sản xuất nông, lâm nghiệp: phấn đấu tổng diện tích chè …": nor after a topic's colon, before a
  // crop's measure (the topic stays, read as a label or set aside by the crop the measure names).
  s = s.replace(/^([^:;.\d]{2,60}:\s+)(?:phấn đấu|phân đấu)\s+(?:đạt\s+)?(?=(?:(?:duy trì|tổng)\s+)?(?:diện tích|năng suất|sản lượng|gieo trồng|gieo cấy|gieo sạ)(?![\p{L}]))/iu, '$1')
  // "Phấn đấu đến cuối năm 2026: tốc độ tăng …", "Trong năm 2025: …": the time the targets are for, before a colon, names no measure.
  s = s.replace(/^(?:(?:đến|tới)\s+(?:hết\s+|cuối\s+)?|cuối\s+|trong\s+)?năm \d{4}\s*:\s*(?=\p{L})/iu, '')
  // "hoàn thành chỉ tiêu thu ngân sách 186,5 tỷ đồng": the measure is what the assigned figure is of.
  s = s.replace(/^hoàn thành\s+(?:các\s+)?chỉ tiêu\s+(?=(?:thu|chi|tổng|giá trị|sản lượng|diện tích)\s)/iu, '')
  // "Giáo dục: duy trì …": the field's label before the goal.
  // ("Cây cam: duy trì diện tích …": a crop's label is kept, it names the crop of the measure.)
  // (Not a topic whose phase was blanked after its colon: "Nhựa hóa đường: ‹…› hoàn thành 4 km" names the year's figure.)
  // ("Diện tích sầu riêng hiện có: duy trì ổn định 1.320 ha", "Tổng đàn bò: duy trì ổn định …": a
  // measure's own label before a verb of keeping alone names the measure; the verb goes.)
  const keptMeasure = /^((?:diện tích|năng suất|sản lượng|tổng|số|tỷ lệ|tỉ lệ|đàn)\s[^:;.\d]{1,60}?)\s*:\s*(?:duy trì|giữ vững|giữ|bảo vệ)(?:\s+ổn định)?(?:\s+(?:ở mức|đạt|là))?\s*$/iu.exec(s)
  if (keptMeasure) s = keptMeasure[1]!
  s = s.replace(/^\p{Lu}[\p{L} ,–-]{1,30}:\s{1,2}(?=(?:duy trì|giữ vững|đảm bảo|bảo đảm|hoàn thành|không để)(?:\s|$))(?!duy trì\s+(?:diện tích|năng suất|sản lượng)(?![\p{L}]))/u, '')
  // "Về quốc phòng, an ninh và xây dựng chính quyền: Hoàn thành 100% …": a field's label opening the paragraph.
  // ("Hai là, về văn hóa - xã hội: giảm tỷ lệ …": after the paragraph's ordinal too.)
  s = s.replace(/^(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+là\s*,\s*(?=về\s)/iu, '')
  s = s.replace(/^về\s[^:;.]{2,60}:\s+/iu, '')
  // ("Giảm nghèo: giảm tỷ lệ hộ nghèo 3 - 4%", "Chỉ tiêu 8 - Giảm nghèo: giảm …": a topic's run-in label
  // before a cut of a measure it names after the verb; not a measure's own label, "Tỷ lệ hộ nghèo: giảm …".)
  s = s.replace(/^(?:chỉ tiêu\s+\d{1,2}\s*[-–.]\s*)?(?!(?:tỷ lệ|tỉ lệ|số|tổng)\s)[^:;.\d]{2,60}:\s+(?=(?:phấn đấu\s+)?(?:kéo\s+)?giảm\s+(?!(?:còn|xuống|ít nhất|tối thiểu|từ|trên|dưới|không)(?![\p{L}]))\p{L}+\s+\p{L})/iu, '')
  // ("Kiềm chế tai nạn giao thông, số vụ tai nạn giao thông giảm 10% …": a clause of direction before a
  // comma, the measure's own name after it: the measure is named by that name alone.)
  s = s.replace(/^(?:kiềm chế|kéo giảm|hạn chế|ngăn chặn|tập trung|đẩy mạnh|nâng cao|tăng cường|tiếp tục)\s[^,;:]{2,60},\s+(?=(?:số|tỷ lệ|tỉ lệ|tổng số)\s)/iu, '')
  // ("Thi đua cải cách hành chính, chuyển đổi số: 100% cán bộ …": so is a movement's name before a colon.)
  s = s.replace(/^thi đua\s[^:;.]{2,80}:\s*/iu, '')
  // ("Về văn hóa - xã hội, giảm tỷ lệ …", "Trên lĩnh vực kinh tế, tổng thu …": so is a field's name before a comma.)
  s = s.replace(FIELD_OPENING_RE, '')
  // "đưa tỷ lệ hộ nghèo … xuống dưới 0,5%", "nâng độ che phủ rừng lên …": the verb moves the measure named after it.
  const moved = /^(?:đưa|nâng)\s+(?=(?:tỷ lệ|tỉ lệ|số|tổng|độ|mức|công suất)\s)/iu.test(s)
  s = s.replace(/^(?:đưa|nâng|kéo|giữ)\s+(?=(?:tỷ lệ|tỉ lệ|số|tổng|độ|mức|công suất)\s)/iu, '')
  // ("Nâng công suất cấp nước sinh hoạt lên 4.500 m3/ngày đêm", "nâng tổng diện tích sâm lên 64 ha",
  // "đưa tỷ lệ … xuống dưới 0,5%": nor is the "lên" or "xuống" that goes with the verb.)
  if (moved || /^công suất\s/iu.test(s)) s = s.replace(/\s+(?:lên|xuống)\s*$/iu, '')
  // ("Có thêm 01 trường …, nâng tổng số trường đạt chuẩn lên 11/13", "Trồng mới 18 ha …, nâng tổng
  // diện tích sâm lên 64 ha": the total is named after "nâng tổng (số)", without the "lên" of the verb.)
  // ("… thêm 03 tiêu chí …, nâng tổng số lên 12/19": with no words of its own, the name stays the clause's.)
  const raised = /,\s*nâng\s+tổng(\s+số)?\s+(?=\p{L})(?!(?:số\s+)?lên\s*$)/iu.exec(s)
  if (raised && /\slên\s*$/iu.test(s)) s = `${raised[1] ? 'Số ' : ''}${s.slice(raised.index + raised[0].length)}`.replace(/\s+lên\s*$/iu, '')
  // ("Tỷ lệ hộ nghèo giảm còn dưới 0,8%": the verb before a ceiling is no part of the measure's name.)
  s = s.replace(/(?:\s*(?:[:,–-]|là|duy trì ở mức|duy trì|ở mức|phấn đấu|đạt|cho|với|gồm|được|(?<=\p{L}\s+)(?:kéo\s+)?giảm(?:\s+xuống)?))+\s*$/iu, '')
  return { name: s.trim(), whole }
}

/**
 * "100% doanh nghiệp có từ 25 lao động trở lên thành lập …", "hộ có trên 2 ha trở lên": a size
 * that says which units are counted qualifies the subject; it is no figure of its own.
 */
const SIZE_QUALIFIER_RE = /(?<![\p{L}])có\s+(?:từ\s+|trên\s+)?\d[\d.,]*\s+[^\d;,.]{1,30}?\s+trở\s+(?:lên|xuống)(?![\p{L}])/giu

/**
 * A rate's name up to a figure inside it: "Tỷ lệ" opening the clause and words with no digit and no
 * verb that sets the rate's figure ("đạt", "là", "giảm", …), at most 80 characters.
 */
const RATE_NAME_RE = /^[\s,;.:–+-]{0,6}(?:phấn đấu\s+)?(?:tỷ lệ|tỉ lệ)\s(?:(?!(?<![\p{L}])(?:đạt|là|còn|giảm|tăng|duy trì|ở mức|giữ|lên|xuống|không)(?![\p{L}]))[^\d%;:,.]){1,80}$/iu
/** A %-figure later in the clause, the rate's own (a word or two and the figure, "đạt 85%", "là 90%", "trên 70%"). */
const RATE_FIGURE_AHEAD_RE = /\d(?:[\d.,]{0,12}\d)?\s{0,2}%/u

/**
 * A clause up to its figure that opens on a mass organisation's name (its subject) and an action it
 * does: "Đoàn Thanh niên duy trì", "Hội Phụ nữ, Hội Nông dân phối hợp … mở", "Chi đoàn tổ chức ít nhất".
 * ("Ủy ban Mặt trận Tổ quốc và 100% tổ chức … được xếp loại …" names no action before its figure: a result.)
 * Bounded: the words between the name and the verb, and between the verb and the figure, at most 60 characters each.
 */
const MASS_ORG_DUTY_RE = /^[\s,;.:–+•*-]{0,6}(?:(?:ban chấp hành|ủy ban|uỷ ban)\s+)?(?:đoàn thanh niên|đoàn tncs hồ chí minh|hội liên hiệp phụ nữ|hội lhpn|hội phụ nữ|hội nông dân|hội cựu chiến binh|hội ccb|hội người cao tuổi|hội chữ thập đỏ|hội khuyến học|mặt trận tổ quốc|mặt trận|mttq|công đoàn|chi đoàn|chi hội|các hội,?\s+đoàn thể|các đoàn thể)(?![\p{L}])(?:(?!phấn đấu)[^\d;:.%]){0,60}?(?<![\p{L}])(?:duy trì|tổ chức|mở|thành lập|ra mắt|phối hợp|vận động|xây dựng|tuyên truyền|hỗ trợ|giúp đỡ|nhận đỡ đầu|triển khai|phát động)(?![\p{L}])(?:(?!phấn đấu|đạt)[^\d;:.%]){0,60}$/iu

/**
 * "diện tích lúa 2 vụ 1.120 ha", "đậu phộng gieo trồng 2 vụ đạt 1.150 ha", "lúa 3 vụ/năm: 16.200
 * ha": the crop's seasons counted before its area or output say which crop is meant; "2 vụ" is no
 * target (a count of incidents, "giảm 2 vụ", has no area or output right after it).
 */
/**
 * A figure named by the verb that makes or adds what it counts, nothing else: "thành lập mới", "kết
 * nạp", "phát triển mới" (a list of counts after it shares the verb: "… 04 doanh nghiệp, 02 hợp tác xã").
 */
const VERB_ALONE_RE = /^(?:phấn đấu\s+)?(?:thành lập|phát triển|kết nạp|tuyển|xây dựng|xây mới|đóng mới|làm mới|thu hút|hỗ trợ|(?:có\s+)?thêm)(?:\s+(?:mới|thêm))?$/iu
const SEASONS_QUALIFIER_RE = /^\d{1,2}\s*vụ$/iu
const SEASONS_MEASURE_RE = /^\s*(?:\/\s*năm\s*)?(?::\s*|(?:đạt|là|với|diện tích|gieo trồng|sản lượng)\s+){0,2}\d[\d.,]*\s*(?:ha|tấn|tạ)(?![\p{L}])/iu
/**
 * "Lúa 2 vụ" over "DT 980 ha", "NS 60 tạ/ha", "SL ≥ 5.880 tấn" (a slide's bullet over its
 * sub-bullets), "- Lúa nước 3 vụ/năm" over "+ Diện tích …": a crop sown by the season (ANNUAL_CROP_RE)
 * named alone with its seasons, closing its line, heads its measures on the lines under it.
 */
const SEASONS_HEAD_RE = /^\s*(?:[-+•*–]\s+)?(?:cây\s+)?\p{L}+(?:\s+\p{L}+){0,3}\s*$/u
const seasonsHead = (before: string, rest: string): boolean => /^\s*(?:\/\s*năm)?\s*$/u.test(rest) && SEASONS_HEAD_RE.test(before) && ANNUAL_CROP_RE.test(before)

/** A subject after its figure holds another figure (not a size that says which units are counted). */
const subjectFigure = (subject: string): boolean => new RegExp(QUANTITY_RE.source, 'iu').test(subject.replace(SIZE_QUALIFIER_RE, ' '))

/** The words of a figure stated as it stands, not set as a target (see findTargets). */
const STATED_RE = /(?:^|[\s,(])(?:đầu (?:năm|kỳ)(?:\s+\d{4})?\s[^;]*?\bcó|hiện (?:có|nay có|còn)|mức (?:hỗ trợ|thưởng|chi|phụ cấp|đóng góp)(?:[^;]*?\blà)?|định mức(?:[^;]*?\blà)?)\s*$/iu

/** A verb that keeps what exists ("duy trì", "giữ vững", "giữ ổn định", "bảo vệ"): its figure is a level to hold. */
const KEEP_RE = /(?<![\p{L}])(?:duy trì|giữ vững|giữ ổn định|ổn định|bảo vệ|quản lý,? bảo vệ)(?![\p{L}])/iu

/** " (3) ", "; (iv) ": an item's number inside a line. */
const ITEM_IN_LINE_RE = new RegExp(String.raw`(?<=[\s:;])${ITEM_NUMBER}\s`, 'gu')

/** Where sentences and clauses end inside a line: ";" and ". " before a capital or the end. */
function breaksOf(text: string): number[] {
  const out: number[] = []
  // A sentence may open on its figure ("… điểm nóng. 100% thôn đạt …"): a stop before a figure ends one too.
  // ("… so với năm 2024. 16/16 thôn giữ vững …": so does a stop after a year.)
  const bracketed = semicolonsInBrackets(text)
  for (const m of text.matchAll(/;|\.(?=\s+\p{Lu}|\s*$)|(?<!\d)\.(?=\s+\d)|(?<=(?<![\d.,])(?:19|20)\d{2})\.(?=\s+\d)|:(?=\s*$)/gu)) if (!bracketed.has(m.index)) out.push(m.index + 1)
  // "… các chỉ tiêu chủ yếu sau: (1) Tổng giá trị sản xuất …; (2) …": an item's number in the line opens a clause.
  for (const m of text.matchAll(ITEM_IN_LINE_RE)) out.push(m.index + m[0].length)
  out.sort((x, y) => x - y)
  return [...out, ...goalJoins(text, out).map((j) => j.next)].sort((x, y) => x - y)
}

/**
 * "Đợt 1 (đến 30/6) đạt 4,3 tỷ đồng, cả năm đạt 8,6 tỷ đồng", "6 tháng đầu năm đạt 55%, cả năm đạt
 * 100%": the level a phase is to reach, then the year's, in one clause. The model has no per-phase
 * targets: the phase's part, up to "cả năm", is blanked (same offsets).
 * ("quý I đạt 2,1 tỷ đồng, quý II lũy kế đạt 4,6 tỷ đồng, 9 tháng đạt …, cả năm đạt 9,8 tỷ đồng",
 * "6 tháng đạt 8.100 con, thời điểm 31/12 đạt 8.500 con", "6 tháng đạt 82.000 con, cuối năm đạt
 * 95.000 con": milestones of a quarter, a half or nine months, one after another, lead to the
 * year's figure, "cả năm", "cuối năm" or at 31/12; all of them are blanked.)
 */
const MILESTONE = String.raw`(?<![\p{L}])(?:đợt\s+(?:\d{1,2}|[IVX]{1,4})|(?:6|sáu|9|chín)\s+tháng(?:\s+đầu\s+năm)?|quý\s+(?:[IV]{1,3}|[1-3])|sơ kết\s+(?:đợt\s+\S+|(?:6|sáu)\s+tháng))(?![\p{L}\d])(?:\s*\([^()]{0,40}\))?[^\d;.,()]{0,30}?\d[\d.,]*\s*[^\d;,.()]{0,20}?`
// (Seven milestones at most: a year has no more, and a chain without its end is then given up at once.)
const PHASE_LEVEL_RE = new RegExp(String.raw`${MILESTONE}(?:,\s*${MILESTONE}){0,6},\s*(?:và\s+)?(?:cả\s+năm|cuối\s+năm|(?:thời điểm|đến)\s+(?:ngày\s+)?31\/12)(?![\p{L}\d])(?=[^;]*?\d)`, 'giu')
/**
 * The words before a figure in brackets that make it a size of the thing named before ("dài 1,2 km",
 * "cao 3 tầng", "quy mô 5 ha", "diện tích 2 ha"), given the figure's unit: a length, a width or a
 * height only in a unit of length or in storeys.
 */
function sizeInBracket(before: string, unit: string): boolean {
  if (/(?<![\p{L}])(?:quy mô|tổng chiều dài|diện tích)\s*(?:khoảng\s+)?$/iu.test(before)) return true
  return /(?<![\p{L}])(?:dài|rộng|cao)\s*(?:khoảng\s+)?$/iu.test(before) && /^(?:m|mét|km|cm|tầng)$/iu.test(unit)
}
/** "Quý I: ", "quý 2 (lũy kế): đạt ": a quarter's label and colon right before a figure (a few words between at most). */
const QUARTER_LABEL_RE = /(?<![\p{L}])quý\s+(?:[IV]{1,3}|[1-4])(?![\p{L}\d])(?:\s*\([^()]{0,30}\))?\s*:[^\d;:.]{0,20}$/iu
/** "03 công trình: trường Mầm non …, đường … và …": a count of things before the colon that names them, none with a figure of its own. */
/**
 * "Giải quyết việc làm cho 2.400 lao động:", "Diện tích cây ăn trái … hiện có duy trì 385 ha:" over
 * "+ Trong đó …": a whole statement (a verb or a measure before its figure, no label's colon) ending
 * its line on a colon states its target before the parts listed under it. Not a count of seasons
 * ("lúa 2 vụ:") nor a figure of a label ("Giai đoạn 1:", "Trường hợp 2:"), nor a count of what the
 * lines under it list ("Thời gian thi đua chia làm 02 đợt:", "gồm 03 nội dung:").
 */
function statedBeforeItsParts(m: RegExpExecArray, before: string, rest: string): boolean {
  if (!/^\s*:\s*$/u.test(rest) || m[5] === undefined || SEASONS_QUALIFIER_RE.test(m[0]) || before.includes(':')) return false
  if (/(?<![\p{L}])(?:chia\s+(?:làm|thành|ra)|(?:bao\s+)?gồm(?:\s+có)?|với|theo)\s*$/iu.test(before)) return false
  return unitInfo(m[5]) !== undefined && before.trim().split(/\s+/u).length >= 3
}

function countOfNamed(m: RegExpExecArray, before: string, rest: string): boolean {
  if (m[5] === undefined || m[2] !== undefined || m[3] !== undefined || unitInfo(m[5])?.integer !== true || !/\p{L}\s*$/u.test(before)) return false
  const list = rest.replace(/^\s*:\s*/u, '').split(/;|\.(?=\s|$)|\n/u)[0] ?? ''
  return /^\p{L}/u.test(list) && /,|\svà\s/u.test(list) && !new RegExp(QUANTITY_RE.source, 'iu').test(list)
}
export function phaseLevels(text: string): string {
  // (A chain leads to the year's figure: a line naming no year's end has none, and is not tried at each milestone.)
  if (!/(?:cả|cuối)\s+năm|31\/12/iu.test(text)) return text
  return text.replace(PHASE_LEVEL_RE, (m) => ' '.repeat(m.length))
}

/** "tỉnh giao", "huyện giao", "cấp trên giao", "chỉ tiêu được giao": who assigns the figure that follows. */
const ASSIGNER = String.raw`(?<![\p{L}])(?:(?:tỉnh|huyện|thành phố|quận|thị xã|cấp trên|trên)\s+giao|chỉ tiêu\s+(?:được\s+)?giao|được\s+giao)(?![\p{L}])`
/** An assigned figure with its verb and unit ("tỉnh giao giảm 3,5%", "huyện giao 120 ha", "chỉ tiêu giao: 7/11 trường"). */
const ASSIGNED_LEVEL = String.raw`${ASSIGNER}\s*:?[^\d;.,()]{0,20}?\d[\d.,/]*\s*[^\d;,.()]{0,24}?`
/** The assigned figure first, the commune's own after the comma ("tỉnh giao 120 ha, xã phấn đấu 150 ha"). */
const ASSIGNED_FIRST_RE = new RegExp(String.raw`${ASSIGNED_LEVEL},\s*(?:và\s+|còn\s+)?(?=(?:(?:xã|phường|thị trấn|đơn vị)\s+)?(?:phấn đấu|đăng ký|quyết tâm)(?![\p{L}])[^;]{0,80}?\d)`, 'giu')
/** The commune's own first, the assigned figure after it ("xã phấn đấu 150 ha, tỉnh giao 120 ha"): checked against the words before. */
const ASSIGNED_AFTER_RE = new RegExp(String.raw`,\s*${ASSIGNED_LEVEL}(?=\s*(?:[;.]|$))`, 'giu')
/**
 * "Trồng rừng mới: tỉnh giao 120 ha, xã phấn đấu 150 ha", "Tỷ lệ hộ nghèo: tỉnh giao giảm 3,5%, xã
 * phấn đấu giảm từ 4% trở lên …", "…: xã phấn đấu đạt 55,8%, huyện giao 55,4%": the figure others
 * assign beside the commune's own, in either order. Only the commune's is a target (the rule for
 * "(tỉnh giao 16 tỷ đồng, …)" in brackets after it): the assigned part is blanked (same offsets), so
 * that the commune's figure is named by the words before both. An assigned figure with no figure of
 * the commune's beside it stays (it is then the target).
 */
export function assignedLevels(text: string): string {
  if (!/giao/iu.test(text)) return text
  return text
    .replace(ASSIGNED_FIRST_RE, (m) => ' '.repeat(m.length))
    .replace(ASSIGNED_AFTER_RE, (m, at: number) => (/(?:phấn đấu|đăng ký|quyết tâm)(?![\p{L}])[^;]*\d/iu.test(text.slice(Math.max(0, text.lastIndexOf(';', at) + 1, at - 200), at)) ? ' '.repeat(m.length) : m))
}

/**
 * "Diện tích cà phê hiện có: 6.240 ha → 6.300 ha", "Tỷ lệ hộ nghèo: 5,42% → giảm 1,5 - 2%", "Xã đạt
 * chuẩn nông thôn mới: – → Đạt": a list that writes each target as last year's level, an arrow, then
 * this year's. What stands between the label's colon and the arrow (a figure with its unit, a dash for
 * no figure, "Đạt") is last year's: blanked (same offsets), so that the figure after the arrow is named
 * by the label. It is still the start a cut is measured from (passes.ts, statedLevelAt).
 * ("TNGT giảm 5 → 3 vụ", "GĐVH 90 → 92%": an arrow after a verb or a name, no label's colon, is the
 * arrow's cue in lexicon.ts.)
 */
/** Last year's level before a label's arrow: its figure (group 1), a count of all after a slash ("9/12 trường"), its unit (group 2). */
const LEVEL_BEFORE_ARROW = String.raw`(\d[\d.,]*)(?:\s*\/\s*\d{1,4})?(?:\s*(%|‰|\p{L}+(?:[ /]\p{L}+){0,3}))?`
const ARROW_FROM_RE = new RegExp(String.raw`(?<=:[ \t]{0,3})(?:[–-]|chưa đạt|đạt|${LEVEL_BEFORE_ARROW})[ \t]*→[ \t]*(?=\S)`, 'giu')
const ARROW_START_RE = new RegExp(String.raw`^[^:;]{2,200}:[ \t]{0,3}${LEVEL_BEFORE_ARROW}[ \t]*→`, 'iu')
/** The level a target's clause "Label: A → B" states before its arrow, the start of a cut (settleBaselines, shape.ts's cut of events). */
export function arrowStart(clause: string): { figure: string; unit: string | undefined } | undefined {
  const m = ARROW_START_RE.exec(clause)
  return m ? { figure: m[1]!, unit: m[2] } : undefined
}
function lastYearBeforeArrow(text: string): string {
  if (!text.includes('→')) return text
  return text.replace(ARROW_FROM_RE, (m) => ' '.repeat(m.length))
}

/**
 * "đạt 7.260.000.000 đồng (Bảy tỷ, hai trăm sáu mươi triệu đồng) trở lên, …": a comma inside a
 * bracket of words with no figure (an amount written out, a gloss) separates nothing; the figure's
 * clause goes on past the bracket to the next separator. `tail` is where the clause was found to
 * end in `rest` (-1: nowhere); a bracket holding a figure, a ";" or another bracket is left as it is.
 */
function pastWordsBracket(rest: string, tail: number): number {
  if (tail === -1 || rest[tail] !== ',') return tail
  const open = rest.lastIndexOf('(', tail)
  if (open === -1 || rest.lastIndexOf(')', tail) > open) return tail
  const close = rest.indexOf(')', tail)
  if (close === -1 || /[\d;()]/u.test(rest.slice(open + 1, close))) return tail
  const next = rest.slice(close + 1).search(/;|,(?!\d)|\.(?=\s|$)/u)
  return next === -1 ? -1 : close + 1 + next
}

export function findTargets(line: Line, section: Section, subjectMode: boolean): Found[] {
  // "thành lập mới hai hợp tác xã": a count in words is read as its digits (same offsets).
  // "diện tích 780 ha × năng suất 35 tạ/ha = sản lượng 2.730 tấn": a crop's product written out with
  // each operand's measure named beside its figure lists three measures, read as if by commas (same
  // offsets). ("sản lượng = diện tích × năng suất = 1.480 tấn" names a formula, not figures.)
  // "Thu ngân sách: Đợt 1 (đến 30/6) đạt 4,3 tỷ đồng, cả năm đạt 8,6 tỷ đồng": a phase's level
  // beside the year's in one statement; the year's is the target, the phase's (and its label) is
  // read as blank (same offsets), so that the year's figure is named by the words before the phase.
  // (The look back follows the sign it guards: put first, it went back over a long word at every place of it.)
  const text = lastYearBeforeArrow(assignedLevels(phaseLevels(spelledNumbers(line.text).replace(/\s[×=]\s(?<=\d[.,\d]*\s*[\p{L}/]+\s[×=]\s)(?=(?:năng suất|sản lượng|diện tích)(?![\p{L}])[^×=,;]{0,30}?\d)/giu, ',  '))))
  const breaks = breaksOf(text)
  let breakAt = 0
  let lastBreak = 0
  const out: Found[] = []
  // What follows a figure is read within a window: a line may be a whole document.
  const after = (from: number): string => text.slice(from, from + 600)
  let boundary = 0
  // The increase written before a raised total ("thêm 02 tiêu chí, nâng tổng số … lên 14/19").
  let added: { digits: string; unit: string; at: number } | undefined
  // The sentence (by the break it starts at) whose figure was a stated one, not a target.
  let stated = -1
  // "Diện tích lúa cả năm 610 ha (vụ Xuân 310 ha, vụ Mùa 300 ha)": the seasons in brackets are the year's parts.
  // So are the kinds in brackets after a figure ("Trồng rừng 320 ha (trồng mới 45 ha, trồng lại 275 ha)"),
  // separated by ";" as well ("… ≥ 4.500 tấn (lúa 4.100 t; ngô 400 t)", a note's shorthand).
  const WHOLE_MARK_RE = /(?<![\p{L}])(?:trong đó|gồm\s*:)|\((?=\s*vụ\s+\p{L}+\s+(?:[\p{L}]+\s+)?\d)|(?<=\d\s*(?:ha|tấn|con|người|hộ)\s*)\((?=\s*\p{L}[^()\d]*\d[^()]*[,;]\s*\p{L}[^()\d]*\d[^()]*\))/giu
  const wholeAt = (() => {
    const m = new RegExp(WHOLE_MARK_RE.source, 'iu').exec(text)
    return m ? m.index : -1
  })()
  // "… thanh long 320 ha, trong đó VietGAP 80 ha; rau màu: diện tích gieo trồng 45 ha, …": a clause
  // after ";" opening on a topic of its own and a colon names another subject; the parts end there.
  const wholeEnd = (() => {
    if (wholeAt === -1) return text.length
    const m = /;\s*(?:[-+•]\s*)?\p{L}[\p{L} ]{1,40}:\s/u.exec(text.slice(wholeAt))
    return m ? wholeAt + m.index : text.length
  })()
  // A run-in paragraph ("a) Về kinh tế: … tăng 9%, trong đó … tăng 12%. Tổng diện tích lúa cả năm
  // 1.120 ha (vụ Xuân 570 ha, vụ Mùa 550 ha), …. Giá trị …"): a "trong đó" or a bracket of parts
  // reaches to the end of its sentence; a later sentence with its own mark has its own whole.
  const sentenceStops = [...text.matchAll(/\.(?=\s+\p{Lu})/gu)].map((m) => m.index + 1)
  // ("… 1,5 ha. Trong đó: đất ở 1,0 ha, …": a mark opening its sentence has its whole in the one before.)
  const sentenceOf = (at: number): number => sentenceStops.filter((x) => x <= at).pop() ?? 0
  const reaches = [...text.matchAll(WHOLE_MARK_RE)].map((m) => {
    const own = sentenceOf(m.index)
    return { mark: m.index, from: own > 0 && text.slice(own, m.index).trim() === '' ? sentenceOf(own - 1) : own, to: sentenceStops.find((x) => x > m.index) ?? text.length }
  })
  const runIn = sentenceStops.length > 0 && reaches.length > 0 && reaches.some((r) => r.from > 0 || r.to < text.length)
  const reachOf = (at: number): { mark: number; from: number; to: number } | undefined => reaches.find((r) => at > r.mark && at < r.to)
  // Where each "(" stands, read in order with the figures: the last one before a figure is found
  // without searching the text back for it (a long line without brackets made that quadratic).
  const opens = [...text.matchAll(/\(/gu)].map((o) => o.index)
  let openAt = 0
  // The first ")" at or after a position (-1 if none), found in the sorted list, not by a search of the text.
  const closes = [...text.matchAll(/\)/gu)].map((c) => c.index)
  const closeAfter = (from: number): number => {
    let lo = 0
    let hi = closes.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (closes[mid]! < from) lo = mid + 1
      else hi = mid
    }
    return closes[lo] ?? -1
  }
  // What is read of a whole clause is read once for it, not once for each of its figures (a clause
  // of a long line can hold thousands): keyed by the clause's kind of reading and its span.
  const perClause = new Map<string, unknown>()
  const ofClause = <T>(kind: string, from: number, to: number, read: (clause: string) => T): T => {
    const key = `${kind}:${from}:${to}`
    if (!perClause.has(key)) perClause.set(key, read(text.slice(from, to)))
    return perClause.get(key) as T
  }
  const re = new RegExp(QUANTITY_RE.source, QUANTITY_RE.flags)
  for (let m = re.exec(text); m !== null && out.length < PLAN_LIMITS.indicators; m = re.exec(text)) {
    const at = m.index
    if (at < boundary) continue
    while (breakAt < breaks.length && (breaks[breakAt] ?? Infinity) <= at) lastBreak = breaks[breakAt++] ?? lastBreak
    const segStart = Math.max(boundary, lastBreak)
    // The first break after the figure: the breaks are sorted and the figures come in order, so it
    // is the one the loop above stopped at (searching the list for each figure made a long line of
    // figures that are all passed over quadratic).
    const nextBreak = breaks[breakAt] ?? text.length
    const before = text.slice(segStart, at)
    // "Giữ vững 19/19 tiêu chí", "duy trì 3/3 trường": all of them, a state to keep (a yes/no goal).
    if (wholeFraction(m[0])) continue
    // "(năm 2025 vụ Mùa chỉ gieo được 214 ha)": a year after "năm" says when, it is never a count of the word after it ("2025 vụ").
    // (Not "năm" for the length of the year: "lúa cả năm 2000 ha", "mỗi năm 2000 tấn".)
    if (m[2] === undefined && m[3] === undefined && /^(?:19|20)\d{2}$/u.test(m[1]!) && /(?<![\p{L}])(?<!(?:cả|trong|mỗi|hằng|hàng|một|suốt|quanh)\s{1,3})năm\s*$/iu.test(before.slice(-20))) continue
    // "… xã hội. Đầu năm 2026, toàn xã còn 214 hộ nghèo, …": a sentence stating where the year starts.
    if (startOfYearSentence(text.slice(segStart, at + m[0].length), before)) continue
    // An operand of a product written out ("2.830 ha × 60 tạ/ha = 16.980 tấn") is no target of its own.
    if (/[×x*]\s*$/u.test(before) || /^\s*[×x*]\s/u.test(text.slice(at + m[0].length, at + m[0].length + 3))) continue
    // "trên 1 ha", "mỗi 1 người", "trên 01 ha" (one written with its leading zero): per one unit, a denominator and not a figure.
    if (/^0?1$/u.test(m[1]!) && /(?:trên|mỗi|cho)\s*$/iu.test(before) && new RegExp(QUANTITY_RE.source, 'iu').test(after(at + m[0].length))) continue
    if (SEASONS_QUALIFIER_RE.test(m[0]) && (SEASONS_MEASURE_RE.test(after(at + m[0].length)) || seasonsHead(before, after(at + m[0].length)))) continue
    // ("Thời gian: chia làm 2 đợt", "phong trào chia thành 03 đợt": how the campaign is phased, no figure to reach.)
    // ("Phong trào thi đua năm 2024 được tổ chức thành 02 đợt", "… triển khai theo 02 đợt": so is a campaign held in rounds.)
    // ("Năm 2027 tổ chức 03 đợt thi đua": so are the campaign's rounds counted, "đợt thi đua".)
    if (m[5] === 'đợt' && (/(?<![\p{L}])(?:chia\s+(?:làm|thành)|(?:tổ chức|triển khai|thực hiện|phát động)\s+(?:thành|theo|làm))\s*$/iu.test(before) || /^\s*thi đua(?![\p{L}])/iu.test(after(at + m[0].length)))) continue
    // A figure in brackets that states where things stand ("(cuối năm 2024, tỷ lệ hộ nghèo là
    // 4,86%)", "(năm 2024 xảy ra 7 vụ)") is a starting point. "X không tăng so với năm 2024 (năm
    // 2024 xảy ra 7 vụ)": that figure is the ceiling of X.
    while (openAt < opens.length && opens[openAt]! <= at) openAt++
    const open = opens[openAt - 1] ?? -1
    // "Xây mới 12 căn (Giai đoạn 1: 4 căn; Giai đoạn 2: 5 căn; …)", "(Quý I: 20%, …)": the year's
    // figure shared out over the plan's phases or quarters, not targets of their own.
    if (open !== -1 && closeAfter(open) >= at + m[0].length && /^\(\s*(?:giai đoạn|đợt|quý|(?:6|9|sáu|chín) tháng)(?![\p{L}])/iu.test(text.slice(open))) continue
    // "Trồng mới 50 ha dừa (tăng 10 ha so với dự thảo)": in a conference's conclusion, the change from
    // the draft read out, in brackets after the figure it led to; the figure is the target, the change none.
    if (open !== -1 && closeAfter(open) >= at + m[0].length && !text.slice(open, at).includes(')') && /^[^()]{0,40}?(?<![\p{L}])so với\s+(?:bản\s+)?dự thảo(?![\p{L}])/iu.test(text.slice(at, closeAfter(open)))) continue
    // "(xã … được thành lập …; năm 2025 toàn xã …, tỷ lệ hộ nghèo cuối năm 2025 còn 3,12%, xảy ra 10 vụ …)":
    // a long bracket on where things stand, cut by ";" inside, is a starting point throughout.
    if (open !== -1 && open < segStart - 1 && closeAfter(open) >= at + m[0].length && !text.slice(open, at).includes(')') && /năm \d{4}|đầu năm|cuối năm/iu.test(text.slice(open, at))) continue
    // "(tỉnh giao 16 tỷ đồng, huyện giao 17 tỷ đồng)": the figures others assign, in brackets after the commune's own.
    if (open !== -1 && closeAfter(open) >= at + m[0].length && !text.slice(open, at).includes(')') && /(?<![\p{L}])giao\s*(?:là\s*|:\s*)?$/iu.test(text.slice(open, at))) continue
    // "(đoạn từ cầu Lạc Sơn đến chợ An Lạc, dài 1,2 km)": a size in brackets describes, it sets nothing.
    // (A length, a width or a height is one in a unit of length or in storeys: "(trong đó lúa chất
    // lượng cao 650 ha)" is a part of high-quality rice, no height.)
    if (open !== -1 && open >= segStart - 1 && closeAfter(open) >= at + m[0].length && sizeInBracket(text.slice(open, at), m[2] ?? m[4] ?? m[5] ?? '')) continue
    if (open !== -1 && open >= segStart - 1 && closeAfter(open) >= at + m[0].length && /\d{4}|hiện|đầu năm|cuối năm/iu.test(text.slice(open, at))) {
      const held = /([^,;:()]+?)\s+không (?:tăng|vượt)(?:\s+(?:so với\s+)?(?:năm (\d{4})|năm trước|cùng kỳ(?: năm trước)?))?\s*$/iu.exec(text.slice(lastBreak, open))
      const spanEnd = closeAfter(open) + 1
      if (held && m[5] !== undefined) {
        out.push({
          name: cleanName(held[1]!).name,
          span: { start: line.start + lastBreak + held.index + (held[0].length - held[0].trimStart().length), end: line.start + spanEnd },
          at: line.start + at,
          digits: [m[1]!, undefined],
          unit: m[5],
          cue: { kind: 'at_most', strict: false },
          post: readPost(''),
          verbFirst: undefined,
          afterWhole: false,
          section,
        })
        boundary = spanEnd
      }
      continue
    }
    // "giảm cả 3 tiêu chí", "trên cả hai vụ": all of a set, named by their number, not a target.
    if (/(?:^|\s)cả\s*$/iu.test(before)) continue
    if (guardedExtent(before, m[5])) continue
    // "Tỷ lệ doanh nghiệp có từ 25 lao động trở lên thành lập công đoàn đạt 85%", "Tỷ lệ hộ có trên
    // 2 ha đất sản xuất đạt 60%": a figure inside a rate's name, before its own %-figure in the same
    // clause, qualifies the things counted (which of them the rate is over); it is part of the name.
    if (m[2] === undefined && m[4] === undefined && RATE_NAME_RE.test(before) && RATE_FIGURE_AHEAD_RE.test(text.slice(at + m[0].length, nextBreak).slice(0, 200))) continue
    // "trong đó lúa 2 vụ: diện tích 215 ha, …": a figure before a colon labels what follows.
    // ("Đưa vào sử dụng 03 công trình: trường …, đường … và nhà văn hóa …": a count of things whose
    // colon opens the list of those things by name, no figure among them, is the count to reach.)
    // ("Giải quyết việc làm cho 2.400 lao động:" over "+ Trong đó …": a statement whose colon ends its
    // line, with no label before it, opens the parts listed under it; its figure is the target.)
    if (/^\s*:/u.test(after(at + m[0].length)) && !countOfNamed(m, before, after(at + m[0].length)) && !statedBeforeItsParts(m, before, after(at + m[0].length))) continue
    // "Giảm 12 hộ nghèo và 20 hộ cận nghèo": a figure joined by "và" to the one before takes its cue.
    // "Phát triển mới ít nhất 35 hộ kinh doanh dịch vụ ăn uống, lưu trú và 03 doanh nghiệp": the
    // words between the comma that ended the figure before and "và" are the last kinds of that
    // figure's list; the figure after "và" is counted by the same verb, its words none of them.
    // ("Thành lập mới ít nhất 04 doanh nghiệp, 02 hợp tác xã": so is a count of another noun right
    // after the comma, no word of its own, where the count before was named by its verb alone, a
    // field's run-in label before it or not.)
    const last = out[out.length - 1]
    const bareTail = last !== undefined && /^\s*$/u.test(before) && m[5] !== undefined && last.unit !== m[5] && unitInfo(last.unit)?.integer === true && VERB_ALONE_RE.test((last.verb ?? last.name).replace(/^[^:]{1,80}:\s*/u, ''))
    const listTail = out.length > 0 && segStart === boundary && text[boundary - 1] === ',' && (bareTail || /^\s*\p{Ll}+(?:\s+\p{Ll}+){0,4}(?:,\s*\p{Ll}+(?:\s+\p{Ll}+){0,4}){0,2}\s+và\s*$/u.test(before)) && cueBefore(before) === undefined && m[5] !== undefined && m[2] === undefined && unitInfo(m[5])?.integer === true
    // ("… không quá 8,5% và 100% trẻ em dưới 1 tuổi được tiêm chủng": a share whose things are named
    // after its figure opens a clause of its own; the ceiling of the rate named before is not its.)
    const ownShare = (m[2] ?? m[4]) !== undefined && out[out.length - 1]?.cue?.kind === 'at_most' && /^\s{1,3}(?!trở\s|so\s|điểm\s|kế hoạch|dự toán|chỉ tiêu)\p{L}/iu.test(after(at + m[0].length))
    const joined = (listTail || /^\s*và\s*$/iu.test(before)) && !ownShare && out.length > 0 && out[out.length - 1]!.cue !== undefined && segStart === boundary
    let cueMatch = cueBefore(before) ?? (joined ? { cue: out[out.length - 1]!.cue!, word: 'và', at: 0 } : undefined)
    // "Giảm tỷ lệ hộ nghèo từ 3 - 4%": the verb opening the clause says what the range is.
    // ("từ" is then no word of the name either: "Tỷ lệ hộ nghèo", not "Tỷ lệ hộ nghèo từ".)
    let nameEnd: number | undefined
    // ("Kéo giảm tội phạm … từ 5% trở lên": so does "kéo giảm".)
    // ("Về văn hóa - xã hội: Phấn đấu giảm tỷ lệ hộ nghèo từ 0,6 - 0,8%": after a field's run-in label too,
    // or a field named before a comma, "Về văn hóa - xã hội, giảm tỷ lệ hộ nghèo từ 1,5% trở lên", or a
    // numbered target's label, "Chỉ tiêu 8 - Giảm nghèo: giảm …".)
    if (cueMatch?.word === 'từ' && /^(?:phấn đấu\s+)?(?:kéo\s+)?giảm\s/iu.test(withoutRunInLabel(before))) {
      nameEnd = cueMatch.at
      cueMatch = undefined
    }
    // "đạt thêm 02 tiêu chí, nâng tổng số tiêu chí đạt lên 14/19": the total is the target; the
    // increase is the other reading, kept for the officer (`added`, an alternative: plans choose either).
    if (/thêm\s*$/iu.test(before) && /^[^.;]*?,\s*nâng tổng(?: số)?\s/iu.test(after(at + m[0].length))) {
      added = { digits: m[1]!, unit: m[2] ?? m[4] ?? m[5] ?? '', at }
      continue
    }
    // "có 4/4 trường đạt chuẩn quốc gia (tăng 01 trường so với năm 2024)": the change after a count of
    // all the units is none of its own (guards.ts, inChangeOfAll).
    if (inChangeOfAll(before)) continue
    // "Vận động trồng thêm 5.000 cây xanh (không tính là chỉ tiêu giao)": a clause the plan marks as no target (markedNoTarget).
    if (ofClause('markedNoTarget', lastBreak, nextBreak, markedNoTarget)) continue
    // "thôn hoàn thành 100% chỉ tiêu thưởng 3 triệu đồng": a clause that sets an award, its figures the award's conditions.
    // ("Mức thưởng kèm Giấy khen … là 1.500.000 đồng đối với tập thể và 750.000 đồng đối với cá nhân",
    // "tiền thưởng kèm theo …: tập thể 2 triệu đồng, cá nhân 1 triệu đồng": a clause naming the award's
    // level or money states what the award is worth, each sum in it, the ones after the first too.)
    if (ofClause('award', segStart, nextBreak, (clause) => /(?<![\p{L}])(?:thưởng\s+(?:mức\s+)?\d|(?:mức|tiền)\s+thưởng(?![\p{L}]))/iu.test(clause))) continue
    // "cơ sở … có doanh thu từ 10 tỷ đồng/năm trở lên được xem xét đề nghị … tặng Giấy khen", "… được
    // biểu dương": whoever meets the figure is put up for an award; the figure is its condition.
    // ("Thôn, bon được xét khen thưởng khi có từ 80% trở lên số hộ …": "xét" short for "xem xét".)
    // ("… được ưu tiên đề nghị khen thưởng", "… được ưu tiên xét khen thưởng": put first for it, the same.)
    if (ofClause('putUp', segStart, nextBreak, (clause) => /(?<![\p{L}])được\s+(?:ưu tiên\s+)?(?:xem xét|đề nghị|biểu dương|xét\s+(?:khen thưởng|tặng|công nhận))(?![\p{L}])/iu.test(clause))) continue
    // "đơn vị nào không đạt từ 80% chỉ tiêu đăng ký trở lên thì không xét danh hiệu …": a condition
    // on whoever meets it ("… nào … thì …"), the bar for a title, not a target of the year.
    if (/(?<![\p{L}])nào\s+(?:không\s+|chưa\s+)?(?:đạt|hoàn thành|có)(?![\p{L}])[^.;]*$/iu.test(before) && /^[^.;]*?\sthì\s/iu.test(after(at + m[0].length))) continue
    // "mỗi thôn đăng ký ít nhất 01 công trình": units' choices to make, a duty of the movement.
    if (/(?:đăng ký|lựa chọn|chọn)\s+(?:thực hiện\s+)?(?:ít nhất|tối thiểu)?\s*$/iu.test(before)) continue
    // "đến ngày 30/6/2024 cứng hóa được 3,2 km; đến ngày 31/12/2024 cứng hóa đạt 7,5 km": a
    // milestone within the year leads to the year's target, it is not one.
    if (midYearMilestone(before)) continue
    // "Thu ngân sách: Quý I: 0,8 tỷ đồng; Quý II: 1,2 tỷ đồng; …", or a line "Quý III: 40 hồ sơ":
    // a quarter labelled by a colon before its figure is the year's figure shared out by quarter
    // (a schedule), no target; the year's own figure is stated apart ("Cả năm: …").
    if (QUARTER_LABEL_RE.test(before)) continue
    // "(mỗi tháng ít nhất 02 đợt ra quân)": how often a duty is done, not a target of the year.
    // ("mỗi năm tổ chức 02 đợt tập huấn": so is how often a year's duty comes round, its verb between.)
    // ("tổ chức ít nhất 01 đợt ra quân “Ngày Chủ nhật xanh” mỗi tháng": so is the count with the period
    // after it, in the same clause, no comma between; "Đoàn Thanh niên mỗi quý tổ chức ít nhất 01 đợt ra
    // quân …", "định kỳ tổ chức 02 lần …": so are rounds whose period or interval is named anywhere before them.)
    if (/^(?:lần|buổi|đợt|cuộc)$/iu.test(m[5] ?? '') && (/^[^.;,\n]{0,80}?\s(?:mỗi|hằng|hàng)\s+(?:tháng|quý|tuần|ngày)(?![\p{L}])/iu.test(after(at + m[0].length)) || /(?<![\p{L}])(?:(?:mỗi|hằng|hàng)\s+(?:quý|tháng|tuần|ngày)|định kỳ)(?![\p{L}])/iu.test(before))) continue
    if (/(?:mỗi|hằng|hàng)\s+(?:tháng|quý|tuần|ngày)\s+(?:ít nhất|tối thiểu|từ)?\s*$/iu.test(before) || /(?<![\p{L}])(?:mỗi|hằng|hàng)\s+năm\s+(?:tổ chức|mở|thực hiện)\s+(?:ít nhất|tối thiểu|từ)?\s*$/iu.test(before)) continue
    // "Mỗi thôn có ít nhất 01 tuyến đường hoa", "mỗi TDP ven biển duy trì ít nhất 01 đội", "vận
    // động mỗi buôn xây dựng 01 mô hình": a figure asked of each village is no commune target (the
    // list's clause is a state every village reports, or a duty).
    if (EACH_UNIT_RE.test(before)) continue
    // ("mỗi tổ chức đoàn thể nhận giúp đỡ ít nhất 02 hộ nghèo", "mỗi đảng viên vận động 01 hộ …", "vận động
    // mỗi hộ trồng ít nhất 05 cây xanh": a quota asked of each organisation, member or household is how the
    // movement shares the work, no commune target.)
    if (/(?<![\p{L}])(?:mỗi|từng)\s+(?:tổ chức|đoàn thể|hội|chi hội|cơ quan|đơn vị|ban|ngành|đảng viên|cán bộ|hội viên|đoàn viên|công chức|hộ|hộ gia đình|gia đình)(?![\p{L}])/iu.test(before)) continue
    // "Đoàn Thanh niên duy trì 02 đội hình tình nguyện …", "Hội Nông dân xã tổ chức 03 lớp tập huấn …"
    // outside a list of targets: a mass organisation's sentence, its name the subject and an action
    // its verb, is a duty the plan gives that organisation, its figure none of the commune's targets.
    if (!section.list && MASS_ORG_DUTY_RE.test(before)) continue
    // "…; các khu phố tổ chức tập huấn ít nhất 02 lần trong năm": sessions the units hold, the count
    // asked of each of them (as after "mỗi"), a duty of the movement in each unit, no commune total.
    if (/^(?:lần|buổi|đợt|cuộc)$/iu.test(m[5] ?? '') && SESSIONS_OF_UNITS_RE.test(before)) continue
    // "100% cơ sở kinh doanh được kiểm tra, nhắc nhở về vệ sinh thực phẩm ít nhất 02 lần trong năm": the
    // times after a share of things served ("N% … được …") in the same sentence are how often each of
    // them is, a condition of the share, no count of its own.
    if (/^(?:lần|buổi|đợt)$/iu.test(m[5] ?? '') && timesOfShare(out, line.start, text, at)) continue
    // "đạt từ 90 điểm trở lên được xếp loại xuất sắc", "từ 75 đến dưới 90 điểm xếp loại khá": points
    // that grade the units' emulation are a band of its scoring, no target.
    if (/^điểm$/iu.test(m[5] ?? '') && GRADE_AFTER_RE.test(after(at + m[0].length))) continue
    // "gồm 25 chỉ tiêu chia thành 05 nhóm, tổng số 100 điểm": the scoring's scale (POINT_SCALE_RE).
    if (/^điểm$/iu.test(m[5] ?? '') && POINT_SCALE_RE.test(before)) continue
    // "100% tổ dân phố duy trì ít nhất 01 tuyến …": the same state of every unit, said as a rate (both figures).
    // (The expression holds no break, so its first match in the clause is its first from the clause on.)
    const allUnits = ofClause('allUnits', segStart, nextBreak, (clause) => {
      const found = ALL_UNITS_STATE_RE.exec(clause)
      return found && { start: segStart + found.index, end: segStart + found.index + found[0].length }
    })
    if (allUnits && at >= allUnits.start && at < allUnits.end) continue
    // "mỗi chi hội nhận đỡ đầu ít nhất một hộ nghèo": a quota of each organisation, a duty of the movement.
    // ("…; phấn đấu mỗi chi hội có ít nhất 05 hộ đăng ký …": striving for it changes nothing.)
    if (/(?:^|[,;])\s*(?:[-+•]\s*)?(?:phấn đấu\s+)?mỗi\s+(?:chi hội|chi đoàn|hội viên|đoàn viên|đảng viên|cán bộ|công chức|viên chức|hội|đoàn thể)(?:,\s*(?:chi hội|chi đoàn|hội viên|đoàn viên|đảng viên|cán bộ|công chức|viên chức|hội|đoàn thể))*(?![\p{L}])[^,;]*$/iu.test(before)) continue
    // A figure the plan states as it stands or gives ("đầu năm 2026 toàn xã có 148 hộ nghèo",
    // "chiếm 1,62%", "mức hỗ trợ … là 40.000.000 đồng/hộ") is a starting point, not a target.
    // So is its share ("…, chiếm 1,62% tổng số hộ") in the same sentence.
    if (stated === lastBreak && cueMatch?.word === 'chiếm') continue
    // ("mức hỗ trợ 60 triệu đồng/nhà xây mới, 30 triệu đồng/nhà sửa chữa": so is a bare amount listed
    // after it, with no words of its own before it.)
    if (stated === lastBreak && !cueMatch && /(?:^|,)\s*$/u.test(before)) continue
    // ("hỗ trợ sửa chữa 06 căn nhà, mỗi căn 40 triệu đồng", "hỗ trợ mỗi vườn 5.000.000 đồng", "… với mức 60
    // triệu đồng/nhà xây mới": money given for each unit, at a level, is the support's rate, not a target.)
    if (!cueMatch && /(?:^|\s)(?:nghìn\s+|triệu\s+|tỷ\s+)?đồng(?:\/|$)/u.test(` ${m[2] ?? m[4] ?? m[5] ?? ''}`) && /(?:^|[\s,(])(?:mỗi\s+\p{L}+(?:\s+\p{L}+)?|với mức)\s*$/iu.test(before)) continue
    // "duy trì diện tích chè hiện có 520 ha", "giữ ổn định 140 ha … hiện có": what exists, kept, is the level to keep (a target).
    // ("+ Diện tích cà phê hiện có 720 ha; trồng mới 50 ha …" in a list of targets: an area the list
    // states as it stands, its item's own subject, is the area to keep as well.)
    // ("Dâu tây: diện tích hiện có 85 ha, năng suất bình quân 30 tấn/ha, sản lượng 2.550 tấn": a crop's
    // area as it stands, its yield and output set after it in the sentence, is the area they are set on.)
    const cropLine = (): boolean => /^[\s,;.:–+-]*(?:[\p{L} ]{1,30}:\s*)?diện tích\s[^,;:()\d]*$/iu.test(before) && /^[^.;]{0,80}?,\s*(?:năng suất|sản lượng)(?![\p{L}])/iu.test(after(at + m[0].length))
    // ("Cây chanh không hạt: diện tích hiện có 1.050 ha; trồng mới …": so is it after the crop's run-in label.)
    const kept = /(?<![\p{L}])hiện (?:có|nay có)\s*$/iu.test(before) && (KEEP_RE.test(before) || cropLine() || (section.list && /^[\s,;.:–+-]*(?:[\p{L} ]{1,30}:\s*)?diện tích\s[^,;:()\d]*$/iu.test(before)))
    if (!cueMatch && !kept && !/phấn đấu|giảm|tăng/iu.test(before) && STATED_RE.test(before)) {
      stated = lastBreak
      continue
    }
    const cleaned = cleanName(before.slice(0, cueMatch?.at ?? nameEnd ?? before.length))
    const whole = cleaned.whole
    // ("Trồng cây xanh: ‹phase blanked› trồng 8.000 cây": the topic names the year's figure, its verb repeated after the blank none of it.)
    let name = cleaned.name.replace(/\s*:?\s{3,}(?:\p{Ll}+(?:\s+\p{Ll}+)?\s*)?$/u, '').replace(/\s{3,}/gu, ' ')
    // The name starts after the spaces and separators that open the segment (counted once).
    // ("Ngoài các chỉ tiêu trên, …": the lead-in back to the list is no part of the item either.)
    const opening = /^[\s,;.:–-]*(?:\((?=\s*\p{L}[^()]*$)\s*)?/u.exec(before)?.[0].length ?? 0
    const lead = segStart + opening + (LEAD_BACK_RE.exec(before.slice(opening))?.[0].length ?? WITH_MEASURE_RE.exec(before.slice(opening))?.[0].length ?? 0)
    // "100% trường học …": the % is the figure's unit and the noun after it the units it counts.
    // So is a counted noun after it: "100% cơ sở kinh doanh …", "100% hộ …".
    const percentOf = m[2] !== undefined && m[5] !== undefined && (UNIT_NOUN_RE.test(m[5]) || unitInfo(m[5])?.integer === true)
    const figure = percentOf ? m[0].slice(0, m[0].length - m[5]!.length).trimEnd() : m[0]
    let end = at + figure.length
    const post = readPost(after(end))
    // ("vượt từ 5% trở lên so với dự toán tỉnh giao": a lower bound and "so với" before the estimate say the same.)
    const overPlan = /(?<![\p{L}])vượt(?:\s+(?:tối thiểu|ít nhất|từ))?\s*$/iu.test(before) && /^%$/u.test(m[2] ?? m[4] ?? '') && /^\s*(?:trở lên\s+)?(?:so với\s+)?(?:mức\s+)?(?:chỉ tiêu|kế hoạch|dự toán)(?![\p{L}])/iu.test(after(end))
    end += post.length
    if (/^điểm/iu.test(m[5] ?? '')) post.points = true
    // "Hoàn thành 100% xây dựng …", "100% thôn văn hóa": the subject follows the figure.
    const bareVerb = SUBJECT_AFTER_RE.test(name)
    // ("Đóng mới, cải hoán ít nhất 06 tàu cá …": two short verbs are as short a name.)
    // ("Các bản chăm sóc, bảo vệ, duy trì 1.150 ha thảo quả …": the villages that do it are no part of what is counted.)
    const doer = /^(?:các|toàn bộ|tất cả(?: các)?)\s+/iu.test(name) ? UNIT_NOUN_RE.exec(name.replace(/^(?:toàn bộ|tất cả)\s+/iu, '')) : null
    if (doer && /^\s+\p{L}/u.test(name.replace(/^(?:toàn bộ|tất cả)\s+/iu, '').slice(doer[0].length)) && !/[\d%]/u.test(name)) name = name.replace(/^(?:toàn bộ|tất cả)\s+/iu, '').slice(doer[0].length).trim()
    // ("Phòng, chống ma túy: Giảm 10% số người sử dụng …", "**Phạm pháp hình sự:** Kéo giảm ít nhất 5% số
    // vụ …": a field's run-in label before a bare verb of cutting or raising; what is cut follows the
    // figure, as with no label, and names the target.)
    // ("Thi đua thực hiện tốt các chính sách an sinh xã hội, giảm 14 hộ nghèo": so does a clause of
    // direction closed by a comma before the bare verb; the cut is named by its own words.)
    const labelledVerb = /(?::\**|,)\s*(?:kéo\s+)?(?:giảm|tăng)(?:\s+(?:ít nhất|tối thiểu))?\s*$/iu.exec(before)
    // (Only where the words after the figure name what is cut: "… 10% số người nghiện …", "… 15 hộ nghèo …";
    // "Hộ nghèo: giảm 15 hộ" is named by its label.)
    // ("Tai nạn giao thông: kéo giảm ít nhất 10% số vụ so với …": a count alone names nothing; the label does.)
    const namedAfter = /^\s+(?:số|tổng số)\s+\p{L}+\s+(?!so với(?![\p{L}]))\p{L}/iu.test(after(end)) || (m[5] !== undefined && unitInfo(m[5])?.integer === true && /^\s+\p{Ll}/u.test(after(end)) && !/^\s+(?:so với|trở lên|trở xuống|trong|năm|mỗi)(?![\p{L}])/iu.test(after(end)))
    if (labelledVerb && name !== '' && namedAfter) {
      const from = labelledVerb.index + 1
      const to = cueMatch?.at ?? nameEnd ?? before.length
      name = to >= from ? cleanName(before.slice(from, to)).name.trim() : ''
    }
    const pieces = name.split(/\s*,\s*/u)
    const shortName = pieces.length <= 2 && pieces.every((p) => p.split(/\s+/u).length <= 2) && !/^(?:tỷ lệ|số|tổng|diện tích|năng suất|sản lượng)/iu.test(name)
    // "Xây dựng mới 3 cây cầu giao thông nông thôn", "Thành lập mới 4 hợp tác xã nông nghiệp": a verb
    // of making or bringing in alone before the count; what is made is the counted noun and the words after it.
    const countingVerb = VERB_ALONE_RE.test(name) && m[5] !== undefined && unitInfo(m[5])?.integer === true
    const verbAlone = countingVerb ? name : undefined
    // "…, phấn đấu 100% thôn đạt danh hiệu …": the units that each reach it follow the figure.
    const unitsAfter = /^100\s*%$/u.test(figure) && UNIT_NOUN_RE.test(after(end).trimStart())
    if (unitsAfter) name = ''
    // "Xử lý dứt điểm 100% các trường hợp lấn chiếm vỉa hè, lòng đường": the cases a verb deals with
    // follow the figure, to the clause's end; the verb stays in the name.
    const casesAfter = /^100\s*%$/u.test(figure) && name !== '' && /^\s*(?:các\s+|số\s+)?(?:trường hợp|vụ việc|đơn thư|hồ sơ)(?![\p{L}])/iu.test(after(end))
    if (subjectMode && (bareVerb || shortName || countingVerb || unitsAfter || casesAfter) && /^\s+\p{L}/u.test(after(end))) {
      // The subject ends at the clause's end ("… vào lớp 1 và Trường Mầm non … được công nhận …").
      const nextBreak = breaks.find((x) => x > end)
      const rest = nextBreak !== undefined ? text.slice(end, nextBreak) : after(end)
      const byComma = /;|,(?!\d)|\.(?=\s|$)|\s\(|\s+so với\s|\s+và\s+(?=\d)/u
      // (", đồng thời …" opens a statement of its own: "100% thôn giữ vững danh hiệu …, đồng thời trường … được công nhận …".)
      let stop = rest.search(bareVerb || casesAfter ? /;|\.(?=\s|$)|\s\(|\s+so với\s|\s+và\s+(?=\d)|,\s+đồng thời\s/u : byComma)
      // A subject running to ";" that holds another figure ends at its comma ("…, đưa tỷ lệ … dưới 0,5%").
      if ((bareVerb || casesAfter) && subjectFigure(stop === -1 ? rest : rest.slice(0, stop))) stop = rest.search(byComma)
      // ("Trồng mới 80 ha quế ở các làng vùng cao và 40 ha thảo quả": a subject running into another
      // clause with a figure of its own, joined by "và", ends before the "và".)
      // ("Xây dựng mới 3 cây cầu giao thông nông thôn và nâng cấp, mở rộng 6,5 km đường": after a verb of
      // making alone, so does one whose clause after "và" opens on a verb of a few words before its
      // figure, "nâng cấp, mở rộng 6,5 km", "thành lập mới 04 …". Elsewhere "và" may join two parts of one subject.)
      const join = rest.search(/\s+(?:và|đồng thời)\s+/u)
      if (join !== -1 && (stop === -1 || join < stop) && subjectFigure(stop === -1 ? rest : rest.slice(0, stop)) && !subjectFigure(rest.slice(0, join))) stop = join
      else if (join !== -1 && countingVerb && (stop === -1 || join < stop) && !/\d/u.test(rest.slice(0, join))) {
        const clause = rest.slice(join).replace(/^\s+(?:và|đồng thời)\s+/u, '')
        const figure = /(?<![\p{L}\d.,/])\d/u.exec(clause)
        const lead = figure ? clause.slice(0, figure.index) : ''
        if (figure && !/[;.]/u.test(lead) && lead.split(',').every((p) => p.trim().split(/\s+/u).length <= 3)) stop = join
      }
      // "… 06 tàu cá vỏ thép, vỏ composite có công suất …", "05 nhà văn hóa thôn, nhà văn hóa tổ
      // dân phố …": a comma before a word the subject (or the counted noun) already holds lists
      // kinds of the same thing, and the subject goes on.
      while (stop !== -1 && rest[stop] === ',') {
        const said = new Set(`${m[5] ?? ''} ${rest.slice(0, stop)}`.toLowerCase().split(/[^\p{L}\d]+/u))
        const word = /^,\s*(\p{L}+)/u.exec(rest.slice(stop))?.[1]?.toLowerCase()
        const further = word !== undefined && said.has(word) ? rest.slice(stop + 1).search(byComma) : -2
        if (further === -2) break
        stop = further === -1 ? -1 : stop + 1 + further
      }
      // ("… vào lớp 1 và Trường … được công nhận …": the joining word before another goal is no part of it.)
      const subject = (stop === -1 ? rest : rest.slice(0, stop)).trim().replace(/(?:,|\s+(?:và|đồng thời))$/u, '')
      if (subject !== '' && !subjectFigure(subject)) {
        if (/trở lên/iu.test(subject)) post.orMore = true
        // "Giảm 12 hộ nghèo": the cue took every word before the figure, its unit names what is counted.
        // ("Có 12/15 thôn, buôn đạt danh hiệu …": so does a bare "có".)
        // ("Có thêm 02 sản phẩm được công nhận …": the new ones, "Số sản phẩm mới được công nhận …".)
        const bare = /^(?:có\s+)?thêm$|^có$/iu.test(name)
        const counted = (name === '' || bare) && m[5] !== undefined && m[2] === undefined && !percentOf && unitInfo(m[5])?.integer === true ? `Số ${m[5]}${/thêm$/iu.test(name) ? ' mới' : ''}` : ''
        // ("Đóng mới, cải hoán 06 tàu cá vỏ thép …": after a verb, the counted noun heads the subject.)
        const head = counted === '' && !bareVerb && name !== '' && m[5] !== undefined && m[2] === undefined && !percentOf && unitInfo(m[5])?.integer === true ? m[5] : ''
        name = [counted, counted !== '' ? '' : name.replace(/^(?:phấn đấu|phân đấu)?\s*(?:có|đạt|trên|khoảng)$/iu, ''), head, subject.replace(/\s*trở lên\s*$/iu, '')].filter((x) => x !== '').join(' ')
        end += stop === -1 ? rest.length : stop
        // "Giảm ít nhất 10% số vụ … so với năm 2025": the comparison follows the subject.
        const more = readPost(after(end))
        if (more.length > 0) {
          post.baseYear ??= more.baseYear
          post.sinceStart ||= more.sinceStart
          post.orMore ||= more.orMore
          post.orLess ||= more.orLess
          post.points ||= more.points
          end += more.length
        }
      }
    }
    // "Kiềm chế tai nạn giao thông, giảm ít nhất 15% số vụ so với năm 2025": after a named item, the
    // count the share is of ("số vụ", "số hộ") stands between the figure and its comparison.
    // ("Kéo giảm tai nạn giao thông ít nhất 5% về số vụ so với năm 2023": so does "về" the count.)
    if (post.baseYear === undefined && /%$/u.test(figure)) {
      const of = /^\s+(?:về\s+)?số\s+\p{L}+(?:\s+\p{L}+){0,3}?(?=\s*,?\s*so với\s)/iu.exec(after(end))
      const more = of ? readPost(after(end + of[0].length)) : undefined
      if (of && more?.baseYear !== undefined) {
        post.baseYear = more.baseYear
        end += of[0].length + more.length
      }
    }
    if (name === '') name = before.trim()
    if (listTail) {
      // (Named by what it counts and, when the figure before was named by its verb alone, that verb: "Số doanh nghiệp phát triển mới".)
      // (A field's run-in label before the verb is none of it: "Phát triển kinh tế: kết nạp mới …".)
      const verb = (out[out.length - 1]!.verb ?? out[out.length - 1]!.name).replace(/^[^:]{1,80}:\s*/u, '')
      name = `Số ${m[5]}${verb.split(/\s+/u).length <= 4 && !/^(?:tỷ lệ|tỉ lệ|số|tổng|diện tích|năng suất|sản lượng|giá trị|thu|chi)(?![\p{L}])/iu.test(verb) ? ` ${verb.toLowerCase()}` : ''}`
    }
    // "đạt 9 bác sĩ/vạn dân và 14 giường bệnh/vạn dân": a figure joined by "và" with no words of its own is named by its unit.
    if (/^(?:và|đồng thời)$/iu.test(name) && m[5] !== undefined) name = `Số ${m[5]}`
    // The clause's tail ("ở các cấp", "năm 2022") belongs to the source, up to the next separator.
    // A comma inside a number ("từ 4,85% xuống còn 3,65%") separates nothing.
    // "nông nghiệp 31,4% - công nghiệp, xây dựng 27,8%": a dash between figures' clauses ends one.
    // ("… 1.120 ha (trong đó chè giống mới 960 ha)", "320 ha (trồng mới 45 ha, …)": a bracket of parts with their figures.)
    // ("… 2.400 lao động:" over its parts: the colon ending the line is no part of the statement.)
    let tail = after(end).search(/;|,(?!\d)|\.(?=\s|$)|:\s*$|\s+và\s+(?=\d)|\s[-–]\s(?=\p{L})|\s*\((?=\s*vụ\s+\p{L}+\s+(?:\p{L}+\s+)?\d)|^\s*\((?=\s*(?:trong đó\s+)?\p{L}[^()\d]*\d(?:[\d.,]*\d)?\s*(?:ha|tấn|t|con|người|hộ)(?![\p{L}])[^()]*\))/iu)
    // "… đạt 98% và trẻ 6 tuổi vào lớp 1 đạt 100%": "và" opening another figure's clause ends this one.
    // ("khai thác rừng trồng 280 ha với sản lượng gỗ đạt …", "ngô trồng 410 ha cho sản lượng …": so does
    // "với" a measure of its own (not "so với"), and "cho" a crop's output or yield.)
    const joinAt = after(end).slice(0, tail === -1 ? undefined : tail).search(/\s+(?:và|đồng thời)\s+(?=\D)|(?<!\s)(?<!(?:^|[^\p{L}])so)\s+với\s+(?=(?:tổng\s+)?(?:sản lượng|năng suất|diện tích|giá trị|doanh thu)(?![\p{L}]))|(?<!\s)\s+cho\s+(?=(?:sản lượng|năng suất)(?![\p{L}]))/u)
    if (joinAt !== -1 && new RegExp(QUANTITY_RE.source, 'iu').test(after(end).slice(joinAt, tail === -1 ? undefined : tail))) tail = joinAt
    tail = pastWordsBracket(after(end), tail)
    let spanEnd = tail === -1 ? Math.min(text.length, end + 600) : end + tail
    // ("(trong đó chè giống mới 960 ha)": a part read out of its bracket ends before the bracket closes.)
    if (/\)\s*$/u.test(text.slice(lead, spanEnd)) && !text.slice(lead, spanEnd).includes('(')) spanEnd = lead + text.slice(lead, spanEnd).replace(/\s*\)\s*$/u, '').length
    // ("… 415 ha¹, trong đó …", "… 2.860 triệu đồng[5];": a footnote's mark closing the statement points
    // to a note under the page; it is no word of the statement.)
    // (Not the square or the cube of a unit of length: "58,6 km²", "1.200 m³".)
    const marked = /(?<=\S)(?<!(?:^|[^\p{L}])[ckdh]?m)(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|\[\d{1,2}\])\s*$/u.exec(text.slice(Math.max(lead, spanEnd - 12), spanEnd))
    if (marked) spanEnd -= marked[0].length
    // "Giảm số hộ nghèo 15%", "kéo giảm số vụ tai nạn giao thông ít nhất 10%": the verb far before the figure.
    // ("giảm tỷ lệ hộ nghèo từ 4 - 5%": "từ" opening a range after the verb is the cut's least, as "ít nhất" is.)
    const atLeastWord = cueMatch === undefined || /^(?:ít nhất|tối thiểu)$/iu.test(cueMatch.word) || (/^từ$/iu.test(cueMatch.word) && m[3] !== undefined)
    // ("Phấn đấu giảm tỷ lệ …": the striving before the verb changes nothing; nor does "và" joining it to the clause before.)
    const verbFirst = /^(?:và\s+)?(?:phấn đấu\s+)?(?:kéo\s+)?giảm\s/iu.test(name) && atLeastWord ? 'reduce' : /^(?:phấn đấu\s+)?tăng\s/iu.test(name) && cueMatch === undefined ? 'growth' : undefined
    out.push({
      name,
      // (After the last kinds of the list before it, the figure's own words start at the figure.)
      span: { start: line.start + (listTail ? at : Math.min(lead, at)), end: line.start + spanEnd },
      at: line.start + at,
      digits: [m[1]!, m[3]],
      unit: m[2] ?? m[4] ?? m[5] ?? '',
      cue: cueMatch?.cue,
      post,
      verbFirst,
      afterWhole: whole || (runIn ? reachOf(at) !== undefined : wholeAt !== -1 && at > wholeAt && at < wholeEnd),
      ...(runIn && (whole || reachOf(at) !== undefined) ? { wholeFrom: line.start + (reachOf(at)?.from ?? sentenceOf(at)) } : {}),
      section,
      rest: text.slice(end, spanEnd),
      ...(overPlan ? { overPlan } : {}),
      ...(verbAlone !== undefined && verbAlone !== name ? { verb: verbAlone } : {}),
      ...(added !== undefined && added.at >= segStart && added.unit === (m[2] ?? m[4] ?? m[5] ?? '') ? { added: { digits: added.digits } } : {}),
    })
    added = undefined
    boundary = spanEnd + 1
    re.lastIndex = Math.max(re.lastIndex, end)
  }
  return out
}
