// Codes made from Vietnamese names, one rule: the name's letters without their marks (đ → d),
// its words joined. A unit's code is lower case with hyphens ("Thôn An Thạch" → "an-thach", the
// kind's word dropped); an indicator's is upper case with underscores ("Sản lượng lúa" →
// "SAN_LUONG_LUA"). Both fit CodeSchema (letters, digits, . _ -, at most 40). Pure, no imports,
// so any chunk may carry it.

/** The name in lower case without its marks: "Sản lượng lúa" → "san luong lua". */
export function foldMarks(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
}

/** The name's words in plain lower-case ASCII: "Sản lượng lúa (tấn)" → ["san", "luong", "lua", "tan"]. */
export function plainWords(name: string): string[] {
  return foldMarks(name)
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
}

/** Words joined by `sep` up to `max` characters, cut at a word where one fits. */
function joinWithin(words: readonly string[], sep: string, max: number): string {
  let out = ''
  for (const w of words) {
    const next = out === '' ? w : `${out}${sep}${w}`
    if (next.length > max) return out === '' ? w.slice(0, max) : out
    out = next
  }
  return out
}

const UNIT_KIND_WORDS = /^(thon|to dan pho|to|khom|ap|ban|xom|khu pho|khu)\s+/

/** A unit's code from its name: "Thôn An Thạch" → "an-thach" (the unit kind's word dropped); "dv" for a name of no letters. */
export function codeFromName(name: string): string {
  const plain = foldMarks(name).replace(UNIT_KIND_WORDS, '')
  const code = plain.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40)
  return code === '' ? 'dv' : code
}

/**
 * The code an indicator of the plan is offered from its name: "Sản lượng lúa" → "SAN_LUONG_LUA",
 * numbered on ("SAN_LUONG_LUA_2") while the plan has it (`taken`, compared case-blind). A name of
 * no letters gives "CT" ("chỉ tiêu").
 */
export function indicatorCodeFromName(name: string, taken: Iterable<string> = []): string {
  const used = new Set([...taken].map((c) => c.toUpperCase()))
  const base = joinWithin(plainWords(name), '_', 36).toUpperCase() || 'CT'
  let code = base
  for (let n = 2; used.has(code); n++) code = `${base}_${n}`
  return code
}
