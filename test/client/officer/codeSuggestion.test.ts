import { describe, expect, it } from 'vitest'
import { suggestedCode } from '../../../src/client/officer/plan/indicatorForm'

describe('the indicator form’s suggestion', () => {
  it('is offered while the code box is empty and a name is typed, unique within the plan', () => {
    expect(suggestedCode({ code: '', name: 'Sản lượng lúa' }, ['SAN_LUONG_LUA'])).toBe('SAN_LUONG_LUA_2')
    expect(suggestedCode({ code: 'LUA_SL', name: 'Sản lượng lúa' }, [])).toBeUndefined()
    expect(suggestedCode({ code: '', name: '  ' }, [])).toBeUndefined()
  })
})
