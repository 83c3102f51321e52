// The year a workspace screen shows: the one its address names, or this year in Vietnam.
import { vietnamDate } from '../../../shared/periods'

/** The year an address names (`?nam=2024`, `/binh-xet/2024`): four digits, else undefined. */
export function yearParam(value: unknown): number | undefined {
  return typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : undefined
}

/** This year in Vietnam (UTC+7), whatever the device's time zone. */
export function vietnamYear(now: Date = new Date()): number {
  return Number(vietnamDate(now).slice(0, 4))
}
