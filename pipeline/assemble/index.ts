import type { Context } from '../context.ts';
import type { ExtractedDoc } from '../document.ts';
import type { Message } from '../messages.ts';
import type { Dataset } from '../models/tables.ts';

/** Merge the documents into the published tables: stable IDs, one actor per canonical name, code-point offsets. (stub) */
export function assemble(docs: ExtractedDoc[], ctx: Context): { dataset: Dataset; messages: Message[] } {
  void docs; void ctx;
  return { dataset: { documents: [], actors: [], mentions: [], demands: [], dates: [] }, messages: [] };
}
