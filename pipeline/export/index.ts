import type { Context } from '../context.ts';
import { BuildFailure, message } from '../messages.ts';
import { TABLE_NAMES, type Dataset } from '../models/tables.ts';
import { columns } from '../schemas/columns.ts';
import { checksums } from './checksums.ts';
import { codebook } from './codebook.ts';
import { dataPackage, tablePath } from './datapackage.ts';
import { loadPackageMeta } from './package.ts';
import { tableCsv, tableJson } from './tables.ts';

/** One output file, path relative to the output folder. */
export interface OutputFile {
  path: string;
  content: string | Uint8Array;
}

/**
 * Serialise the dataset: CSV and JSON per table, datapackage.json, CODEBOOK.md, SHA256SUMS — byte-identical
 * for the same dataset; the only timestamp is `created`, from SOURCE_DATE_EPOCH when set.
 */
export function exportDataset(ds: Dataset, ctx: Context): OutputFile[] {
  // --- load inputs
  const meta = loadPackageMeta();
  const created = createdFrom(ctx.options.sourceDateEpoch ?? undefined);

  // --- process: tables first, because the descriptor records their size and hash
  const tables = new Map<string, string>();
  for (const t of TABLE_NAMES) {
    const cols = columns(t);
    tables.set(tablePath(t, 'csv'), tableCsv(ds[t], cols));
    tables.set(tablePath(t, 'json'), tableJson(ds[t], cols));
  }
  const descriptor = dataPackage({ meta, tableFiles: tables, documents: ds.documents, created });
  const files: OutputFile[] = [
    ...[...tables].map(([path, content]) => ({ path, content })),
    { path: 'datapackage.json', content: `${JSON.stringify(descriptor, null, 2)}\n` },
    { path: 'CODEBOOK.md', content: codebook(meta) },
  ];

  // --- save outputs: the checksum list covers every other file
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
