import type { Context } from '../context.ts';
import type { SourceDoc } from '../document.ts';
import { BuildFailure, message } from '../messages.ts';
import { TABLE_NAMES, type Dataset } from '../models/tables.ts';
import { columns } from '../schemas/columns.ts';
import { citation } from './about.ts';
import { checksums } from './checksums.ts';
import { codebook } from './codebook.ts';
import { dataPackage, tablePath, type FileResource } from './datapackage.ts';
import { excelCsv, excelCsvPath } from './excel-csv.ts';
import { PAGE_PATH, browsePage } from './html/page.ts';
import { loadPackageMeta } from './package.ts';
import { SQLITE_PATH, sqliteDatabase } from './sqlite.ts';
import { outputStamp } from './stamp.ts';
import { tableCsv, tableJson } from './tables.ts';
import { XLSX_PATH, workbookXlsx } from './xlsx.ts';

/** One output file, path relative to the output folder. */
export interface OutputFile {
  path: string;
  content: string | Uint8Array;
}

/**
 * Serialise the machine-readable package: CSV and JSON per table, datapackage.json, CODEBOOK.md, SHA256SUMS —
 * byte-identical for the same dataset; the only timestamp is `created`, from SOURCE_DATE_EPOCH when set.
 * `exportOutputs` adds the files for people (spreadsheets, database, page) to the same package.
 */
export function exportDataset(ds: Dataset, ctx: Context): OutputFile[] {
  const meta = packageMeta(ctx);
  const created = createdFrom(ctx.options.sourceDateEpoch ?? undefined);
  return packageFiles(ds, machineTables(ds), { meta, created });
}

/**
 * Everything the build writes: the machine-readable package plus `excel/<table>.csv`, `kravkart.xlsx`,
 * `kravkart.sqlite` and `index.html`, all listed in datapackage.json and SHA256SUMS and all byte-identical for
 * the same dataset and sources. `sources` gives each document's text for the page's document view; each `source`
 * is read once, while the page is built, so a lazy reference that reads its file (SourceRef) works as well.
 */
export async function exportOutputs(ds: Dataset, ctx: Context, sources: readonly Pick<SourceDoc, 'file' | 'source'>[]): Promise<OutputFile[]> {
  // --- load inputs
  const meta = packageMeta(ctx);
  const created = createdFrom(ctx.options.sourceDateEpoch ?? undefined);
  const stamp = outputStamp(ds.documents, created);
  const cite = citation({ meta, created });
  const byFile = new Map(sources.map((s) => [s.file, s]));

  // --- process: every file that the descriptor describes by size and hash comes first
  const excelFiles = new Map(TABLE_NAMES.map((t) => [excelCsvPath(t), excelCsv(ds[t], columns(t))]));
  const files: FileResource[] = [
    {
      name: 'kravkart-xlsx',
      path: XLSX_PATH,
      format: 'xlsx',
      mediatype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      title: 'Workbook (Excel)',
      description: 'Every table as a sheet of one workbook, after a "Les meg" sheet (what the data is, version, licence, how to cite, column dictionary): frozen and filterable header rows, dates as dates, numbers as numbers, text cells in text format.',
      content: await workbookXlsx({ ds, meta, created, stamp }),
    },
    {
      name: 'kravkart-sqlite',
      path: SQLITE_PATH,
      format: 'sqlite',
      mediatype: 'application/vnd.sqlite3',
      title: 'Database (SQLite)',
      description: 'Every table with primary and foreign keys and indexes, `demand_claimants` for joins on claimants, `_package`, `_tables` and `_columns` (the codebook), and `demands_fts`, an FTS5 full-text index of the demands.',
      content: await sqliteDatabase({ ds, meta, citation: cite }),
    },
    {
      name: 'kravkart-page',
      path: PAGE_PATH,
      format: 'html',
      mediatype: 'text/html',
      title: 'Browsable page',
      description: 'One self-contained page (no network needed) listing the demands with filters by actor, topic, document and date, free-text search, charts per actor and topic, and each quote marked in its source text.',
      content: browsePage({ ds, meta, citation: cite, sourceText: (file) => byFile.get(file)?.source ?? null }),
    },
  ];

  // --- save outputs
  return packageFiles(ds, machineTables(ds), { meta, created, excelFiles, files });
}

// CSV and JSON of every table, by path.
function machineTables(ds: Dataset): Map<string, string> {
  const tables = new Map<string, string>();
  for (const t of TABLE_NAMES) {
    const cols = columns(t);
    tables.set(tablePath(t, 'csv'), tableCsv(ds[t], cols));
    tables.set(tablePath(t, 'json'), tableJson(ds[t], cols));
  }
  return tables;
}

// The files in output order, then datapackage.json and CODEBOOK.md, then the checksum list over all of them.
function packageFiles(
  ds: Dataset,
  tables: ReadonlyMap<string, string>,
  extra: { meta: ReturnType<typeof loadPackageMeta>; created: string | null; excelFiles?: ReadonlyMap<string, string>; files?: readonly FileResource[] },
): OutputFile[] {
  const descriptor = dataPackage({ tableFiles: tables, documents: ds.documents, ...extra });
  const files: OutputFile[] = [
    ...[...tables].map(([path, content]) => ({ path, content })),
    ...[...(extra.excelFiles ?? [])].map(([path, content]) => ({ path, content })),
    ...(extra.files ?? []).map((f) => ({ path: f.path, content: f.content })),
    { path: 'datapackage.json', content: `${JSON.stringify(descriptor, null, 2)}\n` },
    { path: 'CODEBOOK.md', content: codebook(extra.meta) },
  ];
  return [...files, { path: 'SHA256SUMS', content: checksums(files) }];
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
