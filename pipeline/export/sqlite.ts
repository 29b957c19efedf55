import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { BuildFailure, message } from '../messages.ts';
import { TABLES, TABLE_NAMES, type TableName } from '../models/tables.ts';
import { columns } from '../schemas/columns.ts';
import { moveIntoOutput } from './out-file.ts';
import { STREAMED_TABLES, type CorpusTail, type DocumentRows, type OutputSink, type SinkDirs, type WrittenFile } from './sink.ts';
import { META_COLUMNS, metaRows } from './sqlite-meta.ts';
import { RowInserter } from './sqlite-insert.ts';
import { linkRows, type SqlValue } from './sqlite-rows.ts';
import { openSqliteFile, type SqliteDb, type SqliteStatement } from './sqlite-runtime.ts';
import { CREATE_FTS, FTS, LINK_TABLES, META_TABLES, checkViolations, createIndexes, createLinkTable, createTable } from './sqlite-schema.ts';

export { openSqlite, type SqliteDb } from './sqlite-runtime.ts';
export { sqlValue } from './sqlite-rows.ts';

/** File name of the database in the output folder. */
export const SQLITE_PATH = 'kravkart.sqlite';

// A fixed page size (not the library's default, which differs between builds of SQLite) keeps the bytes stable.
const PAGE_SIZE = 4096;
// Bumped when the database's own layout (link, meta or FTS tables) changes incompatibly.
const SCHEMA_VERSION = 1;
// The page cache (KiB) is all of the database that sits in memory; the rest stays in the scratch file.
const CACHE_KIB = 16 * 1024;

// Demands go into the full-text index this many at a time: FTS5 writes its pending terms out as a new segment at
// the end of every statement, so one statement per document would make a segment per document to merge.
const FTS_BATCH = 8192;

// Settings whose defaults are chosen when SQLite is compiled, pinned so that any build of the library writes the
// same bytes: the page size and layout, the header's numbers, the order the full-text copy's unordered SELECT
// reads the demands in, ANALYZE reading every index entry (not a sample), and sorts on this thread alone.
const PINNED = [
  `page_size = ${PAGE_SIZE}`,
  'auto_vacuum = NONE',
  "encoding = 'UTF-8'",
  'application_id = 0',
  `user_version = ${SCHEMA_VERSION}`,
  'reverse_unordered_selects = OFF',
  'analysis_limit = 0',
  'threads = 0',
];

/**
 * `kravkart.sqlite`, built as the documents stream past: every table with primary and foreign keys and indexes,
 * a link table per list of keys, the codebook as `_columns`, and an FTS5 index over the demands. Each document's
 * rows go into the database as they arrive (the full-text index takes them from there in batches), and the
 * database lives in a scratch file, so memory holds only SQLite's page cache. Byte-identical for the same
 * input: fixed page size, no timestamps, the same statements in the same order, freed space zeroed.
 */
export class DatabaseSink implements OutputSink {
  // Rows by table, link table and full-text table, counted as they go in, for `_tables`.
  private readonly counts = new Map<string, number>();
  // Read once: `columns` derives them from the JSON Schema, far too slow to repeat per row.
  private readonly cols = new Map(TABLE_NAMES.map((t) => [t, columns(t)]));
  // The link tables each published table's rows feed (demands → demand_claimants).
  private readonly links = new Map(TABLE_NAMES.map((t) => [t, LINK_TABLES.filter((l) => l.table === t)]));
  private closed = false;

  private constructor(
    private readonly db: SqliteDb,
    private readonly file: string,
    private readonly dirs: SinkDirs,
    private readonly inserts: Map<string, RowInserter>,
    // Copies the demands added since the last call (rowid > ?) into the full-text index.
    private readonly indexDemands: SqliteStatement,
  ) {}

  /** Create the empty database in the scratch folder, ready for the first document. */
  static async open(dirs: SinkDirs): Promise<DatabaseSink> {
    mkdirSync(dirs.scratch, { recursive: true });
    const file = resolve(dirs.scratch, `${SQLITE_PATH}.build`);
    rmSync(file, { force: true });
    let db: SqliteDb;
    try {
      db = openSqliteFile(file);
    } catch (e) {
      throw new Error(`cannot create ${file}: ${String(e)}`, { cause: e });
    }
    try {
      // No journal: the file is scratch until it is complete, and a failed build starts it again. Nobody else
      // opens it, so one lock held throughout spares a lock call per statement.
      db.exec(`PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE; PRAGMA cache_size = -${CACHE_KIB}`);
      // Temporary data (the sort behind CREATE INDEX) goes to files once it outgrows the cache, whatever the
      // build of SQLite defaults to: kept in memory, it would make memory grow with the corpus.
      db.exec('PRAGMA temp_store = FILE');
      // Freed pages and cells are zeroed, so what a reused page holds never depends on whether it was still
      // in the cache: the bytes are the same for any cache size.
      db.exec('PRAGMA secure_delete = ON');
      db.exec(PINNED.map((p) => `PRAGMA ${p};`).join(' '));
      db.exec('BEGIN');
      for (const sql of META_TABLES) db.exec(sql);
      for (const t of TABLE_NAMES) db.exec(createTable(t));
      for (const link of LINK_TABLES) db.exec(createLinkTable(link));
      db.exec(CREATE_FTS);
      // SQLite sets up each vocabulary CHECK anew for every run of an INSERT, while one query over the finished
      // table checks them all in a fraction of that time: rows go in unchecked, and `finish` runs that query.
      db.exec('PRAGMA ignore_check_constraints = ON');
      const inserts = new Map<string, RowInserter>();
      for (const t of TABLE_NAMES) inserts.set(t, new RowInserter(db, t, columns(t).map((c) => c.name)));
      for (const l of LINK_TABLES) inserts.set(l.name, new RowInserter(db, l.name, [TABLES[l.table].primaryKey, TABLES[l.target].primaryKey, 'ordinal']));
      for (const [t, names] of Object.entries(META_COLUMNS)) inserts.set(t, new RowInserter(db, t, names));
      // The index reads the demands back from their table, so their text crosses from JavaScript only once.
      const fts = db.prepare(`INSERT INTO ${FTS.name} (${FTS.key}, ${FTS.columns.join(', ')}) SELECT ${FTS.key}, ${FTS.columns.join(', ')} FROM demands WHERE rowid > ?`);
      return new DatabaseSink(db, file, dirs, inserts, fts);
    } catch (e) {
      db.close();
      throw e;
    }
  }

