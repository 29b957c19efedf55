import type { Context } from '../context.ts';
import type { SourceDoc } from '../document.ts';
import type { Message } from '../messages.ts';
import type { RawCorpus } from './read.ts';

/** Decode and check every `.txt` document and its optional `.meta.yaml` sidecar. (stub) */
export function ingest(raw: RawCorpus, ctx: Context): { docs: SourceDoc[]; messages: Message[] } {
  void raw; void ctx;
  return { docs: [], messages: [] };
}
