import type { DateRecord } from '../../document.ts';
import type { CalendarPatterns } from './patterns.ts';
import { expandYear, isoDay, type SpanClaims } from './values.ts';

// A date is not glued to more digits or dots ("1.2.2022.5", version numbers) nor to letters.
const ISO = /(?<![\p{L}\p{N}.\-/])(\d{4})-(\d{2})-(\d{2})(?![\p{L}\p{N}]|[.\-/]\d)/gu;
const DMY = /(?<![\p{L}\p{N}.,/])(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?![\p{L}\p{N}]|[.,/]\d)/gu;
const SLASH_DASH = /(?<![\p{L}\p{N}.,/])(\d{1,2})\/(\d{1,2})-(\d{4}|\d{2})(?![\p{L}\p{N}]|[.,]\d)/gu;

// What each pattern must hold, without its look-arounds: a text without it is skipped (a scan whose pattern opens with a
// look-behind tries it at every position; these open with a digit).
const HAS_ISO = /\d{4}-\d{2}-\d{2}/;
const HAS_DMY = /\d[./]\d{1,2}[./]\d\d/;
const HAS_SLASH_DASH = /\d\/\d{1,2}-\d\d/;

// After a section number: a space and a capital ("2.1.10 Legg om …").
const HEADING_AFTER = /^\.?\s+\p{Lu}/u;

/** Read a day-month-year triple as written, or null when it is no real day in a plausible year. */
export function readDmy(p: CalendarPatterns, d: string, m: string, y: string): string | null {
  const year = y.length === 2 ? expandYear(Number(y), p.cal.twoDigitPivot) : Number(y);
  return p.inYearRange(year) ? isoDay(year, Number(m), Number(d)) : null;
}

/** "2.1.10 Legg om …" opens a line and a heading: a section number, not a date with a two-digit year. */
function isSectionNumber(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return text.slice(lineStart, start).trim() === '' && HEADING_AFTER.test(text.slice(end, end + 3));
}

/** All-numeric dates: `2022-02-25`, `25.02.2022`, `25.2.22`, `25/2-2022`. */
export function numericDates(text: string, p: CalendarPatterns, claims: SpanClaims): DateRecord[] {
  const out: DateRecord[] = [];
  const take = (start: number, end: number, value: string | null, ruleId: string): void => {
    const span = { start, end };
    if (value === null || claims.overlaps(span)) return;
    claims.add(span);
    out.push({ span, value, precision: 'day', kind: 'event', ocr: false, ruleId, confidence: 0.95 });
  };
  for (const m of HAS_ISO.test(text) ? text.matchAll(ISO) : []) {
    const [all, y, mo, d] = m as unknown as [string, string, string, string];
    take(m.index, m.index + all.length, p.inYearRange(Number(y)) ? isoDay(Number(y), Number(mo), Number(d)) : null, 'date-iso');
  }
  for (const m of HAS_DMY.test(text) ? text.matchAll(DMY) : []) {
    const [all, d, , mo, y] = m as unknown as [string, string, string, string, string];
    if (y.length === 2 && isSectionNumber(text, m.index, m.index + all.length)) continue;
    take(m.index, m.index + all.length, readDmy(p, d, mo, y), 'date-numeric-dmy');
  }
  for (const m of HAS_SLASH_DASH.test(text) ? text.matchAll(SLASH_DASH) : []) {
    const [all, d, mo, y] = m as unknown as [string, string, string, string];
    take(m.index, m.index + all.length, readDmy(p, d, mo, y), 'date-numeric-dmy');
  }
  return out;
}
