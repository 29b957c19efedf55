import type { Context } from '../context.ts';
import type { Dataset } from '../models/tables.ts';

/** One output file, path relative to the output folder. */
export interface OutputFile {
  path: string;
  content: string | Uint8Array;
}

/** Serialise the dataset: CSV and JSON per table, datapackage.json, CODEBOOK.md, SHA256SUMS. (stub) */
export function exportDataset(ds: Dataset, ctx: Context): OutputFile[] {
  void ctx;
  return [{ path: 'documents.json', content: JSON.stringify(ds.documents) }];
}
