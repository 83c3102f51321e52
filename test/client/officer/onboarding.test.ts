import 'fake-indexeddb/auto'
// Onboarding a commune in the workspace ("Đơn vị & tài khoản"), the whole app mounted as an
// officer opens it: units from a pasted list (each name previewed with its code), reporters'
// accounts from pasted "Họ tên — Đơn vị" lines (the request built from the preview), the
// printable slips (one QR image and the link per account, eight to an A4 page), and "In lại phiếu".
import { afterEach, describe, expect, it, vi } from 'vitest'
import { saveSession } from '../../../src/client/local/db'
import type { AccountView, UnitRow } from '../../../src/client/officer/people/api'
import { parseAccountLines, previewUnits } from '../../../src/client/officer/people/paste'
import type { CreatedAccount } from '../../../src/shared/api'
import { ENROLMENT_PATH } from '../../../src/shared/province'
import { fakeServer, json, officer } from '../fakeServer'
import { mountApp, until, type Mounted } from '../app/harness'
import { freshDb } from '../local/testDb'

const api = '/api/communes/pho-thuan'
const UNITS: UnitRow[] = [
  { code: 'T1', name: 'Thôn Hải Tân', kind: 'thon', active: true, version: 1 },
  { code: 'T2', name: 'Thôn Vĩnh Xuyên', kind: 'thon', active: true, version: 1 },
  { code: 'an-thach', name: 'Thôn An Thạch', kind: 'thon', active: true, version: 1 },
  { code: 'CA', name: 'Công an xã', kind: 'cong_an', active: true, version: 1 },
]
const ACCOUNTS: AccountView[] = [
  { username: 'truongthon.t1', displayName: 'Nguyễn Văn An', role: 'reporter', units: ['T1'], active: true, createdAt: '2024-01-03T02:00:00.000Z', devices: [] },
  { username: officer.username, displayName: officer.displayName, role: 'officer', units: [], active: true, createdAt: '2023-12-01T02:00:00.000Z', devices: [] },
]
/** A token as the server makes them: 43 base64url characters, different per account. */
const token = (n: number) => `${String(n).padStart(3, '0')}${'x'.repeat(40)}`

function server(extra: Parameters<typeof fakeServer>[0] = {}) {
  return fakeServer({ 'GET /api/auth/me': json(200, officer), [`GET ${api}/units`]: json(200, UNITS), [`GET ${api}/users`]: json(200, ACCOUNTS), ...extra })
}

async function openPeople(): Promise<Mounted> {
  const db = freshDb('onboarding')
  await saveSession(db, officer)
  const m = await mountApp({ db, path: '/quan-ly/pho-thuan/don-vi' })
  await until(() => expect(m.w.findAll('.units__item')).toHaveLength(4))
  await until(() => expect(m.w.findAll('.accounts__item')).toHaveLength(2))
  return m
}

/** The slips page has drawn a QR code for every slip. */
async function slipsReady(m: Mounted, n: number): Promise<void> {
  await until(() => expect(m.router.currentRoute.value.name).toBe('slips'))
  await until(() => expect(m.w.findAll('[data-test="slip"] img')).toHaveLength(n))
}

afterEach(() => {
  vi.unstubAllGlobals()
  sessionStorage.clear()
  document.body.innerHTML = ''
})

describe('pasted lists', () => {
  it('previews unit names with the codes the server makes, marking a code taken or repeated', () => {
    expect(previewUnits('1. Thôn An Thạch\n- Thôn Phước Lộc\n\n  Xóm Đồng  \nthôn phước lộc', UNITS)).toEqual([
      { name: 'Thôn An Thạch', code: 'an-thach', note: 'taken' },
      { name: 'Thôn Phước Lộc', code: 'phuoc-loc', note: '' },
      { name: 'Xóm Đồng', code: 'dong', note: '' },
      { name: 'thôn phước lộc', code: 'phuoc-loc', note: 'repeated' },
    ])
  })

  it('reads "name — unit" lines from Word or Excel and finds each unit by name, code or plain name', () => {
    const rows = parseAccountLines('1. Nguyễn Văn An — Thôn Hải Tân\nTrần Thị Bình\tVĩnh Xuyên\nLê Văn Cường - an-thach\n— Công an xã\nĐỗ Văn Dũng — Thôn Không Có\nVõ Thị Em', UNITS, 'pho-thuan')
    expect(rows.map((r) => [r.displayName, r.unit?.code ?? null, r.effectiveUsername, r.error])).toEqual([
      ['Nguyễn Văn An', 'T1', 'pho-thuan.t1', ''],
      ['Trần Thị Bình', 'T2', 'pho-thuan.t2', ''],
      ['Lê Văn Cường', 'an-thach', 'pho-thuan.an-thach', ''],
      ['', 'CA', 'pho-thuan.ca', 'noName'],
      ['Đỗ Văn Dũng', null, '', 'unknownUnit'],
      ['Võ Thị Em', null, '', 'noUnit'],
    ])
  })

  it('flags two people of one unit with the same generated user name, and takes a user name from a third column', () => {
    const rows = parseAccountLines('Nguyễn Văn An — Thôn Hải Tân\nLê Văn Bình — Thôn Hải Tân\nLê Văn Bình — Thôn Hải Tân — Hai-Tan.Pho\nVõ Thị Em — Thôn Hải Tân — Em!', UNITS, 'pho-thuan')
    expect(rows.map((r) => [r.effectiveUsername, r.username, r.error, r.duplicateOf])).toEqual([
      ['pho-thuan.t1', '', '', 0],
      ['pho-thuan.t1', '', 'duplicate', 1],
      ['hai-tan.pho', 'hai-tan.pho', '', 0],
      ['em!', 'em!', 'badUsername', 0],
    ])
  })
})

