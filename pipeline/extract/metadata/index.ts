import type { Context } from '../../context.ts';
import type { ActorRecord, DateRecord, DocumentMeta, MentionRecord, SegmentedDoc } from '../../document.ts';
import type { Message } from '../../messages.ts';

export interface MetadataInput {
  actors: ActorRecord[];
  mentions: MentionRecord[];
  dates: DateRecord[];
}

export interface MetadataOutput {
  info: DocumentMeta;
  /** The dates, with the document's own date marked kind `document`. */
  dates: DateRecord[];
  /** The actors, plus a curated publisher that the text does not mention. */
  actors: ActorRecord[];
  messages: Message[];
}

/** Title, own date, publisher and genre: curated sidecar values win, else extracted. (stub) */
export function findMetadata(doc: SegmentedDoc, input: MetadataInput, ctx: Context): MetadataOutput {
  void ctx;
  return {
    info: { title: null, date: null, publisher: null, genre: { value: 'other', source: 'extracted', ruleId: null }, url: null, licence: null },
    dates: input.dates,
    actors: input.actors,
    messages: [],
  };
}
