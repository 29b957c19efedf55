import type { Context } from '../context.ts';
import type { SourceDoc } from '../document.ts';
import { message, type Message } from '../messages.ts';
import { TABLE_NAMES } from '../models/tables.ts';
import type { OutputFile } from '../export/index.ts';
import { loadAssertions } from './assertions.ts';
import { checkCoverage } from './coverage.ts';
import { checkForeignKeys, checkOffsets, checkUniqueIds, type Tables } from './integrity.ts';
import { Report } from './report.ts';
import { checkDataPackage, checkTableSchema } from './schemas.ts';

/**
 * Validate the exported files as a user would: each `<table>.json` against the committed `schemas/`, the
 * descriptor against the Frictionless profile, then the integrity and coverage assertions of assertions.yaml.
 */
export function validate(files: OutputFile[], docs: SourceDoc[], ctx: Context): { messages: Message[] } {
  // --- load inputs: the JSON files exactly as written
  const expect = loadAssertions();
  const report = new Report(expect.report_limit);
  const text = new Map(files.map((f) => [f.path, typeof f.content === 'string' ? f.content : new TextDecoder().decode(f.content)]));
  const parse = (path: string): unknown => {
    const t = text.get(path);
    if (t === undefined) {
      report.add('missing', message('internal', `${path} was not exported`, { stage: 'validate', file: path }));
      return undefined;
    }
    try {
      return JSON.parse(t) as unknown;
    } catch (e) {
      report.add('json', message('internal', `${path} is not valid JSON: ${(e as Error).message}`, { stage: 'validate', file: path }));
      return undefined;
    }
  };

  // --- process: schemas first, then assertions on whatever rows could be read
  const tables = {} as Tables;
  for (const t of TABLE_NAMES) {
    const rows = parse(`${t}.json`);
    if (rows !== undefined) checkTableSchema(t, rows, report);
    tables[t] = Array.isArray(rows) ? rows.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null && !Array.isArray(r)) : [];
  }
  const descriptor = parse('datapackage.json');
  if (descriptor !== undefined) checkDataPackage(descriptor, report);

  if (expect.integrity.unique_ids) checkUniqueIds(tables, report);
  if (expect.integrity.foreign_keys) checkForeignKeys(tables, report);
  checkOffsets(tables, docs, expect.integrity.offsets, report);
  const undated = new Set(docs.filter((d) => d.meta?.date === 'undated').map((d) => d.file));
  checkCoverage(tables, expect.coverage, undated, ctx.options.strict, report);

  // --- save outputs
  return { messages: report.messages() };
}
