// Messages of the read-only plan (PlanView, FieldSection; top-level key `planView`), loaded with
// the plan screens, never with the phone's first load.
import { defineMessages } from '../../modules/i18n'

export const planViewMessages = defineMessages({
  vi: {
    planView: {
      issuer: 'UBND {commune} · {place}',
      number: 'Số {number}',
      issuedOn: 'ngày {date}',
      source: 'Theo {document}',
      sourcePlan: 'Kế hoạch',
      sourcePlanNumber: 'Kế hoạch số {number}',
      sourceYear: '(năm {year})',
      phases: 'Các đợt thi đua',
      movements: 'Phong trào thi đua',
      empty: 'Kế hoạch chưa có chỉ tiêu nào.',
      target: 'Chỉ tiêu',
      noTarget: 'chưa đặt chỉ tiêu',
      unitOfMeasure: 'Đơn vị tính',
      reporters: 'Báo cáo',
    },
  },
  en: {
    planView: {
      issuer: 'People’s Committee of {commune} · {place}',
      number: 'No. {number}',
      issuedOn: 'dated {date}',
      source: 'From {document}',
      sourcePlan: 'Plan',
      sourcePlanNumber: 'Plan No. {number}',
      sourceYear: '(year {year})',
      phases: 'Emulation phases',
      movements: 'Emulation movements',
      empty: 'The plan has no targets yet.',
      target: 'Target',
      noTarget: 'no target set',
      unitOfMeasure: 'Unit',
      reporters: 'Reported by',
    },
  },
})
