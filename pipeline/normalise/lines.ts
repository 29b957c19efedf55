import { MappedBuffer } from './buffer.ts';
import { isBreakUnit, isSpaceUnit } from './chars.ts';
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

/** Cut the source at every line break (LF, CRLF, lone CR, form feed, …) and clean each line. */
export function splitLines(src: string, kit: TextKit): LineTable {
  const clean = new MappedBuffer(src.length + 64);
  const scratch = new MarkupScratch();
  const lines: Line[] = [];
  let page = 0;
  let from = 0;
  const n = src.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? src.charCodeAt(i) : 0x0a;
    if (!isBreakUnit(c)) continue;
    const a = clean.length;
    const softHyphen = cleanLine(src, from, i, clean, kit.ligatures);
    stripMarkup(clean, a, scratch);
    const b = clean.length;
    const trailingSpace = i - from >= 2 && src.charCodeAt(i - 1) === 0x20 && !isSpaceUnit(src.charCodeAt(i - 2)) && a < b;
    lines.push({ from, to: i, a, b, page, softHyphen, trailingSpace, text: '' });
    if (c === 0x0c) page++;
    // CRLF is one break.
    if (c === 0x0d && i + 1 < n && src.charCodeAt(i + 1) === 0x0a) i++;
    from = i + 1;
  }
  // One decode for the whole buffer, then cheap slices, instead of building a string per line.
  const all = clean.text();
  for (const line of lines) if (line.b > line.a) line.text = all.slice(line.a, line.b);
  return { lines, clean, pages: page + 1 };
}
