import { canonical, sameJson } from './canonical.ts';
import type { Bump } from './semver.ts';
import { primaryKey, tableOf, type Descriptor, type Field, type Resource } from './snapshot.ts';

/** What kind of schema change; each maps to one bump (see README "Releases and versions"). */
export type SchemaChangeKind =
  | 'table-removed'
  | 'table-added'
  | 'file-removed'
  | 'file-added'
  | 'column-removed'
  | 'column-added'
  | 'columns-reordered'
  | 'type-changed'
  | 'constraint-changed'
  | 'field-changed'
  | 'key-changed'
  | 'description-changed';

/** One difference between two releases' table schemas and the bump it calls for. */
export interface SchemaChange {
  table: string;
  column: string | null;
  kind: SchemaChangeKind;
  detail: string;
  bump: Bump;
}

// Field properties that only describe: a change to them is documentation (PATCH).
const PROSE = new Set(['description', 'title', 'example']);

/**
 * The schema changes between two descriptors: removed or renamed tables and columns, changed types, keys and
 * constraints break readers (MAJOR); additions are MINOR; prose is PATCH. A column whose meaning changes must
 * change a constraint or its name — prose alone cannot be told from a better wording.
 */
export function diffSchemas(previous: Descriptor, current: Descriptor): SchemaChange[] {
  const out: SchemaChange[] = [];
  const now = new Map(current.resources.map((r) => [r.name, r]));
  const before = new Map(previous.resources.map((r) => [r.name, r]));
  // A resource without a schema (workbook, database, page), or another copy of a table that was already
  // there (a spreadsheet CSV), is a new format of the same data: PATCH. Removing any published file breaks
  // whoever downloads it: MAJOR.
  const tablesBefore = new Set(previous.resources.filter((r) => r.schema !== undefined).map(tableOf));
  for (const p of previous.resources) {
    const c = now.get(p.name);
    if (c !== undefined) out.push(...diffResource(p, c));
    else out.push({ table: tableOf(p), column: null, kind: p.schema === undefined ? 'file-removed' : 'table-removed', detail: `${p.path} removed`, bump: 'major' });
  }
  for (const c of current.resources) {
    if (before.has(c.name)) continue;
    const copy = c.schema === undefined || tablesBefore.has(tableOf(c));
    out.push({ table: tableOf(c), column: null, kind: copy ? 'file-added' : 'table-added', detail: `${c.path} added`, bump: copy ? 'patch' : 'minor' });
  }
  // The CSV and JSON resources of a table mostly report the same change; keep the first (the CSV's).
  const seen = new Set<string>();
  return out.filter((ch) => {
    const key = [ch.table, ch.column ?? '', ch.kind, ch.column === null ? ch.detail : ''].join('\u0000');
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function diffResource(p: Resource, c: Resource): SchemaChange[] {
  const table = tableOf(c);
  const out: SchemaChange[] = [];
  const pf = new Map((p.schema?.fields ?? []).map((f) => [f.name, f]));
  const cf = new Map((c.schema?.fields ?? []).map((f) => [f.name, f]));
  for (const [name] of pf) if (!cf.has(name)) out.push({ table, column: name, kind: 'column-removed', detail: 'column removed (or renamed)', bump: 'major' });
  for (const [name] of cf) if (!pf.has(name)) out.push({ table, column: name, kind: 'column-added', detail: 'column added', bump: 'minor' });
  const common = (m: Map<string, Field>, other: Map<string, Field>) => [...m.keys()].filter((k) => other.has(k));
  if (common(pf, cf).join('\u0000') !== common(cf, pf).join('\u0000')) {
    out.push({ table, column: null, kind: 'columns-reordered', detail: 'columns in a new order (read CSV by header, not position)', bump: 'minor' });
  }
  for (const [name, before] of pf) {
    const after = cf.get(name);
    if (after !== undefined) out.push(...diffField(table, before, after));
  }
  const pk = (r: Resource) => primaryKey(r).join(', ');
  if (pk(p) !== pk(c)) out.push({ table, column: null, kind: 'key-changed', detail: `primary key ${pk(p) || '(none)'} → ${pk(c) || '(none)'}`, bump: 'major' });
  const fks = (r: Resource) => new Set((r.schema?.foreignKeys ?? []).map(canonical));
  const [pfk, cfk] = [fks(p), fks(c)];
  for (const k of pfk) if (!cfk.has(k)) out.push({ table, column: null, kind: 'key-changed', detail: `foreign key removed or changed: ${k}`, bump: 'major' });
  for (const k of cfk) if (!pfk.has(k)) out.push({ table, column: null, kind: 'key-changed', detail: `foreign key added: ${k}`, bump: 'minor' });
  return out;
}

function diffField(table: string, p: Field, c: Field): SchemaChange[] {
  const column = c.name;
  const out: SchemaChange[] = [];
  const change = (kind: SchemaChangeKind, detail: string, bump: Bump) => out.push({ table, column, kind, detail, bump });
  if (p.type !== c.type) change('type-changed', `type ${p.type ?? '(none)'} → ${c.type ?? '(none)'}`, 'major');
  out.push(...diffConstraints(table, column, p.constraints ?? {}, c.constraints ?? {}));
  const keys = new Set([...Object.keys(p), ...Object.keys(c)]);
  for (const k of keys) {
    if (k === 'name' || k === 'type' || k === 'constraints' || sameJson(p[k], c[k])) continue;
    if (PROSE.has(k)) change('description-changed', `${k} reworded`, 'patch');
    else change('field-changed', `${k} ${canonical(p[k] ?? null)} → ${canonical(c[k] ?? null)}`, 'major');
  }
  return out;
}

function diffConstraints(table: string, column: string, p: Record<string, unknown>, c: Record<string, unknown>): SchemaChange[] {
  const out: SchemaChange[] = [];
  const change = (detail: string, bump: Bump) => out.push({ table, column, kind: 'constraint-changed', detail, bump });
  for (const k of new Set([...Object.keys(p), ...Object.keys(c)])) {
    if (sameJson(p[k], c[k])) continue;
    if (k === 'required') {
      // Values that may now be missing break readers that relied on them; newly required values do not.
      if (p[k] === true) change('may now be empty', 'major');
      else change('now required', 'minor');
    } else if (k === 'enum' && Array.isArray(p[k]) && Array.isArray(c[k])) {
      const [pv, cv] = [(p[k] as unknown[]).map(canonical), (c[k] as unknown[]).map(canonical)];
      const gone = pv.filter((v) => !cv.includes(v));
      const added = cv.filter((v) => !pv.includes(v));
      if (gone.length > 0) change(`values no longer used: ${gone.join(', ')}`, 'major');
      if (added.length > 0) change(`new values: ${added.join(', ')}`, 'minor');
    } else {
      change(`${k} ${canonical(p[k] ?? null)} → ${canonical(c[k] ?? null)}`, 'major');
    }
  }
  return out;
}
