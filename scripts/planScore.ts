// npm run plan:score: drafts each seed plan (shared/seeds/*.txt, or THIDUA_SEEDS) from its text and
// compares the draft with the hand-made demo plan (src/server/demo/plans/*.json). Matching rules:
// src/shared/planDraft/score.ts. Three figures for each seed:
// - all: every drafted target (the plan of every item, ambiguous ones in their first reading);
// - confident: the drafted targets of confidence high or medium, not ambiguous, as a plan built of
//   those items only (planFromDraft), precision and recall;
// - sure: those of confidence high only, not ambiguous: what "Nhận tất cả mục chắc chắn" on the
//   review screen takes (src/client/officer/plan/draft/review.ts, sureItems).
// --verbose lists the missed and extra targets of "all", and the matched ones rolled up another way
// than the hand-made plan's (its aggregation: flow, stock, rate, yes/no), which the overall figures count.
// Held-out plans (NAME.txt with its hand-made NAME.json, written without the drafter's rules) are
// scored the same way, in groups of their own: test/fixtures/heldout to heldout6 have each been
// measured once and since used to find the drafter's faults (docs/domain.md gives each first
// measurement); a new set is added here for measuring only.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Plan } from '../src/shared/model'
import { draftPlan, planFromDraft } from '../src/shared/planDraft/extract'
import { scoreDraft, type SeedScore, sourcesAsRead } from '../src/shared/planDraft/score'
import type { Confidence, PlanDraft } from '../src/shared/planDraft/types'

export const SEEDS = ['pho-thuan-2023', 'tra-phong-2022', 'truong-quang-trong-2022'] as const

export function seedsDir(): string {
  return resolve(process.env.THIDUA_SEEDS ?? join(process.cwd(), '..', 'shared', 'seeds'))
}

export interface SeedScores {
  all: SeedScore
  /** Confidence high or medium, not ambiguous. */
  confident: SeedScore
  /** Confidence high, not ambiguous: what the review screen's "accept every certain item" takes. */
  sure: SeedScore
}

/** The score of the plan made of the items of `levels`, not ambiguous (with every field and the header). */
function scoreOf(draft: PlanDraft, expected: Plan, levels: readonly Confidence[]): SeedScore {
  const ambiguous = draft.indicators.filter((i) => i.ambiguous).length
  const ids = new Set<string>([
    ...draft.fields.map((f) => f.id),
    ...Object.values(draft.header).flatMap((h) => (h ? [h.id] : [])),
    ...draft.indicators.filter((i) => levels.includes(i.confidence) && !i.ambiguous).map((i) => i.id),
  ])
  return scoreDraft(planFromDraft(draft, ids, expected.year), expected, ambiguous)
}

export const HELDOUT_DIR = join(process.cwd(), 'test', 'fixtures', 'heldout')

