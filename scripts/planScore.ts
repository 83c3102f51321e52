// npm run plan:score: drafts each seed plan (shared/seeds/*.txt, or THIDUA_SEEDS) from its text and
// compares the draft with the hand-made demo plan (src/server/demo/plans/*.json). Matching rules:
// src/shared/planDraft/score.ts.
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { draftPlan, planFromDraft } from '../src/shared/planDraft/extract'
import { scoreDraft, type SeedScore } from '../src/shared/planDraft/score'

export const SEEDS = ['pho-thuan-2023', 'tra-phong-2022', 'truong-quang-trong-2022'] as const

export function seedsDir(): string {
  return resolve(process.env.THIDUA_SEEDS ?? join(process.cwd(), '..', 'shared', 'seeds'))
}

export function scoreSeed(name: string, dir = seedsDir()): SeedScore {
  const text = readFileSync(join(dir, `${name}.txt`), 'utf8')
  const demo = JSON.parse(readFileSync(join(process.cwd(), 'src/server/demo/plans', `${name}.json`), 'utf8')) as { plan: Parameters<typeof scoreDraft>[1] & { year: number } }
  const draft = draftPlan(text)
  const plan = planFromDraft(draft, 'all', demo.plan.year)
  return scoreDraft(plan, demo.plan, draft.indicators.filter((i) => i.ambiguous).length)
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`

function main(): void {
  const dir = seedsDir()
  if (!existsSync(dir)) {
    console.error(`Không thấy thư mục kế hoạch mẫu: ${dir} (đặt THIDUA_SEEDS)`)
    process.exit(1)
  }
  const verbose = process.argv.includes('--verbose')
  const rows: [string, SeedScore][] = SEEDS.map((s) => [s, scoreSeed(s, dir)])
  console.log('seed                      demo  draft  matched  recall  precision  ambiguous')
  for (const [name, s] of rows) {
    console.log(`${name.padEnd(24)} ${String(s.expected).padStart(5)} ${String(s.drafted).padStart(6)} ${String(s.matched).padStart(8)} ${pct(s.recall).padStart(7)} ${pct(s.precision).padStart(10)} ${String(s.ambiguous).padStart(10)}`)
    if (verbose) {
      for (const m of s.missed) console.log(`   missed: ${m.code} ${JSON.stringify(m.target)} ${m.unitOfMeasure} — ${m.source ?? m.name}`)
      for (const x of s.extra) console.log(`   extra:  ${x.code} ${JSON.stringify(x.target)} ${x.unitOfMeasure} — ${x.source ?? x.name}`)
    }
  }
  const sum = (f: (s: SeedScore) => number): number => rows.reduce((t, [, s]) => t + f(s), 0)
  console.log(`overall: recall ${pct(sum((s) => s.matched) / sum((s) => s.expected))}, precision ${pct(sum((s) => s.matched) / sum((s) => s.drafted))}, ambiguous ${sum((s) => s.ambiguous)}`)
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main()
