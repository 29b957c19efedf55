import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { Ajv } from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { sha256 } from '../ids.ts';
import { message } from '../messages.ts';
import { TABLES, type TableName } from '../models/tables.ts';
import { schemaFile } from '../schemas/json-schemas.ts';
import type { ReportSink } from './report.ts';

// ajv-formats is CommonJS; under NodeNext its plugin function is the `default` of the imported module.
const addFormats = addFormatsModule.default;
const standaloneCode = standaloneModule.default;

// The committed schemas/ folder, read exactly as a user of the dataset would read it.
const SCHEMAS = new URL('../../schemas/', import.meta.url);

type Compiled = { validate: ValidateFunction } | { problem: string };
const compiled = new Map<string, Compiled>();

// Where compiled validators are kept between builds (the document cache's folder), or null: compile every time.
let codeDir: string | null = null;

/**
 * Keep the validators compiled from the committed schemas in `dir` (or nowhere, with null): ajv's standalone code
 * for a schema, named by a hash of the schema's text, ajv's version and the options, so a rebuild loads in
 * milliseconds what takes a third of a second to compile — and any change to a schema compiles it afresh.
 */
export function keepCompiledValidators(dir: string | null): void {
  codeDir = dir === null ? null : join(dir, 'validators');
}

const require = createRequire(import.meta.url);
const AJV_VERSION = (require('ajv/package.json') as { version: string }).version;

function compile(file: string): Compiled {
  const hit = compiled.get(file);
  if (hit) return hit;
  let result: Compiled;
  try {
    result = { validate: compileSchema(file, codeDir) };
  } catch (e) {
    result = { problem: `cannot use schemas/${file}: ${(e as Error).message} (run \`npm run schemas\`)` };
  }
  compiled.set(file, result);
  return result;
}

/**
 * The validator of a committed schema file (`frictionless/…` with draft-07, the rest with 2020-12), compiled now,
 * or loaded from its standalone code kept in `keepIn` (compiled and kept there first when missing). Throws when
 * the schema cannot be read or compiled.
 */
export function compileSchema(file: string, keepIn: string | null): ValidateFunction {
  const make = file.startsWith('frictionless/') ? ajvDraft07 : ajv2020;
  const text = readFileSync(new URL(file, SCHEMAS), 'utf8');
  if (keepIn !== null) return kept(keepIn, file, text, make);
  const schema = JSON.parse(text) as object;
  // A schema with an `$id` may be added to an instance only once: it gets an instance of its own.
  return ('$id' in schema ? make(false) : sharedAjv(make)).compile(schema);
}

// One Ajv instance per dialect for the process: an instance compiles its dialect's meta-schema the first time it
// checks a schema, which costs more than compiling a table schema, so five instances cost three times one. Each
// validator still judges alone.
const instances = new Map<(source: boolean) => Ajv | Ajv2020, Ajv | Ajv2020>();

function sharedAjv(make: (source: boolean) => Ajv | Ajv2020): Ajv | Ajv2020 {
  let ajv = instances.get(make);
  if (ajv === undefined) {
    ajv = make(false);
    instances.set(make, ajv);
  }
  return ajv;
}

// A schema's validator from its kept standalone code, compiled and kept first when there is none.
function kept(dir: string, file: string, text: string, make: (source: boolean) => Ajv | Ajv2020): ValidateFunction {
  const path = join(dir, `${sha256(JSON.stringify([AJV_VERSION, file, text, make.name]))}.cjs`);
  let code: string;
  try {
    code = readFileSync(path, 'utf8');
  } catch {
    const ajv = make(true);
    code = standaloneCode(ajv, ajv.compile(JSON.parse(text) as object));
    try {
      mkdirSync(dir, { recursive: true });
      const tmp = `${path}.${process.pid}-${threadId}.tmp`;
      writeFileSync(tmp, code);
      renameSync(tmp, path);
    } catch {
      // Keeping it is best effort: the next build compiles it again.
    }
  }
  const module = { exports: {} as unknown };
  // The standalone code is CommonJS that requires only ajv's runtime and ajv-formats' formats.
  new Function('module', 'exports', 'require', code)(module, module.exports, require);
  return module.exports as ValidateFunction;
}

const ajv2020 = (source: boolean) => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, code: { source } });
  addFormats(ajv);
  return ajv;
};

// The Frictionless profiles are draft-07 and use keywords and formats ajv does not know ("propertyOrder", "textarea").
const ajvDraft07 = (source: boolean) => {
  const ajv = new Ajv({ allErrors: true, strict: false, code: { source } });
  addFormats(ajv);
  ajv.addFormat('textarea', true);
  return ajv;
};

/** Validate the rows of `<table>.json` against `schemas/<table>.schema.json`; violations name record and field. */
export function checkTableSchema(table: TableName, rows: unknown, report: ReportSink): void {
  const file = `${table}.json`;
  const v = compile(schemaFile(table));
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
export function checkDataPackage(descriptor: unknown, report: ReportSink): void {
  const file = 'datapackage.json';
  const v = compile('frictionless/datapackage.json');
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
