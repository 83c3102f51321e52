// Targets and verdicts in words, Vietnamese: the source of the keys (targetMessages.en.ts has the
// English, loaded by the client with its English). describe.ts composes them; the exports and the
// server's answers use these, the phone the user's language.
const vi = {
  above: 'trên {value}',
  atLeast: 'đạt {value} trở lên',
  below: 'dưới {value}',
  atMost: 'không quá {value}',
  range: 'đạt {min} – {max}',
  points: '{by} điểm phần trăm',
  reduceNoBaseline: 'giảm {by} (chưa có số đầu năm)',
  reduceFrom: 'giảm {by} so với đầu năm ({baseline})',
  growth: 'tăng {percent} so với năm {year}',
  shares: 'cơ cấu {parts}',
  derivedFromParts: 'tính từ các chỉ tiêu thành phần',
  derived: 'đạt {value} (tính toán)',
  yesNo: 'đạt / giữ vững',
  /** A verdict: the same words on the screen and in the exports. */
  status: {
    exceeded: 'vượt',
    achieved: 'đạt',
    not_yet: 'chưa đạt',
    failed: 'không đạt',
    no_data: 'chưa có số liệu',
    no_baseline: 'chưa có số gốc',
  },
}

export type TargetMessages = typeof vi
/** A phrase of describeTarget: a key of the tree, `status.*` excepted. */
export type TargetPhrase = Exclude<keyof TargetMessages, 'status'>
export default vi
