// A plan typed without Vietnamese marks (issue 13): sent by SMS or over a chat from a keyboard with no
// Vietnamese input ("Ke hoach", "San luong lua dat 3.200 tan", "Ty le ho ngheo giam 0,8% so voi cuoi
// nam 2025"). The one place such a text is recognised (unmarkedDocument, from the whole document: a
// few unmarked words in a marked plan are no such text) and the marks of the plan's vocabulary the
// drafter reads by are put back (withMarks): the units of measure (./lexicon.ts), the verbs and
// bounds, the measures and the sections' words. normalize.ts restores them before anything else reads
// the text, and the scorer compares hand-made sources copied from it the same way (score.ts,
// sourcesAsRead). A word and its marked form have the same length (NFC: "tan", "tấn"), so every
// offset into the text stays where it was.

import { SYLLABLE_RE } from './fontEvidence'
import { unitSpellings } from './lexicon'

/** The letters of a Vietnamese word without their marks: "đạt" → "dat", "Tấn" → "Tan" (one letter for one, NFC). */
export function withoutMarks(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D').normalize('NFC')
}

/** Letters outside plain Latin, as met (a property test on each character is slow on a long text). */
const OTHER_LETTERS = new Map<number, boolean>()
const isLetter = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i)
  if (c < 0x80) return (c | 32) >= 97 && (c | 32) <= 122
  let known = OTHER_LETTERS.get(c)
  if (known === undefined) OTHER_LETTERS.set(c, (known = /\p{L}/u.test(text[i]!)))
  return known
}

/** Where the words of a text are, maximal runs of letters, in one walk. */
function wordSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  let start = -1
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && isLetter(text, i)) {
      if (start < 0) start = i
    } else if (start >= 0) {
      out.push({ start, end: i })
      start = -1
    }
  }
  return out
}

/**
 * The whole document is typed without marks: of its letters (300 at least), one in two hundred at
 * most is other than a plain Latin one (a Vietnamese letter with a mark, "ạ", "ư", "đ"), and of its
 * words nine in ten at least read as Vietnamese syllables ("ke", "hoach", "nguoi": no English, no
 * code). A marked plan puts a mark on about one letter in four, so a few words that lost theirs
 * ("dat 93,5%" in an OCR) leave it a marked plan.
 */
export function unmarkedDocument(text: string): boolean {
  // (The letters first, in one walk: a marked plan is told at once, its words never weighed.)
  let letters = 0
  let marked = 0
  for (let i = 0; i < text.length; i++) {
    if (!isLetter(text, i)) continue
    letters++
    if (text.charCodeAt(i) >= 0x80) marked++
  }
  if (letters < 300 || marked * 200 > letters) return false
  let words = 0
  let syllables = 0
  for (const { start, end } of wordSpans(text)) {
    const w = text.slice(start, end)
    const small = w.toLowerCase()
    const syllable = SYLLABLE_RE.test(small)
    // (A short word in capitals, an abbreviation, "UBND", "KH", "TT", weighs as no syllable nor as another word.)
    if (!syllable && w.length <= 5 && w === w.toUpperCase()) continue
    words++
    if (syllable) syllables++
  }
  return words > 0 && syllables * 10 >= words * 9
}

/**
 * The plan's vocabulary with its marks, where a word or a phrase written without them means it alone
 * in a plan (longer phrases settle a word that alone means two things: "dat" is "đạt", but "su dung
 * dat" is "sử dụng đất"; "tang" is "tăng", but "duoc tang" is "được tặng").
 */
