import type { Lexicon } from '../../lexicon/load.ts';
import { isRegExpSpaceUnit } from '../../normalise/chars.ts';
import { type Anchor, type AnchoredPattern, acceptedBetween, anchored, narrowed } from '../scan/anchored.ts';
import { firstRun, formsAnchor } from '../scan/forms.ts';
import { PLAIN } from '../scan/words.ts';
import { escapeRegExp } from '../../regexp.ts';

type Calendar = Lexicon['calendar'];

/** Escape a literal for a RegExp, letting a space match any run of whitespace. */
export const literal = (s: string): string => escapeRegExp(s).replace(/ +/g, '\\s+');

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
  /** The patterns of the date rules, compiled once (see textual.ts, years.ts, relative.ts, ocr.ts). */
  re: {
    dayMonth: RegExp;
    monthYear: AnchoredPattern;
    monthAlone: AnchoredPattern;
    /** The words a full month name can be (a text without one has no `monthAlone` match). */
    monthNames: Anchor | null;
    seasonYear: AnchoredPattern;
    yearList: RegExp;
    contextYear: AnchoredPattern;
    relative: AnchoredPattern;
    relativeOffsets: ReadonlyMap<string, number>;
    cue: AnchoredPattern;
  };
  monthOf(word: string): number | null;
  /** True when the text right after `end` turns a year-shaped number into a quantity. */
  quantityAfter(text: string, end: number): boolean;
  inYearRange(year: number): boolean;
}

const cache = new WeakMap<Calendar, CalendarPatterns>();

// The word or sign right after a number ("2023 kroner", "2023 %").
const UNIT_AFTER = /^[ \u00a0]*(%|\p{L}+\.?|\p{L}+\d)/u;

// Whitespace and a digit: what must follow a one-word year context ("i 2023").
const YEAR_FOLLOWS = /\s+\d/y;

/**
 * The words a year context can start at: a one-word preposition or a word ending like a year noun ("budsjettåret")
 * followed by a number, or where a longer preposition starts ("ved utgangen av"). Case-insensitive, so a word of
 * other than plain letters is always tried.
 */
function yearContextAnchor(cal: Calendar): Anchor | null {
  const oneWord = new Set<string>();
  const longer: string[] = [];
  for (const p of cal.yearPrepositions) {
    const run = firstRun(p);
    if (run === '' || !PLAIN.test(run)) return null;
    if (p.trim() === run) oneWord.add(run.toLowerCase());
    else longer.push(p);
  }
  const starts = formsAnchor(longer, true);
  const endings = cal.yearNounEndings.map((e) => e.toLowerCase());
  if (starts === null || !endings.every((e) => PLAIN.test(e))) return null;
  // Most words are followed by a space and a letter: the first character after the spaces settles it.
  const yearFollows = (text: string, at: number) => {
    if (!isRegExpSpaceUnit(text.charCodeAt(at))) return false;
    YEAR_FOLLOWS.lastIndex = at;
    return YEAR_FOLLOWS.test(text);
  };
  // The longer prepositions by their word sets (looked up with every anchor's at once), the rest by the test.
  return {
    ...starts,
    test: (w, text) => yearFollows(text, w.end) && (oneWord.has(w.lower) || endings.some((e) => w.lower.endsWith(e))),
  };
}

/**
 * The words "i september" can start at: a preposition's first word with a month's name among the words that follow
 * it within the preposition's length, joined by white space and the signs the prepositions hold (the pattern reads
 * `preposition\s+month`).
 */
