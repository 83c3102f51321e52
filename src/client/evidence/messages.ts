// Messages of the phone's evidence panel (minh chứng): attaching a photo or a PDF, the queue.
import { defineMessages } from '../modules/i18n'

export const evidenceMessages = defineMessages({
  vi: {
    evidence: {
      title: 'Minh chứng',
      photo: 'Chụp ảnh',
      file: 'Chọn ảnh hoặc tệp PDF',
      caption: 'Chú thích (không bắt buộc)',
      captionHint: 'Ví dụ: Đường bê tông thôn 1',
      waiting: 'Chờ gửi',
      sending: 'Đang gửi {percent}%',
      stored: 'Đã gửi',
      refused: 'Bị từ chối: {reason}',
      retry: 'Gửi lại',
      drop: 'Bỏ tệp này',
      refusedHere: 'Không thêm được tệp: {reason}',
      storageNearlyFull: 'Bộ nhớ của ứng dụng trên máy sắp đầy ({used} / {quota}). Hãy gửi các tệp đang chờ khi có mạng.',
      storageUsed: 'Đã dùng {used} bộ nhớ trên máy',
      offline: 'Chưa có mạng: tệp được giữ trên máy và tự gửi khi có mạng.',
      refusal: {
        evidence_empty: 'tệp rỗng',
        evidence_too_large: 'tệp quá lớn (tối đa 10 MB)',
        evidence_type: 'chỉ nhận ảnh JPEG, PNG, WebP hoặc tệp PDF',
        evidence_truncated: 'tệp bị hỏng, không đọc được',
      },
    },
  },
  en: {
    evidence: {
      title: 'Evidence',
      photo: 'Take a photo',
      file: 'Choose a photo or a PDF',
      caption: 'Caption (optional)',
      captionHint: 'For example: Concrete road, village 1',
      waiting: 'Waiting to send',
      sending: 'Sending {percent}%',
      stored: 'Sent',
      refused: 'Refused: {reason}',
      retry: 'Send again',
      drop: 'Drop this file',
      refusedHere: 'The file cannot be added: {reason}',
      storageNearlyFull: 'The app’s storage on this phone is nearly full ({used} / {quota}). Send the waiting files when online.',
      storageUsed: '{used} of storage used on this phone',
      offline: 'Offline: the file is kept on the phone and sent when online.',
      refusal: {
        evidence_empty: 'the file is empty',
        evidence_too_large: 'the file is too large (at most 10 MB)',
        evidence_type: 'only JPEG, PNG or WebP photos and PDF files are accepted',
        evidence_truncated: 'the file is damaged and cannot be read',
      },
    },
  },
})