const ANYWHERE = [
  // The letterhead and the sections ("KE HOACH", "I. MUC DICH, YEU CAU", "VI. TO CHUC THUC HIEN").
  'kế hoạch', 'phát động', 'phong trào', 'thi đua', 'mục đích', 'mục tiêu', 'yêu cầu', 'nội dung', 'chỉ tiêu', 'chủ yếu', 'cụ thể',
  'nhiệm vụ', 'giải pháp', 'hình thức', 'tiêu chuẩn', 'khen thưởng', 'tổ chức thực hiện', 'tổ chức', 'thực hiện', 'thời gian',
  'đăng ký', 'chế độ báo cáo', 'báo cáo', 'sơ kết', 'tổng kết', 'nơi nhận', 'chủ tịch', 'phó chủ tịch', 'ủy ban nhân dân',
  'hội đồng nhân dân', 'nhân dân', 'cộng hòa xã hội chủ nghĩa', 'việt nam', 'độc lập', 'tự do', 'hạnh phúc', 'căn cứ',
  'nghị quyết', 'nghị định', 'quyết định', 'giấy khen', 'bằng khen', 'tiền thưởng', 'tập thể', 'cá nhân', 'tiêu biểu', 'xuất sắc',
  'đột xuất', 'đợt', 'ngày', 'tháng', 'thắng lợi', 'quyết thắng', 'cuối năm', 'đầu năm', 'trong năm', 'cả năm', 'hằng năm',
  'mỗi năm', 'năm học', 'cùng kỳ', 'từ ngày', 'đến ngày', 'ngay từ', 'hồ chí minh', 'hồ chứa', 'ao hồ', 'hồ sơ',
  // The fields.
  'về', 'kinh tế', 'văn hóa', 'xã hội', 'xã', 'quốc phòng', 'an ninh', 'chính trị', 'trật tự', 'an toàn', 'môi trường', 'giáo dục',
  'y tế', 'nông nghiệp', 'lâm nghiệp', 'thủy sản', 'công nghiệp', 'dịch vụ', 'thương mại', 'du lịch', 'xây dựng', 'giao thông',
  'nông thôn mới', 'nông thôn', 'nâng cao', 'kiểu mẫu', 'đô thị văn minh', 'đô thị', 'xóm', 'thôn', 'tổ dân phố', 'khu dân cư',
  'phường', 'địa phương', 'phương án', 'huyện', 'cơ quan', 'đơn vị', 'trường học', 'đoàn thể', 'mặt trận tổ quốc', 'cán bộ',
  'công chức', 'viên chức', 'đảng viên', 'đảng bộ', 'đảng ủy', 'chi bộ', 'hội viên', 'đoàn viên', 'lực lượng vũ trang', 'dân quân',
  'công an', 'quân sự', 'vệ sinh', 'bảo vệ', 'vũ trang',
  // The verbs and the bounds of a target.
  'đạt', 'đạt được', 'đất đai', 'sử dụng đất', 'đất nông nghiệp', 'đất ở', 'đất nước', 'quỹ đất', 'đất lúa', 'đất rừng',
  'đất sản xuất', 'trở lên', 'trở xuống', 'không quá', 'không vượt quá', 'không dưới', 'không thấp hơn', 'không ít hơn', 'ít nhất',
  'tối thiểu', 'tối đa', 'trên', 'dưới', 'giảm', 'giám sát', 'giám đốc', 'kéo giảm', 'tăng', 'tăng trưởng', 'tăng cường', 'hạ tầng',
  'được tặng', 'tặng giấy khen', 'tặng bằng khen', 'so với', 'so sánh', 'bình quân', 'phấn đấu', 'hoàn thành', 'vượt', 'vượt mức',
  'giữ vững', 'duy trì', 'ổn định', 'không để', 'xảy ra', 'bảo đảm', 'đảm bảo', 'kiểm soát', 'trong đó', 'chiếm', 'khoảng',
  'không', 'được', 'các', 'của', 'với', 'có', 'có hạt', 'cơ sở', 'cơ cấu', 'để', 'đề nghị', 'đề ra', 'vấn đề', 'đến', 'những',
  'và', 'tại', 'ngay tại', 'tài chính', 'tái canh', 'địa bàn', 'trên địa bàn', 'tập trung', 'thu hoạch', 'nguyên liệu', 'cây', 'tiêu chí',
  'sụt giảm', 'trụ sở', 'công sở', 'biểu dương', 'phô trương', 'tổng kết năm', 'mỗi xóm', 'mỗi thôn', 'hiện có', 'tảo hôn', 'kết hôn', 'trồng mới', 'xây dựng mới', 'việc làm mới', 'thành lập mới', 'cấp mới',
  // The measures.
  'tỷ lệ', 'tỉ lệ', 'tốc độ', 'giá trị', 'sản xuất', 'tổng', 'sản lượng', 'diện tích', 'năng suất', 'lương thực', 'tổng đàn',
  'đàn gia súc', 'đàn gia cầm', 'gia súc', 'gia cầm', 'đàn trâu', 'đàn bò', 'đàn lợn', 'đàn heo', 'chăn nuôi',
  // (The grain every plan counts, "lương thực có hạt", and the draught herd: no crop of one commune.)
  'lúa', 'ngô', 'trâu', 'trâu, bò',
  'trồng trọt', 'cây trồng', 'thu ngân sách', 'ngân sách', 'nhà nước', 'dự toán', 'thu nhập', 'bình quân đầu người', 'trồng rừng',
  'rừng', 'che phủ', 'hộ', 'hộ nghèo', 'hộ cận nghèo', 'cận nghèo', 'nghèo', 'giảm nghèo', 'hộ gia đình', 'gia đình',
  'dân số', 'người', 'người dân', 'tham gia', 'bảo hiểm y tế', 'bảo hiểm xã hội', 'bảo hiểm', 'trẻ em', 'tuổi', 'sữa tươi',
  'suy dinh dưỡng', 'thể thấp còi', 'thể nhẹ cân', 'bồi dưỡng', 'giải quyết', 'việc làm', 'lao động', 'xuất khẩu', 'đào tạo',
  'đào tạo nghề', 'học nghề', 'danh hiệu', 'chuẩn', 'quốc gia', 'trường', 'hiệu trưởng', 'xóm trưởng', 'thôn trưởng',
  'trưởng thôn', 'trưởng xóm', 'trưởng các', 'trưởng ban', 'trưởng phòng', 'thị trường', 'giao quân', 'tuyển quân',
  'nhập ngũ', 'công dân', 'tội phạm', 'nghiêm trọng', 'xảy ra trọng án', 'trọng tâm', 'trọng điểm', 'quan trọng', 'tai nạn', 'ma túy', 'cháy rừng', 'cháy nổ', 'số', 'số vụ', 'vụ',
  'nước sạch', 'hợp vệ sinh', 'rác thải', 'thu gom', 'xử lý', 'bê tông', 'bê tông hóa', 'đường', 'bóng đèn', 'đèn chiếu sáng', 'nuôi cua', 'đàn dê', 'tương đương', 'nội đồng',
  'kênh mương', 'nhà văn hóa', 'thể thao', 'văn nghệ', 'học sinh', 'giáo viên', 'phổ cập', 'tốt nghiệp', 'trạm y tế', 'tiêm chủng',
  'tiêm phòng', 'dịch bệnh', 'nguy hiểm', 'doanh nghiệp', 'hợp tác xã', 'làng nghề', 'sản phẩm',
]

