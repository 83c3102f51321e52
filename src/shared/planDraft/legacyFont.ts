// A plan typed in an old Vietnamese font and copied as text (issue 13): TCVN3 (ABC, .VnTime, ./tcvn3.ts)
// or VNI (VNI-Times, ./vni.ts); or a UTF-8 text opened as Windows-1252 and saved again (mojibake,
// ./cp1252.ts). The one place such a text is recognised and converted to Unicode: normalize.ts
// converts the text before anything else reads it, the server notes which code it was
// (readDocument.ts), and the scorer compares hand-made sources copied from it through the same
// conversion (score.ts, sourcesAsRead).

import { cp1252Evidence, lineFromCp1252 } from './cp1252'
import { convincing, type Evidence, unicodeLine } from './fontEvidence'
import { lineFromTcvn3, tcvn3Evidence } from './tcvn3'
import { lineFromVni, vniEvidence, vniLine } from './vni'

/** The code the text's letters arrived in: TCVN3, VNI, or UTF-8 read as Windows-1252 ('CP1252'). */
export type LegacyFont = 'TCVN3' | 'VNI' | 'CP1252'

/**
 * The code the text was typed or saved in, if its words read as Vietnamese syllables in one (./tcvn3.ts,
 * ./vni.ts, ./cp1252.ts): the codes share Latin-1 characters, so when more than one reads, the one
 * whose telling words read as syllables more often (the first on a tie).
 */
export function legacyFontOf(text: string): LegacyFont | undefined {
  const candidates: [LegacyFont, Evidence][] = [
    ['TCVN3', tcvn3Evidence(text)],
    ['VNI', vniEvidence(text)],
    ['CP1252', cp1252Evidence(text)],
  ]
  let best: [LegacyFont, Evidence] | undefined
  for (const c of candidates) {
    if (!convincing(c[1])) continue
    const [, e] = c
    if (best === undefined || e.syllables * (best[1].syllables + best[1].others) > best[1].syllables * (e.syllables + e.others)) best = c
  }
  return best?.[0]
}

/** One line of a text in that code, in Unicode (NFC); no test whether the line is in it (but for CP1252, ./cp1252.ts, which tests each line). */
export function lineFromLegacyFont(line: string, font: LegacyFont): string {
  return font === 'TCVN3' ? lineFromTcvn3(line) : font === 'VNI' ? lineFromVni(line) : line.split('\n').map(lineFromCp1252).join('\n')
}

/**
 * The text in Unicode (NFC) if it was typed in an old font or read as cp1252 (legacyFontOf), else as
 * it is: every line converted but those already in Unicode.
 */
export function fromLegacyFont(text: string): { text: string; font?: LegacyFont } {
  const font = legacyFontOf(text)
  if (font === undefined) return { text }
  if (font === 'CP1252') return { text: lineFromLegacyFont(text, font), font }
  const converts = font === 'TCVN3' ? (l: string) => !unicodeLine(l) : vniLine
  return { text: text.split('\n').map((l) => (converts(l) ? lineFromLegacyFont(l, font) : l)).join('\n'), font }
}
