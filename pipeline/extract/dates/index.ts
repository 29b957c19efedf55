import type { Context } from '../../context.ts';
import type { DateRecord, SegmentedDoc } from '../../document.ts';
import { numericDates } from './numeric.ts';
import { cueDates } from './ocr.ts';
import { calendarPatterns } from './patterns.ts';
import { relativeYears } from './relative.ts';
import { textualDates, type YearlessDay } from './textual.ts';
import { isoDay, pad2, SpanClaims } from './values.ts';
import { contextYears, parentheticalYears, yearRanges } from './years.ts';

/**
 * Find every calendar expression, normalised to ISO with precision; kinds are `event` (day, month, season) and
 * `reference` (bare years) here — metadata later marks the document's own date `document`.
 */
export function findDates(doc: SegmentedDoc, ctx: Context): DateRecord[] {
  const p = calendarPatterns(ctx.lexicon.calendar);
  const text = doc.text;
  const claims = new SpanClaims();
  // Most specific first: a rule never reads what an earlier one already read.
  const exact = [...numericDates(text, p, claims), ...cueDates(text, p, claims)];
  const words = textualDates(text, p, claims);
  const dated = [...exact, ...words.dates];
  // The document's own date, where the text states it after a cue ("Dato: …", "Publisert 3. juni 2025").
  const cueDate = dated.find((d) => d.precision === 'day' && p.cueBefore.test(text.slice(Math.max(0, d.span.start - 20), d.span.start)));
  const referenceYear = curatedYear(doc) ?? (cueDate ? Number(cueDate.value.slice(0, 4)) : null);
  const inferred = words.yearless.flatMap((y) => placeYearless(y, dated, referenceYear));
  const years = [...yearRanges(text, p, claims), ...contextYears(text, p, claims), ...parentheticalYears(text, p, claims)];
  const relative = relativeYears(text, p, claims, referenceYear);
  return [...dated, ...inferred, ...years, ...relative].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** The year of a curated sidecar date, if any: the strongest reference for "i år" and for dates without a year. */
function curatedYear(doc: SegmentedDoc): number | null {
  const date = doc.meta?.date;
  const y = date === undefined ? undefined : /^(\d{4})/.exec(date)?.[1];
  return y === undefined ? null : Number(y);
}

/**
 * Give a yearless day or month the document's own year (curated or stated after a date cue), else the year of the
 * closest preceding full date: a text dated 2020 means 2020 by "14. mars", whatever other years it mentions.
 */
function placeYearless(y: YearlessDay, dated: readonly DateRecord[], referenceYear: number | null): DateRecord[] {
  let year = referenceYear;
  let best = -1;
  for (const d of referenceYear === null ? dated : []) {
    if (d.span.end <= y.span.start && d.span.start > best && d.precision !== 'year') {
      best = d.span.start;
      year = Number(d.value.slice(0, 4));
    }
  }
  if (year === null) return []; // no dated context: the year cannot be known
  if (y.day === null) return [{ span: y.span, value: `${year}-${pad2(y.month)}`, precision: 'month', kind: 'event', ocr: false, ruleId: y.ruleId, confidence: 0.7 }];
  const value = isoDay(year, y.month, y.day);
  return value === null ? [] : [{ span: y.span, value, precision: 'day', kind: 'event', ocr: false, ruleId: y.ruleId, confidence: 0.75 }];
}
