import type { NormalisedDoc, Span } from '../../document.ts';
import { isRegExpSpaceUnit } from '../../normalise/chars.ts';

/**
 * What the page layout of a PDF extraction did to the text, read from the source behind the normalised text.
 * Two faults make a unit's words unreliable as a claim:
 * - a seam: two lines that a blank line kept apart in the source were joined into one unit (a fragment of another
 *   column, a footnote, or ligature debris left at a page's end), while a paragraph never spans a blank line;
 * - interleaved columns: pdftotext (default mode) of a two-column page alternates the lines of both columns, so
 *   consecutive lines do not continue each other; a sentence-final line is then often followed by a line that
 *   opens in lower case, which coherent text almost never does.
 */
export interface Layout {
  /** Normalised offsets inside `span` where a unit continues across a blank line of the source (the first character after it). */
  seams(span: Span): number[];
  /** False when no span has a seam (the text does not wrap its lines without blank lines). */
  maySeam: boolean;
  /** True when the unit lies in a region whose source lines interleave two columns. */
  interleaved(span: Span): boolean;
  /** How many source lines lie in interleaved regions (0 when none). */
  interleavedLines: number;
  /** Source offset (UTF-16) of the first interleaved line, or null. */
  firstInterleaved: number | null;
}

// A line must be this long before its final full stop says a sentence ended there (not a heading or a list number).
const MIN_SENTENCE_LINE = 25;
// Observations (sentence-final lines) on each side of a line that decide whether its region is interleaved.
const WINDOW = 12;
// Share of sentence-final lines followed by a lower-case line above which the region interleaves columns.
// Coherent text stays below 0.2 even with OCR debris; interleaved two-column text runs at 0.3–0.8.
const INTERLEAVED_SHARE = 0.35;

// A seam means something only where lines wrap without blank lines: when at least this many mid-sentence line
// ends are seen and fewer than half of them are followed by a blank line (double-spaced text has one after each line).
const MIN_WRAPS = 20;
const DOUBLE_SPACED_SHARE = 0.5;

const SENTENCE_END = /[.!?]["»”')]*$/u;
const MID_SENTENCE_END = /[\p{Ll},]$/u;
const LOWER_START = /^\p{Ll}/u;
// A line that is furniture, not text: page numbers, lone list markers and punctuation.
const NOT_TEXT = /^[\p{N}\p{P}\p{S}\s]*$/u;

interface Line {
  start: number;
  end: number;
  text: string;
}

const cache = new WeakMap<NormalisedDoc['map'], Layout>();

/** Read the layout of one document (computed once per document: demands and the extract stage's notes share it). */
export function readLayout(doc: Pick<NormalisedDoc, 'source' | 'text' | 'map'>): Layout {
  const hit = cache.get(doc.map);
  if (hit) return hit;
  const layout = computeLayout(doc);
  cache.set(doc.map, layout);
  return layout;
}

function computeLayout(doc: Pick<NormalisedDoc, 'source' | 'text' | 'map'>): Layout {
  const lines = sourceLines(doc.source);
  const flags = interleavedFlags(lines);
  const lineStarts = lines.map((l) => l.start);
  const interleavedLines = flags.filter(Boolean).length;
  const first = flags.indexOf(true);
  const singleSpaced = wrapsWithoutBlankLines(lines);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const { source, text, map } = doc;
  let all: Seam[] | undefined;
  return {
    interleavedLines,
    maySeam: singleSpaced,
    firstInterleaved: first < 0 ? null : (lines[first] as Line).start,
    interleaved(span) {
      if (interleavedLines === 0 || span.end <= span.start) return false;
      const from = lineOf(map.start[span.start] ?? 0);
      const to = lineOf(map.end[span.end - 1] ?? 0);
      for (let i = from; i <= to; i++) if (flags[i]) return true;
      return false;
    },
    seams(span) {
      const out: number[] = [];
      if (!singleSpaced) return out;
      // The seams of the whole text, read once: a span's are those whose white space starts inside it and ends before its end.
      all ??= textSeams(text, source, map);
      let lo = 0;
      let hi = all.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((all[mid] as Seam).space <= span.start) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < all.length; i++) {
        const seam = all[i] as Seam;
        if (seam.space >= span.end - 1 || seam.next >= span.end) break;
        out.push(seam.next);
      }
      return out;
    },
  };
}

