// A plan typed in an old Vietnamese font and copied as text (issue 13): TCVN3 (ABC, .VnTime, ./tcvn3.ts)
// or VNI (VNI-Times, ./vni.ts). The one place such a text is recognised and converted to Unicode:
// normalize.ts converts the text before anything else reads it, the server notes which font it was
// (readDocument.ts), and the scorer compares hand-made sources typed in that font through the same
// conversion (score.ts, sourcesAsRead).

import { convincing, unicodeLine } from './fontEvidence'
import { lineFromTcvn3, tcvn3Evidence } from './tcvn3'
import { lineFromVni, vniEvidence, vniLine } from './vni'

export type LegacyFont = 'TCVN3' | 'VNI'

/**
 * The old font the text was typed in, if its words read as Vietnamese syllables in one (./tcvn3.ts,
 * ./vni.ts): the two codes share Latin-1 characters, so when both read, the one whose telling words
 * read as syllables more often.
 */
export function legacyFontOf(text: string): LegacyFont | undefined {
  const tcvn3 = tcvn3Evidence(text)
  const vni = vniEvidence(text)
  const isTcvn3 = convincing(tcvn3)
  const isVni = convincing(vni)
  if (isTcvn3 && isVni) return tcvn3.syllables * (vni.syllables + vni.others) >= vni.syllables * (tcvn3.syllables + tcvn3.others) ? 'TCVN3' : 'VNI'
  return isTcvn3 ? 'TCVN3' : isVni ? 'VNI' : undefined
}

/** One line of a text in that font, in Unicode (NFC); no test whether the line is in it. */
export function lineFromLegacyFont(line: string, font: LegacyFont): string {
  return font === 'TCVN3' ? lineFromTcvn3(line) : lineFromVni(line)
}

/**
 * The text in Unicode (NFC) if it was typed in an old font (legacyFontOf), else as it is: every line
 * converted but those already in Unicode.
 */
export function fromLegacyFont(text: string): { text: string; font?: LegacyFont } {
  const font = legacyFontOf(text)
  if (font === undefined) return { text }
  const converts = font === 'TCVN3' ? (l: string) => !unicodeLine(l) : vniLine
  return { text: text.split('\n').map((l) => (converts(l) ? lineFromLegacyFont(l, font) : l)).join('\n'), font }
}
