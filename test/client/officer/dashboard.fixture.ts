// A commune's results as GET /api/communes/:c/results answers them: one indicator of each
// status, a flow, a rate, a yes/no, nested fields, two phases and the year's quarters.
import type { IndicatorResult, PlanResults } from '../../../src/shared/api'

const quarters = [1, 2, 3, 4].map((q) => ({
  code: `2023-Q${q}`,
  kind: 'quarter' as const,
  from: `2023-${String(q * 3 - 2).padStart(2, '0')}-01`,
  to: ['2023-03-31', '2023-06-30', '2023-09-30', '2023-12-31'][q - 1]!,
}))

const base = { computed: false, byUnit: [], trend: [] } satisfies Partial<IndicatorResult>

export const LUA: IndicatorResult = {
  ...base,
  code: 'LUA',
  name: 'Sản lượng lúa',
  field: 'KT',
  unitOfMeasure: 'tấn',
  aggregation: 'flow',
  target: { kind: 'at_least', value: 1448.5 },
  targetText: 'đạt 1.448,5 tấn trở lên',
  source: 'Lúa: diện tích 229 ha, năng suất 65 tạ/ha, sản lượng 1.448,5 tấn',
  actual: 1303.65,
  reportedUnits: 2,
  expectedUnits: 3,
  status: 'not_yet',
  progress: 0.9,
  onPace: true,
  expectedToDate: 724.25,
  byUnit: [
    // No target of their own: the commune's 1 448,5 t is a total, not each village's.
    { unit: 'T1', unitName: 'Thôn Hải Tân', actual: 700, status: null, target: null },
    { unit: 'T2', unitName: 'Thôn Vĩnh Xuyên', actual: 603.65, status: null, target: null },
    { unit: 'T3', unitName: 'Thôn Phước Hòa', actual: null, status: null, target: null },
  ],
  trend: [
    { period: '2023-Q1', to: '2023-03-31', actual: 300 },
    { period: '2023-Q2', to: '2023-06-30', actual: 1303.65 },
    { period: '2023-Q3', to: '2023-09-30', actual: null },
    { period: '2023-Q4', to: '2023-12-31', actual: null },
  ],
}

export const VIEC_LAM: IndicatorResult = {
  ...base,
  code: 'VL',
  name: 'Tạo việc làm mới',
  field: 'KT',
  unitOfMeasure: 'người',
  aggregation: 'flow',
  target: { kind: 'at_least', value: 270 },
  targetText: 'đạt 270 người trở lên',
  actual: 300,
  reportedUnits: 3,
  expectedUnits: 3,
  status: 'exceeded',
  progress: 300 / 270,
  onPace: true,
}

export const BHYT: IndicatorResult = {
  ...base,
  code: 'BHYT',
  name: 'Tỷ lệ dân số tham gia BHYT',
  field: 'YT',
  unitOfMeasure: '%',
  aggregation: 'rate',
  scale: 100,
  target: { kind: 'rate_at_least', value: 95 },
  targetText: 'đạt 95% trở lên',
  actual: 96.5,
  numerator: 1930,
  denominator: 2000,
  reportedUnits: 3,
  expectedUnits: 3,
  status: 'achieved',
  progress: 96.5 / 95,
  onPace: null,
  byUnit: [{ unit: 'T1', unitName: 'Thôn Hải Tân', actual: 96.5, numerator: 1930, denominator: 2000, status: 'achieved', target: 'commune' }],
}

export const SDD: IndicatorResult = {
  ...base,
  code: 'SDD',
  name: 'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng',
  field: 'YT',
  unitOfMeasure: '%',
  aggregation: 'rate',
  scale: 100,
  target: { kind: 'at_most', value: 5.6, strict: true },
  targetText: 'dưới 5,6%',
  actual: null,
  reportedUnits: 0,
  expectedUnits: 1,
  status: 'no_data',
  progress: null,
  onPace: null,
}

export const ANTT: IndicatorResult = {
  ...base,
  code: 'ANTT',
  name: 'Giữ vững xã đạt tiêu chuẩn “An toàn về an ninh trật tự”',
  field: 'ANQP',
  unitOfMeasure: 'đạt/không',
  aggregation: 'yes_no',
  target: { kind: 'yes_no' },
  targetText: 'đạt / giữ vững',
  actual: 0,
  achieved: false,
  achievedUnits: 0,
  reportedUnits: 1,
  expectedUnits: 1,
  status: 'failed',
  progress: 0,
  onPace: null,
  byUnit: [{ unit: 'CA', unitName: 'Công an xã', actual: 0, achieved: false, status: 'failed', target: 'commune' }],
}

export function results(over: Partial<PlanResults> = {}): PlanResults {
  return {
    commune: { code: 'pho-thuan', name: 'Phổ Thuận', kind: 'xa', district: 'Thị xã Đức Phổ', province: 'Quảng Ngãi' },
    year: 2023,
    planTitle: 'Kế hoạch phát động phong trào thi đua năm 2023',
    planNumber: '71/KH-UBND',
    asOf: { period: '2023-Q2', kind: 'quarter', from: '2023-04-01', to: '2023-06-30' },
    basis: 'approved',
    yearFraction: 0.5,
    fields: [
      { code: 'KT', name: 'Kinh tế' },
      { code: 'VHXH', name: 'Văn hóa – xã hội' },
      { code: 'YT', name: 'Y tế', parent: 'VHXH' },
      { code: 'ANQP', name: 'Quốc phòng – an ninh' },
    ],
    phases: [
      { code: 'D1', name: 'Đợt 1', from: '2023-01-01', to: '2023-06-30' },
      { code: 'D2', name: 'Đợt 2', from: '2023-07-01', to: '2023-12-31' },
    ],
    trendPeriods: quarters,
    indicators: [LUA, VIEC_LAM, BHYT, SDD, ANTT],
    counts: { exceeded: 1, achieved: 1, not_yet: 1, failed: 1, no_data: 1, no_baseline: 0 },
    generatedAt: '2023-07-02T03:00:00.000Z',
    ...over,
  }
}
