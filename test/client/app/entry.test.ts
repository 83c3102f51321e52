import 'fake-indexeddb/auto'
// The entry screen on a phone with its own IndexedDB: vi-VN parsing feedback, rates, yes/no,
// "đã lưu trên máy" only after the transaction commits, a full disk explained, a flagged figure
// saved at once and asking for a note, refused text that claims no save, notes PostgreSQL cannot
// store, a returned report's reason, a locked period, a conflict, and sending the report.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ComponentOptions } from 'vue'
import type { ThiDuaDb } from '../../../src/client/local/db'
import type { Plan } from '../../../src/shared/model'
import { saveValue } from '../../../src/client/local/edits'
import { fakeServer, json } from '../fakeServer'
import { C, closePhones, ENTRY_PLAN, mountApp, phone, reporter, settle, until, withLiveServer, type Mounted } from './harness'

withLiveServer()

afterEach(async () => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  document.body.innerHTML = ''
  await closePhones()
})

const Q1 = '/nhap/T1/2024-Q1'
const num = (value: number) => ({ kind: 'number' as const, value })
const localOf = async (db: ThiDuaDb, indicator: string, period = '2024-Q1') => (await db.cells.get([C, 'T1', period, indicator]))?.local ?? null

/** The test plan with the commune's rice targets: 1.448,5 t a year, 65 tạ/ha. */
const TARGETED: Plan = {
  ...ENTRY_PLAN,
  indicators: ENTRY_PLAN.indicators.map((i) =>
    i.code === 'LUA_SL' ? { ...i, target: { kind: 'at_least', value: 1448.5 } } : i.code === 'LUA_NS' ? { ...i, target: { kind: 'derived', value: 65 } } : i,
  ),
}

async function open(path = Q1, setup?: (p: Awaited<ReturnType<typeof phone>>) => Promise<void>, plan = ENTRY_PLAN): Promise<Mounted & { db: ThiDuaDb; server: Awaited<ReturnType<typeof phone>>['server'] }> {
  fakeServer({ 'GET /api/auth/me': json(200, reporter) })
  const p = await phone(reporter, plan)
  await setup?.(p)
  const m = await mountApp({ db: p.db, path })
  await until(() => expect(m.w.find('#entry-title').exists()).toBe(true))
  return { ...m, db: p.db, server: p.server }
}

const row = (m: Mounted, code: string) => m.w.find(`#ind-${code}`)
const status = (m: Mounted, code: string) => row(m, code).find('.ind__status').text()

async function type(m: Mounted, id: string, text: string): Promise<void> {
  const input = m.w.find(`#${id}`)
  await input.trigger('focus')
  await input.setValue(text)
  await input.trigger('blur')
}

describe('a long sheet', () => {
  /** The test plan with 12 more figures to type: 17 rows, the computed yield among them. */
  const LONG: Plan = {
    ...ENTRY_PLAN,
    indicators: [
      ...ENTRY_PLAN.indicators,
      ...Array.from({ length: 12 }, (_, i) => ({ code: `X${i + 1}`, name: `Chỉ tiêu thêm ${i + 1}`, field: 'AN', unitOfMeasure: 'hộ', aggregation: 'flow' as const, proportion: true, reporters: { kinds: ['thon' as const], units: [] } })),
    ],
  }

  it('shows its first rows with the screen and the others right after', async () => {
    const m = await open(Q1, undefined, LONG)
    await until(() => expect(m.w.findAll('article.ind')).toHaveLength(17))
    expect(m.w.find('#ind-X12-value').exists()).toBe(true)
  })

  it('brings a row further down into view when the address names it (“Sửa lại”)', async () => {
    await open(`${Q1}#ind-X12`, undefined, LONG)
    await until(() => expect(document.activeElement?.id).toBe('ind-X12-value'))
  })
})

