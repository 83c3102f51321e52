// The demo presents its real plans (2022, 2023) as the current year's, so that a newcomer's inbox
// shows this quarter as due rather than four quarters long overdue. Targets stay as signed; the
// plan's own number, date and year are kept as its source.
import type { Phase } from '../../shared/model'
import { shiftPhase } from '../../shared/periods'
import type { PlanFile } from '../../shared/planFile'


export function presentAsYear(file: PlanFile, year: number): PlanFile {
  const plan = file.plan
  const shift = year - plan.year
  if (shift === 0) return file
  const phases: Phase[] = plan.phases.map((p) => shiftPhase(p, shift))
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
