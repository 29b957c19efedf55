import type { Context } from '../../context.ts';
import type { ActorRecord, MentionRecord, SegmentedDoc } from '../../document.ts';

/** Find every actor mentioned in the document: registry lookups plus discovery rules. (stub) */
export function findActors(doc: SegmentedDoc, ctx: Context): { actors: ActorRecord[]; mentions: MentionRecord[] } {
  void doc; void ctx;
  return { actors: [], mentions: [] };
}
