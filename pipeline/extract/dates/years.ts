import type { DateRecord, Span } from '../../document.ts';
import { matchesIn } from '../scan/anchored.ts';
import type { CalendarPatterns } from './patterns.ts';
import type { SpanClaims } from './values.ts';

const RANGE = /(?<![\p{L}\p{N}.,/\-–—])(\d{4})\s*([–—\-/])\s*(\d{4}|\d{2})(?![\p{L}\p{N}]|[.,]\d)/gu;
// What a range holds without its look-arounds: a text without it is not scanned (the scan tries its look-behind everywhere).
const HAS_RANGE = /\d{4}\s*[–—\-/]\s*\d\d/;
// What stands before "(" in a parliamentary identifier: a number, maybe a series letter ("100 S", "nr. 29").
const IDENTIFIER_BEFORE_PAREN = /\d+\s*[A-ZÆØÅ]{0,2}\s*\(\s*$/u;

const yearRecord = (span: Span, year: number, ruleId: string, confidence: number): DateRecord => ({
  span,
  value: String(year),
  precision: 'year',
  kind: 'reference',
  ocr: false,
  ruleId,
  confidence,
});

/** True when a parenthesised year range is a session label inside a document identifier ("Prop. 1 S (2022–2023)"). */
function isSessionLabel(text: string, start: number, p: CalendarPatterns): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  if (!/\(\s*$/.test(before)) return false;
  return IDENTIFIER_BEFORE_PAREN.test(before) || p.sessionPrefix.test(before);
}

/** Year ranges (`2025–2029`, `2025-29`, `2023/2024`): one record per year, each with its own span. */
export function yearRanges(text: string, p: CalendarPatterns, claims: SpanClaims): DateRecord[] {
  const out: DateRecord[] = [];
  for (const m of HAS_RANGE.test(text) ? text.matchAll(RANGE) : []) {
    const [all, a, sep, b] = m as unknown as [string, string, string, string];
    const first = Number(a);
    const second = b.length === 2 ? Math.floor(first / 100) * 100 + Number(b) : Number(b);
    const whole = { start: m.index, end: m.index + all.length };
    // A slash joins only consecutive years (a school or budget year); a dash may span a longer period.
    const plausible = p.inYearRange(first) && p.inYearRange(second) && second > first && (sep === '/' ? second === first + 1 : second - first <= 100);
    if (!plausible || claims.overlaps(whole) || p.quantityAfter(text, whole.end)) continue;
    claims.add(whole); // a session label is claimed too, so that no later rule reads its years
    if (isSessionLabel(text, whole.start, p)) continue;
    out.push(yearRecord({ start: whole.start, end: whole.start + 4 }, first, 'date-year-range', 0.85));
    out.push(yearRecord({ start: whole.end - b.length, end: whole.end }, second, 'date-year-range', 0.85));
  }
  return out;
}

/** Bare years in calendar context: `i 2023`, `for 2023`, `innen 2030`, `budsjettåret 2024`, and lists after them (`i 2023 og 2024`). */
export function contextYears(text: string, p: CalendarPatterns, claims: SpanClaims): DateRecord[] {
  const out: DateRecord[] = [];
  const listNext = p.re.yearList;
  const accept = (span: Span): boolean =>
    p.inYearRange(Number(text.slice(span.start, span.end))) &&
    !claims.overlaps(span) &&
    !p.quantityAfter(text, span.end) &&
    !/^[.,]\d/.test(text.slice(span.end, span.end + 2));
  for (const m of matchesIn(text, p.re.contextYear)) {
    const y = (m as unknown as [string, string])[1];
    const span = { start: m.index + m[0].length - 4, end: m.index + m[0].length };
    if (!accept(span)) continue;
    claims.add(span);
    out.push(yearRecord(span, Number(y), 'date-year-context', 0.85));
    for (let pos = span.end, next = listNext.exec(text.slice(pos, pos + 30)); next; next = listNext.exec(text.slice(pos, pos + 30))) {
      const item = { start: pos + next[0].length - 4, end: pos + next[0].length };
      if (!accept(item)) break;
      claims.add(item);
      out.push(yearRecord(item, Number(next[1]), 'date-year-list', 0.8));
      pos = item.end;
    }
  }
  return out;
}

// "(2024)", "(NKVTS, 2023)", "(2022 og 2024)": years standing alone at the end of a parenthesis are citation or reference years.
const PARENTHETICAL = /\((?:[^()\n]{1,60}?,\s*)?(\d{4}(?:\s*(?:,|og)\s*\d{4})*)\)/gu;

/** Years that make up the end of a parenthesis: a source's or an event's year. */
export function parentheticalYears(text: string, p: CalendarPatterns, claims: SpanClaims): DateRecord[] {
  const out: DateRecord[] = [];
  for (const m of text.matchAll(PARENTHETICAL)) {
    const list = (m as unknown as [string, string])[1];
    const listStart = m.index + m[0].length - 1 - list.length;
    for (const y of list.matchAll(/\d{4}/g)) {
      const span = { start: listStart + y.index, end: listStart + y.index + 4 };
      if (!p.inYearRange(Number(y[0])) || claims.overlaps(span)) continue;
      claims.add(span);
      out.push(yearRecord(span, Number(y[0]), 'date-year-parenthetical', 0.7));
    }
  }
  return out;
}
