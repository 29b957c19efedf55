import type { DateRecord } from '../../document.ts';
import { matchesIn } from '../scan/anchored.ts';
import type { CalendarPatterns } from './patterns.ts';
import type { SpanClaims } from './values.ts';

/** "i fjor", "i år", "neste år" as years, counted from a known reference year; none without one. */
export function relativeYears(text: string, p: CalendarPatterns, claims: SpanClaims, referenceYear: number | null): DateRecord[] {
  if (referenceYear === null) return [];
  const offsets = p.re.relativeOffsets;
  const out: DateRecord[] = [];
  for (const m of matchesIn(text, p.re.relative)) {
    const span = { start: m.index, end: m.index + m[0].length };
    const offset = offsets.get(m[0].toLowerCase().replace(/\s+/g, ' '));
    if (offset === undefined || claims.overlaps(span)) continue;
    const year = referenceYear + offset;
    if (!p.inYearRange(year)) continue;
    claims.add(span);
    out.push({ span, value: String(year), precision: 'year', kind: 'reference', ocr: false, ruleId: 'date-relative-year', confidence: 0.6 });
  }
  return out;
}
