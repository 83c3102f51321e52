// The province deployment's request schemas: provinces, communes created and merged by the
// province, accounts created in bulk with one-time enrolment links, units pasted as a list.
// Parsed by the server's routes; the workspace's forms check the same rules before sending.
import * as v from 'valibot'
import { TextSchema } from './text'
import { CodeSchema, CommuneAdminCodeSchema, CommuneKindSchema, NonEmpty, PASSWORD_MIN, ProvinceAdminCodeSchema, UnitKindSchema, USERNAME_PATTERN } from './model'
import { DeviceIdSchema } from './protocol'
import { codeFromName } from './codes'

/** The one name → code rule lives in shared/codes.ts. */
export { codeFromName }

/** Sign-in is case-blind, so user names are stored lower-cased. */
export const UsernameSchema = v.pipe(
  TextSchema,
  v.trim(),
  v.toLowerCase(),
  v.regex(USERNAME_PATTERN, 'tên đăng nhập gồm 3–40 chữ thường không dấu, số, ., _ hoặc -'),
)

/** `Tỉnh Quảng Ngãi` → `quang-ngai`: a province's code from its name, the word of its kind dropped. */
export function provinceCodeOf(name: string): string {
  return codeFromName(name.replace(/^\s*(tỉnh|thành phố|tp\.?)\s+/iu, ''))
}

/** `Xã Phổ Thuận` → `pho-thuan`: a commune's code from its name, the word of its kind dropped. */
export function communeCodeOf(name: string): string {
  return codeFromName(name.replace(/^\s*(xã|phường|đặc khu|thị trấn)\s+/iu, ''))
}

/**
 * The code a new unit gets from its name: `codeFromName`, numbered on (`an-thach-2`) while a code
 * is taken (lower-cased in `taken`), which it then joins.
 */
export function freeUnitCode(name: string, taken: Set<string>): string {
  const base = codeFromName(name)
  let code = base
  for (let n = 2; taken.has(code.toLowerCase()); n++) code = `${base.slice(0, 36)}-${n}`
  taken.add(code.toLowerCase())
  return code
}

/**
 * The user name a reporter created from a pasted list gets when the line names none: the
 * commune's code and the unit's, `phothuan.an-thach` (the server makes it, the preview shows it).
 */
export function defaultUsername(communeCode: string, unitOrName: string): string {
  return `${communeCode}.${codeFromName(unitOrName)}`.toLowerCase().replace(/[^a-z0-9._-]/g, '-').slice(0, 40)
}

/** A password, or a village head's PIN of at least 6 digits. */
export const PasswordSchema = v.pipe(TextSchema, v.minLength(PASSWORD_MIN, `mật khẩu hoặc mã PIN cần ít nhất ${PASSWORD_MIN} ký tự`), v.maxLength(200, 'mật khẩu tối đa 200 ký tự'))

/** How long an enrolment link lives, by purpose: a head's slip a week, an administrator's link a day. */
export const ENROLMENT_DAYS = { enrol: 7, password: 1 } as const
export type EnrolmentPurpose = keyof typeof ENROLMENT_DAYS

/** The client route an enrolment link opens; the token follows it. */
export const ENROLMENT_PATH = '/kich-hoat/'

/** Bulk requests are bounded: a commune has tens of units, a few hundred accounts at most. */
export const MAX_BULK = 500

/** POST /api/provinces (system administrator). */
export const NewProvinceSchema = v.object({
  code: CodeSchema,
  name: NonEmpty(120),
  adminCode: v.optional(ProvinceAdminCodeSchema),
})
export type NewProvince = v.InferOutput<typeof NewProvinceSchema>

/** POST /api/provinces/:province/communes. */
export const NewCommuneSchema = v.object({
  code: CodeSchema,
  name: NonEmpty(120),
  kind: CommuneKindSchema,
  adminCode: v.optional(CommuneAdminCodeSchema),
  /** Only for a commune whose plans predate the July 2025 reform. */
  district: v.optional(NonEmpty(120)),
})
export type NewCommune = v.InferOutput<typeof NewCommuneSchema>

/** POST /api/communes/:commune/merge: the commune is merged into `into` of the same province. */
export const MergeCommuneSchema = v.object({ into: CodeSchema })

/** Roles a commune account may hold. */
export const CommuneRoleSchema = v.picklist(['reporter', 'officer', 'leader'])

/**
 * POST /api/communes/:commune/users and /api/provinces/:province/users. Without a password the
 * account gets a one-time enrolment link instead: its owner sets the password (a head: a PIN).
 */
export const NewAccountSchema = v.object({
  username: UsernameSchema,
  displayName: NonEmpty(120),
  role: v.picklist(['reporter', 'officer', 'leader', 'province_admin', 'province_viewer']),
  units: v.optional(v.pipe(v.array(CodeSchema), v.maxLength(MAX_BULK)), []),
  password: v.optional(PasswordSchema),
})
export type NewAccount = v.InferOutput<typeof NewAccountSchema>

/**
 * POST /api/communes/:commune/users/bulk: reporters from a pasted list, one per unit line. A
 * missing user name is made from the commune's code and the unit's code (`phothuan.anthach`).
 */
export const BulkAccountsSchema = v.object({
  accounts: v.pipe(
    v.array(
      v.object({
        username: v.optional(UsernameSchema),
        displayName: NonEmpty(120),
        role: v.optional(CommuneRoleSchema, 'reporter'),
        units: v.pipe(v.array(CodeSchema), v.maxLength(50)),
      }),
    ),
    v.minLength(1, 'danh sách tài khoản trống'),
    v.maxLength(MAX_BULK, `tối đa ${MAX_BULK} tài khoản một lần`),
  ),
})
export type BulkAccounts = v.InferOutput<typeof BulkAccountsSchema>

/** POST /api/communes/:commune/units/bulk: units from a pasted list of names, all of one kind. */
export const BulkUnitsSchema = v.object({
  kind: UnitKindSchema,
  parent: v.optional(CodeSchema),
  names: v.pipe(v.array(NonEmpty(120)), v.minLength(1, 'danh sách đơn vị trống'), v.maxLength(MAX_BULK, `tối đa ${MAX_BULK} đơn vị một lần`)),
})
export type BulkUnits = v.InferOutput<typeof BulkUnitsSchema>

/** POST /api/enrolments/:token: the owner sets their password or PIN and is signed in. */
export const EnrolSchema = v.object({
  password: PasswordSchema,
  deviceId: v.optional(DeviceIdSchema),
})

/** An enrolment token in a path: 43 base64url characters (32 random bytes). */
export const EnrolmentTokenSchema = v.pipe(TextSchema, v.regex(/^[A-Za-z0-9_-]{43}$/, 'mã kích hoạt không hợp lệ'))

/** A pasted list: one name a line, bullets, numbering and blank lines dropped ("1. Thôn An Thạch"). */
export function pastedLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(?:[-*•+]|\d{1,3}[.)]|[a-zđ][.)])\s+/iu, '').replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '')
}

