// Drafting a plan from its document (issue 13): how the drafter's time grows with the text, on
// real plans and on the layouts whose rules once read a line quadratically or worse (each fixed
// when found by hand: a footnote mark tested against the whole line before it, the ";" inside
// brackets, lines joined one by one into a line of megabytes, a chain of milestones backtracked,
// every clause's quotes and sentence looked for from the line's start, a long run of one character
// or a sentence repeating a year).
// A text of 2 MB, the most the server keeps, drafted beside one of 0.5 MB: linear reading takes
// about 4 times as long, quadratic 16 times. The floor is one regular expression over every line
// of the same text, timed the same way in the same run.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { DRAFT_LIMITS } from '../../src/server/planDraft/draftInWorker'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { fmtMs, type Measurement, type MeasurementResult } from './report'
import { REPO_ROOT } from './server'

const ID = 'plan-draft'
const TITLE = 'Drafting a plan from its document: time by the text’s size'

const RUNS = Math.max(1, Math.min(10, Number(process.env.BENCH_DRAFT_RUNS ?? '') || 2))
const SIZES = [500_000, 2_000_000] as const
const DESCRIPTION = [
  `Each text is drafted whole by \`draftPlan\` in this process (the server runs the same function in a worker with a ${DRAFT_LIMITS.ms / 1000} s limit), at 0.5 MB and at 2 MB of characters, the fastest of ${RUNS} runs (\`BENCH_DRAFT_RUNS\`). Growth is the 2 MB time over the 0.5 MB time: about 4 when the reading is linear, 16 when it is quadratic. The floor is one regular expression (a figure and its unit) tested on every line of the same text.`,
]

const HEAD = 'KẾ HOẠCH\nPhát động phong trào thi đua năm 2026\nI. CÁC CHỈ TIÊU CHỦ YẾU\n'

/** The text `unit(i)` repeated, joined by `sep`, up to `size` characters. */
/** A made-up word for `i`, its letters read as base 26: no two alike. */
const word = (i: number): string => {
  let s = ''
  for (let n = i; ; n = Math.floor(n / 26)) {
    s += String.fromCharCode(97 + (n % 26))
    if (n < 26) break
  }
  return `${s}x`
}

function grown(size: number, unit: (i: number) => string, sep = '\n', head = HEAD): string {
  const parts = [head]
  let length = head.length
  for (let i = 0; length < size; i++) {
    const part = unit(i) + sep
    parts.push(part)
    length += part.length
  }
  return parts.join('').slice(0, size)
}

function heldOutPlans(): string[] {
  const root = join(REPO_ROOT, 'test', 'fixtures')
  return readdirSync(root)
    .filter((d) => d.startsWith('heldout'))
    .sort()
    .flatMap((d) => readdirSync(join(root, d)).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(root, d, f), 'utf8')))
}

