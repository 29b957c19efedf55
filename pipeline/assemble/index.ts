import type { Context } from '../context.ts';
import type { ExtractedDoc } from '../document.ts';
import type { Message } from '../messages.ts';
import type { Dataset } from '../models/tables.ts';
import { ActorTable } from './actors.ts';
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
  for (const doc of ordered) merger.add(reduceDocument(doc));
  // --- save outputs
  return merger.finish();
}

/**
 * Merges reduced documents into the dataset one at a time, so the corpus never has to be in memory at once:
 * only the rows and the actor table grow. Add documents in file-name order (code units): the actor table's
 * merge decisions (which record wins, where a key was first used) follow that order.
 */
export class Assembler {
  private readonly actors = new ActorTable();
  private readonly ds: Dataset = { documents: [], actors: [], mentions: [], demands: [], dates: [] };
  private readonly messages: Message[] = [];

  /** Add the next document's rows and replay its actor uses. */
  add(rows: DocRows): void {
    this.actors.describe(rows.actors);
    for (const u of rows.uses) {
      if (u.surface === null) this.actors.refer(u.key, rows.file, u.as);
      else this.actors.mention(u.key, rows.file, u.surface);
    }
    this.ds.documents.push(rows.document);
    for (const r of rows.mentions) this.ds.mentions.push(r);
    for (const r of rows.demands) this.ds.demands.push(r);
    for (const r of rows.dates) this.ds.dates.push(r);
    for (const m of rows.messages) this.messages.push(m);
  }

  /** The merged actor rows, every table in its published order, and assemble's messages. */
  finish(): { dataset: Dataset; messages: Message[] } {
    const merged = this.actors.rows();
    const ds = { ...this.ds, actors: merged.rows };
    return { dataset: sortDataset(ds), messages: [...this.messages, ...merged.messages] };
  }
}

/** Sort every table into its published order; IDs break ties so the order never depends on input order. */
export function sortDataset(ds: Dataset): Dataset {
  const documents = [...ds.documents].sort((a, b) => byCodeUnits(a.source_file, b.source_file) || byCodeUnits(a.document_id, b.document_id));
  const rank = new Map(documents.map((d, i) => [d.document_id, i]));
  // Rows of an unknown document (a bug caught by validate) sort last rather than disappearing.
  const docRank = (id: string) => rank.get(id) ?? documents.length;
  const inDocument = <T extends { document_id: string; start: number }>(id: (r: T) => string) => (a: T, b: T) =>
    docRank(a.document_id) - docRank(b.document_id) || a.start - b.start || byCodeUnits(id(a), id(b));
  return {
    documents,
    actors: [...ds.actors].sort((a, b) => byCodeUnits(a.name, b.name) || byCodeUnits(a.actor_id, b.actor_id)),
    mentions: [...ds.mentions].sort(inDocument((r) => r.mention_id)),
    demands: [...ds.demands].sort(inDocument((r) => r.demand_id)),
    dates: [...ds.dates].sort(inDocument((r) => r.date_id)),
  };
}
