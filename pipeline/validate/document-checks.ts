import { STREAMED_TABLES } from '../export/sink.ts';
import type { Finding, ReportSink } from './report.ts';
import type { Assertions } from './assertions.ts';
import { checkDocumentCoverage } from './coverage.ts';
import { checkOffsets, type Tables } from './integrity.ts';
import { checkTableSchema } from './schemas.ts';

type Row = Record<string, unknown>;

/** One document's rows as the per-document checks read them. */
export interface CheckedRows {
  document: Row | null;
  mentions: readonly Row[];
  demands: readonly Row[];
  dates: readonly Row[];
}

/** One document as validate needs it: its file, its decoded source text (null when unreadable), curated metadata. */
export interface ValidatedSource {
  file: string;
  source: string | null;
  undated: boolean;
}

/**
 * The checks of one document that need nothing from the rest of the corpus: its rows against the committed JSON
 * Schemas, each span against its source, its coverage. A pure function of the rows, the source and the
 * assertions, so it runs on the thread that made the rows and its findings are cached with them; the
 * cross-document checks (unique IDs, foreign keys, row counts) stay with the DatasetValidator.
 */
export function checkDocument(rows: CheckedRows, source: ValidatedSource | null, expect: Assertions, strict: boolean): Finding[] {
  const findings: Finding[] = [];
  const sink: ReportSink = { add: (assertion, m) => findings.push([assertion, m]) };
  const doc = rows.document;
  const tables: Tables = { documents: doc === null ? [] : [doc], actors: [], mentions: rows.mentions, demands: rows.demands, dates: rows.dates };
  for (const t of STREAMED_TABLES) {
    if (tables[t].length > 0) checkTableSchema(t, tables[t], sink);
  }
  if (source !== null && doc !== null) {
    checkOffsets(tables, source.source === null ? [] : [{ file: source.file, source: source.source }], expect.integrity.offsets, sink);
    const id = doc['document_id'];
    checkDocumentCoverage(doc, { mentions: countOf(rows.mentions, id), demands: countOf(rows.demands, id) }, source.undated, expect.coverage, strict, sink);
  }
  return findings;
}

/** How many of the rows belong to the document `id`. */
function countOf(rows: readonly Row[], id: unknown): number {
  let n = 0;
  for (const r of rows) if (r['document_id'] === id) n++;
  return n;
}
