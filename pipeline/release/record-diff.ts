import { byCodeUnits } from '../assemble/sort.ts';
import { sameJson } from './canonical.ts';
import type { TableRows } from './snapshot.ts';

/** How one record moved between two versions. */
export type RecordChangeKind = 'added' | 'removed' | 'changed';

/** One record's change, by its stable ID: a row of CHANGES.csv. */
export interface RecordChange {
  id: string;
  table: string;
  change: RecordChangeKind;
  /** Columns whose value changed (only for `changed`), in the current schema's order. */
  fields: string[];
}

/**
 * The records added, removed and changed in one table, matched by stable ID. Only columns both versions have
 * are compared: an added or removed column is a schema change, not a change of every record.
 */
export function diffRecords(previous: TableRows | undefined, current: TableRows | undefined): RecordChange[] {
  const table = current?.table ?? previous?.table;
  if (table === undefined) return [];
  const before = previous?.rows ?? new Map();
  const after = current?.rows ?? new Map();
  const shared = (current?.fields ?? []).filter((f) => previous?.fields.includes(f) === true);
  const out: RecordChange[] = [];
  for (const [id, row] of after) {
    const old = before.get(id);
    if (old === undefined) out.push({ id, table, change: 'added', fields: [] });
    else {
      const fields = shared.filter((f) => !sameJson(old[f] ?? null, row[f] ?? null));
      if (fields.length > 0) out.push({ id, table, change: 'changed', fields });
    }
  }
  for (const id of before.keys()) if (!after.has(id)) out.push({ id, table, change: 'removed', fields: [] });
  return out.sort((a, b) => byCodeUnits(a.id, b.id));
}
