// The drafter run for the server in a worker thread (src/server/planDraft/draftInWorker.ts): the
// draft is the one the pure function gives, drafts sent together each get their own, and a draft
// past the time limit ends the worker with a refusal while the next draft gets a new worker.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { draftInWorker, draftRefusal } from '../../src/server/planDraft/draftInWorker'
import { draftPlan } from '../../src/shared/planDraft/extract'

const heldOut = (name: string): string => readFileSync(new URL(`../fixtures/heldout2/${name}`, import.meta.url), 'utf8')

const WARD = [
  'KẾ HOẠCH',
  'Phát động phong trào thi đua năm 2026',
  'I. CHỈ TIÊU',
  '1. Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa” từ 92% trở lên.',
  '2. Giữ vững an ninh chính trị, trật tự an toàn xã hội; không để xảy ra điểm nóng.',
  '3. Thu ngân sách trên địa bàn đạt 12.500 triệu đồng.',
].join('\n')

describe('the drafter in its worker', () => {
  it('gives the draft the pure function gives, for drafts sent together', async () => {
    const texts = [WARD, heldOut('xa-dong-son-2025.txt'), 'Biên bản họp chi bộ thôn về việc tu sửa nhà văn hóa.']
    const outcomes = await Promise.all(texts.map((t) => draftInWorker(t, 2026)))
    outcomes.forEach((outcome, i) => {
      expect(outcome.ok).toBe(true)
      if (outcome.ok) expect(outcome.draft).toEqual(draftPlan(texts[i] ?? '', { year: 2026 }))
    })
    const [ward, , none] = outcomes
    expect(ward?.ok && ward.draft.indicators.length).toBe(4)
    expect(none?.ok && none.draft.noTargets).toBe(true)
  })

  it('refuses a draft past its time limit, and drafts the next one in a new worker', async () => {
    // Drafting a text of a megabyte takes far longer than 1 ms: the limit is passed before any answer.
    const long = Array.from({ length: 3000 }, () => WARD).join('\n')
    const late = await draftInWorker(long, 2026, { ms: 1 })
    expect(late).toEqual({ ok: false, reason: 'timeout' })
    const next = await draftInWorker(WARD, 2026)
    expect(next.ok && next.draft.indicators.length).toBe(4)
  })

  it('says why there is no draft in Vietnamese', () => {
    expect(draftRefusal('timeout')).toMatch(/^Văn bản quá dài hoặc quá phức tạp để soạn bản nháp \(quá 30 giây\): hãy dán riêng/)
    expect(draftRefusal('memory')).toMatch(/^Văn bản quá lớn để soạn bản nháp/)
    expect(draftRefusal('broken')).toMatch(/^Không soạn được bản nháp từ văn bản này/)
  })
})
