// Messages of the labels the viewer and the account menu show (top-level key `labels`: roles,
// heads of units, commune and unit kinds, phases): registered by labels.ts, a lazy chunk of its own.
import { defineMessages } from './modules/i18n'
import { UNIT_KIND_LABELS } from '../shared/unitKinds'

export const labelMessages = defineMessages({
  vi: {
    labels: {
      roles: {
        reporter: 'Báo cáo viên',
        officer: 'Cán bộ xã',
        leader: 'Lãnh đạo',
        admin: 'Quản trị hệ thống',
        province_admin: 'Quản trị tỉnh',
        province_viewer: 'Lãnh đạo, chuyên viên tỉnh',
      },
      /** The head of a residential unit, by the unit's kind. */
      heads: { thon: 'Trưởng thôn', to_dan_pho: 'Tổ trưởng tổ dân phố', khom: 'Trưởng khóm', ap: 'Trưởng ấp', ban: 'Trưởng bản' },
      communeKinds: { xa: 'Xã', phuong: 'Phường', dac_khu: 'Đặc khu', thi_tran: 'Thị trấn' },
      communeTitle: '{kind} {name}',
      unitKinds: { ...UNIT_KIND_LABELS },
      specialNotOpened: 'đợt đặc biệt, chưa mở',
    },
  },
  en: {
    labels: {
      roles: {
        reporter: 'Reporter',
        officer: 'Commune officer',
        leader: 'Leadership',
        admin: 'System administrator',
        province_admin: 'Province administrator',
        province_viewer: 'Province leadership or staff',
      },
      heads: { thon: 'Village head', to_dan_pho: 'Residential group head', khom: 'Hamlet head (khóm)', ap: 'Hamlet head (ấp)', ban: 'Village head (bản)' },
      communeKinds: { xa: 'Commune', phuong: 'Ward', dac_khu: 'Special zone', thi_tran: 'Township' },
      communeTitle: '{kind} {name}',
      unitKinds: {
        thon: 'village',
        to_dan_pho: 'residential group',
        khom: 'hamlet (khóm)',
        ap: 'hamlet (ấp)',
        ban: 'village (bản)',
        tram_y_te: 'health station',
        truong_hoc: 'school',
        cong_an: 'police',
        quan_su: 'military command',
        bo_phan: 'specialised department',
        doan_the: 'mass organisation',
        htx: 'cooperative',
      },
      specialNotOpened: 'special phase, not opened yet',
    },
  },
})