/** A seam: where a run of white space starts (`space`) and the first character after it (`next`). */
interface Seam {
  space: number;
  next: number;
}

/**
 * Every seam of the text, in order: a run of white space inside the text (after a non-space) that stands for a blank
 * line of the source with nothing else between the two pieces. A page break (form feed) or dropped furniture is a page
 * turn, not a seam.
 */
function textSeams(text: string, source: string, map: Pick<NormalisedDoc, 'map'>['map']): Seam[] {
  const out: Seam[] = [];
  for (let k = 1; k < text.length; k++) {
    if (!isRegExpSpaceUnit(text.charCodeAt(k)) || isRegExpSpaceUnit(text.charCodeAt(k - 1))) continue;
    let next = k + 1;
    while (next < text.length && isRegExpSpaceUnit(text.charCodeAt(next))) next++;
    if (next >= text.length) break;
    const from = map.end[k - 1];
    const to = map.start[next];
    if (from === undefined || to === undefined || to <= from) continue;
    const gap = source.slice(from, to);
    if (BLANK_LINE.test(gap) && ONLY_SPACE.test(gap)) out.push({ space: k, next });
  }
  return out;
}

const BLANK_LINE = /\n[ \t\r]*\n/;
const ONLY_SPACE = /^[ \t\r\n]*$/;

const FEEDS = /[\f\r]/g;
const FEED = /[\f\r]/;

function sourceLines(source: string): Line[] {
  const out: Line[] = [];
  // Most sources hold no form feed or carriage return: then no line needs them taken out.
  const feeds = FEED.test(source);
  let start = 0;
  for (;;) {
    const nl = source.indexOf('\n', start);
    const end = nl === -1 ? source.length : nl;
    const raw = source.slice(start, end);
    out.push({ start, end, text: (feeds ? raw.replace(FEEDS, '') : raw).trim() });
    if (nl === -1) return out;
    start = nl + 1;
  }
}

/** True when the text wraps its lines without blank lines between them, so a blank line inside a unit is a seam. */
function wrapsWithoutBlankLines(lines: readonly Line[]): boolean {
  let wraps = 0;
  let blank = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const t = (lines[i] as Line).text;
    if (t.length < MIN_SENTENCE_LINE || !MID_SENTENCE_END.test(t)) continue;
    wraps++;
    if ((lines[i + 1] as Line).text === '') blank++;
  }
  return wraps >= MIN_WRAPS && blank < DOUBLE_SPACED_SHARE * wraps;
}

/** Per source line: true when it lies in a region where sentence-final lines are mostly followed by lower-case lines. */
function interleavedFlags(lines: readonly Line[]): boolean[] {
  const textLines = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.text !== '' && !NOT_TEXT.test(l.text));
  // One observation per sentence-final line of running text: does the next text line open in lower case?
  const obs: { line: number; odd: boolean }[] = [];
  for (let k = 0; k + 1 < textLines.length; k++) {
    const { l, i } = textLines[k] as { l: Line; i: number };
    if (l.text.length < MIN_SENTENCE_LINE || !SENTENCE_END.test(l.text)) continue;
    obs.push({ line: i, odd: LOWER_START.test((textLines[k + 1] as { l: Line }).l.text) });
  }
  const flags = new Array<boolean>(lines.length).fill(false);
  if (obs.length < 2 * WINDOW) return flags;
  let odd = 0;
  for (let k = 0; k < Math.min(obs.length, 2 * WINDOW + 1); k++) if ((obs[k] as { odd: boolean }).odd) odd++;
  // Slide a window of 2·WINDOW+1 observations; a window over the share marks every line it covers.
  for (let c = WINDOW; c + WINDOW < obs.length; c++) {
    if (c > WINDOW) {
      if ((obs[c - WINDOW - 1] as { odd: boolean }).odd) odd--;
      if ((obs[c + WINDOW] as { odd: boolean }).odd) odd++;
    }
    if (odd / (2 * WINDOW + 1) < INTERLEAVED_SHARE) continue;
    // The region reaches out to the neighbouring observations: the lines between them belong to it too.
    const from = c - WINDOW - 1 >= 0 ? (obs[c - WINDOW - 1] as { line: number }).line + 1 : 0;
    const to = c + WINDOW + 1 < obs.length ? (obs[c + WINDOW + 1] as { line: number }).line : lines.length - 1;
    for (let i = from; i <= to; i++) flags[i] = true;
  }
  return flags;
}
