import type { Context } from '../context.ts';
import { BuildFailure, message } from '../messages.ts';
import type { ActorRow, DocumentRow } from '../models/tables.ts';
import type { JsonObject } from '../schemas/json-schemas.ts';
import { citation } from './about.ts';
import { checksums } from './checksums.ts';
import { codebook } from './codebook.ts';
import { dataPackage, type FileResource } from './datapackage.ts';
import { PAGE_PATH, PageSink } from './html/page.ts';
import { OutFile } from './out-file.ts';
import { loadPackageMeta } from './package.ts';
import { type DocumentPieces, type DocumentRows, type OutputSink, type SinkDirs, type WrittenFile } from './sink.ts';
import { SQLITE_PATH, DatabaseSink } from './sqlite.ts';
import { outputStamp } from './stamp.ts';
import { TablesSink } from './table-sink.ts';
import { ThreadedSink } from './sink-thread.ts';
import { XLSX_PATH, WorkbookSink } from './xlsx.ts';

export type { DocumentPieces, DocumentRows, WrittenFile } from './sink.ts';
export { documentPieces } from './pieces.ts';

/** One output file, path relative to the output folder. */
export interface OutputFile {
  path: string;
  content: string | Uint8Array;
}

/** The files for people besides the tables, as the descriptor lists them. */
const PEOPLE_FILES: readonly FileResource[] = [
  {
    name: 'kravkart-xlsx',
    path: XLSX_PATH,
    format: 'xlsx',
    mediatype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    title: 'Workbook (Excel)',
    description: 'Every table as a sheet of one workbook, after a "Les meg" sheet (what the data is, version, licence, how to cite, column dictionary): frozen and filterable header rows, dates as dates, numbers as numbers, text cells in text format.',
  },
  {
    name: 'kravkart-sqlite',
    path: SQLITE_PATH,
    format: 'sqlite',
    mediatype: 'application/vnd.sqlite3',
    title: 'Database (SQLite)',
    description: 'Every table with primary and foreign keys and indexes, `demand_claimants` for joins on claimants, `_package`, `_tables` and `_columns` (the codebook), and `demands_fts`, an FTS5 full-text index of the demands.',
  },
  {
    name: 'kravkart-page',
    path: PAGE_PATH,
    format: 'html',
    mediatype: 'text/html',
    title: 'Browsable page',
    description: 'One self-contained page (no network needed) listing the demands with filters by actor, topic, document and date, free-text search, charts per actor and topic, and each quote marked in its source text.',
  },
];

/** Which outputs to write: the whole package (a build), or only the machine-readable tables (`build --tables-only`, some tests). */
export interface ExportScope {
  people: boolean;
  /** Run the workbook on a thread of its own (large builds), rather than on the calling thread. */
  threads?: boolean;
}

/** What the export wrote: every file (the checksum list last) and the descriptor, for validation. */
export interface Exported {
  written: WrittenFile[];
  descriptor: JsonObject;
}

/**
 * Writes the package as the documents stream past: every output is a sink that takes one document's rows at a
 * time and finishes with the corpus-wide tables (documents, actors); then datapackage.json, CODEBOOK.md and
 * SHA256SUMS describe what was written. Byte-identical for the same rows; the only timestamp is `created`, from
 * SOURCE_DATE_EPOCH when set.
 */
export class Exporter {
  private constructor(
    private readonly dirs: SinkDirs,
    private readonly ctx: Context,
    private readonly sinks: readonly OutputSink[],
    private readonly scope: ExportScope,
  ) {}

  /** Open every sink of the scope, writing into `dirs.out` (and scratch files into `dirs.scratch`). */
  static async open(dirs: SinkDirs, ctx: Context, scope: ExportScope = { people: true }): Promise<Exporter> {
    const sinks: OutputSink[] = [new TablesSink(dirs)];
    // The database stays on this thread: its inserts are native work that costs less here than its rows' trip to a
    // thread and that thread's own start-up (measured: a rebuild from the cache 10 % and a 1 000-document build
    // 0.3–0.6 s faster; 10 000 documents the same). The workbook's compression is JavaScript, and worth a thread.
    if (scope.people && scope.threads === true) sinks.push(await ThreadedSink.start('workbook', dirs), await DatabaseSink.open(dirs), new PageSink(dirs));
    else if (scope.people) sinks.push(new WorkbookSink(dirs), await DatabaseSink.open(dirs), new PageSink(dirs));
    return new Exporter(dirs, ctx, sinks, scope);
  }

  /** The next document's rows, in published order; `source` its decoded text (for the page); `pieces` made ahead of time, if any. */
  add(rows: DocumentRows, source: string | null, pieces?: DocumentPieces): void {
    for (const s of this.sinks) s.add(rows, source, pieces);
  }

  /** Finish every output, then the descriptor, the codebook and the checksum list. */
  async finish(documents: readonly DocumentRow[], actors: readonly ActorRow[]): Promise<Exported> {
    const meta = packageMeta(this.ctx);
    const created = createdFrom(this.ctx.options.sourceDateEpoch ?? undefined);
    const tail = { documents, actors, meta, created, stamp: outputStamp(documents, created), citation: citation({ meta, created }) };
    // Every sink finishes at once: those on threads of their own close their files while the others write theirs.
    let written: WrittenFile[];
    try {
      written = (await Promise.all(this.sinks.map((s) => s.finish(tail)))).flat();
    } catch (e) {
      await this.abort();
      throw e;
    }
    const byPath = new Map(written.map((w) => [w.path, w]));
    const descriptor = dataPackage({ meta, created, documents, written: byPath, excel: true, ...(this.scope.people ? { files: PEOPLE_FILES } : {}) });
    written.push(this.text('datapackage.json', `${JSON.stringify(descriptor, null, 2)}\n`));
    written.push(this.text('CODEBOOK.md', codebook(meta)));
    written.push(this.text('SHA256SUMS', checksums(written)));
    return { written, descriptor };
  }

  /** Stop every sink without finishing (the build failed), so no thread writes on while the folders are removed. */
  async abort(): Promise<void> {
    await Promise.all(this.sinks.map((s) => s.abort?.()));
  }

  private text(path: string, content: string): WrittenFile {
    const f = new OutFile(this.dirs.out, path);
    f.write(content);
    return f.close();
  }
}

/** RFC 3339 time of SOURCE_DATE_EPOCH (integer seconds, reproducible-builds.org), or null when unset. */
export function createdFrom(epoch: string | undefined): string | null {
  if (epoch === undefined || epoch === '') return null;
  if (!/^\d+$/.test(epoch)) {
    throw new BuildFailure([message('usage', `SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${epoch}"`, { stage: 'export' })]);
  }
  return new Date(Number(epoch) * 1000).toISOString().replace('.000Z', 'Z');
}

/** The package metadata with the version this build writes: a release build's version, else package.yaml's. */
function packageMeta(ctx: Context): ReturnType<typeof loadPackageMeta> {
  const meta = loadPackageMeta();
  return ctx.options.datasetVersion === undefined ? meta : { ...meta, version: ctx.options.datasetVersion };
}
