// The registration routes (src/server/routes/registrations.ts): the board, a unit's registration,
// the officer's decision, the year's deadline and the commune's title list.
import type { BoardUnit, Registration, RegistrationBoard, RegistrationContent, RegistrationSettings, RegistrationTitle } from '../../../shared/registration'
import { apiRequest, communePath } from '../../api'

export type { BoardUnit, Registration, RegistrationBoard } from '../../../shared/registration'


export type Decision = { action: 'approve' } | { action: 'return'; reason: string } | { action: 'reopen'; reason: string }

export function getBoard(commune: string, year: number, signal?: AbortSignal): Promise<RegistrationBoard> {
  return apiRequest(communePath(commune, `registrations/${year}`), { signal })
}

export function getUnitRegistration(commune: string, year: number, unit: string, signal?: AbortSignal): Promise<BoardUnit> {
  return apiRequest(communePath(commune, `registrations/${year}/${encodeURIComponent(unit)}`), { signal })
}

export function putRegistration(commune: string, year: number, unit: string, body: { action: 'save' | 'submit'; content: RegistrationContent } | { action: 'recall' }): Promise<Registration> {
  return apiRequest(communePath(commune, `registrations/${year}/${encodeURIComponent(unit)}`), { method: 'PUT', body })
}

export function decide(commune: string, year: number, unit: string, decision: Decision): Promise<Registration> {
  return apiRequest(communePath(commune, `registrations/${year}/${encodeURIComponent(unit)}/decision`), { method: 'POST', body: decision })
}

export function putSettings(commune: string, year: number, settings: RegistrationSettings): Promise<RegistrationSettings & { year: number }> {
  return apiRequest(communePath(commune, `registration-settings/${year}`), { method: 'PUT', body: settings })
}

export function getTitles(commune: string, signal?: AbortSignal): Promise<{ titles: RegistrationTitle[]; custom: boolean }> {
  return apiRequest(communePath(commune, 'registration-titles'), { signal })
}

export function putTitles(commune: string, titles: RegistrationTitle[]): Promise<{ titles: RegistrationTitle[]; custom: boolean }> {
  return apiRequest(communePath(commune, 'registration-titles'), { method: 'PUT', body: { titles } })
}
