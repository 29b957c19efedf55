import { STREAMED_TABLES } from '../export/sink.ts';
import type { Context } from '../context.ts';
import type { SourceDoc } from '../document.ts';
import { message, type Message } from '../messages.ts';
import { TABLE_NAMES, type TableName } from '../models/tables.ts';
import type { OutputFile } from '../export/index.ts';
import { DatasetValidator } from './dataset-validator.ts';

export { DatasetValidator, type RowsOfDocument, type ValidatedSource } from './dataset-validator.ts';
export { checkDocument } from './document-checks.ts';
export { loadAssertions } from './assertions.ts';
export { keepCompiledValidators } from './schemas.ts';

type Row = Record<string, unknown>;

/**
 * Validate a finished package held in memory as a user would read it: each `<table>.json` against the committed
 * `schemas/`, the descriptor against the Frictionless profile, then the integrity and coverage assertions of
 * assertions.yaml — the same checks the build makes as the documents stream past (DatasetValidator).
 */
export function validate(files: readonly OutputFile[], docs: readonly SourceDoc[], ctx: Context): { messages: Message[] } {
  // --- load inputs: the JSON files exactly as written
  const v = new DatasetValidator(ctx);
  const problems: Message[] = [];
  const text = new Map(files.map((f) => [f.path, typeof f.content === 'string' ? f.content : new TextDecoder().decode(f.content)]));
  const parse = (path: string): unknown => {
    const t = text.get(path);
    if (t === undefined) {
      problems.push(message('internal', `${path} was not exported`, { stage: 'validate', file: path }));
      return undefined;
    }
    try {
      return JSON.parse(t) as unknown;
    } catch (e) {
      problems.push(message('internal', `${path} is not valid JSON: ${(e as Error).message}`, { stage: 'validate', file: path }));
      return undefined;
    }
  };
  const tables = {} as Record<TableName, Row[]>;
  for (const t of TABLE_NAMES) {
    const rows = parse(`${t}.json`);
    tables[t] = Array.isArray(rows) ? rows.filter((r): r is Row => typeof r === 'object' && r !== null && !Array.isArray(r)) : [];
  }

  // --- process: document by document, as the build does, then whatever rows belong to no document
  const actorIds = new Set(tables.actors.map((a) => String(a['actor_id'])));
  const byFile = new Map(docs.map((d) => [d.file, d]));
  const rowsOf = groupByDocument(tables);
  for (const d of tables.documents) {
    const rows = rowsOf.get(d['document_id']) ?? { mentions: [], demands: [], dates: [] };
    rowsOf.delete(d['document_id']);
    const file = String(d['source_file']);
    const src = byFile.get(file);
    v.add({ document: d, ...rows, actorIds }, { file, source: src?.source ?? null, undated: src?.meta?.date === 'undated' });
  }
  for (const rows of rowsOf.values()) v.add({ document: null, ...rows, actorIds }, null);
  v.finish(tables.documents, tables.actors);
  const descriptor = parse('datapackage.json');
  if (descriptor !== undefined) v.checkDescriptor(descriptor);

  // --- save outputs
  return { messages: [...problems, ...v.messages()] };
}

function groupByDocument(tables: Record<TableName, Row[]>): Map<unknown, { mentions: Row[]; demands: Row[]; dates: Row[] }> {
  const out = new Map<unknown, { mentions: Row[]; demands: Row[]; dates: Row[] }>();
  for (const t of STREAMED_TABLES) {
    for (const r of tables[t]) {
      let g = out.get(r['document_id']);
      if (!g) {
        g = { mentions: [], demands: [], dates: [] };
        out.set(r['document_id'], g);
      }
      g[t].push(r);
    }
  }
  return out;
}
