// A plan copied from an e-office system's draft review view (issue 13), which numbers every
// paragraph of the document so that reviewers can cite it:
//
//   Trang chủ > Dự thảo văn bản > Xem nội dung (đánh số đoạn)
//   Phiên bản: 04 - Bản trình ký | … | Số đoạn: 0088 | Góp ý: 4
//   ==========================================
//   0001  ỦY BAN NHÂN DÂN
//   …
//   0007
//   0036  - Trồng rừng tập trung 520 ha trở lên, trong đó trồng rừng gỗ lớn 150 ha.  [Góp ý: 1]
//   …
//   0088  Lý Văn Quyết
//   ==========================================
//   GÓP Ý DỰ THẢO (4)
//   [Đoạn 0036] Triệu Văn Sềnh - Phòng Kinh tế - 09/01/2026 10:15
//   Đề nghị nâng chỉ tiêu trồng rừng tập trung từ 480 ha lên 520 ha …
//
// The system's numbers and its comment markers are no words of the plan, and the view's frame (the
// system's name, the user, the breadcrumb, the version) and its comment panel (figures proposed by
// reviewers, taken in or refused) are no part of it. The plan is the numbered paragraphs alone.
import { ITEM_OPENING_RE, STRUCTURE_RE } from './lines'

/**
 * A paragraph's number as a system sets it before the paragraph: zero-padded digits of one width
 * ("0036  - Trồng …", "036 …", "00036 …"), a number in square brackets ("[0036] - Trồng …", "[36]
 * …") or after a pilcrow ("¶36 - Trồng …", "¶ 36 …"); alone on its line for an empty paragraph
 * ("0007"). Read on the line's first characters only.
 */
const PARAGRAPH_MARK_RE = /^[ \t]*(?:(\d{3,5})(?=[ \t]|$)|\[(\d{1,5})\]|¶[ \t]?(\d{1,5})(?=[ \t]|$))[ \t]*/u

/**
 * The view's marker that a paragraph has comments, at the paragraph's end: "[Góp ý: 1]", "(Ý kiến:
 * 2)", "[2 góp ý]", "[Comments: 3]". Read on the line's last characters only.
 */
const COMMENT_MARKER_RE = /[ \t]*[[(](?:(?:góp ý|ý kiến|bình luận|nhận xét|comments?)[ \t]*:?[ \t]*\d{1,3}|\d{1,3}[ \t]+(?:góp ý|ý kiến|bình luận|nhận xét|comments?))[\])][ \t]*$/iu

/** How far a paragraph's number may run ahead of the one before it (a paragraph or two left out of the copy). */
const MAX_STEP = 5
/** Fewest numbered paragraphs to read a text as such a view. */
const MIN_PARAGRAPHS = 8
/** Fewest of them that open on the plan's own structure ("I. …", "1. …", "- …", "a) …"). */
const MIN_STRUCTURED = 3

interface Mark {
  /** The numbering's kind: "d4" for four zero-padded digits, "[]" in brackets, "¶" after a pilcrow. */
  style: string
  n: number
  /** The paragraph's own text after its number. */
  rest: string
  padded: boolean
}

function paragraphMark(line: string): Mark | undefined {
  const m = PARAGRAPH_MARK_RE.exec(line.slice(0, 24))
  if (!m) return undefined
  const digits = m[1] ?? m[2] ?? m[3]!
  const style = m[1] !== undefined ? `d${digits.length}` : m[2] !== undefined ? '[]' : '¶'
  return { style, n: Number(digits), rest: line.slice(m[0].length), padded: digits.length > 1 && digits.startsWith('0') }
}

interface Run {
  style: string
  first: number
  last: number
  lastN: number
  count: number
  structured: number
  padded: boolean
}

/**
 * The lines of a text copied from a paragraph-numbered view, as the plan's own paragraphs: each
 * line's number and its comment marker dropped ("0036  - Trồng rừng … 150 ha.  [Góp ý: 1]" → "- Trồng
 * rừng … 150 ha."), an empty paragraph's bare number an empty line, the lines before the first
 * numbered paragraph (the view's frame) and after the last (the comment panel, the buttons) left
 * out. Lines without a number between numbered ones (a paragraph's soft line breaks) stay.
 *
 * Only on evidence in the whole text: a run of eight numbered lines at least, each number of one
 * style (zero-padded digits of one width, with a leading zero somewhere) and above the one before
 * by at most MAX_STEP, three of them opening on the plan's own structure after their number, and the
 * run's numbered lines two in five of the text's lines at least. A list of footnotes ("[2] Năm 2023
 * có 118 ha …") or a table numbered "001", "002" stays as it is. One walk over the lines.
 */
export function numberedParagraphs(lines: readonly string[]): readonly string[] {
  let best: Run | undefined
  let run: Run | undefined
  let nonBlank = 0
  const close = (): void => {
    if (run && (!best || run.count > best.count)) best = run
    run = undefined
  }
  for (const [at, line] of lines.entries()) {
    if (line.trim() === '') continue
    nonBlank++
    const mark = paragraphMark(line)
    if (!mark) continue
    const structured = STRUCTURE_RE.test(mark.rest) || ITEM_OPENING_RE.test(mark.rest) ? 1 : 0
    if (run && run.style === mark.style && mark.n > run.lastN && mark.n - run.lastN <= MAX_STEP) {
      run.last = at
      run.lastN = mark.n
      run.count++
      run.structured += structured
      run.padded ||= mark.padded
      continue
    }
    close()
    run = { style: mark.style, first: at, last: at, lastN: mark.n, count: 1, structured, padded: mark.padded }
  }
  close()
  if (!best || best.count < MIN_PARAGRAPHS || best.structured < MIN_STRUCTURED || best.count * 5 < nonBlank * 2) return lines
  if (best.style.startsWith('d') && !best.padded) return lines
  const out: string[] = []
  // (A line of the run is a numbered paragraph only where its number goes on from the one before, as
  // the run was found: a soft-broken line opening on a year, "2026 …", keeps it.)
  let lastN = -1
  for (let at = best.first; at <= best.last; at++) {
    const line = lines[at]!
    const mark = paragraphMark(line)
    const numbered = mark !== undefined && mark.style === best.style && (lastN < 0 || (mark.n > lastN && mark.n - lastN <= MAX_STEP))
    if (numbered) lastN = mark.n
    const text = numbered ? mark.rest : line
    const tail = text.length > 48 ? text.length - 48 : 0
    const marker = COMMENT_MARKER_RE.exec(text.slice(tail))
    out.push(marker ? text.slice(0, tail + marker.index).trimEnd() : text)
  }
  return out
}
