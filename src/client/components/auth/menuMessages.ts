// Messages of the account menu (top-level key `accountMenu`): loaded with the menu, once the first
// screen is shown (App.vue), not with the entry screen.
import { defineMessages } from '../../modules/i18n'

export const accountMenuMessages = defineMessages({
  vi: {
    accountMenu: {
      workspace: 'Quản lý thi đua',
      menu: 'Menu',
      screens: 'Các màn hình',
      signOut: 'Đăng xuất',
      signOutOffline: 'Chưa đăng xuất được: không kết nối được máy chủ. Kiểm tra kết nối mạng và thử lại.',
      signOutTitle: 'Còn thay đổi chưa gửi',
      unsentWarning: 'Còn {n} thay đổi chưa gửi lên máy chủ. Nếu đăng xuất, các thay đổi này vẫn được giữ trên máy và sẽ được gửi khi đăng nhập lại. Nên sao lưu ra tệp trước khi đăng xuất.',
      signOutAnyway: 'Vẫn đăng xuất',
      stay: 'Ở lại',
    },
  },
  en: {
    accountMenu: {
      workspace: 'Management',
      menu: 'Menu',
      screens: 'Screens',
      signOut: 'Sign out',
      signOutOffline: 'Not signed out: cannot reach the server. Check your connection and try again.',
      signOutTitle: 'Changes not yet sent',
      unsentWarning: '{n} changes have not been sent to the server yet. If you sign out they stay on this phone and are sent when you sign in again. Save a backup file first.',
      signOutAnyway: 'Sign out anyway',
      stay: 'Stay',
    },
  },
})