describe('a number', () => {
  it('reads 1.448,5 the vi-VN way, saves 1448.5 and shows it formatted', async () => {
    const m = await open()
    const input = m.w.find('#ind-LUA_SL-value')
    expect(input.attributes('inputmode')).toBe('decimal')
    expect(m.w.find('label[for="ind-LUA_SL-value"]').text()).toBe('Sản lượng lúa (tấn)')
    await type(m, 'ind-LUA_SL-value', '1.448,5')
    await until(() => expect(status(m, 'LUA_SL')).toContain('Đã lưu trên máy'))
    expect(await localOf(m.db, 'LUA_SL')).toEqual({ value: num(1448.5) })
    expect((input.element as HTMLInputElement).value).toBe('1.448,5')
    expect(input.attributes('aria-invalid')).toBeUndefined()
    expect(await m.db.outbox.count()).toBe(1)
  })

  it('refuses the ambiguous 13,345 with the reason next to the field, and saves nothing', async () => {
    const m = await open()
    await type(m, 'ind-LUA_SL-value', '13,345')
    await settle()
    const input = m.w.find('#ind-LUA_SL-value')
    expect(input.attributes('aria-invalid')).toBe('true')
    const error = m.w.find(`#${input.attributes('aria-describedby')!.split(' ')[0]}`)
    expect(error.attributes('role')).toBe('alert')
    expect(error.text()).toContain('13,345')
    expect(error.text()).toContain('13.345')
    expect((input.element as HTMLInputElement).value).toBe('13,345') // kept, to be corrected
    expect(await m.db.outbox.count()).toBe(0)
    expect(status(m, 'LUA_SL')).not.toContain('Đã lưu')
    // Corrected: the reason goes, the value is saved.
    await type(m, 'ind-LUA_SL-value', '13.345')
    await until(() => expect(status(m, 'LUA_SL')).toContain('Đã lưu trên máy'))
    expect(m.w.find('#ind-LUA_SL-value').attributes('aria-invalid')).toBeUndefined()
    expect(await localOf(m.db, 'LUA_SL')).toEqual({ value: num(13345) })
  })

  it('says "Đã lưu trên máy" only once the IndexedDB transaction has committed', async () => {
    const m = await open()
    // Another transaction holds the outbox: the edit's transaction must wait for it.
    let release = false
    const blocker = m.db.transaction('rw', m.db.outbox, async () => {
      while (!release) await m.db.outbox.count()
    })
    await type(m, 'ind-LUA_DT-value', '120,5')
    await settle()
    // (Reading the cells here would wait behind the queued edit: IndexedDB orders the transactions.)
    expect(status(m, 'LUA_DT')).toBe('Đang lưu…')
    expect(m.w.text()).not.toContain('Đã lưu trên máy')
    release = true
    await blocker
    await until(() => expect(status(m, 'LUA_DT')).toContain('Đã lưu trên máy'))
    expect(await localOf(m.db, 'LUA_DT')).toEqual({ value: num(120.5) })
  })

  it('saves a figure once (Enter, then the box’s blur), and says from the save itself that it waits to be sent', async () => {
    const m = await open('/nhap/T1/2024-Q3', async (p) => {
      await p.server.write('T1', '2024-Q3', 'LUA_SL', num(600))
      await p.sync()
    })
    await until(() => expect(status(m, 'LUA_SL')).toBe('Đã gửi lên máy chủ'))
    const said: string[] = []
    const line = row(m, 'LUA_SL').find('.ind__status').element
    const observer = new MutationObserver(() => said.push(line.textContent ?? ''))
    observer.observe(line, { childList: true, characterData: true, subtree: true })
    // The save is written on the bare IndexedDB (local/bareSave.ts): its requests are counted there.
    const add = vi.spyOn(IDBObjectStore.prototype, 'add')
    const put = vi.spyOn(IDBObjectStore.prototype, 'put')
    const intoOutbox = (spy: typeof add | typeof put): number => spy.mock.contexts.filter((store) => (store as IDBObjectStore).name === 'outbox').length
    const input = m.w.find('#ind-LUA_SL-value')
    await input.trigger('focus')
    await input.setValue('650')
    await input.trigger('keydown', { key: 'Enter' })
    await input.trigger('blur')
    await until(() => expect(status(m, 'LUA_SL')).toContain('Đã lưu trên máy'))
    await settle()
    observer.disconnect()
    expect([intoOutbox(add), intoOutbox(put)]).toEqual([1, 0])
    // Never "Đã gửi lên máy chủ" next to a figure just saved: the save's own result says it waits.
    expect(said.filter((s) => s.includes('Đã lưu trên máy'))).not.toHaveLength(0)
    expect(said.filter((s) => s.includes('Đã lưu trên máy') && !s.includes('Chờ gửi'))).toEqual([])
    expect(await localOf(m.db, 'LUA_SL', '2024-Q3')).toEqual({ value: num(650) })
  })

  it('a save renders its status line, not its row, until the saved text shows', async () => {
    // Counted after the screen is shown: the rows' own renders (a global mixin sees every component).
    const renders = { counting: false, rows: 0 }
    const counter: ComponentOptions = {
      updated(this: { $options: { __name?: string } }) {
        if (renders.counting && this.$options.__name === 'IndicatorRow') renders.rows++
      },
    }
    fakeServer({ 'GET /api/auth/me': json(200, reporter) })
    const p = await phone(reporter)
    const m = await mountApp({ db: p.db, path: Q1, mixins: [counter] })
    await until(() => expect(m.w.find('#entry-title').exists()).toBe(true))
    // A first save loads the edits' code and Dexie, and the screen then follows the database
    // through Dexie (its rows read again): the save measured is the next one.
    await type(m, 'ind-LUA_SL-value', '600')
    await until(() => expect(status(m, 'LUA_SL')).toContain('Đã lưu trên máy'))
    await settle()
    const line = row(m, 'LUA_DT').find('.ind__status').element
    const seen: { text: string; rowRenders: number }[] = []
    const observer = new MutationObserver(() => seen.push({ text: line.textContent ?? '', rowRenders: renders.rows }))
    observer.observe(line, { childList: true, characterData: true, subtree: true })
    const input = m.w.find('#ind-LUA_DT-value')
    await input.trigger('focus')
    await input.setValue('120')
    renders.counting = true
    await input.trigger('keydown', { key: 'Enter' })
    await until(() => expect(seen.some((s) => s.text.includes('Đã lưu trên máy'))).toBe(true))
    observer.disconnect()
    expect(seen[0]?.text).toBe('Đang lưu…')
    // When the saved text first shows, no row has rendered again: only the status line did. (The
    // re-read of the saved period comes after it, and renders the row with the stored value.)
    expect(seen.find((s) => s.text.includes('Đã lưu trên máy'))?.rowRenders).toBe(0)
  })

  it('keeps a figure typed right after Enter when the saved one comes back from the database', async () => {
    const m = await open()
    const input = m.w.find('#ind-LUA_DT-value')
    await input.trigger('focus')
    await input.setValue('120')
    await input.trigger('keydown', { key: 'Enter' })
    // The focus stays in the box after Enter: the user types the corrected figure at once, before
    // the saved 120 has come back through the live query.
    await input.setValue('125')
    await until(() => expect(status(m, 'LUA_DT')).toContain('Đã lưu trên máy'))
    await until(async () => expect(await localOf(m.db, 'LUA_DT')).toEqual({ value: num(120) }))
    await settle()
    expect((input.element as HTMLInputElement).value).toBe('125')
    await input.trigger('blur')
    await until(async () => expect(await localOf(m.db, 'LUA_DT')).toEqual({ value: num(125) }))
  })

  it('never says saved when the write fails: a full disk is explained, with the space left', async () => {
    Object.defineProperty(navigator, 'storage', { configurable: true, value: { estimate: async () => ({ usage: 99 * 1048576, quota: 100 * 1048576 }) } })
    const m = await open()
    // The browser refuses the cell's row, as a full disk does (IndexedDB's own put, under the save).
    const put = IDBObjectStore.prototype.put
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'cells') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      return put.apply(this, args)
    })
    await type(m, 'ind-LUA_DT-value', '120')
    await until(() => expect(row(m, 'LUA_DT').find('[role="alert"]').exists()).toBe(true))
    expect(row(m, 'LUA_DT').find('[role="alert"]').text()).toContain('Bộ nhớ của máy đã đầy nên chưa lưu được thay đổi này')
    expect(status(m, 'LUA_DT')).not.toContain('Đã lưu')
    await until(() => expect(m.w.text()).toContain('còn dùng được khoảng 1 MB trên 100 MB'))
    // The whole edit was rolled back: no cell, no outbox entry.
    expect(await m.db.outbox.count()).toBe(0)
    expect(await m.db.cells.get([C, 'T1', '2024-Q1', 'LUA_DT'])).toBeUndefined()
    Reflect.deleteProperty(navigator, 'storage')
  })

  it('saves a figure far from the unit’s history at once, then asks for a note', async () => {
    const m = await open('/nhap/T1/2024-Q3', async (p) => {
      await p.server.write('T1', '2024-Q1', 'LUA_DT', num(10))
      await p.server.write('T1', '2024-Q2', 'LUA_DT', num(12))
      await p.sync()
    })
    await type(m, 'ind-LUA_DT-value', '110')
    await until(() => expect(status(m, 'LUA_DT')).toBe('Đã lưu trên máy · Chờ gửi · cần ghi chú'))
    expect(await localOf(m.db, 'LUA_DT', '2024-Q3')).toEqual({ value: num(110) })
    expect(await m.db.outbox.count()).toBe(1)
    const warning = row(m, 'LUA_DT').find('.notice--warn')
    expect(warning.text()).toContain('cao gấp')
    expect(warning.text()).toContain('Số đã được lưu. Hãy ghi chú lý do')
    expect(document.activeElement?.id).toBe('ind-LUA_DT-note')
    const note = m.w.find('#ind-LUA_DT-note')
    await note.setValue('Khai hoang thêm 100 ha')
    await note.trigger('change')
    await until(() => expect(status(m, 'LUA_DT')).toBe('Đã lưu trên máy · Chờ gửi'))
    expect(await localOf(m.db, 'LUA_DT', '2024-Q3')).toEqual({ value: num(110), note: 'Khai hoang thêm 100 ha' })
    // The warning stays for the officer's eyes; it no longer asks for anything.
    expect(row(m, 'LUA_DT').find('.notice--warn').text()).not.toContain('Hãy ghi chú')
  })

  it('never loses a new unit’s flagged first figure: saved at once, there after a reload, listed in “Cần xử lý”', async () => {
    const m = await open(Q1, undefined, TARGETED)
    await type(m, 'ind-LUA_DT-value', '45')
    await until(() => expect(status(m, 'LUA_DT')).toContain('Đã lưu trên máy'))
    await type(m, 'ind-LUA_SL-value', '99.999')
    await until(() => expect(status(m, 'LUA_SL')).toContain('Đã lưu trên máy'))
    expect(await localOf(m.db, 'LUA_SL')).toEqual({ value: num(99999) })
    expect((await m.db.outbox.toArray()).map((e) => e.indicator)).toEqual(['LUA_DT', 'LUA_SL'])
    await until(() => expect(status(m, 'LUA_SL')).toContain('cần ghi chú'))
    expect(row(m, 'LUA_SL').find('.notice--warn').text()).toContain('99.999 tấn của một đơn vị đã vượt chỉ tiêu cả năm của toàn xã (1.448,5 tấn)')
    expect(row(m, 'LUA_NS').find('.notice--warn').text()).toContain('“Năng suất lúa” tính ra 22.222 tạ/ha')

    // "Reload": the app mounted again over the same IndexedDB.
    m.w.unmount()
    const again = await mountApp({ db: m.db, path: Q1 })
    await until(() => expect(again.w.find('#ind-LUA_SL-value').exists()).toBe(true))
    expect((again.w.find('#ind-LUA_SL-value').element as HTMLInputElement).value).toBe('99.999')
    await until(() => expect(row(again, 'LUA_SL').find('.notice--warn').text()).toContain('vượt chỉ tiêu cả năm của toàn xã'))
    expect(status(again, 'LUA_SL')).toContain('cần ghi chú')

    await again.router.push('/can-xu-ly')
    await until(() => expect(again.w.findAll('.unnoted__item')).toHaveLength(2))
    const [output, yieldItem] = again.w.findAll('.unnoted__item')
    expect(output!.find('h3').text()).toBe('Sản lượng lúa')
    expect(output!.text()).toContain('Thôn 1 · Quý 1/2024')
    expect(output!.text()).toContain('vượt chỉ tiêu cả năm của toàn xã (1.448,5 tấn)')
    expect(output!.find('a').attributes('href')).toBe('/nhap/T1/2024-Q1#ind-LUA_SL')
    expect(yieldItem!.text()).toContain('22.222 tạ/ha')
    expect(again.w.find('.empty').exists()).toBe(false)
  })
})

