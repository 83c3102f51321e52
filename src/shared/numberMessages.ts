// Why a typed number was refused, in Vietnamese: the source of the keys (numberMessages.en.ts has
// the English, loaded by the client with its English). `{input}` is the input as typed, quoted.
const vi = {
  empty: 'Chưa nhập số.',
  notANumber: '{input} không phải là số hợp lệ. Chỉ dùng chữ số, dấu chấm để phân cách hàng nghìn và dấu phẩy cho phần thập phân, ví dụ 1.448,5.',
  malformedGrouping:
    '{input} phân cách hàng nghìn không đúng: nhóm đầu có 1–3 chữ số, các nhóm sau có đúng 3 chữ số, ví dụ 1.448.800. Phần thập phân viết sau dấu phẩy, ví dụ 1.448,5.',
  englishWay: '{input} đang viết theo kiểu tiếng Anh. Cách viết Việt Nam dùng dấu chấm để phân cách hàng nghìn và dấu phẩy cho phần thập phân: hãy viết {suggestion}.',
  manyCommas: '{input} có nhiều dấu phẩy. Số chỉ có một dấu phẩy, đặt trước phần thập phân, ví dụ 1.448,5.',
  ambiguous:
    '{input} chưa rõ: có thể là {thousands} (số nguyên) hoặc {decimal}{suffix} (số thập phân). Nếu là số nguyên, hãy viết {plain} hoặc {thousands}; nếu là số thập phân, hãy thêm số 0 ở cuối: {decimal}0{suffix}.',
  mixedGrouping: '{input} dùng lẫn dấu chấm và dấu cách để phân cách hàng nghìn. Hãy dùng một loại, ví dụ 1.448.500.',
  missingWhole: '{input} thiếu phần nguyên trước dấu “{separator}”.',
  missingWholeOf: '{input} thiếu phần nguyên trước dấu “{separator}”. Hãy viết 0,{digits}.',
  incomplete: '{input} chưa hoàn chỉnh: thiếu chữ số sau dấu “{separator}”.',
  twoSeparators: '{input} có hai dấu phân cách liền nhau. Viết số như 1.448,5 hoặc 1 448,5.',
  wholeOnly: '{input} phải là số nguyên, không có phần thập phân.',
  tooManyDecimals: '{input} có quá nhiều chữ số thập phân: tối đa {max} chữ số sau dấu phẩy.',
  tooManyDigits: '{input} có quá nhiều chữ số (tối đa {max} chữ số có nghĩa); số dài như vậy không lưu được chính xác.',
  negative: '{input} là số âm; ô này không nhận số âm.',
  suffix: 'Ô này chỉ nhận số, không kèm ký hiệu “{suffix}”. Hãy bỏ “{suffix}” trong {input}.',
  // A target's box (targetText.ts) in its indicator's unit
  otherSuffix: 'Ô này tính bằng {unit}, không nhận “{suffix}”.',
  plainSuffix: 'Ô này tính bằng số, không nhận “{suffix}”.',
}

export type NumberMessages = typeof vi
/** The wording of a refused number. */
export type NumberReason = keyof NumberMessages
export default vi
