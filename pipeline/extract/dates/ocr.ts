import type { DateRecord } from '../../document.ts';
import { readDmy } from './numeric.ts';
import { matchesIn } from '../scan/anchored.ts';
import type { CalendarPatterns } from './patterns.ts';
import type { SpanClaims } from './values.ts';

// Three groups of 1–2, 1–2 and 2–4 characters with date separators, right after a date cue; trailing noise is left out.
const SHAPE = /^[ \t]*([^\s./\-]{1,2})[ \t]*([./\-])[ \t]*([^\s./\-]{1,2})[ \t]*[./\-][ \t]*([^\s./\-_,;]{2,4})(?![^\s_.,;])/u;

/** Read one group of a garbled date: every character a digit or a confusion with exactly one digit reading. */
function readGroup(group: string, confusions: Readonly<Record<string, readonly string[]>>): { digits: string; garbled: boolean } | null {
  let digits = '';
  let garbled = false;
  for (const ch of group) {
    if (ch >= '0' && ch <= '9') {
      digits += ch;
      continue;
    }
    const readings = confusions[ch];
    if (readings?.length !== 1) return null; // unknown or ambiguous: not recoverable
    digits += readings[0] as string;
    garbled = true;
  }
  return { digits, garbled };
}

/**
 * A date right after a date cue ("Dato: lZ. cZ. ZoZZ_"), read through the OCR confusion table when every
 * garbled character has one reading and the result is a real date; also catches clean dates written with spaces.
 */
export function cueDates(text: string, p: CalendarPatterns, claims: SpanClaims): DateRecord[] {
  const out: DateRecord[] = [];
  for (const c of matchesIn(text, p.re.cue)) {
    const from = c.index + c[0].length;
    const m = SHAPE.exec(text.slice(from, from + 40));
    if (!m) continue;
    const [all, g1, , g2, g3] = m as unknown as [string, string, string, string, string];
    const start = from + all.length - all.trimStart().length;
    const span = { start, end: from + all.length };
    if (claims.overlaps(span)) continue;
    const parts = [g1, g2, g3].map((g) => readGroup(g, p.cal.ocrConfusions));
    const [d, mo, y] = parts;
    if (!d || !mo || !y || (y.digits.length !== 2 && y.digits.length !== 4)) continue;
    const value = readDmy(p, d.digits, mo.digits, y.digits);
    if (value === null) continue;
    const ocr = parts.some((x) => x?.garbled === true);
    claims.add(span);
    out.push({ span, value, precision: 'day', kind: 'event', ocr, ruleId: ocr ? 'date-ocr-recovered' : 'date-cue-numeric', confidence: ocr ? 0.6 : 0.9 });
  }
  return out;
}
