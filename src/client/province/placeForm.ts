// The name, the code and the official code (mã ĐVHC) of a province or a commune being added,
// checked as the server's schemas check them: one check for both forms.
import * as v from 'valibot'
import { CodeSchema } from '../../shared/model'

export interface PlaceErrors {
  name: string
  code: string
  adminCode: string
}

/**
 * The draft's fields trimmed, and each one's error ('' when it is fine): a name is required, the
 * code follows CodeSchema, the official code is optional or follows `adminCode` (2 digits for a
 * province, 5 for a commune). `ok` when none has an error.
 */
export function checkPlace(
  draft: { name: string; code: string; adminCode: string },
  adminCode: v.GenericSchema<string>,
  words: PlaceErrors,
): { name: string; code: string; adminCode: string; errors: PlaceErrors; ok: boolean } {
  const name = draft.name.trim()
  const code = draft.code.trim()
  const admin = draft.adminCode.trim()
  const errors: PlaceErrors = {
    name: name ? '' : words.name,
    code: v.is(CodeSchema, code) ? '' : words.code,
    adminCode: admin === '' || v.is(adminCode, admin) ? '' : words.adminCode,
  }
  return { name, code, adminCode: admin, errors, ok: !errors.name && !errors.code && !errors.adminCode }
}
