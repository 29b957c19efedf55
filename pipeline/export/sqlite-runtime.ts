import Database from 'better-sqlite3';

/** An open database of the native SQLite binding (better-sqlite3). */
export type SqliteDb = Database.Database;

/** A prepared statement of an open database. */
export type SqliteStatement = Database.Statement<unknown[]>;

/**
 * Open the database file at `path` (created when missing) with the connection settings every build shares.
 * better-sqlite3 compiles SQLite with foreign keys enforced by default, unlike SQLite itself: rows of the
 * database may point forward to rows inserted later, and `PRAGMA foreign_key_check` finds what stays broken.
 */
export function openSqliteFile(path: string): SqliteDb {
  const db = new Database(path);
  db.pragma('foreign_keys = OFF');
  return db;
}

/** Open database bytes (as written to `kravkart.sqlite`) in memory, read-only unless asked, for queries and tests. */
export function openSqlite(bytes: Uint8Array, options: { writable?: boolean } = {}): SqliteDb {
  // The binding takes a Buffer only (and copies it): a view of the same memory, not a copy.
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const db = new Database(buffer, { readonly: options.writable !== true });
  // As SQLite's own default: a broken reference is found by `PRAGMA foreign_key_check`, not refused on insert.
  db.pragma('foreign_keys = OFF');
  return db;
}
