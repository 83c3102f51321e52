// The phone's registrations for emulation titles (IndexedDB `registrations`, `registrationTitles`,
// `registrationSettings`): what the registration screen reads, and the user's writes — a draft kept
// on the phone, a submit or recall queued in the outbox in the same transaction (./outbox.ts).
// Loaded with the registration screen only, never in the phone's first load.
import { effectiveTitles, OPEN_SETTINGS, type RegistrationContent, type RegistrationSettings, type RegistrationTitle } from '../../shared/registration'
import type { RegistrationRow, ThiDuaDb } from '../local/db'
import { inEditTransaction, type EditDeps } from '../local/edits'
import type { Queued } from '../local/outbox'
import { emptyRegistration, plainContent, queueRegistration, type RegistrationTarget } from './outbox'

export interface RegistrationView {
  row: RegistrationRow
  /** The content to show: the draft, else what waits in the outbox, else the server's. */
  content: RegistrationContent
  titles: readonly RegistrationTitle[]
  settings: RegistrationSettings
}

/** A unit's registration of a year, with the commune's titles and the year's deadline. */
export async function registrationView(db: ThiDuaDb, t: RegistrationTarget): Promise<RegistrationView> {
  const [row, titles, settings] = await Promise.all([
    db.registrations.get([t.commune, t.unit, t.year]),
    db.registrationTitles.where('[commune+code]').between([t.commune], [t.commune, []], true, true).toArray(),
    db.registrationSettings.get([t.commune, t.year]),
  ])
  const r = row ?? emptyRegistration(t.commune, t.unit, t.year)
  return {
    row: r,
    content: r.draft ?? r.pending?.content ?? r.content,
    titles: effectiveTitles(titles.map(({ code, name, scope, unitKinds, active }) => ({ code, name, scope, unitKinds, active }))),
    settings: settings ? { deadline: settings.deadline, allowLate: settings.allowLate, allowLateUnits: settings.allowLateUnits } : OPEN_SETTINGS,
  }
}

/** Keeps what the user typed on this phone (not sent). */
export function saveRegistrationDraft(deps: EditDeps, t: RegistrationTarget, content: RegistrationContent): Promise<void> {
  return inEditTransaction(deps, async ({ db }) => {
    const row = (await db.registrations.get([t.commune, t.unit, t.year])) ?? emptyRegistration(t.commune, t.unit, t.year)
    await db.registrations.put({ ...row, draft: plainContent(content) })
  })
}

/** Queues "Gửi đăng ký" with the whole content. */
export function submitRegistration(deps: EditDeps, t: RegistrationTarget, content: RegistrationContent): Promise<Queued | null> {
  return inEditTransaction(deps, (ctx) => queueRegistration(ctx, t, 'submit', content))
}

/** Queues "Rút lại đăng ký". Resolves null when it cancelled a submit not yet sent. */
export function recallRegistration(deps: EditDeps, t: RegistrationTarget): Promise<Queued | null> {
  return inEditTransaction(deps, (ctx) => queueRegistration(ctx, t, 'recall'))
}
