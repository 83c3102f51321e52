// Qualitative goals: a paragraph's clauses and where a goal joins a figure's clause, which clauses
// state a goal (isGoal), a goal's continuations and purposes, how sure a prose goal is, and when two
// clauses state the same goal (sameGoal).
import type { Line } from './header'
import { casesHeld, exclaimed, withoutClosingMarks, GENERIC_GOAL_RE, GOAL_START_RE, INTENSIFIER_RE, ITEM_NUMBER, LEAD_BACK_RE, MEANS_RE, NAMING_HEAD_RE, QUANTITY_RE, rateHeld, RESULT_GOAL_RE, unitsState } from './lexicon'
import { plainWords } from '../codes'
import type { Confidence } from './types'
import { guardedExtent, wholeFraction } from './guards'

/** The most of a clause read either side of a join (a clause of a plan is a few hundred characters). */
const JOIN_SIDE_MAX = 600

/** More units or criteria to reach, counted: "có thêm 02 thôn …", "phấn đấu đạt thêm ít nhất 02 tiêu chí …". */
const MORE_TO_REACH = String.raw`(?:phấn đấu\s+)?(?:(?:có|đạt)\s+)?thêm\s+(?:(?:ít nhất|tối thiểu|từ|trên)\s+)?\d`
const MORE_TO_REACH_RE = new RegExp(`^${MORE_TO_REACH}`, 'iu')
/** Where a clause may join the next (goalJoins): "và", ", đồng thời", and a comma before a result, a count of all the units, a measure's name, more to reach, or a figure. */
const JOIN_RE = new RegExp(String.raw`\s+và\s+|,\s+đồng thời\s+|,\s+(?=không để\s)|,\s+(?=(?:(?:duy trì|giữ vững)\s+)?(\d{1,3})\/\1\s+\p{L})|,\s+(?=(?:tỷ lệ|tỉ lệ|số|tổng)\s)|,\s+(?=${MORE_TO_REACH})|(,\s+)(?!(?:và|đồng thời)\s)(?=[^,;]{0,80}?\d)`, 'giu')

/**
 * Where a figure-less goal and a figure's clause are joined by "và" or ", đồng thời" inside one
 * clause: "Xã giữ vững chuẩn nông thôn mới và đạt thêm 02 tiêu chí …", "kéo giảm tai nạn giao
 * thông trên cả ba tiêu chí và tỷ lệ điều tra … đạt trên 80%", "… đàn lợn đạt 21.500 con, đồng
 * thời không để dịch bệnh lớn xảy ra". Each side is its own item: the offsets just after the
 * joining words. "Giữ vững an ninh chính trị và trật tự an toàn xã hội" (no figure, no second
 * goal) and "giảm 12 hộ nghèo và 20 hộ cận nghèo" (figures on both sides) are one clause.
 * `at` is where the joining words start, `next` where the second item does.
 */
