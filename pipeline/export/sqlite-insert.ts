import type { Column } from '../schemas/columns.ts';
import { sqlValue, type SqlValue } from './sqlite-rows.ts';
import type { SqliteDb, SqliteStatement } from './sqlite-runtime.ts';

// Most rows one multi-row INSERT takes: past about ten rows a longer statement saves nothing more per row, while
// every row count up to it gets a prepared statement of its own.
const MAX_ROWS = 32;
// Most values a statement may bind: SQLITE_MAX_VARIABLE_NUMBER, 999 in any build of SQLite before 3.32 (32766 in
// this library's, `PRAGMA compile_options`), so the statements work with whichever SQLite the binding brings.
const MAX_VARIABLES = 999;

/**
 * The `INSERT`s of one table's rows: a row inserted at once (`insert`, `insertRecord`), or rows queued and
 * inserted by one multi-row statement per flush (`queueRecord`, `flush`), in the same order and with the same
 * rowids either way. Values are bound as arguments, not as one array: the binding reads an array's items
 * through the slow generic property lookup of the V8 API, arguments directly.
 */
export class RowInserter {
  private readonly one: SqliteStatement;
  // Multi-row statements by row count, prepared when a flush first needs one.
  private readonly many = new Map<number, SqliteStatement>();
  private readonly width: number;
  private readonly maxRows: number;
  // The values of the queued rows, flat, in column order; and one row's values, reused by every single insert.
  private readonly queued: SqlValue[] = [];
  private readonly row: SqlValue[];
  private queuedRows = 0;

  constructor(
    private readonly db: SqliteDb,
    private readonly table: string,
    private readonly names: readonly string[],
  ) {
    this.width = names.length;
    this.maxRows = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_VARIABLES / this.width)));
    this.one = db.prepare(this.sql(1, ''));
    this.row = new Array<SqlValue>(this.width).fill(null);
  }

  /** Insert a record now, its values read and stored as `sqlValue` does, in the order of `cols`. */
  insertRecord(record: object, cols: readonly Column[]): void {
    const r = record as Record<string, unknown>;
    const row = this.row;
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i] as Column;
      row[i] = sqlValue(r[c.name], c);
    }
    this.one.run(...row);
  }

  /**
   * Insert one row of values now, in the statement's column order. Numbers bind as SQLite REALs; an INTEGER
   * column's affinity stores a whole one as an integer, the same as binding it as one.
   */
  insert(values: readonly SqlValue[]): void {
    this.one.run(...values);
  }

  /**
   * Queue a record for the next flush (which comes by itself once a statement's worth is queued). Queued rows
   * are not in the table yet: flush before anything reads it, and before another table's rows go in, since the
   * order rows of different tables go in decides which pages each table gets.
   */
  queueRecord(record: object, cols: readonly Column[]): void {
    const r = record as Record<string, unknown>;
    const queued = this.queued;
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i] as Column;
      queued.push(sqlValue(r[c.name], c));
    }
    if (++this.queuedRows === this.maxRows) this.flush();
  }

  /** Insert every queued row, by one statement. */
  flush(): void {
    const rows = this.queuedRows;
    if (rows === 0) return;
    try {
      this.statement(rows).run(...this.queued);
    } finally {
      this.queued.length = 0;
      this.queuedRows = 0;
    }
  }

  private statement(rows: number): SqliteStatement {
    if (rows === 1) return this.one;
    let stmt = this.many.get(rows);
    if (stmt === undefined) {
      // OR FAIL: a multi-row INSERT that may stop at a broken constraint would otherwise keep a statement
      // journal, a copy of every page it changes, to undo its earlier rows; no row breaks one in a good build,
      // and a broken one fails the build either way (the database is scratch until it is complete).
      stmt = this.db.prepare(this.sql(rows, ' OR FAIL'));
      this.many.set(rows, stmt);
    }
    return stmt;
  }

  private sql(rows: number, conflict: string): string {
    const tuple = `(${this.names.map(() => '?').join(', ')})`;
    return `INSERT${conflict} INTO ${this.table} (${this.names.join(', ')}) VALUES ${new Array<string>(rows).fill(tuple).join(', ')}`;
  }
}
