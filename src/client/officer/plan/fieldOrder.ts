// The plan's fields in tree order (each under its parent), for lists and choices. Pure.
import type { Field } from '../../../shared/model'

export interface FieldOption {
  code: string
  /** Indented by depth, with the code: "— 2.a Giáo dục". */
  label: string
  depth: number
  field: Field
}

/** Fields parent first, children right after; one whose parent is missing or loops comes at the top. */
export function fieldOptions(fields: readonly Field[]): FieldOption[] {
  const codes = new Set(fields.map((f) => f.code))
  const out: FieldOption[] = []
  const placed = new Set<string>()
  const visit = (f: Field, depth: number): void => {
    if (placed.has(f.code)) return
    placed.add(f.code)
    out.push({ code: f.code, label: `${'— '.repeat(depth)}${f.code} ${f.name}`, depth, field: f })
    for (const c of fields) if (c.parent === f.code) visit(c, depth + 1)
  }
  for (const f of fields) if (f.parent === undefined || !codes.has(f.parent)) visit(f, 0)
  // Fields caught in a parent loop never hang from a root: list them at the top so none is lost.
  for (const f of fields) visit(f, 0)
  return out
}

/** The field and every field under it, however deep: what a field may not be moved under. */
export function fieldAndDescendants(fields: readonly Field[], code: string): Set<string> {
  const out = new Set([code])
  for (let grew = true; grew; ) {
    grew = false
    for (const f of fields) {
      if (f.parent !== undefined && out.has(f.parent) && !out.has(f.code)) {
        out.add(f.code)
        grew = true
      }
    }
  }
  return out
}