describe('what the screen says is what is stored', () => {
  it('claims no save while the box holds refused text, and shows the figure saved', async () => {
    const m = await open(Q1, async (p) => {
      await p.server.write('T1', '2024-Q1', 'LUA_DT', num(12.5))
      await p.sync()
    })
    expect(status(m, 'LUA_DT')).toBe('Đã gửi lên máy chủ')
    await type(m, 'ind-LUA_DT-value', 'abc')
    await settle()
    expect(m.w.find('#ind-LUA_DT-value').attributes('aria-invalid')).toBe('true')
    expect(status(m, 'LUA_DT')).toBe('Chưa lưu số vừa nhập. Số đã lưu: 12,5 ha')
    expect(status(m, 'LUA_DT')).not.toContain('Đã gửi')
    expect(row(m, 'LUA_DT').find('.ind__status--warn').exists()).toBe(true)
    expect(await m.db.outbox.count()).toBe(0)
    // Corrected: saved, and the status says so again.
    await type(m, 'ind-LUA_DT-value', '13')
    await until(() => expect(status(m, 'LUA_DT')).toBe('Đã lưu trên máy · Chờ gửi'))
    expect(await localOf(m.db, 'LUA_DT')).toEqual({ value: num(13) })
  })

  it('says nothing is saved when nothing is, and after an earlier save in the same visit', async () => {
    const m = await open()
    await type(m, 'ind-LUA_SL-value', '1.2.3')
    await settle()
    expect(status(m, 'LUA_SL')).toBe('Chưa lưu số vừa nhập. Chưa có số nào được lưu.')
    await type(m, 'ind-LUA_SL-value', '300')
    await until(() => expect(status(m, 'LUA_SL')).toContain('Đã lưu trên máy'))
    await until(() => expect(m.w.find('.entry__meta').text()).toContain('đã nhập 1/4')) // the saved figure back through liveQuery
    await type(m, 'ind-LUA_SL-value', '13,345')
    await settle()
    expect(status(m, 'LUA_SL')).toBe('Chưa lưu số vừa nhập. Số đã lưu: 300 tấn')
  })

  it('claims no save for a rate whose numerator is above its denominator', async () => {
    const m = await open()
    await type(m, 'ind-BHYT-value-num', '90')
    await type(m, 'ind-BHYT-value-den', '100')
    await until(() => expect(status(m, 'BHYT')).toContain('Đã lưu trên máy'))
    await until(() => expect(m.w.find('.entry__meta').text()).toContain('đã nhập 1/4')) // the saved pair back through liveQuery
    await type(m, 'ind-BHYT-value-num', '120')
    await settle()
    expect(status(m, 'BHYT')).toMatch(/^Chưa lưu số vừa nhập\. Số đã lưu: 90\/100/)
    expect(await localOf(m.db, 'BHYT')).toEqual({ value: { kind: 'ratio', numerator: 90, denominator: 100 } })
  })
})

