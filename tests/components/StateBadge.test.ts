import { mountSuspended } from '@nuxt/test-utils/runtime'
import { describe, expect, it } from 'vitest'
import StateBadge from '../../components/application/StateBadge.vue'

describe('StateBadge', () => {
  it('shows the state and the working days left of an open application', async () => {
    const badge = await mountSuspended(StateBadge, { props: { stateLabel: '待审核', open: true, daysLeft: 2 } })
    expect(badge.text()).toContain('待审核')
    expect(badge.text()).toContain('剩余2个工作日')
  })

  it('says when the deadline is today, and by how much it is overdue', async () => {
    expect((await mountSuspended(StateBadge, { props: { stateLabel: '待审核', open: true, daysLeft: 0 } })).text()).toContain('今日到期')
    expect((await mountSuspended(StateBadge, { props: { stateLabel: '待审核', open: true, daysLeft: -3 } })).text()).toContain('已超期3个工作日')
  })

  it('shows no deadline once the application is closed', async () => {
    const badge = await mountSuspended(StateBadge, { props: { stateLabel: '已办结', open: false, daysLeft: -3 } })
    expect(badge.text()).toBe('已办结')
  })
})
