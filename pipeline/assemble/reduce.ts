import type { ActorRecord, ExtractedDoc } from '../document.ts';
import type { Message } from '../messages.ts';
import type { DateRow, DemandRow, DocumentRow, MentionRow } from '../models/tables.ts';
import { actorId, type ActorRefs } from './actors.ts';
import { offsetConverter } from './offsets.ts';
import { dateRows, demandRows, documentRow, mentionRows, type DocScope } from './rows.ts';

/** One use of an actor by a document's rows; `surface` is set for mentions (their alias) and null for references. */
export interface ActorUse {
  key: string;
  as: string;
  surface: string | null;
}

/**
 * All that assemble needs of one document, made as soon as the document is extracted: its rows (IDs and
 * code-point offsets final), its actor records, and its uses of actors to replay into the corpus-wide actor
 * table. Plain data (no text, offset map or blocks), so it is small, crosses threads and caches as JSON.
 */
export interface DocRows {
  file: string;
  document: DocumentRow;
  mentions: MentionRow[];
  demands: DemandRow[];
  dates: DateRow[];
  actors: ActorRecord[];
  uses: ActorUse[];
  /** Assemble's messages about this document (spans that do not fit the text). */
  messages: Message[];
}

/** Records every actor use; IDs are hashes of the key alone, so they need no corpus-wide state. */
class UseRecorder implements ActorRefs {
  readonly uses: ActorUse[] = [];
  mention(key: string, _file: string, surface: string): string {
    this.uses.push({ key, as: 'mention', surface });
    return actorId(key);
  }
  refer(key: string, _file: string, as: string): string {
    this.uses.push({ key, as, surface: null });
    return actorId(key);
  }
}

/** Reduce one extracted document to its rows and actor uses; a pure function of the document. */
export function reduceDocument(doc: ExtractedDoc): DocRows {
  const uses = new UseRecorder();
  const messages: Message[] = [];
  const scope: DocScope = { doc, documentId: doc.id, offsets: offsetConverter(doc), actors: uses, messages };
  // The same call order as the corpus-wide table once saw, so replaying the uses gives the same table.
  const document = documentRow(scope);
  const mentions = mentionRows(scope);
  const demands = demandRows(scope);
  const dates = dateRows(scope);
  return { file: doc.file, document, mentions, demands, dates, actors: doc.actors, uses: uses.uses, messages };
}
