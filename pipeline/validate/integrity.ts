import type { SourceDoc } from '../document.ts';
import { message } from '../messages.ts';
import { TABLES, TABLE_NAMES, type TableName } from '../models/tables.ts';
import type { Assertions } from './assertions.ts';
import type { Report } from './report.ts';

/** The parsed JSON tables, rows as plain objects (they may violate their schema; every check is defensive). */
export type Tables = Record<TableName, Record<string, unknown>[]>;

const idOf = (table: TableName, row: Record<string, unknown>, i: number): string => {
  const v = row[TABLES[table].primaryKey];
  return typeof v === 'string' ? v : `#${i}`;
};

// Long quotes are cut in messages: enough to find the record, short enough to read.
const show = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
};

/** Every primary key is unique in its table. */
export function checkUniqueIds(tables: Tables, report: Report): void {
  for (const t of TABLE_NAMES) {
    const key = TABLES[t].primaryKey;
    const seen = new Map<unknown, number>();
    tables[t].forEach((row, i) => {
      const id = row[key];
      const first = seen.get(id);
      if (first === undefined) seen.set(id, i);
      else report.add(`duplicate-id ${t}`, message('duplicate-id', `${t}.${key} ${String(id)} is used by records #${first} and #${i}`, { stage: 'validate', file: `${t}.json` }));
    });
  }
}

/** Every foreign key (each item, for list columns) resolves to a row of the referenced table; null is allowed. */
export function checkForeignKeys(tables: Tables, report: Report): void {
  const keys = new Map<TableName, Set<unknown>>();
  const keysOf = (t: TableName) => {
    let s = keys.get(t);
    if (!s) {
      s = new Set(tables[t].map((r) => r[TABLES[t].primaryKey]));
      keys.set(t, s);
    }
    return s;
  };
  for (const t of TABLE_NAMES) {
    for (const fk of TABLES[t].foreignKeys) {
      const targets = keysOf(fk.table);
      tables[t].forEach((row, i) => {
        const value = row[fk.field];
        const values = 'many' in fk && fk.many && Array.isArray(value) ? value : [value];
        for (const v of values) {
          if (v === null || targets.has(v)) continue;
          report.add(
            `foreign-key ${t}.${fk.field}`,
            message('foreign-key', `record ${idOf(t, row, i)} field ${fk.field}: ${String(v)} is not an ID in ${fk.table}.${TABLES[fk.table].primaryKey}`, {
              stage: 'validate',
              file: `${t}.json`,
            }),
          );
        }
      });
    }
  }
}

/** The source slice [start, end) in code points equals the declared column (quote or text), exactly. */
export function checkOffsets(tables: Tables, docs: readonly SourceDoc[], columns: Assertions['integrity']['offsets'], report: Report): void {
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
