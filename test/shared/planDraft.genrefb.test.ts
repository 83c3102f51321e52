// Drafting a plan from its document (issue 13): the rules added after held-out sets 114 and 115 (a
// plan posted on a commune's Facebook page), each on hand-written text in the language of commune
// plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { normalizeText } from '../../src/shared/planDraft/normalize'
import { planHead } from './planDraftText'

const HEAD = planHead('Tân Định', '11', '08 tháng 01', 2026)

/** A plan posted on a page: its emoji list, then what a page shows under a post. */
const post = (tail: string[]) =>
  draftPlan(
    [
      HEAD,
      '📌 I. MỤC ĐÍCH, YÊU CẦU',
      '▪️ Động viên cán bộ và Nhân dân thi đua hoàn thành các chỉ tiêu năm 2026.',
      '📌 II. CHỈ TIÊU THI ĐUA',
      '🌾 Về kinh tế:',
      '✅ Sản lượng cá nuôi đạt 1.240 tấn trở lên.',
      '✅ 9/9 ấp duy trì danh hiệu “Ấp văn hóa”.',
      '📌 III. TỔ CHỨC THỰC HIỆN',
      '👉 Văn phòng theo dõi, tổng hợp kết quả trước ngày 10/12/2026.',
      '',
      ...tail,
    ].join('\n'),
  )

describe('a plan copied from a page\'s post, with the readers\' comments under it', () => {
  it.each([
    [['#TanDinh #ThiDua2026', '', '👍❤️😮 342', '27 bình luận · 15 lượt chia sẻ', 'Thích', 'Bình luận', 'Chia sẻ', 'Mới nhất', '', 'Võ Thị Ngọc Hân', 'Ấp Bình Thạnh đăng ký nuôi thêm 30 ha cá tra ạ 💪', '3 ngày  Thích  Phản hồi  5', '', 'Đinh Công Lý', 'Chúc xã mình về đích sớm', '2 ngày  Thích  Phản hồi']],
    [['#TanDinh', '👍 95 · 6 bình luận · 2 lượt chia sẻ', 'Thích · Bình luận · Chia sẻ', '', 'Lâm Quốc Bảo', 'Năm nay giá cá trên 32.000đ/kg là bà con có lời rồi', 'Thích · Phản hồi · 1 ngày']],
    [['Thích · Bình luận · Chia sẻ', 'Phan Thị Yến', 'Tổ 4 xin đăng ký 100% hộ phân loại rác tại nguồn', 'Thích · Phản hồi · 5 giờ']],
  ])('reads the post and none of its hashtags, counts, buttons and comments (%#)', (tail) => {
    const d = post(tail)
    expect(d.indicators.map((i) => i.value.source)).toEqual(['Sản lượng cá nuôi đạt 1.240 tấn trở lên', '9/9 ấp duy trì danh hiệu “Ấp văn hóa”'])
  })

  it('keeps a plan\'s text that only names comments or shares in a sentence', () => {
    const lines = ['- Tổ chức 12 buổi chia sẻ kinh nghiệm nuôi cá, mỗi buổi có phần bình luận, hỏi đáp.', 'Thích hợp với hộ có ao trên 500 m2.']
    expect(normalizeText(lines.join('\n'))).toBe(lines.join('\n'))
  })
})

describe('emoji marks in a list', () => {
  it('reads a keycap digit as the item\'s number, and a pictograph before a mark as no word', () => {
    expect(normalizeText('1️⃣ Các phong trào thi đua\n🔟 Khen thưởng\n📌 II. CHỈ TIÊU CHỦ YẾU\n🔸 2. Đợt thi đua')).toBe('1. Các phong trào thi đua\n10. Khen thưởng\nII. CHỈ TIÊU CHỦ YẾU\n2. Đợt thi đua')
  })

  it('reads a pictograph before a figure as the bullet of a target', () => {
    expect(normalizeText('✅ 12/12 ấp giữ vững danh hiệu “Ấp văn hóa”')).toBe('- 12/12 ấp giữ vững danh hiệu “Ấp văn hóa”')
  })

  it('drafts no goal from a keycap heading', () => {
    const d = draftPlan([HEAD, '📌 II. NỘI DUNG VÀ CHỈ TIÊU THI ĐUA', '', '1️⃣ Các phong trào thi đua', '🔹 Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”.', '', '2️⃣ Các chỉ tiêu thi đua chủ yếu năm 2026', '', '🚩 Về xây dựng Đảng:', '✅ Kết nạp từ 12 đảng viên mới trở lên.', '📌 III. TỔ CHỨC THỰC HIỆN', '👉 Các ấp gửi đăng ký về Văn phòng trước ngày 28/02/2026.'].join('\n'))
    expect(d.indicators.map((i) => i.value.source)).toEqual(['Kết nạp từ 12 đảng viên mới trở lên'])
  })
})

describe('the post\'s regexes on a long line', () => {
  it('reads a 1 MB line of counts and hashtags', () => {
    const line = `${'#ThiDua 12 bình luận · '.repeat(45000)}x`
    expect(normalizeText(`${line}\n${'👍'.repeat(300000)} 5`).length).toBeGreaterThan(0)
  })
})

describe('what a page\'s post says around its targets', () => {
  const list = (items: string[]) =>
    draftPlan([HEAD, 'II. CHỈ TIÊU THI ĐUA', '🔶 Về văn hóa - xã hội:', '✅ Tỷ lệ hộ gia đình văn hóa đạt 92% trở lên;', ...items, '✅ Kết nạp từ 12 đảng viên mới trở lên.', 'III. TỔ CHỨC THỰC HIỆN', '- Văn phòng tổng hợp kết quả.'].join('\n'))

  it('keeps "lượt lao động", jobs counted in turns of workers, as the plan\'s unit', () => {
    const d = list(['✅ Tạo việc làm cho 850 lượt lao động;'])
    expect(d.indicators.find((i) => /850/u.test(i.value.source ?? ''))?.value).toMatchObject({ unitOfMeasure: 'lượt lao động', target: { kind: 'at_least', value: 850 } })
  })

  it.each([
    '💪 Cán bộ và Nhân dân toàn xã đồng lòng thi đua về đích sớm các chỉ tiêu năm 2026!',
    '🏆 Cuối năm, Chủ tịch UBND xã tặng Giấy khen cho không quá 06 tập thể và 15 cá nhân tiêu biểu.',
    '🏆 Hợp tác xã đạt doanh thu cao nhất được xem xét đề nghị tặng Bằng khen của tỉnh.',
    '✅ Thực hiện nghiêm quy chế dân chủ ở cơ sở.',
  ])('reads no goal from "%s"', (line) => {
    const d = list([line])
    expect(d.indicators.map((i) => i.value.source)).toEqual(['Tỷ lệ hộ gia đình văn hóa đạt 92% trở lên', 'Kết nạp từ 12 đảng viên mới trở lên'])
  })

  it('reads no target from the figure an award is conditioned on', () => {
    const d = list(['🏆 Hộ chăn nuôi có doanh thu từ 500 triệu đồng/năm trở lên được xem xét đề nghị UBND huyện tặng Giấy khen.'])
    expect(d.indicators.map((i) => i.value.source)).toEqual(['Tỷ lệ hộ gia đình văn hóa đạt 92% trở lên', 'Kết nạp từ 12 đảng viên mới trở lên'])
  })

  it('still reads a goal of earning an award', () => {
    const d = list(['✅ Có ít nhất 02 tập thể được tặng Bằng khen của Chủ tịch UBND tỉnh;'])
    expect(d.indicators.length).toBe(3)
  })
})
