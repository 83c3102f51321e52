// Messages of the prompt shown when a new version of the app waits (top-level key `update`),
// loaded with UpdatePrompt.vue, a lazy chunk of its own (modules/pwa.ts).
import { defineMessages } from '../../modules/i18n'

export const updateMessages = defineMessages({
  vi: {
    update: {
      ready: 'Có phiên bản mới.',
      updating: 'Đang cập nhật…',
      apply: 'Cập nhật',
      later: 'Để sau',
    },
  },
  en: {
    update: {
      ready: 'A new version is ready.',
      updating: 'Updating…',
      apply: 'Update',
      later: 'Not now',
    },
  },
})