const PATTERNS: { name: string; text: (size: number) => string }[] = [
  { name: 'real plans (the held-out texts, one after another)', text: (size) => grown(size, (i) => PLANS[i % PLANS.length]!, '\n\n', '') },
  { name: 'one line of parts in brackets parted by ";"', text: (size) => grown(size, (i) => `(lúa ${i} tấn; ngô ${i % 97} tấn)`, ' ', `${HEAD}- Tổng sản lượng lương thực đạt 4.500 tấn `) },
  { name: 'one line of items "(n) …; (n+1) …"', text: (size) => grown(size, (i) => `(${(i % 99) + 1}) Tỷ lệ hộ nghèo giảm ${i % 9},5%;`, ' ', `${HEAD}Các chỉ tiêu chủ yếu: `) },
  { name: 'a table copied one cell a line', text: (size) => grown(size, (i) => `${i + 1}\nSản lượng lúa\ntấn\n${i}`, '\n', `${HEAD}STT\nChỉ tiêu\nĐơn vị tính\nKế hoạch năm 2026\n`) },
  { name: 'rows with ";" between their fields', text: (size) => grown(size, (i) => `${i + 1};Sản lượng lúa ${i};tấn;${i};${i + 5};`, '\n', `${HEAD}STT;Chỉ tiêu;ĐVT;Thực hiện 2025;Kế hoạch 2026;Ghi chú\n`) },
  { name: 'one line of milestones "quý I đạt …, 6 tháng đạt …"', text: (size) => grown(size, (i) => `quý I đạt ${i} tấn, 6 tháng đạt ${i} tấn`, ', ', `${HEAD}- Sản lượng lúa: `) },
  { name: 'one line of goals joined to figures ("giữ vững …, phấn đấu đạt thêm N …")', text: (size) => grown(size, (i) => `giữ vững xã đạt chuẩn nông thôn mới, phấn đấu đạt thêm ${(i % 9) + 1} tiêu chí`, ', ', `${HEAD}- `) },
  { name: 'one line of a movement and the fields it covers', text: (size) => grown(size, () => 'giữ vững chủ quyền, an ninh biên giới', ', ', `${HEAD}3. Thi đua bảo đảm quốc phòng, an ninh, `) },
  // (A plan cell of thousands of figures and no bracket: a pattern for "7.850 (đạt 100% …)" backtracked through every pair of them.)
  { name: 'a table one cell a line whose plan cell holds thousands of figures', text: (size) => grown(size, (i) => `trồng mới ${(i % 9) + 1} ha`, '; ', `${HEAD}TT\nTên chỉ tiêu\nKế hoạch năm 2026\n1\nDiện tích chè kinh doanh\nDuy trì 318 ha; `) },
  { name: 'a form: each name on its line, its figure on the next', text: (size) => grown(size, (i) => `Sản lượng lúa vụ ${i}:\nđạt ${i} tấn trở lên`) },
  { name: 'one line of figures with a space between thousands, dot decimals ("9.5%", "12 500 300 …")', text: (size) => grown(size, (i) => String(100 + (i % 900)), ' ', `${HEAD}- Tỷ lệ 9.5% và 12 500 tấn; `) },
  // One run of a single character, or one sentence repeated: lookbehinds that went back over the
  // whole run at every place of it, a search from each mention of a year to its sentence's end, and
  // a line's empty cells taken off one at a time (each fixed when found by a generator of such lines).
  { name: 'one run of spaces between a figure and its unit', text: (size) => `${HEAD}- Thu nhập bình quân đạt 1${' '.repeat(Math.max(0, size - HEAD.length - 40))}triệu đồng` },
  { name: 'one word of a million letters after a year', text: (size) => `${HEAD}Năm 2026 ${'a'.repeat(Math.max(0, size - HEAD.length - 9))}` },
  { name: 'one run of digits', text: (size) => `${HEAD}- Đạt ${'1'.repeat(Math.max(0, size - HEAD.length - 6))}` },
  { name: 'one line of tabs', text: (size) => `${HEAD}${'\t'.repeat(Math.max(0, size - HEAD.length - 6))}- Đạt` },
  { name: 'one sentence repeating a cut of crimes "so với năm 2025"', text: (size) => grown(size, () => 'kéo giảm tội phạm về trật tự xã hội từ 5% trở lên so với năm 2025', ', ', `${HEAD}- `) },
  // Goals the restated-goal pass compared pair by pair (thousands on one line, sharing words but none
  // the same), and a bracket of who leads opened again and again ("(Chủ trì: a; "): each grew with the
  // square of the line until a line's clauses were bounded by the plan's limit and the goals indexed by word.
  { name: 'one line of goals sharing words, none the same ("giữ vững an ninh trật tự xa ya za; …")', text: (size) => grown(size, (i) => `giữ vững an ninh trật tự ${word(i)} ${word(i + 100_000)} ${word(i + 200_000)}`, '; ', `${HEAD}- `) },
  { name: 'one line of brackets of who leads never closed ("(Chủ trì: a; …")', text: (size) => grown(size, () => '(Chủ trì: a', '; ', `${HEAD}- Trồng 5 ha rừng `) },
  // (A clause's closing marks were cut by a pattern "[.;,\s]+$" tried at every place of a run of them: a
  // goal of a hundred thousand ", " before its last word took minutes; withoutClosingMarks walks back.)
  { name: 'one goal whose words are parted by a run of ", " before its last word', text: (size) => `${HEAD}Về kinh tế: giữ vững an ninh trật tự${', '.repeat(Math.max(0, (size - HEAD.length - 80) >> 1))}không để xảy ra cháy rừng.` },
  // (Each yield refers to its area and output: a pass once asked of every item before each one whether a formula named it, cubic in the items.)
  { name: 'crops a line each, with their area, yield and output', text: (size) => grown(size, (i) => `- Cây trồng ${word(i)}: diện tích ${100 + (i % 900)} ha, năng suất ${50 + (i % 20)} tạ/ha, sản lượng ${((100 + (i % 900)) * (50 + (i % 20))) / 10} tấn.`) },
  { name: 'a Word file saved as text: one paragraph a line', text: (size) => grown(size, (i) => (i % 5 === 0 ? 'Về kinh tế' : `Tổng sản lượng lương thực đạt ${i} tấn trở lên, trong đó lúa chiếm phần lớn diện tích gieo trồng của toàn xã trong năm kế hoạch, phấn đấu vượt mức kế hoạch huyện giao cho xã trong năm 2026 và các năm sau`)) },
  // (The forms of sets 266 and 271, each read by a pass over the whole text before the lines: the
  // e-office view's paragraph numbers, a PDF's doubled bold glyphs, a phone viewer's table rows,
  // an Excel table's quoted cells with line breaks, a wide sheet printed in two halves.)
  { name: 'an e-office view numbering every paragraph ("00036  - …")', text: (size) => grown(size, (i) => `${String(i + 1).padStart(5, '0')}  - Sản lượng lúa vụ ${word(i)} đạt ${i} tấn.`) },
  { name: 'bold glyphs doubled ("SSảảnn  llưượợnngg …")', text: (size) => grown(size, (i) => [...`Sản lượng ${word(i)} đạt ${i} tấn`].map((c) => c + c).join('')) },
  { name: 'a phone viewer\'s table rows ("Hàng n: Cột 1: …; Cột 2: …")', text: (size) => grown(size, (i) => `Hàng ${i + 1}: Cột 1: ${i + 1}; Cột 2: Sản lượng ${word(i)}; Cột 3: tấn; Cột 4: ${i}`) },
  { name: 'an Excel table\'s quoted cells with line breaks, pasted with tabs', text: (size) => grown(size, (i) => `${i + 1}\t"Cây ${word(i)}:\n- Diện tích\n- Sản lượng"\t"\nha\ntấn"\t"\n${i}\n${i * 5}"`) },
  { name: 'a wide sheet printed in two halves, its names repeated', text: (size) => { const rows = (f: (i: number) => string): string => grown(size >> 1, (i) => `${String(i + 1).padStart(4)}  Sản lượng ${word(i).padEnd(12)}  ${f(i)}`, '\n', '') ; return `${HEAD}  TT  Chỉ tiêu                 ĐVT    TH 2025\n${rows((i) => `tấn    ${i}`)}\n\n  TT  Chỉ tiêu                 KH 2026\n${rows((i) => `${i + 5}`)}` } },
]

