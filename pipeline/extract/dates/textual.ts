import type { DateRecord, Span } from '../../document.ts';
import { acceptsSome, matchesIn } from '../scan/anchored.ts';
import type { CalendarPatterns } from './patterns.ts';
import { isoDay, type SpanClaims } from './values.ts';

/** A day and month ("14. mars") or a month ("i september") written without a year; its year comes from the surrounding dates. */
export interface YearlessDay {
  span: Span;
  month: number;
  /** Null for a month alone. */
  day: number | null;
  ruleId: string;
}

/** The result of the word-date rules: full dates, and day-month pairs still waiting for a year. */
export interface TextualDates {
  dates: DateRecord[];
  yearless: YearlessDay[];
}

// "3. og 4. juni", "3.–4. juni", "3., 4. og 5. juni": each earlier day is a date of its own.
// A hyphen and a word glued to a date: "22. juli-senteret".
const HYPHEN_WORD = /^-\p{L}/u;
const EARLIER_DAY = /(?<![\p{L}\p{N}.,])(\d{1,2})\.\s*(?:,|og|–|—|-|til)\s*$/u;

/** Dates written with a month name: `29. oktober 2021`, `29. okt. 2021`, `3. og 4. juni 2022`, `14. mars`, `oktober 2021`, `høsten 2023`. */
export function textualDates(text: string, p: CalendarPatterns, claims: SpanClaims): TextualDates {
  const dates: DateRecord[] = [];
  const yearless: YearlessDay[] = [];
  const record = (span: Span, value: string, precision: DateRecord['precision'], ruleId: string, confidence: number): void => {
    claims.add(span);
    dates.push({ span, value, precision, kind: 'event', ocr: false, ruleId, confidence });
  };

  // The month of "3. mars" is a word the month anchor accepts: a text without one has no such date to scan for.
  const monthWords = p.re.monthYear.anchor;
  for (const m of monthWords === null || acceptsSome(text, monthWords) ? text.matchAll(p.re.dayMonth) : []) {
    const [all, d, monthWord, y] = m as unknown as [string, string, string, string | undefined];
    const span = { start: m.index, end: m.index + all.length };
    const month = p.monthOf(monthWord);
    if (month === null || claims.overlaps(span)) continue;
    const year = y === undefined ? null : Number(y);
    // "22. juli-senteret", "17. mai-feiring": the day and month name something; its year is not the text's.
    if (year === null && HYPHEN_WORD.test(text.slice(span.end, span.end + 2))) continue;
    if (year !== null && !p.inYearRange(year)) continue;
    const days: { span: Span; day: number; ruleId: string }[] = [{ span, day: Number(d), ruleId: year === null ? 'date-day-month-inferred-year' : 'date-day-month-year' }];
    // Walk back over coordinated days; each gets its own span ("3.") and the shared month and year.
    let head = m.index;
    for (let prev = EARLIER_DAY.exec(text.slice(Math.max(0, head - 20), head)); prev; prev = EARLIER_DAY.exec(text.slice(Math.max(0, head - 20), head))) {
      const start = head - prev[0].length;
      days.unshift({ span: { start, end: start + (prev[1] as string).length + 1 }, day: Number(prev[1]), ruleId: 'date-day-list' });
      head = start;
    }
    for (const one of days) {
      if (claims.overlaps(one.span)) continue;
      if (year === null) {
        if (isoDay(2000, month, one.day) === null) continue; // 2000 is a leap year: 29. februar stays possible
        claims.add(one.span);
        yearless.push({ span: one.span, month, day: one.day, ruleId: one.ruleId });
      } else {
        const value = isoDay(year, month, one.day);
        if (value !== null) record(one.span, value, 'day', one.ruleId, 0.95);
      }
    }
  }

  for (const m of matchesIn(text, p.re.monthYear)) {
    const [all, monthWord, y] = m as unknown as [string, string, string];
    const span = { start: m.index, end: m.index + all.length };
    const month = p.monthOf(monthWord);
    if (month === null || !p.inYearRange(Number(y)) || claims.overlaps(span)) continue;
    record(span, `${y}-${String(month).padStart(2, '0')}`, 'month', 'date-month-year', 0.9);
  }

  // A month alone after a preposition ("før valget i september"): month precision, year from the context. The
  // prepositions are common words, but most texts name no month at all.
  const monthNamed = p.re.monthNames === null || acceptsSome(text, p.re.monthNames);
  for (const m of monthNamed ? matchesIn(text, p.re.monthAlone) : []) {
    const word = (m as unknown as [string, string])[1];
    const span = { start: m.index + m[0].length - word.length, end: m.index + m[0].length };
    const month = p.monthOf(word);
    if (month === null || claims.overlaps(span) || HYPHEN_WORD.test(text.slice(span.end, span.end + 2))) continue;
    claims.add(span);
    yearless.push({ span, month, day: null, ruleId: 'date-month-inferred-year' });
  }

  // A season has no ISO form; it is recorded as its year (precision `year`) but stays an event, since it says when.
  for (const m of matchesIn(text, p.re.seasonYear)) {
    const [all, y] = m as unknown as [string, string];
    const span = { start: m.index, end: m.index + all.length };
    if (!p.inYearRange(Number(y)) || claims.overlaps(span) || p.quantityAfter(text, span.end)) continue;
    record(span, y, 'year', 'date-season-year', 0.85);
  }
  return { dates, yearless };
}