export function goalJoins(text: string, breaks: readonly number[]): { at: number; next: number }[] {
  const out: { at: number; next: number }[] = []
  // "… và đường thủy trên cả 3 tiêu chí": all of a set, named by their number, is no figure.
  const figures = new RegExp(QUANTITY_RE.source, 'giu')
  const figure = { test: (t: string): boolean => [...t.matchAll(figures)].some((q) => !/(?:^|\s)cả\s*$/iu.test(t.slice(0, q.index))) }
  // A target's figure: not all of a set ("Giữ vững 19/19 tiêu chí …"), not where a duty is done ("… trên 11,6 km đường biên").
  const target = (t: string): boolean => [...t.matchAll(figures)].some((q) => !/(?:^|\s)cả\s*$/iu.test(t.slice(0, q.index)) && !wholeFraction(q[0]) && !guardedExtent(t.slice(0, q.index), q[5]))
  // ("…; (7) Giữ vững …": an item's number in brackets inside a paragraph is no word of its goal.)
  const opening = (t: string): string => t.trim().replace(/^[-–,.;:\s]+/u, '').replace(ITEM_OPENING_RE, '')
  const goal = (t: string): boolean => {
    const body = goalBody(opening(t))
    // "Các trường học, trạm y tế và các thôn thi đua …": a list of subjects is no goal of its own.
    return body.split(/\s+/u).length >= 4 && isGoal(body) && !/^(?:các|mỗi|từng)\s/iu.test(body) && !figure.test(body) && !insideQuote(t, t.length - 1)
  }
  // ", không để …" after a figure's clause is a result of its own: "Bảo vệ tốt 312 ha rừng phòng hộ hiện có, không để xảy ra cháy rừng".
  // The breaks either side of a join are walked in order (the joins come in order, as do the
  // breaks), and each side is read over JOIN_SIDE_MAX characters at most, so that a line of
  // thousands of joins is read in linear time.
  // "Duy trì 11/11 ấp đạt danh hiệu “Ấp văn hóa”", "3/3 trường giữ vững chuẩn quốc gia": all of a
  // kind of unit keeping or reaching a state, with no other figure: a yes/no each unit reports.
  // ("Giáo dục: duy trì 3/3 trường …": the field's label before a colon is no word of the state;
  // "tiếp tục" or "phấn đấu" may lead the verb.)
  const keptAll = (head: string): boolean => {
    const state = head.trim().replace(/^[-–,.;:\s]+/u, '').replace(/^[^:;\d]{2,40}:\s+/u, '').replace(/^(?:tiếp tục|phấn đấu)\s+(?=(?:duy trì|giữ vững)\s)/iu, '')
    const fraction = /^(?:(?:duy trì|giữ vững)\s+)?(\d{1,3})\/(\d{1,3})\s+\p{L}/iu.exec(state)
    return fraction !== null && fraction[1] === fraction[2] && REACHED_RE.test(state) && !figure.test(state.slice(fraction[0].length - 1))
  }
  let bi = 0
  let lastJoin = 0
  // (The last join, a comma before a clause holding a figure, is read only after such a state.)
  for (const m of text.matchAll(JOIN_RE)) {
    while (bi < breaks.length && breaks[bi]! <= m.index) bi++
    if (out.length > 0) lastJoin = out[out.length - 1]!.next
    const from = Math.max(0, bi > 0 ? breaks[bi - 1]! : 0, lastJoin, m.index - JOIN_SIDE_MAX)
    const to = Math.min(text.length, bi < breaks.length ? breaks[bi]! : text.length, m.index + m[0].length + JOIN_SIDE_MAX)
    const head = text.slice(from, m.index)
    const rest = text.slice(m.index + m[0].length, to)
    // "Duy trì 11/11 ấp đạt danh hiệu “Ấp văn hóa”, tỷ lệ hộ gia đình văn hóa đạt 90%": all of the
    // villages keeping a state, then a figure's clause: the state is a goal of its own (the mirror of the case below).
    // ("…, huy động 98% trẻ 5 tuổi ra lớp", "… và tỷ lệ học sinh … đạt 100%": so is any figure's
    // clause after it, joined by a comma or by "và".)
    if ((/^,\s+(?:tỷ lệ|tỉ lệ|số|tổng)\s/iu.test(text.slice(m.index)) && m[1] === undefined) || m[2] !== undefined) {
      if (keptAll(head) && target(rest)) out.push({ at: m.index, next: m.index + m[0].length })
      continue
    }
    if (/^\s+và\s+$/iu.test(m[0]) && keptAll(head) && target(rest)) {
      out.push({ at: m.index, next: m.index + m[0].length })
      continue
    }
    // "Tỷ lệ gia đình văn hóa đạt 93%, 12/12 thôn đạt danh hiệu văn hóa": after a figure, all of
    // the villages keeping a state is a goal of its own (a yes/no each reports). So is "…, duy trì
    // 11/11 ấp đạt danh hiệu …".
    if (m[1] !== undefined) {
      if (figure.test(head) && REACHED_RE.test(rest.trim()) && !figure.test(rest.replace(/^(?:(?:duy trì|giữ vững)\s+)?\d{1,3}\/\d{1,3}/iu, ''))) out.push({ at: m.index, next: m.index + m[0].length })
      continue
    }
    // After a figure, "và" may join a second verb to the same object ("lắp đặt và duy trì hoạt
    // động …"): only a result ("không để …", "giữ vững …") or ", đồng thời" starts a goal of its own.
    if (/^,\s+$/u.test(m[0])) {
      // "giữ vững chuẩn xã nông thôn mới, có thêm 02 thôn đạt chuẩn …": a state kept, then new units
      // counted; "giữ vững an ninh chính trị …, không để xảy ra trọng án": a state kept, then an
      // event of its own ruled out. Each is an item of its own.
      // ("giữ vững xã đạt chuẩn nông thôn mới, phấn đấu đạt thêm 02 tiêu chí …": so is more to reach, striven for.)
      // ("Hoàn thành 100% chỉ tiêu giao quân, giữ vững an ninh chính trị …, không để xảy ra điểm nóng":
      // a state kept after a figure's clause is what the "không để …" after it is read with, as
      // without the figure: the clause the comma ends is the state's, from its verb on.)
      const keptAt = [...head.matchAll(/,\s+(?=(?:giữ vững|duy trì)\s)/giu)].filter((k) => !insideQuote(head, k.index)).pop()
      const near = keptAt && !figure.test(head.slice(keptAt.index)) ? head.slice(keptAt.index + keptAt[0].length) : head
      const kept = !figure.test(near) && goal(near) && /^(?:giữ vững|duy trì)\s/iu.test(goalBody(opening(near)))
      // ("Giữ vững 11/11 trường công lập đạt chuẩn quốc gia, có thêm 01 trường đạt chuẩn mức độ 2": so is all of
      // a kind of unit keeping a state, its whole fraction no target's figure, keptAll.)
      const own = (kept || keptAll(near)) && (MORE_TO_REACH_RE.test(rest) ? figure.test(rest) : SEPARATE_OUTCOME_RE.test(rest.trim()) && goal(rest))
      if ((target(near) && goal(rest) && !LAPSE_RE.test(rest.trim())) || own) out.push({ at: m.index, next: m.index + m[0].length })
      continue
    }
    // "8/8 tổ dân phố và 3/3 buôn giữ vững danh hiệu …": all of one kind of unit, named alone (no verb)
    // before "và", is a subject sharing the state the second states; one goal, not two.
    if (/^\s+và\s+$/iu.test(m[0]) && /^(\d{1,3})\/\1\s+\p{L}+(?:[\s,]+\p{L}+){0,3}$/u.test(opening(head)) && /^(\d{1,3})\/\1\s+\p{L}/u.test(rest)) continue
    // "Tỷ lệ hộ văn hóa đạt 92% và giữ vững 6/6 trường đạt chuẩn quốc gia": after a figure, all of a
    // kind reaching or keeping a state is a goal of its own (a yes/no each reports), joined by "và"
    // as by a comma.
    if (/^\s+và\s+$/iu.test(m[0]) && /^(?:(?:duy trì|giữ vững)\s+)?(\d{1,3})\/\1\s+\p{L}/iu.test(rest) && figure.test(head) && REACHED_RE.test(rest.trim()) && !figure.test(rest.replace(/^(?:(?:duy trì|giữ vững)\s+)?\d{1,3}\/\d{1,3}/iu, ''))) {
      out.push({ at: m.index, next: m.index + m[0].length })
      continue
    }
    // "Phấn đấu 10/10 bản đạt và giữ vững danh hiệu bản văn hóa": a verb left without its object
    // before "và" shares the object of the second verb; one goal, not two.
    if (/^\s+và\s+$/iu.test(m[0]) && /\s(?:đạt|duy trì|giữ|xây dựng|thực hiện|hoàn thành)\s*$/iu.test(head)) continue
    // "giữ vững danh hiệu xã đạt chuẩn nông thôn mới và không để dịch bệnh bùng phát": a state kept,
    // then an event of its own ruled out, joined by "và" as by a comma: two items.
    if (/^\s+và\s+$/iu.test(m[0]) && !figure.test(head) && !figure.test(rest) && goal(head) && /^(?:giữ vững|duy trì)\s/iu.test(goalBody(opening(head))) && SEPARATE_OUTCOME_RE.test(rest.trim()) && goal(rest)) {
      out.push({ at: m.index, next: m.index + m[0].length })
      continue
    }
    const second = goal(rest) && (m[0].startsWith(',') || /^(?:không để|không còn|giữ vững)\s/iu.test(rest) || (/^\p{Lu}/u.test(rest.trim()) && REACHED_RE.test(rest.trim())))
    if ((goal(head) && figure.test(rest)) || (figure.test(head) && second)) out.push({ at: m.index, next: m.index + m[0].length })
  }
  return out
}

