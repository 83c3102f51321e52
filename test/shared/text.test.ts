import { readdirSync, readFileSync } from 'node:fs'
import * as fc from 'fast-check'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { CodeSchema, IndicatorSchema, PlanSchema } from '../../src/shared/model'
import { SeedAccountSchema } from '../../src/shared/planFile'
import { MutationSchema, PullQuerySchema } from '../../src/shared/protocol'
import { nestingDepth, TextSchema, UNSTORABLE_TEXT_MESSAGE, unstorableReason } from '../../src/shared/text'

describe('text PostgreSQL can store', () => {
  it.each([
    ['a\u0000b', false],
    ['\ud800', false],
    ['x\udfffy', false],
    ['\udc00\ud800', false],
    ['Thôn 1 – 😀', true],
    ['', true],
    ['\ud83d\ude00', true],
  ])('%j storable: %s', (s, ok) => {
    expect(unstorableReason(s) === undefined).toBe(ok)
    expect(v.safeParse(TextSchema, s).success).toBe(ok)
  })

  it('agrees with a UTF-8 round trip for any string (a lone surrogate does not survive it), apart from NUL', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const roundTrips = new TextDecoder().decode(new TextEncoder().encode(s)) === s && !s.includes('\u0000')
        expect(unstorableReason(s) === undefined).toBe(roundTrips)
      }),
      { numRuns: 500 },
    )
  })

  it('is applied by the shared schemas, with a Vietnamese message', () => {
    const mutation = { kind: 'value', mutationId: 'm-12345678', deviceId: 'dev-12345678', unit: 'T1', period: '2024-Q1', indicator: 'X', value: null, baseVersion: 0, clientTime: '2024-04-02T03:04:05.000Z' }
    expect(v.safeParse(MutationSchema, mutation).success).toBe(true)
    for (const note of ['a\u0000b', '\ud800']) {
      const r = v.safeParse(MutationSchema, { ...mutation, note })
      expect(r.success).toBe(false)
      expect(r.issues?.[0]?.message).toBe(UNSTORABLE_TEXT_MESSAGE)
    }
    expect(v.safeParse(MutationSchema, { ...mutation, value: { kind: 'yes_no', achieved: true, note: '\ud800' } }).success).toBe(false)
    expect(v.safeParse(CodeSchema, 'T\u0000').success).toBe(false)
    expect(v.safeParse(SeedAccountSchema.entries.displayName, 'An\ud800').success).toBe(false)
    expect(v.safeParse(IndicatorSchema.entries.source, 'nguồn\u0000').success).toBe(false)
    expect(v.safeParse(PlanSchema.entries.title, 'Kế hoạch\udc00').success).toBe(false)
    expect(v.safeParse(PullQuerySchema, { cursor: '1\u0000' }).success).toBe(false)
  })

  it('measures nesting without recursion', () => {
    let deep: unknown = 0
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(nestingDepth(deep)).toBe(100_000)
    expect(nestingDepth(deep, 40)).toBe(41)
    expect(nestingDepth('x')).toBe(0)
    expect(nestingDepth({ a: [] })).toBe(2)
  })
})

describe('every string the API accepts goes through the check', () => {
  // The class guard: a schema written later with a bare v.string() would let NUL or a lone
  // surrogate through to PostgreSQL. Only text.ts builds on v.string(); responses.ts checks the
  // server's answers on the phone, not input.
  const EXEMPT = new Set(['src/shared/text.ts', 'src/shared/responses.ts'])
  const files = ['src/shared', 'src/server'].flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `${dir}/${f}`),
  )

  it('finds the schema files', () => {
    expect(files).toContain('src/shared/model.ts')
    expect(files).toContain('src/server/routes/users.ts')
  })

  it.each(files.filter((f) => !EXEMPT.has(f)))('%s has no bare v.string()', (file) => {
    const bare = readFileSync(file, 'utf8')
      .split('\n')
      .map((line, i) => [i + 1, line] as const)
      .filter(([, line]) => /\bv\.string\(/.test(line))
    expect(bare.map(([n, line]) => `${file}:${n}: ${line.trim()} (use TextSchema from shared/text.ts)`)).toEqual([])
  })
})
