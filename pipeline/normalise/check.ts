import type { Context } from '../context.ts';
import type { NormalisedDoc, Span } from '../document.ts';
import { normalise } from './index.ts';

/** A span seen three ways: its normalised text, the source slice the map gives, and that slice normalised again. */
export interface RoundTrip {
  /** The map gives a non-empty source range inside the source. */
  inside: boolean;
  /** The slice, normalised on its own, equals the span's text. */
  ok: boolean;
  text: string;
  source: string;
  renormalised: string;
}

/**
 * Check that a span of a normalised document maps back to the exact source characters: the source range
 * [map.start[a], map.end[b-1]) normalised on its own must read like the span. For tests and debugging of any stage
 * that produces spans.
 */
export function spanRoundTrip(doc: NormalisedDoc, span: Span, ctx: Context): RoundTrip {
  const text = doc.text.slice(span.start, span.end);
  const from = doc.map.start[span.start];
  const to = doc.map.end[span.end - 1];
  const inside =
    span.start >= 0 &&
    span.end > span.start &&
    span.end <= doc.text.length &&
    from !== undefined &&
    to !== undefined &&
    from >= 0 &&
    to > from &&
    to <= doc.source.length;
  if (!inside) return { inside, ok: false, text, source: '', renormalised: '' };
  const source = doc.source.slice(from, to);
  const renormalised = normalise({ ...doc, source, messages: [] }, ctx).text;
  return { inside, ok: renormalised === text, text, source, renormalised };
}
