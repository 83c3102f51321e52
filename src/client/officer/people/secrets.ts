// Passwords and PINs the officer hands to a village head, and how the screens describe devices
// and times. No network, no DOM beyond the Web Crypto API.

/** Six random digits (a PIN a village head can type on any phone), uniform over 000000–999999. */
export function generatePin(random: (a: Uint32Array) => Uint32Array = (a) => crypto.getRandomValues(a)): string {
  // Rejection sampling: 2^32 is not a multiple of 10^6, so the top sliver is drawn again.
  const limit = Math.floor(0x1_0000_0000 / 1_000_000) * 1_000_000
  const box = new Uint32Array(1)
  for (;;) {
    const n = random(box)[0]!
    if (n < limit) return String(n % 1_000_000).padStart(6, '0')
  }
}

// Names, codes and passwords are checked with the server's own schemas (shared/model.ts CodeSchema,
// shared/province.ts UsernameSchema and PasswordSchema): one rule, one place.

/** The one description of a device lives in shared/devices.ts. */
export { describeDevice } from '../../../shared/devices'

/** "3 giờ trước" / "3 hours ago": how long ago `iso` was, in the UI language. */
export function formatAgo(iso: string, now: Date, locale: 'vi' | 'en'): string {
  const seconds = Math.round((new Date(iso).getTime() - now.getTime()) / 1000)
  const fmt = new Intl.RelativeTimeFormat(locale === 'vi' ? 'vi-VN' : 'en', { numeric: 'auto' })
  const abs = Math.abs(seconds)
  if (abs < 60) return fmt.format(0, 'second')
  if (abs < 3600) return fmt.format(Math.round(seconds / 60), 'minute')
  if (abs < 86_400) return fmt.format(Math.round(seconds / 3600), 'hour')
  if (abs < 30 * 86_400) return fmt.format(Math.round(seconds / 86_400), 'day')
  if (abs < 365 * 86_400) return fmt.format(Math.round(seconds / (30 * 86_400)), 'month')
  return fmt.format(Math.round(seconds / (365 * 86_400)), 'year')
}
