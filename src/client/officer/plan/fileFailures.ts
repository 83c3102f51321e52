// What a failed plan file call says, for the plan screen's import and the draft screen's document
// and import: one wording of each kind of failure, and what a refused write changes on screen.
import type { PlanImportPreview } from '../../../shared/planImport'
import type { Translate } from '../../modules/i18n'
import { PlanFileError } from './api'


/**
 * The failure in words, from the message group `prefix` (each has network, tooBigServer, server
 * and refused): the server's own reason for a refusal.
 */
export function fileFailureText(err: unknown, t: Translate, prefix: 'planSetup.files' | 'planDraft.input', max: string): string {
  if (!(err instanceof PlanFileError)) return t(`${prefix}.network`)
  switch (err.kind) {
    case 'network':
      return t(`${prefix}.network`)
    case 'too_big':
      return t(`${prefix}.tooBigServer`, { max })
    case 'server':
      return t(`${prefix}.server`)
    default:
      return err.serverMessage ?? t(`${prefix}.refused`, { status: err.status ?? '' })
  }
}

/** What a refused write means for the preview on screen: its problems, a confirmation to ask, the message. */
export interface WriteRefusal {
  preview: PlanImportPreview
  mustConfirm: boolean
  message: string
}

export function writeRefusal(err: unknown, shown: PlanImportPreview, year: number, t: Translate, max: string): WriteRefusal {
  if (err instanceof PlanFileError && err.kind === 'invalid') {
    // What the server found at writing time replaces what the preview listed.
    const problems = err.problems.length > 0 ? err.problems : shown.problems.length === 0 ? [{ message: err.serverMessage ?? t('planSetup.files.invalidWrite') }] : shown.problems
    return { preview: { ...shown, problems }, mustConfirm: false, message: t('planSetup.files.invalidWrite') }
  }
  if (err instanceof PlanFileError && err.kind === 'has_reports') return { preview: shown, mustConfirm: true, message: t('planSetup.files.hasReports', { year }) }
  return { preview: shown, mustConfirm: false, message: t('planSetup.files.writeFailed', { message: fileFailureText(err, t, 'planSetup.files', max) }) }
}
