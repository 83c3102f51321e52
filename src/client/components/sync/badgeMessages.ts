// Messages of the sync badge in the app bar (top-level key `syncBadge`): loaded with the badge, once
// the first screen is shown (App.vue), not with the entry screen.
import { defineMessages } from '../../modules/i18n'

export const syncBadgeMessages = defineMessages({
  vi: {
    syncBadge: {
      running: 'Đang đồng bộ…',
      lastAt: 'Đồng bộ lúc {time}',
      never: 'Chưa đồng bộ',
      offline: 'Không có mạng',
      waiting: '{n} chờ gửi',
      attention: '{n} cần xử lý',
      now: 'Đồng bộ ngay',
      update: 'Cập nhật ứng dụng',
    },
  },
  en: {
    syncBadge: {
      running: 'Syncing…',
      lastAt: 'Synced at {time}',
      never: 'Not synced yet',
      offline: 'Offline',
      waiting: '{n} waiting',
      attention: '{n} need attention',
      now: 'Sync now',
      update: 'Update the app',
    },
  },
})
