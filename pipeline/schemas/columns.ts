import type { TableName } from '../models/tables.ts';
import { isObject, rowJsonSchema, type Json, type JsonObject } from './json-schemas.ts';

/** Scalar type of a column's values, in the words JSON Schema and Frictionless share. */
export type ScalarType = 'string' | 'integer' | 'number' | 'boolean';

/** One column of a published table, read off the generated JSON Schema: the shape export and codebook describe. */
export interface Column {
  name: string;
  /** Type of the value, or of each item for a list column. */
  type: ScalarType;
  /** Array in JSON, `; `-joined in CSV. */
  list: boolean;
  /** May be null (empty in CSV). */
  nullable: boolean;
  description: string;
  enum: string[] | null;
  /** Regular expression the whole value (or each item) matches, without `^`/`$` anchors. */
  pattern: string | null;
  minimum: number | null;
  maximum: number | null;
  minLength: number | null;
}

// zod writes the JavaScript safe-integer range on every `z.int()`; it says nothing about the data.
const SAFE = Number.MAX_SAFE_INTEGER;

/** The columns of a table, in column order. */
export function columns(table: TableName): Column[] {
  const row = rowJsonSchema(table);
  const props = row['properties'];
  if (!isObject(props)) throw new Error(`schema of ${table} has no properties`);
  return Object.entries(props).map(([name, schema]) => column(table, name, schema));
}

function column(table: TableName, name: string, schema: Json): Column {
  if (!isObject(schema)) throw new Error(`${table}.${name}: schema is not an object`);
  let nullable = false;
  let value: JsonObject = schema;
  // Nullable columns come as `anyOf: [T, {type: null}]` or `type: [T, "null"]`.
  const anyOf = schema['anyOf'];
  if (Array.isArray(anyOf)) {
    const nonNull = anyOf.filter((s) => !(isObject(s) && s['type'] === 'null'));
    const only = nonNull[0];
    if (nonNull.length !== 1 || !isObject(only)) throw new Error(`${table}.${name}: unsupported anyOf`);
    nullable = nonNull.length < anyOf.length;
    value = only;
  }
  let type = value['type'];
  if (Array.isArray(type)) {
    nullable ||= type.includes('null');
    const rest = type.filter((t) => t !== 'null');
    if (rest.length !== 1) throw new Error(`${table}.${name}: unsupported type union`);
    type = rest[0] as Json;
  }
  let list = false;
  if (type === 'array') {
    const items = value['items'];
    if (!isObject(items)) throw new Error(`${table}.${name}: array without items`);
    list = true;
    value = items;
    type = value['type'];
  }
  if (type !== 'string' && type !== 'integer' && type !== 'number' && type !== 'boolean') {
    throw new Error(`${table}.${name}: unsupported type ${JSON.stringify(type)}`);
  }
  const num = (k: string) => {
    const v = value[k];
    return typeof v === 'number' && Math.abs(v) !== SAFE ? v : null;
  };
  const en = value['enum'];
  const pattern = value['pattern'];
  // A column's own description sits on the property; a shared type (an enum) may carry it inside the union.
  const described = [schema['description'], value['description']].find((d): d is string => typeof d === 'string');
  return {
    name,
    type,
    list,
    nullable,
    description: described ?? '',
    enum: Array.isArray(en) ? en.filter((x): x is string => typeof x === 'string') : null,
    pattern: typeof pattern === 'string' ? pattern.replace(/^\^/, '').replace(/\$$/, '') : null,
    minimum: num('minimum'),
    maximum: num('maximum'),
    minLength: num('minLength'),
  };
}
