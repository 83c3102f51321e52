import 'fake-indexeddb/auto'
// The phone's evidence panel: a photo chosen is queued with its caption and shown waiting; a file
// the phone refuses by its bytes is said so and not kept; a file the server refused shows the
// server's reason with "Gửi lại" and "Bỏ tệp này".
import { randomUUID } from 'node:crypto'
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import EvidencePanel from '../../../src/client/evidence/EvidencePanel.vue'
import { openEvidenceDb } from '../../../src/client/evidence/store'
import { createAppI18n } from '../../../src/client/modules/i18n'
import { until } from '../app/harness'

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9])
const dbs: ReturnType<typeof openEvidenceDb>[] = []
afterEach(() => {
  for (const db of dbs.splice(0)) db.close()
  document.body.innerHTML = ''
})

function panel(indicator: string | null = 'LUA_DT', extra: { readOnly?: boolean } = {}) {
  const db = openEvidenceDb(`panel-${randomUUID()}`)
  dbs.push(db)
  const w = mount(EvidencePanel, {
    props: { commune: 'xa-thu', unit: 'T1', period: '2024-Q1', indicator, db, upload: false, clock: () => new Date('2024-05-10T08:00:00Z'), newId: () => randomUUID(), compress: async (b: Blob) => b, ...extra },
    global: { plugins: [createAppI18n('vi')] },
    attachTo: document.body,
  })
  return { w, db }
}

async function choose(w: ReturnType<typeof panel>['w'], which: 'photo' | 'file', file: File): Promise<void> {
  const input = w.find(`input[data-pick="${which}"]`)
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
  await flushPromises()
}

describe('the evidence panel', () => {
  it('queues a photo with its caption, waiting to be sent, and offers the camera', async () => {
    const { w, db } = panel()
    expect(w.find('input[data-pick="photo"]').attributes()).toMatchObject({ accept: 'image/*', capture: 'environment' })
    await w.find('input[type="text"]').setValue('Đường bê tông thôn 1')
    await choose(w, 'photo', new File([JPEG], 'IMG_0001.jpg'))
    await until(() => expect(w.findAll('[data-file]')).toHaveLength(1))
    expect(w.find('[data-file]').text()).toContain('Đường bê tông thôn 1')
    expect(w.find('[data-file]').text()).toContain('Chờ gửi')
    expect(await db.files.toArray()).toEqual([expect.objectContaining({ unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT', caption: 'Đường bê tông thôn 1', state: 'waiting', type: 'image/jpeg' })])
    expect((w.find('input[type="text"]').element as HTMLInputElement).value).toBe('')
  })

  it('refuses a page named like a photo, keeping nothing', async () => {
    const { w, db } = panel()
    await choose(w, 'file', new File(['<html><body>x</body></html>'], 'anh.jpg'))
    await until(() => expect(w.find('[role="alert"]').exists()).toBe(true))
    expect(w.find('[role="alert"]').text()).toBe('Không thêm được tệp: chỉ nhận ảnh JPEG, PNG, WebP hoặc tệp PDF')
    expect(await db.files.count()).toBe(0)
  })

  it('shows a refused file with the server’s reason, sends it again or drops it', async () => {
    const { w, db } = panel(null)
    await db.files.add({
      clientId: 'c-refused-1', commune: 'xa-thu', unit: 'T1', period: '2024-Q1', indicator: null, caption: 'Danh sách hộ BHYT', filename: 'bhyt.pdf',
      type: 'application/pdf', size: 10, blob: new Blob(['%PDF-1.4 %%EOF']), state: 'refused', uploadUrl: null, sent: 0, evidenceId: null, createdAt: '2024-05-10T08:00:00.000Z',
      refusal: { code: 'evidence_period_locked', key: 'evidence_period_locked', message: 'Kỳ báo cáo đã khóa, không thêm hoặc xóa minh chứng được' },
    })
    await until(() => expect(w.find('[data-file="c-refused-1"]').exists()).toBe(true))
    expect(w.find('[data-file="c-refused-1"]').text()).toContain('Bị từ chối: Kỳ báo cáo đã khóa, không thêm hoặc xóa minh chứng được')
    await w.find('[data-action="retry"]').trigger('click')
    await until(async () => expect((await db.files.get('c-refused-1'))?.state).toBe('waiting'))
    await db.files.update('c-refused-1', { state: 'refused', refusal: { code: 'evidence_quota', message: 'Xã/phường đã dùng hết dung lượng' } })
    await until(() => expect(w.find('[data-action="drop"]').exists()).toBe(true))
    await w.find('[data-action="drop"]').trigger('click')
    await until(async () => expect(await db.files.count()).toBe(0))
  })

  it('lists a file sent from the head’s other phone (pulled), with its thumbnail, and says "Đã gửi"', async () => {
    const { w, db } = panel('LUA_DT')
    await db.files.add({
      clientId: 'c-other-phone', commune: 'xa-thu', unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT', caption: 'Ruộng thôn 2', filename: 'a.jpg',
      type: 'image/jpeg', size: 10, blob: null, state: 'stored', uploadUrl: null, sent: 10, refusal: null, evidenceId: '7b0c9a52-5f7e-4a53-9d0e-0d6f8f6a1c11',
      createdAt: '2024-05-10T08:00:00.000Z', thumbnail: true, version: 4, uploadedBy: 'xa-thu.t1',
    })
    await until(() => expect(w.find('[data-file="c-other-phone"]').exists()).toBe(true))
    expect(w.find('[data-file="c-other-phone"]').text()).toContain('Đã gửi')
    expect(w.find('[data-file="c-other-phone"] img').attributes()).toMatchObject({
      src: '/api/communes/xa-thu/evidence/7b0c9a52-5f7e-4a53-9d0e-0d6f8f6a1c11/thumbnail',
      alt: 'Ảnh thu nhỏ: Ruộng thôn 2',
    })
  })

  it('keeps the location setting on this phone, off by default, and a read-only report takes no file', async () => {
    localStorage.removeItem('thidua.evidence.keepLocation')
    const { w } = panel()
    const box = w.find('input[data-setting="location"]')
    expect((box.element as HTMLInputElement).checked).toBe(false)
    ;(box.element as HTMLInputElement).checked = true
    await box.trigger('change')
    expect(localStorage.getItem('thidua.evidence.keepLocation')).toBe('1')
    w.unmount()
    const again = panel(null, { readOnly: true }).w
    expect(again.find('h4').text()).toBe('Minh chứng cho cả báo cáo')
    expect(again.find('input[type="file"]').exists()).toBe(false)
    expect(again.text()).toContain('Báo cáo không còn sửa được')
    localStorage.removeItem('thidua.evidence.keepLocation')
  })
})
