// What a device is, from the user agent its sign-in sent: the server keeps it per session
// (sessions.user_agent beside device_id), and the screens name a device by its kind and the
// person who used it ("điện thoại của Nguyễn Văn An"), never by its id. Pure.

/** A phone, a tablet or a computer; null when the user agent is unknown or says too little. */
export type DeviceKind = 'phone' | 'tablet' | 'computer'

export function deviceKind(userAgent: string | null | undefined): DeviceKind | null {
  if (!userAgent) return null
  const ua = userAgent
  if (/iPad|Tablet/.test(ua) || (/Android/.test(ua) && !/Mobile/.test(ua))) return 'tablet'
  if (/iPhone|iPod|Android|Mobile/.test(ua)) return 'phone'
  if (/Windows|Macintosh|Mac OS X|Linux|CrOS/.test(ua)) return 'computer'
  return null
}

/** "Android · Chrome", "iPhone · Safari", "Windows · Edge": enough to tell a head's phone from an office PC. */
export function describeDevice(userAgent: string | null | undefined): string {
  if (!userAgent) return ''
  const ua = userAgent
  const os = /Android/.test(ua) ? 'Android' : /iPhone|iPad|iPod/.test(ua) ? 'iPhone' : /Windows/.test(ua) ? 'Windows' : /Mac OS X|Macintosh/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : ''
  const browser = /Edg\//.test(ua) ? 'Edge' : /OPR\/|Opera/.test(ua) ? 'Opera' : /Firefox\/|FxiOS/.test(ua) ? 'Firefox' : /Chrome\/|CriOS/.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : ''
  return [os, browser].filter(Boolean).join(' · ')
}
