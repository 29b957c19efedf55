import type { MappedBuffer } from './buffer.ts';
import { isSpaceUnit } from './chars.ts';
import { cleanLine } from './clean.ts';
import { MarkupScratch, stripMarkup } from './markup.ts';
import type { TextKit } from './rules.ts';

/** One source line after cleaning: where it was, where its cleaned text sits, and what it says. */
export interface Line {
  /** Source range of the line without its line break. */
  from: number;
  to: number;
  /** Range of the cleaned line in the clean buffer. */
  a: number;
  b: number;
  /** Number of form feeds (PDF page breaks) before the line. */
  page: number;
  /** The PDF kept a soft hyphen at the end: the word continues on the next line. */
  softHyphen: boolean;
  /**
   * The raw line ends in exactly one ASCII space after text: some PDF converters mark a soft (wrapped) line end
   * this way and a hard one without it.
   */
  trailingSpace: boolean;
  /** Cleaned text (NFC, single spaces, trimmed, inline markup removed). */
  text: string;
}

/** The source cut into cleaned lines; `clean` holds every line's units with their source ranges. */
export interface LineTable {
  lines: Line[];
  clean: MappedBuffer;
  pages: number;
}

// The line break units of `isBreakUnit` (LF, VT, FF, CR, NEL, LS, PS), found by one native scan per line rather than
// a test of every unit here (cleanLine reads the line's units anyway).
const BREAK = /[\n\v\f\r\x85\u2028\u2029]/g;

/**
 * Cut the source at every line break (LF, CRLF, lone CR, form feed, …) and clean each line into `clean` (emptied
 * first), which the returned table holds.
 */
export function splitLines(src: string, kit: TextKit, clean: MappedBuffer): LineTable {
  clean.reset(src.length + 64);
  const scratch = new MarkupScratch();
  const lines: Line[] = [];
  let page = 0;
  let from = 0;
  const n = src.length;
  for (;;) {
    // The next line break, or a virtual one at the end.
    BREAK.lastIndex = from;
    const i = BREAK.test(src) ? BREAK.lastIndex - 1 : n;
    const c = i < n ? src.charCodeAt(i) : 0x0a;
    const a = clean.length;
    const softHyphen = cleanLine(src, from, i, clean, kit.ligatures);
    stripMarkup(clean, a, scratch);
    const b = clean.length;
    const trailingSpace = i - from >= 2 && src.charCodeAt(i - 1) === 0x20 && !isSpaceUnit(src.charCodeAt(i - 2)) && a < b;
    lines.push({ from, to: i, a, b, page, softHyphen, trailingSpace, text: '' });
    if (i >= n) break;
    if (c === 0x0c) page++;
    // CRLF is one break.
    from = c === 0x0d && i + 1 < n && src.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1;
  }
  // One decode for the whole buffer, then cheap slices, instead of building a string per line.
  const all = clean.text();
  for (const line of lines) if (line.b > line.a) line.text = all.slice(line.a, line.b);
  return { lines, clean, pages: page + 1 };
}
