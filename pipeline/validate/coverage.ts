import { message } from '../messages.ts';
import { TABLE_NAMES, type TableName } from '../models/tables.ts';
import type { Assertions } from './assertions.ts';
import type { ReportSink } from './report.ts';

type Coverage = Assertions['coverage'];

function say(report: ReportSink, strict: boolean, assertion: string, reason: string, file: string | null): void {
  report.add(`coverage ${assertion}`, message('coverage', reason, { stage: 'validate', file, severity: strict ? 'error' : 'warning' }));
}

/** Coverage of the whole dataset: rows per table. Warnings, or errors when `strict`. */
export function checkRowCounts(counts: ReadonlyMap<TableName, number>, expect: Coverage, strict: boolean, report: ReportSink): void {
  for (const t of TABLE_NAMES) {
    const min = expect.min_rows[t];
    const n = counts.get(t) ?? 0;
    if (min !== undefined && n < min) say(report, strict, `min-rows ${t}`, `${t} has ${n} rows, expected at least ${min}`, `${t}.json`);
  }
}

/**
 * Coverage of one document: its own date (unless a curator marked it `undated`), a publisher, enough mentions and
 * demands. Warnings, or errors when `strict`.
 */
export function checkDocumentCoverage(
  d: Record<string, unknown>,
  counts: { mentions: number; demands: number },
  undated: boolean,
  expect: Coverage,
  strict: boolean,
  report: ReportSink,
): void {
  const per = expect.per_document;
  const file = typeof d['source_file'] === 'string' ? d['source_file'] : String(d['document_id']);
  if (per.date && d['date'] === null && !undated) say(report, strict, 'date', 'document has no date of its own', file);
  if (per.publisher && d['publisher_id'] === null) say(report, strict, 'publisher', 'document has no publisher', file);
  if (counts.mentions < per.min_mentions) say(report, strict, 'mentions', `document has ${counts.mentions} actor mentions, expected at least ${per.min_mentions}`, file);
  if (counts.demands < per.min_demands) say(report, strict, 'demands', `document has ${counts.demands} demands, expected at least ${per.min_demands}`, file);
}
