import type { Context } from '../../context.ts';
import type { ActorRecord, DemandRecord, DocumentMeta, MentionRecord, SegmentedDoc } from '../../document.ts';

export interface DemandInput {
  actors: ActorRecord[];
  mentions: MentionRecord[];
  info: DocumentMeta;
}

/** Find every normative claim with claimants, addressee, topic, modality and section. (stub) */
export function findDemands(doc: SegmentedDoc, input: DemandInput, ctx: Context): DemandRecord[] {
  void doc; void input; void ctx;
  return [];
}