/**
 * "…, không để tồn đọng, quá hạn": a lapse of the figure's own subject (its files left pending,
 * late) that the figure already rules out ("100% hồ sơ … giải quyết đúng hạn"); no goal of its own,
 * unlike "…, không để xảy ra cháy rừng", which names an event of its own.
 */
// ("100% hồ sơ … trả kết quả đúng hạn, không để người dân phải đi lại nhiều lần": the same lapse, felt by the applicant.)
const LAPSE = String.raw`(?:bị\s+)?(?:tồn đọng|quá hạn|trễ hạn|chậm trễ|chậm|trễ|sót|bỏ sót|thất lạc|(?:(?:người dân|công dân|tổ chức,?\s+công dân|người dân,?\s+doanh nghiệp)\s+)?phải đi lại(?:\s+nhiều lần)?)`
const LAPSE_RE = new RegExp(String.raw`^không để\s+${LAPSE}(?:(?:\s*,\s*|\s+(?:và|hoặc)\s+)${LAPSE})*[\s.;…]*$`, 'iu')

/**
 * "không để xảy ra trọng án", "… cháy rừng", "… dịch bệnh …": an event counted on its own, a goal of
 * its own after what is kept ("giữ vững an ninh chính trị …, không để xảy ra trọng án"), unlike
 * "không để xảy ra điểm nóng", which spells out what keeping security means.
 */
