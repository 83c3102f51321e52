// The scoring table editor (ScoringEditor.vue) and the dashboard's ranking (RankingSection.vue),
// mounted alone: the editor refuses, in Vietnamese, a table whose points do not add up and saves
// one that does; the ranking shows a table and cards with each unit's breakdown, and the officer's
// council score above its maximum is refused before anything is sent.
import { flushPromises, mount, RouterLinkStub, type VueWrapper } from '@vue/test-utils'
import * as v from 'valibot'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, shallowRef } from 'vue'
import phoThuan from '../../../src/server/demo/plans/pho-thuan-2023.json'
import { createAppI18n } from '../../../src/client/modules/i18n'
import ScoringEditor from '../../../src/client/officer/scoring/ScoringEditor.vue'
import RankingSection from '../../../src/client/officer/scoring/RankingSection.vue'
import * as api from '../../../src/client/officer/scoring/api'
import { PlanSchema, type Plan } from '../../../src/shared/model'
import type { Ranking } from '../../../src/shared/scoring'

const PLAN: Plan = v.parse(PlanSchema, phoThuan.plan)
const [A, B] = PLAN.indicators

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  vi.restoreAllMocks()
})

describe('ScoringEditor', () => {
  function setup(plan: Plan = PLAN) {
    const current = shallowRef(plan)
    const change = vi.fn(async (edit: (p: Plan) => Plan) => {
      current.value = edit(current.value)
    })
    const Parent = defineComponent(() => () => h(ScoringEditor, { plan: current.value, change }))
    wrapper = mount(Parent, { global: { plugins: [createAppI18n('vi')] }, attachTo: document.body })
    return { w: wrapper, current, change }
  }

  it('refuses a table whose points do not add up as declared, in Vietnamese, saving nothing', async () => {
    const { w, change } = setup()
    await w.find(`input[data-indicator="${A!.code}"]`).setValue('60')
    await w.find(`input[data-indicator="${B!.code}"]`).setValue('30,5')
    await w.find('[data-test="add-criterion"]').trigger('click')
    await w.find('input[name="criterionName"]').setValue('Chấp hành chế độ báo cáo')
    await w.find('input[name="criterionMax"]').setValue('10')
    await w.find('input[name="total"]').setValue('100')
    expect(w.find('[data-test="scoring-sum"]').text()).toBe('Các phần cộng lại: 100,5 điểm')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(change).not.toHaveBeenCalled()
    expect(w.find('[role="alert"]').text()).toContain('tổng điểm khai báo là 100 nhưng các phần cộng lại 100,5')
  })

  it('refuses a number typed the wrong way with the number reader’s reason', async () => {
    const { w, change } = setup()
    await w.find(`input[data-indicator="${A!.code}"]`).setValue('mười')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(change).not.toHaveBeenCalled()
    expect(w.find('[role="alert"]').text()).toContain(A!.name)
  })

  it('saves a table that adds up, with its bonus, deductions and criteria, into the plan', async () => {
    const { w, change, current } = setup()
    await w.find(`input[data-indicator="${A!.code}"]`).setValue('60')
    await w.find(`input[data-indicator="${B!.code}"]`).setValue('30')
    await w.find('input[name="perExceeded"]').setValue('2')
    await w.find('input[name="bonusMax"]').setValue('5')
    await w.find('input[name="perLate"]').setValue('1')
    await w.find('input[name="perReturned"]').setValue('1,5')
    await w.find('[data-test="add-criterion"]').trigger('click')
    await w.find('input[name="criterionName"]').setValue('Chấp hành chế độ báo cáo')
    await w.find('input[name="criterionMax"]').setValue('10')
    await w.find('input[name="total"]').setValue('100')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(change).toHaveBeenCalledTimes(1)
    expect(current.value.scoring).toEqual({
      total: 100,
      indicators: [
        { indicator: A!.code, points: 60 },
        { indicator: B!.code, points: 30 },
      ],
      partial: true,
      bonus: { perExceeded: 2, max: 5 },
      deductions: { perLate: 1, perReturned: 1.5 },
      criteria: [{ code: 'TC1', name: 'Chấp hành chế độ báo cáo', max: 10 }],
    })
    expect(w.find('[role="status"]').text()).toBe('Đã lưu bảng điểm.')
    // The form shows the saved table again.
    expect((w.find(`input[data-indicator="${A!.code}"]`).element as HTMLInputElement).value).toBe('60')
  })
})

