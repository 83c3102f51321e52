// The year-end commendation documents as Word files, in the layout of Nghị định 30/2020/NĐ-CP
// (nd30.ts): the proposal (Tờ trình đề nghị khen thưởng) with the lines the council approved or
// proposed upward, and the decision (Quyết định khen thưởng) with the list of collectives,
// individuals and households it awards and the form of award. Both cite Law 06/2022/QH15 and
// decree 98/2023/NĐ-CP. What only people know is left “…” for the officer to complete.
import { Paragraph, Table, TableLayoutType, TableRow, WidthType } from 'docx'
import { communeAuthority, communeFullName, communePlaceName, formatViDate } from '../../shared/summary'
import type { AwardDecision } from '../../shared/commendation'
import type { AwardDocData, AwardDocLine } from '../db/commendation'
import { body, cell, centered, dateline, gap, heading, headerBlock, lowerFirst, packDocument, rule, run, signatureBlock, tableText, TEXT_WIDTH_MM, twip } from './nd30'

const LAW = 'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;'
const DECREE = 'Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;'

/** "Kế hoạch số 15/KH-UBND ngày 25/01/2024 về “Phát động phong trào thi đua …”". */
function planReference(plan: AwardDocData['plan']): string {
  const number = plan.number ? ` số ${plan.number}` : ''
  const date = plan.issuedOn ? ` ngày ${formatViDate(plan.issuedOn)}` : ''
  return `Kế hoạch${number}${date} về “${plan.title}”`
}

/** The three lists a decision prints: the units, the individuals, the households. */
function groups(lines: readonly AwardDocLine[]): { collective: AwardDocLine[]; individual: AwardDocLine[]; household: AwardDocLine[] } {
  return {
    collective: lines.filter((l) => l.person === null),
    individual: lines.filter((l) => l.person !== null && l.scope !== 'household'),
    household: lines.filter((l) => l.person !== null && l.scope === 'household'),
  }
}

