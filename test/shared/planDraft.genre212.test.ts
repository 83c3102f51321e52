// Drafting a plan from its document (issue 13), sets 210 to 216: a letter-like plan whose paragraphs
// name their field before a colon ("Về kinh tế: …") outside any section is the year's content, even
// where it keeps an area "hiện có" (what a commune's description says). Hand-written sentences.
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { planHead } from './planDraftText'

const letter = (...paragraphs: string[]): string =>
  `${planHead('Tân Hưng', '07', '12 tháng 01', 2027)}\nĐể thực hiện thắng lợi nhiệm vụ năm 2027, UBND xã phát động phong trào thi đua như sau.\n\n${paragraphs.join('\n\n')}\n\nCác ban, ngành, đoàn thể căn cứ kế hoạch này tổ chức thực hiện.\n`

describe('a paragraph naming its field before a colon, outside any section', () => {
  it('reads its targets, an area kept "hiện có" among them', () => {
    const d = draftPlan(letter('Về kinh tế: Diện tích trồng dừa đạt 860 ha; diện tích nuôi cua hiện có duy trì trên 310 ha. Sản lượng cua đạt 950 tấn trở lên.', 'Về xã hội: Tỷ lệ hộ nghèo giảm 0,5% so với cuối năm 2026.'))
    expect(d.indicators.map((i) => i.value.target)).toEqual([
      { kind: 'at_least', value: 860 },
      { kind: 'at_least', value: 310, strict: true },
      { kind: 'at_least', value: 950 },
      { kind: 'reduce_by', amount: 0.5 },
    ])
  })

  it('still leaves out the commune\'s description before the targets', () => {
    const d = draftPlan(letter('Xã Tân Hưng có diện tích nuôi cua hiện có 300 ha và 12 ấp.', 'Về kinh tế: Sản lượng cua đạt 950 tấn trở lên.'))
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 950 }])
  })
})
