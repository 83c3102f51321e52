// A small plan file built in code, for server tests that must not depend on which demo files exist.
import type * as v from 'valibot'
import { loadPlanFile, PLAN_FILE_FORMAT, type PlanFileSchema } from '../../src/shared/planFile'
import type { DemoPlan } from '../../src/server/demo/loadDemo'

/** As written in a file: the schema fills in its defaults when the file is loaded. */
export const FIXTURE_FILE: v.InferInput<typeof PlanFileSchema> = {
  format: PLAN_FILE_FORMAT,
  commune: { code: 'test-xa', name: 'Thử Nghiệm', kind: 'xa', district: 'Huyện Mẫu', province: 'Tỉnh Mẫu' },
  units: [
    { code: 'T1', name: 'Thôn 1', kind: 'thon' },
    { code: 'T2', name: 'Thôn 2', kind: 'thon' },
    { code: 'CA', name: 'Công an xã', kind: 'cong_an' },
  ],
  plan: {
    year: 2024,
    number: '1/KH-UBND',
    issuedOn: '2023-12-20',
    title: 'Kế hoạch phát động phong trào thi đua năm 2024',
    movements: [],
    phases: [{ code: 'D1', name: 'Đợt 1', from: '2024-01-01', to: '2024-06-30' }],
    fields: [{ code: 'KT', name: 'Kinh tế' }],
    indicators: [
      {
        code: 'LUA_DT',
        name: 'Diện tích lúa',
        field: 'KT',
        unitOfMeasure: 'ha',
        aggregation: 'flow',
        target: { kind: 'at_least', value: 229 },
        reporters: { kinds: ['thon'], units: [] },
      },
    ],
    rules: [],
  },
  accounts: [
    { username: 'truongthon1', displayName: 'Trưởng thôn 1', role: 'reporter', units: ['T1'], password: 'secret-1' },
    { username: 'canbo', displayName: 'Cán bộ xã', role: 'officer', units: [], password: 'secret-2' },
  ],
}

/** The fixture as the demo loader would return it (checked by the same schema). */
export function fixtureDemo(): DemoPlan {
  const loaded = loadPlanFile(FIXTURE_FILE)
  if (!loaded.ok) throw new Error(`fixture does not match the schema: ${JSON.stringify(loaded.errors)}`)
  return { fileName: 'test-xa.json', file: loaded.file, issues: loaded.issues }
}