let PLANS: string[] = []

function fastest(f: () => void): number {
  let best = Infinity
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now()
    f()
    best = Math.min(best, performance.now() - t0)
  }
  return best
}

// (A figure's digits bounded, as a figure is: unbounded, the floor itself read a run of digits quadratically.)
const FLOOR_RE = /(?<![\d.,])\d[\d.,]{0,20}\s*(?:tấn|ha|%|người|hộ|triệu đồng)/u
const floor = (text: string): number => text.split('\n').filter((l) => FLOOR_RE.test(l)).length

export const planDraftMeasurement: Measurement = {
  id: ID,
  title: TITLE,
  async run({ log, signal }): Promise<MeasurementResult> {
    PLANS = heldOutPlans()
    const rows: string[][] = []
    for (const p of PATTERNS) {
      if (signal.aborted) break
      const [small, large] = SIZES.map((size) => p.text(size))
      const [ms, ml] = [small!, large!].map((t) => fastest(() => draftPlan(t, { year: 2026 })))
      const [fs, fl] = [small!, large!].map((t) => fastest(() => floor(t)))
      log(`plan draft: ${p.name}: ${Math.round(ms!)} ms at 0.5 MB, ${Math.round(ml!)} ms at 2 MB`)
      rows.push([p.name, fmtMs(ms!), fmtMs(ml!), (ml! / ms!).toFixed(1), (fl! / fs!).toFixed(1), ml! <= DRAFT_LIMITS.ms ? 'yes' : '**no**'])
    }
    return {
      id: ID,
      title: TITLE,
      description: DESCRIPTION,
      environment: [],
      sections: [
        {
          title: 'Time by size',
          table: {
            columns: [{ title: 'text' }, { title: '0.5 MB, ms', align: 'right' }, { title: '2 MB, ms', align: 'right' }, { title: 'growth (4 = linear)', align: 'right' }, { title: 'floor’s growth', align: 'right' }, { title: `2 MB within the server’s ${DRAFT_LIMITS.ms / 1000} s`, align: 'right' }],
            rows,
          },
        },
      ],
      errors: [],
    }
  },
}
