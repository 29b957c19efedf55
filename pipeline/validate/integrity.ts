import { message } from '../messages.ts';
import { TABLES, type TableName } from '../models/tables.ts';
import type { Assertions } from './assertions.ts';
import type { ReportSink } from './report.ts';

/** The parsed JSON tables, rows as plain objects (they may violate their schema; every check is defensive). */
export type Tables = Record<TableName, readonly Record<string, unknown>[]>;

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

/** A text counted in code points as `Array.from` counts them (a lone surrogate is one): its length and slices. */
interface CodePoints {
  length: number;
  slice(start: number, end: number): string;
}

const SURROGATE = /[\uD800-\uDFFF]/;

// Without surrogates code points are UTF-16 units; otherwise one table of where each code point starts, instead of
// an array of one-character strings for the whole source.
function codePointsOf(source: string): CodePoints {
  if (!SURROGATE.test(source)) return { length: source.length, slice: (a, b) => source.slice(a, b) };
  const at = new Int32Array(source.length + 1);
  let n = 0;
  for (let i = 0; i < source.length; i++) {
    at[n++] = i;
    const c = source.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < source.length) {
      const d = source.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  at[n] = source.length;
  return { length: n, slice: (a, b) => source.slice(at[a], at[b]) };
}

/** Why a row's span does not quote its source, or null when [start, end) in code points equals `quote` exactly. */
function offsetProblem(file: string, cps: CodePoints | null, start: unknown, end: unknown, quote: unknown): string | null {
  if (cps === null) return `source ${file} is not among the documents read`;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return 'start and end must be integers';
  const s = start as number;
  const e = end as number;
  if (s < 0 || e < s || e > cps.length) return `[${s}, ${e}) is outside ${file} (${cps.length} code points)`;
  const slice = cps.slice(s, e);
  return slice === quote ? null : `source slice [${s}, ${e}) of ${file} is ${show(slice)}, not ${show(quote)}`;
}

/** The source slice [start, end) in code points equals the declared column (quote or text), exactly. */
export function checkOffsets(tables: Tables, docs: readonly { file: string; source: string }[], columns: Assertions['integrity']['offsets'], report: ReportSink): void {
  const byFile = new Map(docs.map((d) => [d.file, d]));
  const fileOf = new Map(tables.documents.map((d) => [d['document_id'], d['source_file']]));
  const codePoints = new Map<string, CodePoints | null>();
  for (const [t, column] of Object.entries(columns) as [TableName, string][]) {
    const rows = tables[t];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as Record<string, unknown>;
      const file = fileOf.get(row['document_id']);
      if (typeof file !== 'string') continue; // an unknown document is a foreign-key problem, reported there
      let cps = codePoints.get(file);
      if (cps === undefined) {
        const doc = byFile.get(file);
        cps = doc === undefined ? null : codePointsOf(doc.source);
        codePoints.set(file, cps);
      }
      const why = offsetProblem(file, cps, row['start'], row['end'], row[column]);
      if (why !== null) {
        report.add(`offset-mismatch ${t}`, message('offset-mismatch', `record ${idOf(t, row, i)} field ${column}: ${why}`, { stage: 'validate', file: `${t}.json` }));
      }
    }
  }
}
