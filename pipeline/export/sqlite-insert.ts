import type { Column } from '../schemas/columns.ts';
import { sqlValue, type SqlValue } from './sqlite-rows.ts';
import type { SqliteDb, SqliteStatement } from './sqlite-runtime.ts';

/** A prepared `INSERT` of one table's rows, prepared once and run for every row. */
export class RowInserter {
  private readonly stmt: SqliteStatement;

  constructor(db: SqliteDb, table: string, names: readonly string[]) {
    this.stmt = db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
  }

  /** Insert a record, its values read and stored as `sqlValue` does, in the order of `cols`. */
  insertRecord(record: object, cols: readonly Column[]): void {
    const r = record as Record<string, unknown>;
    this.stmt.run(cols.map((c) => sqlValue(r[c.name], c)));
  }

  /**
   * Insert one row of values in the statement's column order. Numbers bind as SQLite REALs; an INTEGER
   * column's affinity stores a whole one as an integer, the same as binding it as one.
   */
  insert(values: readonly SqlValue[]): void {
    this.stmt.run(values);
  }
}
