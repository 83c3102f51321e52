// Vietnamese names of unit kinds, shared by the screens (src/client/labels.ts re-exports them) and
// the XLSX plan template, which writes and reads them.
import type { UnitKind } from './model'

export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, string>> = {
  thon: 'thôn',
  to_dan_pho: 'tổ dân phố',
  khom: 'khóm',
  ap: 'ấp',
  ban: 'bản',
  tram_y_te: 'trạm y tế',
  truong_hoc: 'trường học',
  cong_an: 'công an',
  quan_su: 'ban chỉ huy quân sự',
  bo_phan: 'bộ phận chuyên môn',
  doan_the: 'đoàn thể',
  htx: 'hợp tác xã',
}
