import { STREAMED_TABLES } from '../export/sink.ts';
import type { Context } from '../context.ts';
import { message, type Message } from '../messages.ts';
import { TABLES, TABLE_NAMES, type TableName } from '../models/tables.ts';
import { loadAssertions, type Assertions } from './assertions.ts';
import { checkRowCounts } from './coverage.ts';
import { checkDocument, type CheckedRows, type ValidatedSource } from './document-checks.ts';
import { idOf } from './integrity.ts';
import { Report, type Finding } from './report.ts';
import { checkDataPackage, checkTableSchema } from './schemas.ts';

export type { ValidatedSource } from './document-checks.ts';

type Row = Record<string, unknown>;
type ForeignKey = (typeof TABLES)[TableName]['foreignKeys'][number];

/** One document's rows, as plain records (possibly broken: every check is defensive), and the actors they may use. */
export interface RowsOfDocument extends CheckedRows {
  /** IDs of the actors the document's pipeline run declared it uses: each gets an actor row. */
  actorIds: ReadonlySet<string>;
}

interface PendingRef {
  table: TableName;
  field: string;
  id: string;
  value: string;
}

/**
 * Validates a dataset as it streams past, one document at a time, holding only what cross-document checks need:
 * the IDs seen (uniqueness), the actor IDs the rows rely on, counts. Each record is checked against the committed
 * JSON Schemas (a record with a key its JSON file would not carry fails too), each span against its source.
 */
export class DatasetValidator {
  private readonly expect: Assertions;
  private readonly report: Report;
  private readonly ids = new Map<TableName, Map<unknown, number>>(TABLE_NAMES.map((t) => [t, new Map()]));
  private readonly counts = new Map<TableName, number>(TABLE_NAMES.map((t) => [t, 0]));
  private readonly documentIds = new Set<unknown>();
  /** Actor IDs rows pointed to through their document's declared uses: each must get an actor row. */
  private readonly usedActors = new Map<string, { table: TableName; field: string; id: string }>();
  /** References that could not be resolved when their row passed (a bug): checked again at the end. */
  private readonly pending: PendingRef[] = [];

  constructor(private readonly ctx: Context, expect?: Assertions) {
    this.expect = expect ?? loadAssertions();
    this.report = new Report(this.expect.report_limit);
  }

  /**
   * Check one document's rows; `source` is the document's text for the offset checks. `findings`, when given, are
   * what `checkDocument` found in the same rows and source elsewhere (a worker, the cache); only the checks across
   * documents run here then.
   */
  add(rows: RowsOfDocument, source: ValidatedSource | null, findings?: readonly Finding[]): void {
    const doc = rows.document;
    if (doc !== null) this.documentIds.add(doc['document_id']);
    for (const [assertion, m] of findings ?? checkDocument(rows, source, this.expect, this.ctx.options.strict)) this.report.add(assertion, m);
    for (const t of STREAMED_TABLES) this.keys(t, rows[t], rows.actorIds);
  }

  /** Check the corpus-wide tables and every reference left open; then the row counts. */
  finish(documents: readonly Row[], actors: readonly Row[]): void {
    this.table('documents', documents);
    this.table('actors', actors);
    const actorIds = new Set(actors.map((a) => a['actor_id']));
    const documentIds = new Set(documents.map((d) => d['document_id']));
    for (const [value, use] of this.usedActors) {
      if (!actorIds.has(value)) this.fk(use.table, use.field, use.id, value, 'actors');
    }
    for (const p of this.pending) {
      const target = this.foreignKey(p.table, p.field)?.table;
      const known = target === 'actors' ? actorIds : target === 'documents' ? documentIds : null;
      if (target !== undefined && !(known?.has(p.value) ?? false)) this.fk(p.table, p.field, p.id, p.value, target);
    }
    checkRowCounts(this.counts, this.expect.coverage, this.ctx.options.strict, this.report);
  }

  /** Check `datapackage.json` against the Frictionless profile. */
  checkDescriptor(descriptor: unknown): void {
    checkDataPackage(descriptor, this.report);
  }

  /** Every message so far (first N of each assertion, then a count of the rest). */
  messages(): Message[] {
    return this.report.messages();
  }

  // Schema, unique IDs and foreign keys of a corpus-wide table (documents, actors), checked at the end.
  private table(t: TableName, rows: readonly Row[]): void {
    if (rows.length === 0) return;
    checkTableSchema(t, rows, this.report);
    this.keys(t, rows, null);
  }

  // Unique IDs and foreign keys of some rows of a table; `actorIds` null: actors are checked at the end.
  private keys(t: TableName, rows: readonly Row[], actorIds: ReadonlySet<string> | null): void {
    if (rows.length === 0) return;
    const { primaryKey: key, foreignKeys } = TABLES[t];
    const seen = this.ids.get(t) as Map<unknown, number>;
    let n = this.counts.get(t) ?? 0;
    for (const row of rows) {
      const id = row[key];
      const first = seen.get(id);
      if (first === undefined) seen.set(id, n);
      else this.report.add(`duplicate-id ${t}`, message('duplicate-id', `${t}.${key} ${String(id)} is used by records #${first} and #${n}`, { stage: 'validate', file: `${t}.json` }));
      if (foreignKeys.length > 0) {
        const rowId = idOf(t, row, n);
        for (const fk of foreignKeys) {
          const value = row[fk.field];
          if ('many' in fk && fk.many && Array.isArray(value)) for (const v of value as unknown[]) this.reference(t, fk, v, rowId, actorIds);
          else this.reference(t, fk, value, rowId, actorIds);
        }
      }
      n += 1;
    }
    this.counts.set(t, n);
  }

  // One value of a foreign key of record `id`: resolved now when it can be, else kept for the end.
  private reference(t: TableName, fk: ForeignKey, v: unknown, id: string, actorIds: ReadonlySet<string> | null): void {
    if (v === null) return;
    const s = String(v);
    if (fk.table === 'documents' && this.documentIds.has(v)) return;
    if (fk.table === 'actors' && actorIds !== null && actorIds.has(s)) {
      if (!this.usedActors.has(s)) this.usedActors.set(s, { table: t, field: fk.field, id });
      return;
    }
    this.pending.push({ table: t, field: fk.field, id, value: s });
  }

  private foreignKey(t: TableName, field: string): ForeignKey | undefined {
    return TABLES[t].foreignKeys.find((f) => f.field === field);
  }

  private fk(t: TableName, field: string, id: string, value: string, target: TableName): void {
    this.report.add(
      `foreign-key ${t}.${field}`,
      message('foreign-key', `record ${id} field ${field}: ${value} is not an ID in ${target}.${TABLES[target].primaryKey}`, { stage: 'validate', file: `${t}.json` }),
    );
  }
}
