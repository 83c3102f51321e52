// A Word document saved as RTF and opened as text (issue 13): its control words, groups and
// escapes stripped, its paragraphs one a line. One of the document forms normalize.ts runs first.
import { codePageChar } from './cp1252'

/**
 * A Word document saved as RTF and opened as text, its markup left whole or in part: "{\rtf1\ansi
 * {\fonttbl{\f0 Times New Roman;}}", "\pard\qc {\b KẾ HOẠCH}\par", "\tab - Tỷ lệ hộ nghèo giảm
 * 1,5%.\par", "{trong đó … 600 ha trở lên}", "Ph\'e1t \u273?ộng". Told by "{\rtf" or by three "\par"
 * control words at least (a backslash before a word is no plan's writing).
 */
const RTF_PAR_RE = /\\par(?![a-z])/gu
function rtfText(text: string): boolean {
  if (!text.includes('\\')) return false
  if (text.includes('{\\rtf')) return true
  RTF_PAR_RE.lastIndex = 0
  let count = 0
  while (count < 3 && RTF_PAR_RE.exec(text) !== null) count++
  return count >= 3
}
/** Groups whose words are no text of the document: the font, colour and style tables, the file's properties, pictures, headers and footers ("{\*\…}" groups too). */
const RTF_HIDDEN = new Set(['fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'object', 'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl', 'footerr', 'footerf', 'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'xmlnstbl', 'themedata', 'colorschememapping', 'latentstyles', 'datastore', 'fldinst', 'bkmkstart', 'bkmkend', 'revtbl', 'pgdsctbl', 'filetbl'])
/** Control words that stand for a character. */
const RTF_CHARACTERS: Record<string, string> = { par: '\n', line: '\n', sect: '\n', page: '\n', row: '\n', tab: '\t', cell: ' | ', emdash: '—', endash: '–', bullet: '•', lquote: '‘', rquote: '’', ldblquote: '“', rdblquote: '”', emspace: ' ', enspace: ' ', qmspace: ' ' }

/**
 * The document's text with the RTF markup gone, in one linear walk: control words ("\pard", "\qc",
 * "\fs26", each with the one space that ends it) dropped but those standing for a character ("\par"
 * a line's end, "\tab" a tab, "\endash" "–"), "\'hh" a byte of the file's code page (cp1258 when it
 * says "\ansicpg1258", else cp1252; UTF-8 bytes so read are repaired later, ./cp1252.ts), "\uN" a
 * Unicode character with the fallback after it skipped ("\uc1"), group braces dropped with the
 * groups of RESOURCE tables (RTF_HIDDEN, "{\*\…}"). A line's end after "\par" is the same end;
 * another stays, for a partly stripped copy keeps its lines. A text that only ends inside a hidden
 * group (an unclosed "{\fonttbl") is walked again with hidden groups ending at their line.
 */
export function fromRtf(text: string): string {
  if (!rtfText(text)) return text
  const vietnamese = /\\ansicpg1258(?![0-9])/u.test(text)
  const walk = (lineBound: boolean): string | undefined => {
    const out: string[] = []
    // Per open group: hidden, and how many characters a "\uN" falls back to.
    const hidden: boolean[] = []
    const fallback: number[] = []
    let hide = false
    let uc = 1
    let skip = 0
    let afterPar = false
    const emit = (t: string): void => {
      if (skip > 0) {
        skip--
        return
      }
      if (!hide) out.push(t)
    }
    const n = text.length
    let i = 0
    while (i < n) {
      const c = text[i]!
      if (c === '{') {
        hidden.push(hide)
        fallback.push(uc)
        skip = 0
        i++
        // "{\*\destination …}": a group a reader that does not know it skips.
        if (text.startsWith('\\*', i)) {
          hide = true
          i += 2
        }
        continue
      }
      if (c === '}') {
        if (hidden.length > 0) {
          hide = hidden.pop()!
          uc = fallback.pop()!
        }
        skip = 0
        i++
        continue
      }
      if (c === '\n' || c === '\r') {
        if (lineBound && hide) {
          // (The groups left open end with the line: a later "}" without its "{" is dropped.)
          hide = false
          hidden.length = 0
          fallback.length = 0
        }
        if (!afterPar && !hide) out.push('\n')
        afterPar = false
        i += c === '\r' && text[i + 1] === '\n' ? 2 : 1
        continue
      }
      if (c !== '\\') {
        if (c !== ' ' && c !== '\t') afterPar = false
        emit(c)
        i++
        continue
      }
      const d = text[i + 1]
      if (d === undefined) break
      if (/[a-z]/u.test(d)) {
        let j = i + 1
        while (j < n && j - i <= 32 && text.charCodeAt(j) >= 97 && text.charCodeAt(j) <= 122) j++
        const word = text.slice(i + 1, j)
        let k = j
        if (text[k] === '-') k++
        while (k < n && k - j <= 10 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++
        const param = k > j && text[k - 1] !== '-' ? Number(text.slice(j, k)) : undefined
        if (param === undefined) k = j
        if (text[k] === ' ') k++
        i = k
        if (word === 'u' && param !== undefined) {
          const code = param < 0 ? param + 65536 : param
          if (!hide && skip === 0) out.push(String.fromCharCode(code))
          else if (skip > 0) skip--
          skip = uc
          afterPar = false
        } else if (word === 'uc' && param !== undefined) uc = param
        else if (RTF_HIDDEN.has(word)) hide = true
        else if (word in RTF_CHARACTERS) {
          emit(RTF_CHARACTERS[word]!)
          afterPar = RTF_CHARACTERS[word] === '\n'
        }
        continue
      }
      if (d === "'" && /^[0-9a-fA-F]{2}$/u.test(text.slice(i + 2, i + 4))) {
        emit(codePageChar(Number.parseInt(text.slice(i + 2, i + 4), 16), vietnamese))
        afterPar = false
        i += 4
        continue
      }
      // "\\", "\{", "\}" the character; "\~" a no-break space, "\_" a hyphen, "\-" an optional hyphen; a backslash before a line's end is "\par".
      if (d === '\n' || d === '\r') {
        emit('\n')
        afterPar = true
        i += d === '\r' && text[i + 2] === '\n' ? 3 : 2
        continue
      }
      const symbol = d === '~' ? ' ' : d === '_' ? '-' : d === '-' || d === '*' ? '' : d
      if (symbol !== '') emit(symbol)
      afterPar = false
      i += 2
    }
    return hide && !lineBound ? undefined : out.join('')
  }
  return walk(false) ?? walk(true)!
}
