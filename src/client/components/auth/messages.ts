// Messages of the sign-in screen (top-level key `login`), loaded with that screen only.
import { defineMessages } from '../../modules/i18n'

export const loginMessages = defineMessages({
  vi: {
    login: {
      title: 'Đăng nhập',
      hint: 'Dùng tài khoản do cán bộ xã, phường cấp. Chỉ cần có mạng lần đầu; sau đó ứng dụng dùng được cả khi không có mạng.',
      username: 'Tên đăng nhập',
      password: 'Mật khẩu',
      submit: 'Đăng nhập',
      busy: 'Đang đăng nhập…',
      needUsername: 'Vui lòng nhập tên đăng nhập.',
      needPassword: 'Vui lòng nhập mật khẩu.',
      unreachable: 'Không kết nối được máy chủ. Kiểm tra kết nối mạng và thử lại.',
      notice: {
        expired: 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.',
        signedOut: 'Bạn đã đăng xuất.',
      },
    },
  },
  en: {
    login: {
      title: 'Sign in',
      hint: 'Use the account the commune office gave you. You need a connection only the first time; after that the app works offline.',
      username: 'Username',
      password: 'Password',
      submit: 'Sign in',
      busy: 'Signing in…',
      needUsername: 'Please enter your username.',
      needPassword: 'Please enter your password.',
      unreachable: 'Cannot reach the server. Check your connection and try again.',
      notice: {
        expired: 'Your session has expired, please sign in again.',
        signedOut: 'You have signed out.',
      },
    },
  },
})