/**
 * Words of a figure's clause that mean one thing only before the figure ("con 3,46%" is "còn", "tu
 * 90%" is "từ", "ngay 15/01" is "ngày", "Dot 1" is "Đợt", "So: 09/KH" is "Số"): a colon or a space
 * between them at most.
 */
const BEFORE_FIGURE = ['còn', 'từ', 'đến', 'ngày', 'tháng', 'năm', 'đợt', 'số', 'quý', 'lần', 'hơn', 'đạt', 'vượt', 'chiếm', 'khoảng']

/**
 * Units whose letters without marks spell another word as often after a figure ("2.240 bo sua" is
 * cattle, "bò", not "bộ"; "3 lo dat", plots, "lô"; "5 cong dat", the South's land measure "công";
 * "05 gian hang", stalls, "gian"; "3 cap", levels, "cấp"), and one-letter units ("đ", "ô": "93,5 o/o"
 * is a per cent): left as written.
 */
const UNIT_LOOKALIKES = new Set(['bo', 'lo', 'cong', 'gian', 'cap'])

/**
 * The keys of a vocabulary without marks, each to its marked form; a key two forms share means
 * neither, and is left out (a form with no mark claims its key too: the highlands' village "bon" keeps
 * "bồn", a tank, from "12/14 bon").
 */
function keyed(forms: readonly string[]): Map<string, string> {
  const out = new Map<string, string>()
  const shared = new Set<string>()
  for (const form of forms) {
    const f = form.toLowerCase().normalize('NFC')
    const key = withoutMarks(f)
    const had = out.get(key)
    if (had !== undefined && had !== f) shared.add(key)
    else out.set(key, f)
  }
  for (const [key, f] of out) if (shared.has(key) || f === key) out.delete(key)
  return out
}

