// The update prompt: says a new version is ready, and leaves the choice to the user.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import UpdatePrompt from '../../../src/client/components/pwa/UpdatePrompt.vue'

describe('UpdatePrompt', () => {
  it('announces the new version politely, with both choices', () => {
    const wrapper = mount(UpdatePrompt)
    expect(wrapper.get('[role="status"]').attributes('aria-live')).toBe('polite')
    expect(wrapper.text()).toContain('Có phiên bản mới.')
    expect(wrapper.findAll('button').map((b) => b.text())).toEqual(['Cập nhật', 'Để sau'])
  })

  it('"Cập nhật" asks for the update once and says it is under way', async () => {
    const wrapper = mount(UpdatePrompt)
    await wrapper.get('button').trigger('click')
    expect(wrapper.emitted('update')).toHaveLength(1)
    expect(wrapper.text()).toContain('Đang cập nhật…')
    for (const button of wrapper.findAll('button')) expect(button.attributes('disabled')).toBeDefined()
  })

  it('"Để sau" dismisses it', async () => {
    const wrapper = mount(UpdatePrompt)
    await wrapper.findAll('button')[1]!.trigger('click')
    expect(wrapper.emitted('dismiss')).toHaveLength(1)
    expect(wrapper.emitted('update')).toBeUndefined()
  })
})
