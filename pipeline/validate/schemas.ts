import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { message } from '../messages.ts';
import { TABLES, type TableName } from '../models/tables.ts';
import { schemaFile } from '../schemas/json-schemas.ts';
import type { Report } from './report.ts';

// ajv-formats is CommonJS; under NodeNext its plugin function is the `default` of the imported module.
const addFormats = addFormatsModule.default;

// The committed schemas/ folder, read exactly as a user of the dataset would read it.
const SCHEMAS = new URL('../../schemas/', import.meta.url);

type Compiled = { validate: ValidateFunction } | { problem: string };
const compiled = new Map<string, Compiled>();

function compile(file: string, make: () => Ajv | Ajv2020): Compiled {
  const hit = compiled.get(file);
  if (hit) return hit;
  let result: Compiled;
  try {
    const schema = JSON.parse(readFileSync(new URL(file, SCHEMAS), 'utf8')) as object;
    result = { validate: make().compile(schema) };
  } catch (e) {
    result = { problem: `cannot use schemas/${file}: ${(e as Error).message} (run \`npm run schemas\`)` };
  }
  compiled.set(file, result);
  return result;
}

const ajv2020 = () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv;
};

// The Frictionless profiles are draft-07 and use keywords and formats ajv does not know ("propertyOrder", "textarea").
const ajvDraft07 = () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addFormat('textarea', true);
  return ajv;
};

/** Validate the rows of `<table>.json` against `schemas/<table>.schema.json`; violations name record and field. */
export function checkTableSchema(table: TableName, rows: unknown, report: Report): void {
  const file = `${table}.json`;
  const v = compile(schemaFile(table), ajv2020);
  if ('problem' in v) {
    report.add('schema', message('internal', v.problem, { stage: 'validate', file }));
    return;
  }
  if (v.validate(rows)) return;
  for (const e of v.validate.errors ?? []) {
    report.add(`schema-violation ${table}`, message('schema-violation', `${where(table, rows, e)}: ${e.message ?? e.keyword}`, { stage: 'validate', file }));
  }
}

/** Validate `datapackage.json` against the official Frictionless Data Package v2 profile. */
export function checkDataPackage(descriptor: unknown, report: Report): void {
  const file = 'datapackage.json';
  const v = compile('frictionless/datapackage.json', ajvDraft07);
  if ('problem' in v) {
    report.add('schema', message('internal', v.problem, { stage: 'validate', file }));
    return;
  }
  if (v.validate(descriptor)) return;
  for (const e of v.validate.errors ?? []) {
    report.add('schema-violation datapackage', message('schema-violation', `${e.instancePath || '/'}: ${e.message ?? e.keyword}`, { stage: 'validate', file }));
  }
}

/** "record dem_… field start" from an ajv error path like `/3/start`. */
function where(table: TableName, rows: unknown, e: ErrorObject): string {
  const [index, ...path] = e.instancePath.split('/').slice(1);
  if (index === undefined) return 'the file';
  const row: unknown = Array.isArray(rows) ? rows[Number(index)] : undefined;
  const key = TABLES[table].primaryKey;
  const id = typeof row === 'object' && row !== null && typeof (row as Record<string, unknown>)[key] === 'string' ? (row as Record<string, string>)[key] : null;
  const params = e.params as Record<string, unknown>;
  const missing = params['missingProperty'] ?? params['additionalProperty'];
  const field = path.length > 0 ? path.join('.') : typeof missing === 'string' ? missing : null;
  return `record ${id ?? `#${index}`}${field === null ? '' : ` field ${field}`}`;
}
