// Messages of the notice shown when the browser refuses persistent storage (top-level key
// `keepData`), loaded with StorageWarning.vue, a lazy chunk of its own (vite.config.ts): the
// phone's first load (vi.json, the entry chunk) stays as it is. Also the backup button's (`backup`),
// loaded with it: it shows on the attention screen, in the menu and when the disk is full.
import { defineMessages } from '../../modules/i18n'

export const keepDataMessages = defineMessages({
  vi: {
    keepData: {
      notPersisted: 'Trình duyệt chưa cho giữ dữ liệu của ứng dụng lâu dài: khi máy thiếu bộ nhớ, các số liệu chưa gửi có thể bị xóa.',
      whatToDo: 'Để giữ an toàn:',
      install: 'Cài ứng dụng lên màn hình chính (trong menu ⋮ của Chrome, chọn “Thêm vào màn hình chính” hoặc “Cài đặt ứng dụng”), rồi mở từ biểu tượng đó.',
      backup: 'Hoặc khi lâu không có mạng, sao lưu các thay đổi chưa gửi ra tệp và chuyển cho cán bộ xã.',
      dismiss: 'Đã hiểu',
    },
  },
  en: {
    keepData: {
      notPersisted: 'The browser does not keep this app’s data for good: when the phone runs short of space, unsent figures could be deleted.',
      whatToDo: 'To stay safe:',
      install: 'Install the app on the home screen (in Chrome’s ⋮ menu, choose “Add to Home screen” or “Install app”), then open it from that icon.',
      backup: 'Or, when offline for long, back up the unsent changes to a file and pass it to the commune officer.',
      dismiss: 'Got it',
    },
  },
})

export const backupMessages = defineMessages({
  vi: {
    backup: {
      title: 'Sao lưu',
      action: 'Sao lưu thay đổi chưa gửi',
      working: 'Đang tạo tệp…',
      explain: 'Nếu lâu không có mạng, hãy lưu các thay đổi chưa gửi ra tệp và chuyển cho cán bộ xã (qua Zalo, email). Cán bộ xã nhập tệp vào máy chủ.',
      shared: 'Đã chia sẻ tệp sao lưu ({n} thay đổi).',
      downloaded: 'Đã lưu tệp sao lưu ({n} thay đổi) vào thư mục Tải về.',
      failed: 'Không tạo được tệp sao lưu: {reason}',
      nothing: 'Không có thay đổi nào chờ gửi, không cần sao lưu.',
      unsupported: 'trình duyệt này không chia sẻ cũng không lưu được tệp',
      shareTitle: 'Sao lưu số liệu chưa gửi',
      shareText: 'Số liệu chưa gửi của {commune}',
    },
  },
  en: {
    backup: {
      title: 'Backup',
      action: 'Back up unsent changes',
      working: 'Creating the file…',
      explain: 'If you stay offline for long, save the unsent changes to a file and send it to the commune office (Zalo, email). The officer imports it on the server.',
      shared: 'Backup file shared ({n} changes).',
      downloaded: 'Backup file saved to Downloads ({n} changes).',
      failed: 'Could not create the backup file: {reason}',
      nothing: 'No changes are waiting: nothing to back up.',
      unsupported: 'this browser can neither share nor save a file',
      shareTitle: 'Unsent figures backup',
      shareText: 'Unsent figures of {commune}',
    },
  },
})
