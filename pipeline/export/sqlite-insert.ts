import type { Column } from '../schemas/columns.ts';
import { sqlValue, type SqlValue } from './sqlite-rows.ts';
import type { Sqlite3, SqliteDb } from './sqlite-runtime.ts';

// The C functions used per value, called straight through the WebAssembly exports: the object-oriented wrapper
// checks and converts every argument, which costs more than SQLite's own work on a row.
interface RawApi {
  sqlite3_bind_text(stmt: number, index: number, text: number, bytes: number, destructor: number): number;
  sqlite3_bind_int(stmt: number, index: number, value: number): number;
  sqlite3_bind_double(stmt: number, index: number, value: number): number;
  sqlite3_bind_null(stmt: number, index: number): number;
  sqlite3_step(stmt: number): number;
  sqlite3_reset(stmt: number): number;
}

const SQLITE_OK = 0;
const SQLITE_DONE = 101;
// The text stays where it is until the statement runs; SQLite need not copy it.
const SQLITE_STATIC = 0;
const encoder = new TextEncoder();

/**
 * A prepared `INSERT` of one table's rows, each value bound on its own: text is encoded once, directly into a
 * buffer in the WebAssembly heap that SQLite reads in place, and numbers and NULLs pass as plain arguments.
 */
export class RowInserter {
  private readonly c: RawApi;
  private readonly stmt: ReturnType<SqliteDb['prepare']>;
  private buffer = 0;
  private capacity = 0;

  constructor(
    private readonly sqlite3: Sqlite3,
    private readonly db: SqliteDb,
    table: string,
    names: readonly string[],
  ) {
    this.c = sqlite3.wasm.exports as RawApi;
    this.stmt = db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
  }

  /** Insert a record, its values read and stored as `sqlValue` does, in the order of `cols`. */
  insertRecord(record: object, cols: readonly Column[]): void {
    const r = record as Record<string, unknown>;
    this.insert(cols.map((c) => sqlValue(r[c.name], c)));
  }

  /** Insert one row of values in the statement's column order. */
  insert(values: readonly SqlValue[]): void {
    const { c } = this;
    const p = this.stmt.pointer as number;
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    let need = 0;
    for (const v of values) if (typeof v === 'string') need += v.length * 3;
    this.reserve(need);
    const heap = this.sqlite3.wasm.heap8u();
    let at = this.buffer;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as SqlValue;
      let rc: number;
      if (v === null) rc = c.sqlite3_bind_null(p, i + 1);
      else if (typeof v === 'number') rc = Number.isInteger(v) && Math.abs(v) < 2 ** 31 ? c.sqlite3_bind_int(p, i + 1, v) : c.sqlite3_bind_double(p, i + 1, v);
      else {
        const written = encoder.encodeInto(v, heap.subarray(at, this.buffer + this.capacity)).written;
        rc = c.sqlite3_bind_text(p, i + 1, at, written, SQLITE_STATIC);
        at += written;
      }
      if (rc !== SQLITE_OK) this.fail(rc);
    }
    const rc = c.sqlite3_step(p);
    c.sqlite3_reset(p);
    if (rc !== SQLITE_DONE) this.fail(rc);
  }

  /** Free the statement and the buffer. */
  finalize(): void {
    this.stmt.finalize();
    this.release();
  }

  // The buffer only grows between rows, when no bound value points into it any more (every row binds anew).
  private reserve(bytes: number): void {
    if (bytes <= this.capacity) return;
    this.release();
    this.capacity = Math.max(bytes, 64 * 1024);
    this.buffer = this.sqlite3.wasm.alloc(this.capacity);
  }

  private release(): void {
    if (this.buffer !== 0) this.sqlite3.wasm.dealloc(this.buffer);
    this.buffer = 0;
    this.capacity = 0;
  }

  private fail(rc: number): never {
    // checkRc turns a result code into the library's error, with SQLite's message.
    this.db.checkRc(rc);
    throw new Error(`SQLite result code ${rc}`);
  }
}
