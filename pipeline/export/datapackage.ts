import { TABLES, TABLE_NAMES, type DocumentRow, type TableName } from '../models/tables.ts';
import { columns, type Column } from '../schemas/columns.ts';
import { rowJsonSchema, type Json, type JsonObject } from '../schemas/json-schemas.ts';
import type { PackageMeta } from './package.ts';
import type { WrittenFile } from './sink.ts';
import { CSV_DIALECT, LIST_SEPARATOR } from './tables.ts';
import { EXCEL_CSV_DIALECT, EXCEL_DECIMAL_CHAR, excelCsvPath } from './excel-csv.ts';

/** The two serialisations of every table; CSV is the primary resource, JSON the same rows with real arrays. */
export type TableFormat = 'csv' | 'json';

/** Resource name in the descriptor: the table name for CSV, `<table>-json` for JSON. */
export const resourceName = (table: TableName, format: TableFormat): string => (format === 'csv' ? table : `${table}-json`);
/** File name of a table in the output folder. */
export const tablePath = (table: TableName, format: TableFormat): string => `${table}.${format}`;

/** What the descriptor needs besides the models: package metadata, the files written (size, hash), the documents. */
export interface PackageInput {
  meta: PackageMeta;
  /** Every file written so far by path, for `bytes` and `hash`; a resource whose file is missing has neither. */
  written: ReadonlyMap<string, WrittenFile>;
  documents: readonly DocumentRow[];
  /** RFC 3339 creation time from SOURCE_DATE_EPOCH, or null: no wall-clock time is ever written. */
  created: string | null;
  /** Whether the spreadsheet copies `excel/<table>.csv` are part of the package. */
  excel: boolean;
  /** Whole-dataset files (workbook, database, page), described as plain resources after the tables. */
  files?: readonly FileResource[];
}

/** A file resource that is not one table: the workbook, the database, the page. */
export interface FileResource {
  name: string;
  path: string;
  format: string;
  mediatype: string;
  title: string;
  description: string;
}

// `bytes` and `hash` of a written file, or nothing when it was not written.
const sizeAndHash = (f: WrittenFile | undefined) => (f === undefined ? {} : { bytes: f.bytes, hash: `sha256:${f.sha256}` });

/** The Frictionless Data Package v2 descriptor (`datapackage.json`) of the dataset. */
export function dataPackage(input: PackageInput): JsonObject {
  const { meta } = input;
  const resources: Json[] = [];
  for (const format of ['csv', 'json'] as const) for (const t of TABLE_NAMES) resources.push(resource(t, format, input));
  if (input.excel) for (const t of TABLE_NAMES) resources.push(excelResource(t, input));
  for (const f of input.files ?? []) resources.push({ ...f, ...sizeAndHash(input.written.get(f.path)) });
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: meta.name,
    title: meta.title,
    description: `${meta.description} Data licence: ${meta.licenses.map((l) => l.name).join(', ')}; code licence: ${meta.code_licence}.`,
    version: meta.version,
    ...(meta.homepage === undefined ? {} : { homepage: meta.homepage }),
    ...(input.created === null ? {} : { created: input.created }),
    licenses: meta.licenses.map((l) => ({ name: l.name, title: l.title, path: l.path })),
    contributors: meta.contributors.map((c) => ({ title: c.title, roles: [...c.roles] })),
    keywords: [...meta.keywords],
    sources: input.documents.map(source),
    resources,
  };
}

// One source per document: the file it was read from and the checksum of its bytes (documents.csv has the rest).
function source(d: DocumentRow): JsonObject {
  const web = d.url !== null && /^https?:\/\//.test(d.url);
  return { title: d.title === null ? d.source_file : `${d.title} (${d.source_file})`, ...(web ? { path: d.url } : {}), sha256: d.sha256 };
}

