import sqlite3InitModule from '@sqlite.org/sqlite-wasm';

/** The SQLite WebAssembly runtime's API object. */
export type Sqlite3 = Awaited<ReturnType<typeof sqlite3InitModule>>;
/** An open database of the SQLite WebAssembly build. */
export type SqliteDb = InstanceType<Sqlite3['oo1']['DB']>;

let runtime: Promise<Sqlite3> | null = null;
/** The SQLite WebAssembly runtime (official build, with FTS5), loaded once per process. */
export function sqliteRuntime(): Promise<Sqlite3> {
  runtime ??= sqlite3InitModule({ print: () => {}, printErr: () => {} });
  return runtime;
}

/** Open database bytes (as written to `kravkart.sqlite`) in memory, read-only unless asked, for queries and tests. */
export async function openSqlite(bytes: Uint8Array, options: { writable?: boolean } = {}): Promise<SqliteDb> {
  const sqlite3 = await sqliteRuntime();
  const db = new sqlite3.oo1.DB(':memory:', 'c');
  // A plain Uint8Array view: the allocator reads the element size off the constructor, and a Buffer's is unknown to it.
  const p = sqlite3.wasm.allocFromTypedArray(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const { SQLITE_DESERIALIZE_FREEONCLOSE, SQLITE_DESERIALIZE_READONLY, SQLITE_DESERIALIZE_RESIZEABLE } = sqlite3.capi;
  const mode = options.writable === true ? SQLITE_DESERIALIZE_RESIZEABLE : SQLITE_DESERIALIZE_READONLY;
  db.checkRc(sqlite3.capi.sqlite3_deserialize(db, 'main', p, bytes.length, bytes.length, SQLITE_DESERIALIZE_FREEONCLOSE | mode));
  return db;
}
