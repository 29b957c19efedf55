import type { Column } from '../schemas/columns.ts';
import { LIST_SEPARATOR } from './tables.ts';

/** A value as SQLite stores it. */
export type SqlValue = string | number | null;

/** A value as stored: null stays NULL, an empty list NULL, a list `; `-joined, a boolean 0/1. */
export function sqlValue(value: unknown, column: Column): SqlValue {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.map(String).join(LIST_SEPARATOR);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return column.type === 'string' ? String(value) : null;
}

/**
 * The link rows `[key, item, ordinal]` of one row's list column. A list names each item once; a repeated item
 * would break the link table's key, so only its first occurrence counts.
 */
export function linkRows(row: object, key: string, field: string): [string, string, number][] {
  const r = row as Record<string, unknown>;
  const items = r[field];
  if (!Array.isArray(items)) return [];
  const out: [string, string, number][] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const id = String(item);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push([String(r[key]), id, seen.size]);
  }
  return out;
}