/** The held-out sets, in the order printed. */
export const HELDOUT_SETS: readonly { dir: string; title: string }[] = [
  { dir: HELDOUT_DIR, title: 'held-out plans, first set (test/fixtures/heldout; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout2'), title: 'held-out plans, second set (test/fixtures/heldout2; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout3'), title: 'held-out plans, third set (test/fixtures/heldout3; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout4'), title: 'held-out plans, fourth set (test/fixtures/heldout4; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout5'), title: 'held-out plans, fifth set (test/fixtures/heldout5; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout6'), title: 'held-out plans, sixth set (test/fixtures/heldout6; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout7'), title: 'held-out plans, seventh set (test/fixtures/heldout7; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout8'), title: 'held-out plans, eighth set (test/fixtures/heldout8; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout9'), title: 'held-out plans, ninth set (test/fixtures/heldout9; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout10'), title: 'held-out plans, tenth set (test/fixtures/heldout10; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout11'), title: 'held-out plans, eleventh set (test/fixtures/heldout11; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout12'), title: 'held-out plans, twelfth set (test/fixtures/heldout12; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout13'), title: 'held-out plans, thirteenth set (test/fixtures/heldout13; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout14'), title: 'held-out plans, fourteenth set (test/fixtures/heldout14; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout15'), title: 'held-out plans, fifteenth set (test/fixtures/heldout15; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout16'), title: 'held-out plans, sixteenth set (test/fixtures/heldout16; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout17'), title: 'held-out plans, seventeenth set (test/fixtures/heldout17; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout18'), title: 'held-out plans, eighteenth set (test/fixtures/heldout18; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout19'), title: 'held-out plans, nineteenth set (test/fixtures/heldout19; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout20'), title: 'held-out plans, twentieth set (test/fixtures/heldout20; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout21'), title: 'held-out plans, twenty-first set (test/fixtures/heldout21; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout22'), title: 'held-out plans, twenty-second set (test/fixtures/heldout22; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout23'), title: 'held-out plans, twenty-third set (test/fixtures/heldout23; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout24'), title: 'held-out plans, twenty-fourth set (test/fixtures/heldout24; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout25'), title: 'held-out plans, twenty-fifth set (test/fixtures/heldout25; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout26'), title: 'held-out plans, twenty-sixth set (test/fixtures/heldout26; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout27'), title: 'held-out plans, twenty-seventh set (test/fixtures/heldout27; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout28'), title: 'held-out plans, twenty-eighth set (test/fixtures/heldout28; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout29'), title: 'held-out plans, twenty-ninth set (test/fixtures/heldout29; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout30'), title: 'held-out plans, thirtieth set (test/fixtures/heldout30; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout31'), title: 'held-out plans, thirty-first set (test/fixtures/heldout31; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout32'), title: 'held-out plans, thirty-second set (test/fixtures/heldout32; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout33'), title: 'held-out plans, thirty-third set (test/fixtures/heldout33; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout34'), title: 'held-out plans, thirty-fourth set (test/fixtures/heldout34; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout35'), title: 'held-out plans, thirty-fifth set (test/fixtures/heldout35; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout36'), title: 'held-out plans, thirty-sixth set (test/fixtures/heldout36; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout37'), title: 'held-out plans, thirty-seventh set (test/fixtures/heldout37; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout38'), title: 'held-out plans, thirty-eighth set (test/fixtures/heldout38; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout39'), title: 'held-out plans, thirty-ninth set (test/fixtures/heldout39; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout40'), title: 'held-out plans, fortieth set (test/fixtures/heldout40; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout41'), title: 'held-out plans, forty-first set (test/fixtures/heldout41; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout42'), title: 'held-out plans, forty-second set (test/fixtures/heldout42; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout43'), title: 'held-out plans, forty-third set (test/fixtures/heldout43; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout44'), title: 'held-out plans, forty-fourth set (test/fixtures/heldout44; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout45'), title: 'held-out plans, forty-fifth set (test/fixtures/heldout45; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout46'), title: 'held-out plans, forty-sixth set (test/fixtures/heldout46; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout47'), title: 'held-out plans, forty-seventh set (test/fixtures/heldout47; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout48'), title: 'held-out plans, forty-eighth set (test/fixtures/heldout48; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout49'), title: 'held-out plans, forty-ninth set (test/fixtures/heldout49; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout50'), title: 'held-out plans, fiftieth set (test/fixtures/heldout50; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout51'), title: 'held-out plans, fifty-first set (test/fixtures/heldout51; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout52'), title: 'held-out plans, fifty-second set (test/fixtures/heldout52; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout53'), title: 'held-out plans, fifty-third set (test/fixtures/heldout53; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout54'), title: 'held-out plans, fifty-fourth set (test/fixtures/heldout54; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout55'), title: 'held-out plans, fifty-fifth set (test/fixtures/heldout55; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout56'), title: 'held-out plans, fifty-sixth set (test/fixtures/heldout56; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout57'), title: 'held-out plans, fifty-seventh set (test/fixtures/heldout57; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout58'), title: 'held-out plans, fifty-eighth set (test/fixtures/heldout58; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout59'), title: 'held-out plans, fifty-ninth set (test/fixtures/heldout59; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout60'), title: 'held-out plans, sixtieth set (test/fixtures/heldout60; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout61'), title: 'held-out plans, sixty-first set (test/fixtures/heldout61; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout62'), title: 'held-out plans, sixty-second set (test/fixtures/heldout62; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout63'), title: 'held-out plans, sixty-third set (test/fixtures/heldout63; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout64'), title: 'held-out plans, sixty-fourth set (test/fixtures/heldout64; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout65'), title: 'held-out plans, sixty-fifth set (test/fixtures/heldout65; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout66'), title: 'held-out plans, sixty-sixth set (test/fixtures/heldout66; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout67'), title: 'held-out plans, sixty-seventh set (test/fixtures/heldout67; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout68'), title: 'held-out plans, sixty-eighth set (test/fixtures/heldout68; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout69'), title: 'held-out plans, sixty-ninth set (test/fixtures/heldout69; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout70'), title: 'held-out plans, seventieth set (test/fixtures/heldout70; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout71'), title: 'held-out plans, seventy-first set (test/fixtures/heldout71; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout72'), title: 'held-out plans, seventy-second set (test/fixtures/heldout72; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout73'), title: 'held-out plans, seventy-third set (test/fixtures/heldout73; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout74'), title: 'held-out plans, seventy-fourth set (test/fixtures/heldout74; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout75'), title: 'held-out plans, seventy-fifth set (test/fixtures/heldout75; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout76'), title: 'held-out plans, seventy-sixth set (test/fixtures/heldout76; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout77'), title: 'held-out plans, seventy-seventh set (test/fixtures/heldout77; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout78'), title: 'held-out plans, seventy-eighth set (test/fixtures/heldout78; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout79'), title: 'held-out plans, seventy-ninth set (test/fixtures/heldout79; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout80'), title: 'held-out plans, eightieth set (test/fixtures/heldout80; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout81'), title: 'held-out plans, eighty-first set (test/fixtures/heldout81; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout82'), title: 'held-out plans, eighty-second set (test/fixtures/heldout82; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout83'), title: 'held-out plans, eighty-third set (test/fixtures/heldout83; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout84'), title: 'held-out plans, eighty-fourth set (test/fixtures/heldout84; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout85'), title: 'held-out plans, eighty-fifth set (test/fixtures/heldout85; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout86'), title: 'held-out plans, eighty-sixth set (test/fixtures/heldout86; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout87'), title: 'held-out plans, eighty-seventh set (test/fixtures/heldout87; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout88'), title: 'held-out plans, eighty-eighth set (test/fixtures/heldout88; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout89'), title: 'held-out plans, eighty-ninth set (test/fixtures/heldout89; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout90'), title: 'held-out plans, ninetieth set (test/fixtures/heldout90; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout91'), title: 'held-out plans, ninety-first set (test/fixtures/heldout91; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout92'), title: 'held-out plans, ninety-second set (test/fixtures/heldout92; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout93'), title: 'held-out plans, ninety-third set (test/fixtures/heldout93; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout94'), title: 'held-out plans, ninety-fourth set (test/fixtures/heldout94; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout95'), title: 'held-out plans, ninety-fifth set (test/fixtures/heldout95; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout96'), title: 'held-out plans, ninety-sixth set (test/fixtures/heldout96; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout97'), title: 'held-out plans, ninety-seventh set (test/fixtures/heldout97; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout98'), title: 'held-out plans, ninety-eighth set (test/fixtures/heldout98; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout99'), title: 'held-out plans, ninety-ninth set (test/fixtures/heldout99; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout100'), title: 'held-out plans, hundredth set (test/fixtures/heldout100; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout101'), title: 'held-out plans, hundred-and-first set (test/fixtures/heldout101; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout102'), title: 'held-out plans, hundred-and-second set (test/fixtures/heldout102; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout103'), title: 'held-out plans, hundred-and-third set (test/fixtures/heldout103; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout104'), title: 'held-out plans, hundred-and-fourth set (test/fixtures/heldout104; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout105'), title: 'held-out plans, hundred-and-fifth set (test/fixtures/heldout105; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout106'), title: 'held-out plans, hundred-and-sixth set (test/fixtures/heldout106; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout107'), title: 'held-out plans, hundred-and-seventh set (test/fixtures/heldout107; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout108'), title: 'held-out plans, hundred-and-eighth set (test/fixtures/heldout108; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout109'), title: 'held-out plans, hundred-and-ninth set (test/fixtures/heldout109; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout110'), title: 'held-out plans, hundred-and-tenth set (test/fixtures/heldout110; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout111'), title: 'held-out plans, hundred-and-eleventh set (test/fixtures/heldout111; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout112'), title: 'held-out plans, hundred-and-twelfth set (test/fixtures/heldout112; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout113'), title: 'held-out plans, hundred-and-thirteenth set (test/fixtures/heldout113; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout114'), title: 'held-out plans, hundred-and-fourteenth set (test/fixtures/heldout114; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout115'), title: 'held-out plans, hundred-and-fifteenth set (test/fixtures/heldout115; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout116'), title: 'held-out plans, hundred-and-sixteenth set (test/fixtures/heldout116; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout117'), title: 'held-out plans, hundred-and-seventeenth set (test/fixtures/heldout117; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout118'), title: 'held-out plans, hundred-and-eighteenth set (test/fixtures/heldout118; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout119'), title: 'held-out plans, hundred-and-nineteenth set (test/fixtures/heldout119; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout120'), title: 'held-out plans, hundred-and-twentieth set (test/fixtures/heldout120; measured once at cf51c34)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout121'), title: 'held-out plans, hundred-and-twenty-first set (test/fixtures/heldout121; measured once at 4315110)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout122'), title: 'held-out plans, hundred-and-twenty-second set (test/fixtures/heldout122; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout123'), title: 'held-out plans, hundred-and-twenty-third set (test/fixtures/heldout123; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout124'), title: 'held-out plans, hundred-and-twenty-fourth set (test/fixtures/heldout124; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout125'), title: 'held-out plans, hundred-and-twenty-fifth set (test/fixtures/heldout125; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout126'), title: 'held-out plans, hundred-and-twenty-sixth set (test/fixtures/heldout126; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout127'), title: 'held-out plans, hundred-and-twenty-seventh set (test/fixtures/heldout127; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout128'), title: 'held-out plans, hundred-and-twenty-eighth set (test/fixtures/heldout128; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout129'), title: 'held-out plans, hundred-and-twenty-ninth set (test/fixtures/heldout129; measured once at 5b62672)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout130'), title: 'held-out plans, hundred-and-thirtieth set (test/fixtures/heldout130; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout131'), title: 'held-out plans, hundred-and-thirty-first set (test/fixtures/heldout131; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout132'), title: 'held-out plans, hundred-and-thirty-second set (test/fixtures/heldout132; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout133'), title: 'held-out plans, hundred-and-thirty-third set (test/fixtures/heldout133; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout134'), title: 'held-out plans, hundred-and-thirty-fourth set (test/fixtures/heldout134; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout135'), title: 'held-out plans, hundred-and-thirty-fifth set (test/fixtures/heldout135; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout136'), title: 'held-out plans, hundred-and-thirty-sixth set (test/fixtures/heldout136; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout137'), title: 'held-out plans, hundred-and-thirty-seventh set (test/fixtures/heldout137; measured once at 748fd26)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout138'), title: 'held-out plans, hundred-and-thirty-eighth set (test/fixtures/heldout138; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout139'), title: 'held-out plans, hundred-and-thirty-ninth set (test/fixtures/heldout139; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout140'), title: 'held-out plans, hundred-and-fortieth set (test/fixtures/heldout140; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout141'), title: 'held-out plans, hundred-and-forty-first set (test/fixtures/heldout141; measured once at 37e427b)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout142'), title: 'held-out plans, hundred-and-forty-second set (test/fixtures/heldout142; measured once at fc45809)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout143'), title: 'held-out plans, hundred-and-forty-third set (test/fixtures/heldout143; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout144'), title: 'held-out plans, hundred-and-forty-fourth set (test/fixtures/heldout144; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout145'), title: 'held-out plans, hundred-and-forty-fifth set (test/fixtures/heldout145; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout146'), title: 'held-out plans, hundred-and-forty-sixth set (test/fixtures/heldout146; measured once at a41ef5e)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout147'), title: 'held-out plans, hundred-and-forty-seventh set (test/fixtures/heldout147; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout148'), title: 'held-out plans, hundred-and-forty-eighth set (test/fixtures/heldout148; measured once at 3737be4)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout149'), title: 'held-out plans, hundred-and-forty-ninth set (test/fixtures/heldout149; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout150'), title: 'held-out plans, hundred-and-fiftieth set (test/fixtures/heldout150; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout151'), title: 'held-out plans, hundred-and-fifty-first set (test/fixtures/heldout151; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout152'), title: 'held-out plans, hundred-and-fifty-second set (test/fixtures/heldout152; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout153'), title: 'held-out plans, hundred-and-fifty-third set (test/fixtures/heldout153; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout154'), title: 'held-out plans, hundred-and-fifty-fourth set (test/fixtures/heldout154; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout155'), title: 'held-out plans, hundred-and-fifty-fifth set (test/fixtures/heldout155; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout156'), title: 'held-out plans, hundred-and-fifty-sixth set (test/fixtures/heldout156; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout157'), title: 'held-out plans, hundred-and-fifty-seventh set (test/fixtures/heldout157; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout158'), title: 'held-out plans, hundred-and-fifty-eighth set (test/fixtures/heldout158; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout159'), title: 'held-out plans, hundred-and-fifty-ninth set (test/fixtures/heldout159; measured once at 4032b07)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout160'), title: 'held-out plans, hundred-and-sixtieth set (test/fixtures/heldout160; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout161'), title: 'held-out plans, hundred-and-sixty-first set (test/fixtures/heldout161; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout162'), title: 'held-out plans, hundred-and-sixty-second set (test/fixtures/heldout162; measured once at 0899d63)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout163'), title: 'held-out plans, hundred-and-sixty-third set (test/fixtures/heldout163; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout164'), title: 'held-out plans, hundred-and-sixty-fourth set (test/fixtures/heldout164; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout165'), title: 'held-out plans, hundred-and-sixty-fifth set (test/fixtures/heldout165; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout166'), title: 'held-out plans, hundred-and-sixty-sixth set (test/fixtures/heldout166; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout167'), title: 'held-out plans, hundred-and-sixty-seventh set (test/fixtures/heldout167; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout168'), title: 'held-out plans, hundred-and-sixty-eighth set (test/fixtures/heldout168; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout169'), title: 'held-out plans, hundred-and-sixty-ninth set (test/fixtures/heldout169; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout170'), title: 'held-out plans, hundred-and-seventieth set (test/fixtures/heldout170; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout171'), title: 'held-out plans, hundred-and-seventy-first set (test/fixtures/heldout171; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout172'), title: 'held-out plans, hundred-and-seventy-second set (test/fixtures/heldout172; measured once at b36a932)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout173'), title: 'held-out plans, hundred-and-seventy-third set (test/fixtures/heldout173; layouts not met before; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout174'), title: 'held-out plans, hundred-and-seventy-fourth set (test/fixtures/heldout174; layouts not met before; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout175'), title: 'held-out plans, hundred-and-seventy-fifth set (test/fixtures/heldout175; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout176'), title: 'held-out plans, hundred-and-seventy-sixth set (test/fixtures/heldout176; measured once at 093bcc5)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout177'), title: 'held-out plans, hundred-and-seventy-seventh set (test/fixtures/heldout177; measured once at c236883)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout178'), title: 'held-out plans, hundred-and-seventy-eighth set (test/fixtures/heldout178; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout179'), title: 'held-out plans, hundred-and-seventy-ninth set (test/fixtures/heldout179; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout180'), title: 'held-out plans, hundred-and-eightieth set (test/fixtures/heldout180; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout181'), title: 'held-out plans, hundred-and-eighty-first set (test/fixtures/heldout181; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout182'), title: 'held-out plans, hundred-and-eighty-second set (test/fixtures/heldout182; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout183'), title: 'held-out plans, hundred-and-eighty-third set (test/fixtures/heldout183; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout184'), title: 'held-out plans, hundred-and-eighty-fourth set (test/fixtures/heldout184; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout185'), title: 'held-out plans, hundred-and-eighty-fifth set (test/fixtures/heldout185; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout186'), title: 'held-out plans, hundred-and-eighty-sixth set (test/fixtures/heldout186; measured once at 42937ff)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout187'), title: 'held-out plans, hundred-and-eighty-seventh set (test/fixtures/heldout187; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout188'), title: 'held-out plans, hundred-and-eighty-eighth set (test/fixtures/heldout188; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout189'), title: 'held-out plans, hundred-and-eighty-ninth set (test/fixtures/heldout189; layouts not met before; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout190'), title: 'held-out plans, hundred-and-ninetieth set (test/fixtures/heldout190; layouts not met before; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout191'), title: 'held-out plans, hundred-and-ninety-first set (test/fixtures/heldout191; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout192'), title: 'held-out plans, hundred-and-ninety-second set (test/fixtures/heldout192; measured once at 8ade4fc)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout193'), title: 'held-out plans, hundred-and-ninety-third set (test/fixtures/heldout193; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout194'), title: 'held-out plans, hundred-and-ninety-fourth set (test/fixtures/heldout194; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout195'), title: 'held-out plans, hundred-and-ninety-fifth set (test/fixtures/heldout195; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout196'), title: 'held-out plans, hundred-and-ninety-sixth set (test/fixtures/heldout196; measured once at 434d570)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout197'), title: 'held-out plans, hundred-and-ninety-seventh set (test/fixtures/heldout197; layouts not met before; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout198'), title: 'held-out plans, hundred-and-ninety-eighth set (test/fixtures/heldout198; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout199'), title: 'held-out plans, hundred-and-ninety-ninth set (test/fixtures/heldout199; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout200'), title: 'held-out plans, two-hundredth set (test/fixtures/heldout200; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout201'), title: 'held-out plans, two-hundred-and-first set (test/fixtures/heldout201; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout202'), title: 'held-out plans, two-hundred-and-second set (test/fixtures/heldout202; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout203'), title: 'held-out plans, two-hundred-and-third set (test/fixtures/heldout203; measured once at a593e9e)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout204'), title: 'held-out plans, two-hundred-and-fourth set (test/fixtures/heldout204; measured once at 9de530f)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout205'), title: 'held-out plans, two-hundred-and-fifth set (test/fixtures/heldout205; measured once at 0cb430c)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout206'), title: 'held-out plans, two-hundred-and-sixth set (test/fixtures/heldout206; measured once at e70bc79)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout207'), title: 'held-out plans, two-hundred-and-seventh set (test/fixtures/heldout207; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout208'), title: 'held-out plans, two-hundred-and-eighth set (test/fixtures/heldout208; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout209'), title: 'held-out plans, two-hundred-and-ninth set (test/fixtures/heldout209; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout210'), title: 'held-out plans, two-hundred-and-tenth set (test/fixtures/heldout210; measured once at eabd679)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout211'), title: 'held-out plans, two-hundred-and-eleventh set (test/fixtures/heldout211; measured once at eabd679)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout212'), title: 'held-out plans, two-hundred-and-twelfth set (test/fixtures/heldout212; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout213'), title: 'held-out plans, two-hundred-and-thirteenth set (test/fixtures/heldout213; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout214'), title: 'held-out plans, two-hundred-and-fourteenth set (test/fixtures/heldout214; measured once at eabd679)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout215'), title: 'held-out plans, two-hundred-and-fifteenth set (test/fixtures/heldout215; measured once at eabd679)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout216'), title: 'held-out plans, two-hundred-and-sixteenth set (test/fixtures/heldout216; layouts not met before; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout217'), title: 'held-out plans, two-hundred-and-seventeenth set (test/fixtures/heldout217; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout218'), title: 'held-out plans, two-hundred-and-eighteenth set (test/fixtures/heldout218; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout219'), title: 'held-out plans, two-hundred-and-nineteenth set (test/fixtures/heldout219; measured once at 978bf7c)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout220'), title: 'held-out plans, two-hundred-and-twentieth set (test/fixtures/heldout220; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout221'), title: 'held-out plans, two-hundred-and-twenty-first set (test/fixtures/heldout221; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout222'), title: 'held-out plans, two-hundred-and-twenty-second set (test/fixtures/heldout222; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout223'), title: 'held-out plans, two-hundred-and-twenty-third set (test/fixtures/heldout223; layouts not met before; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout224'), title: 'held-out plans, two-hundred-and-twenty-fourth set (test/fixtures/heldout224; measured once at 5224919)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout225'), title: 'held-out plans, two-hundred-and-twenty-fifth set (test/fixtures/heldout225; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout226'), title: 'held-out plans, two-hundred-and-twenty-sixth set (test/fixtures/heldout226; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout227'), title: 'held-out plans, two-hundred-and-twenty-seventh set (test/fixtures/heldout227; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout228'), title: 'held-out plans, two-hundred-and-twenty-eighth set (test/fixtures/heldout228; measured once at 5224919)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout229'), title: 'held-out plans, two-hundred-and-twenty-ninth set (test/fixtures/heldout229; layouts not met before; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout230'), title: 'held-out plans, two-hundred-and-thirtieth set (test/fixtures/heldout230; measured once at 50b51a5)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout231'), title: 'held-out plans, two-hundred-and-thirty-first set (test/fixtures/heldout231; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout232'), title: 'held-out plans, two-hundred-and-thirty-second set (test/fixtures/heldout232; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout233'), title: 'held-out plans, two-hundred-and-thirty-third set (test/fixtures/heldout233; measured once at 50b51a5)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout234'), title: 'held-out plans, two-hundred-and-thirty-fourth set (test/fixtures/heldout234; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout235'), title: 'held-out plans, two-hundred-and-thirty-fifth set (test/fixtures/heldout235; measured once at 50b51a5)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout236'), title: 'held-out plans, two-hundred-and-thirty-sixth set (test/fixtures/heldout236; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout237'), title: 'held-out plans, two-hundred-and-thirty-seventh set (test/fixtures/heldout237; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout238'), title: 'held-out plans, two-hundred-and-thirty-eighth set (test/fixtures/heldout238; measured once at eed9eb0)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout239'), title: 'held-out plans, two-hundred-and-thirty-ninth set (test/fixtures/heldout239; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout240'), title: 'held-out plans, two-hundred-and-fortieth set (test/fixtures/heldout240; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout241'), title: 'held-out plans, two-hundred-and-forty-first set (test/fixtures/heldout241; measured once at eed9eb0)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout242'), title: 'held-out plans, two-hundred-and-forty-second set (test/fixtures/heldout242; layouts not met before; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout243'), title: 'held-out plans, two-hundred-and-forty-third set (test/fixtures/heldout243; measured once at a976d2e)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout244'), title: 'held-out plans, two-hundred-and-forty-fourth set (test/fixtures/heldout244; measured once at a976d2e)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout245'), title: 'held-out plans, two-hundred-and-forty-fifth set (test/fixtures/heldout245; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout246'), title: 'held-out plans, two-hundred-and-forty-sixth set (test/fixtures/heldout246; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout247'), title: 'held-out plans, two-hundred-and-forty-seventh set (test/fixtures/heldout247; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout248'), title: 'held-out plans, two-hundred-and-forty-eighth set (test/fixtures/heldout248; measured once at a976d2e)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout249'), title: 'held-out plans, two-hundred-and-forty-ninth set (test/fixtures/heldout249; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout250'), title: 'held-out plans, two-hundred-and-fiftieth set (test/fixtures/heldout250; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout251'), title: 'held-out plans, two-hundred-and-fifty-first set (test/fixtures/heldout251; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout252'), title: 'held-out plans, two-hundred-and-fifty-second set (test/fixtures/heldout252; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout253'), title: 'held-out plans, two-hundred-and-fifty-third set (test/fixtures/heldout253; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout254'), title: 'held-out plans, two-hundred-and-fifty-fourth set (test/fixtures/heldout254; measured once at 32134bb)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout255'), title: 'held-out plans, two-hundred-and-fifty-fifth set (test/fixtures/heldout255; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout256'), title: 'held-out plans, two-hundred-and-fifty-sixth set (test/fixtures/heldout256; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout257'), title: 'held-out plans, two-hundred-and-fifty-seventh set (test/fixtures/heldout257; measured once at d7d9098)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout258'), title: 'held-out plans, two-hundred-and-fifty-eighth set (test/fixtures/heldout258; measured once at d7d9098)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout259'), title: 'held-out plans, two-hundred-and-fifty-ninth set (test/fixtures/heldout259; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout260'), title: 'held-out plans, two-hundred-and-sixtieth set (test/fixtures/heldout260; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout261'), title: 'held-out plans, two-hundred-and-sixty-first set (test/fixtures/heldout261; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout262'), title: 'held-out plans, two-hundred-and-sixty-second set (test/fixtures/heldout262; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout263'), title: 'held-out plans, two-hundred-and-sixty-third set (test/fixtures/heldout263; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout264'), title: 'held-out plans, two-hundred-and-sixty-fourth set (test/fixtures/heldout264; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout265'), title: 'held-out plans, two-hundred-and-sixty-fifth set (test/fixtures/heldout265; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout266'), title: 'held-out plans, two-hundred-and-sixty-sixth set (test/fixtures/heldout266; layouts not met before; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout267'), title: 'held-out plans, two-hundred-and-sixty-seventh set (test/fixtures/heldout267; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout268'), title: 'held-out plans, two-hundred-and-sixty-eighth set (test/fixtures/heldout268; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout269'), title: 'held-out plans, two-hundred-and-sixty-ninth set (test/fixtures/heldout269; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout270'), title: 'held-out plans, two-hundred-and-seventieth set (test/fixtures/heldout270; since used to find faults)' },
  { dir: join(process.cwd(), 'test', 'fixtures', 'heldout271'), title: 'held-out plans, two-hundred-and-seventy-first set (test/fixtures/heldout271; layouts not met before; since used to find faults)' },
]

