import type { Context } from '../context.ts';
import type { NormalisedDoc, SourceDoc } from '../document.ts';

/** Normalise the source text into `text` with an offset map back to the source. (stub: identity) */
export function normalise(doc: SourceDoc, ctx: Context): NormalisedDoc {
  void ctx;
  const n = doc.source.length;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  for (let i = 0; i < n; i++) { start[i] = i; end[i] = i + 1; }
  return { ...doc, text: doc.source, map: { start, end } };
}
