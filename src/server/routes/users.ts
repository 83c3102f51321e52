// The officer's account management: list the commune's accounts and their devices, create an
// account, rename, re-assign or (de)activate one, reset its password.
// Parse → authorise → delegate to db/users.ts (hashing with auth/passwords.ts first).
import type { FastifyInstance } from 'fastify'
import * as v from 'valibot'
import { TextSchema } from '../../shared/text'
import { CodeSchema, RoleSchema } from '../../shared/model'
import { SeedAccountSchema } from '../../shared/planFile'
import { hashPassword } from '../auth/passwords'
import { communeOf, requireManager } from '../auth/plugin'
import type { Db } from '../db/types'
import { createAccount, listAccounts, resetPassword, updateAccount } from '../db/users'
import { forbidden, parseWith } from '../errors'

/** Sign-in is case-blind (auth/login.ts lowercases), so names are stored lowercased. */
const UsernameSchema = v.pipe(TextSchema, v.trim(), v.toLowerCase(), SeedAccountSchema.entries.username)
const PasswordSchema = v.pipe(TextSchema, v.minLength(6, 'mật khẩu hoặc mã PIN cần ít nhất 6 ký tự'), v.maxLength(200, 'mật khẩu tối đa 200 ký tự'))

const NewAccountSchema = v.object({
  username: UsernameSchema,
  displayName: SeedAccountSchema.entries.displayName,
  role: RoleSchema,
  units: v.optional(v.array(CodeSchema), []),
  password: PasswordSchema,
})
const AccountChangeSchema = v.pipe(
  v.object({
    displayName: v.optional(SeedAccountSchema.entries.displayName),
    units: v.optional(v.array(CodeSchema)),
    active: v.optional(v.boolean()),
  }),
  v.check((c) => c.displayName !== undefined || c.units !== undefined || c.active !== undefined, 'không có gì để thay đổi'),
)
const NewPasswordSchema = v.object({ password: PasswordSchema })

type Params = { commune: string; username: string }

export function userRoutes(app: FastifyInstance, { db, clock }: { db: Db; clock: () => Date }): void {
  app.get<{ Params: Pick<Params, 'commune'> }>('/communes/:commune/users', async (req) => {
    const actor = requireManager(req)
    const commune = await communeOf(db, actor, req.params.commune)
    return listAccounts(db, commune.id)
  })

  app.post<{ Params: Pick<Params, 'commune'> }>('/communes/:commune/users', async (req, reply) => {
    const actor = requireManager(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const { password, ...input } = parseWith(NewAccountSchema, req.body, 'Tài khoản')
    if (input.role === 'admin') throw forbidden('Không thể tạo tài khoản quản trị hệ thống từ một xã/phường')
    const result = await createAccount(db, actor, commune.id, { ...input, role: input.role }, await hashPassword(password), clock())
    return reply.code(201).send(result)
  })

  app.patch<{ Params: Params }>('/communes/:commune/users/:username', async (req) => {
    const actor = requireManager(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const change = parseWith(AccountChangeSchema, req.body, 'Thay đổi tài khoản')
    return updateAccount(db, actor, commune.id, req.params.username.toLowerCase(), change, clock())
  })

  app.post<{ Params: Params }>('/communes/:commune/users/:username/password', async (req) => {
    const actor = requireManager(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const { password } = parseWith(NewPasswordSchema, req.body, 'Mật khẩu mới')
    return resetPassword(db, actor, commune.id, req.params.username.toLowerCase(), await hashPassword(password), clock())
  })
}