/** The held-out plans: each NAME.txt of HELDOUT_DIR with its NAME.json beside it. */
export function heldOut(dir = HELDOUT_DIR): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && existsSync(join(dir, f.replace(/\.txt$/, '.json'))))
    .map((f) => f.replace(/\.txt$/, ''))
    .sort()
}

export function scoreSeed(name: string, dir = seedsDir(), plansDir = join(process.cwd(), 'src/server/demo/plans')): SeedScores {
  const text = readFileSync(join(dir, `${name}.txt`), 'utf8')
  const read = JSON.parse(readFileSync(join(plansDir, `${name}.json`), 'utf8')) as { plan: Plan }
  // (A text typed in TCVN3 or VNI: the hand-made sources compared in Unicode, as the drafter reads the text.)
  const demo = { plan: sourcesAsRead(read.plan, text) }
  const draft = draftPlan(text)
  const plan = planFromDraft(draft, 'all', demo.plan.year)
  return {
    all: scoreDraft(plan, demo.plan, draft.indicators.filter((i) => i.ambiguous).length),
    confident: scoreOf(draft, demo.plan, ['high', 'medium']),
    sure: scoreOf(draft, demo.plan, ['high']),
  }
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`
/** Precision of a selection that drafted nothing is not defined. */
const prec = (s: SeedScore): string => (s.drafted === 0 ? '–' : pct(s.precision))

function main(): void {
  const dir = seedsDir()
  if (!existsSync(dir)) {
    console.error(`Không thấy thư mục kế hoạch mẫu: ${dir} (đặt THIDUA_SEEDS)`)
    process.exit(1)
  }
  const verbose = process.argv.includes('--verbose')
  const seedRows: [string, SeedScores][] = SEEDS.map((s) => [s, scoreSeed(s, dir)])
  const sets = HELDOUT_SETS.map((set) => ({ ...set, rows: heldOut(set.dir).map((s): [string, SeedScores] => [s, scoreSeed(s, set.dir, set.dir)]) })).filter((set) => set.rows.length > 0)
  const rows = [...seedRows, ...sets.flatMap((set) => set.rows)]
  // (By the row itself, not its file's name: two sets may hold a file of the same name.)
  const titleAt = new Map(sets.map((set) => [set.rows[0]!, set.title]))
  console.log('                                        all targets               high+medium                  high (sure)')
  console.log('seed                      demo  draft  matched  recall  precision  ambiguous | draft  recall  precision | draft  recall  precision')
  for (const row of rows) {
    const [name, { all: s, confident: c, sure: h }] = row
    const title = titleAt.get(row)
    if (title) console.log(`${title}:`)
    console.log(
      `${name.padEnd(24)} ${String(s.expected).padStart(5)} ${String(s.drafted).padStart(6)} ${String(s.matched).padStart(8)} ${pct(s.recall).padStart(7)} ${pct(s.precision).padStart(10)} ${String(s.ambiguous).padStart(10)} |` +
        ` ${String(c.drafted).padStart(5)} ${pct(c.recall).padStart(7)} ${prec(c).padStart(10)} | ${String(h.drafted).padStart(5)} ${pct(h.recall).padStart(7)} ${prec(h).padStart(10)}`,
    )
    if (verbose) {
      for (const m of s.missed) console.log(`   missed: ${m.code} ${JSON.stringify(m.target)} ${m.unitOfMeasure} — ${m.source ?? m.name}`)
      for (const x of s.extra) console.log(`   extra:  ${x.code} ${JSON.stringify(x.target)} ${x.unitOfMeasure} — ${x.source ?? x.name}`)
      for (const { drafted, expected } of s.aggregationDiffers) console.log(`   rolled up: ${expected.code} drafted ${drafted.aggregation}, hand-made ${expected.aggregation} ${expected.unitOfMeasure} — ${expected.source ?? expected.name}`)
      for (const { drafted, expected } of s.baseDiffers) console.log(`   base:      ${expected.code} drafted ${JSON.stringify(drafted.target)}, hand-made ${JSON.stringify(expected.target)} — ${expected.source ?? expected.name}`)
    }
  }
  const total = (pick: (s: SeedScores) => SeedScore, of = rows): string => {
    const sum = (f: (s: SeedScore) => number): number => of.reduce((t, [, s]) => t + f(pick(s)), 0)
    const drafted = sum((s) => s.drafted)
    return `recall ${pct(sum((s) => s.matched) / sum((s) => s.expected))}, precision ${drafted === 0 ? '–' : pct(sum((s) => s.matched) / drafted)}`
  }
  console.log(`overall: all ${total((s) => s.all)}, ambiguous ${rows.reduce((t, [, s]) => t + s.all.ambiguous, 0)}`)
  console.log(`         high+medium ${total((s) => s.confident)}; high (sure) ${total((s) => s.sure)}`)
  const matched = rows.reduce((t, [, s]) => t + s.all.matched, 0)
  const agreed = matched - rows.reduce((t, [, s]) => t + s.all.aggregationDiffers.length, 0)
  console.log(`         aggregation (flow, stock, rate, yes/no) as the hand-made plan's on ${agreed} of ${matched} matched targets (${pct(agreed / matched)}; --verbose lists the others as "rolled up")`)
  const based = rows.reduce((t, [, s]) => t + s.all.based, 0)
  const baseAgreed = based - rows.reduce((t, [, s]) => t + s.all.baseDiffers.length, 0)
  console.log(`         the figure a cut or a growth is measured from as the hand-made plan's on ${baseAgreed} of the ${based} matched targets that state one (${pct(based === 0 ? 1 : baseAgreed / based)}; --verbose lists the others as "base")`)
  for (const set of sets) console.log(`${set.title.split(' (')[0]}: all ${total((s) => s.all, set.rows)}; high+medium ${total((s) => s.confident, set.rows)}`)
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main()