const RANKING: Ranking = {
  year: 2023,
  asOf: { period: '2023-Q2', kind: 'quarter', from: '2023-04-01', to: '2023-06-30' },
  basis: 'approved',
  generatedAt: '2023-07-10T03:00:00.000Z',
  total: 100,
  bonusMax: 5,
  maximum: 105,
  criteria: [{ code: 'BC', name: 'Chấp hành chế độ báo cáo', max: 10 }],
  units: [
    {
      rank: 1,
      unit: 'TDP1',
      unitName: 'Tổ dân phố 1',
      indicators: [{ indicator: 'BHYT', name: 'Tỷ lệ tham gia BHYT', points: 90, status: 'exceeded', progress: 1.02, earned: 90, exceeded: true }],
      achieved: 1,
      exceeded: 1,
      indicatorPoints: 90,
      bonus: 2,
      late: 0,
      returned: 0,
      deduction: 0,
      criteria: [{ code: 'BC', name: 'Chấp hành chế độ báo cáo', max: 10, score: 9.5 }],
      criteriaPoints: 9.5,
      total: 101.5,
    },
    {
      rank: 2,
      unit: 'TDP2',
      unitName: 'Tổ dân phố 2',
      indicators: [{ indicator: 'BHYT', name: 'Tỷ lệ tham gia BHYT', points: 90, status: 'not_yet', progress: 0.5, earned: 45, exceeded: false }],
      achieved: 0,
      exceeded: 0,
      indicatorPoints: 45,
      bonus: 0,
      late: 1,
      returned: 1,
      deduction: 3,
      criteria: [{ code: 'BC', name: 'Chấp hành chế độ báo cáo', max: 10, score: null }],
      criteriaPoints: 0,
      total: 42,
    },
  ],
}

describe('RankingSection', () => {
  beforeEach(() => {
    vi.spyOn(api, 'getRanking').mockResolvedValue(RANKING)
  })

  async function setup(manager = true) {
    wrapper = mount(RankingSection, {
      props: { commune: 'pho-thuan', query: { year: 2023, period: '2023-Q2' }, manager },
      global: { plugins: [createAppI18n('vi')], stubs: { RouterLink: RouterLinkStub } },
      attachTo: document.body,
    })
    await flushPromises()
    return wrapper
  }

  it('shows the ranking as a table and as cards, each unit with its breakdown', async () => {
    const w = await setup()
    expect(api.getRanking).toHaveBeenCalledWith('pho-thuan', { year: 2023, period: '2023-Q2' }, expect.anything())
    const rows = w.findAll('[data-test="ranking-table"] tbody tr[data-unit]')
    expect(rows.map((r) => r.find('th').text())).toEqual(['Tổ dân phố 1', 'Tổ dân phố 2'])
    expect(rows[0]!.text()).toContain('101,5')
    expect(rows[1]!.text()).toContain('−3')
    const cards = w.findAll('[data-test="ranking-cards"] li.ranking__card')
    expect(cards.map((c) => c.find('.ranking__badge').text())).toEqual(['Hạng 1', 'Hạng 2'])
    expect(cards[1]!.text()).toContain('Báo cáo trễ: 1 · bị trả lại: 1')
    await rows[1]!.find('button').trigger('click')
    expect(w.find('[data-test="ranking-details"]').text()).toContain('Tỷ lệ tham gia BHYT — chưa đạt, 45/90 điểm')
  })

  it('refuses a council score above its maximum before sending, and sends one within it', async () => {
    const put = vi.spyOn(api, 'putCouncilScores').mockResolvedValue({ unit: 'TDP2', year: 2023, scores: { BC: 8 } })
    const w = await setup()
    await w.findAll('[data-test="ranking-table"] tbody tr[data-unit]')[1]!.find('button').trigger('click')
    await w.find('input[name="score-BC"]').setValue('12')
    await w.find('[data-test="save-scores"]').trigger('click')
    await flushPromises()
    expect(put).not.toHaveBeenCalled()
    expect(w.find('[data-test="ranking-details"] [role="alert"]').text()).toBe('Chấp hành chế độ báo cáo: tối đa 10 điểm')
    await w.find('input[name="score-BC"]').setValue('8')
    await w.find('[data-test="save-scores"]').trigger('click')
    await flushPromises()
    expect(put).toHaveBeenCalledWith('pho-thuan', 2023, 'TDP2', { BC: 8 })
  })

  it('says when the plan has no scoring table, with the way to set it up', async () => {
    const { ApiRequestError } = await import('../../../src/client/api')
    vi.spyOn(api, 'getRanking').mockRejectedValue(new ApiRequestError('Kế hoạch năm 2023 chưa có bảng điểm thi đua', 409, 'no_scoring_table'))
    const w = await setup()
    expect(w.text()).toContain('Kế hoạch năm này chưa có bảng điểm thi đua.')
    expect(w.findComponent(RouterLinkStub).props('to')).toEqual({ name: 'plan-setup', params: { commune: 'pho-thuan' } })
  })
})
