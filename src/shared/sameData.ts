// One structural equality for plain data, used wherever a row read back is compared with the
// one about to be written or shown (the entry sheet's unchanged rows, the sync's unchanged pulled rows).

/** Structural equality of plain data (objects, arrays, primitives), as read from IndexedDB or a JSON answer. */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]))
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false
  if (a instanceof Map) return b instanceof Map && a.size === b.size && [...a].every(([k, v]) => b.has(k) && sameData(v, b.get(k)))
  const ka = Object.keys(a)
  const rb = b as Record<string, unknown>
  return ka.length === Object.keys(b).length && ka.every((k) => k in rb && sameData((a as Record<string, unknown>)[k], rb[k]))
}
