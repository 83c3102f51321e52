// A tiny arithmetic language for derived indicators and declared equalities:
// `LUA_DT * LUA_NS / 10`, `LUA_SL + NGO_SL`, `(A - B) / A * 100`.
// Identifiers are indicator codes; the parser is total (errors are values, never throws).

export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'ref'; code: string }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr }
  | { kind: 'neg'; arg: Expr }

export type ParseFormulaResult = { ok: true; expr: Expr } | { ok: false; message: string; at: number }

type Token =
  | { t: 'num'; value: number; at: number }
  | { t: 'ref'; code: string; at: number }
  | { t: 'op'; op: '+' | '-' | '*' | '/' | '(' | ')'; at: number }

function tokenize(src: string): Token[] | { message: string; at: number } {
  const tokens: Token[] = []
  const re = /\s*(?:(\d+(?:\.\d+)?)|([A-Za-z][A-Za-z0-9._-]*)|([-+*/()]))/y
  let pos = 0
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break
    re.lastIndex = pos
    const m = re.exec(src)
    if (!m) return { message: `ký tự không hợp lệ “${src.slice(pos).trim()[0]}”`, at: pos }
    const at = m.index + m[0].length - (m[1] ?? m[2] ?? m[3] ?? '').length
    if (m[1] !== undefined) tokens.push({ t: 'num', value: Number(m[1]), at })
    else if (m[2] !== undefined) tokens.push({ t: 'ref', code: m[2], at })
    else tokens.push({ t: 'op', op: m[3] as '+', at })
    pos = re.lastIndex
  }
  return tokens
}

/** Parses with the usual precedence: `*` `/` bind tighter than `+` `-`, left to right. */
export function parseFormula(src: string): ParseFormulaResult {
  const tokens = tokenize(src)
  if (!Array.isArray(tokens)) return { ok: false, ...tokens }
  let i = 0
  const fail = (message: string): never => {
    throw new FormulaSyntaxError(message, tokens[i]?.at ?? src.length)
  }
  const peekOp = (): string | undefined => {
    const tok = tokens[i]
    return tok?.t === 'op' ? tok.op : undefined
  }
  const primary = (): Expr => {
    const tok = tokens[i]
    if (!tok) return fail('công thức kết thúc đột ngột')
    i++
    if (tok.t === 'num') return { kind: 'num', value: tok.value }
    if (tok.t === 'ref') return { kind: 'ref', code: tok.code }
    if (tok.op === '-') return { kind: 'neg', arg: primary() }
    if (tok.op === '(') {
      const inner = sum()
      if (peekOp() !== ')') fail('thiếu dấu “)”')
      i++
      return inner
    }
    i--
    return fail(`không mong đợi “${tok.op}”`)
  }
  const product = (): Expr => {
    let left = primary()
    for (let op = peekOp(); op === '*' || op === '/'; op = peekOp()) {
      i++
      left = { kind: 'bin', op, left, right: primary() }
    }
    return left
  }
  const sum = (): Expr => {
    let left = product()
    for (let op = peekOp(); op === '+' || op === '-'; op = peekOp()) {
      i++
      left = { kind: 'bin', op, left, right: product() }
    }
    return left
  }
  try {
    if (tokens.length === 0) fail('công thức trống')
    const expr = sum()
    if (i < tokens.length) fail('thừa ký tự sau công thức')
    return { ok: true, expr }
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return { ok: false, message: e.message, at: e.at }
    throw e
  }
}

class FormulaSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message)
  }
}

/** Indicator codes the expression reads, each once, in order of appearance. */
export function formulaRefs(expr: Expr): string[] {
  const out: string[] = []
  const walk = (e: Expr): void => {
    if (e.kind === 'ref') {
      if (!out.includes(e.code)) out.push(e.code)
    } else if (e.kind === 'bin') {
      walk(e.left)
      walk(e.right)
    } else if (e.kind === 'neg') walk(e.arg)
  }
  walk(expr)
  return out
}

/**
 * Evaluates with the given values. Returns undefined when an input is missing or a division
 * by zero occurs: a derived figure that cannot be computed is absent, never 0 or NaN.
 */
export function evaluateFormula(expr: Expr, values: ReadonlyMap<string, number>): number | undefined {
  switch (expr.kind) {
    case 'num':
      return expr.value
    case 'ref':
      return values.get(expr.code)
    case 'neg': {
      const a = evaluateFormula(expr.arg, values)
      return a === undefined ? undefined : -a
    }
    case 'bin': {
      const a = evaluateFormula(expr.left, values)
      const b = evaluateFormula(expr.right, values)
      if (a === undefined || b === undefined) return undefined
      if (expr.op === '+') return a + b
      if (expr.op === '-') return a - b
      if (expr.op === '*') return a * b
      return b === 0 ? undefined : a / b
    }
  }
}

const OP_TEXT = { '+': '+', '-': '−', '*': '×', '/': '÷' } as const
const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2 } as const

/**
 * Writes an expression for people: `Sản lượng lúa (1.448,5) × 10 ÷ Diện tích lúa (229)`.
 * `label` names an indicator code (and may add its figure); numbers go through `num`.
 */
export function renderFormula(expr: Expr, label: (code: string) => string, num: (x: number) => string): string {
  const go = (e: Expr, parent: number, right: boolean): string => {
    if (e.kind === 'num') return num(e.value)
    if (e.kind === 'ref') return label(e.code)
    if (e.kind === 'neg') return `−${go(e.arg, 3, false)}`
    const p = PRECEDENCE[e.op]
    const text = `${go(e.left, p, false)} ${OP_TEXT[e.op]} ${go(e.right, p, true)}`
    return p < parent || (right && p === parent) ? `(${text})` : text
  }
  return go(expr, 0, false)
}
