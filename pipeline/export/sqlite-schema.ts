import { TABLES, TABLE_NAMES, type TableName } from '../models/tables.ts';
import { columns, type Column } from '../schemas/columns.ts';

/** A table of the database besides the published ones: the link table of a multi-valued foreign key. */
export interface LinkTable {
  name: string;
  /** Published table and its list column the rows come from, e.g. demands.claimant_ids. */
  table: TableName;
  field: string;
  /** Table the list items point to. */
  target: TableName;
}

/** Full-text table over the demands: which columns it indexes, and with which tokenizer. */
export const FTS = {
  name: 'demands_fts',
  key: 'demand_id',
  columns: ['text', 'section'],
  // Case-folding without diacritics folding: in Norwegian "får" and "far" are different words.
  tokenize: 'unicode61 remove_diacritics 0',
} as const;

/** One link table per multi-valued foreign key: demands.claimant_ids → `demand_claimants`. */
export const LINK_TABLES: LinkTable[] = TABLE_NAMES.flatMap((table) =>
  TABLES[table].foreignKeys
    .filter((fk) => 'many' in fk && fk.many)
    .map((fk) => ({ name: `${table.replace(/s$/, '')}_${fk.field.replace(/_ids$/, 's')}`, table, field: fk.field, target: fk.table })),
);

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;
// A comment ends at the line's end, so a description must stay on one line.
const comment = (s: string): string => `-- ${s.replace(/[\r\n]+/g, ' ')}`;

/** SQLite storage class of a column: lists are `; `-joined TEXT, booleans INTEGER 0/1. */
export function sqlType(c: Column): 'TEXT' | 'INTEGER' | 'REAL' {
  if (c.list || c.type === 'string') return 'TEXT';
  return c.type === 'number' ? 'REAL' : 'INTEGER';
}

function columnDef(table: TableName, c: Column): string {
  const spec = TABLES[table];
  const parts = [c.name, sqlType(c)];
  if (!c.nullable && !c.list) parts.push('NOT NULL');
  if (c.name === spec.primaryKey) parts.push('PRIMARY KEY');
  const fk = spec.foreignKeys.find((k) => k.field === c.name && !('many' in k && k.many));
  if (fk) parts.push(`REFERENCES ${fk.table} (${TABLES[fk.table].primaryKey})`);
  for (const check of columnChecks(c)) parts.push(`CHECK (${check})`);
  return parts.join(' ');
}

// The CHECK expressions of a column: its vocabulary, or 0/1 for a boolean.
function columnChecks(c: Column): string[] {
  const out: string[] = [];
  if (c.enum !== null && !c.list) out.push(`${c.name} IN (${c.enum.map(quote).join(', ')})`);
  if (c.type === 'boolean') out.push(`${c.name} IN (0, 1)`);
  return out;
}

/**
 * A query for the rowids of a published table's rows that break one of its CHECK constraints (none when the
 * table has no CHECK), for verifying rows inserted with the checks switched off.
 */
export function checkViolations(table: TableName): string | null {
  const checks = columns(table).flatMap(columnChecks);
  // A CHECK fails only when false; NULL passes, as NOT NULL is a constraint of its own.
  return checks.length === 0 ? null : `SELECT rowid FROM ${table} WHERE ${checks.map((e) => `NOT (${e})`).join(' OR ')}`;
}

/** `CREATE TABLE` of a published table, each column with its codebook description as an SQL comment. */
export function createTable(table: TableName): string {
  const cols = columns(table);
  const lines = cols.map((c, i) => `  ${columnDef(table, c)}${i < cols.length - 1 ? ',' : ''} ${comment(c.description)}`);
  return `CREATE TABLE ${table} (\n${lines.join('\n')}\n)`;
}

/** `CREATE TABLE` of a link table: one row per list item, in list order. */
export function createLinkTable(link: LinkTable): string {
  const from = TABLES[link.table].primaryKey;
  const to = TABLES[link.target].primaryKey;
  return [
    `CREATE TABLE ${link.name} (`,
    `  ${from} TEXT NOT NULL REFERENCES ${link.table} (${from}), ${comment(`The ${link.table} row whose \`${link.field}\` lists the item.`)}`,
    `  ${to} TEXT NOT NULL REFERENCES ${link.target} (${to}), ${comment(`One item of \`${link.table}.${link.field}\`.`)}`,
    `  ordinal INTEGER NOT NULL, ${comment(`1-based position of the item in \`${link.table}.${link.field}\`.`)}`,
    `  PRIMARY KEY (${from}, ${to})`,
    ') WITHOUT ROWID',
  ].join('\n');
}

/** An index on every foreign-key column and on `demands.topic`, so joins and the usual filters are fast. */
export function createIndexes(): string[] {
  const out: string[] = [];
  for (const t of TABLE_NAMES) {
    for (const fk of TABLES[t].foreignKeys) if (!('many' in fk && fk.many)) out.push(`CREATE INDEX ${t}_${fk.field} ON ${t} (${fk.field})`);
  }
  for (const link of LINK_TABLES) out.push(`CREATE INDEX ${link.name}_${TABLES[link.target].primaryKey} ON ${link.name} (${TABLES[link.target].primaryKey})`);
  out.push('CREATE INDEX demands_topic ON demands (topic)');
  return out;
}

/** The self-describing tables: `_package` (name, version, licence, citation), `_tables`, `_columns`. */
export const META_TABLES = [
  [
    'CREATE TABLE _package (',
    `  key TEXT NOT NULL PRIMARY KEY, ${comment('What the value is: name, title, version, licence, code_licence, citation, description.')}`,
    `  value TEXT NOT NULL ${comment('The value, as in datapackage.json.')}`,
    ')',
  ].join('\n'),
  [
    'CREATE TABLE _tables (',
    `  table_name TEXT NOT NULL PRIMARY KEY, ${comment('Name of a table of this database.')}`,
    `  description TEXT NOT NULL, ${comment('What one row of the table is.')}`,
    `  row_count INTEGER NOT NULL ${comment('Number of rows.')}`,
    ')',
  ].join('\n'),
  [
    'CREATE TABLE _columns (',
    `  table_name TEXT NOT NULL REFERENCES _tables (table_name), ${comment('Table of the column.')}`,
    `  column_name TEXT NOT NULL, ${comment('Name of the column.')}`,
    `  ordinal INTEGER NOT NULL, ${comment('1-based position of the column in its table.')}`,
    `  type TEXT NOT NULL, ${comment('SQLite type: TEXT, INTEGER (booleans as 0/1) or REAL.')}`,
    `  data_type TEXT NOT NULL, ${comment('Type in the codebook: string, integer, number, boolean, or "list of string" (stored `; `-joined).')}`,
    `  required INTEGER NOT NULL CHECK (required IN (0, 1)), ${comment('1 when the value may not be empty.')}`,
    `  description TEXT NOT NULL, ${comment('The codebook description of the column.')}`,
    `  allowed TEXT, ${comment('Allowed values: the vocabulary, or the pattern each value matches.')}`,
    '  PRIMARY KEY (table_name, column_name)',
    ') WITHOUT ROWID',
  ].join('\n'),
];

/** The full-text index of the demands (FTS5); rank results with `ORDER BY rank`. */
export const CREATE_FTS = `CREATE VIRTUAL TABLE ${FTS.name} USING fts5(${FTS.key} UNINDEXED, ${FTS.columns.join(', ')}, tokenize = ${quote(FTS.tokenize)})`;
