import type { NormalisedDoc, Span } from '../document.ts';

/** A record's place in the source file as the data contract counts it: code points, plus the exact slice. */
export interface SourceSpan {
  start: number;
  end: number;
  /** The source text in [start, end): what a row's `quote` or `text` must equal. */
  quote: string;
}

/** Converts the pipeline's spans of one document to the contract's code-point offsets into the source. */
export interface OffsetConverter {
  /** Length of the source in code points. */
  readonly codePoints: number;
  /** The source span of a normalised span, or null when the span is empty or outside the text or map. */
  toSource(span: Span): SourceSpan | null;
}

const isHigh = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number) => u >= 0xdc00 && u <= 0xdfff;
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * `codePointsBefore[i]`: the number of code points that begin before UTF-16 index i; null when the source has no
 * surrogate at all, so that every index counts itself (most documents: no table to build).
 */
function codePointTable(source: string): Int32Array | null {
  if (!SURROGATE.test(source)) return null;
  const n = source.length;
  const table = new Int32Array(n + 1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    // The low half of a pair begins no code point of its own.
    if (!(i > 0 && isLow(source.charCodeAt(i)) && isHigh(source.charCodeAt(i - 1)))) count++;
    table[i + 1] = count;
  }
  return table;
}

/**
 * The one converter from pipeline spans to exported offsets: normalised UTF-16 span → source UTF-16 range
 * `[map.start[a], map.end[b-1])` → code points, through a prefix table built once per document so each
 * conversion is O(1).
 */
export function offsetConverter(doc: Pick<NormalisedDoc, 'source' | 'text' | 'map'>): OffsetConverter {
  const { source, text, map } = doc;
  const n = source.length;
  const codePointsBefore = codePointTable(source);
  // Only a source with surrogates has pairs a map could point into.
  const midPair = (i: number) => codePointsBefore !== null && i > 0 && i < n && isLow(source.charCodeAt(i)) && isHigh(source.charCodeAt(i - 1));
  const mapped = Math.min(text.length, map.start.length, map.end.length);

  return {
    codePoints: codePointsBefore === null ? n : (codePointsBefore[n] ?? 0),
    toSource(span) {
      const { start, end } = span;
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > mapped) return null;
      let from = map.start[start];
      let to = map.end[end - 1];
      if (from === undefined || to === undefined || from < 0 || to > n || to <= from) return null;
      // A map that points inside a surrogate pair would cut a character in half: widen to whole characters.
      if (midPair(from)) from -= 1;
      if (midPair(to)) to += 1;
      const cpStart = codePointsBefore === null ? from : codePointsBefore[from];
      const cpEnd = codePointsBefore === null ? to : codePointsBefore[to];
      if (cpStart === undefined || cpEnd === undefined) return null;
      return { start: cpStart, end: cpEnd, quote: source.slice(from, to) };
    },
  };
}
