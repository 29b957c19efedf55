import type { Context } from '../context.ts';
import type { NormalisedDoc, SegmentedDoc } from '../document.ts';

/** Split the normalised text into blocks and sentences. (stub) */
export function segment(doc: NormalisedDoc, ctx: Context): SegmentedDoc {
  void ctx;
  return { ...doc, blocks: [], sentences: [] };
}
