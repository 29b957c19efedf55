import sqlite3InitModule from '@sqlite.org/sqlite-wasm';
import { BuildFailure, message } from '../messages.ts';
import { TABLES, TABLE_NAMES, type Dataset, type TableName } from '../models/tables.ts';
import { columns, type Column } from '../schemas/columns.ts';
import type { PackageMeta } from './package.ts';
import { CREATE_FTS, FTS, LINK_TABLES, META_TABLES, createIndexes, createLinkTable, createTable, sqlType } from './sqlite-schema.ts';
import { LIST_SEPARATOR } from './tables.ts';
import { allowedValues, tableDescription } from './about.ts';

/** File name of the database in the output folder. */
export const SQLITE_PATH = 'kravkart.sqlite';

// A fixed page size (not the library's default, which differs between builds of SQLite) keeps the bytes stable.
const PAGE_SIZE = 4096;
// Bumped when the database's own layout (link, meta or FTS tables) changes incompatibly.
const SCHEMA_VERSION = 1;

type Sqlite3 = Awaited<ReturnType<typeof sqlite3InitModule>>;
/** An open database of the SQLite WebAssembly build. */
export type SqliteDb = InstanceType<Sqlite3['oo1']['DB']>;
type SqlValue = string | number | null;

let runtime: Promise<Sqlite3> | null = null;
/** The SQLite WebAssembly runtime (official build, with FTS5), loaded once per process. */
export function sqliteRuntime(): Promise<Sqlite3> {
  runtime ??= sqlite3InitModule({ print: () => {}, printErr: () => {} });
  return runtime;
}

/** What the database is made of: the dataset and the package metadata. */
export interface DatabaseInput {
  ds: Dataset;
  meta: PackageMeta;
  citation: string;
}

/**
 * `kravkart.sqlite`: every table with primary and foreign keys and indexes, a link table per list of keys,
 * the codebook as `_columns`, and an FTS5 index over the demands — byte-identical for the same input
 * (fixed page size, no timestamps, rows inserted in their published order, VACUUM at the end).
 */
export async function sqliteDatabase(input: DatabaseInput): Promise<Uint8Array> {
  const sqlite3 = await sqliteRuntime();
  const db = new sqlite3.oo1.DB(':memory:', 'c');
  try {
    db.exec(`PRAGMA page_size = ${PAGE_SIZE}; PRAGMA auto_vacuum = NONE; PRAGMA encoding = 'UTF-8'; PRAGMA user_version = ${SCHEMA_VERSION}`);
    db.exec('BEGIN');
    for (const sql of META_TABLES) db.exec(sql);
    for (const t of TABLE_NAMES) db.exec(createTable(t));
    for (const link of LINK_TABLES) db.exec(createLinkTable(link));
    db.exec(CREATE_FTS);

    fillMeta(db, input);
    for (const t of TABLE_NAMES) insertRows(db, t, input.ds[t], columns(t));
    for (const link of LINK_TABLES) insertLinks(db, link.name, input.ds[link.table], TABLES[link.table].primaryKey, link.field);
    insertFts(db, input.ds.demands);

    for (const sql of createIndexes()) db.exec(sql);
    db.exec(`INSERT INTO ${FTS.name}(${FTS.name}) VALUES ('optimize')`);
    db.exec('COMMIT');
    db.exec('ANALYZE');
    db.exec('VACUUM');

    const broken = db.selectArrays('PRAGMA foreign_key_check');
    if (broken.length > 0) {
      const where = broken.slice(0, 5).map((r) => `${String(r[0])} row ${String(r[1])} → ${String(r[2])}`).join('; ');
      throw new BuildFailure([message('internal', `${SQLITE_PATH}: ${broken.length} rows break a foreign key (${where})`, { stage: 'export', file: SQLITE_PATH })]);
    }
    return new Uint8Array(sqlite3.capi.sqlite3_js_db_export(db));
  } finally {
    db.close();
  }
}

/** Open database bytes (as written by `sqliteDatabase`) in memory, read-only unless asked, for queries and tests. */
export async function openSqlite(bytes: Uint8Array, options: { writable?: boolean } = {}): Promise<SqliteDb> {
  const sqlite3 = await sqliteRuntime();
  const db = new sqlite3.oo1.DB(':memory:', 'c');
  const p = sqlite3.wasm.allocFromTypedArray(bytes);
  const { SQLITE_DESERIALIZE_FREEONCLOSE, SQLITE_DESERIALIZE_READONLY, SQLITE_DESERIALIZE_RESIZEABLE } = sqlite3.capi;
  const mode = options.writable === true ? SQLITE_DESERIALIZE_RESIZEABLE : SQLITE_DESERIALIZE_READONLY;
  db.checkRc(sqlite3.capi.sqlite3_deserialize(db, 'main', p, bytes.length, bytes.length, SQLITE_DESERIALIZE_FREEONCLOSE | mode));
  return db;
}