function monthAfter(prepositions: Anchor | null, months: Anchor | null, forms: readonly string[]): Anchor | null {
  if (prepositions === null || months === null) return prepositions;
  const reach = Math.max(1, ...forms.map((f) => (f.match(/\p{L}+/gu) ?? []).length));
  const signs = new Set<number>();
  for (const f of forms) for (let i = 0; i < f.length; i++) if (!/[\p{L}\s]/u.test(f.charAt(i))) signs.add(f.charCodeAt(i));
  return narrowed(prepositions, (w, text) => {
    let cur = w;
    for (let n = 0; n < reach; n++) {
      const next = cur.next;
      if (next === null) return false;
      for (let i = cur.end; i < next.start; i++) if (!isRegExpSpaceUnit(text.charCodeAt(i)) && !signs.has(text.charCodeAt(i))) return false;
      if (acceptedBetween(text, months, next.start, next.start + 1)) return true;
      cur = next;
    }
    return false;
  });
}

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
  const yearContext = `${L}(?:${alternation(cal.yearPrepositions)}|\\p{L}*(?:${endings}))`;
  const monthContext = `${L}(?:${alternation(cal.yearPrepositions)})`;
  const monthName = `(?:${alternation(names)})${R}`;
  const season = alternation(cal.seasons);
  const dateCue = alternation(cal.dateCues);
  const relative = alternation(cal.relativeYears.map((r) => r.phrase));
  const joiners = cal.yearListJoiners.map((j) => (j === ',' ? ',' : `\\s${literal(j)}`)).join('|');
  const compiled: CalendarPatterns = {
    cal,
    month,
    season,
    yearContext,
    monthContext,
    monthName,
    sessionPrefix: new RegExp(`${L}(?:${alternation(cal.sessionLabelPrefixes)})`, 'iu'),
    dateCue,
    cueBefore: new RegExp(`${L}(?:${dateCue})[ \\t]*$`, 'iu'),
    relative,
    re: {
      dayMonth: new RegExp(`(?<![\\p{L}\\p{N}.,])(\\d{1,2})(?:\\.\\s*|\\s+)(${month})(?:\\s+(\\d{4})${R})?`, 'giu'),
      monthYear: anchored(`${L}(${month})\\s+(\\d{4})${R}`, 'giu', formsAnchor([...names, ...abbrs], true)),
      monthAlone: anchored(`${monthContext}\\s+(${monthName})(?!\\s+\\d)`, 'giu', monthAfter(formsAnchor(cal.yearPrepositions, true), formsAnchor(names, true), cal.yearPrepositions)),
      monthNames: formsAnchor(names, true),
      seasonYear: anchored(`${L}(?:${season})\\s+(\\d{4})${R}`, 'giu', formsAnchor(cal.seasons, true)),
      yearList: new RegExp(`^\\s*(?:${joiners})\\s+(\\d{4})${R}`, 'iu'),
      contextYear: anchored(`${yearContext}\\s+(\\d{4})${R}`, 'giu', yearContextAnchor(cal)),
      // Not followed by a letter, digit or number ("i år 2023" is a context year, "i årene" no phrase at all).
      relative: anchored(`${L}(?:${relative})(?![\\p{L}\\p{N}]|\\s+\\d)`, 'giu', formsAnchor(cal.relativeYears.map((r) => r.phrase), true)),
      relativeOffsets: new Map(cal.relativeYears.map((r) => [r.phrase.toLowerCase().replace(/\s+/g, ' '), r.offset])),
      // A cue ends at its colon or at the word's end ("Dato 1. mars", not "datoen"), as its anchor reads whole words.
      cue: anchored(`${L}(?:${dateCue})(?:(?<=:)|${R})`, 'giu', formsAnchor(cal.dateCues, true)),
    },
    monthOf: (word) => months.get(word.toLowerCase().replace(/\.$/, '')) ?? null,
    quantityAfter(text, end) {
      const rest = text.slice(end, end + 40);
      if (/^[ \u00a0]\d{3}(?!\d)/.test(rest)) return true; // thousands group: "2 000 000"
      const next = UNIT_AFTER.exec(rest)?.[1]?.toLowerCase();
      return next !== undefined && (quantity.has(next) || quantity.has(next.replace(/\.$/, '')));
    },
    inYearRange: (y) => y >= cal.years.min && y <= cal.years.max,
  };
  cache.set(cal, compiled);
  return compiled;
}
