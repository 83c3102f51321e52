// The workspace frame's messages (navigation, shared words). Each area keeps its own bundle next
// to its pages; all are registered when their chunk loads (modules/i18n.ts registerMessages).
import { defineMessages } from '../modules/i18n'

export const officerMessages = defineMessages({
  vi: {
    officer: {
      title: 'Quản lý thi đua',
      nav: {
        label: 'Các mục quản lý',
        dashboard: 'Tổng hợp',
        completeness: 'Tiến độ báo cáo',
        review: 'Duyệt báo cáo',
        history: 'Lịch sử số liệu',
        registration: 'Đăng ký thi đua',
        // Short: the workspace's tabs fit 1280 px on one line.
        commendation: 'Bình xét',
        plan: 'Kế hoạch & chỉ tiêu',
        people: 'Đơn vị & tài khoản',
        periods: 'Kỳ báo cáo',
        slips: 'Phiếu đăng nhập',
        province: 'Các xã của {name}',
      },
      forbidden: 'Tài khoản này không dùng được mục này.',
    },
  },
  en: {
    officer: {
      title: 'Emulation management',
      nav: {
        label: 'Management sections',
        dashboard: 'Dashboard',
        completeness: 'Reporting progress',
        review: 'Review reports',
        history: 'Value history',
        registration: 'Emulation registration',
        commendation: 'Awards',
        plan: 'Plan & targets',
        people: 'Units & accounts',
        periods: 'Reporting periods',
        slips: 'Sign-in slips',
        province: 'Communes of {name}',
      },
      forbidden: 'This account cannot use this section.',
    },
  },
})