describe('a note PostgreSQL cannot store', () => {
  it('is refused with the reason, and nothing of it is saved', async () => {
    const m = await open()
    await type(m, 'ind-LUA_DT-value', '40')
    await until(() => expect(status(m, 'LUA_DT')).toContain('Đã lưu trên máy'))
    await row(m, 'LUA_DT').find('.ind__add-note').trigger('click')
    const note = m.w.find('#ind-LUA_DT-note')
    await note.setValue('a\u0000b')
    await note.trigger('change')
    await settle()
    expect(note.attributes('aria-invalid')).toBe('true')
    expect(row(m, 'LUA_DT').find('[role="alert"]').text()).toContain('ký tự không lưu được')
    expect(status(m, 'LUA_DT')).toBe('Chưa lưu ghi chú.')
    expect(await localOf(m.db, 'LUA_DT')).toEqual({ value: num(40) })
    await note.setValue('đo lại')
    await note.trigger('change')
    await until(() => expect(status(m, 'LUA_DT')).toContain('Đã lưu trên máy'))
    expect(await localOf(m.db, 'LUA_DT')).toEqual({ value: num(40), note: 'đo lại' })
    expect(note.attributes('aria-invalid')).toBeUndefined()
  })

  it('is refused on a yes/no answer too (a lone surrogate), and the answer is kept', async () => {
    const m = await open()
    const note = m.w.find('#ind-ANTT-value-note')
    await note.setValue('x\ud800')
    await note.trigger('change')
    await settle()
    expect(row(m, 'ANTT').find('[role="alert"]').text()).toContain('ký tự không lưu được')
    await row(m, 'ANTT').findAll('input[type="radio"]')[0]!.setValue(true)
    await until(async () => expect(await localOf(m.db, 'ANTT')).toEqual({ value: { kind: 'yes_no', achieved: true } }))
  })

  it('shows the previous period and the year so far', async () => {
    const m = await open('/nhap/T1/2024-Q2', async (p) => {
      await p.server.write('T1', '2024-Q1', 'LUA_SL', num(600))
      await p.sync()
      await saveValue({ db: p.db }, { commune: C, unit: 'T1', period: '2024-Q2', indicator: 'LUA_SL', value: num(848.5) })
    })
    const facts = row(m, 'LUA_SL').find('.ind__facts').text()
    expect(facts).toContain('Quý 1/2024')
    expect(facts).toContain('600 tấn')
    expect(facts).toContain('Lũy kế từ đầu năm')
    expect(facts).toContain('1.448,5 tấn')
  })

  it('never shows a village the commune’s total as its target, only a level every unit reaches (issue 14)', async () => {
    const plan: Plan = {
      ...TARGETED,
      indicators: TARGETED.indicators.map((i) =>
        i.code === 'LUA_DT' ? { ...i, target: { kind: 'at_least', value: 229 } } : i.code === 'BHYT' ? { ...i, target: { kind: 'rate_at_least', value: 95 } } : i,
      ),
    }
    const m = await open(Q1, undefined, plan)
    // 229 ha and 1.448,5 t for the whole commune, no share given to T1: no target, no verdict.
    for (const code of ['LUA_DT', 'LUA_SL']) expect(row(m, code).find('.ind__facts').text()).not.toMatch(/Chỉ tiêu|229|1\.448,5/)
    // 95% is what each village must reach, and so is a yield of 65 tạ/ha.
    expect(row(m, 'BHYT').find('.ind__facts').text()).toContain('Chỉ tiêu chung')
    expect(row(m, 'BHYT').find('.ind__facts').text()).toContain('95%')
    expect(row(m, 'LUA_NS').find('.ind__facts').text()).toContain('65')
  })
})

