import type { Context } from '../context.ts';
import type { ExtractedDoc } from '../document.ts';
import type { Message } from '../messages.ts';
import type { Dataset } from '../models/tables.ts';
import { ActorTable } from './actors.ts';
import { offsetConverter } from './offsets.ts';
import { dateRows, demandRows, documentRow, mentionRows, type DocScope } from './rows.ts';
import { byCodeUnits } from './sort.ts';

/** Merge the documents into the published tables: stable IDs, one actor per canonical name, code-point offsets. */
export function assemble(docs: ExtractedDoc[], ctx: Context): { dataset: Dataset; messages: Message[] } {
  void ctx;
  // --- load inputs: documents in file-name order, so every merge decision is the same on every run
  const ordered = [...docs].sort((a, b) => byCodeUnits(a.file, b.file));
  const messages: Message[] = [];
  const actors = new ActorTable();
  for (const doc of ordered) actors.describe(doc.actors);

  // --- process: one scope per document, rows in the tables' column order
  const ds: Dataset = { documents: [], actors: [], mentions: [], demands: [], dates: [] };
  for (const doc of ordered) {
    const scope: DocScope = { doc, documentId: doc.id, offsets: offsetConverter(doc), actors, messages };
    ds.documents.push(documentRow(scope));
    ds.mentions.push(...mentionRows(scope));
    ds.demands.push(...demandRows(scope));
    ds.dates.push(...dateRows(scope));
  }
  const merged = actors.rows();
  ds.actors = merged.rows;
  messages.push(...merged.messages);

  // --- save outputs: the published order (documents by file, actors by name, the rest by document then start)
  return { dataset: sortDataset(ds), messages };
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
