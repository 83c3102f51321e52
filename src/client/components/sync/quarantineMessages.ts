// Messages of the quarantined changes in "Cần xử lý" (top-level key `quarantine`): a bundle of
// the lazily loaded attention page, kept out of locales/*.json, which the entry screen loads first.
import { defineMessages } from '../../modules/i18n'

export const quarantineMessages = defineMessages({
  vi: {
    quarantine: {
      title: 'Máy chủ gặp lỗi với các thay đổi này',
      explain:
        'Máy chủ bị lỗi mỗi lần nhận những thay đổi dưới đây, nên chúng được để riêng để các thay đổi khác vẫn gửi được. Chúng vẫn được giữ trên máy cho đến khi bạn gửi lại hoặc bỏ đi.',
      yourChange: 'Thay đổi của bạn: {value}',
      note: 'Ghi chú: {note}',
      when: 'sửa lúc {time}',
      retry: 'Gửi lại',
      retried: 'Sẽ gửi lại thay đổi này ở lần đồng bộ tới.',
      discard: 'Bỏ thay đổi này',
      discardTitle: 'Bỏ thay đổi này?',
      discardQuestion: '“{what}” ({where}): {value} sẽ không được gửi lên máy chủ và bị xóa khỏi máy. Không hoàn tác được.',
      discardConfirm: 'Bỏ thay đổi',
      discarded: 'Đã bỏ thay đổi.',
    },
  },
  en: {
    quarantine: {
      title: 'The server fails on these changes',
      explain:
        'The server failed every time it received the changes below, so they are set aside and the other changes still go through. They stay on this phone until you send them again or give them up.',
      yourChange: 'Your change: {value}',
      note: 'Note: {note}',
      when: 'edited at {time}',
      retry: 'Send again',
      retried: 'This change will be sent again at the next sync.',
      discard: 'Give up this change',
      discardTitle: 'Give up this change?',
      discardQuestion: '“{what}” ({where}): {value} will not be sent to the server and will be deleted from this phone. This cannot be undone.',
      discardConfirm: 'Give up the change',
      discarded: 'The change was given up.',
    },
  },
})
