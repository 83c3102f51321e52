// Targets and verdicts in words, English (targetMessages.ts has the Vietnamese, the source of the
// keys): loaded by the client with its English only.
import type { Translation } from './messages'
import type { TargetMessages } from './targetMessages'

const en: Translation<TargetMessages> = {
  above: 'above {value}',
  atLeast: '{value} or more',
  below: 'below {value}',
  atMost: 'at most {value}',
  range: '{min} – {max}',
  points: '{by} percentage points',
  reduceNoBaseline: 'down {by} (no start-of-year figure yet)',
  reduceFrom: 'down {by} from the start of the year ({baseline})',
  growth: 'up {percent} on {year}',
  shares: 'shares {parts}',
  derivedFromParts: 'computed from its parts',
  derived: '{value} (computed)',
  yesNo: 'achieved / maintained',
  status: {
    exceeded: 'exceeded',
    achieved: 'achieved',
    not_yet: 'not yet achieved',
    failed: 'not achieved',
    no_data: 'no figures yet',
    no_baseline: 'no base figure yet',
  },
}

export default en