/** “2 tập thể, 3 cá nhân và 1 hộ gia đình”. */
function countWords(lines: readonly AwardDocLine[]): string {
  const g = groups(lines)
  const parts = [
    g.collective.length > 0 ? `${g.collective.length} tập thể` : '',
    g.individual.length > 0 ? `${g.individual.length} cá nhân` : '',
    g.household.length > 0 ? `${g.household.length} hộ gia đình` : '',
  ].filter((p) => p !== '')
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} và ${parts.at(-1)}`
}

const COLLECTIVE_COLUMNS = [
  { header: 'STT', mm: 13 },
  { header: 'Tên tập thể', mm: 77 },
  { header: 'Hình thức khen thưởng', mm: 70 },
] as const
const PERSON_COLUMNS = [
  { header: 'STT', mm: 13 },
  { header: 'Họ và tên', mm: 45 },
  { header: 'Chức vụ, đơn vị', mm: 50 },
  { header: 'Hình thức khen thưởng', mm: 52 },
] as const

/** One list as a table of fixed widths (160 mm), its header repeated on every page. */
function listTable(lines: readonly AwardDocLine[], person: boolean): Table {
  const columns = person ? PERSON_COLUMNS : COLLECTIVE_COLUMNS
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c) => cell([tableText(c.header, { bold: true, align: 'center' })], c.mm, { shade: true })) })
  const rows = lines.map((l, i) => {
    const award = l.note.trim() !== '' && l.decision === 'proposed_upward' ? `${l.awardText} (${l.note.trim()})` : l.awardText
    const values = person
      ? [tableText(String(i + 1), { align: 'center' }), tableText(l.person ?? ''), tableText([l.position.trim(), l.unitName].filter((x) => x !== '').join(', ')), tableText(award)]
      : [tableText(String(i + 1), { align: 'center' }), tableText(l.unitName), tableText(award)]
    return new TableRow({ cantSplit: true, children: values.map((p, j) => cell([p], columns[j]!.mm)) })
  })
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: twip(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: columns.map((c) => twip(c.mm)),
    rows: [header, ...rows],
  })
}

/** The lists under their Roman-numbered headings (only the groups that have lines). */
function lists(lines: readonly AwardDocLine[]): (Paragraph | Table)[] {
  const g = groups(lines)
  const out: (Paragraph | Table)[] = []
  const parts: [string, AwardDocLine[], boolean][] = [
    ['TẬP THỂ', g.collective, false],
    ['CÁ NHÂN', g.individual, true],
    ['HỘ GIA ĐÌNH', g.household, true],
  ]
  let n = 0
  for (const [name, ls, person] of parts) {
    if (ls.length === 0) continue
    n += 1
    out.push(heading(`${['I', 'II', 'III'][n - 1]}. ${name}`), listTable(ls, person))
  }
  return out
}

function title(lines: string[]): Paragraph[] {
  return [gap(240), ...lines.map((l) => centered([run(l, { bold: true })])), rule(60)]
}

/** The proposal: the number (“…” until the officer gives one) and the date are optional. */
export async function buildProposalDocx(data: AwardDocData, o: { number: string | null; date: string | null; recipient: string | null }): Promise<Buffer> {
  const commune = communeFullName(data.commune)
  const approved = data.lines.filter((l) => l.decision === 'approved')
  const upward = data.lines.filter((l) => l.decision === 'proposed_upward')
  const recipient = o.recipient ?? `Chủ tịch Ủy ban nhân dân ${lowerFirst(commune)}`
  const children: (Paragraph | Table)[] = [
    headerBlock(communeAuthority(data.commune), o.number ?? '…/TTr-UBND', dateline(communePlaceName(data.commune), o.date, data.year)),
    ...title(['TỜ TRÌNH', `Về việc đề nghị khen thưởng thành tích trong phong trào thi đua năm ${data.year}`]),
    gap(),
    centered([run(`Kính gửi: ${recipient}.`)], 120),
    body(LAW),
    body(DECREE),
    body(`Căn cứ ${planReference(data.plan)};`),
    body(`Căn cứ kết quả bình xét của Hội đồng Thi đua – Khen thưởng ${lowerFirst(commune)} năm ${data.year},`),
    body(`Hội đồng Thi đua – Khen thưởng ${lowerFirst(commune)} kính trình ${recipient} xem xét, khen thưởng như sau:`),
  ]
  if (approved.length > 0) {
    children.push(heading(`A. ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU THI ĐUA, KHEN THƯỞNG: ${countWords(approved)}`), ...lists(approved))
  }
  if (upward.length > 0) {
    children.push(heading(`${approved.length > 0 ? 'B' : 'A'}. ĐỀ NGHỊ CẤP TRÊN KHEN THƯỞNG: ${countWords(upward)}`), ...lists(upward))
  }
  children.push(
    gap(),
    body(`Kính trình ${recipient} xem xét, quyết định./.`),
    gap(),
    signatureBlock(['- Như trên;', '- Lưu: VT, HĐTĐKT.'], ['TM. HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG', 'CHỦ TỊCH HỘI ĐỒNG'], '…'),
  )
  return packDocument(`Tờ trình đề nghị khen thưởng năm ${data.year} - ${commune}`, children)
}

/** The decision, with its number, date and signer, and its list on a page of its own. */
export async function buildDecisionDocx(data: AwardDocData, decision: Pick<AwardDecision, 'number' | 'signedOn' | 'signer' | 'signerTitle'>): Promise<Buffer> {
  const commune = communeFullName(data.commune)
  const chair = `Chủ tịch Ủy ban nhân dân ${lowerFirst(commune)}`
  const signature = decision.signerTitle === 'pho_chu_tich' ? ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] : ['CHỦ TỊCH']
  const children: (Paragraph | Table)[] = [
    headerBlock(communeAuthority(data.commune), decision.number, dateline(communePlaceName(data.commune), decision.signedOn, Number(decision.signedOn.slice(0, 4)))),
    ...title(['QUYẾT ĐỊNH', `Về việc khen thưởng thành tích trong phong trào thi đua năm ${data.year}`]),
    gap(),
    centered([run(`CHỦ TỊCH ỦY BAN NHÂN DÂN ${commune.toLocaleUpperCase('vi')}`, { bold: true })], 120),
    body('Căn cứ Luật Tổ chức chính quyền địa phương;', { italics: true }),
    body(LAW, { italics: true }),
    body(DECREE, { italics: true }),
    body(`Căn cứ ${planReference(data.plan)};`, { italics: true }),
    body(`Theo đề nghị của Hội đồng Thi đua – Khen thưởng ${lowerFirst(commune)}.`, { italics: true }),
    centered([run('QUYẾT ĐỊNH:', { bold: true })], 120),
    body([
      run('Điều 1. ', { bold: true }),
      run(`Công nhận danh hiệu thi đua, khen thưởng ${countWords(data.lines)} có thành tích trong phong trào thi đua năm ${data.year} (có danh sách kèm theo).`),
    ]),
    body([run('Điều 2. ', { bold: true }), run('Tiền thưởng kèm theo danh hiệu, hình thức khen thưởng thực hiện theo quy định của Nghị định số 98/2023/NĐ-CP.')]),
    body([
      run('Điều 3. ', { bold: true }),
      run(`Quyết định này có hiệu lực kể từ ngày ký. Văn phòng Hội đồng nhân dân và Ủy ban nhân dân, Hội đồng Thi đua – Khen thưởng ${lowerFirst(commune)}, các tập thể, cá nhân và hộ gia đình có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`),
    ]),
    gap(),
    signatureBlock(['- Như Điều 3;', '- Thường trực Đảng ủy, HĐND;', '- Lưu: VT, HĐTĐKT.'], signature, decision.signer),
    new Paragraph({ pageBreakBefore: true, alignment: 'center', spacing: { before: 0, after: 0 }, children: [run('DANH SÁCH', { bold: true })] }),
    centered([run(`Tập thể, cá nhân, hộ gia đình được khen thưởng năm ${data.year}`, { bold: true })]),
    centered([run(`(Kèm theo Quyết định số ${decision.number} ngày ${formatViDate(decision.signedOn)} của ${chair})`, { italics: true })]),
    rule(60),
    ...lists(data.lines),
  ]
  return packDocument(`Quyết định khen thưởng năm ${data.year} - ${commune}`, children)
}