/** A value as stored: null stays NULL, an empty list NULL, a list `; `-joined, a boolean 0/1. */
export function sqlValue(value: unknown, column: Column): SqlValue {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.map(String).join(LIST_SEPARATOR);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return column.type === 'string' ? String(value) : null;
}

function insertAll(db: SqliteDb, sql: string, rows: Iterable<SqlValue[]>): void {
  const stmt = db.prepare(sql);
  try {
    for (const values of rows) stmt.bind(values).stepReset();
  } finally {
    stmt.finalize();
  }
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

function insertRows(db: SqliteDb, table: TableName, rows: readonly object[], cols: readonly Column[]): void {
  const sql = `INSERT INTO ${table} (${cols.map((c) => c.name).join(', ')}) VALUES (${placeholders(cols.length)})`;
  insertAll(db, sql, (function* () {
    for (const r of rows) yield cols.map((c) => sqlValue((r as Record<string, unknown>)[c.name], c));
  })());
}

function insertLinks(db: SqliteDb, name: string, rows: readonly object[], key: string, field: string): void {
  const link = LINK_TABLES.find((l) => l.name === name);
  if (!link) return;
  const sql = `INSERT INTO ${name} (${key}, ${TABLES[link.target].primaryKey}, ordinal) VALUES (?, ?, ?)`;
  insertAll(db, sql, (function* () {
    for (const r of rows) {
      const row = r as Record<string, unknown>;
      const items = row[field];
      // A list names each actor once; a repeated item would break the link table's key, so only the first counts.
      const seen = new Set<string>();
      if (Array.isArray(items)) {
        for (const item of items) {
          const id = String(item);
          if (seen.has(id)) continue;
          seen.add(id);
          yield [String(row[key]), id, seen.size];
        }
      }
    }
  })());
}

function insertFts(db: SqliteDb, demands: Dataset['demands']): void {
  const sql = `INSERT INTO ${FTS.name} (${FTS.key}, ${FTS.columns.join(', ')}) VALUES (${placeholders(FTS.columns.length + 1)})`;
  insertAll(db, sql, (function* () {
    for (const d of demands) yield [d.demand_id, d.text, d.section];
  })());
}

function fillMeta(db: SqliteDb, input: DatabaseInput): void {
  const { ds, meta } = input;
  const licence = meta.licenses.map((l) => `${l.name} (${l.path})`).join(', ');
  const pkg: [string, string][] = [
    ['name', meta.name],
    ['title', meta.title],
    ['version', meta.version],
    ['licence', licence],
    ['code_licence', meta.code_licence],
    ['citation', input.citation],
    ['description', meta.description],
  ];
  insertAll(db, 'INSERT INTO _package (key, value) VALUES (?, ?)', pkg);

  const tables: SqlValue[][] = [
    ...TABLE_NAMES.map((t) => [t, tableDescription(t), ds[t].length]),
    ...LINK_TABLES.map((l) => [l.name, `One row per item of \`${l.table}.${l.field}\`, for joins.`, ds[l.table].reduce((n, r) => n + new Set((r as Record<string, unknown>)[l.field] as unknown[]).size, 0)]),
    [FTS.name, `FTS5 full-text index of the demands' ${FTS.columns.join(' and ')} (tokenizer ${FTS.tokenize}); join on ${FTS.key}.`, ds.demands.length],
  ];
  insertAll(db, 'INSERT INTO _tables (table_name, description, row_count) VALUES (?, ?, ?)', tables);

  const cols: SqlValue[][] = [];
  for (const t of TABLE_NAMES) {
    columns(t).forEach((c, i) => {
      cols.push([t, c.name, i + 1, sqlType(c), c.list ? `list of ${c.type}` : c.type, c.nullable || c.list ? 0 : 1, c.description, allowedValues(c) || null]);
    });
  }
  for (const l of LINK_TABLES) {
    const from = TABLES[l.table].primaryKey;
    const to = TABLES[l.target].primaryKey;
    cols.push([l.name, from, 1, 'TEXT', 'string', 1, `The ${l.table} row whose \`${l.field}\` lists the item.`, null]);
    cols.push([l.name, to, 2, 'TEXT', 'string', 1, `One item of \`${l.table}.${l.field}\`.`, null]);
    cols.push([l.name, 'ordinal', 3, 'INTEGER', 'integer', 1, `1-based position of the item in \`${l.table}.${l.field}\`.`, null]);
  }
  [FTS.key, ...FTS.columns].forEach((name, i) => {
    cols.push([FTS.name, name, i + 1, 'TEXT', 'string', name === FTS.key ? 1 : 0, name === FTS.key ? 'The demand (demands.demand_id); not indexed.' : `Indexed copy of demands.${name}.`, null]);
  });
  insertAll(db, 'INSERT INTO _columns (table_name, column_name, ordinal, type, data_type, required, description, allowed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', cols);
}
