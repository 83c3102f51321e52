// The head of a plan's document: số hiệu, place and date, the commune, the title and its year,
// the theme, the movements it continues, its phases and who signed it. Each read with its span.
import type { Phase } from '../model'
import { SLIDE_MARK_RE } from './lexicon'
import type { Drafted, PlanDraftHeader, SourceSpan } from './types'

export interface Line {
  text: string
  start: number
}

export function linesOf(text: string): Line[] {
  const out: Line[] = []
  let start = 0
  for (const t of text.split('\n')) {
    out.push({ text: t, start })
    start += t.length + 1
  }
  return out
}

function item<T>(id: string, value: T, source: SourceSpan, reasons: string[] = [], confidence: Drafted<T>['confidence'] = 'high'): Drafted<T> {
  return { id, value, source, confidence, reasons, ambiguous: false }
}

const pad = (n: number): string => String(n).padStart(2, '0')

export function isoDate(day: number, month: number, year: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || year < 1990 || year > 2100) return undefined
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > days) return undefined
  return `${year}-${pad(month)}-${pad(day)}`
}

export function monthEnd(month: number, year: number): string | undefined {
  return isoDate(new Date(Date.UTC(year, month, 0)).getUTCDate(), month, year)
}

const KIND_WORD = String.raw`(xã|phường|thị trấn|đặc khu)`
const NAME = String.raw`((?:\p{Lu}[\p{L}']*)(?:\s\p{Lu}[\p{L}']*){0,3})`

export interface HeaderResult {
  header: PlanDraftHeader
  movements: Drafted<string>[]
  phases: Drafted<Phase>[]
  /** Where the body (the first numbered heading or the first "Căn cứ") begins. */
  bodyStart: number
}

/** The year's theme named as a title or a label: "CHỦ ĐỀ NĂM 2027", "Chủ đề thi đua:", "Chủ đề thi đua năm 2026: “…”". */
const THEME_NAME_RE = /^(?:[-•]\s+)?chủ đề(?:\s+thi đua)?(?:\s+(?:của\s+)?năm\s+\d{4})?\s*(?::\s*(?:“[^”]{3,1000}”\s*)?)?$/iu

/**
 * "phát động phong trào thi đua yêu nước năm 2025", "Lễ phát động thi đua năm 2026": the year of the
 * movement launched (a report of the launch names no title of its own); the only one where the text
 * names one year so, else none.
 */
function launchedYear(text: string): { year: number; at: number } | undefined {
  const found = [...text.matchAll(/phát động\s+(?:phong trào\s+)?thi đua(?:[ \p{L}-]{0,60}?)\s+năm\s+(\d{4})(?!\d)/giu)]
  const years = new Set(found.map((m) => m[1]))
  if (found.length === 0 || years.size !== 1) return undefined
  const m = found[0]!
  return { year: Number(m[1]), at: m.index + m[0].length - 8 }
}

/** The kind of a document that sets a year's targets without being a plan, alone on its line: a resolution, a report on the year and the next. */
const DOCUMENT_KIND_RE = /^(?:NGHỊ QUYẾT|BÁO CÁO)\s*$/u

