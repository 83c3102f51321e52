// Plans that reached the drafter as messages (issue 13): a chat group's messages, a press article
// or a social-media post quoting the plan, minutes kept as questions and answers, and an e-mail's
// quoted lines. Each keeps the plan's own words and drops the talk around them.
import { markedNoTarget } from './guards'
import { CORRECTION_RE, LEVEL_ONLY_NAME_RE } from './lexicon'
import { append, upperFirst } from './lines'

/** A chat message's time alone on its line, under its sender's name ("08:15", "9:02 SA", "21:40 PM"). */
const MESSAGE_TIME_RE = /^[ \t]*\d{1,2}:\d{2}(?:[ \t]*(?:SA|CH|AM|PM))?[ \t]*$/iu
/** A sender's name over a message's time: a capital first, letters, dots and dashes, a role in brackets at most ("Bàn Văn Sinh (Trưởng thôn Khe Mo)"). */
const SENDER_RE = /^[ \t]*\p{Lu}[\p{L} .'’-]{1,50}(?:\([^()\d]{1,40}\))?[ \t]*$/u

/** A chat sentence that ends on a word of address to the group ("ạ", "nha", "nhé"), then a stop at most. */
const CHAT_TALK_RE = /(?<![\p{L}])(?:ạ|nha|nhé|nhen|nghen)[ \t]*[.!]*[ \t]*$/iu
/** A chat sentence that opens as an answer to a member ("Dạ, theo chỉ tiêu tỉnh giao ạ, …", "Vâng, em sửa ngay", "Ok chị"): talk, wherever its particle stands. */
const CHAT_ANSWER_RE = /^[ \t]*(?:dạ|vâng|ừ|ừm|ok|oke|okay)(?![\p{L}])/iu

/**
 * A chat line without its sentences the sender ends on a word of address ("… để mọi người đối
 * chiếu ạ.", "Các thôn cập nhật giúp em ạ.", "… trước ngày 28/02 nha."): such a sentence is talk to
 * the group, not the plan's text, wherever it stands in the line ("Em bổ sung: … ko quá 18 vụ ạ. Các
 * chỉ tiêu thôn em gửi sau."); the other sentences stay ("sửa lại: … là 95%."), and a line of such
 * sentences only goes. So goes a sentence that opens as an answer to a member ("Dạ, theo chỉ tiêu
 * tỉnh giao ạ, có thêm diện tích ngô …"): the sender explains the plan, the plan's text is in its
 * other messages. A line that leads into a list ("… 2 chỉ tiêu ạ:", "Dạ em xin bổ sung: …") is kept.
 */
function withoutTalk(line: string): string[] {
  // The line's sentences, each with its stop and the spaces before it.
  const cuts = [0, ...[...line.matchAll(/[.!?]\s+(?=\p{Lu})/gu)].map((m) => m.index + 1), line.length]
  const sentences = cuts.slice(1).map((end, k) => line.slice(cuts[k], end))
  const kept = sentences.filter((s) => !CHAT_TALK_RE.test(s) && !(CHAT_ANSWER_RE.test(s) && !/:\s*$/u.test(s)))
  if (kept.length === sentences.length) return [line]
  return kept.length > 0 ? [kept[0] === sentences[0] ? kept.join('') : kept.join('').trimStart()] : []
}

/** A message's head on one line, its sender's name then its time ("Lê Thị Hoa 08:15", "Trần Văn An (VP) 14:02 CH"). */
const SENDER_AND_TIME_RE = /^[ \t]*(\p{Lu}[\p{L} .'’-]{1,50}?(?:\([^()\d]{1,40}\))?)[ \t]+\d{1,2}:\d{2}(?:[ \t]*(?:SA|CH|AM|PM))?[ \t]*$/u
/**
 * A message's head in brackets, as a phone's export writes it: its time (and date), its sender, a
 * colon, then the message's text on the same line if it starts there ("[08:12, 12/01/2026] VP UBND
 * xã - Ngọc Ánh: Gửi các đ/c …", "[08:47, 19/01/2024] Thạch Thị Sa Ri - VP UBND xã:").
 */
const BRACKETED_HEAD_RE = /^[ \t]*\[\d{1,2}:\d{2}(?:,\s*\d{1,2}\/\d{1,2}\/\d{2,4})?\]\s*([^:\]]{1,80}):[ \t]*/u

/**
 * A group chat copied as text (Zalo, Messenger), in either of its forms: each message headed by its
 * sender's name on a line and its time on the next ("Nguyễn Thị Hằng (VP-TK xã)" / "08:15"), or both
 * on one line ("Lê Thị Hoa 08:15", a sender coming back on two such lines at least), three such
 * heads at least; or each headed by its time in brackets, its sender and a colon, the message's text
 * starting after the colon ("[08:12, 12/01/2026] VP UBND xã - Ngọc Ánh: Gửi …"), one such head at
 * least (a time in brackets before a name and a colon is no other line's form).
 * The plan is what its sender posts, in one message or several: the sender whose messages are the
 * longest in all. The other members' messages (acknowledgements, a village's own registration
 * "Thôn … đăng ký trồng 25 ha rừng") are replies, not the plan, and are left out with every head;
 * a message's sentences of talk to the group go too (withoutTalk).
 */
/**
 * A social post's counts of comments and shares, alone on a line, its reactions before them at most
 * ("👍❤️ 218 · 17 bình luận · 9 lượt chia sẻ", "14 bình luận · 9 lượt chia sẻ", "3,2K lượt chia sẻ").
 */
const POST_COUNTS_RE = /^[ \t]*(?:[\p{Extended_Pictographic}\uFE0F\u200D]{1,16}[ \t]*)?(?:\d[\d.,]{0,8}[ \t]?[KkN]?[ \t]*[·•]?[ \t]*)?\d[\d.,]{0,8}[ \t]?[KkN]?[ \t]*(?:bình luận|lượt chia sẻ|lượt bình luận)(?:[ \t]*[·•][ \t]*\d[\d.,]{0,8}[ \t]?[KkN]?[ \t]*(?:lượt chia sẻ|lượt bình luận|bình luận))?[ \t]*$/iu
/** A post's buttons on one line ("Thích · Bình luận · Chia sẻ", "Thích   Bình luận   Chia sẻ"). */
const POST_BUTTONS_RE = /^[ \t]*(?:[\p{Extended_Pictographic}\uFE0F][ \t]*)?Thích[ \t]*[·•]?[ \t]*(?:[\p{Extended_Pictographic}\uFE0F][ \t]*)?Bình luận[ \t]*[·•]?[ \t]*(?:[\p{Extended_Pictographic}\uFE0F][ \t]*)?Chia sẻ[ \t]*$/iu
/** A news site's dateline ("Thứ Năm, 16/01/2025 09:42 (GMT+7)", "16/01/2025 | 09:42"). */
const DATELINE_RE = /^[ \t]*(?:(?:Thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|\d)|Chủ nhật)\s*,?\s*)?\d{1,2}\/\d{1,2}\/\d{4}(?:\s*[|,-]?\s*\d{1,2}:\d{2})?(?:\s*\(GMT\s*[+-]\s*\d{1,2}\))?[ \t]*$/iu
/** A site's breadcrumb ("Báo Bắc Kạn điện tử > Kinh tế > Nông nghiệp - Nông thôn"): two steps or more, short. */
const BREADCRUMB_RE = /^[ \t]*[^>\s][^>]{0,60}(?:\s[>»›]\s[^>»›]{1,60}){1,5}$/u
/** A photo's caption ("Ảnh: Lãnh đạo xã … (Ảnh: Thu Hà)"), tags ("Từ khóa: …", "Tags: …"). */
const CAPTION_RE = /^[ \t]*(?:\(?ảnh(?:\s+minh họa)?\s*:|tags?\s*:|từ khóa\s*:)/iu
/** The list of related links closing an article ("Bài viết liên quan:", "Tin liên quan", "Xem thêm:"). */
const RELATED_RE = /^[ \t]*(?:bài viết liên quan|tin liên quan|tin cùng chuyên mục|xem thêm|đọc thêm)\s*:?[ \t]*$/iu
/** The paper's mark opening the lead ("BBK - Sáng 15/1, …", "(Báo Lào Cai) - …", "QNO – …"). */
const AGENCY_LEAD_RE = /^[ \t]*(?:\p{Lu}{2,6}|\(\s*(?:Báo|Cổng|TTXVN)[^()]{1,60}\))\s*[-–—]\s+(?=\p{Lu})/u
/** The byline: a short line of writers' names, alone, with no stop and no figure ("Thu Hà - Văn Tuấn", "Nhóm PV"). */
const BYLINE_RE = /^[ \t]*(?:\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3})(?:\s*[-–,]\s*\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3}){0,3}[ \t]*$/u
/**
 * An official of a level above the commune speaking ("bà Triệu Thị Mai, Phó Chủ tịch UBND huyện Na
 * Rì", "đồng chí …, Bí thư Huyện ủy"): what they promise or ask is theirs, not the plan's.
 */
