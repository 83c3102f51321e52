// A stand-in for the server's /api, installed as the global fetch: one answer per "METHOD path", changeable mid-test.
import { vi } from 'vitest'
import type { CommunePlan, CommuneSummary, Me } from '../../src/client/api'
import { sentJson } from './requestBody'

export type Answer = Response | ((body: unknown) => Response | Promise<Response>)

export const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

export const UNAUTHORIZED = { code: 'unauthorized', message: 'Phiên đăng nhập đã hết hạn hoặc chưa đăng nhập' }

export function fakeServer(answers: Record<string, Answer>) {
  const routes = new Map(Object.entries(answers))
  const fetch = vi.fn(async (url: string, init?: RequestInit): Promise<Response> => {
    const key = `${init?.method ?? 'GET'} ${url}`
    const answer = routes.get(key)
    if (answer === undefined) return json(404, { code: 'not_found', message: `Không có ${key}` })
    if (answer instanceof Response) return answer.clone()
    return answer(sentJson(init))
  })
  vi.stubGlobal('fetch', fetch)
  return {
    fetch,
    /** Changes what the server answers from now on. */
    answer(key: string, a: Answer): void {
      routes.set(key, a)
    },
    /** The bodies sent to `key`, in order. */
    sent(key: string): unknown[] {
      return fetch.mock.calls.filter(([url, init]) => `${init?.method ?? 'GET'} ${url}` === key).map(([, init]) => sentJson(init))
    },
    calls(key: string): number {
      return this.sent(key).length
    },
  }
}

/** POST /api/auth/login succeeding as `me`, on the device the client named, as the server answers. */
export function signedInAs(me: Me): Answer {
  return (body) => json(200, { expiresAt: '2030-07-01T00:00:00.000Z', me: { ...me, deviceId: (body as { deviceId?: string }).deviceId ?? me.deviceId } })
}

export const officer: Me = {
  username: 'vanphong.phothuan',
  displayName: 'Trần Thị Lan',
  role: 'officer',
  deviceId: 'officer-device-0001',
  commune: { code: 'pho-thuan', name: 'Phổ Thuận' },
  units: [],
}

export const summary: CommuneSummary = {
  code: 'pho-thuan',
  name: 'Phổ Thuận',
  kind: 'xa',
  district: 'Thị xã Đức Phổ',
  province: 'Quảng Ngãi',
  provinceCode: 'quang-ngai',
  adminCode: null,
  mergedInto: null,
  planYear: 2023,
  planTitle: 'Kế hoạch phát động phong trào thi đua năm 2023',
  indicatorCount: 42,
  unitCount: 9,
}

export const otherSummary: CommuneSummary = {
  ...summary,
  code: 'pho-an',
  name: 'Phổ An',
  planYear: null,
  planTitle: null,
  indicatorCount: 0,
  unitCount: 0,
}

export function planOf(year: number, years: number[] = [year]): CommunePlan {
  return {
    commune: { code: 'pho-thuan', name: 'Phổ Thuận', kind: 'xa', district: 'Thị xã Đức Phổ', province: 'Quảng Ngãi' },
    units: [{ code: 'T1', name: 'Thôn Hải Tân', kind: 'thon', active: true }],
    plan: { year, title: `Kế hoạch thi đua năm ${year}`, movements: [], phases: [], fields: [], indicators: [], rules: [] },
    version: 1,
    years,
    issues: [],
  }
}
