// The plan editors check a code without valibot (officer/plan/indicatorForm.ts CODE_RE); the rule
// is the server's CodeSchema's, and this keeps the two from drifting apart.
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { CODE_RE } from '../../../src/client/officer/plan/indicatorForm'
import { CodeSchema } from '../../../src/shared/model'

describe('the plan editors\' code rule', () => {
  it('is CodeSchema\'s pattern, letter for letter', () => {
    const regex = CodeSchema.pipe.find((action) => action.type === 'regex')
    expect(regex && 'requirement' in regex ? String(regex.requirement) : '').toBe(String(CODE_RE))
  })

  it('takes and refuses what the server does', () => {
    for (const code of ['T1', 'an-thach', 'a.b_c', 'x'.repeat(40), 'x'.repeat(41), '-a', '', 'Thôn', 'a b', 'a\u0000']) {
      expect(CODE_RE.test(code), code).toBe(v.is(CodeSchema, code))
    }
  })
})
