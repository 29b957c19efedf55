import type { DateRecord } from '../../document.ts';
import { L, type CalendarPatterns } from './patterns.ts';
import type { SpanClaims } from './values.ts';

/** "i fjor", "i år", "neste år" as years, counted from a known reference year; none without one. */
export function relativeYears(text: string, p: CalendarPatterns, claims: SpanClaims, referenceYear: number | null): DateRecord[] {
  if (referenceYear === null) return [];
  const offsets = new Map(p.cal.relativeYears.map((r) => [r.phrase.toLowerCase().replace(/\s+/g, ' '), r.offset]));
  const out: DateRecord[] = [];
  // Not followed by a letter, digit or number ("i år 2023" is a context year, "i årene" no phrase at all).
  const re = new RegExp(`${L}(?:${p.relative})(?![\\p{L}\\p{N}]|\\s+\\d)`, 'giu');
  for (const m of text.matchAll(re)) {
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
