import { TABLES, TABLE_NAMES } from '../models/tables.ts';
import { columns } from '../schemas/columns.ts';
import { allowedValues, tableDescription } from './about.ts';
import type { PackageMeta } from './package.ts';
import type { SqlValue } from './sqlite-rows.ts';
import { FTS, LINK_TABLES, sqlType } from './sqlite-schema.ts';

/** Rows of the self-describing tables, each an array of values in the table's column order. */
export interface MetaRows {
  /** `_package`: key, value. */
  package: SqlValue[][];
  /** `_tables`: table_name, description, row_count. */
  tables: SqlValue[][];
  /** `_columns`: table_name, column_name, ordinal, type, data_type, required, description, allowed. */
  columns: SqlValue[][];
}

/** Column names of the meta tables, in the order of `MetaRows`' arrays. */
export const META_COLUMNS = {
  _package: ['key', 'value'],
  _tables: ['table_name', 'description', 'row_count'],
  _columns: ['table_name', 'column_name', 'ordinal', 'type', 'data_type', 'required', 'description', 'allowed'],
} as const;

/**
 * What `_package`, `_tables` and `_columns` hold: the package facts, every table of the database with its row
 * count (`counts`, by table name), and the codebook of every column.
 */
export function metaRows(meta: PackageMeta, citation: string, counts: ReadonlyMap<string, number>): MetaRows {
  const count = (t: string) => counts.get(t) ?? 0;
  const licence = meta.licenses.map((l) => `${l.name} (${l.path})`).join(', ');
  const pkg: SqlValue[][] = [
    ['name', meta.name],
    ['title', meta.title],
    ['version', meta.version],
    ['licence', licence],
    ['code_licence', meta.code_licence],
    ['citation', citation],
    ['description', meta.description],
  ];

  const tables: SqlValue[][] = [
    ...TABLE_NAMES.map((t) => [t, tableDescription(t), count(t)]),
    ...LINK_TABLES.map((l) => [l.name, `One row per item of \`${l.table}.${l.field}\`, for joins.`, count(l.name)]),
    [FTS.name, `FTS5 full-text index of the demands' ${FTS.columns.join(' and ')} (tokenizer ${FTS.tokenize}); join on ${FTS.key}.`, count(FTS.name)],
  ];

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
  return { package: pkg, tables, columns: cols };
}
