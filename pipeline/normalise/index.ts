import type { Context } from '../context.ts';
import type { NormalisedDoc, SourceDoc } from '../document.ts';
import { assemble } from './assemble.ts';
import { MappedBuffer } from './buffer.ts';
import { classifyLines } from './furniture.ts';
import { splitLines } from './lines.ts';
import { isNfc, recompose } from './nfc.ts';
import { textKit } from './rules.ts';

export { spanRoundTrip, type RoundTrip } from './check.ts';
export { matchMarker, type MarkerMatch } from './markers.ts';
export { textKit, type TextKit } from './rules.ts';

// Working buffers, reused from one document to the next: a thread normalises one document at a time, nothing is
// kept from them (the text is decoded and the map copied out), and allocating them per document cost more than
// clearing them.
const scratch = { clean: new MappedBuffer(0), laid: new MappedBuffer(0) };

/**
 * Normalise the source into `text` (NFC, one block per line separated by "\n", single spaces, lines broken
 * mid-sentence joined, end-of-line hyphenation undone, web boilerplate and PDF page furniture dropped, inline
 * markdown removed) with an offset map from every unit of `text` back to the source.
 */
export function normalise(doc: SourceDoc, ctx: Context): NormalisedDoc {
  const kit = textKit(ctx.lexicon.text, ctx.lexicon.calendar);
  // Load: the source cut into cleaned lines.
  const table = splitLines(doc.source, kit, scratch.clean);
  // Process: decide what each line is, then lay the kept lines out as blocks.
  const kinds = classifyLines(table.lines, table.pages, kit);
  let out = assemble(table, kinds, kit, scratch.laid);
  let text = out.text();
  if (!isNfc(text)) {
    out = recompose(out);
    text = out.text();
  }
  // Hand on: text and map.
  return { ...doc, text, map: out.toMap() };
}
