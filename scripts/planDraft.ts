// npm run plan:draft -- FILE [--year 2025]: drafts a plan from its document and prints it as a plan
// file (thi-dua.plan/1) with a placeholder commune read from the header. Text files are read here;
// .docx and .pdf through src/server/planDraft/readDocument.ts when that reader is present.
import { existsSync, readFileSync } from 'node:fs'
import { extname, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { draftPlan, planFromDraft } from '../src/shared/planDraft/extract'
import type { PlanDraft } from '../src/shared/planDraft/types'
import { PLAN_FILE_FORMAT } from '../src/shared/planFile'
import type { CommuneKind } from '../src/shared/model'

async function readDraft(file: string, year: number | undefined): Promise<{ draft: PlanDraft; notes: string[] }> {
  const ext = extname(file).toLowerCase()
  if (ext === '.txt' || ext === '.md' || ext === '') return { draft: draftPlan(readFileSync(file, 'utf8'), year !== undefined ? { year } : {}), notes: [] }
  const reader = resolve(import.meta.dirname, '../src/server/planDraft/readDocument.ts')
  if (!existsSync(reader)) throw new Error(`Chỉ đọc được tệp .txt: chưa có bộ đọc ${ext} (src/server/planDraft/readDocument.ts)`)
  const mod = (await import(pathToFileURL(reader).href)) as { readPlanDocument?: (bytes: Buffer) => Promise<{ ok: true; text: string; notes: string[] } | { ok: false; problems: { message: string }[] }> }
  if (typeof mod.readPlanDocument !== 'function') throw new Error('readDocument.ts không có hàm readPlanDocument')
  const res = await mod.readPlanDocument(readFileSync(file))
  if (!res.ok) throw new Error(res.problems.map((p) => p.message).join('\n'))
  return { draft: draftPlan(res.text, year !== undefined ? { year } : {}), notes: res.notes }
}

const KINDS: Record<string, CommuneKind> = { xã: 'xa', phường: 'phuong', 'thị trấn': 'thi_tran', 'đặc khu': 'dac_khu' }

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const yearAt = args.indexOf('--year')
  const yearArg = yearAt === -1 ? undefined : Number(args[yearAt + 1])
  const file = args.find((a, i) => !a.startsWith('--') && (yearAt === -1 || i !== yearAt + 1))
  if (!file) {
    console.error('Cách dùng: npm run plan:draft -- TỆP [--year 2025]')
    process.exit(2)
  }
  const { draft, notes } = await readDraft(file, yearArg)
  if (draft.noTargets) console.error('Không thấy chỉ tiêu nào: văn bản có lẽ không phải kế hoạch.')
  const year = draft.header.year?.value ?? yearArg ?? new Date().getFullYear()
  const plan = planFromDraft(draft, 'all', year)
  const communeText = draft.header.commune?.value ?? 'xã (chưa rõ)'
  const kindWord = Object.keys(KINDS).find((k) => communeText.toLowerCase().startsWith(k)) ?? 'xã'
  const name = communeText.slice(kindWord.length).trim() || '(chưa rõ)'
  const code = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'xa'
  const file_ = {
    format: PLAN_FILE_FORMAT,
    commune: { code: code.slice(0, 40), name: `${kindWord.charAt(0).toUpperCase()}${kindWord.slice(1)} ${name}`, kind: KINDS[kindWord] ?? 'xa', province: '(chưa rõ)' },
    units: [],
    plan,
  }
  console.log(JSON.stringify(file_, null, 2))
  const ambiguous = draft.indicators.filter((i) => i.ambiguous).length
  console.error(`${draft.indicators.length} chỉ tiêu, ${draft.fields.length} lĩnh vực, ${ambiguous} chỗ cần cán bộ chọn cách đọc, ${draft.issues.length} vấn đề.`)
  for (const n of notes) console.error(`- ${n}`)
  for (const i of draft.issues) console.error(`- ${i.message}`)
}

await main()