const SEPARATE_OUTCOME_RE = /^không để\s+(?:xảy ra\s+|phát sinh\s+)?(?:các\s+)?(?:vụ\s+)?(?:trọng án|án\s+(?:rất\s+|đặc biệt\s+)?nghiêm trọng|tội phạm\s+(?:rất\s+|đặc biệt\s+)?nghiêm trọng|cháy|dịch|tai nạn|đuối nước|ngộ độc)(?![\p{L}])/iu

/** The units that keep a state, counted before its verb: "18/18 ấp ", "100% thôn, tổ dân phố ", "các trường ". */
const KEEPERS_RE = /^(?:\d{1,4}\s*\/\s*\d{1,4}|\d{1,3}\s*%|(?:tất cả\s+)?các|mỗi)\s+(?:thôn|ấp|bản|xóm|sóc|buôn|làng|khóm|tổ dân phố|khu phố|khu dân cư|trường(?:\s+học)?|cơ quan|đơn vị)(?:\s*,\s*(?:thôn|ấp|bản|xóm|sóc|buôn|làng|khóm|tổ dân phố|khu phố|khu dân cư))*\s+(?=giữ vững\s|duy trì\s)/iu

/** True when `at` is inside quotation marks opened before it in `text` (“…” or "…"). */
function insideQuote(text: string, at: number): boolean {
  const before = text.slice(0, at)
  const open = (before.match(/“/gu) ?? []).length - (before.match(/”/gu) ?? []).length
  return open > 0 || (before.match(/"/gu) ?? []).length % 2 === 1
}

/** insideQuote for offsets asked in increasing order: one pass over the text for all of them. */
function quoteScanner(text: string): (at: number) => boolean {
  let pos = 0
  let open = 0
  let straight = 0
  return (at) => {
    if (at < pos) return insideQuote(text, at)
    for (; pos < at; pos++) {
      const ch = text[pos]
      if (ch === '“') open++
      else if (ch === '”') open--
      else if (ch === '"') straight++
    }
    return open > 0 || straight % 2 === 1
  }
}

/**
 * The ";" of a line that stand inside round brackets closing later on the line, with no bracket
 * opened between: "(lúa 4.100 tấn; ngô 400 tấn)" lists a total's parts, one clause with the figure
 * before it, not two. One pass over the line (a line may be hundreds of kilobytes long).
 */
export function semicolonsInBrackets(text: string): Set<number> {
  const inside = new Set<number>()
  let pending: number[] = []
  let open = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '(') {
      open = true
      pending = []
    } else if (ch === ')') {
      for (const at of pending) inside.add(at)
      open = false
      pending = []
    } else if (ch === ';' && open) pending.push(i)
  }
  return inside
}

/** "(12) ", "(iv) ": an item's number opening a clause (with the stops before it, at a clause's start). */
const ITEM_OPENING_RE = new RegExp(String.raw`^${ITEM_NUMBER}\s+`, 'u')
const ITEM_LEAD_RE = new RegExp(String.raw`^[-–,.;:\s]*${ITEM_NUMBER}\s+`, 'u')
/** Where a paragraph's clauses end: see clausesOf. */
const CLAUSE_BREAK_RE = new RegExp(String.raw`;|:(?<=(?:các|những) (?:mục tiêu|chỉ tiêu|nhiệm vụ|nội dung)(?: (?:cụ thể|chủ yếu|chính))? (?:như )?sau ?:)(?= \p{L})|(?=${ITEM_NUMBER}\s+\p{L})(?<=[.:]\s+)|\.(?=\s+\p{Lu})|(?<!\d)\.(?=\s+\d)|(?<=(?<![\d.,])(?:19|20)\d{2})\.(?=\s+\d)|(?<=\d)\.(?=\s+\d{1,4}\/\d{1,4}\s+\p{L})|…(?=\s+\p{Lu})`, 'gu')

