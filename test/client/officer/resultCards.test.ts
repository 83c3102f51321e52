// The chairman's phone dashboard (ResultCards.vue): each indicator a card with its name, the status
// in words (a verdict on part of the units said so), a bar of the share done, the year to date and
// the target; nothing else of the table's eight columns.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createAppI18n, registerMessages } from '../../../src/client/modules/i18n'
import { dashboardMessages } from '../../../src/client/officer/dashboard/messages'
import type { FieldSection } from '../../../src/client/officer/dashboard/present'
import ResultCards from '../../../src/client/officer/dashboard/ResultCards.vue'
import { ANTT, BHYT, LUA, SDD, VIEC_LAM } from './dashboard.fixture'

registerMessages(dashboardMessages)

const section: FieldSection = { code: 'KT', title: 'Kinh tế', depth: 0, top: 'KT', indicators: [LUA, VIEC_LAM, BHYT, SDD, ANTT] }

function cards() {
  const w = mount(ResultCards, { props: { section }, global: { plugins: [createAppI18n('vi')] } })
  return { w, card: (code: string) => w.find(`li[data-indicator="${code}"]`) }
}

describe('the dashboard’s cards', () => {
  it('gives each indicator a card, in the field’s order, named as a list of the field', () => {
    const { w } = cards()
    expect(w.find('ul.dash-cards').attributes('aria-label')).toBe('Kết quả các chỉ tiêu lĩnh vực Kinh tế')
    expect(w.findAll('li.dash-card').map((c) => c.attributes('data-indicator'))).toEqual(['LUA', 'VL', 'BHYT', 'SDD', 'ANTT'])
    expect(w.findAll('.dash-card__name').map((c) => c.text())).toEqual([LUA.name, VIEC_LAM.name, BHYT.name, SDD.name, ANTT.name])
  })

  it('shows the status in words with its qualifier, the bar, the year to date and the target', () => {
    const { card } = cards()
    const rice = card('LUA')
    // 2 of 3 villages reported: the verdict says it is provisional.
    expect(rice.find('.dash-card__status').text()).toBe('◔ chưa đạt (tạm tính, 2/3 đơn vị)')
    expect(rice.find('.dash-card__actual').text()).toBe('1.303,65 tấn')
    expect(rice.find('.dash-card__target').text()).toBe('đạt 1.448,5 tấn trở lên')
    expect(rice.find('.dash-card__progress').text()).toBe('90%')
    expect(rice.find<HTMLElement>('.dash-card__fill').element.style.width).toBe('90%')
    expect(rice.find('.dash-card__bar').attributes('aria-hidden')).toBe('true')
    expect(rice.classes()).toContain('dash-card--not_yet')
    // Exceeded: the bar is full, the share said in words.
    expect(card('VL').find<HTMLElement>('.dash-card__fill').element.style.width).toBe('100%')
    expect(card('VL').find('.dash-card__progress').text()).toBe('111,1%')
    expect(card('BHYT').find('.dash-card__actual').text()).toBe('96,5%')
    expect(card('ANTT').find('.dash-card__actual').text()).toBe('Không đạt')
  })

  it('has no bar and a dash where nothing is reported yet', () => {
    const { card } = cards()
    const sdd = card('SDD')
    expect(sdd.find('.dash-card__bar').exists()).toBe(false)
    expect(sdd.find('.dash-card__actual').text()).toBe('—')
    expect(sdd.find('.dash-card__status').text()).toContain('chưa có số liệu')
    expect(sdd.find('.dash-card__target').text()).toBe('dưới 5,6%')
  })
})
