import { describe, expect, it } from 'vitest'
import { evaluateFormula, formulaRefs, parseFormula, renderFormula } from '../../src/shared/formula'

const evalStr = (src: string, vars: Record<string, number> = {}): number | undefined => {
  const p = parseFormula(src)
  if (!p.ok) throw new Error(p.message)
  return evaluateFormula(p.expr, new Map(Object.entries(vars)))
}

describe('formula', () => {
  it('follows the usual precedence, left to right', () => {
    expect(evalStr('LUA_DT * LUA_NS / 10', { LUA_DT: 229, LUA_NS: 65 })).toBe(1488.5)
    expect(evalStr('1 + 2 * 3')).toBe(7)
    expect(evalStr('(1 + 2) * 3')).toBe(9)
    expect(evalStr('10 - 4 - 3')).toBe(3)
    expect(evalStr('-A + 5', { A: 2 })).toBe(3)
    expect(evalStr('2.5 * A', { A: 2 })).toBe(5)
  })
  it('lists the indicators it reads', () => {
    const p = parseFormula('GT_NN + GT_CN + GT_NN')
    expect(p.ok && formulaRefs(p.expr)).toEqual(['GT_NN', 'GT_CN'])
  })
  it.each([
    ['', 'trống'],
    ['A +', 'kết thúc'],
    ['(A + B', ')'],
    ['A B', 'thừa'],
    ['A $ B', 'ký tự'],
    ['* A', '*'],
  ])('rejects %j with a reason', (src, fragment) => {
    const p = parseFormula(src)
    expect(p.ok).toBe(false)
    if (!p.ok) expect(p.message).toContain(fragment)
  })
  it('gives no figure for a missing input or a division by zero', () => {
    expect(evalStr('A / B', { A: 1 })).toBeUndefined()
    expect(evalStr('A / B', { A: 1, B: 0 })).toBeUndefined()
  })
})

describe('renderFormula', () => {
  const render = (src: string): string => {
    const p = parseFormula(src)
    if (!p.ok) throw new Error(p.message)
    return renderFormula(p.expr, (c) => c.toLowerCase(), (x) => String(x).replace('.', ','))
  }
  it('writes operators as people do and keeps only the parentheses that matter', () => {
    expect(render('LUA_SL * 10 / LUA_DT')).toBe('lua_sl × 10 ÷ lua_dt')
    expect(render('(A + B) * 2.5')).toBe('(a + b) × 2,5')
    expect(render('A - (B - C)')).toBe('a − (b − c)')
    expect(render('A - B - C')).toBe('a − b − c')
    expect(render('A / (B * C)')).toBe('a ÷ (b × c)')
  })
})