export function clausesOf(line: Line): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = []
  let from = 0
  const cut = (to: number): void => {
    const raw = line.text.slice(from, to)
    const lead = raw.length - raw.trimStart().length
    // "…; (12) Hoàn thành chỉ tiêu tuyển quân; …": an item's number inside a paragraph is no word of its goal.
    const number = ITEM_LEAD_RE.exec(raw.trim())?.[0].length ?? 0
    // (The marks cut before the clause's words move its start too: its span is where its words stand,
    // the highlight beside the draft; "- Giữ vững …" once started two places early and ended two short.)
    const body = raw.trim().slice(number)
    const marks = /^[-–,.;:\s]*/u.exec(body)![0].length
    const text = withoutClosingMarks(body.slice(marks))
    if (text !== '') out.push({ text, start: line.start + from + lead + number + marks, end: line.start + from + lead + raw.trim().length })
  }
  // ("… so với năm 2024. 16/16 thôn giữ vững danh hiệu …": a stop after a year ends a sentence before a figure;
  // "… vào lớp 1. 10/10 ấp giữ vững …": so does a stop after any figure before a count of all the units.)
  // ("Về kinh tế: (1) … (2) …": an item's number in brackets after a stop or a colon opens a clause.)
  // ("…, phấn đấu đạt các mục tiêu sau: Giữ vững …": the colon after a lead-in to the goals that
  // follow ends the lead-in; the goal is the clause after it.)
  const bracketed = semicolonsInBrackets(line.text)
  const breaks = [...line.text.matchAll(CLAUSE_BREAK_RE)].filter((m) => !bracketed.has(m.index)).map((m) => ({ at: m.index, next: m.index + m[0].length }))
  for (const { at, next } of [...breaks, ...goalJoins(line.text, breaks.map((x) => x.next))].sort((x, y) => x.at - y.at)) {
    cut(at)
    from = next
  }
  cut(line.text.length)
  return out
}

/**
 * Words before a goal's verb that do not change it: "tiếp tục", "chủ động", "tập trung", "thi
 * đua", "(Ngành y tế) phấn đấu (cuối năm, trong năm, năm 2025)", a topic "về giáo dục, ", and a list item's name
 * before its colon ("Tai nạn giao thông: giảm cả 3 tiêu chí").
 */
// (Also the unit that strives, named before it: "Ngành y tế phấn đấu …", "Ban Chỉ huy Quân sự xã phấn đấu …", "xã phấn đấu …",
// or the units striving together: "các thôn, buôn và Trạm Y tế phối hợp phấn đấu …"; "thi đua" after them
// strives as "phấn đấu" does: "các thôn, làng và lực lượng bảo vệ rừng thi đua không để xảy ra cháy rừng".)
const GOAL_PREFIX_RE = /^(?:(?:tiếp tục|chủ động|tập trung|thi đua)\s+|(?:(?:ngành|ban|công an|hội|đoàn|trường|trạm|các)\s+(?:[\p{L}-]+,?\s+){0,8}?(?:(?:phối hợp|cùng|chung sức)\s+)?|(?:toàn\s+)?(?:xã|phường|thị trấn|đặc khu)\s+)?(?:phấn đấu|(?<=\s)thi đua)(?:\s+(?:cuối năm|trong năm|đến cuối năm|năm \d{4}))?\s+|về [^,;]{1,30},\s*|[^:;.]{1,40}:\s+)/iu
/** The goal's words from its verb on. */
// ("Ngoài các chỉ tiêu tại bảng trên, phường phấn đấu: giữ vững …": the lead-in back to the list goes first.)
export const goalBody = (text: string): string => text.replace(LEAD_BACK_RE, '').replace(GOAL_PREFIX_RE, '').replace(GOAL_PREFIX_RE, '').replace(GOAL_PREFIX_RE, '')
/**
 * A state to reach, said of its subject: "Trường Mầm non … được công nhận đạt chuẩn quốc gia",
 * "xã đạt chuẩn nông thôn mới nâng cao", "… đạt danh hiệu …".
 * All of the units, counted as a whole ("16/16 thôn, buôn duy trì thực hiện hương ước …", "3/3
 * trường hoàn thành …"), keeping or doing something: the state of every unit, reached or not.
 * A work finished ("phục hồi xong toàn bộ diện tích …", "giải quyết dứt điểm …"): done or not.
 * A rating to earn ("Chi bộ … được xếp loại “Hoàn thành tốt nhiệm vụ” trở lên"): earned or not.
 * Spending kept within what is assigned ("chi ngân sách không vượt dự toán được giao"): kept or not.
 * Revenue brought up to what is assigned, with no figure ("Thu ngân sách nhà nước trên địa bàn đạt
 * và vượt dự toán được giao"): reached or not.
 */
