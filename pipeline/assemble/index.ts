import type { Context } from '../context.ts';
import type { ExtractedDoc } from '../document.ts';
import type { Message } from '../messages.ts';
import type { ActorRow, Dataset, DocumentRow } from '../models/tables.ts';
import type { DocumentRows } from '../export/sink.ts';
import { ActorTable, actorId } from './actors.ts';
import { reduceDocument, type DocRows } from './reduce.ts';
import { byCodeUnits } from './sort.ts';

export { reduceDocument, type DocRows, type ActorUse } from './reduce.ts';

/** Merge the documents into the published tables: stable IDs, one actor per canonical name, code-point offsets. */
export function assemble(docs: ExtractedDoc[], ctx: Context): { dataset: Dataset; messages: Message[] } {
  void ctx;
  // --- load inputs: documents in file-name order, so every merge decision is the same on every run
  const ordered = [...docs].sort((a, b) => byCodeUnits(a.file, b.file));
  const merger = new Assembler();
  // --- process: one document at a time, reduced to its rows
  const ds: Dataset = { documents: [], actors: [], mentions: [], demands: [], dates: [] };
  for (const doc of ordered) {
    const { rows } = merger.add(reduceDocument(doc));
    ds.mentions.push(...rows.mentions);
    ds.demands.push(...rows.demands);
    ds.dates.push(...rows.dates);
  }
  // --- save outputs
  const done = merger.finish();
  // Already in published order: documents by file name, each one's rows by start, actors by name (see Assembler).
  return { dataset: { ...ds, documents: [...done.documents], actors: [...done.actors] }, messages: done.messages };
}

const byStart = <T extends { start: number }>(id: (r: T) => string) => (a: T, b: T) => a.start - b.start || byCodeUnits(id(a), id(b));

/** A document's rows in published order: mentions, demands and dates each by start, then ID. */
export function publishedRows(rows: DocRows): DocumentRows {
  return {
    document: rows.document,
    mentions: [...rows.mentions].sort(byStart((r) => r.mention_id)),
    demands: [...rows.demands].sort(byStart((r) => r.demand_id)),
    dates: [...rows.dates].sort(byStart((r) => r.date_id)),
  };
}

/** One document's rows as the outputs take them, and the IDs of the actors its rows may point to. */
export interface MergedDocument {
  rows: DocumentRows;
  actorIds: ReadonlySet<string>;
}

/**
 * Merges reduced documents one at a time, so neither the corpus nor its rows have to be in memory at once: each
 * document's rows come straight back in published order (for the outputs to stream), and only the document rows
 * and the actor table grow. Add documents in file-name order (code units): the actor table's merge decisions
 * (which record wins, where a key was first used) and the published order follow it.
 */
export class Assembler {
  private readonly actors = new ActorTable();
  private readonly documents: DocumentRow[] = [];
  private readonly messages: Message[] = [];
  private lastFile: string | null = null;

  /** Add the next document's rows and replay its actor uses; returns its rows sorted as published. */
  add(rows: DocRows): MergedDocument {
    if (this.lastFile !== null && byCodeUnits(this.lastFile, rows.file) >= 0) {
      throw new Error(`documents must be merged in file-name order: ${rows.file} came after ${this.lastFile}`);
    }
    this.lastFile = rows.file;
    this.actors.describe(rows.actors);
    const actorIds = new Set<string>();
    for (const u of rows.uses) {
      if (u.surface === null) this.actors.refer(u.key, rows.file, u.as);
      else this.actors.mention(u.key, rows.file, u.surface);
      actorIds.add(actorId(u.key));
    }
    this.documents.push(rows.document);
    for (const m of rows.messages) this.messages.push(m);
    return { rows: publishedRows(rows), actorIds };
  }

  /** The document rows in published order, the merged actor rows sorted by name, and assemble's messages. */
  finish(): { documents: readonly DocumentRow[]; actors: readonly ActorRow[]; messages: Message[] } {
    const merged = this.actors.rows();
    const actors = [...merged.rows].sort((a, b) => byCodeUnits(a.name, b.name) || byCodeUnits(a.actor_id, b.actor_id));
    return { documents: this.documents, actors, messages: [...this.messages, ...merged.messages] };
  }
}
