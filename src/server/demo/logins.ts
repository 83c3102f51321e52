// The start-up printout of the demo logins, taken from the demo files' accounts.
import type { Role } from '../../shared/model'
import type { DemoPlan } from './loadDemo'

const ROLE_LABELS: Readonly<Record<Role, string>> = {
  reporter: 'reporter (báo cáo)',
  officer: 'officer (cán bộ xã)',
  leader: 'leader (lãnh đạo)',
  admin: 'admin (quản trị)',
  province_admin: 'province admin (quản trị tỉnh)',
  province_viewer: 'province viewer (lãnh đạo tỉnh)',
}

const HEADERS = ['username', 'role', 'commune / province', 'units', 'password'] as const

/** A plain-text table, one row per demo account; units by name, `-` for officers and leaders. */
export function formatDemoLogins(demo: readonly DemoPlan[]): string {
  const rows = demo.flatMap(({ file }) => {
    const unitName = new Map(file.units.map((u) => [u.code, u.name]))
    return file.accounts.map((a) => [
      a.username,
      ROLE_LABELS[a.role],
      // The system administrator works across provinces, a province account across its communes.
      a.role === 'admin' ? '-' : a.role === 'province_admin' || a.role === 'province_viewer' ? file.commune.province : file.commune.name,
      a.units.map((u) => unitName.get(u) ?? u).join(', ') || '-',
      a.password,
    ])
  })
  if (rows.length === 0) return 'No demo logins (no demo plan files with accounts).'
  const table = [[...HEADERS], ...rows]
  const widths = HEADERS.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length)))
  const line = (r: readonly string[]): string => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()
  return [line(table[0] ?? []), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}
