// The officer's account management: list the commune's accounts and their devices, create an
// account, rename, re-assign or (de)activate one, reset its password.
// Parse → authorise → delegate to db/users.ts (hashing with auth/passwords.ts first).
import type { FastifyInstance, FastifyRequest } from 'fastify'
import * as v from 'valibot'
import { CodeSchema, type Role } from '../../shared/model'
import { BulkAccountsSchema, NewAccountSchema, PasswordSchema, UsernameSchema } from '../../shared/province'
import { canAdministerProvince, canManage, type Actor } from '../auth/actor'
import { hashPassword } from '../auth/passwords'
import { communeOf, requireActor } from '../auth/plugin'
import type { Db } from '../db/types'
import { createAccount, createAccounts, listAccounts, reissueEnrolment, resetPassword, roleOf, updateAccount } from '../db/users'
import { forbidden, HttpError, notFound, parseWith, say } from '../errors'

const DisplayNameSchema = NewAccountSchema.entries.displayName
const AccountChangeSchema = v.pipe(
  v.object({
    displayName: v.optional(DisplayNameSchema),
    units: v.optional(v.array(CodeSchema)),
    active: v.optional(v.boolean()),
  }),
  v.check((c) => c.displayName !== undefined || c.units !== undefined || c.active !== undefined, 'không có gì để thay đổi'),
)
const NewPasswordSchema = v.object({ password: PasswordSchema })

type Params = { commune: string; username: string }

/** Accounts the province administrator hands out and looks after: a commune's officers and leaders. */
const PROVINCE_MANAGED: readonly Role[] = ['officer', 'leader']

/**
 * Who looks after a commune's accounts: its officers (and the system administrator) all of them;
 * the province's administrator its officers and leaders only.
 */
async function accountManager(db: Db, req: FastifyRequest<{ Params: { commune: string } }>): Promise<{ actor: Actor; commune: Awaited<ReturnType<typeof communeOf>>; province: boolean }> {
  const actor = requireActor(req)
  const commune = await communeOf(db, actor, req.params.commune)
  if (canManage(actor)) return { actor, commune, province: false }
  if (canAdministerProvince(actor, commune.provinceId)) return { actor, commune, province: true }
  throw forbidden()
}

function requireProvinceManaged(role: Role | undefined): void {
  if (role !== undefined && !PROVINCE_MANAGED.includes(role)) throw forbidden(say('province_manages_commune_accounts'))
}

async function targetRole(db: Db, communeId: number, username: string): Promise<Role> {
  const role = await roleOf(db, communeId, username)
  if (role === undefined) throw notFound(say('user_not_found', { username }))
  return role
}

const usernameParam = (raw: string): string => parseWith(UsernameSchema, raw, 'Tên đăng nhập')

export function userRoutes(app: FastifyInstance, { db, clock }: { db: Db; clock: () => Date }): void {
  app.get<{ Params: Pick<Params, 'commune'> }>('/communes/:commune/users', async (req) => {
    const { commune } = await accountManager(db, req)
    return listAccounts(db, commune.id)
  })

  app.post<{ Params: Pick<Params, 'commune'> }>('/communes/:commune/users', async (req, reply) => {
    const { actor, commune, province } = await accountManager(db, req)
    const { password, ...input } = parseWith(NewAccountSchema, req.body, 'Tài khoản')
    if (input.role === 'province_admin' || input.role === 'province_viewer') throw forbidden(say('province_accounts_from_province'))
    if (province) requireProvinceManaged(input.role)
    const hash = password === undefined ? null : await hashPassword(password)
    const result = await createAccount(db, actor, commune.id, { ...input, role: input.role }, hash, clock())
    return reply.code(201).send(result)
  })

  app.post<{ Params: Pick<Params, 'commune'> }>('/communes/:commune/users/bulk', async (req, reply) => {
    const { actor, commune, province } = await accountManager(db, req)
    const { accounts } = parseWith(BulkAccountsSchema, req.body, 'Danh sách tài khoản')
    if (province) accounts.forEach((a) => requireProvinceManaged(a.role))
    return reply.code(201).send(await createAccounts(db, actor, commune, accounts, clock()))
  })

  app.patch<{ Params: Params }>('/communes/:commune/users/:username', async (req) => {
    const { actor, commune, province } = await accountManager(db, req)
    const username = usernameParam(req.params.username)
    const change = parseWith(AccountChangeSchema, req.body, 'Thay đổi tài khoản')
    if (province) {
      requireProvinceManaged(await targetRole(db, commune.id, username))
      if (change.units !== undefined) throw new HttpError(403, 'forbidden', say('province_assigns_no_units'))
    }
    return updateAccount(db, actor, commune.id, username, change, clock())
  })

  app.post<{ Params: Params }>('/communes/:commune/users/:username/password', async (req) => {
    const { actor, commune, province } = await accountManager(db, req)
    const username = usernameParam(req.params.username)
    if (province) requireProvinceManaged(await targetRole(db, commune.id, username))
    const { password } = parseWith(NewPasswordSchema, req.body, 'Mật khẩu mới')
    return resetPassword(db, actor, commune.id, username, await hashPassword(password), clock())
  })

  // A new one-time link (a lost or expired slip, a forgotten password); the old link stops working.
  app.post<{ Params: Params }>('/communes/:commune/users/:username/enrolment', async (req, reply) => {
    const { actor, commune, province } = await accountManager(db, req)
    const username = usernameParam(req.params.username)
    if (province) requireProvinceManaged(await targetRole(db, commune.id, username))
    return reply.code(201).send(await reissueEnrolment(db, actor, commune.id, username, clock()))
  })
}
