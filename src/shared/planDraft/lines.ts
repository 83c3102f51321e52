// Line-level pieces every document form of the plan drafter's normalisation shares (issue 13):
// the structure a plan's lines open with, a page's number and footer, the letters a list runs
// through. normalize.ts and each form's module (html.ts, rtf.ts, textTables.ts, …) build on them;
// this module imports none of them, so the forms never import normalize.ts back.

/** A name or a line with its first letter in capitals ("tỷ lệ …" → "Tỷ lệ …"). */
export const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)
/** A word that a capital only opened ("Diện tích …" → "diện tích …"), not an abbreviation or a name in capitals ("VietGAP", "HTX"). */
export const lowerFirst = (s: string): string => (/^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s)

/** Adds `items` to the end of `out` one by one: a spread into push() passes each as an argument, and a text of hundreds of thousands of lines overflows the call stack. */
export function append<T>(out: T[], items: readonly T[]): void {
  for (const item of items) out.push(item)
}
/**
 * A line that opens a structural unit: a numbered or lettered heading, a bullet, a table row. A
 * hand-typed slash stands for the point after a roman numeral, an item's number or a letter ("I/", "2/", "2.1/", "b/").
 */
export const STRUCTURE_RE = /^(?:[IVXLC]{1,6}[.)/]\s|\d{1,2}(?:\.\d{1,2}){0,3}[.)]\s|\d{1,2}(?:\.\d{1,2}){0,3}\/\s|\d{1,2}(?:\.\d{1,2}){1,3}\s|[a-zđ][)./]\s|- |\|)/

/** The letters that may follow each of a list's letters: the next in the Vietnamese alphabet ("d)" then "đ)", "e)" then "g)") or in the Latin one ("d)" then "e)", "e)" then "f)"). */
const VIETNAMESE_SKIPS: Record<string, string> = { d: 'đ', e: 'g', i: 'k', v: 'x' }
export const NEXT_LETTERS: Record<string, string> = { đ: 'e', ...Object.fromEntries([...'abcdefghijklmnopqrstuvwxy'].map((l, i) => [l, `${'abcdefghijklmnopqrstuvwxyz'[i + 1]!}${VIETNAMESE_SKIPS[l] ?? ''}`])) }

export const PAGE_NUMBER_RE = /^(?:(?:trang|page)\s*)?[-–]?\s*\d{1,3}\s*(?:\/\s*\d{1,3})?\s*[-–]?$/i
/**
 * A running footer whose page number follows a dash ("KH số 18/KH-UBND – Trang 1", "Kế hoạch thi đua
 * năm 2026 - Trang 2/3"), or a bar as a program's export writes it ("[QLVB v4.2] 125_KH-UBND.txt |
 * Trang 2/3"): a short line, never a target. (Each quantifier stands between fixed
 * characters or at the line's end: no nested repetition to backtrack over.)
 */
export const PAGE_FOOTER_RE = /^\S.{0,100}\s[-–—|]\s*(?:trang|page)\s+\d{1,3}(?:\s*\/\s*\d{1,3})?$/iu

/** The first heading of a numbered table: "TT", "STT", "Số TT". */
export const ROW_NUMBER_HEADING_RE = /^\s*(?:s[ốo]\s*tt|stt|tt)\s*$/iu

/** What opens an item of a list: a bullet, a number or a letter and its mark ("- ", "2. ", "b) "). */
export const ITEM_OPENING_RE = /^(?:[-+•*–]\s+\S|(?:\d{1,2}|[a-zđ]|[IVX]{1,4})[.)]\s+\p{L})/u