  /** Insert one document's mentions, demands (with their links and full-text rows) and dates. */
  add(rows: DocumentRows): void {
    for (const t of STREAMED_TABLES) this.insertRecords(t, rows[t]);
    if (this.count('demands') - this.count(FTS.name) >= FTS_BATCH) this.indexNewDemands();
  }

  /**
   * Insert the documents, actors and meta tables, build the indexes, merge the full-text index, check every
   * constraint, and write `kravkart.sqlite` into the output folder.
   */
  async finish(tail: CorpusTail): Promise<WrittenFile[]> {
    try {
      this.insertRecords('documents', tail.documents);
      this.insertRecords('actors', tail.actors);
      this.indexNewDemands();
      this.verifyChecks();
      this.db.exec('PRAGMA ignore_check_constraints = OFF');
      const meta = metaRows(tail.meta, tail.citation, this.counts);
      for (const row of meta.package) this.insertValues('_package', row);
      for (const row of meta.tables) this.insertValues('_tables', row);
      for (const row of meta.columns) this.insertValues('_columns', row);

      // Merging the full-text index frees the pages of its old segments; building the indexes after it reuses
      // them, so the file keeps no free pages. VACUUM would only repack the pages (1 % smaller, +10 % time).
      this.db.exec(`INSERT INTO ${FTS.name}(${FTS.name}) VALUES ('optimize')`);
      for (const sql of createIndexes()) this.db.exec(sql);
      // Statistics for the query planner (sqlite_stat1): a scan of each index, a few per cent of the build.
      this.db.exec('ANALYZE');
      this.db.exec('COMMIT');

      const broken = this.db.prepare('PRAGMA foreign_key_check').raw().all() as unknown[][];
      if (broken.length > 0) {
        const where = broken.slice(0, 5).map((r) => `${String(r[0])} row ${String(r[1])} → ${String(r[2])}`).join('; ');
        throw failure(`${broken.length} rows break a foreign key (${where})`);
      }
      this.close();
      return [moveIntoOutput(this.file, this.dirs.out, SQLITE_PATH)];
    } finally {
      this.close();
      rmSync(this.file, { force: true });
    }
  }

  // Copy the demands added since the last call into the full-text index.
  private indexNewDemands(): void {
    const indexed = this.count(FTS.name);
    const demands = this.count('demands');
    if (demands === indexed) return;
    this.indexDemands.run(indexed);
    this.counts.set(FTS.name, demands);
  }

  // Every row of every published table passes the table's CHECK constraints, as if they had been on.
  private verifyChecks(): void {
    for (const t of TABLE_NAMES) {
      const query = checkViolations(t);
      if (query === null) continue;
      const rowids = this.db.prepare(`${query} LIMIT 5`).pluck().all();
      if (rowids.length > 0) throw failure(`${t} rows ${rowids.map(String).join(', ')} break a CHECK constraint`);
    }
  }

  // Records of a published table, in order, with the link rows of their list columns. The order in which rows
  // of different tables go in decides which pages each table gets, so it stays that of one row at a time: a
  // table without links takes its records by multi-row statements, all in before the next table's; a record
  // with links goes in alone, followed by its links. (Links made by a trigger would keep that order within one
  // statement, but a trigger costs more per row than the statement it saves.)
  private insertRecords(table: TableName, records: readonly object[]): void {
    if (records.length === 0) return;
    const ins = this.inserter(table);
    const cols = this.cols.get(table) ?? columns(table);
    const links = this.links.get(table) ?? [];
    if (links.length === 0) {
      for (const r of records) ins.queueRecord(r, cols);
      ins.flush();
    } else {
      const key = TABLES[table].primaryKey;
      for (const r of records) {
        ins.insertRecord(r, cols);
        for (const l of links) for (const link of linkRows(r, key, l.field)) this.insertValues(l.name, link);
      }
    }
    this.counts.set(table, this.count(table) + records.length);
  }

  private insertValues(table: string, values: readonly SqlValue[]): void {
    this.inserter(table).insert(values);
    this.counts.set(table, this.count(table) + 1);
  }

  private inserter(table: string): RowInserter {
    const ins = this.inserts.get(table);
    if (!ins) throw new Error(`no insert statement for ${table}`);
    return ins;
  }

  private count(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    // Closing finalizes every statement prepared on the database.
    this.db.close();
  }
}

// A database that contradicts its own schema is a bug of the pipeline, not of the data.
function failure(reason: string): BuildFailure {
  return new BuildFailure([message('internal', `${SQLITE_PATH}: ${reason}`, { stage: 'export', file: SQLITE_PATH })]);
}
