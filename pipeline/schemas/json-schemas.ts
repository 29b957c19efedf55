import { z } from 'zod';
import { TABLES, TABLE_NAMES, type TableName } from '../models/tables.ts';

/** A JSON value, for walking generated schemas without `any`. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/** File name of a table's JSON Schema, in `schemas/` and as users see it. */
export const schemaFile = (table: TableName): string => `${table}.schema.json`;

/**
 * The JSON Schema (draft 2020-12) of `dist/<table>.json`: an array of rows, generated from the zod model,
 * so the schema can never drift from the TypeScript types.
 */
export function tableJsonSchema(table: TableName): JsonObject {
  const { model } = TABLES[table];
  const rows = z.array(model).meta({
    title: `kravkart ${table}.json`,
    description: `The \`${table}\` table as JSON: an array of rows, one object per row, every column present (null when empty).`,
  });
  return sortKeys(z.toJSONSchema(rows, { target: 'draft-2020-12' }) as Json) as JsonObject;
}

/** The JSON Schema of one row of a table (the `items` of its table schema). */
export function rowJsonSchema(table: TableName): JsonObject {
  const items = tableJsonSchema(table)['items'];
  if (!isObject(items)) throw new Error(`generated schema of ${table} has no items object`);
  return items;
}

/** Every committed `schemas/<table>.schema.json` as file name → exact text; the generator writes these, a test compares them. */
export function jsonSchemas(): Record<string, string> {
  return Object.fromEntries(TABLE_NAMES.map((t) => [schemaFile(t), `${JSON.stringify(tableJsonSchema(t), null, 2)}\n`]));
}

/** True for a JSON object (not an array, not null). */
export const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

// Keys sorted so a zod upgrade that reorders keywords gives no diff; `properties` keep column order,
// because that order is the table's column order and readers of the schema expect it.
function sortKeys(v: Json, parentKey: string | null = null): Json {
  if (Array.isArray(v)) return v.map((x) => sortKeys(x));
  if (!isObject(v)) return v;
  const keys = Object.keys(v);
  if (parentKey !== 'properties') keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out: JsonObject = {};
  for (const k of keys) out[k] = sortKeys(v[k] as Json, k);
  return out;
}