describe('units from a pasted list', () => {
  it('shows each name with its code before sending, then sends the names with the kind and parent', async () => {
    const s = server({
      [`POST ${api}/units/bulk`]: (body) => {
        const { names, kind, parent } = body as { names: string[]; kind: UnitRow['kind']; parent?: string }
        return json(201, { units: names.map((name, i) => ({ code: ['phuoc-loc', 'dong'][i], name, kind, parent, active: true, version: 9 })), version: 9 })
      },
    })
    const m = await openPeople()
    const box = m.w.find('[data-test="units-paste"]')
    expect(m.w.find(`label[for="${box.attributes('id')}"]`).text()).toBe('Danh sách tên đơn vị (mỗi dòng một tên)')
    await box.setValue('1. Thôn Phước Lộc\n2. Xóm Đồng\n')
    const preview = m.w.findAll('.units-paste__row')
    expect(preview.map((r) => r.attributes('data-code'))).toEqual(['phuoc-loc', 'dong'])
    expect(preview[0]!.text()).toContain('Thôn Phước Lộc')
    const form = m.w.find('section.units-paste form')
    await form.find('select[name="parent"]').setValue('T1')
    expect(form.find('button[type="submit"]').text()).toBe('Thêm 2 đơn vị')
    await form.trigger('submit')
    await until(() => expect(s.sent(`POST ${api}/units/bulk`)).toEqual([{ kind: 'thon', parent: 'T1', names: ['Thôn Phước Lộc', 'Xóm Đồng'] }]))
    await until(() => expect(m.w.findAll('.units__item')).toHaveLength(6))
    expect(m.w.text()).toContain('Đã thêm 2 đơn vị.')
    expect((box.element as HTMLTextAreaElement).value).toBe('')
  })
})

