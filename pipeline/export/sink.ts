import type { ActorRow, DateRow, DemandRow, DocumentRow, MentionRow, TableName } from '../models/tables.ts';
import type { PackageMeta } from './package.ts';
import type { PagePiece } from './html/page-sink.ts';
import type { TablePieces } from './table-sink.ts';

/** The tables whose rows arrive document by document; documents and actors are final only at the end. */
export const STREAMED_TABLES = ['mentions', 'demands', 'dates'] as const satisfies readonly TableName[];
export type StreamedTable = (typeof STREAMED_TABLES)[number];

/** One document's rows in published order (mentions, demands and dates sorted by start, then ID). */
export interface DocumentRows {
  document: DocumentRow;
  mentions: readonly MentionRow[];
  demands: readonly DemandRow[];
  dates: readonly DateRow[];
}

/**
 * One document's share of the text outputs, made ahead of time (on the worker that processed the document, and
 * cached with it): a sink given them appends them as they are instead of serialising the rows again.
 */
export interface DocumentPieces {
  tables: TablePieces;
  page: PagePiece;
}

/** What is known only when every document has been added: the small corpus-wide tables and the package facts. */
export interface CorpusTail {
  /** Every document row, in published order (file name). */
  documents: readonly DocumentRow[];
  /** Every actor row, in published order (name, then ID). */
  actors: readonly ActorRow[];
  meta: PackageMeta;
  /** Creation time from SOURCE_DATE_EPOCH, or null. */
  created: string | null;
  /** The one time binary outputs carry (see stamp.ts). */
  stamp: Date;
  citation: string;
}

/** A file written into the output folder, described for datapackage.json and SHA256SUMS. */
export interface WrittenFile {
  /** Path relative to the output folder, with `/`. */
  path: string;
  bytes: number;
  /** Hex sha256 of the file's bytes. */
  sha256: string;
}

/**
 * An output built as the documents stream past: `add` is called once per document in published order, then
 * `finish` once. A sink keeps only what its output needs from the whole corpus (counts, IDs), never the rows:
 * it writes them to its file, or to scratch files it assembles in `finish`.
 */
export interface OutputSink {
  /**
   * The next document's rows; `source` is its decoded text (without BOM), or null when it could not be read;
   * `pieces`, when given, are what `documentPieces` makes of the same rows and source.
   */
  add(rows: DocumentRows, source: string | null, pieces?: DocumentPieces): void;
  /** Write what is left and close every file; returns the files written into the output folder. */
  finish(tail: CorpusTail): Promise<WrittenFile[]>;
  /** Stop without finishing (the build failed): a sink with a thread of its own stops it, so nothing writes on. */
  abort?(): Promise<void>;
}

/** Where a sink writes: the output folder being built, and a scratch folder (outside it) for temporary files. */
export interface SinkDirs {
  out: string;
  scratch: string;
}

/**
 * A whole dataset as the stream of documents a sink sees: each document's rows, in the dataset's order. For
 * callers that already hold a dataset in memory (tests, small tools); the build streams instead.
 */
export function* documentBatches(ds: { documents: readonly DocumentRow[]; mentions: readonly MentionRow[]; demands: readonly DemandRow[]; dates: readonly DateRow[] }): Generator<DocumentRows> {
  const group = <T extends { document_id: string }>(rows: readonly T[]) => {
    const by = new Map<string, T[]>();
    for (const r of rows) {
      const list = by.get(r.document_id);
      if (list) list.push(r);
      else by.set(r.document_id, [r]);
    }
    return by;
  };
  const mentions = group(ds.mentions);
  const demands = group(ds.demands);
  const dates = group(ds.dates);
  for (const d of ds.documents) {
    const id = d.document_id;
    yield { document: d, mentions: mentions.get(id) ?? [], demands: demands.get(id) ?? [], dates: dates.get(id) ?? [] };
  }
}
