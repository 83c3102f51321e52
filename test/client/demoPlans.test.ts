// Every demo plan the server ships renders in the viewer: each indicator once, with its target described.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import PlanView from '../../src/client/components/plan/PlanView.vue'
import { createAppI18n } from '../../src/client/modules/i18n'
import { loadPlanFile } from '../../src/shared/planFile'

const files = Object.entries(import.meta.glob<unknown>('../../src/server/demo/plans/*.json', { eager: true, import: 'default' }))

describe('the demo plans in the viewer', () => {
  // The folder may still be empty: this test keeps the suite non-empty and checks what is there.
  it('reads every demo plan file with the shared schema', () => {
    expect(files.filter(([, json]) => !loadPlanFile(json).ok).map(([name]) => name)).toEqual([])
  })

  it.each(files)('%s renders every indicator', (name, json) => {
    const loaded = loadPlanFile(json)
    if (!loaded.ok) throw new Error(`${name} fails the schema`)
    const { commune, units, plan } = loaded.file
    const w = mount(PlanView, { props: { commune, units, plan, issues: loaded.issues }, global: { plugins: [createAppI18n('vi')] } })
    expect(w.findAll('li.indicator')).toHaveLength(plan.indicators.length)
    expect(w.findAll('.indicator__target').every((t) => t.text().length > 0)).toBe(true)
    expect(w.find('.plan-issues').exists()).toBe(loaded.issues.length > 0)
  })
})