describe('reporters’ accounts from a pasted list, and their slips', () => {
  it('builds the bulk request from the preview, refuses invalid lines, then prints one slip with a QR code and the link per account', async () => {
    const created = (body: unknown): CreatedAccount[] =>
      (body as { accounts: { displayName: string; units: string[] }[] }).accounts.map((a, i) => ({
        username: `pho-thuan.${a.units[0]!.toLowerCase()}`,
        displayName: a.displayName,
        role: 'reporter',
        units: a.units.map((code) => ({ code, name: UNITS.find((u) => u.code === code)!.name })),
        commune: { code: 'pho-thuan', name: 'Phổ Thuận' },
        enrolment: { token: token(i), expiresAt: '2030-01-08T00:00:00.000Z' },
      }))
    const s = server({ [`POST ${api}/users/bulk`]: (body) => json(201, created(body)) })
    const m = await openPeople()
    const box = m.w.find('[data-test="accounts-paste"]')
    await box.setValue('Trần Thị Bình — Thôn Vĩnh Xuyên\nLê Văn Cường — Thôn Không Có')
    expect(m.w.findAll('.accounts-paste__row--bad')).toHaveLength(1)
    expect(m.w.find('.accounts-paste__row').text()).toContain('pho-thuan.t2')
    const form = m.w.find('section.accounts-paste form')
    await form.trigger('submit')
    expect(form.find('[role="alert"]').text()).toBe('Hãy sửa 1 dòng chưa hợp lệ trước khi tạo.')
    expect(s.sent(`POST ${api}/users/bulk`)).toHaveLength(0)

    await box.setValue('Trần Thị Bình — Thôn Vĩnh Xuyên\nLê Văn Cường — An Thạch — cuong.anthach')
    await form.trigger('submit')
    await until(() => expect(s.sent(`POST ${api}/users/bulk`)).toHaveLength(1))
    expect(s.sent(`POST ${api}/users/bulk`)[0]).toEqual({
      accounts: [
        { displayName: 'Trần Thị Bình', role: 'reporter', units: ['T2'] },
        { username: 'cuong.anthach', displayName: 'Lê Văn Cường', role: 'reporter', units: ['an-thach'] },
      ],
    })

    await slipsReady(m, 2)
    const slips = m.w.findAll('[data-test="slip"]')
    expect(slips.map((x) => x.find('[data-test="slip-link"]').text())).toEqual([`${location.origin}${ENROLMENT_PATH}${token(0)}`, `${location.origin}${ENROLMENT_PATH}${token(1)}`])
    for (const slip of slips) expect(slip.find('img').attributes('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/)
    expect(slips[0]!.text()).toContain('Trần Thị Bình')
    expect(slips[0]!.text()).toContain('Thôn Vĩnh Xuyên')
    expect(slips[0]!.text()).toContain('pho-thuan.t2')
    expect(slips[0]!.text()).toContain('Phổ Thuận')
    expect(slips[0]!.find('img').attributes('alt')).toBe('Mã QR đăng nhập của Trần Thị Bình')
  })

  it('puts eight slips on each printed page', async () => {
    server()
    sessionStorage.setItem(
      'thidua.slips',
      JSON.stringify(Array.from({ length: 10 }, (_, i) => ({ username: `u${i}`, displayName: `Người ${i}`, role: 'reporter', units: [], place: 'Phổ Thuận', token: token(i), expiresAt: '2030-01-08T00:00:00.000Z' }))),
    )
    const db = freshDb('slips')
    await saveSession(db, officer)
    const m = await mountApp({ db, path: '/quan-ly/pho-thuan/phieu-dang-nhap' })
    await slipsReady(m, 10)
    expect(m.w.findAll('.slips__page').map((p) => p.findAll('[data-test="slip"]').length)).toEqual([8, 2])
  })

  it('creates one account without a password and prints its slip instead of showing a PIN', async () => {
    const s = server({
      [`POST ${api}/users`]: (body) => {
        const b = body as { username: string; displayName: string; units: string[] }
        const account: AccountView = { username: b.username, displayName: b.displayName, role: 'reporter', units: b.units, active: true, createdAt: '2024-05-10T08:00:00.000Z', devices: [] }
        return json(201, { ...account, units: [{ code: 'T2', name: 'Thôn Vĩnh Xuyên' }], commune: { code: 'pho-thuan', name: 'Phổ Thuận' }, enrolment: { token: token(5), expiresAt: '2030-01-08T00:00:00.000Z' }, account, version: 4 })
      },
    })
    const m = await openPeople()
    await m.w.findAll('button').find((b) => b.text() === 'Tạo tài khoản')!.trigger('click')
    const form = m.w.find('form.accounts__new')
    await form.find('input[name="username"]').setValue('truongthon.t2')
    await form.find('input[name="displayName"]').setValue('Lê Thị Bình')
    await form.find('input[name="units"][value="T2"]').setValue(true)
    await form.trigger('submit')
    await until(() => expect(s.sent(`POST ${api}/users`)).toEqual([{ username: 'truongthon.t2', displayName: 'Lê Thị Bình', role: 'reporter', units: ['T2'] }]))
    await slipsReady(m, 1)
    expect(m.w.find('[data-test="slip-link"]').text()).toBe(`${location.origin}${ENROLMENT_PATH}${token(5)}`)
    expect(m.w.find('[data-test="slip"]').text()).toContain('Thôn Vĩnh Xuyên')
  })

  it('reprints one account’s slip with a new link after a confirmation', async () => {
    const s = server({ [`POST ${api}/users/truongthon.t1/enrolment`]: () => json(201, { token: token(7), expiresAt: '2030-01-08T00:00:00.000Z' }) })
    const m = await openPeople()
    await m.w.find('.accounts__item[data-username="truongthon.t1"] button.accounts__reprint').trigger('click')
    expect(s.sent(`POST ${api}/users/truongthon.t1/enrolment`)).toHaveLength(0)
    await m.w.find('button.accounts__reprint-confirm').trigger('click')
    await slipsReady(m, 1)
    expect(s.sent(`POST ${api}/users/truongthon.t1/enrolment`)).toHaveLength(1)
    expect(m.w.find('[data-test="slip-link"]').text()).toBe(`${location.origin}${ENROLMENT_PATH}${token(7)}`)
    expect(m.w.find('[data-test="slip"]').text()).toContain('Thôn Hải Tân')
  })
})