function resource(table: TableName, format: TableFormat, input: PackageInput): JsonObject {
  const path = tablePath(table, format);
  const row = rowJsonSchema(table);
  const what = typeof row['description'] === 'string' ? row['description'] : '';
  const spec = TABLES[table];
  const foreignKeys = spec.foreignKeys
    .filter((fk) => !('many' in fk && fk.many))
    .map((fk) => ({
      fields: [fk.field],
      // A reference without `resource` points into the same resource (v2 self-reference).
      reference: { ...(fk.table === table ? {} : { resource: resourceName(fk.table, format) }), fields: [TABLES[fk.table].primaryKey] },
    }));
  return {
    name: resourceName(table, format),
    type: 'table',
    path,
    format,
    mediatype: format === 'csv' ? 'text/csv' : 'application/json',
    encoding: 'utf-8',
    title: `${table.charAt(0).toUpperCase()}${table.slice(1)}${format === 'json' ? ' (JSON)' : ''}`,
    description: format === 'csv' ? what : `${what} The same rows as \`${tablePath(table, 'csv')}\`, as a JSON array of objects with real arrays and nulls; validates against \`schemas/${table}.schema.json\`.`,
    ...sizeAndHash(input.written.get(path)),
    dialect: format === 'csv' ? { ...CSV_DIALECT } : { itemType: 'object' },
    schema: {
      fields: columns(table).map((c) => field(c, format)),
      missingValues: [''],
      primaryKey: [spec.primaryKey],
      ...(foreignKeys.length === 0 ? {} : { foreignKeys }),
    },
  };
}

/** Resource name of a table's spreadsheet copy. */
export const excelResourceName = (table: TableName): string => `${table}-excel`;

// The spreadsheet copy: the CSV resource's schema in the `excel/` dialect, numbers with a decimal comma.
function excelResource(table: TableName, input: PackageInput): JsonObject {
  const base = resource(table, 'csv', input);
  const schema = base['schema'] as JsonObject;
  const fields = (schema['fields'] as JsonObject[]).map((f) => (f['type'] === 'number' ? { ...f, decimalChar: EXCEL_DECIMAL_CHAR } : f));
  const foreignKeys = (schema['foreignKeys'] as JsonObject[] | undefined)?.map((fk) => {
    const ref = fk['reference'] as JsonObject;
    return typeof ref['resource'] === 'string' ? { ...fk, reference: { ...ref, resource: excelResourceName(ref['resource'] as TableName) } } : fk;
  });
  return {
    name: excelResourceName(table),
    type: 'table',
    path: excelCsvPath(table),
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    title: `${String(base['title'])} (spreadsheet CSV)`,
    description: `The rows of \`${tablePath(table, 'csv')}\` for spreadsheets with a Norwegian locale (double-click opens it in Excel): UTF-8 with a byte-order mark, \`;\` as separator, CRLF record ends, decimal comma. A text cell that begins with \`=\`, \`+\`, \`-\`, \`@\`, tab or CR (and is not a plain number such as "-5") starts with an added \`'\`, so a spreadsheet never runs it as a formula; use \`${tablePath(table, 'csv')}\` for exact values.`,
    ...sizeAndHash(input.written.get(excelCsvPath(table))),
    dialect: { ...EXCEL_CSV_DIALECT },
    schema: { ...schema, fields, ...(foreignKeys === undefined ? {} : { foreignKeys }) },
  };
}

/** A Table Schema field from a column: type, description, constraints; CSV lists become `; `-joined strings. */
export function field(c: Column, format: TableFormat): JsonObject {
  const constraints: JsonObject = {};
  if (!c.nullable && !c.list) constraints['required'] = true;
  if (c.enum !== null) constraints['enum'] = [...c.enum];
  if (c.minimum !== null) constraints['minimum'] = c.minimum;
  if (c.maximum !== null) constraints['maximum'] = c.maximum;
  if (c.list) {
    const description = c.description.includes('`; `') ? c.description : `${c.description} (CSV: \`; \`-joined)`;
    if (format === 'json') {
      const items: JsonObject = { type: c.type, ...(c.pattern === null ? {} : { pattern: `^${c.pattern}$` }), ...(c.minLength === null ? {} : { minLength: c.minLength }) };
      return { name: c.name, type: 'array', description, constraints: { jsonSchema: { type: 'array', items } } };
    }
    // Each item matches the item pattern, items separated by the list separator.
    if (c.pattern !== null) constraints['pattern'] = `(${c.pattern})(${LIST_SEPARATOR}(${c.pattern}))*`;
    return {
      name: c.name,
      type: 'string',
      description: `${description} Empty when the list is empty.`,
      missingValues: [''],
      ...(Object.keys(constraints).length === 0 ? {} : { constraints }),
    };
  }
  if (c.pattern !== null) constraints['pattern'] = c.pattern;
  if (c.minLength !== null && c.type === 'string') constraints['minLength'] = c.minLength;
  return {
    name: c.name,
    type: c.type,
    description: c.description,
    ...(c.nullable ? { missingValues: [''] } : {}),
    ...(Object.keys(constraints).length === 0 ? {} : { constraints }),
  };
}