export function readHeader(text: string, lines: readonly Line[], options: { year?: number }): HeaderResult {
  const header: PlanDraftHeader = {}
  const head = lines.slice(0, 25)
  // ("PHẦN I" / "Phần thứ nhất" over its title, "A. VỀ PHÁT TRIỂN KINH TẾ": a plan whose parts are
  // named so, and whose first "1." is an item of a later part, begins at its first part.)
  const bodyLine = lines.findIndex((l) => /^(?:I[.)]\s|1[.)]\s|Căn cứ|Thực hiện|Để thực hiện|(?:PHẦN|Phần)\s+(?:I|1|thứ nhất|THỨ NHẤT)(?:\s*[.:]|\s*$)|A[.)]\s+\p{Lu})/u.test(l.text))
  // A deck of slides ("Slide 1" … "Slide 10"): its title slide (the committee, the conference, the
  // plan's number and date) is its letterhead, and its body begins at the second slide, whatever its
  // first "1." (an item of the movements' slide) would say.
  const slides = lines.filter((l) => SLIDE_MARK_RE.test(l.text))
  const generic = bodyLine === -1 ? 0 : (lines[bodyLine]?.start ?? 0)
  const bodyStart = slides.length >= 2 && (bodyLine === -1 || slides[1]!.start < generic) ? slides[1]!.start : generic

  for (const l of head) {
    const m = /(?:^|\s)Số\s*:?\s*(\d{1,5}\s*\/\s*[\p{L}\d][\p{L}\d.\-/]*)/u.exec(l.text)
    if (m && m[1] && !header.number) {
      const at = l.start + l.text.indexOf(m[1])
      header.number = item('header.number', m[1].replace(/\s+/g, ''), { start: at, end: at + m[1].length })
    }
    const d = /(?:(\p{Lu}[\p{L} ]{1,40}?),\s*)?ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(l.text)
    if (d && !header.issuedOn) {
      const iso = isoDate(Number(d[2]), Number(d[3]), Number(d[4]))
      if (iso) header.issuedOn = item('header.issuedOn', iso, { start: l.start + d.index, end: l.start + d.index + d[0].length })
    }
  }

  // The title: the line after "KẾ HOẠCH" (or the rest of that line).
  // ("NGHỊ QUYẾT" over "Về nhiệm vụ … năm 2024", "BÁO CÁO" over "Kết quả … năm 2025 và phương hướng,
  // nhiệm vụ năm 2026": a council's resolution or a year-end report that sets the year's targets is
  // titled under its kind alone on its line, as a plan is.)
  const planned = head.findIndex((l) => /^KẾ HOẠCH\b/u.test(l.text))
  const kh = planned !== -1 ? planned : head.findIndex((l) => DOCUMENT_KIND_RE.test(l.text))
  if (kh !== -1) {
    const l = head[kh]!
    const rest = planned !== -1 ? l.text.replace(/^KẾ HOẠCH\s*:?\s*/u, '') : ''
    const t = rest !== '' ? { text: rest, start: l.start + l.text.length - rest.length } : head[kh + 1]
    if (t && t.text !== '' && !/^(?:I[.)]|Căn cứ)/u.test(t.text)) {
      const title = t.text.replace(/\s+(?:với chủ đề|như sau)[\s\S]*$/u, '').slice(0, 500)
      header.title = item('header.title', title, { start: t.start, end: t.start + title.length })
    }
  }

  // The year: the title's "năm 2023", else the one given, else the year most written in the body.
  const titleYear = header.title ? [...header.title.value.matchAll(/năm\s+(\d{4})/gu)].pop() : undefined
  if (titleYear && header.title) {
    header.year = item('header.year', Number(titleYear[1]), header.title.source)
  } else if (options.year !== undefined) {
    header.year = item('header.year', options.year, { start: 0, end: 0 }, ['năm kế hoạch do người dùng chọn'], 'medium')
  } else if (launchedYear(text) !== undefined) {
    // ("Sáng 15/1, UBND xã … tổ chức Lễ phát động phong trào thi đua yêu nước năm 2025": a report of
    // the launch, no title of its own; the year launched is the plan's, however often last year's
    // results are named beside it.)
    const launched = launchedYear(text)!
    header.year = item('header.year', launched.year, { start: launched.at, end: launched.at + 8 }, ['không thấy năm trong tiêu đề: lấy năm của phong trào thi đua được phát động'], 'low')
  } else {
    const counts = new Map<number, number>()
    // ("so với năm 2025", "cuối năm 2025": the base a figure is compared with is last year, not the plan's.)
    for (const m of text.matchAll(/(so với\s+(?:cùng kỳ\s+)?|cuối\s+)?năm\s+(\d{4})/giu)) if (!m[1]) counts.set(Number(m[2]), (counts.get(Number(m[2])) ?? 0) + 1)
    const best = [...counts].sort((a, b) => b[1] - a[1])[0]
    if (best) {
      const at = text.indexOf(`năm ${best[0]}`)
      header.year = item('header.year', best[0], { start: at, end: at + 8 }, ['không thấy năm trong tiêu đề: lấy năm được nhắc nhiều nhất'], 'low')
    }
  }

  // The commune: "xã Phổ Thuận", "phường Trương Quang Trọng"; the name the date line's place agrees with wins.
  const place = /(\p{Lu}[\p{L} ]{1,40}?),\s*ngày\s+\d/u.exec(text.slice(0, 2000))?.[1]?.trim()
  const placed = place === undefined ? null : new RegExp(`(?<![\\p{L}])${KIND_WORD}\\s+${place}(?![\\p{L}])`, 'iu').exec(text.slice(0, 3000))
  const counts = new Map<string, { n: number; at: number; len: number }>()
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${KIND_WORD}\\s+${NAME}`, 'gu'))) {
    const name = `${m[1]} ${m[2]}`
    const c = counts.get(name) ?? { n: 0, at: m.index, len: m[0].length }
    c.n += 1 + (place !== undefined && m[2] === place ? 100 : 0)
    counts.set(name, c)
  }
  const commune = [...counts].sort((a, b) => b[1].n - a[1].n)[0]
  if (placed && place !== undefined && !(commune && commune[1].n >= 100)) {
    header.commune = item('header.commune', `${(placed[1] ?? 'xã').toLowerCase()} ${place}`, { start: placed.index, end: placed.index + placed[0].length })
  } else if (commune) {
    const [name, c] = commune
    header.commune = item('header.commune', name, { start: c.at, end: c.at + c.len }, c.n >= 100 ? [] : ['tên xã/phường lấy từ nội dung văn bản'], c.n >= 100 ? 'high' : 'medium')
  }

  const theme = /với chủ đề\s*:?\s*“([^”]+)”/u.exec(text)
  if (theme && theme[1]) {
    const at = theme.index + theme[0].indexOf(theme[1])
    header.theme = item('header.theme', theme[1].trim().slice(0, 1000), { start: at, end: at + theme[1].length })
  } else {
    // "CHỦ ĐỀ NĂM 2027" (a slide's title, a part's name) over "“Đoàn kết, sáng tạo, …”" alone on its
    // line, or "Chủ đề thi đua: “…”": the year's theme named on its own.
    const at = lines.findIndex((l) => THEME_NAME_RE.test(l.text))
    const quoted = at === -1 ? null : (/:\s*(“[^”]{3,1000}”)\s*$/u.exec(lines[at]!.text) ?? /^(“[^”]{3,1000}”)\.?$/u.exec(lines.slice(at + 1).find((l) => l.text !== '')?.text ?? ''))
    const line = quoted ? (quoted.input === lines[at]!.text ? lines[at]! : lines.slice(at + 1).find((l) => l.text !== '')) : undefined
    if (quoted && line) {
      const start = line.start + quoted.index + quoted[0].indexOf(quoted[1]!) + 1
      header.theme = item('header.theme', quoted[1]!.slice(1, -1).trim(), { start, end: start + quoted[1]!.length - 2 })
    }
  }

  // The signer: the last line near the end that reads as a person's name.
  const tail = lines.slice(-12)
  for (let i = tail.length - 1; i >= 0; i--) {
    const l = tail[i]!
    if (/^(?:\p{Lu}[\p{Ll}]+)(?:\s\p{Lu}[\p{Ll}]+){1,4}$/u.test(l.text) && !/^(?:Nơi|Lưu|Các|Ban|Trạm|Phòng)/u.test(l.text)) {
      header.signedBy = item('header.signedBy', l.text, { start: l.start, end: l.start + l.text.length }, [], 'medium')
      break
    }
  }

  const year = header.year?.value ?? options.year
  return { header, movements: readMovements(text), phases: readPhases(lines, year), bodyStart }
}

function readMovements(text: string): Drafted<string>[] {
  const out: Drafted<string>[] = []
  const seen = new Set<string>()
  // ("Phong trào thứ nhất: "…"": a movement numbered by its ordinal, its name in straight quotes as a typed text writes them;
  // a name closed by an opening quote, "“…“", as a PDF's text may give it, ends there, on its line.)
  // (Not the year's theme, "CHỦ ĐỀ THI ĐUA" over its words in quotes.)
  for (const m of text.matchAll(/(?:phong trào|cuộc vận động|(?<!chủ đề\s)thi đua)(?:\s+thi đua)?(?:\s+đặc biệt)?(?:\s+thứ\s+(?:\d{1,2}|[IVX]{1,4}|nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười))?[^\S\n]*:?[^\S\n]*(?:“\s*([^“”\n]{3,300}?)\s*[”“]|"\s*([^"“”\n]{3,300}?)\s*")/giu)) {
    const quoted = m[1] ?? m[2] ?? ''
    const name = quoted.trim()
    const key = name.toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    const at = m.index + m[0].indexOf(quoted)
    out.push(item(`movement.${out.length}`, name, { start: at, end: at + quoted.length }, [], 'medium'))
  }
  return out
}

const DATE = String.raw`(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?`

/** "Đợt 1: từ 01/01 đến 30/6/2023", "Đợt 2 (từ tháng 7 đến tháng 12)", "đợt thi đua đặc biệt …". */
function readPhases(lines: readonly Line[], year: number | undefined): Drafted<Phase>[] {
  const out: Drafted<Phase>[] = []
  for (const l of lines) {
    for (const m of l.text.matchAll(/(?<![\p{L}])(đợt\s+(?:thi đua\s+)?(\d{1,2}|[IVX]{1,4}|đặc biệt|cao điểm)([^.;\n]{0,160}))/giu)) {
      const label = m[2] ?? ''
      const rest = m[3] ?? ''
      const span = { start: l.start + m.index, end: l.start + m.index + (m[1] ?? '').length }
      const special = /đặc biệt|cao điểm/iu.test(label)
      const dates = new RegExp(`từ\\s+(?:ngày\\s+)?${DATE}\\s+(?:đến|-|–)\\s+(?:hết\\s+)?(?:ngày\\s+)?${DATE}`, 'iu').exec(rest)
      const months = /từ\s+tháng\s+(\d{1,2})(?:\s*\/\s*(\d{4}))?\s+(?:đến|-|–)\s+(?:hết\s+)?tháng\s+(\d{1,2})(?:\s*\/\s*(\d{4})|\s+năm\s+(\d{4}))?/iu.exec(rest)
      let from: string | undefined
      let to: string | undefined
      if (dates) {
        const y2 = Number(dates[6] ?? year)
        const y1 = Number(dates[3] ?? y2)
        from = isoDate(Number(dates[1]), Number(dates[2]), y1)
        to = isoDate(Number(dates[4]), Number(dates[5]), y2)
      } else if (months) {
        const y2 = Number(months[4] ?? months[5] ?? year)
        const y1 = Number(months[2] ?? y2)
        from = isoDate(1, Number(months[1]), y1)
        to = monthEnd(Number(months[3]), y2)
      }
      if (!special && (from === undefined || to === undefined)) continue
      if (from !== undefined && to !== undefined && from > to) continue
      const code = special ? `DB${out.filter((p) => p.value.special).length + 1}` : `DOT${label.toUpperCase()}`
      if (out.some((p) => p.value.code === code)) continue
      const name = `${m[1] ?? ''}`.replace(/[:,(]\s*$/u, '').trim().slice(0, 120)
      const phase: Phase = special ? { code, name, special: true, ...(from && to ? { from, to } : {}) } : { code, name, from: from!, to: to! }
      out.push(item(`phase.${out.length}`, phase, span, special ? ['đợt đặc biệt: cán bộ mở và đóng đợt khi có sự kiện'] : [], special ? 'medium' : 'high'))
    }
  }
  return out
}
