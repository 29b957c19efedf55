import { message } from '../messages.ts';
import { TABLE_NAMES } from '../models/tables.ts';
import type { Assertions } from './assertions.ts';
import type { Tables } from './integrity.ts';
import type { Report } from './report.ts';

/**
 * Coverage expectations: rows per table and what every document has; warnings, or errors when `strict`.
 * `undated` names the source files a curator marked as stating no date (sidecar `date: undated`).
 */
export function checkCoverage(tables: Tables, expect: Assertions['coverage'], undated: ReadonlySet<string>, strict: boolean, report: Report): void {
  const severity = strict ? 'error' : 'warning';
  const say = (assertion: string, reason: string, file: string | null) =>
    report.add(`coverage ${assertion}`, message('coverage', reason, { stage: 'validate', file, severity }));

  for (const t of TABLE_NAMES) {
    const min = expect.min_rows[t];
    if (min !== undefined && tables[t].length < min) say(`min-rows ${t}`, `${t} has ${tables[t].length} rows, expected at least ${min}`, `${t}.json`);
  }

  const per = expect.per_document;
  const countBy = (rows: Record<string, unknown>[]) => {
    const n = new Map<unknown, number>();
    for (const r of rows) n.set(r['document_id'], (n.get(r['document_id']) ?? 0) + 1);
    return n;
  };
  const mentions = countBy(tables.mentions);
  const demands = countBy(tables.demands);
  for (const d of tables.documents) {
    const file = typeof d['source_file'] === 'string' ? d['source_file'] : String(d['document_id']);
    if (per.date && d['date'] === null && !undated.has(file)) say('date', 'document has no date of its own', file);
    if (per.publisher && d['publisher_id'] === null) say('publisher', 'document has no publisher', file);
    const m = mentions.get(d['document_id']) ?? 0;
    if (m < per.min_mentions) say('mentions', `document has ${m} actor mentions, expected at least ${per.min_mentions}`, file);
    const k = demands.get(d['document_id']) ?? 0;
    if (k < per.min_demands) say('demands', `document has ${k} demands, expected at least ${per.min_demands}`, file);
  }
}
