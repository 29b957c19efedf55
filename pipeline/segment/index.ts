import type { Context } from '../context.ts';
import type { NormalisedDoc, SegmentedDoc } from '../document.ts';
import { textKit } from '../normalise/rules.ts';
import { findBlocks } from './blocks.ts';
import { splitSentences } from './sentences.ts';

/**
 * Split the normalised text into blocks (one per line: heading, bullet or paragraph, linked to their heading and
 * lead-in) and Norwegian sentences within each block.
 */
export function segment(doc: NormalisedDoc, ctx: Context): SegmentedDoc {
  const kit = textKit(ctx.lexicon.text, ctx.lexicon.calendar);
  const blocks = findBlocks(doc.text, kit);
  const sentences = splitSentences(doc.text, blocks, kit);
  return { ...doc, blocks, sentences };
}
