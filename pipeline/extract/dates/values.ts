import type { Span } from '../../document.ts';

/** Zero-padded two-digit month or day. */
export const pad2 = (n: number): string => String(n).padStart(2, '0');

/** ISO `YYYY-MM-DD` of a real calendar day, or null when the day does not exist (31.02, 0.13). */
export function isoDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  // Day 0 of the next month is the last day of this one; UTC avoids any clock or zone dependence.
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last ? `${year}-${pad2(month)}-${pad2(day)}` : null;
}

/** A two-digit year read against the pivot: at or below it → 20xx, above → 19xx. */
export const expandYear = (yy: number, pivot: number): number => (yy <= pivot ? 2000 + yy : 1900 + yy);

/** Remembers which parts of the text a rule has already read as a date, so later rules do not read them again. */
export class SpanClaims {
  private readonly spans: Span[] = [];
  /** True when the span overlaps an already claimed one. */
  overlaps(span: Span): boolean {
    return this.spans.some((s) => span.start < s.end && s.start < span.end);
  }
  add(span: Span): void {
    this.spans.push(span);
  }
}
