import { message } from '../messages.ts';
import { TABLES, type TableName } from '../models/tables.ts';
import type { Assertions } from './assertions.ts';
import type { ReportSink } from './report.ts';

/** The parsed JSON tables, rows as plain objects (they may violate their schema; every check is defensive). */
export type Tables = Record<TableName, Record<string, unknown>[]>;

/** A record's primary key, or `#index` when it has none. */
export const idOf = (table: TableName, row: Record<string, unknown>, i: number): string => {
  const v = row[TABLES[table].primaryKey];
  return typeof v === 'string' ? v : `#${i}`;
};

// Long quotes are cut in messages: enough to find the record, short enough to read.
const show = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
};

/** The source slice [start, end) in code points equals the declared column (quote or text), exactly. */
export function checkOffsets(tables: Tables, docs: readonly { file: string; source: string }[], columns: Assertions['integrity']['offsets'], report: ReportSink): void {
  const byFile = new Map(docs.map((d) => [d.file, d]));
  const fileOf = new Map(tables.documents.map((d) => [d['document_id'], d['source_file']]));
  const codePoints = new Map<string, string[]>();
  const sourceOf = (file: string): string[] | null => {
    const doc = byFile.get(file);
    if (!doc) return null;
    let cps = codePoints.get(file);
    if (!cps) {
      cps = Array.from(doc.source);
      codePoints.set(file, cps);
    }
    return cps;
  };
  for (const [t, column] of Object.entries(columns) as [TableName, string][]) {
    tables[t].forEach((row, i) => {
      const id = idOf(t, row, i);
      const fail = (why: string) =>
        report.add(`offset-mismatch ${t}`, message('offset-mismatch', `record ${id} field ${column}: ${why}`, { stage: 'validate', file: `${t}.json` }));
      const file = fileOf.get(row['document_id']);
      if (typeof file !== 'string') return; // an unknown document is a foreign-key problem, reported there
      const cps = sourceOf(file);
      if (cps === null) return fail(`source ${file} is not among the documents read`);
      const { start, end } = row;
      const quote = row[column];
      if (!Number.isInteger(start) || !Number.isInteger(end)) return fail('start and end must be integers');
      const s = start as number;
      const e = end as number;
      if (s < 0 || e < s || e > cps.length) return fail(`[${s}, ${e}) is outside ${file} (${cps.length} code points)`);
      const slice = cps.slice(s, e).join('');
      if (slice !== quote) fail(`source slice [${s}, ${e}) of ${file} is ${show(slice)}, not ${show(quote)}`);
    });
  }
}
