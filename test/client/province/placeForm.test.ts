// The check both "add a province" and "add a commune" run: a name, a code by CodeSchema, and an
// official code that is optional or has the province's 2 or the commune's 5 digits.
import { describe, expect, it } from 'vitest'
import { checkPlace } from '../../../src/client/province/placeForm'
import { CommuneAdminCodeSchema, ProvinceAdminCodeSchema } from '../../../src/shared/model'

const words = { name: 'name', code: 'code', adminCode: 'admin' }

describe('checkPlace', () => {
  it('trims the fields and takes an empty official code', () => {
    expect(checkPlace({ name: ' Xã Phổ Thuận ', code: ' pho-thuan ', adminCode: ' ' }, CommuneAdminCodeSchema, words)).toEqual({
      name: 'Xã Phổ Thuận',
      code: 'pho-thuan',
      adminCode: '',
      errors: { name: '', code: '', adminCode: '' },
      ok: true,
    })
  })

  it('says what is wrong, field by field', () => {
    const r = checkPlace({ name: '  ', code: 'phổ thuận', adminCode: '123' }, CommuneAdminCodeSchema, words)
    expect(r.errors).toEqual({ name: 'name', code: 'code', adminCode: 'admin' })
    expect(r.ok).toBe(false)
  })

  it('checks the official code by the schema it is given', () => {
    expect(checkPlace({ name: 'Quảng Ngãi', code: 'quang-ngai', adminCode: '51' }, ProvinceAdminCodeSchema, words).ok).toBe(true)
    expect(checkPlace({ name: 'Quảng Ngãi', code: 'quang-ngai', adminCode: '51' }, CommuneAdminCodeSchema, words).ok).toBe(false)
  })
})
