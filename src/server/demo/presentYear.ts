// The demo presents its real plans (2022, 2023) as the current year's, so that a newcomer's inbox
// shows this quarter as due rather than four quarters long overdue. Targets stay as signed; the
// plan's own number, date and year are kept as its source.
import type { Phase } from '../../shared/model'
import type { PlanFile } from '../../shared/planFile'

/** `2023-06-30` moved to `year`; 29 February becomes the 28th in a common year. */
export function shiftDate(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  const year = y + years
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate()
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

export function presentAsYear(file: PlanFile, year: number): PlanFile {
  const plan = file.plan
  const shift = year - plan.year
  if (shift === 0) return file
  const phases: Phase[] = plan.phases.map((p) => ({ ...p, from: shiftDate(p.from, shift), to: shiftDate(p.to, shift) }))
  const { number, issuedOn, ...rest } = plan
  return {
    ...file,
    plan: {
      ...rest,
      year,
      // "… năm 2023" is the plan's year; other years in the text (a base year, a term) are the plan's words.
      title: plan.title.replace(new RegExp(`(năm\\s+)${plan.year}`, 'giu'), `$1${year}`),
      source: { ...(number === undefined ? {} : { number }), ...(issuedOn === undefined ? {} : { issuedOn }), year: plan.year },
      phases,
    },
  }
}
