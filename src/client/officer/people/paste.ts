// Pasted lists turned into requests, previewed before they are sent: unit names (one a line, the
// code made from the name as the server makes it) and reporters ("Họ tên — Đơn vị" a line, the
// unit found by its name or code). Pure: the screens show what these return.
import { codeFromName, pastedLines } from '../../../shared/province'
import type { UnitRow } from './api'

export interface PastedUnit {
  name: string
  /** The code the server will make from the name (codeFromName). */
  code: string
  /** `taken`: a unit already has this code; `repeated`: the same code earlier in the list. */
  note: '' | 'taken' | 'repeated'
}

/** The units a pasted list of names would add. */
export function previewUnits(text: string, existing: readonly { code: string }[]): PastedUnit[] {
  const taken = new Set(existing.map((u) => u.code.toLowerCase()))
  const seen = new Set<string>()
  return pastedLines(text).map((name) => {
    const code = codeFromName(name)
    const note = taken.has(code) ? 'taken' : seen.has(code) ? 'repeated' : ''
    seen.add(code)
    return { name, code, note }
  })
}

export interface PastedAccount {
  displayName: string
  /** The unit as written on the line. */
  unitText: string
  unit: UnitRow | null
  error: '' | 'noName' | 'noUnit' | 'unknownUnit'
}

/** Between a name and a unit: a dash with spaces around it, an em or en dash, a tab (Excel), ; or |. */
const SEPARATOR = /\s+-\s+|\s*[—–\t;|]\s*/

/**
 * The reporters of a pasted list. A unit is found by its exact name, then its code, then its name
 * without accents or the kind's word ("An Thạch" finds "Thôn An Thạch") when only one unit fits.
 */
export function parseAccountLines(text: string, units: readonly UnitRow[]): PastedAccount[] {
  const active = units.filter((u) => u.active)
  const find = (written: string): UnitRow | null => {
    const lower = written.toLocaleLowerCase('vi')
    const exact = active.find((u) => u.name.toLocaleLowerCase('vi') === lower) ?? active.find((u) => u.code.toLowerCase() === lower)
    if (exact) return exact
    const plain = codeFromName(written)
    const loose = active.filter((u) => codeFromName(u.name) === plain)
    return loose.length === 1 ? loose[0]! : null
  }
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      // Cut first (pastedLines would turn Excel's tab into a space), then drop a leading number or
      // bullet ("1. ", "- ") from the name. A line that is only "— Thôn X" (a unit still waiting
      // for its head's name) has an empty name.
      const clean = line.trim()
      const cut = SEPARATOR.exec(clean)
      const displayName = pastedLines(cut ? clean.slice(0, cut.index) : clean)[0] ?? ''
      const unitText = cut ? clean.slice(cut.index + cut[0].length).replace(/\s+/g, ' ').trim() : ''
      const unit = unitText ? find(unitText) : null
      const error = !displayName ? 'noName' : !unitText ? 'noUnit' : !unit ? 'unknownUnit' : ''
      return { displayName, unitText, unit, error }
    })
}

/** The user name the server makes for a reporter without one: `<commune>.<unit code>`. */
export function generatedUsername(commune: string, unitCode: string): string {
  return `${commune}.${unitCode}`.toLowerCase()
}
