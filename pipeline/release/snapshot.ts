import { z } from 'zod';
import { message, type Message } from '../messages.ts';

/** The files of one build or release, by path relative to its folder (`/`-separated). */
export type FileMap = ReadonlyMap<string, Uint8Array>;

/** A Table Schema field as far as the planner reads it; everything else is kept for the diff. */
export const Field = z.looseObject({
  name: z.string().min(1),
  type: z.string().optional(),
  description: z.string().optional(),
  constraints: z.record(z.string(), z.unknown()).optional(),
});
export type Field = z.infer<typeof Field>;

/** A data resource of the descriptor: a table in one format. */
export const Resource = z.looseObject({
  name: z.string().min(1),
  path: z.string().min(1),
  format: z.string().optional(),
  schema: z
    .looseObject({
      fields: z.array(Field),
      primaryKey: z.union([z.string(), z.array(z.string())]).optional(),
      foreignKeys: z.array(z.unknown()).optional(),
    })
    .optional(),
});
export type Resource = z.infer<typeof Resource>;

/** `datapackage.json` as far as the planner needs it: read from the release itself, never from today's models. */
export const Descriptor = z.looseObject({
  name: z.string().optional(),
  version: z.string().optional(),
  created: z.string().optional(),
  resources: z.array(Resource),
});
export type Descriptor = z.infer<typeof Descriptor>;

/** One record: its column values by name. */
export type Row = Readonly<Record<string, unknown>>;

/** The rows of one table, by stable ID (the primary key's values). */
export interface TableRows {
  table: string;
  /** Columns in schema order. */
  fields: string[];
  rows: ReadonlyMap<string, Row>;
}

/** What the planner compares: the descriptor, each table's rows, and every file. */
export interface Snapshot {
  descriptor: Descriptor;
  tables: ReadonlyMap<string, TableRows>;
  files: FileMap;
}

/** A table's name: its file name without folder and extension, the same for every copy (`demands.csv`, `demands.json`, `excel/demands.csv`). */
export const tableOf = (r: Resource): string => (r.path.split('/').pop() ?? r.path).replace(/\.[^.]+$/, '');

/** Whether a resource is a table's JSON serialisation (the planner reads records from it: real arrays and nulls). */
export const isJson = (r: Resource): boolean => (r.format ?? r.path.split('.').pop()) === 'json';

/** The primary key's columns of a resource; none when it declares none. */
export const primaryKey = (r: Resource): string[] => {
  const pk = r.schema?.primaryKey;
  return pk === undefined ? [] : typeof pk === 'string' ? [pk] : pk;
};

const decoder = new TextDecoder('utf-8', { fatal: true });

/** A file's text (strict UTF-8), or null when absent or not text. */
export function text(files: FileMap, path: string): string | null {
  const bytes = files.get(path);
  if (bytes === undefined) return null;
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Read a build or release folder's files into a snapshot. An empty folder is no release at all (null, no
 * messages); a folder without a readable descriptor, or a table without its JSON file, is a coded problem.
 */
export function readSnapshot(files: FileMap, label: string): { snapshot: Snapshot | null; messages: Message[] } {
  if (files.size === 0) return { snapshot: null, messages: [] };
  const problem = (file: string, reason: string) => message('release-input', reason, { stage: 'release', file: `${label}/${file}` });
  const source = text(files, 'datapackage.json');
  if (source === null) return { snapshot: null, messages: [problem('datapackage.json', 'no datapackage.json in a non-empty folder')] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (e) {
    return { snapshot: null, messages: [problem('datapackage.json', `does not parse: ${(e as Error).message}`)] };
  }
  const descriptor = Descriptor.safeParse(parsed);
  if (!descriptor.success) {
    return { snapshot: null, messages: descriptor.error.issues.map((i) => problem('datapackage.json', `${i.path.join('.')}: ${i.message}`)) };
  }
  const messages: Message[] = [];
  const tables = new Map<string, TableRows>();
  const withJson = new Set<string>();
  for (const r of descriptor.data.resources) {
    if (!isJson(r) || r.schema === undefined) continue;
    withJson.add(tableOf(r));
    const rows = readRows(files, r, (reason) => messages.push(problem(r.path, reason)));
    if (rows !== null) tables.set(tableOf(r), { table: tableOf(r), fields: r.schema.fields.map((f) => f.name), rows });
  }
  // Every table must be readable as records, or the planner would call it empty and report every row removed.
  for (const r of descriptor.data.resources) {
    if (r.schema !== undefined && !withJson.has(tableOf(r))) {
      messages.push(problem(r.path, `table ${tableOf(r)} has no JSON resource to read its records from`));
    }
  }
  return { snapshot: messages.length > 0 ? null : { descriptor: descriptor.data, tables, files }, messages };
}

function readRows(files: FileMap, r: Resource, fail: (reason: string) => void): Map<string, Row> | null {
  const stop = (reason: string): null => {
    fail(reason);
    return null;
  };
  const key = primaryKey(r);
  const source = text(files, r.path);
  if (source === null) return stop('file missing or not UTF-8');
  if (key.length === 0) return stop('resource declares no primary key, so records cannot be matched across versions');
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (e) {
    return stop(`does not parse: ${(e as Error).message}`);
  }
  if (!Array.isArray(data)) return stop('is not a JSON array of records');
  const rows = new Map<string, Row>();
  for (const [i, row] of data.entries()) {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) return stop(`record ${i + 1} is not an object`);
    const id = key.map((k) => String((row as Row)[k])).join('\u001f');
    if (rows.has(id)) return stop(`two records share the ID ${id}`);
    rows.set(id, row as Row);
  }
  return rows;
}
