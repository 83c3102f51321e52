// Pasted lists turned into requests, previewed before they are sent: unit names (one a line, the
// code made from the name as the server makes it) and reporters ("Họ tên — Đơn vị" a line, the
// unit found by its name or code). Pure: the screens show what these return.
import * as v from 'valibot'
import { codeFromName, defaultUsername, pastedLines, UsernameSchema } from '../../../shared/province'
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
  /** A user name written in a third column; empty: the server makes one (defaultUsername). */
  username: string
  /** The user name the account will have, as far as the line tells (empty when it cannot). */
  effectiveUsername: string
  /** For `duplicate`: the (1-based) line that already has the same user name. */
  duplicateOf: number
  error: '' | 'noName' | 'noUnit' | 'unknownUnit' | 'badUsername' | 'duplicate'
}

/** Between a name, a unit and a user name: a dash with spaces around it, an em or en dash, a tab (Excel), ; or |. */
const SEPARATOR = /\s+-\s+|\s*[—–\t;|]\s*/

/**
 * The reporters of a pasted list. A unit is found by its exact name, then its code, then its name
 * without accents or the kind's word ("An Thạch" finds "Thôn An Thạch") when only one unit fits.
 * A third column gives the user name, needed when two people report for one unit: the server's
 * own name (`<commune>.<unit>`) would be the same for both.
 */
export function parseAccountLines(text: string, units: readonly UnitRow[], commune: string): PastedAccount[] {
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
      const rest = cut ? clean.slice(cut.index + cut[0].length) : ''
      const cut2 = SEPARATOR.exec(rest)
      const unitText = (cut2 ? rest.slice(0, cut2.index) : rest).replace(/\s+/g, ' ').trim()
      const username = cut2 ? rest.slice(cut2.index + cut2[0].length).trim().toLowerCase() : ''
      const unit = unitText ? find(unitText) : null
      const error: PastedAccount['error'] = !displayName ? 'noName' : !unitText ? 'noUnit' : !unit ? 'unknownUnit' : username && !v.is(UsernameSchema, username) ? 'badUsername' : ''
      const effectiveUsername = username || (unit ? defaultUsername(commune, unit.code) : '')
      return { displayName, unitText, unit, username, effectiveUsername, duplicateOf: 0, error }
    })
    .map((row, i, rows) => {
      const first = row.effectiveUsername ? rows.findIndex((r) => r.effectiveUsername === row.effectiveUsername) : i
      return first < i && row.error === '' ? { ...row, error: 'duplicate' as const, duplicateOf: first + 1 } : row
    })
}