describe('a rate', () => {
  it('takes numerator and denominator, shows the %, and refuses a numerator above the denominator', async () => {
    const m = await open()
    const group = row(m, 'BHYT').find('fieldset')
    expect(group.find('legend').text()).toBe('Tỷ lệ tham gia BHYT (%)')
    expect(m.w.find('label[for="ind-BHYT-value-num"]').text()).toContain('tử số')
    expect(m.w.find('label[for="ind-BHYT-value-den"]').text()).toContain('mẫu số')
    await type(m, 'ind-BHYT-value-num', '1.200')
    await type(m, 'ind-BHYT-value-den', '1.000')
    await settle()
    const num = m.w.find('#ind-BHYT-value-num')
    expect(num.attributes('aria-invalid')).toBe('true')
    expect(row(m, 'BHYT').find('[role="alert"]').text()).toContain('Tử số (1.200) phải từ 0 đến mẫu số (1.000)')
    expect(await m.db.outbox.count()).toBe(0)
    await type(m, 'ind-BHYT-value-num', '965')
    await until(() => expect(status(m, 'BHYT')).toContain('Đã lưu trên máy'))
    expect(row(m, 'BHYT').find('output').text()).toBe('96,5%')
    expect(await localOf(m.db, 'BHYT')).toEqual({ value: { kind: 'ratio', numerator: 965, denominator: 1000 } })
  })
})