export const REACHED_RE =
  /^(?:(?:tổng\s+)?chi\s+(?:\p{L}+\s+){0,4}?không\s+vượt(?:\s+quá)?\s+(?:dự toán|kế hoạch|định mức)|(?:tổng\s+)?thu\s+(?:\p{L}+\s+){0,8}?(?:đạt|hoàn thành|vượt)(?:\s+(?:và\s+)?vượt)?(?:\s+mức)?\s+(?:dự toán|kế hoạch|chỉ tiêu)|(\d{1,3})\/\1\s+\p{L}[\p{L}\s,]{0,40}?\s(?:duy trì|giữ vững|hoàn thành|thực hiện)|(?:\p{L}+\s+){1,3}?(?:xong|dứt điểm)|(?:[\p{L}\d/–-]+,?\s+){1,8}(?:được công nhận(?: lại)?(?: đạt)?|được\s+(?:đánh giá,?\s+)?xếp loại|(?:(?:duy trì|giữ vững)\s+)?đạt (?:chuẩn|danh hiệu|bộ tiêu chí|tiêu chí)|(?:giữ vững|duy trì|hoàn thành)\s+(?:bộ tiêu chí|tiêu chí|chuẩn|danh hiệu|xếp loại)))(?![\p{L}])/iu
/**
 * "Số ấp giữ vững danh hiệu Ấp văn hóa: 8/8 ấp", "Số thôn đạt chuẩn nông thôn mới: 12/12 thôn": a
 * line labelled by the count of the units keeping or reaching a state, its value all of them, is the
 * state of every unit, as "8/8 ấp giữ vững danh hiệu …" is: a yes/no each unit reports.
 */
export const LABELLED_ALL_UNITS_RE = /^(?:tổng\s+)?số\s+\p{L}[^:;]{0,80}?(?<![\p{L}])(?:duy trì|giữ vững|đạt|được công nhận|hoàn thành)(?![\p{L}])[^:;]{0,120}:\s*(\d{1,3})\/\1\s+\p{L}[\p{L} ,]{0,40}$/iu
const isGoal = (text: string): boolean =>
  !exclaimed(text) && !GENERIC_GOAL_RE.test(goalBody(text)) && !NAMING_HEAD_RE.test(text) && (GOAL_START_RE.test(goalBody(text)) || REACHED_RE.test(goalBody(text)) || unitsState(goalBody(text)) || LABELLED_ALL_UNITS_RE.test(text.trim()))

/**
 * A connective opening a clause that goes on with the goal before it rather than stating one of
 * its own: its manner, purpose or emphasis ("đồng thời …", "trước hết là …", "nhất là …", "đặc
 * biệt là …", "gắn với …", "góp phần …", "nhằm …", "để …", "qua đó …", "từ đó …", "trong đó có …"
 * — but not "trong đó:" opening a list of parts).
 */
export const CONTINUATION_RE = /^(?:đồng thời|trước hết(?: là)?|nhất là|đặc biệt là|gắn (?:liền )?với|góp phần|nhằm|để|qua đó|từ đó|trong đó có(?!\s*:))(?![\p{L}])/iu

/** Where, inside a clause, its continuation starts (the same connectives after a space or a comma; "không để" is a goal, not a purpose). */
const CONTINUATION_IN_RE = /,?(?<!không)\s(?:đồng thời|trước hết(?: là)?|nhất là|đặc biệt là|gắn (?:liền )?với|góp phần|nhằm|để|qua đó|từ đó|trong đó)\s/iu

/** A purpose inside a clause: it runs to the clause's end. */
const PURPOSE_IN_RE = /,?(?<!không)\s(?:để|nhằm|góp phần|qua đó|từ đó)\s/iu

interface GoalClause {
  /** The goal's own words: its name and the indicator's `source`. */
  text: string
  start: number
  end: number
  /** The end of what the goal covers in the text: its continuations (the drafted item's span). */
  until: number
  /** Continuations taken into the goal, for its reasons. */
  joined: string[]
}