const SPEAKER_ABOVE_RE = /(?<![\p{L}])(?:ông|bà|đồng chí)\s+\p{Lu}[^,;.]{0,40},\s*(?:Phó\s+)?(?:Chủ tịch|Bí thư|Trưởng phòng|Giám đốc|Trưởng ban|Phó trưởng ban)[^,;.]{0,30}?(?:huyện|tỉnh|thành phố|Huyện ủy|Tỉnh ủy|Thành ủy|Sở)(?![\p{L}])/u
/**
 * The reporter's verb handing over to the plan's words in quotes ("xã phấn đấu “…”", "xã đặt chỉ
 * tiêu “…”", "kế hoạch yêu cầu “…”", "… cho biết: “…”"): the last one before the quotation.
 */
const REPORTING_VERB_RE = /(?<![\p{L}])(?:phấn đấu|đặt\s+(?:ra\s+)?(?:chỉ tiêu|mục tiêu)|đặt ra|yêu cầu|là chỉ tiêu|chỉ tiêu|xác định|quyết tâm|cho biết|khẳng định|nhấn mạnh|nói)(?![\p{L}])\s*:?\s*/giu

/** The sentences of a paragraph, a quotation's stops kept inside it. */
function quotedSentences(line: string): string[] {
  const out: string[] = []
  let open = false
  let from = 0
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!
    if (c === '“') open = true
    else if (c === '”') open = false
    else if (c === '"') open = !open
    else if (!open && (c === '.' || c === '!' || c === '?') && (i + 1 === line.length || line[i + 1] === ' ')) {
      out.push(line.slice(from, i + 1).trim())
      from = i + 1
    }
  }
  if (line.slice(from).trim() !== '') out.push(line.slice(from).trim())
  return out
}