describe('yes / no', () => {
  it('is two labelled radio buttons and a note kept with the answer', async () => {
    const m = await open()
    const group = row(m, 'ANTT').find('fieldset')
    expect(group.find('legend').text()).toBe('Giữ vững an toàn về an ninh trật tự')
    const radios = group.findAll('input[type="radio"]')
    expect(radios.map((r) => r.element.parentElement?.textContent?.trim())).toEqual(['Đạt', 'Không đạt'])
    await radios[0]!.setValue(true)
    await until(() => expect(status(m, 'ANTT')).toContain('Đã lưu trên máy'))
    expect(await localOf(m.db, 'ANTT')).toEqual({ value: { kind: 'yes_no', achieved: true } })
    const note = m.w.find('#ind-ANTT-value-note')
    expect(m.w.find('label[for="ind-ANTT-value-note"]').text()).toBe('Ghi chú')
    await note.setValue('Không có vụ việc phức tạp')
    await note.trigger('change')
    await until(async () => expect(await localOf(m.db, 'ANTT')).toEqual({ value: { kind: 'yes_no', achieved: true, note: 'Không có vụ việc phức tạp' } }))
  })
})

describe('the report', () => {
  it('shows a returned report’s reason at the top', async () => {
    const m = await open(Q1, async (p) => {
      await p.server.decide('T1', '2024-Q1', 'returned', 'Thiếu số liệu BHYT, đề nghị bổ sung')
      await p.sync()
    })
    const banner = m.w.find('.banner--returned')
    expect(banner.find('h2').text()).toBe('Báo cáo bị trả lại')
    expect(banner.text()).toContain('Thiếu số liệu BHYT, đề nghị bổ sung')
    expect(m.w.find('#ind-LUA_DT-value').attributes('disabled')).toBeUndefined()
  })

  it('makes a locked period read-only and says why', async () => {
    const m = await open(Q1, async (p) => {
      await p.server.lock('2024-Q1', 'Đã tổng hợp gửi huyện')
      await p.sync()
    })
    expect(m.w.find('.banner--locked').text()).toContain('Kỳ báo cáo đã khóa: Đã tổng hợp gửi huyện')
    for (const input of m.w.findAll('.entry input, .entry textarea')) expect(input.attributes('disabled')).toBeDefined()
    expect(m.w.find('.entry__submit').exists()).toBe(false)
  })

  it('asks to resolve a conflict before editing the cell', async () => {
    const m = await open(Q1, async (p) => {
      await saveValue({ db: p.db }, { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT', value: num(40) })
      await p.server.write('T1', '2024-Q1', 'LUA_DT', num(50))
      await p.sync()
    })
    expect(row(m, 'LUA_DT').text()).toContain('khác với số trên máy chủ')
    expect(row(m, 'LUA_DT').find('a').attributes('href')).toBe('/can-xu-ly')
    expect(m.w.find('#ind-LUA_DT-value').attributes('disabled')).toBeDefined()
  })

  it('lists the unfilled indicators before sending, and queues the submit while offline', async () => {
    const m = await open()
    await type(m, 'ind-LUA_DT-value', '100')
    await until(() => expect(m.w.find('.entry__meta').text()).toContain('đã nhập 1/4 chỉ tiêu'))
    await m.w.find('.entry__submit button').trigger('click')
    const dialog = m.w.findAll('dialog').find((d) => d.text().includes('chưa nhập'))!
    expect(dialog.text()).toContain('Còn 3 chỉ tiêu chưa nhập')
    expect(dialog.findAll('li').map((li) => li.text())).toEqual(['Sản lượng lúa', 'Tỷ lệ tham gia BHYT', 'Giữ vững an toàn về an ninh trật tự'])
    await dialog.findAll('button').find((b) => b.text() === 'Gửi báo cáo')!.trigger('click')
    await until(() => expect(m.w.find('.banner--locked').exists()).toBe(true))
    expect(m.w.find('.banner--locked').text()).toContain('chờ gửi')
    const submit = (await m.db.outbox.toArray()).find((e) => e.mutation.kind === 'report')
    expect(submit?.mutation).toMatchObject({ kind: 'report', action: 'submit', unit: 'T1', period: '2024-Q1' })
    // Recalled before it went out: the queued submit is cancelled and the screen is editable again.
    await m.w.find('.banner--locked button').trigger('click')
    await until(() => expect(m.w.find('.banner--locked').exists()).toBe(false))
    expect((await m.db.outbox.toArray()).some((e) => e.mutation.kind === 'report')).toBe(false)
  })

  it('asks once before sending a report with warnings that have no note, then sends it', async () => {
    const m = await open(Q1, undefined, TARGETED)
    await type(m, 'ind-LUA_DT-value', '45')
    await until(() => expect(status(m, 'LUA_DT')).toContain('Đã lưu trên máy'))
    await type(m, 'ind-LUA_SL-value', '99.999')
    await until(() => expect(status(m, 'LUA_SL')).toContain('cần ghi chú'))
    await m.w.find('.entry__submit button').trigger('click')
    const dialog = m.w.findAll('dialog').find((d) => d.text().includes('có cảnh báo chưa có ghi chú'))!
    expect(dialog.text()).toContain('2 số liệu có cảnh báo chưa có ghi chú')
    expect(dialog.findAll('li').map((li) => li.text())).toContain('Năng suất lúa')
    await dialog.findAll('button').find((b) => b.text() === 'Vẫn gửi báo cáo')!.trigger('click')
    await until(() => expect(m.w.find('.banner--locked').exists()).toBe(true))
    const submit = (await m.db.outbox.toArray()).find((e) => e.mutation.kind === 'report')
    expect(submit?.mutation).toMatchObject({ kind: 'report', action: 'submit', unit: 'T1', period: '2024-Q1' })
    // The figures went with it, as typed.
    expect(await localOf(m.db, 'LUA_SL')).toEqual({ value: num(99999) })
  })

  it('fills empty cells from the previous period on request, as ordinary edits', async () => {
    const m = await open('/nhap/T1/2024-Q2', async (p) => {
      await p.server.write('T1', '2024-Q1', 'LUA_DT', num(229))
      await p.server.write('T1', '2024-Q1', 'BHYT', { kind: 'ratio', numerator: 950, denominator: 1000 })
      await p.sync()
    })
    await m.w.findAll('button').find((b) => b.text() === 'Điền từ kỳ trước')!.trigger('click')
    const dialog = m.w.findAll('dialog').find((d) => d.text().includes('Điền 2 chỉ tiêu'))!
    await dialog.findAll('button').find((b) => b.text() === 'Điền số kỳ trước')!.trigger('click')
    await until(() => expect(m.w.text()).toContain('Đã điền 2 chỉ tiêu'))
    expect(await localOf(m.db, 'LUA_DT', '2024-Q2')).toEqual({ value: num(229) })
    expect(await localOf(m.db, 'BHYT', '2024-Q2')).toEqual({ value: { kind: 'ratio', numerator: 950, denominator: 1000 } })
    expect(await m.db.outbox.count()).toBe(2)
  })
})

describe('a rejected change', () => {
  it('shows the server’s reason on the cell, and a corrected value replaces the rejected one', async () => {
    const m = await open('/nhap/T1/2024-Q2', async (p) => {
      await saveValue({ db: p.db }, { commune: C, unit: 'T1', period: '2024-Q2', indicator: 'LUA_DT', value: num(40) })
      await p.server.decide('T1', '2024-Q2', 'submitted')
      await p.sync() // rejected: the report was sent from another device
      await p.server.decide('T1', '2024-Q2', 'returned', 'Sửa diện tích lúa')
      await p.sync() // the officer returned it: the unit may edit again
    })
    expect(row(m, 'LUA_DT').find('.notice--error').text()).toContain('Báo cáo kỳ này đã gửi, đang chờ duyệt')
    expect((await m.db.outbox.toArray()).map((e) => e.state)).toEqual(['rejected'])
    await type(m, 'ind-LUA_DT-value', '42')
    await until(() => expect(status(m, 'LUA_DT')).toContain('Đã lưu trên máy'))
    const entries = await m.db.outbox.toArray()
    expect(entries.map((e) => [e.state, e.mutation.kind === 'value' ? e.mutation.value : null])).toEqual([['pending', num(42)]])
    await until(() => expect(row(m, 'LUA_DT').find('.notice--error').exists()).toBe(false))
  })
})