/** A paragraph's field named before a colon, after its ordinal if it has one: "Về kinh tế: ", "Năm là, về môi trường: ". */
const FIELD_LABEL_RE = /^(?:(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+là\s*,\s*)?về\s[^:;.]{2,60}:\s+/iu

/**
 * The qualitative goals of a prose paragraph: its clauses (";", ". ", "…", and ", " before a goal
 * verb: "…, thực hiện tốt chính sách an sinh xã hội, …") that open with a goal verb. A goal's
 * continuation (CONTINUATION_RE: "… để tạo sự chuyển biến", "…, trước hết là …", a clause "đồng
 * thời …") is no goal of its own, even with a goal verb inside: it extends the goal's span.
 */
export function goalClauses(line: Line, figures: readonly number[] = []): GoalClause[] {
  const out: GoalClause[] = []
  let last: GoalClause | undefined
  for (const c of clausesOf(line)) {
    // A clause opening with a connective goes on with the goal before it in the paragraph.
    if (CONTINUATION_RE.test(c.text) && last) {
      last.until = c.start + withoutClosingMarks(line.text.slice(c.start - line.start, c.end - line.start), /[\s,.;…]/u).length
      last.joined.push(c.text)
      continue
    }
    // Without a goal before it, "đồng thời …" may state one; a purpose of what is no goal does not.
    if (CONTINUATION_RE.test(c.text) && !/^đồng thời\s/iu.test(c.text)) continue
    // (Nor is a paragraph's field, named before a colon, part of its first goal: "Về quốc phòng - an
    // ninh: Hoàn thành chỉ tiêu giao quân …", "Năm là, về môi trường: không để xảy ra …".)
    const body = c.text.replace(/^đồng thời\s+/iu, '').replace(FIELD_LABEL_RE, '')
    const offset = c.text.length - body.length
    // A purpose ("để …", "nhằm …", "góp phần …") runs to the clause's end: ", làm tốt …" inside it
    // is the purpose's, not a goal (a phrase such as "gắn với …", "nhất là …" ends at the next comma).
    const tailAt = /^(?:các|mỗi|từng)\s/iu.test(body) ? -1 : body.search(PURPOSE_IN_RE)
    const cuts = [0]
    const quoted = quoteScanner(body)
    for (const m of body.matchAll(/(?:\.{3}|…)\s+|,\s+(?=(?:quan tâm\s+)?(?:chỉ đạo|thực hiện|giải quyết|tổ chức|làm) tốt\s|giữ vững\s|không để\s|không còn\s|kéo giảm\s|hoàn thành\s)/giu)) {
      // (A result stated after it, "…, không để dịch … lây lan", is a goal of its own.)
      if (tailAt !== -1 && m.index > tailAt && !/^,\s+(?:không để|giữ vững)\s/iu.test(body.slice(m.index))) break
      // Inside a quoted name (“Chung tay vì người nghèo – Không để ai bị bỏ lại phía sau”) is no goal.
      if (quoted(m.index)) continue
      const next = body.slice(m.index + m[0].length)
      // "giữ vững X, không để …": what may not happen says what keeping X means, one goal.
      // "không để A, không để B": one list of what may not happen, one goal.
      // (Not an outcome of its own after what is kept, "giữ vững an ninh …, không để xảy ra trọng án": two goals.)
      // ("18/18 ấp giữ vững danh hiệu …, không để ấp nào bị thu hồi danh hiệu": so after the units that keep it, counted.)
      const kept = goalBody(body.slice(cuts.at(-1) ?? 0, m.index)).replace(KEEPERS_RE, '')
      if (/^không để\s/iu.test(next) && (/^không để\s/iu.test(kept) || (/^(?:giữ vững|duy trì)\s/iu.test(kept) && !SEPARATE_OUTCOME_RE.test(next)))) continue
      // ("…đúng hạn, không để tồn đọng": a lapse the figure before it already rules out is no goal of its own.)
      const upTo = body.slice(m.index + m[0].length).search(/[,;.](?=\s|$)/u)
      if (LAPSE_RE.test(next.slice(0, upTo === -1 ? undefined : upTo + 1).replace(/,$/u, ''))) continue
      if (isGoal(next)) cuts.push(m.index + m[0].length)
    }
    cuts.push(body.length)
    last = undefined
    for (let i = 0; i + 1 < cuts.length; i++) {
      const whole = body.slice(cuts[i], cuts[i + 1])
      let piece = whole
      const purpose = /^(?:các|mỗi|từng)\s/iu.test(piece) ? -1 : piece.search(CONTINUATION_IN_RE)
      if (purpose > 0) piece = piece.slice(0, purpose)
      piece = withoutClosingMarks(piece, /[\s,.…]/u)
      // ("…; số vụ tai nạn giao thông bằng hoặc thấp hơn năm 2026": a count held at a past year's is a result too;
      // so is a rate, "tỷ lệ sinh con thứ ba trở lên bằng hoặc thấp hơn năm 2025".)
      if ((!isGoal(piece) && !casesHeld(piece) && !rateHeld(piece)) || piece.split(/\s+/u).length < 3 || /^[“"][^“”"]+[”"]$/u.test(piece.trim())) continue
      const start = c.start + offset + (cuts[i] ?? 0)
      const until = start + withoutClosingMarks(whole, /[\s,.…]/u).length
      const tail = purpose > 0 ? whole.slice(purpose).replace(/^[,\s]+|[\s,.…]+$/gu, '') : ''
      // A clause stating a figure was drafted from the figure ("…, phấn đấu đạt 3.150 tấn trở lên");
      // a figure in its continuation only ("…, đồng thời hoàn thành chuyển đổi 12 ha …") is another target's.
      if (figures.some((at) => at >= start && at < start + piece.length)) {
        last = undefined
        continue
      }
      last = { text: piece, start, end: start + piece.length, until, joined: tail === '' ? [] : [tail] }
      out.push(last)
    }
  }
  return out
}

/**
 * How sure a goal read from prose is: a means of running the plan (MEANS_RE, in the clause's head
 * up to its first comma, or anywhere in a duty given to units "các bộ phận …") or a direction of
 * effort is low; a result one can judge (RESULT_GOAL_RE) is medium. Never high: the officer reads
 * every prose goal (the "accept every certain item" button takes high ones only).
 */
export function proseConfidence(text: string, reasons: string[]): Confidence {
  const head = /^(?:các|mỗi|từng)\s/iu.test(text) ? text : text.split(',')[0]!
  const means = MEANS_RE.exec(head)
  if (means) {
    reasons.push(`nói cách tổ chức thực hiện kế hoạch (“${means[0]}”), không phải một kết quả: giữ lại nếu kế hoạch giao nó như một việc phải làm`)
    return 'low'
  }
  if (RESULT_GOAL_RE.test(goalBody(text)) || REACHED_RE.test(goalBody(text))) return 'medium'
  reasons.push('nói hướng nỗ lực (đẩy mạnh, tăng cường, nâng cao…), không nói kết quả để đánh giá đạt hay không đạt')
  return 'low'
}

/**
 * A clause that elaborates its item's goal: it intensifies (INTENSIFIER_RE: "tăng cường …",
 * "kiện toàn …") or names a means of running the plan (MEANS_RE in its head: "nâng cao chất
 * lượng tuyên truyền …", "thực hiện tốt chính sách khen thưởng …").
 */
export function elaborates(text: string): boolean {
  const head = /^(?:các|mỗi|từng)\s/iu.test(text) ? text : text.split(',')[0]!
  return INTENSIFIER_RE.test(text) || MEANS_RE.test(head)
}

/**
 * Two clauses state the same goal when, on their folded words (codes.ts plainWords), at least
 * 80 % of the shorter's words are in the longer and the words they share are at least half of the
 * longer's: a goal restated with a place ("… trên địa bàn xã") or a word changed. A short clause
 * (under 4 words) is never taken for another, nor one listed inside a much longer clause.
 */
export function sameGoal(a: string, b: string): boolean {
  return sameGoalKey(goalKey(a), goalKey(b))
}

/** What sameGoal compares of a goal's words, read once per goal (a pass compares every pair of a plan's goals). */
export interface GoalKey {
  words: ReadonlySet<string>
  /** The units it is said of ("xã", "thôn", "trường" …), sorted and joined. */
  units: string
  /** "không để (xảy ra) …": the words of the events kept from happening. */
  event: ReadonlySet<string> | undefined
}

export function goalKey(s: string): GoalKey {
  const event = NOT_LET_RE.exec(s.trim())
  return {
    words: new Set(plainWords(s)),
    units: [...new Set([...s.toLowerCase().normalize('NFC').matchAll(/(?<![\p{L}])(xã(?! hội)|phường|thôn|bản|ấp|khóm|trường)(?![\p{L}])/gu)].map((m) => m[1]))].sort().join(),
    event: event ? new Set(plainWords(event[1]!)) : undefined,
  }
}

export function sameGoalKey(x: GoalKey, y: GoalKey): boolean {
  const small = Math.min(x.words.size, y.words.size)
  if (small < 4) return false
  let common = 0
  for (const w of x.words) if (y.words.has(w)) common++
  // "Xã đạt tiêu chuẩn …" and "100% thôn đạt tiêu chuẩn …": the same words said of other units.
  if (x.units !== y.units && x.units !== '' && y.units !== '') return false
  // "Không để xảy ra trọng án" and "không để xảy ra tai nạn lao động nghiêm trọng": two events kept
  // from happening share the words of keeping; the events themselves must be the same ones.
  if (x.event && y.event) {
    let shared = 0
    for (const w of x.event) if (y.event.has(w)) shared++
    if (shared < 0.8 * Math.min(x.event.size, y.event.size)) return false
  }
  return common >= 0.8 * small && common >= 0.5 * Math.max(x.words.size, y.words.size)
}

/** "không để (xảy ra|phát sinh) …": what is kept from happening. */
const NOT_LET_RE = /^(?:\p{L}+:\s*)?không để\s+(?:xảy ra\s+|phát sinh\s+)?(.+)$/iu
