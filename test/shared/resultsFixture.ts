// A hand-made PlanResults at mid-year (after Q2), covering each verdict: exceeded, achieved,
// behind on pace, not yet but on pace, a yes/no, a target without baseline and one without figures.
import type { IndicatorResult, PlanResults, UnitResult } from '../../src/shared/api'
import { describeTarget } from '../../src/shared/describe'
import type { Target } from '../../src/shared/model'
import { countStatuses } from '../../src/shared/summary'

const UNITS = [
  { unit: 'T1', unitName: 'Tổ dân phố 1' },
  { unit: 'T2', unitName: 'Tổ dân phố 2' },
  { unit: 'CA', unitName: 'Công an phường' },
]

/** A unit's row; a verdict is against the commune's target unless `extra` says otherwise, none when `status` is null. */
function unitRow(i: number, actual: number | null, status: UnitResult['status'], extra: Partial<UnitResult> = {}): UnitResult {
  return { ...UNITS[i]!, actual, status, target: status === null ? null : 'commune', ...extra }
}

function indicator(
  over: Partial<IndicatorResult> & Pick<IndicatorResult, 'code' | 'name' | 'field' | 'unitOfMeasure' | 'aggregation' | 'actual' | 'status'>,
): IndicatorResult {
  const target: Target | undefined = over.target
  return {
    targetText: target ? describeTarget(target, { unitOfMeasure: over.unitOfMeasure }) : '',
    computed: false,
    reportedUnits: 2,
    expectedUnits: 2,
    progress: null,
    onPace: null,
    byUnit: [],
    trend: [],
    ...over,
  }
}

export function resultsFixture(): PlanResults {
  const indicators: IndicatorResult[] = [
    indicator({
      code: 'LUA_SL',
      name: 'Sản lượng lúa',
      field: 'NN',
      unitOfMeasure: 'tấn',
      aggregation: 'flow',
      target: { kind: 'at_least', value: 1400 },
      actual: 1448.5,
      status: 'exceeded',
      progress: 1448.5 / 1400,
      onPace: true,
      expectedToDate: 700,
      byUnit: [unitRow(0, 800.25, 'exceeded', { target: 'own' }), unitRow(1, 648.25, 'exceeded', { target: 'own' })],
    }),
    indicator({
      code: 'LUA_DT',
      name: 'Diện tích gieo trồng lúa',
      field: 'NN',
      unitOfMeasure: 'ha',
      aggregation: 'flow',
      target: { kind: 'at_least', value: 229 },
      actual: 100,
      status: 'not_yet',
      progress: 100 / 229,
      onPace: false,
      expectedToDate: 114.5,
      byUnit: [unitRow(0, 60, null), unitRow(1, 40, null)],
    }),
    indicator({
      code: 'VIEC_LAM',
      name: 'Tạo việc làm mới',
      field: 'KT',
      unitOfMeasure: 'người',
      aggregation: 'flow',
      target: { kind: 'at_least', value: 270 },
      actual: 150,
      status: 'not_yet',
      progress: 150 / 270,
      onPace: true,
      expectedToDate: 135,
      byUnit: [unitRow(0, 90, null), unitRow(1, 60, null)],
    }),
    indicator({
      code: 'THU_NS',
      name: 'Tổng thu ngân sách trên địa bàn',
      field: 'KT',
      unitOfMeasure: 'đồng',
      aggregation: 'flow',
      target: { kind: 'at_least', value: 11_327_811_000 },
      actual: null,
      reportedUnits: 0,
      status: 'no_data',
    }),
    indicator({
      code: 'BHYT',
      name: 'Tỷ lệ dân số tham gia BHYT',
      field: 'VHXH',
      unitOfMeasure: '%',
      aggregation: 'rate',
      scale: 100,
      target: { kind: 'rate_at_least', value: 95 },
      actual: 93.5,
      numerator: 1870,
      denominator: 2000,
      status: 'not_yet',
      progress: 93.5 / 95,
      onPace: false,
      byUnit: [unitRow(0, 94, 'not_yet', { numerator: 940, denominator: 1000 }), unitRow(1, 93, 'not_yet', { numerator: 930, denominator: 1000 })],
    }),
    indicator({
      code: 'SDD',
      name: 'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng',
      field: 'VHXH',
      unitOfMeasure: '%',
      aggregation: 'rate',
      scale: 100,
      target: { kind: 'at_most', value: 5.6, strict: true },
      actual: 4.2,
      numerator: 21,
      denominator: 500,
      status: 'achieved',
      progress: 1,
      onPace: true,
      byUnit: [unitRow(0, 4, 'achieved', { numerator: 10, denominator: 250 }), unitRow(1, 4.4, 'achieved', { numerator: 11, denominator: 250 })],
    }),
    indicator({
      code: 'HO_NGHEO',
      name: 'Số hộ nghèo',
      field: 'VHXH',
      unitOfMeasure: 'hộ',
      aggregation: 'stock',
      target: { kind: 'reduce_by', amount: 1 },
      actual: 12,
      status: 'no_baseline',
      byUnit: [unitRow(0, 7, null), unitRow(1, 5, null)],
    }),
    indicator({
      code: 'ANTT',
      name: 'Giữ vững phường đạt tiêu chuẩn “An toàn về an ninh, trật tự”',
      field: 'AN',
      unitOfMeasure: 'đạt/không đạt',
      aggregation: 'yes_no',
      target: { kind: 'yes_no' },
      actual: 1,
      achieved: true,
      achievedUnits: 1,
      reportedUnits: 1,
      expectedUnits: 1,
      status: 'achieved',
      progress: 1,
      onPace: true,
      byUnit: [unitRow(2, 1, 'achieved', { achieved: true })],
    }),
  ]
  return {
    commune: { code: 'tqt', name: 'Phường Trương Quang Trọng', kind: 'phuong', district: 'Thành phố Quảng Ngãi', province: 'Tỉnh Quảng Ngãi' },
    year: 2024,
    planTitle: 'Phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2024',
    planNumber: '15/KH-UBND',
    planIssuedOn: '2024-01-25',
    signedBy: 'Trương Thanh Thảo',
    asOf: { period: '2024-Q2', kind: 'quarter', from: '2024-04-01', to: '2024-06-30' },
    basis: 'approved',
    yearFraction: 0.5,
    fields: [
      { code: 'KT', name: 'Kinh tế' },
      { code: 'NN', name: 'Nông nghiệp: phát triển toàn diện gắn với xây dựng nông thôn mới [giai đoạn 2021/2025]', parent: 'KT' },
      { code: 'VHXH', name: 'Văn hóa – xã hội' },
      { code: 'AN', name: 'Quốc phòng – an ninh' },
    ],
    phases: [],
    trendPeriods: [],
    indicators,
    counts: countStatuses(indicators),
    generatedAt: '2024-07-10T08:00:00.000Z',
  }
}
