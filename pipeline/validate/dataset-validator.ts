import type { Context } from '../context.ts';
import { message, type Message } from '../messages.ts';
import { TABLES, TABLE_NAMES, type TableName } from '../models/tables.ts';
import { loadAssertions, type Assertions } from './assertions.ts';
import { checkDocumentCoverage, checkRowCounts } from './coverage.ts';
import { checkOffsets, idOf, type Tables } from './integrity.ts';
import { Report } from './report.ts';
import { checkDataPackage, checkTableSchema } from './schemas.ts';

type Row = Record<string, unknown>;
type ForeignKey = (typeof TABLES)[TableName]['foreignKeys'][number];

/** One document as validate needs it: its file, its decoded source text (null when unreadable), curated metadata. */
export interface ValidatedSource {
  file: string;
  source: string | null;
  undated: boolean;
}

/** One document's rows, as plain records (possibly broken: every check is defensive), and the actors they may use. */
export interface RowsOfDocument {
  /** The document's row, or null for rows that belong to no known document (reported as foreign-key problems). */
  document: Row | null;
  mentions: readonly Row[];
  demands: readonly Row[];
  dates: readonly Row[];
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

  /** Check one document's rows; `source` is the document's text for the offset checks. */
  add(rows: RowsOfDocument, source: ValidatedSource | null): void {
    const doc = rows.document;
    if (doc !== null) this.documentIds.add(doc['document_id']);
    const tables: Tables = { documents: doc === null ? [] : [doc], actors: [], mentions: [...rows.mentions], demands: [...rows.demands], dates: [...rows.dates] };
    for (const t of ['mentions', 'demands', 'dates'] as const) {
      this.table(t, tables[t], rows.actorIds);
    }
    if (source !== null && doc !== null) {
      checkOffsets(tables, source.source === null ? [] : [{ file: source.file, source: source.source }], this.expect.integrity.offsets, this.report);
      const count = (rs: readonly Row[]) => rs.filter((r) => r['document_id'] === doc['document_id']).length;
      checkDocumentCoverage(doc, { mentions: count(rows.mentions), demands: count(rows.demands) }, source.undated, this.expect.coverage, this.ctx.options.strict, this.report);
    }
  }

  /** Check the corpus-wide tables and every reference left open; then the row counts. */
  finish(documents: readonly Row[], actors: readonly Row[]): void {
    this.table('documents', documents, null);
    this.table('actors', actors, null);
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

  // Schema, unique IDs and foreign keys of some rows of a table; `actorIds` null: actors are checked at the end.
  private table(t: TableName, rows: readonly Row[], actorIds: ReadonlySet<string> | null): void {
    if (rows.length === 0) return;
    checkTableSchema(t, rows, this.report);
    const key = TABLES[t].primaryKey;
    const seen = this.ids.get(t) as Map<unknown, number>;
    let n = this.counts.get(t) ?? 0;
    rows.forEach((row) => {
      const id = row[key];
      const first = seen.get(id);
      if (first === undefined) seen.set(id, n);
      else this.report.add(`duplicate-id ${t}`, message('duplicate-id', `${t}.${key} ${String(id)} is used by records #${first} and #${n}`, { stage: 'validate', file: `${t}.json` }));
      n += 1;
      for (const fk of TABLES[t].foreignKeys) this.reference(t, fk, row, idOf(t, row, n - 1), actorIds);
    });
    this.counts.set(t, n);
  }

  private reference(t: TableName, fk: ForeignKey, row: Row, id: string, actorIds: ReadonlySet<string> | null): void {
    const value = row[fk.field];
    const values = 'many' in fk && fk.many && Array.isArray(value) ? (value as unknown[]) : [value];
    for (const v of values) {
      if (v === null) continue;
      const s = String(v);
      if (fk.table === 'documents' && this.documentIds.has(v)) continue;
      if (fk.table === 'actors' && actorIds !== null && actorIds.has(s)) {
        if (!this.usedActors.has(s)) this.usedActors.set(s, { table: t, field: fk.field, id });
        continue;
      }
      this.pending.push({ table: t, field: fk.field, id, value: s });
    }
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
