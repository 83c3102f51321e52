// Messages of the sync transport's failures (top-level key `syncFailure`): a bundle of the lazily
// loaded sync code (sync/api.ts registers it), kept out of the entry screen's locales. Shown in
// the sync badge; every one says what became of the changes not yet sent. The service worker runs
// the transport too (background sync), so this file and sync/api.ts use modules/words.ts, never
// modules/i18n.ts (which brings Vue).
import { defineMessages } from '../modules/words'

export const syncFailureMessages = defineMessages({
  vi: {
    syncFailure: {
      network: 'Không kết nối được máy chủ. Các thay đổi vẫn được giữ trên máy và sẽ gửi lại khi có mạng.',
      timeout: 'Máy chủ không trả lời kịp. Các thay đổi vẫn được giữ trên máy và sẽ gửi lại sau.',
      server: 'Máy chủ đang gặp sự cố. Các thay đổi vẫn được giữ trên máy và sẽ gửi lại sau.',
      badResponse: 'Máy chủ trả lời không đúng dạng. Có thể mạng cần đăng nhập (wifi công cộng).',
      malformed: 'Máy chủ trả lời không đúng dạng. Các thay đổi vẫn được giữ trên máy và sẽ gửi lại sau.',
      refused: 'Máy chủ từ chối yêu cầu (mã {status}).',
      unauthorized: 'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại để gửi các thay đổi.',
      upgrade: 'Ứng dụng trên máy này đã cũ, máy chủ không nhận được nữa. Hãy cập nhật ứng dụng. Các thay đổi chưa gửi vẫn được giữ nguyên trên máy.',
      cursorAhead: 'Dữ liệu trên máy mới hơn máy chủ. Cần tải lại toàn bộ dữ liệu.',
      stalledPush: 'Máy chủ không trả lời cho các thay đổi đã gửi.',
      stalledPull: 'Máy chủ trả dữ liệu không tiến lên được.',
      internal: 'Đồng bộ gặp lỗi trên máy: {detail}',
      storageFull: 'Bộ nhớ của máy đã đầy nên chưa lưu được dữ liệu tải về. Hãy xóa bớt ảnh, video hoặc ứng dụng không dùng đến. Các số liệu đã lưu trước đó vẫn còn nguyên.',
    },
  },
  en: {
    syncFailure: {
      network: 'Cannot reach the server. Your changes are kept on this phone and will be sent when there is a connection.',
      timeout: 'The server did not answer in time. Your changes are kept on this phone and will be sent later.',
      server: 'The server is having trouble. Your changes are kept on this phone and will be sent later.',
      badResponse: 'The server’s answer is not in the expected form. The network may need a sign-in (public Wi-Fi).',
      malformed: 'The server’s answer is not in the expected form. Your changes are kept on this phone and will be sent later.',
      refused: 'The server refused the request (code {status}).',
      unauthorized: 'Your session has expired. Sign in again to send your changes.',
      upgrade: 'This app is too old for the server. Update the app. The changes not yet sent stay on this phone.',
      cursorAhead: 'The data on this phone is newer than the server’s. All data must be downloaded again.',
      stalledPush: 'The server did not answer for the changes sent.',
      stalledPull: 'The server’s data does not move forward.',
      internal: 'Sync failed on this phone: {detail}',
      storageFull: 'This phone’s storage is full, so the downloaded data could not be saved. Delete some photos, videos or unused apps. The figures saved before are all still there.',
    },
  },
})
