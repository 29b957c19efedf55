import type { Lexicon } from '../../lexicon/load.ts';

type Calendar = Lexicon['calendar'];

/** Escape a literal for a RegExp, letting a space match any run of whitespace. */
export const literal = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ +/g, '\\s+');

/** Alternation of literals, longest first so that "september" wins over "sep". */
const alternation = (words: readonly string[]): string =>
  [...new Set(words)].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0)).map(literal).join('|');

/** Not preceded by a letter or digit: `\b` knows no æ, ø, å. */
export const L = '(?<![\\p{L}\\p{N}])';
/** Not followed by a letter or digit. */
export const R = '(?![\\p{L}\\p{N}])';

/** The calendar lexicon compiled into regex sources and lookups, once per lexicon. */
export interface CalendarPatterns {
  cal: Calendar;
  /** Any month form: full name, abbreviation with a period, or bare abbreviation right before a year. */
  month: string;
  season: string;
  /** Preposition or year noun that makes the next four-digit number a year. */
  yearContext: string;
  /** Preposition before a month name standing alone ("i september", "ved utgangen av april"). */
  monthContext: string;
  /** Full month names only (abbreviations alone are too ambiguous without a year). */
  monthName: string;
  sessionPrefix: RegExp;
  dateCue: string;
  /** Matches when the text ends with a date cue ("… Dato: "). */
  cueBefore: RegExp;
  relative: string;
  monthOf(word: string): number | null;
  /** True when the text right after `end` turns a year-shaped number into a quantity. */
  quantityAfter(text: string, end: number): boolean;
  inYearRange(year: number): boolean;
}

const cache = new WeakMap<Calendar, CalendarPatterns>();

/** Compile (and cache) the calendar lexicon. */
export function calendarPatterns(cal: Calendar): CalendarPatterns {
  const hit = cache.get(cal);
  if (hit) return hit;
  const months = new Map<string, number>();
  for (const m of cal.months) for (const w of [...m.names, ...m.abbreviations]) months.set(w.toLowerCase(), m.month);
  const names = cal.months.flatMap((m) => m.names);
  const abbrs = cal.months.flatMap((m) => m.abbreviations);
  const month = `(?:${alternation(names)})${R}|(?:${alternation(abbrs)})(?:\\.|(?=\\s+\\d{4}${R}))`;
  const endings = cal.yearNounEndings.map(literal).join('|');
  const quantity = new Set(cal.quantityWords.map((w) => w.toLowerCase()));
  const compiled: CalendarPatterns = {
    cal,
    month,
    season: alternation(cal.seasons),
    yearContext: `${L}(?:${alternation(cal.yearPrepositions)}|\\p{L}*(?:${endings}))`,
    monthContext: `${L}(?:${alternation(cal.yearPrepositions)})`,
    monthName: `(?:${alternation(names)})${R}`,
    sessionPrefix: new RegExp(`${L}(?:${alternation(cal.sessionLabelPrefixes)})`, 'iu'),
    dateCue: alternation(cal.dateCues),
    cueBefore: new RegExp(`${L}(?:${alternation(cal.dateCues)})[ \\t]*$`, 'iu'),
    relative: alternation(cal.relativeYears.map((r) => r.phrase)),
    monthOf: (word) => months.get(word.toLowerCase().replace(/\.$/, '')) ?? null,
    quantityAfter(text, end) {
      const rest = text.slice(end, end + 40);
      if (/^[ \u00a0]\d{3}(?!\d)/.test(rest)) return true; // thousands group: "2 000 000"
      const next = /^[ \u00a0]*(%|\p{L}+\.?|\p{L}+\d)/u.exec(rest)?.[1]?.toLowerCase();
      return next !== undefined && (quantity.has(next) || quantity.has(next.replace(/\.$/, '')));
    },
    inYearRange: (y) => y >= cal.years.min && y <= cal.years.max,
  };
  cache.set(cal, compiled);
  return compiled;
}
