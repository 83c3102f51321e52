// A device in words from the user agent the server keeps (shared/devices), and the plan year the
// periods screen opens on (shared/periods planYearFor).
import { describe, expect, it } from 'vitest'
import { describeDevice, deviceKind } from '../../src/shared/devices'
import { planYearFor } from '../../src/shared/periods'

const ANDROID = 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36'
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1'
const IPAD = 'Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1'
const TAB = 'Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36'
const WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0'

describe('deviceKind', () => {
  it('tells a phone, a tablet and a computer apart; unknown without a user agent', () => {
    expect(deviceKind(ANDROID)).toBe('phone')
    expect(deviceKind(IPHONE)).toBe('phone')
    expect(deviceKind(IPAD)).toBe('tablet')
    expect(deviceKind(TAB)).toBe('tablet')
    expect(deviceKind(WINDOWS)).toBe('computer')
    expect(deviceKind('curl/8.0')).toBeNull()
    expect(deviceKind(null)).toBeNull()
    expect(describeDevice(ANDROID)).toBe('Android · Chrome')
    expect(describeDevice(WINDOWS)).toBe('Windows · Edge')
  })
})

describe('planYearFor', () => {
  it('opens on this year’s plan, else the latest before, else the first after, else this year', () => {
    expect(planYearFor([2023, 2024, 2025], 2024)).toBe(2024)
    expect(planYearFor([2022, 2023], 2025)).toBe(2023)
    expect(planYearFor([2027, 2026], 2025)).toBe(2026)
    expect(planYearFor([], 2025)).toBe(2025)
  })
})