interface Vocabulary {
  anywhere: Map<string, string>
  beforeFigure: Map<string, string>
  afterFigure: Map<string, string>
  /** Each first word of a key, with the most words a key opening on it has. */
  opening: Map<string, number>
}
let vocabulary: Vocabulary | undefined

/** The three vocabularies, built once: the units of ./lexicon.ts ("tấn", "tạ/ha", "triệu đồng/người/năm") read after a figure. */
function vocabularies(): Vocabulary {
  if (vocabulary) return vocabulary
  const units = keyed(unitSpellings())
  for (const key of [...units.keys()]) if (key.length < 2 || UNIT_LOOKALIKES.has(key)) units.delete(key)
  const anywhere = keyed(ANYWHERE)
  const beforeFigure = keyed(BEFORE_FIGURE)
  const opening = new Map<string, number>()
  for (const map of [anywhere, beforeFigure, units]) {
    for (const key of map.keys()) {
      const words = key.match(/\p{L}+/gu) ?? []
      opening.set(words[0]!, Math.max(opening.get(words[0]!) ?? 0, words.length))
    }
  }
  vocabulary = { anywhere, beforeFigure, afterFigure: units, opening }
  return vocabulary
}

/** The marked form with the case of the letters it replaces ("TAN" → "TẤN", "Ty le" → "Tỷ lệ"). */
function inCaseOf(original: string, marked: string): string {
  let out = ''
  for (let i = 0; i < marked.length; i++) {
    const o = original[i]!
    out += o !== o.toLowerCase() ? marked[i]!.toUpperCase() : marked[i]!
  }
  return out
}

/**
 * The text with the marks of the plan's vocabulary put back, in one walk over its words: at each word,
 * the longest phrase of the vocabulary starting there (a unit right after a figure, a word of
 * BEFORE_FIGURE right before one) marks the words it covers that no phrase before it marked. Words
 * with marks already, and words outside the vocabulary (names, places), stay as written; so does every
 * offset (a marked form has its key's length).
 */
export function withMarks(text: string): string {
  const { anywhere, beforeFigure, afterFigure, opening } = vocabularies()
  // (Lower case once for the whole text, where that keeps every letter where it was, as it does in Vietnamese.)
  const whole = text.toLowerCase()
  const lower = whole.length === text.length ? whole : undefined
  const words = wordSpans(text)
  const marked: (string | undefined)[] = Array.from({ length: words.length })
  for (let i = 0; i < words.length; i++) {
    const start = words[i]!.start
    const most = opening.get(lower?.slice(start, words[i]!.end) ?? text.slice(start, words[i]!.end).toLowerCase())
    if (most === undefined) continue
    const afterNumber = /\d ?$/u.test(text.slice(Math.max(0, start - 2), start))
    for (let k = Math.min(most, words.length - i); k >= 1; k--) {
      const end = words[i + k - 1]!.end
      // (A phrase's words are close: its key is short, whatever lies between them.)
      if (end - start > 64) continue
      const key = lower?.slice(start, end) ?? text.slice(start, end).toLowerCase()
      if (key.length !== end - start) continue
      const form = (afterNumber ? afterFigure.get(key) : undefined) ?? anywhere.get(key) ?? (/^:? ?\d/u.test(text.slice(end, end + 3)) ? beforeFigure.get(key) : undefined)
      if (form === undefined) continue
      for (let j = 0; j < k; j++) {
        if (marked[i + j] !== undefined) continue
        const w = words[i + j]!
        marked[i + j] = inCaseOf(text.slice(w.start, w.end), form.slice(w.start - start, w.end - start))
      }
      break
    }
  }
  let out = ''
  let at = 0
  for (let i = 0; i < words.length; i++) {
    const m = marked[i]
    if (m === undefined) continue
    out += text.slice(at, words[i]!.start) + m
    at = words[i]!.end
  }
  return out + text.slice(at)
}

/** The text with its plan vocabulary's marks put back if the whole of it was typed without marks (unmarkedDocument), else as it is. */
export function fromUnmarked(text: string): string {
  return unmarkedDocument(text) ? withMarks(text) : text
}