/** The quotations of a sentence: where each opens and closes (“…” or "…"). */
function quotations(sentence: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  let at = -1
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence[i]!
    if (at < 0 && (c === '“' || c === '"')) at = i
    else if (at >= 0 && (c === '”' || c === '"')) {
      out.push({ start: at, end: i + 1 })
      at = -1
    }
  }
  return out
}

/**
 * A newspaper's report of a commune's plan (a site's dateline, breadcrumb, captions, tags, related
 * links, a byline, the paper's mark opening the lead, the reporter talking to an official): its
 * chrome goes, and a sentence handing over to the plan's words in quotes ("xã phấn đấu “đàn trâu
 * duy trì 2.150 con trở lên”, “trồng mới 210 ha rừng sản xuất”") becomes the reporter's lead-in
 * over one "- " item per quotation, with the measure named between the verb and the quotation
 * ("diện tích dong riềng “đạt 160 ha …”"); what the reporter adds after it goes. A paragraph
 * giving the words of an official above the commune goes whole. Sentences without quotations stay
 * as they are (last year's figures, the district's, read as a review by the year they name).
 */
export function pressArticle(lines: string[]): string[] {
  const head = lines.slice(0, 12)
  const signals = [
    head.some((l) => DATELINE_RE.test(l)),
    head.some((l) => BREADCRUMB_RE.test(l) && l.length <= 160),
    lines.some((l) => CAPTION_RE.test(l)),
    lines.some((l) => RELATED_RE.test(l)),
    lines.some((l) => AGENCY_LEAD_RE.test(l)),
    lines.some((l) => /(?<![\p{L}])(?:trao đổi với|nói với|cho biết với)\s+phóng viên(?![\p{L}])|\(Báo\s/iu.test(l)),
  ].filter(Boolean).length
  // (A plan's own heading, "KẾ HOẠCH" on a line or "Số: …/KH-…", is no article, whatever it quotes.)
  if (signals < 3 || lines.some((l) => /^[ \t]*KẾ HOẠCH(?![\p{L}])|^[ \t]*Số\s*:\s*\d/u.test(l))) return lines
  const out: string[] = []
  let related = false
  // The last line of text before the related links and tags: the byline where it is one.
  let lastText = lines.length - 1
  while (lastText >= 0 && (lines[lastText]!.trim() === '' || RELATED_RE.test(lines[lastText]!) || CAPTION_RE.test(lines[lastText]!) || /^[ \t]*[-•]\s/u.test(lines[lastText]!))) lastText--
  for (const [i, given] of lines.entries()) {
    if (RELATED_RE.test(given)) related = true
    if (related || (i < 12 && (DATELINE_RE.test(given) || BREADCRUMB_RE.test(given))) || CAPTION_RE.test(given) || (i === lastText && BYLINE_RE.test(given) && given.length <= 80)) {
      out.push('')
      continue
    }
    const line = given.replace(AGENCY_LEAD_RE, '')
    if (SPEAKER_ABOVE_RE.test(line)) {
      out.push('')
      continue
    }
    let prose: string[] = []
    const flush = (): void => {
      if (prose.length > 0) out.push(prose.join(' '))
      prose = []
    }
    for (const sentence of quotedSentences(line)) {
      const quotes = quotations(sentence).filter((q) => sentence.slice(q.start + 1, q.end - 1).trim().split(/\s+/u).length >= 3)
      const verb = quotes.length > 0 ? [...sentence.slice(0, quotes[0]!.start).matchAll(REPORTING_VERB_RE)].pop() : undefined
      if (!verb) {
        prose.push(sentence)
        continue
      }
      flush()
      const leadEnd = verb.index + verb[0].trimEnd().length
      const measure = sentence.slice(verb.index + verb[0].length, quotes[0]!.start).trim()
      out.push(`${sentence.slice(0, leadEnd).replace(/:$/u, '')}:`)
      for (const [k, q] of quotes.entries()) {
        const words = sentence.slice(q.start + 1, q.end - 1).trim().replace(/[.;,]+$/u, '')
        // (Each item closed by its stop, so that no line after it is read as its wrapped end.)
        out.push(`- ${k === 0 && measure !== '' ? `${measure} ` : ''}${words}${k === quotes.length - 1 ? '.' : ';'}`)
      }
    }
    flush()
  }
  return out
}

/** What stands between a post's text and its counts: its hashtags ("#ThiDua2025 #XaAnPhu"), its reactions ("👍❤️ 186", "+5"). */
const POST_TAIL_RE = /^[ \t]*(?:(?:#[\p{L}\d_]+[ \t]*)+|\+\d{1,3}|[\p{Extended_Pictographic}\uFE0F\u200D][ \t\p{Extended_Pictographic}\uFE0F\u200D]{0,40}(?:\d[\d.,]{0,8}[ \t]?[KkN]?)?)[ \t]*$/u

/**
 * A post copied from a social page (a commune's Facebook page): its text, then its hashtags and
 * reactions, the counts of its comments and shares ("👍❤️ 218 · 17 bình luận · 9 lượt chia sẻ") or
 * its buttons ("Thích · Bình luận · Chia sẻ", on one line or on three), then the readers' comments
 * and the page's replies. The post's text is the plan; from its hashtags and reactions on nothing
 * is: the comments are replies, as in a group chat, whatever figures they hold. (The counts or the
 * buttons alone on their lines are no words of a plan.)
 */
function postText(lines: string[]): string[] {
  const buttons = (i: number): boolean =>
    POST_BUTTONS_RE.test(lines[i]!) || (/^[ \t]*Thích[ \t]*$/iu.test(lines[i]!) && /^[ \t]*Bình luận[ \t]*$/iu.test(lines[i + 1] ?? '') && /^[ \t]*Chia sẻ[ \t]*$/iu.test(lines[i + 2] ?? ''))
  const at = lines.findIndex((l, i) => (l.length <= 120 && POST_COUNTS_RE.test(l)) || (l.length <= 60 && buttons(i)))
  if (at < 0) return lines
  let end = at
  while (end > 0 && (lines[end - 1]!.trim() === '' || (lines[end - 1]!.length <= 300 && POST_TAIL_RE.test(lines[end - 1]!)))) end--
  return lines.slice(0, end)
}

export function chatMessages(given: string[]): string[] {
  const lines = postText(given)
  // Each head: where it is, its sender, how many lines it takes (two, or one for "Name 08:15" and
  // a bracketed head), and the message's text on the head's own line (a bracketed head's, after its colon).
  const heads: { at: number; sender: string; lines: number; text?: string }[] = []
  const oneLine = new Map<string, number>()
  let bracketed = false
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (i > 0 && line.length <= 24 && MESSAGE_TIME_RE.test(line) && lines[i - 1]!.length <= 100 && SENDER_RE.test(lines[i - 1]!)) {
      // (A sender taken as a one-line head just above is this head's sender line: the two-line head wins.)
      if (heads[heads.length - 1]?.at === i - 1) heads.pop()
      heads.push({ at: i - 1, sender: lines[i - 1]!.replace(/\s+/gu, ' ').trim(), lines: 2 })
      continue
    }
    const inBrackets = BRACKETED_HEAD_RE.exec(line)
    if (inBrackets) {
      bracketed = true
      heads.push({ at: i, sender: inBrackets[1]!.replace(/\s+/gu, ' ').trim(), lines: 1, text: line.slice(inBrackets[0].length) })
      continue
    }
    const one = line.length <= 100 ? SENDER_AND_TIME_RE.exec(line) : null
    if (one) {
      const sender = one[1]!.replace(/\s+/gu, ' ').trim()
      heads.push({ at: i, sender, lines: 1 })
      oneLine.set(sender, (oneLine.get(sender) ?? 0) + 1)
    }
  }
  // (Heads of one line count only when a sender comes back on two of them: a schedule's "Khai mạc 08:00" lines each name another thing.)
  const kept = [...oneLine.values()].some((n) => n >= 2) ? heads : heads.filter((h) => h.lines === 2 || h.text !== undefined)
  if (kept.length < (bracketed ? 1 : 3)) return lines
  // Each head's message: the text on its line, if any, then the lines up to the next head.
  const message = (k: number): string[] => {
    const h = kept[k]!
    const body = lines.slice(h.at + h.lines, kept[k + 1]?.at ?? lines.length)
    return h.text === undefined || h.text.trim() === '' ? body : [h.text, ...body]
  }
  const size = new Map<string, number>()
  kept.forEach((h, k) => size.set(h.sender, (size.get(h.sender) ?? 0) + message(k).reduce((n, l) => n + l.trim().length, 0)))
  const poster = [...size].reduce((a, b) => (b[1] > a[1] ? b : a))[0]
  // Minutes of a meeting kept in the chat ("[08:32] Văn phòng: Hỏi: Thu ngân sách năm nay bao
  // nhiêu?" / "[08:44] Phòng Kinh tế: Đáp: …"): the plan is every member's answers, whoever asks or
  // answers (qaMinutes reads them); a message that neither asks, answers nor revises and states no
  // figure is the chair's talk ("Thống nhất các chỉ tiêu trên; chỗ nào có “Sửa lại” thì lấy số sửa lại.").
  const firsts = kept.map((_, k) => message(k).find((l) => l.trim() !== '') ?? '')
  const minutes = qaForm(firsts)
  const out = lines.slice(0, kept[0]!.at)
  kept.forEach((h, k) => {
    // (The talk's own line only: what follows the last message is the rest of the document.)
    const talk = minutes && !QA_LABEL_RE.test(firsts[k]!) && !CORRECTION_RE.test(firsts[k]!.trimStart()) && !/\d/u.test(firsts[k]!)
    const said = message(k)
    if (minutes || h.sender === poster) append(out, (talk ? said.slice(said.indexOf(firsts[k]!) + 1) : said).flatMap(withoutTalk))
  })
  return out
}

/** A line of minutes kept as questions and answers: its label ("Hỏi: …", "Đáp: …", "- Trả lời: …"). */
const QA_LABEL_RE = /^[ \t]*(?:[-+•*][ \t]+)?(hỏi|đáp|trả lời)[ \t]*:[ \t]*/iu
/** Where a question asks its figure ("… năm nay bao nhiêu?", "… đạt mấy phần trăm?", "… thì sao?", "… thế nào?"). */
const ASKING_RE = /(?<![\p{L}])(?:bao nhiêu|mấy|(?:như\s+)?thế nào|ra sao|thì sao)(?![\p{L}])|\s+(?:không|chưa|gì)\s*\?*\s*$|\?/iu
/** What a question says after its subject and before what it asks ("năm nay", "giao", "đạt", "thì", "làm được"). */
const ASKED_TAIL_RE = /(?:\s+(?:năm nay|năm \d{4}|thì|là|được|đạt|giao|phấn đấu|dự kiến|làm|có|cần|phải|giữ|tăng|giảm))+\s*$/iu

/** Several questions and several answers (three of each at least): the text is minutes kept as such. */
function qaForm(lines: readonly string[]): boolean {
  let asked = 0
  let answered = 0
  for (const l of lines) {
    const m = QA_LABEL_RE.exec(l)
    if (!m) continue
    if (/^hỏi$/iu.test(m[1]!)) asked++
    else answered++
  }
  return asked >= 3 && answered >= 3
}

/**
 * The thing a question asks about, in the clause that asks ("Hỏi: Chỉ tiêu thu ngân sách năm nay bao
 * nhiêu?" → "Thu ngân sách", "Năm 2026 đạt 22 tỷ đồng, năm nay thu ngân sách bao nhiêu?" → "Thu ngân
 * sách"), a short question's only.
 */
function askedSubject(question: string): string | undefined {
  if (question.length > 200) return undefined
  const at = question.search(ASKING_RE)
  const asking = (at >= 0 ? question.slice(0, at) : question).replace(/[\s,;:]+$/u, '')
  const subject = asking.slice(asking.search(/[^,;:]*$/u)).replace(ASKED_TAIL_RE, '').replace(/^\s*(?:(?:chỉ tiêu(?:\s+(?:về|của))?|năm nay|năm \d{4})\s+)+/iu, '').trim()
  return /\p{L}/u.test(subject) ? upperFirst(subject) : undefined
}

/**
 * Targets agreed as questions and answers, in a chat or in minutes ("Hỏi: Chỉ tiêu thu ngân sách
 * năm nay bao nhiêu?" / "Đáp: Đạt 24,5 tỷ đồng trở lên"), several of each (qaForm): a question sets
 * nothing, it names what its answer measures. An answer becomes an item of the list, named by its
 * question where it says its level only ("- Thu ngân sách: Đạt 24,5 tỷ đồng trở lên"), as it stands
 * where it names its own measure ("Đáp: Giảm ít nhất 20 hộ nghèo"). A revision ("Sửa lại: Đạt 26 tỷ
 * đồng") stays a correction (extract.ts applyCorrections replaces the earlier answer of its
 * measure), named alike by the question it follows. An answer that declines the figure asked ("Đáp:
 * Không đưa vào chỉ tiêu, chỉ là giải pháp (dự kiến 04 lớp)", guards.ts markedNoTarget) goes.
 */
export function qaMinutes(lines: string[]): string[] {
  if (!qaForm(lines)) return lines
  let subject: string | undefined
  const out: string[] = []
  for (const line of lines) {
    const qa = QA_LABEL_RE.exec(line)
    if (qa && /^hỏi$/iu.test(qa[1]!)) {
      subject = askedSubject(line.slice(qa[0].length).trim())
      continue
    }
    const label = qa ?? CORRECTION_RE.exec(line.trimStart())
    if (!label) {
      out.push(line)
      continue
    }
    const said = (qa ? line : line.trimStart()).slice(label[0].length).trim()
    if (markedNoTarget(/^[^,;.]*/u.exec(said)![0])) continue
    // (The words before its first figure: "Đạt", "Ít nhất", nothing at all in "96% trở lên".)
    const named = subject !== undefined && /\d/u.test(said) && LEVEL_ONLY_NAME_RE.test(/^\D*/u.exec(said)![0].trim()) ? `${subject}: ${said}` : said
    out.push(qa ? `- ${named}` : `${label[0].trim()} ${named}`)
  }
  return out
}

/** A line of an e-mail's quote: its marks (">", ">>", "> >") and the space after them. */
const QUOTE_MARKS_RE = /^[ \t]*>(?:[ \t]?>)*(?:[ \t]|$)/u
/** A quoted line that reads as a figure rather than as a quote: "> 88%", "> 1.500 hộ" (strictly above). */
const QUOTED_FIGURE_RE = /^[ \t]*>[ \t]*\d/u

/**
 * A plan quoted in an e-mail reply: a run of lines that open on the quote mark (">" then a space
 * or nothing, ">>" or "> >" for a quote inside the quote), blank lines between them allowed, read
 * as if unquoted: the marks are removed. Three quoted lines or more make a run, at least one of
 * them not a figure: a lone "> 88%" (strictly above), or a cell or a wrapped line opening on it,
 * stays a figure.
 */
export function unquoted(lines: string[]): string[] {
  const quoted = (l: string): boolean => QUOTE_MARKS_RE.test(l)
  const out = [...lines]
  let at = 0
  while (at < lines.length) {
    if (!quoted(lines[at]!)) {
      at++
      continue
    }
    // The run: quoted lines, with blank lines between them (not at its end).
    let end = at
    let last = at
    while (end < lines.length && (quoted(lines[end]!) || lines[end]!.trim() === '')) {
      if (quoted(lines[end]!)) last = end
      end++
    }
    const run = lines.slice(at, last + 1).filter(quoted)
    if (run.length >= 3 && run.some((l) => !QUOTED_FIGURE_RE.test(l))) {
      for (let i = at; i <= last; i++) out[i] = lines[i]!.replace(QUOTE_MARKS_RE, '')
    }
    at = last + 1
  }
  return out
}
