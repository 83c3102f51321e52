// The API's refusals in words: every wording the server refuses with, by key, with named
// parameters. The server answers `{ code, message, key?, params? }` (api.ts ApiErrorBody): `message`
// is the Vietnamese below, filled; a client that knows the key renders it in its user's language
// (errors.en.ts, loaded with the client's English) and falls back to `message` otherwise.
// A key is the API `code` itself when the code has one wording, else a more precise name.
// Push rejections (protocol.ts RejectionCode) are worded under `rejection`: the server's sync
// decisions say more in their own Vietnamese message; these are each code's wording elsewhere.
// Pure TypeScript, no language-specific code: parameters that are enum values are named in `words`.
import { refusalText } from './messages'

const KINDS = { number: 'con số', ratio: 'tỷ lệ (tử số/mẫu số)', yes_no: 'đạt/không đạt' }

const vi = {
  api: {
    // By HTTP status, and the framework's own refusals
    bad_request: 'Yêu cầu không hợp lệ',
    unauthorized: 'Phiên đăng nhập đã hết hạn hoặc chưa đăng nhập',
    forbidden: 'Bạn không có quyền thực hiện thao tác này',
    not_found: 'Không tìm thấy',
    method_not_allowed: 'Phương thức không được hỗ trợ',
    not_acceptable: 'Không trả lời được theo dạng yêu cầu',
    conflict: 'Xung đột dữ liệu',
    payload_too_large: 'Dữ liệu gửi lên quá lớn',
    uri_too_long: 'Địa chỉ yêu cầu quá dài',
    unsupported_media_type: 'Chỉ nhận dữ liệu dạng JSON',
    too_many_requests: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút',
    malformed_json: 'Dữ liệu JSON không đọc được',
    unsupported_encoding: 'Máy chủ chỉ nhận dữ liệu JSON nén bằng gzip hoặc deflate',
    malformed_compression: 'Dữ liệu nén gửi lên bị hỏng, không giải nén được',
    bad_url: 'Địa chỉ yêu cầu không hợp lệ (có ký tự mã hoá sai)',
    internal: 'Máy chủ gặp lỗi. Vui lòng thử lại sau.',
    no_such_api: 'Không có API {method} {path}',
    // Input the checks refuse (the Vietnamese `message` quotes the check; this is its gist)
    invalid: 'Dữ liệu gửi lên không hợp lệ ({path})',
    invalid_stored: 'Dữ liệu gửi lên không hợp lệ (có ký tự hoặc giá trị cơ sở dữ liệu không lưu được)',
    too_deep: 'Dữ liệu gửi lên lồng nhau quá sâu (tối đa {max} tầng)',
    // Signing in
    invalid_credentials: 'Sai tên đăng nhập hoặc mật khẩu',
    too_many_attempts: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút.',
    too_many_attempts_address: 'Đăng nhập sai quá nhiều lần từ địa chỉ này. Vui lòng thử lại sau 15 phút.',
    too_many_enrolments: 'Quá nhiều lần mở liên kết kích hoạt, vui lòng thử lại sau ít phút',
    enrolment_not_found: 'Liên kết kích hoạt không tồn tại hoặc tài khoản đã bị khóa. Hãy xin cán bộ in phiếu mới.',
    enrolment_used: 'Liên kết kích hoạt này đã được sử dụng. Hãy đăng nhập bằng mật khẩu, hoặc xin cán bộ in phiếu mới.',
    enrolment_replaced: 'Liên kết này đã được thay bằng một phiếu mới. Hãy dùng phiếu mới nhất.',
    enrolment_expired: 'Liên kết kích hoạt đã hết hạn. Hãy xin cán bộ in phiếu mới.',
    // Who may do what
    reporter_reads_own_history: 'Tài khoản này chỉ xem được lịch sử số liệu của đơn vị mình',
    reporter_reads_own_reports: 'Tài khoản này chỉ xem được báo cáo của đơn vị mình',
    reporter_reads_no_results: 'Tài khoản báo cáo của thôn/tổ không xem được {what}',
    leader_reads_only: 'Tài khoản lãnh đạo chỉ được xem, không được nhập số liệu',
    province_manages_commune_accounts: 'Quản trị tỉnh chỉ quản lý tài khoản cán bộ và lãnh đạo xã',
    province_accounts_from_province: 'Tài khoản cấp tỉnh được tạo từ trang của tỉnh',
    province_assigns_no_units: 'Quản trị tỉnh không gán đơn vị cho tài khoản',
    province_admins_only: 'Chỉ quản trị tỉnh mới được thực hiện thao tác này',
    system_admins_only: 'Chỉ quản trị hệ thống mới tạo được tỉnh/thành phố',
    account_locked_backup: 'Tài khoản “{username}” đã bị khóa: không nhập được số liệu của tài khoản này',
    // Not found
    commune_not_found: 'Không tìm thấy xã/phường',
    province_not_found: 'Không tìm thấy tỉnh/thành phố',
    commune_not_in_province: 'Không có xã/phường “{code}” trong tỉnh',
    unit_not_found: 'Không có đơn vị “{code}”',
    user_not_found: 'Không có tài khoản “{username}”',
    period_not_found: 'Không có kỳ báo cáo “{code}”',
    report_not_found: 'Không có báo cáo này',
    no_plan: 'Xã/phường chưa có kế hoạch',
    no_plan_of_year: 'Chưa có kế hoạch năm {year}',
    no_plan_to_copy: 'Chưa có kế hoạch năm {year} để sao chép',
    plan_has_no_indicator: 'Kế hoạch năm {year} không có chỉ tiêu “{code}”',
    plan_has_no_period: 'Kế hoạch năm {year} không có kỳ báo cáo “{code}”',
    plan_has_no_phase: 'Kế hoạch năm {year} không có đợt thi đua “{code}”',
    // Units, accounts, communes
    unknown_parent: 'Không có đơn vị cấp trên “{code}”',
    unit_exists: 'Đã có đơn vị mã “{code}”',
    unit_exists_in_list: 'Dòng {line}: đã có đơn vị “{name}”',
    unit_cycle: 'Đơn vị “{code}” không thể nằm dưới chính nó hoặc đơn vị cấp dưới của nó',
    units_required: 'Tài khoản báo cáo cần gắn với ít nhất một đơn vị',
    units_not_allowed: 'Chỉ tài khoản báo cáo mới gắn với đơn vị',
    unknown_unit: 'Không có đơn vị đang hoạt động “{codes}”',
    username_taken: 'Tên đăng nhập “{username}” đã có người dùng',
    username_twice_in_list: 'Dòng {line}: tên đăng nhập “{username}” bị trùng trong danh sách',
    in_list: 'Dòng {line} ({name}): {reason}',
    account_inactive: 'Tài khoản “{username}” đang bị khóa; mở khóa trước khi in phiếu mới',
    cannot_deactivate_self: 'Không thể tự khóa tài khoản của chính mình',
    invalid_role: 'Tài khoản cấp tỉnh chỉ có thể là quản trị tỉnh hoặc lãnh đạo, chuyên viên tỉnh',
    password_not_allowed: 'Tài khoản cấp tỉnh tự đặt mật khẩu qua liên kết kích hoạt',
    duplicate_code: '{what} “{code}” đã có trong hệ thống',
    unknown_commune: 'Không có xã/phường “{code}” trong tỉnh để sáp nhập vào',
    merge_into_merged: 'Xã/phường “{code}” đã được sáp nhập vào đơn vị khác',
    merge_into_itself: 'Không thể sáp nhập một xã/phường vào chính nó',
    already_merged: 'Xã/phường “{code}” đã được sáp nhập',
    commune_merged: 'Xã/phường này đã được sáp nhập: dữ liệu cũ chỉ còn để xem, không sửa được nữa',
    // Plans, periods, reports
    invalid_plan: 'Kế hoạch chưa hợp lệ ({count} lỗi)',
    invalid_plan_file: 'Tệp kế hoạch chưa hợp lệ, chưa ghi gì ({count} lỗi)',
    plan_has_reports: 'Kế hoạch năm {year} đã có {count} số liệu báo cáo. Xác nhận để thay bằng kế hoạch trong tệp.',
    plan_exists: 'Đã có kế hoạch năm {year}; hãy sửa kế hoạch đó',
    plan_has_values: 'Kế hoạch năm {year} đã có số liệu báo cáo, không xóa được',
    indicator_in_use: 'Chỉ tiêu “{name}” đã có số liệu dạng {from}, không đổi sang dạng {to} được',
    year_mismatch: 'Kế hoạch gửi lên là năm {sent}, không phải năm {year}',
    code_mismatch: 'Chỉ tiêu gửi lên có mã “{sent}”, không phải “{code}”',
    same_year: 'Không sao chép kế hoạch năm {year} sang chính nó',
    no_file: 'Chưa gửi tệp kế hoạch (gửi nội dung tệp, kiểu application/octet-stream)',
    no_document: 'Chưa gửi văn bản kế hoạch (gửi nội dung tệp, kiểu application/octet-stream, hoặc chữ dán vào, kiểu text/plain)',
    unreadable_document: 'Không đọc được văn bản',
    too_many_exports: 'Xuất tệp quá nhiều lần trong một phút, vui lòng thử lại sau',
    too_many_drafts: 'Soạn kế hoạch từ văn bản quá nhiều lần trong một phút, vui lòng thử lại sau',
    period_exists: 'Đã có kỳ báo cáo “{code}”',
    period_in_use: 'Kỳ báo cáo “{code}” đã có số liệu hoặc báo cáo, không xóa được. Có thể khóa kỳ này thay vì xóa.',
    phase_not_open: 'Đợt thi đua “{name}” chưa mở, chưa có kết quả',
    invalid_transition: 'Báo cáo đang ở trạng thái “{status}”, không thể {action}',
    unknown_indicator: 'Nhận xét gắn với chỉ tiêu không có trong kế hoạch năm {year}: {codes}',
    no_scoring_table: 'Kế hoạch năm {year} chưa có bảng điểm thi đua, chưa xếp hạng được. Cán bộ thiết lập bảng điểm ở mục “Kế hoạch & chỉ tiêu”.',
    unknown_criterion: 'Bảng điểm năm {year} không có tiêu chí chấm tay “{code}”',
    score_above_max: 'Điểm {score} của tiêu chí “{name}” vượt mức tối đa {max} điểm',
    // Registration for emulation titles (shared/registration.ts; the Vietnamese `message` is the rule's own)
    registration_closed: 'Đã hết hạn đăng ký thi đua (hạn {deadline}). Liên hệ cán bộ xã nếu cần đăng ký muộn.',
    title_not_offered: 'Danh hiệu “{title}” không đăng ký được cho đơn vị “{unit}”',
    title_not_found: 'Không có danh hiệu “{title}” trong danh sách của xã',
    duplicate_registration: '{name} đã đăng ký danh hiệu “{title}”',
    registration_approved: 'Đăng ký thi đua đã được duyệt, không sửa được',
    registration_transition: 'Đăng ký đã gửi, đang chờ duyệt: rút lại để sửa (chỉ rút lại được đăng ký đã gửi, chưa duyệt)',
    registration_decision_transition: 'Đăng ký đang ở trạng thái “{status}”, không thể {action}',
    registration_read_forbidden: 'Tài khoản này không xem được đăng ký của đơn vị “{unit}”',
    registration_write_forbidden: 'Tài khoản này không được đăng ký thi đua cho đơn vị “{unit}”',
    title_code_twice: 'Mã danh hiệu “{code}” bị trùng',
    title_not_deletable: 'Không xóa được danh hiệu {names}: hãy ngừng sử dụng thay vì xóa',
    units_not_found: 'Không có đơn vị {codes}',
    // Evaluation and commendation (shared/commendation.ts)
    registration_not_approved: 'Đăng ký thi đua năm {year} của đơn vị “{unit}” đang ở trạng thái “{status}”: chỉ bình xét đăng ký đã duyệt',
    line_not_registered: '{name} không đăng ký danh hiệu “{title}” năm {year}',
    year_not_ended: 'Năm {year} chưa kết thúc. Xác nhận nếu vẫn ghi quyết định trước cuối năm.',
    already_awarded: 'Đã khen thưởng theo Quyết định số {number}: không đổi được quyết định bình xét nữa',
    decision_number_required: 'Quyết định khen thưởng cần có số quyết định và ngày ký',
    duplicate_decision: 'Đã có quyết định số {number}',
    nothing_to_award: 'Năm {year} không còn danh hiệu nào được duyệt mà chưa có quyết định khen thưởng',
    nothing_to_propose: 'Năm {year} chưa có danh hiệu nào được hội đồng duyệt hoặc đề nghị cấp trên khen thưởng',
    decision_not_found: 'Không có quyết định khen thưởng này',
    // Sync and backups (an old phone shows upgrade_required's message as it is: self-contained)
    upgrade_required:
      'Ứng dụng trên máy này đã cũ, máy chủ không nhận được nữa. Hãy cập nhật ứng dụng (mở lại hoặc tải lại trang khi có mạng). Các thay đổi chưa gửi vẫn được giữ nguyên trên máy.',
    protocol_unsupported: 'Máy chủ chưa hỗ trợ phiên bản ứng dụng này. Các thay đổi vẫn được giữ trên máy; hãy báo cán bộ phụ trách.',
    cursor_ahead: 'Dữ liệu trên máy mới hơn máy chủ (máy chủ đã được khôi phục?). Cần tải lại toàn bộ dữ liệu.',
    invalid_backup: 'Tệp sao lưu không hợp lệ',
    wrong_commune: 'Tệp sao lưu của một xã/phường khác',
    unknown_user: 'Tài khoản của tệp sao lưu không thuộc xã/phường này',
    unknown_device: 'Tài khoản của tệp sao lưu chưa từng đăng nhập trên thiết bị của tệp',
    // Evidence (minh chứng): shared/evidence.ts EVIDENCE_REFUSALS
    evidence_empty: 'Tệp minh chứng rỗng (0 byte)',
    evidence_too_large: 'Tệp minh chứng quá lớn: tối đa {max} MB một tệp',
    evidence_type: 'Chỉ nhận ảnh JPEG, PNG, WebP hoặc tệp PDF (nội dung tệp không phải loại này, dù tên tệp là gì)',
    evidence_truncated: 'Tệp minh chứng bị hỏng hoặc gửi chưa hết, không đọc được',
    evidence_too_many: 'Báo cáo này đã có {max} tệp minh chứng, không thêm được nữa',
    evidence_quota: 'Xã/phường đã dùng hết dung lượng lưu minh chứng ({max} MB). Hãy báo cán bộ phụ trách.',
    evidence_period_locked: 'Kỳ báo cáo đã khóa, không thêm hoặc xóa minh chứng được',
    evidence_report_approved: 'Báo cáo đã được duyệt, không thêm hoặc xóa minh chứng được',
    evidence_not_found: 'Không có tệp minh chứng này',
    evidence_upload_not_found: 'Không có lượt tải lên này (đã hết hạn hoặc đã xong): hãy gửi lại tệp',
  },
  rejection: {
    invalid: 'Thay đổi không hợp lệ',
    not_found: 'Không tìm thấy đơn vị, kỳ báo cáo hoặc chỉ tiêu của thay đổi',
    forbidden: 'Tài khoản không được thực hiện thay đổi này',
    not_assigned: 'Tài khoản không được giao báo cáo cho đơn vị này',
    period_locked: 'Kỳ báo cáo đã khóa',
    report_submitted: 'Báo cáo đã gửi, không sửa được nữa',
    report_approved: 'Báo cáo đã được duyệt, không sửa được nữa',
    invalid_transition: 'Báo cáo không chuyển được sang trạng thái này',
    registration_closed: 'Đã hết hạn đăng ký thi đua',
    title_not_offered: 'Danh hiệu này không có trong kế hoạch',
    duplicate_registration: 'Đơn vị đã đăng ký danh hiệu này',
    registration_approved: 'Bản đăng ký đã được duyệt, không sửa được nữa',
  },
  // Enum values a parameter carries, by the parameter's name: language-neutral on the wire.
  words: {
    status: { none: 'chưa đăng ký', draft: 'nháp', submitted: 'đã gửi', approved: 'đã duyệt', returned: 'bị trả lại' },
    action: { approve: 'duyệt', return: 'trả lại', reopen: 'mở lại' },
    from: KINDS,
    to: KINDS,
  },
}

/** The refusals' wordings in Vietnamese: the source of their keys. */
export const REFUSALS = vi
export type RefusalTree = typeof vi
/** A wording of an API refusal. */
export type RefusalKey = keyof RefusalTree['api']
/** Named parameters of a refusal: strings and numbers only, on the wire. */
export type RefusalParams = Readonly<Record<string, string | number>>

export { refusalText }
